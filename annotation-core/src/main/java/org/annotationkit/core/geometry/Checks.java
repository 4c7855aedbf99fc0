package org.annotationkit.core.geometry;

import java.util.List;
import java.util.Objects;

/** Argument checks shared by the geometry types. */
final class Checks {
  private Checks() {}

  /** Requires a finite value; the message names the argument and the value. */
  static void finite(double value, String name) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException(name + " must be finite, got " + value);
    }
  }

  /** Requires a finite value that is at least zero. */
  static void finiteNonNegative(double value, String name) {
    finite(value, name);
    if (value < 0) {
      throw new IllegalArgumentException(name + " must be >= 0, got " + value);
    }
  }

  /** Copies a list of points, requiring at least {@code min} of them. */
  static List<Point> points(List<Point> points, int min, String name) {
    Objects.requireNonNull(points, name);
    List<Point> copy = List.copyOf(points);
    if (copy.size() < min) {
      throw new IllegalArgumentException(
          name + " must have at least " + min + " points, got " + copy.size());
    }
    return copy;
  }
}
