package org.annotationkit.formats;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A labeling format: its name, whether it is one file or a folder, how to read and write it, the
 * options it takes, and how to recognise it.
 *
 * <p>Every format converts through core's dataset model ({@link
 * org.annotationkit.core.dataset.DatasetSource}): a reader turns the format into a stream of items
 * with their annotations, a writer turns such a stream into the format, so any reader pairs with
 * any writer. Formats are found through {@link java.util.ServiceLoader} (see {@link
 * Formats#installed()}): a format of your own is a class implementing this interface with a public
 * no-argument constructor, declared with {@code provides org.annotationkit.formats.Format with ...}
 * in its module (or in {@code META-INF/services/org.annotationkit.formats.Format} on the class
 * path).
 *
 * <p>Implementations are immutable and thread-safe; each read or write works on its own state.
 *
 * @since 0.1.0
 */
public interface Format {

  /**
   * The format's name, as the command line's {@code --from} and {@code --to} take it: lower case
   * letters, digits and hyphens, such as {@code coco} or {@code labelstudio-min}.
   *
   * @return the name
   */
  String name();

  /**
   * One line saying what the format is, for listings.
   *
   * @return the description
   */
  String description();

  /**
   * Whether the format is one file or a folder of files, as input and as output.
   *
   * @return the layout
   */
  Layout layout();

  /**
   * How to read the format, if this format can be read.
   *
   * @return the reader, or empty for a format that is only written
   */
  Optional<FormatReader> reader();

  /**
   * How to write the format, if this format can be written.
   *
   * @return the writer, or empty for a format that is only read
   */
  Optional<FormatWriter> writer();

  /**
   * The options this format's reader and writer take ({@code --option key=value} on the command
   * line); an option that no format of a conversion takes is an error, so a misspelt option is
   * never ignored.
   *
   * @return the options, in the order to list them
   */
  default List<FormatOption> options() {
    return List.of();
  }

  /**
   * How sure this format is that {@code input} is in it, from a look at its name and first bytes
   * (or, for a folder, the names of its files); never reads a whole large file.
   *
   * @param input a file or folder
   * @return the verdict
   * @throws java.io.UncheckedIOException if the input cannot be looked at
   */
  default Detection detect(Path input) {
    return Detection.NO;
  }

  /**
   * Whether a format is one file or a folder.
   *
   * @since 0.1.0
   */
  enum Layout {
    /** One file, such as a COCO JSON file or a JSON Lines file. */
    FILE,
    /** A folder of files, such as one label file per image (YOLO, Pascal VOC). */
    FOLDER
  }

  /**
   * How sure a format is that an input is in it.
   *
   * @since 0.1.0
   */
  enum Detection {
    /** The input is not in this format. */
    NO,
    /** The input could be in this format (the right extension or a generic shape). */
    POSSIBLE,
    /** The input has what only this format has (its own keys, root element or header). */
    CERTAIN
  }
}
