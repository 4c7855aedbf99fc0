package org.annotationkit.formats;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongConsumer;
import org.annotationkit.core.dataset.DatasetEntry;
import org.annotationkit.core.dataset.DatasetSource;
import org.annotationkit.core.schema.Schema;
import org.annotationkit.formats.internal.Staging;

/**
 * Converts between two formats through core's dataset model, and writes a dataset in a format, all
 * or nothing.
 *
 * <p>A conversion streams: the reader gives entries one at a time and the writer writes each as it
 * comes, so what is held in memory is what the two formats need to keep (for COCO, its images and
 * categories), not the input. The output is written to a fresh place beside it and moved over it
 * only once the writer is done: when reading or writing fails, the output is as it was before.
 *
 * <p>Stateless and thread-safe; each call works on its own context.
 *
 * @since 0.1.0
 */
public final class Converter {
  /** How many entries pass between two progress calls. */
  private static final int PROGRESS_EVERY = 1024;

  private Converter() {}

  /**
   * Converts {@code input} in {@code from} to {@code output} in {@code to}.
   *
   * @param from the input's format, which must be readable
   * @param to the output's format, which must be writable
   * @param input the input file or folder
   * @param output the output file or folder, created or replaced
   * @param options the options, images and sizes; every option must be one that {@code from} or
   *     {@code to} takes
   * @return what was converted, and every loss
   * @throws IllegalArgumentException if a format cannot read or write, an option is unknown or has
   *     a value not allowed, or input and output are the same path
   * @throws org.annotationkit.core.io.FormatException if the input is malformed
   * @throws java.io.UncheckedIOException if the input cannot be read or the output written
   */
  public static ConversionReport convert(
      Format from, Format to, Path input, Path output, FormatOptions options) {
    return convert(from, to, input, output, ConversionContext.of(options), count -> {});
  }

  /**
   * Converts {@code input} in {@code from} to {@code output} in {@code to}, with a context of your
   * own (to keep more or fewer losses) and a progress listener.
   *
   * @param from the input's format, which must be readable
   * @param to the output's format, which must be writable
   * @param input the input file or folder
   * @param output the output file or folder, created or replaced
   * @param context the options and the report to fill
   * @param progress called on the calling thread with the number of entries read so far, every
   *     thousand or so entries and once at the end
   * @return what was converted, and every loss
   * @throws IllegalArgumentException if a format cannot read or write, an option is unknown or has
   *     a value not allowed, or input and output are the same path
   * @throws org.annotationkit.core.io.FormatException if the input is malformed
   * @throws java.io.UncheckedIOException if the input cannot be read or the output written
   */
  public static ConversionReport convert(
      Format from,
      Format to,
      Path input,
      Path output,
      ConversionContext context,
      LongConsumer progress) {
    Objects.requireNonNull(input, "input");
    Objects.requireNonNull(output, "output");
    Objects.requireNonNull(progress, "progress");
    FormatReader reader =
        from.reader()
            .orElseThrow(() ->
                new IllegalArgumentException(
                    "the format " + from.name() + " can be written, not read"));
    FormatWriter writer = writerOf(to);
    checkOptions(context.options(), from, to);
    if (input.toAbsolutePath().normalize().equals(output.toAbsolutePath().normalize())) {
      throw new IllegalArgumentException(
          "the output " + output + " is the input: write the conversion elsewhere");
    }
    if (!Files.exists(input)) {
      throw new java.io.UncheckedIOException(
          "cannot read " + input + ": it does not exist",
          new java.nio.file.NoSuchFileException(input.toString()));
    }
    try (DatasetSource source = reader.open(input, context)) {
      DatasetSource counted = new Counting(source, progress);
      write(to, writer, counted, output, context);
      progress.accept(((Counting) counted).count);
    }
    return context.report();
  }

  /**
   * Writes a dataset in a format, all or nothing.
   *
   * @param to the format, which must be writable
   * @param source the dataset; read to its end, not closed
   * @param output the output file or folder, created or replaced
   * @param context the options and the report to fill
   * @return what was written, and every loss
   * @throws IllegalArgumentException if the format cannot be written, or an option is unknown to it
   * @throws java.io.UncheckedIOException if the output cannot be written
   */
  public static ConversionReport write(
      Format to, DatasetSource source, Path output, ConversionContext context) {
    FormatWriter writer = writerOf(to);
    checkOptions(context.options(), to, to);
    write(to, writer, source, output, context);
    return context.report();
  }

  private static void write(
      Format to,
      FormatWriter writer,
      DatasetSource source,
      Path output,
      ConversionContext context) {
    if (to.layout() == Format.Layout.FILE) {
      Staging.file(output, path -> writer.write(source, path, context));
    } else {
      Staging.folder(output, path -> writer.write(source, path, context));
    }
  }

  private static FormatWriter writerOf(Format to) {
    return to.writer()
        .orElseThrow(() ->
            new IllegalArgumentException("the format " + to.name() + " can be read, not written"));
  }

  /** Every option must belong to one of the formats, with a value it allows. */
  static void checkOptions(FormatOptions options, Format from, Format to) {
    Map<String, FormatOption> known = new LinkedHashMap<>();
    from.options().forEach(option -> known.put(option.key(), option));
    to.options().forEach(option -> known.putIfAbsent(option.key(), option));
    for (Map.Entry<String, String> given : options.values().entrySet()) {
      FormatOption option = known.get(given.getKey());
      if (option == null) {
        String formats =
            from.name().equals(to.name()) ? to.name() : from.name() + " or " + to.name();
        throw new IllegalArgumentException(
            "option '"
                + given.getKey()
                + "' is not taken by "
                + formats
                + (known.isEmpty()
                    ? ", which take no options"
                    : "; the options are " + String.join(", ", known.keySet())));
      }
      if (!option.values().isEmpty() && !option.values().contains(given.getValue())) {
        throw new IllegalArgumentException(
            "option "
                + given.getKey()
                + "="
                + given.getValue()
                + ": the value must be one of "
                + String.join(", ", option.values()));
      }
    }
  }

  /** Counts the entries that pass and tells the listener now and then. */
  private static final class Counting implements DatasetSource {
    private final DatasetSource source;
    private final LongConsumer progress;
    private long count;

    Counting(DatasetSource source, LongConsumer progress) {
      this.source = source;
      this.progress = progress;
    }

    @Override
    public Schema schema() {
      return source.schema();
    }

    @Override
    public boolean grouped() {
      return source.grouped();
    }

    @Override
    public boolean hasNext() {
      return source.hasNext();
    }

    @Override
    public DatasetEntry next() {
      DatasetEntry entry = source.next();
      if (++count % PROGRESS_EVERY == 0) {
        progress.accept(count);
      }
      return entry;
    }

    @Override
    public void close() {
      source.close();
    }
  }
}
