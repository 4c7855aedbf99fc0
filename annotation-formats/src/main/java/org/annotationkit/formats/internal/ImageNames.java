package org.annotationkit.formats.internal;

import java.net.URI;
import java.net.URISyntaxException;
import org.annotationkit.core.item.ImageItem;

/**
 * The file names of images, as the per-image formats (YOLO, Pascal VOC) name their label files: the
 * image's path, percent-decoded, without its extension. A relative image reference keeps its
 * folders ({@code train/1.jpg} gives {@code train/1}); an absolute one (a URL, a path from {@code
 * /}) keeps only its last part, as the image's own name.
 */
public final class ImageNames {
  private ImageNames() {}

  /**
   * The image's path as its label files follow it: relative, with {@code /} between folders.
   *
   * @param image the image
   * @return the path, such as {@code train/1.jpg} or {@code 1.jpg}; never empty
   */
  public static String path(ImageItem image) {
    URI uri = image.uri();
    String path = uri.isOpaque() ? null : uri.getPath();
    if (path == null || path.isEmpty() || path.endsWith("/")) {
      path = image.id();
    }
    path = path.replace('\\', '/');
    boolean absolute = uri.isAbsolute() || uri.getRawAuthority() != null || path.startsWith("/");
    if (absolute || path.contains("../") || path.startsWith("..")) {
      path = path.substring(path.lastIndexOf('/') + 1);
    }
    while (path.startsWith("./")) {
      path = path.substring(2);
    }
    return path.isEmpty() ? image.id() : path;
  }

  /**
   * The image's file name: the last part of its {@linkplain #path(ImageItem) path}.
   *
   * @param image the image
   * @return the file name, such as {@code 1.jpg}
   */
  public static String fileName(ImageItem image) {
    String path = path(image);
    return path.substring(path.lastIndexOf('/') + 1);
  }

  /**
   * A path without the extension of its last part.
   *
   * @param path a path with {@code /} between folders
   * @return the path without its extension ({@code train/1.jpg} gives {@code train/1}; a name that
   *     starts with its only dot keeps it)
   */
  public static String stem(String path) {
    int slash = path.lastIndexOf('/');
    int dot = path.lastIndexOf('.');
    return dot > slash + 1 ? path.substring(0, dot) : path;
  }

  /**
   * A relative URI for a relative path, percent-encoding what a URI cannot hold.
   *
   * @param path a relative path with {@code /} between folders
   * @return the URI
   * @throws IllegalArgumentException if the path cannot be a URI
   */
  public static URI relativeUri(String path) {
    try {
      // A first part with a colon would read as a scheme: "./" keeps it a path.
      String safe =
          path.indexOf(':') >= 0 && path.indexOf(':') < indexOrLength(path) ? "./" + path : path;
      return new URI(null, null, safe, null);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("the file name '" + path + "' cannot be a URI", e);
    }
  }

  private static int indexOrLength(String path) {
    int slash = path.indexOf('/');
    return slash < 0 ? path.length() : slash;
  }
}
