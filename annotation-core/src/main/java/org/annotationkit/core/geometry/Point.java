package org.annotationkit.core.geometry;

import org.annotationkit.core.internal.Require;

/**
 * A point in absolute pixel coordinates (origin at the top-left corner of the image, x to the
 * right, y down).
 *
 * @param x the horizontal coordinate, finite
 * @param y the vertical coordinate, finite
 * @since 0.1.0
 */
public record Point(double x, double y) {

  /**
   * Creates a point.
   *
   * @throws IllegalArgumentException if a coordinate is NaN or infinite
   */
  public Point {
    Require.finite(x, "x");
    Require.finite(y, "y");
  }
}
