package org.annotationkit.formats.labelstudio;

import org.annotationkit.core.geometry.Box;

/**
 * Label Studio's rectangle geometry and core's: Label Studio rotates a box clockwise about its
 * top-left corner {@code (x, y)}, core about its centre. Both are in pixels here (the percentages
 * are scaled by the image's own width and height first, so the rotation is applied in pixel space,
 * as Label Studio's editor draws it).
 */
final class Geometry {
  private Geometry() {}

  /** Sine and cosine of an angle in degrees, exact at multiples of 90 degrees. */
  static double[] sinCos(double degrees) {
    double d = degrees % 360;
    if (d < 0) {
      d += 360;
    }
    if (d == 0) {
      return new double[] {0, 1};
    } else if (d == 90) {
      return new double[] {1, 0};
    } else if (d == 180) {
      return new double[] {0, -1};
    } else if (d == 270) {
      return new double[] {-1, 0};
    }
    double radians = Math.toRadians(d);
    return new double[] {Math.sin(radians), Math.cos(radians)};
  }

  /**
   * Core's box of a Label Studio rectangle: the same rectangle, its rotation about the centre. A
   * negative width or height (Label Studio writes them when a box is drawn leftwards or upwards)
   * gives the same rectangle with positive sizes.
   *
   * @param x the top-left corner of the unrotated box (the pivot), in pixels
   * @param y the top-left corner of the unrotated box, in pixels
   * @param width the width, in pixels, possibly negative
   * @param height the height, in pixels, possibly negative
   * @param rotation degrees clockwise about (x, y)
   */
  static Box fromTopLeft(double x, double y, double width, double height, double rotation) {
    if (rotation == 0 && width >= 0 && height >= 0) {
      return new Box(x, y, width, height, 0);
    }
    double[] sc = sinCos(rotation);
    double sin = sc[0];
    double cos = sc[1];
    double hw = width / 2;
    double hh = height / 2;
    double cx = x + hw * cos - hh * sin;
    double cy = y + hw * sin + hh * cos;
    double w = Math.abs(width);
    double h = Math.abs(height);
    return new Box(cx - w / 2, cy - h / 2, w, h, rotation);
  }

  /**
   * Label Studio's top-left corner of core's box: the pivot {@code (x, y)} of the same rectangle.
   *
   * @return {@code {x, y}} in pixels
   */
  static double[] topLeft(Box box) {
    if (!box.isRotated()) {
      return new double[] {box.x(), box.y()};
    }
    double[] sc = sinCos(box.rotation());
    double sin = sc[0];
    double cos = sc[1];
    double hw = box.width() / 2;
    double hh = box.height() / 2;
    double cx = box.centerX();
    double cy = box.centerY();
    return new double[] {cx - hw * cos + hh * sin, cy - hw * sin - hh * cos};
  }
}
