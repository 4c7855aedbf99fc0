package org.annotationkit.formats.yolo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.annotationkit.core.dataset.Dataset;
import org.annotationkit.core.dataset.DatasetSource;
import org.annotationkit.formats.ConversionContext;
import org.annotationkit.formats.Converter;
import org.annotationkit.formats.FormatOptions;

/** Test helpers: files to write, YOLO folders to read. */
final class YoloFiles {
  static final YoloFormat YOLO = new YoloFormat();

  private YoloFiles() {}

  static Path write(Path root, String relative, String text) {
    try {
      Path file = root.resolve(relative);
      Files.createDirectories(file.getParent());
      Files.writeString(file, text, StandardCharsets.UTF_8);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A sizes table of {@code name -> {width, height}}. */
  static Path sizes(Path dir, Map<String, int[]> sizes) {
    List<String> lines = new ArrayList<>();
    lines.add("file_name,width,height");
    sizes.forEach((name, size) -> lines.add(name + "," + size[0] + "," + size[1]));
    return write(
        dir,
        "sizes-" + Integer.toHexString(sizes.hashCode()) + ".csv",
        String.join("\n", lines) + "\n");
  }

  static Dataset read(Path folder, FormatOptions options) {
    ConversionContext context = ConversionContext.of(options);
    try (DatasetSource source = YOLO.reader().orElseThrow().open(folder, context)) {
      return Dataset.of(source);
    }
  }

  static ConversionContext context(FormatOptions options) {
    return ConversionContext.of(options);
  }

  /** Writes a dataset as YOLO into {@code output}, all or nothing, with the given options. */
  static ConversionContext writeYolo(Dataset dataset, Path output, FormatOptions options) {
    ConversionContext context = ConversionContext.of(options);
    Converter.write(YOLO, dataset.source(), output, context);
    return context;
  }
}
