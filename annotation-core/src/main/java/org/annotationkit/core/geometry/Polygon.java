package org.annotationkit.core.geometry;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.annotationkit.core.internal.Require;

/**
 * A simple polygon with optional holes, in absolute pixel coordinates.
 *
 * <p>Each ring lists its vertices once, in either orientation; the closing edge from the last point
 * back to the first is implied (a repeated last point equal to the first is kept as given and
 * changes nothing). Holes are expected to lie inside the exterior and not to overlap one another;
 * the constructor does not check this, as it would cost more than the areas do.
 *
 * @param exterior the outer ring, at least 3 points
 * @param holes the inner rings, each at least 3 points; may be empty
 * @since 0.1.0
 */
public record Polygon(List<Point> exterior, List<List<Point>> holes) implements Shape {

  /**
   * Creates a polygon, copying the rings.
   *
   * @throws IllegalArgumentException if a ring has fewer than 3 points
   */
  public Polygon {
    exterior = Require.atLeast(exterior, 3, "exterior", "points");
    holes =
        Require.copyEach(holes, "holes", (hole, name) -> Require.atLeast(hole, 3, name, "points"));
  }

  /**
   * Creates a polygon without holes.
   *
   * @param exterior the ring, at least 3 points
   * @return the polygon
   * @throws IllegalArgumentException if there are fewer than 3 points
   */
  public static Polygon of(List<Point> exterior) {
    return new Polygon(exterior, List.of());
  }

  /**
   * Creates a polygon without holes from flat coordinates {@code x0, y0, x1, y1, ...}, as in COCO's
   * {@code segmentation} lists.
   *
   * @param xy an even number of finite coordinates, at least 6
   * @return the polygon
   * @throws IllegalArgumentException if the number of values is odd or below 6, or a value is not
   *     finite
   */
  public static Polygon of(double... xy) {
    Objects.requireNonNull(xy, "xy");
    if (xy.length % 2 != 0) {
      throw new IllegalArgumentException("xy must hold an even number of values, got " + xy.length);
    }
    List<Point> points = new ArrayList<>(xy.length / 2);
    for (int i = 0; i < xy.length; i += 2) {
      points.add(new Point(xy[i], xy[i + 1]));
    }
    return of(points);
  }

  /**
   * The area: the absolute shoelace area of the exterior minus that of each hole, clamped at 0.
   *
   * @return the area in square pixels, never negative
   */
  @Override
  public double area() {
    double area = Math.abs(Planar.signedArea(exterior));
    for (List<Point> hole : holes) {
      area -= Math.abs(Planar.signedArea(hole));
    }
    return Math.max(0, area);
  }

  /**
   * The smallest axis-aligned box covering the exterior.
   *
   * @return the bounding box (rotation 0)
   */
  @Override
  public Box bounds() {
    return Planar.bounds(exterior);
  }
}
