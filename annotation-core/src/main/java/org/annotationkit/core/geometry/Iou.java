package org.annotationkit.core.geometry;

import java.util.Objects;

/**
 * Intersection over union (the Jaccard index) of two regions, and their intersection area.
 *
 * <p>{@code IoU(a, b) = area(a ∩ b) / area(a ∪ b)}, with {@code area(a ∪ b) = area(a) + area(b) -
 * area(a ∩ b)}. It is symmetric, lies in [0, 1], is 1 for a shape with positive area compared with
 * itself and 0 for shapes that do not overlap (touching edges have no area in common). When the
 * union has no area (both shapes are degenerate, such as zero-width boxes or empty masks), the IoU
 * is defined as 0.
 *
 * <p>All results are exact up to floating-point rounding: rotated boxes are intersected by convex
 * polygon clipping (Sutherland–Hodgman), general polygons (non-convex, with holes) by decomposing
 * them into signed triangles, and masks by walking both run-length encodings at once without
 * decoding them. Boxes and polygons can be mixed; masks compare only with masks of the same size;
 * polylines have no area and are rejected.
 *
 * <p>Polygon results assume what {@link Polygon} describes: simple rings, holes inside the exterior
 * and not overlapping each other. Intersections cost {@code O(n m)} triangle clips for polygons of
 * {@code n} and {@code m} vertices (two convex polygons without holes are clipped directly, in
 * {@code O(n m)} arithmetic).
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
    if (a.equals(b) && a.area() > 0) {
      return 1;
    }
    return ratio(intersectionArea(a, b), a.area(), b.area());
  }

  /**
   * The IoU of two polygons, which may be non-convex and have holes.
   *
   * @param a one polygon
   * @param b the other polygon
   * @return the IoU in [0, 1]; 0 when the union has no area
   */
  public static double of(Polygon a, Polygon b) {
    Objects.requireNonNull(a, "a");
    Objects.requireNonNull(b, "b");
    double areaA = a.area();
    if (a.equals(b) && areaA > 0) {
      return 1;
    }
    return ratio(intersectionArea(a, b), areaA, b.area());
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
    if (a.equals(b) && a.area() > 0) {
      checkComparable(a, b, "the IoU");
      return 1;
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
    double[] work1 = new double[16];
    double[] work2 = new double[16];
    double area =
        Planar.convexIntersectionArea(
            a.cornerCoordinates(), 4, b.cornerCoordinates(), 4, work1, work2);
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
    return polygons(Planar.rings(a), a.area(), Planar.rings(b), b.area());
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
    return polygons(rings(a), a.area(), rings(b), b.area());
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

  private static double[][] rings(Shape shape) {
    return switch (shape) {
      case Box box -> new double[][] {box.cornerCoordinates()};
      case Polygon polygon -> Planar.rings(polygon);
      case Polyline polyline -> throw new AssertionError("checked before");
      case RleMask mask -> throw new AssertionError("checked before");
    };
  }

  private static double polygons(double[][] a, double areaA, double[][] b, double areaB) {
    double limit = Math.min(areaA, areaB);
    if (limit == 0) {
      return 0;
    }
    return Math.min(limit, Planar.polygonIntersectionArea(a, b));
  }

  private static double ratio(double intersection, double areaA, double areaB) {
    double union = areaA + areaB - intersection;
    if (union <= 0) {
      return 0;
    }
    return Math.min(1, Math.max(0, intersection / union));
  }
}
