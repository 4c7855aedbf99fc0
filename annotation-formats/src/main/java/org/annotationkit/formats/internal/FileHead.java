package org.annotationkit.formats.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The first bytes of a file as text, for recognising its format without reading all of it. */
public final class FileHead {
  /** How many bytes detection looks at. */
  public static final int SIZE = 64 * 1024;

  private FileHead() {}

  /**
   * The first {@link #SIZE} bytes of a file, decoded as UTF-8 (malformed bytes replaced), without a
   * byte order mark, with leading white space removed; empty for a folder.
   *
   * @param file the file
   * @return the text
   * @throws UncheckedIOException if the file cannot be read
   */
  public static String of(Path file) {
    if (!Files.isRegularFile(file)) {
      return "";
    }
    try (InputStream in = Files.newInputStream(file)) {
      byte[] bytes = in.readNBytes(SIZE);
      String text = new String(bytes, StandardCharsets.UTF_8);
      if (text.startsWith("\uFEFF")) {
        text = text.substring(1);
      }
      return text.stripLeading();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + IoMessages.reason(e), e);
    }
  }

  /**
   * Whether a file's name ends with one of the extensions, ignoring case.
   *
   * @param file the file
   * @param extensions extensions with their dot, such as {@code .json}
   * @return true if one matches
   */
  public static boolean hasExtension(Path file, String... extensions) {
    Path name = file.getFileName();
    if (name == null) {
      return false;
    }
    String lower = name.toString().toLowerCase(java.util.Locale.ROOT);
    for (String extension : extensions) {
      if (lower.endsWith(extension)) {
        return true;
      }
    }
    return false;
  }
}
