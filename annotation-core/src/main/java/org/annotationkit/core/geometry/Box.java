package org.annotationkit.core.geometry;

import java.util.List;
import org.annotationkit.core.internal.Require;

/**
 * A rectangle in absolute pixel coordinates, optionally rotated about its centre.
 *
 * <p>{@code x} and {@code y} are the top-left corner of the <em>unrotated</em> box; the rotated box
 * is that rectangle turned by {@code rotation} degrees clockwise on screen (y points down) about
 * its centre {@code (x + width / 2, y + height / 2)}. Tools that rotate about a corner instead must
 * be converted when read.
 *
 * @param x left edge of the unrotated box, finite
 * @param y top edge of the unrotated box, finite
 * @param width the width, finite and {@code >= 0}
 * @param height the height, finite and {@code >= 0}
 * @param rotation the clockwise rotation in degrees about the centre, finite (any value; 0 and 360
 *     mean the same)
 * @since 0.1.0
 */
public record Box(double x, double y, double width, double height, double rotation)
    implements Shape {

  /**
   * Creates a box.
   *
   * @throws IllegalArgumentException if a value is NaN or infinite, or a size is negative
   */
  public Box {
    Require.finite(x, "x");
    Require.finite(y, "y");
    Require.finiteNonNegative(width, "width");
    Require.finiteNonNegative(height, "height");
    Require.finite(rotation, "rotation");
  }

  /**
   * Creates an axis-aligned box (rotation 0), as in COCO's {@code [x, y, width, height]}.
   *
   * @param x the left edge
   * @param y the top edge
   * @param width the width, {@code >= 0}
   * @param height the height, {@code >= 0}
   * @return the box
   * @throws IllegalArgumentException if a value is NaN or infinite, or a size is negative
   */
  public static Box of(double x, double y, double width, double height) {
    return new Box(x, y, width, height, 0);
  }

  /**
   * The box of a rectangle given as tools that rotate about its top-left corner give it (Label
   * Studio, for one): the rectangle spanned from the pivot {@code (x, y)} by {@code width} along
   * its turned x axis and {@code height} along its turned y axis, turned {@code rotation} degrees
   * clockwise on screen about that corner. A negative width or height (a rectangle drawn leftwards
   * or upwards) gives the same rectangle with positive sizes. The pivot is the {@linkplain
   * #corners() first corner} of the result when both sizes are positive.
   *
   * @param x the pivot's x, the top-left corner of the unrotated rectangle
   * @param y the pivot's y
   * @param width the width, finite, possibly negative
   * @param height the height, finite, possibly negative
   * @param rotation degrees clockwise about the pivot, finite
   * @return the same rectangle, rotated by {@code rotation} about its centre
   * @throws IllegalArgumentException if a value is NaN or infinite
   */
  public static Box aboutCorner(double x, double y, double width, double height, double rotation) {
    Require.finite(width, "width");
    Require.finite(height, "height");
    Require.finite(rotation, "rotation");
    if (rotation == 0 && width >= 0 && height >= 0) {
      return new Box(x, y, width, height, 0);
    }
    double[] sinCos = Planar.sinCosDegrees(rotation);
    double sin = sinCos[0];
    double cos = sinCos[1];
    double hw = width / 2;
    double hh = height / 2;
    double cx = x + hw * cos - hh * sin;
    double cy = y + hw * sin + hh * cos;
    double w = Math.abs(width);
    double h = Math.abs(height);
    return new Box(cx - w / 2, cy - h / 2, w, h, rotation);
  }

  /**
   * The area, {@code width * height}; rotation does not change it.
   *
   * @return the area in square pixels
   */
  @Override
  public double area() {
    return width * height;
  }

  /**
   * The horizontal coordinate of the centre, about which the box rotates.
   *
   * @return {@code x + width / 2}
   */
  public double centerX() {
    return x + width / 2;
  }

  /**
   * The vertical coordinate of the centre, about which the box rotates.
   *
   * @return {@code y + height / 2}
   */
  public double centerY() {
    return y + height / 2;
  }

  /**
   * Whether the box is turned at all, that is whether {@code rotation} is not a multiple of 360.
   *
   * @return {@code true} when {@code rotation % 360 != 0}
   */
  public boolean isRotated() {
    return rotation != 0 && rotation % 360 != 0;
  }

  /**
   * The four corners of the box after rotation: the top-left, top-right, bottom-right and
   * bottom-left corners of the unrotated box, in that order, each turned about the centre.
   * Rotations by multiples of 90 degrees are exact.
   *
   * @return four points, clockwise on screen
   */
  public List<Point> corners() {
    double[] c = cornerCoordinates();
    return List.of(
        new Point(c[0], c[1]), new Point(c[2], c[3]), new Point(c[4], c[5]), new Point(c[6], c[7]));
  }

  /**
   * The corners as {@code x0, y0, x1, y1, ...} in the order of {@link #corners()}.
   *
   * @return a new array of eight coordinates
   */
  double[] cornerCoordinates() {
    double[] c = {x, y, x + width, y, x + width, y + height, x, y + height};
    if (!isRotated()) {
      return c;
    }
    double[] sinCos = Planar.sinCosDegrees(rotation);
    double sin = sinCos[0];
    double cos = sinCos[1];
    double cx = centerX();
    double cy = centerY();
    double hw = width / 2;
    double hh = height / 2;
    double[] dx = {-hw, hw, hw, -hw};
    double[] dy = {-hh, -hh, hh, hh};
    for (int i = 0; i < 4; i++) {
      // Clockwise on screen with y down is the ordinary rotation matrix in these coordinates.
      c[2 * i] = cx + dx[i] * cos - dy[i] * sin;
      c[2 * i + 1] = cy + dx[i] * sin + dy[i] * cos;
    }
    return c;
  }

  /**
   * The smallest axis-aligned box covering the rotated box: this box itself when it is not rotated,
   * else the bounds of its {@linkplain #corners() corners}.
   *
   * @return the axis-aligned bounding box (rotation 0)
   */
  @Override
  public Box bounds() {
    if (rotation == 0) {
      return this;
    }
    if (!isRotated()) {
      return of(x, y, width, height);
    }
    return Planar.bounds(cornerCoordinates(), 4);
  }

  /**
   * The rotated box as a polygon of its four {@linkplain #corners() corners}, without holes.
   *
   * @return a polygon covering the same region
   */
  public Polygon toPolygon() {
    return Polygon.of(corners());
  }
}
