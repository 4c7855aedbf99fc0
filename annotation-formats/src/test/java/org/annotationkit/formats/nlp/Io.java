package org.annotationkit.formats.nlp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.annotationkit.core.dataset.Dataset;
import org.annotationkit.core.dataset.DatasetSource;
import org.annotationkit.formats.ConversionContext;
import org.annotationkit.formats.ConversionReport;
import org.annotationkit.formats.Converter;
import org.annotationkit.formats.Format;
import org.annotationkit.formats.FormatOptions;

/** Reading and writing the formats of this package in tests. */
final class Io {
  private Io() {}

  /** What a read gave: the dataset and the report. */
  record Read(Dataset dataset, ConversionReport report) {}

  /** What a write gave: the file's text and the report. */
  record Written(String text, ConversionReport report) {}

  static Read read(Format format, Path file, Map<String, String> options) {
    ConversionContext context = ConversionContext.of(FormatOptions.of(options));
    try (DatasetSource source = format.reader().orElseThrow().open(file, context)) {
      return new Read(Dataset.of(source), context.report());
    }
  }

  static Read read(
      Format format, Path dir, String name, String content, Map<String, String> options) {
    Path file = dir.resolve(name);
    writeString(file, content);
    return read(format, file, options);
  }

  static Written write(Format format, Dataset dataset, Path file, Map<String, String> options) {
    ConversionContext context = ConversionContext.of(FormatOptions.of(options));
    ConversionReport report = Converter.write(format, dataset.source(), file, context);
    return new Written(readString(file), report);
  }

  static String readString(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void writeString(Path file, String content) {
    try {
      Files.writeString(file, content, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Path resource(String path) {
    try {
      return Path.of(Io.class.getResource("/" + path).toURI());
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
