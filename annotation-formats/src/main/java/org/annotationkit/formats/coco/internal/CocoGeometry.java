package org.annotationkit.formats.coco.internal;

/** The plain geometry COCO's {@code area} is computed with. */
final class CocoGeometry {
  private CocoGeometry() {}

  /**
   * The shoelace area of a polygon stored flat ({@code x0, y0, x1, y1, ...}): the absolute value of
   * half the sum of the cross products, as COCO's convention for polygon areas (FORMATS.md 1.7) has
   * it, whatever the polygon's orientation.
   */
  static double shoelace(double[] xy) {
    int n = xy.length / 2;
    double sum = 0;
    for (int i = 0; i < n; i++) {
      int j = i + 1 == n ? 0 : i + 1;
      sum += xy[2 * i] * xy[2 * j + 1] - xy[2 * j] * xy[2 * i + 1];
    }
    return Math.abs(sum) / 2;
  }
}
