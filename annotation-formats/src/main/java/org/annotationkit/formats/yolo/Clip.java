package org.annotationkit.formats.yolo;

import java.util.Arrays;
import java.util.List;

/** Plane geometry of the writer: clipping a polygon to the image, its area, joining parts. */
final class Clip {
  private Clip() {}

  /**
   * The part of a polygon inside [0, width] x [0, height] (Sutherland-Hodgman against the four
   * edges, exact for any polygon against a convex window); the ring itself when it is inside.
   *
   * @param xy the ring, {@code x0, y0, x1, y1, ...}
   * @return the clipped ring, possibly with fewer than 3 points when nothing is inside
   */
  static double[] polygon(double[] xy, double width, double height) {
    boolean inside = true;
    for (int i = 0; i < xy.length; i += 2) {
      inside &= xy[i] >= 0 && xy[i] <= width && xy[i + 1] >= 0 && xy[i + 1] <= height;
    }
    if (inside) {
      return xy;
    }
    double[] ring = xy;
    ring = edge(ring, 0, 0, true); // x >= 0
    ring = edge(ring, 0, width, false); // x <= width
    ring = edge(ring, 1, 0, true); // y >= 0
    ring = edge(ring, 1, height, false); // y <= height
    return ring;
  }

  /** Clips a ring against one axis-parallel half-plane: coordinate {@code axis} >= or <= limit. */
  private static double[] edge(double[] ring, int axis, double limit, boolean above) {
    int n = ring.length / 2;
    if (n == 0) {
      return ring;
    }
    double[] out = new double[ring.length * 2 + 4];
    int m = 0;
    for (int i = 0; i < n; i++) {
      int j = (i + 1) % n;
      double[] a = {ring[2 * i], ring[2 * i + 1]};
      double[] b = {ring[2 * j], ring[2 * j + 1]};
      boolean aIn = above ? a[axis] >= limit : a[axis] <= limit;
      boolean bIn = above ? b[axis] >= limit : b[axis] <= limit;
      if (aIn) {
        out[m++] = a[0];
        out[m++] = a[1];
      }
      if (aIn != bIn) {
        double t = (limit - a[axis]) / (b[axis] - a[axis]);
        double[] p = {a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])};
        p[axis] = limit; // exactly on the border
        out[m++] = p[0];
        out[m++] = p[1];
      }
    }
    return dropRepeats(Arrays.copyOf(out, m));
  }

  /** The ring without points equal to the one before them (and the last equal to the first). */
  private static double[] dropRepeats(double[] ring) {
    int n = ring.length / 2;
    double[] out = new double[ring.length];
    int m = 0;
    for (int i = 0; i < n; i++) {
      double x = ring[2 * i];
      double y = ring[2 * i + 1];
      if (m >= 2 && out[m - 2] == x && out[m - 1] == y) {
        continue;
      }
      out[m++] = x;
      out[m++] = y;
    }
    if (m >= 4 && out[0] == out[m - 2] && out[1] == out[m - 1]) {
      m -= 2;
    }
    return Arrays.copyOf(out, m);
  }

  /** The absolute shoelace area of a ring. */
  static double area(double[] xy) {
    int n = xy.length / 2;
    if (n < 3) {
      return 0;
    }
    double twice = 0;
    for (int i = 0; i < n; i++) {
      int j = (i + 1) % n;
      twice += xy[2 * i] * xy[2 * j + 1] - xy[2 * j] * xy[2 * i + 1];
    }
    return Math.abs(twice) / 2;
  }

  /**
   * Joins the parts of one object into one ring, as Ultralytics' {@code merge_multi_segment} does:
   * each part is linked to the next at their two nearest vertices; the ring walks forward through
   * every part to the last, then back through the middle parts, so each link is walked twice (there
   * and back) and adds no area.
   *
   * @param parts the rings, at least two
   * @return the joined ring
   */
  static double[] join(List<double[]> parts) {
    int k = parts.size();
    // in[i]: where part i is entered from part i - 1; out[i]: where it leaves for part i + 1.
    int[] in = new int[k];
    int[] out = new int[k];
    for (int i = 1; i < k; i++) {
      int[] nearest = nearest(parts.get(i - 1), parts.get(i));
      out[i - 1] = nearest[0];
      in[i] = nearest[1];
    }
    in[0] = out[0];
    out[k - 1] = in[k - 1];
    double[] ring = new double[totalLength(parts) * 2 + 4 * k];
    int m = 0;
    // Forward: part 0 whole from its exit back to its exit, then each middle part from its entry to
    // its exit, then the last part whole from its entry around to its entry.
    for (int i = 0; i < k; i++) {
      double[] p = parts.get(i);
      int n = p.length / 2;
      int start = in[i];
      int steps;
      if (i == 0 || i == k - 1) {
        steps = n; // whole ring, closing on the starting vertex
      } else {
        steps = Math.floorMod(out[i] - in[i], n);
      }
      for (int s = 0; s <= steps; s++) {
        int v = (start + s) % n;
        ring[m++] = p[2 * v];
        ring[m++] = p[2 * v + 1];
      }
    }
    // Back: each middle part from its exit on around to its entry, last to first.
    for (int i = k - 2; i >= 1; i--) {
      double[] p = parts.get(i);
      int n = p.length / 2;
      int steps = Math.floorMod(in[i] - out[i], n);
      for (int s = 0; s <= steps; s++) {
        int v = (out[i] + s) % n;
        ring[m++] = p[2 * v];
        ring[m++] = p[2 * v + 1];
      }
    }
    return Arrays.copyOf(ring, m);
  }

  private static int totalLength(List<double[]> parts) {
    int total = 0;
    for (double[] p : parts) {
      total += p.length / 2 + 1;
    }
    return total * 2;
  }

  /** The indices of the nearest vertices of two rings. */
  private static int[] nearest(double[] a, double[] b) {
    double best = Double.POSITIVE_INFINITY;
    int[] pair = {0, 0};
    for (int i = 0; i < a.length; i += 2) {
      for (int j = 0; j < b.length; j += 2) {
        double dx = a[i] - b[j];
        double dy = a[i + 1] - b[j + 1];
        double d = dx * dx + dy * dy;
        if (d < best) {
          best = d;
          pair[0] = i / 2;
          pair[1] = j / 2;
        }
      }
    }
    return pair;
  }
}
