package org.annotationkit.formats;

import java.nio.file.Path;
import org.annotationkit.core.dataset.DatasetSource;

/**
 * Writes core's dataset model in one format, as the entries come.
 *
 * <p>A writer writes to the path it is given and nothing else; {@link Converter} gives it a fresh
 * place beside the real output and moves the result there only when the writer returned, so a
 * failed conversion leaves no partial output. A writer {@linkplain ConversionContext#lose reports}
 * everything it cannot carry into the format (a rotation, an attribute, a crowd mask), and
 * {@linkplain ConversionContext#wrote counts} what it wrote.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface FormatWriter {

  /**
   * Writes every entry of {@code source} to {@code output}.
   *
   * @param source the dataset to write; the writer reads it to its end and does not close it
   * @param output for a {@link Format.Layout#FILE FILE} format, the file to create (it does not
   *     exist yet; its folder does); for a {@link Format.Layout#FOLDER FOLDER} format, an empty
   *     folder to fill
   * @param context the options, and where losses and counts are reported
   * @throws java.io.UncheckedIOException if writing fails
   */
  void write(DatasetSource source, Path output, ConversionContext context);
}
