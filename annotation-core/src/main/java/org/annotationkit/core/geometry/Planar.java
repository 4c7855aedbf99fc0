package org.annotationkit.core.geometry;

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

  /** The signed shoelace area of a ring (positive when clockwise on screen). */
  static double signedArea(List<Point> ring) {
    int n = ring.size();
    double sum = 0;
    Point first = ring.get(0);
    // Relative to the first point, which keeps precision for rings far from the origin.
    for (int i = 1; i + 1 < n; i++) {
      Point a = ring.get(i);
      Point b = ring.get(i + 1);
      sum += (a.x() - first.x()) * (b.y() - first.y()) - (b.x() - first.x()) * (a.y() - first.y());
    }
    return sum / 2;
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

  /** The rings of a polygon as flat coordinate arrays: the exterior first, then the holes. */
  static double[][] rings(Polygon polygon) {
    double[][] rings = new double[1 + polygon.holes().size()][];
    rings[0] = flat(polygon.exterior());
    for (int i = 0; i < polygon.holes().size(); i++) {
      rings[i + 1] = flat(polygon.holes().get(i));
    }
    return rings;
  }

  private static double[] flat(List<Point> ring) {
    double[] xy = new double[2 * ring.size()];
    for (int i = 0; i < ring.size(); i++) {
      xy[2 * i] = ring.get(i).x();
      xy[2 * i + 1] = ring.get(i).y();
    }
    return xy;
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
   * Whether a ring is convex: all turns go the same way (ignoring straight runs and repeated
   * points) and the ring winds around only once.
   */
  static boolean isConvex(double[] xy) {
    int n = xy.length / 2;
    int turn = 0;
    int xFlips = 0;
    int yFlips = 0;
    int lastSignX = 0;
    int lastSignY = 0;
    int firstSignX = 0;
    int firstSignY = 0;
    for (int i = 0; i < n; i++) {
      int j = (i + 1) % n;
      int k = (i + 2) % n;
      double ax = xy[2 * j] - xy[2 * i];
      double ay = xy[2 * j + 1] - xy[2 * i + 1];
      double bx = xy[2 * k] - xy[2 * j];
      double by = xy[2 * k + 1] - xy[2 * j + 1];
      double cross = ax * by - ay * bx;
      int sign = cross > 0 ? 1 : cross < 0 ? -1 : 0;
      if (sign != 0) {
        if (turn != 0 && sign != turn) {
          return false;
        }
        turn = sign;
      }
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
    // Close the cycle of edge directions.
    if (firstSignX != 0 && lastSignX != firstSignX) {
      xFlips++;
    }
    if (firstSignY != 0 && lastSignY != firstSignY) {
      yFlips++;
    }
    return xFlips <= 2 && yFlips <= 2;
  }

  /** The ring itself when its signed area is not negative, else a reversed copy. */
  private static double[] positive(double[] xy) {
    int n = xy.length / 2;
    if (signedArea(xy, n) >= 0) {
      return xy;
    }
    double[] reversed = new double[xy.length];
    for (int i = 0; i < n; i++) {
      reversed[2 * i] = xy[2 * (n - 1 - i)];
      reversed[2 * i + 1] = xy[2 * (n - 1 - i) + 1];
    }
    return reversed;
  }

  /**
   * The area of the intersection of two polygons given as rings (exterior first, then holes), in
   * any orientation.
   *
   * <p>Two convex polygons without holes are clipped directly. Otherwise each ring is fanned into
   * triangles from its first vertex; each triangle carries the sign of its own orientation times
   * its ring's orientation (and -1 for holes), so that the signed sum of a polygon's triangle
   * indicators is its indicator function almost everywhere. Then {@code area(A ∩ B) = Σ_i Σ_j s_i
   * s_j area(T_i ∩ T_j)}, each term a convex clip. This is exact for simple rings with holes inside
   * the exterior; it costs O(n m) clips for n and m vertices.
   */
  static double polygonIntersectionArea(double[][] a, double[][] b) {
    if (a.length == 1 && b.length == 1 && isConvex(a[0]) && isConvex(b[0])) {
      double[] pa = positive(a[0]);
      double[] pb = positive(b[0]);
      int an = pa.length / 2;
      int bn = pb.length / 2;
      if (signedArea(pa, an) == 0 || signedArea(pb, bn) == 0) {
        return 0;
      }
      double[] work1 = new double[2 * (an + bn)];
      double[] work2 = new double[2 * (an + bn)];
      return convexIntersectionArea(pa, an, pb, bn, work1, work2);
    }
    return fanIntersectionArea(a, b);
  }

  /**
   * The area of the intersection of two polygons given as rings, by signed fan triangles (see
   * {@link #polygonIntersectionArea}), whatever their shape.
   */
  static double fanIntersectionArea(double[][] a, double[][] b) {
    Fan fa = Fan.of(a);
    Fan fb = Fan.of(b);
    double[] work1 = new double[12];
    double[] work2 = new double[12];
    double[] ta = new double[6];
    double[] tb = new double[6];
    double sum = 0;
    for (int i = 0; i < fa.count; i++) {
      double minX = fa.box[4 * i];
      double minY = fa.box[4 * i + 1];
      double maxX = fa.box[4 * i + 2];
      double maxY = fa.box[4 * i + 3];
      System.arraycopy(fa.xy, 6 * i, ta, 0, 6);
      for (int j = 0; j < fb.count; j++) {
        if (fb.box[4 * j] >= maxX
            || fb.box[4 * j + 2] <= minX
            || fb.box[4 * j + 1] >= maxY
            || fb.box[4 * j + 3] <= minY) {
          continue;
        }
        System.arraycopy(fb.xy, 6 * j, tb, 0, 6);
        double area = convexIntersectionArea(ta, 3, tb, 3, work1, work2);
        sum += fa.sign[i] * fb.sign[j] * area;
      }
    }
    return Math.max(0, sum);
  }

  /** Signed fan triangles of a polygon's rings, each stored positively oriented. */
  private static final class Fan {
    final int count;
    final double[] xy;
    final double[] box;
    final int[] sign;

    private Fan(int count, double[] xy, double[] box, int[] sign) {
      this.count = count;
      this.xy = xy;
      this.box = box;
      this.sign = sign;
    }

    static Fan of(double[][] rings) {
      int capacity = 0;
      for (double[] ring : rings) {
        capacity += Math.max(0, ring.length / 2 - 2);
      }
      double[] xy = new double[6 * capacity];
      double[] box = new double[4 * capacity];
      int[] sign = new int[capacity];
      int count = 0;
      for (int r = 0; r < rings.length; r++) {
        double[] ring = rings[r];
        int n = ring.length / 2;
        double ringArea = signedArea(ring, n);
        if (ringArea == 0) {
          continue;
        }
        int ringSign = (r == 0 ? 1 : -1) * (ringArea > 0 ? 1 : -1);
        double x0 = ring[0];
        double y0 = ring[1];
        for (int k = 1; k + 1 < n; k++) {
          double x1 = ring[2 * k];
          double y1 = ring[2 * k + 1];
          double x2 = ring[2 * k + 2];
          double y2 = ring[2 * k + 3];
          double cross = (x1 - x0) * (y2 - y0) - (x2 - x0) * (y1 - y0);
          if (cross == 0) {
            continue;
          }
          if (cross < 0) {
            double tx = x1;
            double ty = y1;
            x1 = x2;
            y1 = y2;
            x2 = tx;
            y2 = ty;
          }
          int t = 6 * count;
          xy[t] = x0;
          xy[t + 1] = y0;
          xy[t + 2] = x1;
          xy[t + 3] = y1;
          xy[t + 4] = x2;
          xy[t + 5] = y2;
          box[4 * count] = Math.min(x0, Math.min(x1, x2));
          box[4 * count + 1] = Math.min(y0, Math.min(y1, y2));
          box[4 * count + 2] = Math.max(x0, Math.max(x1, x2));
          box[4 * count + 3] = Math.max(y0, Math.max(y1, y2));
          sign[count] = cross > 0 ? ringSign : -ringSign;
          count++;
        }
      }
      return new Fan(count, xy, box, sign);
    }
  }
}
