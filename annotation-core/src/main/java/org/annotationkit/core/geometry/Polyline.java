package org.annotationkit.core.geometry;

import java.util.List;
import org.annotationkit.core.internal.Require;

/**
 * An open chain of line segments in absolute pixel coordinates, such as a lane marking or an edge.
 * It has a length but no area, so it has no intersection over union.
 *
 * @param points the vertices in order, at least 2
 * @since 0.1.0
 */
public record Polyline(List<Point> points) implements Shape {

  /**
   * Creates a polyline, copying the points.
   *
   * @throws IllegalArgumentException if there are fewer than 2 points
   */
  public Polyline {
    points = Require.atLeast(points, 2, "points", "points");
  }

  /**
   * Always 0: a polyline has no area.
   *
   * @return 0
   */
  @Override
  public double area() {
    return 0;
  }

  /**
   * The total length of the segments.
   *
   * @return the sum of the Euclidean distances between consecutive points
   */
  public double length() {
    double length = 0;
    for (int i = 1; i < points.size(); i++) {
      Point a = points.get(i - 1);
      Point b = points.get(i);
      length += Math.hypot(b.x() - a.x(), b.y() - a.y());
    }
    return length;
  }

  /**
   * The smallest axis-aligned box covering the points.
   *
   * @return the bounding box (rotation 0)
   */
  @Override
  public Box bounds() {
    return Planar.bounds(points);
  }
}
