package org.annotationkit.formats.internal;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * Resolves file names read from an annotation file against the folder they must stay in: a name
 * that is absolute, or climbs out with {@code ..}, is refused, so an input never makes us read or
 * write outside the folders we were given.
 */
public final class SafePaths {
  private SafePaths() {}

  /**
   * Resolves {@code name} inside {@code root}.
   *
   * @param root the folder the result must be inside
   * @param name a relative name from an input file, with {@code /} or the platform's separator
   * @return the resolved path, inside {@code root}
   * @throws IllegalArgumentException if the name is empty, absolute, holds a NUL, or leaves {@code
   *     root}; the message names it
   */
  public static Path resolve(Path root, String name) {
    if (name.isEmpty() || name.indexOf('\0') >= 0) {
      throw new IllegalArgumentException("the file name '" + printable(name) + "' is not valid");
    }
    Path relative;
    try {
      relative = Path.of(name.replace('\\', '/'));
    } catch (InvalidPathException e) {
      throw new IllegalArgumentException("the file name '" + printable(name) + "' is not valid", e);
    }
    if (relative.isAbsolute() || name.startsWith("/") || name.startsWith("\\")) {
      throw new IllegalArgumentException(
          "the file name '" + name + "' is absolute; only names inside " + root + " are allowed");
    }
    Path base = root.toAbsolutePath().normalize();
    Path resolved = base.resolve(relative).normalize();
    if (!resolved.startsWith(base) || resolved.equals(base)) {
      throw new IllegalArgumentException(
          "the file name '" + name + "' leaves the folder " + root + "; it is refused");
    }
    return resolved;
  }

  private static String printable(String name) {
    return name.replace("\0", "\\0");
  }
}
