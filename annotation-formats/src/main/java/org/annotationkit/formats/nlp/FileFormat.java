package org.annotationkit.formats.nlp;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.annotationkit.formats.Format;
import org.annotationkit.formats.FormatOption;
import org.annotationkit.formats.FormatReader;
import org.annotationkit.formats.FormatWriter;
import org.annotationkit.formats.internal.FileHead;
import org.jspecify.annotations.Nullable;

/**
 * What the formats of this package share: a name, a description, options, one file as input and
 * output, a reader and a writer given once, and detection by the first bytes of the file.
 */
abstract class FileFormat implements Format {
  private final String name;
  private final String description;
  private final List<FormatOption> options;
  private final @Nullable FormatReader reader;
  private final @Nullable FormatWriter writer;

  FileFormat(
      String name,
      String description,
      List<FormatOption> options,
      @Nullable FormatReader reader,
      @Nullable FormatWriter writer) {
    this.name = name;
    this.description = description;
    this.options = List.copyOf(options);
    this.reader = reader;
    this.writer = writer;
  }

  @Override
  public final String name() {
    return name;
  }

  @Override
  public final String description() {
    return description;
  }

  @Override
  public final Layout layout() {
    return Layout.FILE;
  }

  @Override
  public final List<FormatOption> options() {
    return options;
  }

  @Override
  public final Optional<FormatReader> reader() {
    return Optional.ofNullable(reader);
  }

  @Override
  public final Optional<FormatWriter> writer() {
    return Optional.ofNullable(writer);
  }

  /**
   * A reader of JSON records ({@link JsonRecords}) in two passes ({@link TwoPass}): labels first,
   * then the entries, each record converted by {@code convert}.
   */
  static FormatReader jsonRecords(String schema, boolean grouped, JsonRecords.Convert convert) {
    return (input, context) ->
        TwoPass.open(schema, grouped, pass -> new JsonRecords(input, pass, convert), context);
  }

  /**
   * {@code found} when {@code input} is a file whose head (starting with a JSON object, if {@code
   * object}) matches {@code keys}, else {@link Detection#NO}.
   */
  static Detection detect(Path input, boolean object, Pattern keys, Detection found) {
    if (!Files.isRegularFile(input)) {
      return Detection.NO;
    }
    String head = FileHead.of(input);
    if (object && !head.startsWith("{")) {
      return Detection.NO;
    }
    return keys.matcher(head).find() ? found : Detection.NO;
  }
}
