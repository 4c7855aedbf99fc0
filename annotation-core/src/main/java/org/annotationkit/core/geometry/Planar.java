package org.annotationkit.core.geometry;

import java.util.Arrays;
import java.util.List;

/** Plane geometry on primitive arrays: areas, bounds, rotation and convex clipping. */
final class Planar {
  private Planar() {}

  /** Sine and cosine of an angle in degrees, exact at multiples of 90 degrees. */
  static double[] sinCosDegrees(double degrees) {
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

  /** The axis-aligned bounds of some points. */
  static Box bounds(List<Point> points) {
    double minX = Double.POSITIVE_INFINITY;
    double minY = Double.POSITIVE_INFINITY;
    double maxX = Double.NEGATIVE_INFINITY;
    double maxY = Double.NEGATIVE_INFINITY;
    for (Point p : points) {
      minX = Math.min(minX, p.x());
      minY = Math.min(minY, p.y());
      maxX = Math.max(maxX, p.x());
      maxY = Math.max(maxY, p.y());
    }
    return Box.of(minX, minY, maxX - minX, maxY - minY);
  }

  /** The axis-aligned bounds of {@code n} points stored as {@code x0, y0, x1, y1, ...}. */
  static Box bounds(double[] xy, int n) {
    double minX = Double.POSITIVE_INFINITY;
    double minY = Double.POSITIVE_INFINITY;
    double maxX = Double.NEGATIVE_INFINITY;
    double maxY = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < n; i++) {
      minX = Math.min(minX, xy[2 * i]);
      minY = Math.min(minY, xy[2 * i + 1]);
      maxX = Math.max(maxX, xy[2 * i]);
      maxY = Math.max(maxY, xy[2 * i + 1]);
    }
    return Box.of(minX, minY, maxX - minX, maxY - minY);
  }

  /**
   * The signed shoelace area of {@code n} points stored flat; positive when the ring runs clockwise
   * on screen (y down), the orientation of {@link Box#corners()}.
   */
  static double signedArea(double[] xy, int n) {
    if (n < 3) {
      return 0;
    }
    double x0 = xy[0];
    double y0 = xy[1];
    double sum = 0;
    for (int i = 1; i + 1 < n; i++) {
      sum += (xy[2 * i] - x0) * (xy[2 * i + 3] - y0) - (xy[2 * i + 2] - x0) * (xy[2 * i + 1] - y0);
    }
    return sum / 2;
  }

  /**
   * The area of the intersection of two convex polygons stored flat, both with positive {@link
   * #signedArea(double[], int)}, by Sutherland–Hodgman clipping of {@code a} against each edge of
   * {@code b}.
   *
   * @param work1 scratch space of at least {@code 2 * (an + bn)} values
   * @param work2 more scratch space of the same size
   */
  @SuppressWarnings("ReferenceEquality") // which of the two work buffers is current: identity
  static double convexIntersectionArea(
      double[] a, int an, double[] b, int bn, double[] work1, double[] work2) {
    double[] current = work1;
    System.arraycopy(a, 0, current, 0, 2 * an);
    int n = an;
    for (int k = 0; k < bn && n > 0; k++) {
      double ex = b[2 * k];
      double ey = b[2 * k + 1];
      int next = k + 1 == bn ? 0 : k + 1;
      double dx = b[2 * next] - ex;
      double dy = b[2 * next + 1] - ey;
      double[] out = current == work1 ? work2 : work1;
      int m = 0;
      double px = current[2 * n - 2];
      double py = current[2 * n - 1];
      double sp = dx * (py - ey) - dy * (px - ex);
      for (int i = 0; i < n; i++) {
        double qx = current[2 * i];
        double qy = current[2 * i + 1];
        double sq = dx * (qy - ey) - dy * (qx - ex);
        // Inside is the closed half-plane sq >= 0; the edge p -> q crosses it when signs differ.
        if ((sp < 0 && sq > 0) || (sp > 0 && sq < 0)) {
          double t = sp / (sp - sq);
          out[2 * m] = px + t * (qx - px);
          out[2 * m + 1] = py + t * (qy - py);
          m++;
        }
        if (sq >= 0) {
          out[2 * m] = qx;
          out[2 * m + 1] = qy;
          m++;
        }
        px = qx;
        py = qy;
        sp = sq;
      }
      current = out;
      n = m;
    }
    return n < 3 ? 0 : Math.max(0, signedArea(current, n));
  }

  /**
   * The points of a ring that matter, as indices into it: repeated points (a closing point equal to
   * the first included) and points that lie strictly between their neighbours on a straight line
   * are left out, since they change neither the region nor its boundary. A point where the ring
   * doubles back on itself (a spike) is kept. A ring whose points all lie on one line comes out
   * with fewer than 3 points or with all of them on that line.
   *
   * @param xy the ring, {@code n} points stored flat
   * @return the indices of the points kept, in ring order; fewer than 3 when the ring has no area
   */
  static int[] essential(double[] xy, int n) {
    int[] kept = new int[n];
    int m = 0;
    for (int i = 0; i < n; i++) {
      double x = xy[2 * i];
      double y = xy[2 * i + 1];
      if (m > 0 && xy[2 * kept[m - 1]] == x && xy[2 * kept[m - 1] + 1] == y) {
        continue;
      }
      while (m >= 2 && between(xy, kept[m - 2], kept[m - 1], i)) {
        m--;
      }
      kept[m++] = i;
    }
    // The ring closes: drop points at the end equal to the first, then straighten the seam.
    while (m > 1
        && xy[2 * kept[m - 1]] == xy[2 * kept[0]]
        && xy[2 * kept[m - 1] + 1] == xy[2 * kept[0] + 1]) {
      m--;
    }
    int first = 0;
    boolean changed = true;
    while (changed && m - first >= 3) {
      changed = false;
      if (between(xy, kept[m - 2], kept[m - 1], kept[first])) {
        m--;
        changed = true;
      } else if (between(xy, kept[m - 1], kept[first], kept[first + 1])) {
        first++;
        changed = true;
      }
    }
    return Arrays.copyOfRange(kept, first, m);
  }

  /**
   * Whether point {@code p} lies strictly between {@code a} and {@code b} on the line through them.
   */
  private static boolean between(double[] xy, int a, int p, int b) {
    double ax = xy[2 * a];
    double ay = xy[2 * a + 1];
    double px = xy[2 * p];
    double py = xy[2 * p + 1];
    double bx = xy[2 * b];
    double by = xy[2 * b + 1];
    double cross = (px - ax) * (by - ay) - (py - ay) * (bx - ax);
    return cross == 0 && (px - ax) * (bx - px) + (py - ay) * (by - py) > 0;
  }

  /** The points of a ring at some indices, stored flat. */
  static double[] pick(double[] xy, int[] indices) {
    double[] out = new double[2 * indices.length];
    for (int i = 0; i < indices.length; i++) {
      out[2 * i] = xy[2 * indices[i]];
      out[2 * i + 1] = xy[2 * indices[i] + 1];
    }
    return out;
  }

  /**
   * Whether a ring of {@link #essential} points is convex and simple: every turn goes the same way
   * (no straight or doubling-back corners, none of which such a ring has unless it folds back on
   * itself), and the edge directions change sign at most twice in x and in y, so that the ring
   * winds around only once.
   */
  static boolean isConvex(double[] xy, int n) {
    if (n < 3) {
      return false;
    }
    int turn = 0;
    int xFlips = 0;
    int yFlips = 0;
    int firstSignX = 0;
    int firstSignY = 0;
    int lastSignX = 0;
    int lastSignY = 0;
    for (int i = 0; i < n; i++) {
      int j = i + 1 == n ? 0 : i + 1;
      int k = j + 1 == n ? 0 : j + 1;
      double ax = xy[2 * j] - xy[2 * i];
      double ay = xy[2 * j + 1] - xy[2 * i + 1];
      double bx = xy[2 * k] - xy[2 * j];
      double by = xy[2 * k + 1] - xy[2 * j + 1];
      double cross = ax * by - ay * bx;
      int sign = cross > 0 ? 1 : cross < 0 ? -1 : 0;
      if (sign == 0 || (turn != 0 && sign != turn)) {
        return false;
      }
      turn = sign;
      int sx = ax > 0 ? 1 : ax < 0 ? -1 : 0;
      if (sx != 0) {
        if (lastSignX != 0 && sx != lastSignX) {
          xFlips++;
        }
        if (firstSignX == 0) {
          firstSignX = sx;
        }
        lastSignX = sx;
      }
      int sy = ay > 0 ? 1 : ay < 0 ? -1 : 0;
      if (sy != 0) {
        if (lastSignY != 0 && sy != lastSignY) {
          yFlips++;
        }
        if (firstSignY == 0) {
          firstSignY = sy;
        }
        lastSignY = sy;
      }
    }
    if (firstSignX != 0 && lastSignX != firstSignX) {
      xFlips++;
    }
    if (firstSignY != 0 && lastSignY != firstSignY) {
      yFlips++;
    }
    return xFlips <= 2 && yFlips <= 2;
  }

  /** The ring in positive orientation ({@link #signedArea} not negative): itself or reversed. */
  static double[] positive(double[] xy, int n) {
    if (signedArea(xy, n) >= 0) {
      return xy;
    }
    double[] reversed = new double[2 * n];
    for (int i = 0; i < n; i++) {
      reversed[2 * i] = xy[2 * (n - 1 - i)];
      reversed[2 * i + 1] = xy[2 * (n - 1 - i) + 1];
    }
    return reversed;
  }

  /**
   * Where a point lies with respect to a ring: {@code 1} inside, {@code -1} outside, {@code 0} on
   * it.
   */
  static int locate(double[] xy, int n, double px, double py) {
    boolean inside = false;
    for (int i = 0, j = n - 1; i < n; j = i++) {
      double ax = xy[2 * i];
      double ay = xy[2 * i + 1];
      double bx = xy[2 * j];
      double by = xy[2 * j + 1];
      double cross = (bx - ax) * (py - ay) - (by - ay) * (px - ax);
      if (cross == 0
          && px >= Math.min(ax, bx)
          && px <= Math.max(ax, bx)
          && py >= Math.min(ay, by)
          && py <= Math.max(ay, by)) {
        return 0;
      }
      if ((ay > py) != (by > py) && px < (bx - ax) * (py - ay) / (by - ay) + ax) {
        inside = !inside;
      }
    }
    return inside ? 1 : -1;
  }
}
