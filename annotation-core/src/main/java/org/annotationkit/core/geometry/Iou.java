package org.annotationkit.core.geometry;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Intersection over union (the Jaccard index) of two regions, and their intersection area.
 *
 * <p>{@code IoU(a, b) = area(a ∩ b) / area(a ∪ b)}, with {@code area(a ∪ b) = area(a) + area(b) -
 * area(a ∩ b)}. It is symmetric, lies in [0, 1], is 1 for a shape with positive area compared with
 * itself and 0 for shapes that do not overlap (touching edges have no area in common). When the
 * union has no area (both shapes are degenerate, such as zero-width boxes or empty masks), the IoU
 * is defined as 0.
 *
 * <p>All results are exact up to floating-point rounding. Axis-aligned boxes are compared through
 * their edges, {@code x} to {@code x + width} and {@code y} to {@code y + height}, so that a box
 * compared with itself gives exactly 1; rotated boxes and small convex polygons are intersected by
 * convex polygon clipping (Sutherland–Hodgman); other polygons (non-convex, with holes, or invalid)
 * by a sweep over horizontal slabs that measures the region of each under the even-odd rule that
 * {@link Polygon} documents, in about {@code O(n log n)} for {@code n} vertices in all; masks by
 * walking both run-length encodings at once without decoding them. Boxes and polygons can be mixed;
 * masks compare only with masks of the same size; polylines have no area and are rejected.
 *
 * <p>For matching and box fusion, {@link #matrix(List, List)} and {@link #matrix(double[],
 * double[], double[])} give the IoU of every box of one list with every box of another, in one loop
 * that allocates nothing.
 *
 * @since 0.1.0
 */
public final class Iou {
  private Iou() {}

  /**
   * The IoU of two boxes, rotated or not.
   *
   * @param a one box
   * @param b the other box
   * @return the IoU in [0, 1]; 0 when the union has no area
   */
  public static double of(Box a, Box b) {
    Objects.requireNonNull(a, "a");
    Objects.requireNonNull(b, "b");
    if (!a.isRotated() && !b.isRotated()) {
      return axisAligned(
          a.x(),
          a.y(),
          a.x() + a.width(),
          a.y() + a.height(),
          b.x(),
          b.y(),
          b.x() + b.width(),
          b.y() + b.height());
    }
    return rotated(
        a, a.cornerCoordinates(), b, b.cornerCoordinates(), new double[16], new double[16]);
  }

  /** The IoU of two axis-aligned boxes given by their edges, exactly 1 for equal edges. */
  private static double axisAligned(
      double ax0,
      double ay0,
      double ax1,
      double ay1,
      double bx0,
      double by0,
      double bx1,
      double by1) {
    // Plain comparisons: the values are finite, and the sign of a zero does not matter here.
    double w = (ax1 < bx1 ? ax1 : bx1) - (ax0 > bx0 ? ax0 : bx0);
    double h = (ay1 < by1 ? ay1 : by1) - (ay0 > by0 ? ay0 : by0);
    if (!(w > 0 && h > 0)) {
      return 0;
    }
    // w <= ax1 - ax0 and h <= ay1 - ay0 (subtraction rounds monotonically), so the union is at
    // least the intersection.
    double intersection = w * h;
    double union = (ax1 - ax0) * (ay1 - ay0) + (bx1 - bx0) * (by1 - by0) - intersection;
    return Math.min(1, intersection / union);
  }

  /** The IoU of two boxes, one of them rotated, from their corners; allocates nothing. */
  private static double rotated(
      Box a, double[] cornersA, Box b, double[] cornersB, double[] work1, double[] work2) {
    double limit = Math.min(a.area(), b.area());
    if (limit == 0) {
      return 0;
    }
    double area = Planar.convexIntersectionArea(cornersA, 4, cornersB, 4, work1, work2);
    return ratio(Math.min(limit, area), a.area(), b.area());
  }

  /**
   * The IoU of every box of {@code a} with every box of {@code b}, rotated or not: entry {@code i *
   * b.size() + j} is {@code of(a.get(i), b.get(j))}, exactly.
   *
   * @param a the boxes of the rows
   * @param b the boxes of the columns
   * @return a new array of {@code a.size() * b.size()} values in [0, 1], row by row
   */
  public static double[] matrix(List<Box> a, List<Box> b) {
    Objects.requireNonNull(a, "a");
    Objects.requireNonNull(b, "b");
    int n = a.size();
    int m = b.size();
    double[] out = new double[Math.multiplyExact(n, m)];
    double[][] cornersB = new double[m][];
    double[] edgesB = new double[4 * m];
    boolean[] rotatedB = new boolean[m];
    Box[] boxesB = b.toArray(new Box[0]);
    for (int j = 0; j < m; j++) {
      Box box = Objects.requireNonNull(boxesB[j], "b[" + j + "]");
      rotatedB[j] = box.isRotated();
      edgesB[4 * j] = box.x();
      edgesB[4 * j + 1] = box.y();
      edgesB[4 * j + 2] = box.x() + box.width();
      edgesB[4 * j + 3] = box.y() + box.height();
      cornersB[j] = box.cornerCoordinates();
    }
    double[] work1 = new double[16];
    double[] work2 = new double[16];
    int i = 0;
    for (Box box : a) {
      Objects.requireNonNull(box, "a[" + i + "]");
      int row = i * m;
      if (box.isRotated()) {
        double[] corners = box.cornerCoordinates();
        for (int j = 0; j < m; j++) {
          out[row + j] = rotated(box, corners, boxesB[j], cornersB[j], work1, work2);
        }
      } else {
        double x0 = box.x();
        double y0 = box.y();
        double x1 = box.x() + box.width();
        double y1 = box.y() + box.height();
        double @Nullable [] corners = null;
        for (int j = 0; j < m; j++) {
          if (rotatedB[j]) {
            if (corners == null) {
              corners = box.cornerCoordinates();
            }
            out[row + j] = rotated(box, corners, boxesB[j], cornersB[j], work1, work2);
          } else {
            int o = 4 * j;
            out[row + j] =
                axisAligned(x0, y0, x1, y1, edgesB[o], edgesB[o + 1], edgesB[o + 2], edgesB[o + 3]);
          }
        }
      }
      i++;
    }
    return out;
  }

  /**
   * The IoU of every axis-aligned box of {@code a} with every one of {@code b}, each box stored as
   * four values {@code x, y, width, height} (COCO's {@code bbox}), into a caller's array: {@code
   * out[i * m + j]} for {@code n = a.length / 4} rows and {@code m = b.length / 4} columns is
   * exactly {@code of(Box.of(a[4i], ...), Box.of(b[4j], ...))}. Nothing is allocated.
   *
   * @param a {@code 4 n} values: the boxes of the rows
   * @param b {@code 4 m} values: the boxes of the columns
   * @param out at least {@code n m} values, overwritten row by row
   * @throws IllegalArgumentException if a length is not a multiple of 4, {@code out} is too short,
   *     or a box has a value that is not finite or a negative width or height (naming the box)
   */
  public static void matrix(double[] a, double[] b, double[] out) {
    Objects.requireNonNull(a, "a");
    Objects.requireNonNull(b, "b");
    Objects.requireNonNull(out, "out");
    checkBoxes(a, "a");
    checkBoxes(b, "b");
    int n = a.length / 4;
    int m = b.length / 4;
    if (out.length < (long) n * m) {
      throw new IllegalArgumentException(
          "out must hold at least "
              + n
              + " * "
              + m
              + " = "
              + (long) n * m
              + " values, got "
              + out.length);
    }
    for (int i = 0; i < n; i++) {
      double x0 = a[4 * i];
      double y0 = a[4 * i + 1];
      double x1 = x0 + a[4 * i + 2];
      double y1 = y0 + a[4 * i + 3];
      int row = i * m;
      for (int j = 0; j < m; j++) {
        int o = 4 * j;
        double bx0 = b[o];
        double by0 = b[o + 1];
        out[row + j] = axisAligned(x0, y0, x1, y1, bx0, by0, bx0 + b[o + 2], by0 + b[o + 3]);
      }
    }
  }

  private static void checkBoxes(double[] boxes, String name) {
    if (boxes.length % 4 != 0) {
      throw new IllegalArgumentException(
          name
              + " must hold 4 values (x, y, width, height) per box, got "
              + boxes.length
              + " values");
    }
    for (int i = 0; i < boxes.length; i += 4) {
      for (int k = 0; k < 4; k++) {
        double v = boxes[i + k];
        if (!Double.isFinite(v) || (k >= 2 && v < 0)) {
          throw new IllegalArgumentException(
              name
                  + "["
                  + (i + k)
                  + "], the "
                  + (k == 0 ? "x" : k == 1 ? "y" : k == 2 ? "width" : "height")
                  + " of box "
                  + i / 4
                  + ", must be finite"
                  + (k >= 2 ? " and >= 0" : "")
                  + ", got "
                  + v);
        }
      }
    }
  }

  /**
   * The IoU of two polygons, which may be non-convex and have holes; the region of an invalid one
   * is taken by the even-odd rule that {@link Polygon} documents.
   *
   * @param a one polygon
   * @param b the other polygon
   * @return the IoU in [0, 1]; 0 when the union has no area
   */
  public static double of(Polygon a, Polygon b) {
    Objects.requireNonNull(a, "a");
    Objects.requireNonNull(b, "b");
    return ratio(polygons(a, b), a.area(), b.area());
  }

  /**
   * The IoU of two masks of the same size, counted in pixels.
   *
   * @param a one mask
   * @param b the other mask
   * @return the IoU in [0, 1]; 0 when neither mask has a pixel set
   * @throws IllegalArgumentException if the masks differ in height or width
   */
  public static double of(RleMask a, RleMask b) {
    return ratio(intersectionArea(a, b), a.area(), b.area());
  }

  /**
   * The IoU of two shapes of any kind that have an area: boxes and polygons in any combination (a
   * box counts as the polygon of its corners), or two masks.
   *
   * @param a one shape
   * @param b the other shape
   * @return the IoU in [0, 1]; 0 when the union has no area
   * @throws IllegalArgumentException if either shape is a {@link Polyline}, if only one of them is
   *     a mask, or if two masks differ in size
   */
  public static double of(Shape a, Shape b) {
    Objects.requireNonNull(a, "a");
    Objects.requireNonNull(b, "b");
    if (a instanceof Box ba && b instanceof Box bb) {
      return of(ba, bb);
    }
    return ratio(intersectionArea(a, b, "the IoU"), a.area(), b.area());
  }

  /**
   * The area two boxes, rotated or not, have in common.
   *
   * @param a one box
   * @param b the other box
   * @return the intersection area in square pixels, at most the smaller box's area
   */
  public static double intersectionArea(Box a, Box b) {
    Objects.requireNonNull(a, "a");
    Objects.requireNonNull(b, "b");
    double limit = Math.min(a.area(), b.area());
    if (limit == 0) {
      return 0;
    }
    if (!a.isRotated() && !b.isRotated()) {
      double w = Math.min(a.x() + a.width(), b.x() + b.width()) - Math.max(a.x(), b.x());
      double h = Math.min(a.y() + a.height(), b.y() + b.height()) - Math.max(a.y(), b.y());
      return w <= 0 || h <= 0 ? 0 : Math.min(limit, w * h);
    }
    double area =
        Planar.convexIntersectionArea(
            a.cornerCoordinates(), 4, b.cornerCoordinates(), 4, new double[16], new double[16]);
    return Math.min(limit, area);
  }

  /**
   * The area two polygons have in common.
   *
   * @param a one polygon
   * @param b the other polygon
   * @return the intersection area in square pixels, at most the smaller polygon's area
   */
  public static double intersectionArea(Polygon a, Polygon b) {
    Objects.requireNonNull(a, "a");
    Objects.requireNonNull(b, "b");
    return polygons(a, b);
  }

  /**
   * The number of pixels set in both masks.
   *
   * @param a one mask
   * @param b the other mask, of the same size
   * @return the intersection area in pixels
   * @throws IllegalArgumentException if the masks differ in height or width
   */
  public static double intersectionArea(RleMask a, RleMask b) {
    Objects.requireNonNull(a, "a");
    Objects.requireNonNull(b, "b");
    if (a.height() != b.height() || a.width() != b.width()) {
      throw new IllegalArgumentException(
          "masks must have the same size, got height "
              + a.height()
              + ", width "
              + a.width()
              + " and height "
              + b.height()
              + ", width "
              + b.width());
    }
    return MaskRuns.intersection(a.runs(), b.runs());
  }

  /**
   * The area two shapes have in common: boxes and polygons in any combination, or two masks.
   *
   * @param a one shape
   * @param b the other shape
   * @return the intersection area, in square pixels (pixels for masks)
   * @throws IllegalArgumentException if either shape is a {@link Polyline}, if only one of them is
   *     a mask, or if two masks differ in size
   */
  public static double intersectionArea(Shape a, Shape b) {
    Objects.requireNonNull(a, "a");
    Objects.requireNonNull(b, "b");
    return intersectionArea(a, b, "the intersection area");
  }

  private static double intersectionArea(Shape a, Shape b, String what) {
    checkComparable(a, b, what);
    if (a instanceof RleMask ma && b instanceof RleMask mb) {
      return intersectionArea(ma, mb);
    }
    if (a instanceof Box ba && b instanceof Box bb) {
      return intersectionArea(ba, bb);
    }
    return polygons(polygon(a), polygon(b));
  }

  private static void checkComparable(Shape a, Shape b, String what) {
    if (a instanceof Polyline || b instanceof Polyline) {
      throw new IllegalArgumentException(
          "a polyline has no area: cannot compute " + what + " of " + pair(a, b));
    }
    if ((a instanceof RleMask) != (b instanceof RleMask)) {
      throw new IllegalArgumentException(
          "masks compare only with masks: cannot compute "
              + what
              + " of "
              + pair(a, b)
              + " (rasterise the other shape first)");
    }
  }

  private static String pair(Shape a, Shape b) {
    return "a " + a.getClass().getSimpleName() + " and a " + b.getClass().getSimpleName();
  }

  private static Polygon polygon(Shape shape) {
    return switch (shape) {
      case Box box -> Polygon.ofRing(box.cornerCoordinates());
      case Polygon polygon -> polygon;
      case Polyline polyline -> throw new AssertionError("checked before");
      case RleMask mask -> throw new AssertionError("checked before");
    };
  }

  /** The area two polygons have in common, at most the smaller area. */
  private static double polygons(Polygon a, Polygon b) {
    if (a.maxX <= b.minX || b.maxX <= a.minX || a.maxY <= b.minY || b.maxY <= a.minY) {
      return 0;
    }
    double limit = Math.min(a.area(), b.area());
    if (limit == 0) {
      return 0;
    }
    double[] ca = a.convexRing();
    double[] cb = b.convexRing();
    double area;
    if (ca != null && cb != null && Polygon.clipCheaper(ca, cb)) {
      int an = ca.length / 2;
      int bn = cb.length / 2;
      area =
          Planar.convexIntersectionArea(
              ca, an, cb, bn, new double[2 * (an + bn)], new double[2 * (an + bn)]);
    } else {
      area = EdgeSet.intersectionArea(a.edges(), b.edges());
    }
    return Math.min(limit, Math.max(0, area));
  }

  private static double ratio(double intersection, double areaA, double areaB) {
    double union = areaA + areaB - intersection;
    if (union <= 0) {
      return 0;
    }
    return Math.min(1, Math.max(0, intersection / union));
  }
}
