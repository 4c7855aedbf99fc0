package org.annotationkit.formats;

import java.nio.file.Path;
import org.annotationkit.core.dataset.DatasetSource;

/**
 * Reads one format into core's dataset model, as a stream of items with their annotations.
 *
 * <p>Where the format allows, a reader streams: it keeps only what it must (COCO's images and
 * categories, for instance) and gives each item as it reads it, so an input larger than the heap
 * converts. Whatever the format holds that the model cannot, and whatever the reader repairs (a box
 * clipped, a cancelled annotation skipped), is {@linkplain ConversionContext#lose reported} to the
 * context, with the object it concerns.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface FormatReader {

  /**
   * Opens {@code input} for reading. The schema may come from the input (categories in the file),
   * from an option (a labeling config) or be built from what is read first.
   *
   * @param input the file or folder to read
   * @param context the options, the image folder and sizes, and where losses are reported
   * @return the source; the caller closes it
   * @throws org.annotationkit.core.io.FormatException if the input is malformed, naming the file
   *     and the line or JSON pointer (from here or from the source's {@code hasNext} and {@code
   *     next})
   * @throws java.io.UncheckedIOException if the input cannot be read
   */
  DatasetSource open(Path input, ConversionContext context);
}
