package org.annotationkit.formats.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.annotationkit.core.table.CsvReader;
import org.jspecify.annotations.Nullable;

/**
 * Where the per-image formats find the size of an image that the label file does not give: a sizes
 * table ({@code file_name,width,height}, read once) or the headers of the images in a folder (read
 * with {@link ImageHeader}, never decoding pixels), looked up by the image's path without its
 * extension. Not thread-safe.
 */
public final class ImageSizes {
  /** The extensions of images looked for in a folder, in the order tried. */
  private static final List<String> EXTENSIONS =
      List.of(".jpg", ".jpeg", ".png", ".bmp", ".gif", ".webp");

  private final Map<String, Found> table;
  private final Map<String, Found> tableByName;
  private final Optional<Path> images;
  private final Map<String, Map<String, Path>> folders = new HashMap<>();

  /**
   * The size of an image, and its path.
   *
   * @param path the image's path relative to the images folder, or the sizes table's file name,
   *     with {@code /} between folders
   * @param width the width in pixels, {@code > 0}
   * @param height the height in pixels, {@code > 0}
   */
  public record Found(String path, int width, int height) {}

  private ImageSizes(Map<String, Found> table, Map<String, Found> byName, Optional<Path> images) {
    this.table = table;
    this.tableByName = byName;
    this.images = images;
  }

  /**
   * Sizes from a table, a folder of images, both (the table first) or neither.
   *
   * @param sizes the sizes table, if any
   * @param images the folder of images, if any (it may not exist)
   * @return the lookup
   * @throws org.annotationkit.core.io.FormatException if the table is malformed: a missing column,
   *     a size that is not a positive integer, a file name given twice
   * @throws UncheckedIOException if the table cannot be read
   */
  public static ImageSizes of(Optional<Path> sizes, Optional<Path> images) {
    Map<String, Found> table = new HashMap<>();
    Map<String, Found> byName = new HashMap<>();
    if (sizes.isPresent()) {
      try (CsvReader in = CsvReader.open(sizes.get())) {
        int[] columns = in.header().require("file_name", "width", "height");
        while (in.next()) {
          String name = in.get(columns[0]).strip().replace('\\', '/');
          if (name.isEmpty()) {
            throw in.cellError(columns[0], "the file name is empty");
          }
          int width = in.getInt(columns[1]);
          int height = in.getInt(columns[2]);
          if (width <= 0) {
            throw in.cellError(columns[1], "the width must be positive, found " + width);
          }
          if (height <= 0) {
            throw in.cellError(columns[2], "the height must be positive, found " + height);
          }
          Found found = new Found(name, width, height);
          if (table.put(ImageNames.stem(name), found) != null) {
            throw in.rowError("the image " + ImageNames.stem(name) + " is given twice");
          }
          String base = ImageNames.stem(name.substring(name.lastIndexOf('/') + 1));
          // A name that two rows share is not looked up by name alone.
          byName.merge(base, found, (a, b) -> new Found("", 0, 0));
        }
      }
    }
    return new ImageSizes(table, byName, images.filter(Files::isDirectory));
  }

  /**
   * The size of the image of a label file.
   *
   * @param stem the image's path without extension, relative to the images folder, with {@code /}
   *     between folders (such as {@code train/1})
   * @return its size and path, or empty when neither the table nor the folder has it
   * @throws org.annotationkit.core.io.FormatException if the image found is not an image of a known
   *     type
   * @throws UncheckedIOException if a folder or image cannot be read
   */
  public Optional<Found> find(String stem) {
    Found found = table.get(stem);
    if (found == null) {
      Found byName = tableByName.get(stem.substring(stem.lastIndexOf('/') + 1));
      if (byName != null && byName.width() > 0) {
        found = byName;
      }
    }
    if (found != null) {
      return Optional.of(found);
    }
    if (images.isEmpty()) {
      return Optional.empty();
    }
    int slash = stem.lastIndexOf('/');
    String folder = slash < 0 ? "" : stem.substring(0, slash);
    Path file = folder(folder).get(stem.substring(slash + 1));
    if (file == null) {
      return Optional.empty();
    }
    ImageHeader header = ImageHeader.read(file);
    String name = file.getFileName() == null ? stem : String.valueOf(file.getFileName());
    return Optional.of(
        new Found(
            folder.isEmpty() ? name : folder + "/" + name,
            header.displayWidth(),
            header.displayHeight()));
  }

  /** Whether a folder of images was given and exists. */
  public boolean hasImages() {
    return images.isPresent();
  }

  /** The images of a folder by stem, listed once; the first extension of the list wins. */
  private Map<String, Path> folder(String relative) {
    Map<String, Path> listed = folders.get(relative);
    if (listed != null) {
      return listed;
    }
    Map<String, Path> byStem = new HashMap<>();
    Path root = images.orElseThrow();
    @Nullable Path dir;
    try {
      dir = relative.isEmpty() ? root : SafePaths.resolve(root, relative);
    } catch (IllegalArgumentException e) {
      dir = null;
    }
    if (dir != null && Files.isDirectory(dir)) {
      try (Stream<Path> files = Files.list(dir)) {
        files
            .sorted()
            .forEach(file -> {
              String name = String.valueOf(file.getFileName());
              String lower = name.toLowerCase(Locale.ROOT);
              int rank = rank(lower);
              if (rank < 0 || !Files.isRegularFile(file)) {
                return;
              }
              String key = ImageNames.stem(name);
              Path earlier = byStem.get(key);
              if (earlier == null
                  || rank(String.valueOf(earlier.getFileName()).toLowerCase(Locale.ROOT)) > rank) {
                byStem.put(key, file);
              }
            });
      } catch (IOException e) {
        throw new UncheckedIOException("cannot list " + dir + ": " + IoMessages.reason(e), e);
      }
    }
    folders.put(relative, byStem);
    return byStem;
  }

  private static int rank(String lowerName) {
    for (int i = 0; i < EXTENSIONS.size(); i++) {
      if (lowerName.endsWith(EXTENSIONS.get(i))) {
        return i;
      }
    }
    return -1;
  }
}
