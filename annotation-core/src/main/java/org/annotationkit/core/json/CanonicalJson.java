package org.annotationkit.core.json;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.annotationkit.core.annotation.Annotation;
import org.annotationkit.core.dataset.Dataset;
import org.annotationkit.core.dataset.DatasetSource;
import org.annotationkit.core.internal.IoProblems;
import org.annotationkit.core.io.FormatException;
import org.annotationkit.core.item.Item;
import org.annotationkit.core.schema.Schema;

/**
 * The canonical JSON of Annotation Kit: where to get the codec of each top-level record.
 *
 * {@snippet :
 * String line = CanonicalJson.annotations().write(annotation);
 * Annotation back = CanonicalJson.annotations().read(line); // equals annotation
 * try (Stream<Item> items = CanonicalJson.items().readLines(Path.of("items.jsonl")).stream()) {
 *   long images = items.filter(item -> item instanceof ImageItem).count();
 * }
 * }
 *
 * <p>A whole {@link Dataset} goes in one JSON Lines file: {@link #writeDataset(Path, Dataset)},
 * {@link #readDataset(Path)}, and {@link #openDataset(Path)} to stream it one item at a time.
 *
 * <p>Every record starts with {@code "annotationkit"} (the record type: {@code "schema"}, {@code
 * "item"} or {@code "annotation"}) and {@code "version"} ({@link #FORMAT_VERSION}). The layout of
 * each record, field by field, is documented in {@code docs/canonical-json.md}.
 *
 * @since 0.1.0
 */
public final class CanonicalJson {
  /** The version of the layout that this library writes and reads. */
  public static final int FORMAT_VERSION = 1;

  /** The record types, the values of {@code "annotationkit"}. */
  static final List<String> RECORD_TYPES = List.of("schema", "item", "annotation");

  private static final JsonCodec<Schema> SCHEMAS = new JsonCodec<>(SchemaFormat.INSTANCE);
  private static final JsonCodec<Item> ITEMS = new JsonCodec<>(ItemFormat.INSTANCE);
  private static final JsonCodec<Annotation> ANNOTATIONS =
      new JsonCodec<>(AnnotationFormat.INSTANCE);

  private CanonicalJson() {}

  /**
   * The codec of schema records ({@code "annotationkit": "schema"}).
   *
   * @return the codec, shared and immutable
   */
  public static JsonCodec<Schema> schemas() {
    return SCHEMAS;
  }

  /**
   * The codec of item records ({@code "annotationkit": "item"}), of every item type.
   *
   * @return the codec, shared and immutable
   */
  public static JsonCodec<Item> items() {
    return ITEMS;
  }

  /**
   * The codec of annotation records ({@code "annotationkit": "annotation"}).
   *
   * @return the codec, shared and immutable
   */
  public static JsonCodec<Annotation> annotations() {
    return ANNOTATIONS;
  }

  // ------------------------------------------------------------------ datasets

  /**
   * Writes a dataset as one JSON Lines file (UTF-8), atomically: the schema record on the first
   * line, then each item followed by its annotations, in the dataset's order. {@link
   * #readDataset(Path)} reads it back to an equal dataset.
   *
   * @param file the file to create or replace
   * @param dataset the dataset
   * @throws IllegalArgumentException if a text of the dataset holds a lone surrogate, naming the
   *     file and the record
   * @throws UncheckedIOException if the file cannot be written, naming it
   */
  public static void writeDataset(Path file, Dataset dataset) {
    Objects.requireNonNull(dataset, "dataset");
    DatasetLines.write(file, dataset.source());
  }

  /**
   * Writes a dataset that streams, as {@link #writeDataset(Path, Dataset)} does: the schema record,
   * then for each entry its item (only the first time it comes, for an ungrouped source) and its
   * annotations. The source is read to its end and not closed; only the ids of the items written
   * are kept in memory.
   *
   * @param file the file to create or replace
   * @param source the dataset
   * @throws IllegalArgumentException if a text holds a lone surrogate, naming the file and record
   * @throws UncheckedIOException if the file cannot be written, naming it
   */
  public static void writeDataset(Path file, DatasetSource source) {
    DatasetLines.write(file, source);
  }

  /**
   * Reads a whole dataset file: a schema record on its first non-blank line, then item and
   * annotation records in any order (an annotation may come before its item).
   *
   * @param file the file, UTF-8
   * @return the dataset
   * @throws FormatException if a line is not a valid record, the first is not a schema, there is a
   *     second schema, an id comes twice, or an annotation's item is not in the file; with the
   *     file, line and column
   * @throws UncheckedIOException if the file cannot be read, naming it
   */
  public static Dataset readDataset(Path file) {
    return DatasetLines.read(records(file));
  }

  /**
   * Streams a dataset file one item at a time, each with its annotations, as a {@linkplain
   * DatasetSource#grouped() grouped} source. The schema record is read at once; the rest as the
   * entries are asked for, in constant memory but for the ids of the items read so far.
   *
   * <p>Order required: the schema record first, then each item record followed by all of its
   * annotation records before the next item record, which is how {@link #writeDataset(Path,
   * Dataset)} writes. An annotation that comes before any item, or after another item than its own,
   * raises a {@link FormatException} at its line (read such a file with {@link #readDataset(Path)},
   * which takes any order); so does an item id that comes twice. The uniqueness of annotation ids
   * is not checked here ({@link Dataset#of(DatasetSource)} checks it). A record that raised an
   * exception is skipped, and reading may go on.
   *
   * @param file the file, UTF-8
   * @return the source; close it to close the file
   * @throws FormatException if the first record is not a schema
   * @throws UncheckedIOException if the file cannot be read, naming it
   */
  public static DatasetSource openDataset(Path file) {
    return DatasetLines.open(records(file));
  }

  /**
   * Streams a dataset from UTF-8 bytes, as {@link #openDataset(Path)} does.
   *
   * @param in the bytes; closing the source closes them
   * @param sourceName the name of the file or stream, for error messages
   * @return the source
   * @throws FormatException if the first record is not a schema
   */
  public static DatasetSource openDataset(InputStream in, String sourceName) {
    Objects.requireNonNull(in, "in");
    Objects.requireNonNull(sourceName, "sourceName");
    return DatasetLines.open(new JsonLinesReader<>(JsonCodec::readAnyRecord, in, sourceName));
  }

  private static JsonLinesReader<Object> records(Path file) {
    Objects.requireNonNull(file, "file");
    IoProblems.requireReadableFile(file);
    try {
      return new JsonLinesReader<>(
          JsonCodec::readAnyRecord, Files.newInputStream(file), file.toString());
    } catch (IOException e) {
      throw IoProblems.failure("read", file, e);
    }
  }
}
