package org.annotationkit.formats.nlp;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.annotationkit.core.annotation.Annotation;
import org.annotationkit.core.annotation.ChoiceValue;
import org.annotationkit.core.annotation.MultipleChoiceValue;
import org.annotationkit.core.annotation.Result;
import org.annotationkit.core.annotation.Value;
import org.annotationkit.core.dataset.Dataset;
import org.annotationkit.core.dataset.DatasetEntry;
import org.annotationkit.core.dataset.DatasetSource;
import org.annotationkit.core.item.Item;
import org.annotationkit.core.item.TextItem;
import org.annotationkit.core.table.CsvFormat;
import org.annotationkit.core.table.CsvReader;
import org.annotationkit.core.table.CsvWriter;
import org.annotationkit.formats.ConversionContext;
import org.annotationkit.formats.FormatOption;
import org.annotationkit.formats.FormatOptions;
import org.annotationkit.formats.LossObject;
import org.annotationkit.formats.internal.IoMessages;
import org.jspecify.annotations.Nullable;

/**
 * Classification tables, {@code csv}: one row per text, as CSV with a header or as JSON Lines,
 * single-label or multi-label, the label column(s) named by option.
 *
 * <ul>
 *   <li>{@code text-column} (default {@code text}) holds the text, {@code id-column} (default
 *       {@code id}) the item's id (else the row's 1-based number); every other column but the label
 *       column(s) is kept in the item's metadata.
 *   <li>{@code label-column} (default {@code label}): one column holds the label, a single choice
 *       in the field of the column's name; with {@code multi-label=true} it holds labels separated
 *       by {@code label-separator} (default {@code |}; in JSON Lines, an array), a multiple choice.
 *       Several columns, comma separated ({@code label-column=toxic,insult}), are binary columns
 *       ({@code 1}/{@code 0}, {@code true}/{@code false}): the labels of the columns set are a
 *       multiple choice in the field {@code labels}. An empty cell is no label.
 *   <li>Reading tells JSON Lines from CSV by its first character (an opening brace); writing writes
 *       CSV unless {@code table=jsonl}. Writing holds the table in memory (its header names every
 *       metadata key), writes the first choice result of the first annotation that was not
 *       rejected, and reports what does not fit.
 * </ul>
 *
 * @since 0.1.0
 */
public final class ClassificationTableFormat extends FileFormat {
  private static final List<FormatOption> OPTIONS =
      List.of(
          new FormatOption("text-column", "the column of the text (default text)", List.of()),
          new FormatOption(
              "id-column",
              "the column of the item's id (default id; else the row number)",
              List.of()),
          new FormatOption(
              "label-column",
              "the label column (default label), or several binary columns, comma separated",
              List.of()),
          FormatOption.of(
              "multi-label",
              "true when the one label column holds several labels (default false)",
              "true",
              "false"),
          new FormatOption(
              "label-separator",
              "what separates the labels of a multi-label cell (default |)",
              List.of()),
          FormatOption.of("table", "what is written: csv (the default) or jsonl", "csv", "jsonl"));

  /** Creates the format; {@link java.util.ServiceLoader} calls this. */
  public ClassificationTableFormat() {
    super(
        "csv",
        "classification tables (CSV or JSON Lines, one row per text, single or multi-label)",
        OPTIONS,
        (input, context) -> {
          Columns columns = Columns.of(context.options());
          boolean json = firstChar(input) == '{';
          return TwoPass.open(
              "classification",
              true,
              pass ->
                  json
                      ? new JsonRecords(input, pass, (r, i, c) -> fromJson(r, i, columns))
                      : new CsvRows(input, columns),
              context);
        },
        ClassificationTableFormat::write);
  }

  /** The options, resolved. */
  private record Columns(
      String text, String id, List<String> labels, boolean multi, String separator) {
    static Columns of(FormatOptions options) {
      List<String> labels =
          Arrays.stream(options.value("label-column", "label").split(",", -1))
              .map(String::strip)
              .toList();
      if (labels.stream().anyMatch(String::isEmpty)) {
        throw new IllegalArgumentException("option label-column: a column name is empty");
      }
      String separator = options.value("label-separator", "|");
      if (separator.isEmpty()) {
        throw new IllegalArgumentException("option label-separator must not be empty");
      }
      return new Columns(
          options.value("text-column", "text"),
          options.value("id-column", "id"),
          labels,
          options.flag("multi-label", false),
          separator);
    }

    boolean binary() {
      return labels.size() > 1;
    }

    String field() {
      return binary() ? "labels" : labels.get(0);
    }

    boolean isLabel(String column) {
      return labels.contains(column);
    }
  }

  private static int firstChar(Path input) {
    try (InputStream in = Files.newInputStream(input)) {
      int c;
      do {
        c = in.read();
      } while (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0xEF || c == 0xBB
          || c == 0xBF);
      return c;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + input + ": " + IoMessages.reason(e), e);
    }
  }

  private static boolean truthy(String cell) {
    return switch (cell.strip().toLowerCase(java.util.Locale.ROOT)) {
      case "1", "1.0", "true", "yes" -> true;
      default -> false;
    };
  }

  private static Optional<Value> label(List<String> chosen, boolean multi) {
    if (chosen.isEmpty()) {
      return Optional.empty();
    }
    if (!multi && chosen.size() == 1) {
      return Optional.of(new ChoiceValue(chosen.get(0)));
    }
    return Optional.of(new MultipleChoiceValue(chosen));
  }

  private static DatasetEntry entry(
      String id,
      String text,
      Map<String, String> metadata,
      Columns columns,
      Optional<Value> value) {
    Annotation.Builder annotation = Annotation.builder(id, id, "csv");
    value.ifPresent(v -> annotation.result("label", columns.field(), v));
    return Texts.entry(new TextItem(id, text, Optional.empty(), metadata), annotation);
  }

  private static List<DatasetEntry> fromJson(Node record, int index, Columns columns) {
    if (!record.isObject()) {
      throw record.error("expected a row (a JSON object)");
    }
    String text = record.need(columns.text()).string();
    String id = record.get(columns.id()).map(Node::id).orElse(Integer.toString(index));
    Map<String, String> metadata = new TreeMap<>();
    List<String> chosen = new ArrayList<>();
    boolean multi = columns.multi() || columns.binary();
    for (Map.Entry<String, Node> member : record.members().entrySet()) {
      String key = member.getKey();
      Node value = member.getValue();
      if (key.equals(columns.text()) || key.equals(columns.id()) || value.isNull()) {
        continue;
      }
      if (columns.isLabel(key)) {
        if (columns.binary()) {
          if (value.value() instanceof Boolean b ? b : truthy(value.value().toString())) {
            chosen.add(key);
          }
        } else if (value.isArray()) {
          multi = true;
          for (Node label : value.elements()) {
            chosen.add(label.id());
          }
        } else if (!(value.isString() && value.string().isEmpty())) {
          chosen.add(value.id());
        }
      } else if (!value.isObject() && !value.isArray() && !key.isEmpty()) {
        metadata.put(key, value.value().toString());
      }
    }
    return List.of(entry(id, text, metadata, columns, label(chosen, multi)));
  }

  /** One pass over a CSV table. */
  private static final class CsvRows implements EntryReader {
    private final CsvReader in;
    private final Columns columns;
    private final int text;
    private final int id;
    private final int[] labels;
    private @Nullable Boolean ready;

    CsvRows(Path file, Columns columns) {
      this.in = CsvReader.open(file, CsvFormat.DEFAULT);
      this.columns = columns;
      try {
        this.text = in.header().require(columns.text());
        this.id = in.header().indexOf(columns.id()).orElse(-1);
        this.labels = in.header().require(columns.labels().toArray(String[]::new));
      } catch (RuntimeException e) {
        in.close();
        throw e;
      }
    }

    @Override
    public boolean hasNext() {
      if (ready == null) {
        ready = in.next();
      }
      return ready;
    }

    @Override
    public DatasetEntry next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      ready = null;
      String rowId = id >= 0 ? in.get(id) : Long.toString(in.rowNumber());
      if (rowId.isEmpty()) {
        throw in.cellError(id, "the id is empty");
      }
      Map<String, String> metadata = new TreeMap<>();
      for (int c = 0; c < in.cellCount(); c++) {
        String name = in.header().name(c);
        if (c != text && c != id && !columns.isLabel(name) && !name.isEmpty()) {
          metadata.put(name, in.get(c));
        }
      }
      List<String> chosen = new ArrayList<>();
      if (columns.binary()) {
        for (int c : labels) {
          if (truthy(in.get(c))) {
            chosen.add(in.header().name(c));
          }
        }
      } else {
        String cell = in.get(labels[0]);
        if (!cell.isEmpty()) {
          if (columns.multi()) {
            for (String part : cell.split(java.util.regex.Pattern.quote(columns.separator()), -1)) {
              if (!part.isEmpty()) {
                chosen.add(part);
              }
            }
          } else {
            chosen.add(cell);
          }
        }
      }
      try {
        return entry(
            rowId,
            in.get(text),
            metadata,
            columns,
            label(chosen, columns.multi() || columns.binary()));
      } catch (IllegalArgumentException e) {
        throw in.rowError(e.getMessage() == null ? e.toString() : e.getMessage());
      }
    }

    @Override
    public void close() {
      in.close();
    }
  }

  // ------------------------------------------------------------------ writing

  private static void write(DatasetSource source, Path output, ConversionContext context) {
    Columns columns = Columns.of(context.options());
    boolean json = context.options().value("table", "csv").equals("jsonl");
    Dataset dataset = Dataset.of(source);
    TreeSet<String> keys = new TreeSet<>();
    for (Item item : dataset.items()) {
      keys.addAll(item.metadata().keySet());
    }
    keys.remove(columns.text());
    keys.remove(columns.id());
    keys.removeAll(columns.labels());
    List<String> header = new ArrayList<>();
    header.add(columns.id());
    header.add(columns.text());
    header.addAll(keys);
    header.addAll(columns.labels());
    if (json) {
      Writer out = Texts.utf8(output);
      try {
        eachRow(
            dataset,
            columns,
            context,
            (text, chosen) -> Texts.line(out, jsonRow(text, keys, columns, chosen)));
      } finally {
        Texts.close(out, output);
      }
      return;
    }
    try (CsvWriter out = CsvWriter.to(Files.newOutputStream(output), CsvFormat.DEFAULT)) {
      out.row(header);
      eachRow(
          dataset,
          columns,
          context,
          (text, chosen) -> {
            List<String> row = new ArrayList<>();
            row.add(text.id());
            row.add(text.text());
            for (String key : keys) {
              row.add(text.metadata().getOrDefault(key, ""));
            }
            if (columns.binary()) {
              for (String label : columns.labels()) {
                row.add(chosen.contains(label) ? "1" : "0");
              }
            } else {
              row.add(String.join(columns.separator(), chosen));
            }
            out.row(row);
          });
    } catch (IOException e) {
      throw Texts.failed(output, e);
    }
  }

  private static void eachRow(
      Dataset dataset,
      Columns columns,
      ConversionContext context,
      java.util.function.BiConsumer<TextItem, List<String>> row) {
    for (Item item : dataset.items()) {
      if (!(item instanceof TextItem text)) {
        context.lose(
            LossObject.item(item.id()),
            "item skipped",
            "a classification table holds texts, not " + item.kind().jsonName() + " items");
        continue;
      }
      DatasetEntry entry = new DatasetEntry(item, dataset.annotationsOf(item.id()));
      List<String> chosen = chosen(entry, columns, context);
      row.accept(text, chosen);
      context.wrote(1, chosen.isEmpty() ? 0 : 1);
    }
  }

  private static List<String> chosen(
      DatasetEntry entry, Columns columns, ConversionContext context) {
    Optional<Annotation> annotation = Texts.first(entry, context, "a classification table");
    List<String> chosen = new ArrayList<>();
    boolean found = false;
    if (annotation.isPresent()) {
      for (Result result : annotation.get().results()) {
        List<String> labels =
            switch (result.value()) {
              case ChoiceValue choice -> List.of(choice.label());
              case MultipleChoiceValue choices -> choices.labels();
              default -> null;
            };
        LossObject where = LossObject.item(entry.item().id()).withAnnotation(result.id());
        if (labels == null || found) {
          context.lose(
              where,
              "result dropped",
              labels == null
                  ? "a classification table holds labels, not "
                      + result.value().kind().jsonName()
                      + " results"
                  : "the table holds one label field; an earlier one is written");
          continue;
        }
        found = true;
        for (String label : labels) {
          if (columns.binary() && !columns.labels().contains(label)) {
            context.lose(where, "label dropped", "no label column is named " + label);
          } else if (!columns.binary() && !columns.multi() && !chosen.isEmpty()) {
            context.lose(
                where,
                "label dropped",
                "the table is single-label (option multi-label=true keeps them all); "
                    + chosen.get(0)
                    + " is written");
          } else {
            chosen.add(label);
          }
        }
      }
    }
    return chosen;
  }

  private static String jsonRow(
      TextItem item, SortedSet<String> keys, Columns columns, List<String> chosen) {
    return Node.json(out -> {
      out.writeStartObject();
      out.writeName(columns.id());
      out.writeString(item.id());
      out.writeName(columns.text());
      out.writeString(item.text());
      for (String key : keys) {
        String value = item.metadata().get(key);
        if (value != null) {
          out.writeName(key);
          out.writeString(value);
        }
      }
      if (columns.binary()) {
        for (String label : columns.labels()) {
          out.writeName(label);
          out.writeNumber(chosen.contains(label) ? 1 : 0);
        }
      } else if (columns.multi()) {
        out.writeName(columns.labels().get(0));
        out.writeStartArray();
        for (String label : chosen) {
          out.writeString(label);
        }
        out.writeEndArray();
      } else if (!chosen.isEmpty()) {
        out.writeName(columns.labels().get(0));
        out.writeString(chosen.get(0));
      }
      out.writeEndObject();
    });
  }
}
