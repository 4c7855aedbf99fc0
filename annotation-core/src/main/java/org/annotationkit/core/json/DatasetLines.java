package org.annotationkit.core.json;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.annotationkit.core.annotation.Annotation;
import org.annotationkit.core.dataset.Dataset;
import org.annotationkit.core.dataset.DatasetEntry;
import org.annotationkit.core.dataset.DatasetSource;
import org.annotationkit.core.internal.Require;
import org.annotationkit.core.io.AtomicFiles;
import org.annotationkit.core.io.FormatException;
import org.annotationkit.core.item.Item;
import org.annotationkit.core.schema.Schema;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.exc.JacksonIOException;

/**
 * A dataset as one JSON Lines file: the schema record on the first line, then item and annotation
 * records. {@link CanonicalJson} gives the public methods; this class writes such files, reads them
 * whole, and streams them as a grouped {@link DatasetSource}.
 */
final class DatasetLines implements DatasetSource {
  private final JsonLinesReader<Object> lines;
  private final Schema schema;
  private final Set<String> itemIds = new HashSet<>();

  /** The item whose annotations are being collected, read ahead; or null. */
  private @Nullable Item item;

  private List<Annotation> annotations = new ArrayList<>();
  private boolean ended;
  private boolean closed;

  private DatasetLines(JsonLinesReader<Object> lines, Schema schema) {
    this.lines = lines;
    this.schema = schema;
  }

  // ------------------------------------------------------------------ writing

  /**
   * Writes the schema, then for each entry its item (the first time it comes) and its annotations,
   * one record per line, atomically.
   */
  static void write(Path file, DatasetSource source) {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(source, "source");
    try {
      AtomicFiles.write(
          file,
          stream -> {
            Utf8Writer text = new Utf8Writer(stream);
            try (JsonGenerator out = JsonEngine.generator(text, false)) {
              Records records = new Records(out);
              records.write(CanonicalJson.schemas(), source.schema());
              Set<String> written = new HashSet<>();
              while (source.hasNext()) {
                DatasetEntry entry = source.next();
                if (written.add(entry.item().id())) {
                  records.write(CanonicalJson.items(), entry.item());
                }
                for (Annotation annotation : entry.annotations()) {
                  records.write(CanonicalJson.annotations(), annotation);
                }
              }
            }
            text.close();
          });
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  /** Writes records of any type, one per line, numbering them for messages. */
  private static final class Records {
    private final JsonGenerator out;
    private long count;

    Records(JsonGenerator out) {
      this.out = out;
    }

    <T> void write(JsonCodec<T> codec, T value) {
      count++;
      try {
        codec.writeRecord(out, value);
        out.writeRaw('\n');
        out.flush();
      } catch (JacksonIOException e) {
        throw JsonLinesWriter.failure(e, count, value);
      }
    }
  }

  // ------------------------------------------------------------------ reading

  /** Opens a dataset file as a grouped source; reads its schema record first. */
  static DatasetLines open(JsonLinesReader<Object> lines) {
    try {
      if (!lines.hasNext()) {
        throw FormatException.at(
            "expected a dataset (a schema record, then items and annotations), but the input is"
                + " empty",
            new FormatException.Location(lines.source(), 0, 0, Optional.empty()));
      }
      Object first = lines.next();
      if (!(first instanceof Schema schema)) {
        throw error(
            lines,
            "",
            "expected the schema record first in a dataset, found " + describe(first) + " record");
      }
      return new DatasetLines(lines, schema);
    } catch (RuntimeException e) {
      lines.close();
      throw e;
    }
  }

  /** Reads a whole dataset file: items and annotations in any order. */
  static Dataset read(JsonLinesReader<Object> lines) {
    try (DatasetLines source = open(lines)) {
      Dataset.Builder builder = Dataset.builder(source.schema);
      while (lines.hasNext()) {
        Object record = lines.next();
        try {
          switch (record) {
            case Item item -> builder.item(item);
            case Annotation annotation -> builder.annotation(annotation);
            default -> throw secondSchema(lines);
          }
        } catch (IllegalArgumentException e) {
          throw error(lines, "/id", Objects.requireNonNullElse(e.getMessage(), e.toString()));
        }
      }
      try {
        return builder.build();
      } catch (IllegalArgumentException e) {
        throw FormatException.at(
            Objects.requireNonNullElse(e.getMessage(), e.toString()),
            new FormatException.Location(lines.source(), 0, 0, Optional.empty()),
            e);
      }
    }
  }

  @Override
  public Schema schema() {
    return schema;
  }

  @Override
  public boolean grouped() {
    return true;
  }

  @Override
  public boolean hasNext() {
    if (closed) {
      throw new IllegalStateException("the dataset source is closed");
    }
    if (item != null) {
      return true;
    }
    while (!ended && item == null) {
      if (!lines.hasNext()) {
        ended = true;
        break;
      }
      Object record = lines.next();
      switch (record) {
        case Item next -> start(next);
        case Annotation annotation ->
            throw error(
                lines,
                "/item",
                "annotation "
                    + Require.quote(annotation.id())
                    + " of item "
                    + Require.quote(annotation.itemId())
                    + " comes before any item: "
                    + ORDER);
        default -> throw secondSchema(lines);
      }
    }
    return item != null;
  }

  @Override
  public DatasetEntry next() {
    if (!hasNext()) {
      throw new NoSuchElementException("no more items");
    }
    Item current = Objects.requireNonNull(item);
    while (lines.hasNext()) {
      Object record = lines.next();
      switch (record) {
        case Annotation annotation -> {
          if (!annotation.itemId().equals(current.id())) {
            throw error(
                lines,
                "/item",
                "annotation "
                    + Require.quote(annotation.id())
                    + " is of item "
                    + Require.quote(annotation.itemId())
                    + " but follows item "
                    + Require.quote(current.id())
                    + ": "
                    + ORDER);
          }
          annotations.add(annotation);
        }
        case Item next -> {
          DatasetEntry entry = new DatasetEntry(current, annotations);
          annotations = new ArrayList<>();
          item = null;
          start(next);
          return entry;
        }
        default -> throw secondSchema(lines);
      }
    }
    DatasetEntry entry = new DatasetEntry(current, annotations);
    annotations = new ArrayList<>();
    item = null;
    ended = true;
    return entry;
  }

  private static final String ORDER =
      "read as a stream, a dataset file must give each item's annotations after it and before the"
          + " next item (CanonicalJson.readDataset reads any order)";

  private void start(Item next) {
    if (!itemIds.add(next.id())) {
      throw error(lines, "/id", "item id " + Require.quote(next.id()) + " appears twice");
    }
    item = next;
  }

  @Override
  public void close() {
    if (!closed) {
      closed = true;
      lines.close();
    }
  }

  private static FormatException secondSchema(JsonLinesReader<Object> lines) {
    return error(lines, "", "a dataset has one schema record, on its first line; found another");
  }

  private static FormatException error(
      JsonLinesReader<Object> lines, String pointer, String problem) {
    return FormatException.at(
        problem,
        new FormatException.Location(
            lines.source(), lines.lineNumber(), lines.columnNumber(), Optional.of(pointer)));
  }

  private static String describe(Object record) {
    return switch (record) {
      case Item item -> "an item";
      case Annotation annotation -> "an annotation";
      default -> "a " + record.getClass().getSimpleName();
    };
  }
}
