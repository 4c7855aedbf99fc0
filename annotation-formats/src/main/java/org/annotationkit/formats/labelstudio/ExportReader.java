package org.annotationkit.formats.labelstudio;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import org.annotationkit.core.dataset.DatasetEntry;
import org.annotationkit.core.dataset.DatasetSource;
import org.annotationkit.core.io.FormatException;
import org.annotationkit.core.schema.Schema;
import org.annotationkit.core.table.CsvHeader;
import org.annotationkit.core.table.CsvReader;
import org.annotationkit.formats.ConversionContext;
import org.annotationkit.formats.FormatOptions;
import org.jspecify.annotations.Nullable;

/**
 * Reads an export in two streaming passes: the first builds the schema (from the labeling config,
 * or from the results in first-seen order) and checks that ids are unique; the second gives the
 * tasks one at a time.
 */
final class ExportReader {
  private ExportReader() {}

  /** How a form of the export turns its array elements into tasks. */
  interface Form {
    /** The tasks of the file, in order. */
    TaskIterator tasks(Path input, @Nullable LabelingConfig config, ConversionContext context);

    /** Whether each task comes once. */
    boolean grouped();
  }

  /** Tasks read one at a time. */
  interface TaskIterator extends AutoCloseable {
    boolean hasNext();

    RawTask next();

    @Override
    void close();
  }

  /** The full export: one task per array element. */
  static final Form FULL =
      new Form() {
        @Override
        public TaskIterator tasks(
            Path input, @Nullable LabelingConfig config, ConversionContext context) {
          TaskStream stream = new TaskStream(input);
          return new TaskIterator() {
            @Override
            public boolean hasNext() {
              return stream.hasNext();
            }

            @Override
            public RawTask next() {
              return RawTask.ofTask(stream.next(), context);
            }

            @Override
            public void close() {
              stream.close();
            }
          };
        }

        @Override
        public boolean grouped() {
          return true;
        }
      };

  static DatasetSource open(Path input, ConversionContext context, Form form) {
    FormatOptions options = context.options();
    LabelingConfig config =
        options.value("config").map(Path::of).map(LabelingConfig::read).orElse(null);
    Map<String, int[]> sizes = options.sizes().map(ExportReader::sizes).orElse(Map.of());
    SchemaInference inference = new SchemaInference(config);
    ConversionContext scratch = ConversionContext.of(FormatOptions.none(), 0);
    Set<String> taskIds = new HashSet<>();
    Set<String> annotationIds = new HashSet<>();
    try (TaskIterator tasks = form.tasks(input, config, scratch)) {
      while (tasks.hasNext()) {
        RawTask task = tasks.next();
        if (form.grouped() && !taskIds.add(task.id())) {
          throw task.where().error("the task id " + task.id() + " appears twice");
        }
        for (RawTask.RawAnnotation annotation : task.annotations()) {
          if (!annotationIds.add(annotation.id())) {
            throw annotation
                .where()
                .error("the annotation id " + annotation.id() + " appears twice");
          }
        }
        inference.add(task, context);
      }
    }
    Optional<Schema> schema = inference.schema();
    if (schema.isEmpty()) {
      throw FormatException.at(
          "the export has no result of a kind that is read"
              + (config == null ? " and no labeling config was given (option config=FILE)" : "")
              + ", so there is no schema to read it into",
          new FormatException.Location(Optional.of(input.toString()), 0, 0, Optional.of("")));
    }
    TaskConverter converter = new TaskConverter(schema.get(), config, sizes, context);
    TaskIterator tasks = form.tasks(input, config, context);
    return new DatasetSource() {
      private @Nullable DatasetEntry next;

      @Override
      public Schema schema() {
        return schema.get();
      }

      @Override
      public boolean grouped() {
        return form.grouped();
      }

      @Override
      public boolean hasNext() {
        while (next == null && tasks.hasNext()) {
          next = converter.convert(tasks.next()).orElse(null);
        }
        return next != null;
      }

      @Override
      public DatasetEntry next() {
        if (!hasNext()) {
          throw new NoSuchElementException("no more tasks");
        }
        DatasetEntry entry = next;
        next = null;
        return java.util.Objects.requireNonNull(entry);
      }

      @Override
      public void close() {
        tasks.close();
      }
    };
  }

  /** The sizes table: file name to {width, height}. */
  private static Map<String, int[]> sizes(Path file) {
    Map<String, int[]> sizes = new HashMap<>();
    try (CsvReader csv = CsvReader.open(file)) {
      CsvHeader header = csv.header();
      int[] columns = header.require("file_name", "width", "height");
      while (csv.next()) {
        int width = csv.getInt(columns[1]);
        int height = csv.getInt(columns[2]);
        if (width <= 0 || height <= 0) {
          throw csv.rowError("the width and height must be positive");
        }
        sizes.put(TaskConverter.fileName(csv.get(columns[0])), new int[] {width, height});
      }
    }
    return sizes;
  }
}
