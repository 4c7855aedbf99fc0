package org.annotationkit.core.geometry;

import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * The region that some rings enclose under the even-odd rule, held as the rings' non-horizontal
 * edges, with its area; and the area two such regions have in common.
 *
 * <p>Both areas come from one sweep over horizontal slabs. Every vertex height and the height of
 * every crossing of two edges bound a slab, so that inside a slab no edge starts, ends or passes
 * another: the edges that span it keep their left-to-right order, and the width of the region
 * across the slab is a linear function of the height. Its area is then exactly that width at the
 * slab's middle times the slab's height. A point is inside the region when a horizontal ray from it
 * crosses an odd number of edges, which is what walking the sorted edges and flipping a flag at
 * each gives. Horizontal edges never cross a slab's middle and are left out.
 *
 * <p>The cost is {@code O(e log e + p + s k)} for {@code e} edges, {@code p} pairs of edges whose
 * heights overlap (tested for crossings), {@code s} slabs and {@code k} edges spanning a slab:
 * about linear for the shapes of annotations, whose rings few horizontal lines cross many times.
 */
final class EdgeSet {
  /** Values per edge: x at the lower end, the lower y, x at the upper end, the upper y, dx / dy. */
  private static final int STRIDE = 5;

  /** How many edges there are. */
  final int count;

  /** The edges, {@value #STRIDE} values each, sorted by their lower y. */
  final double[] edges;

  /** Sorted distinct heights: every vertex's and that of every crossing of two of the edges. */
  final double[] heights;

  /** The even-odd area of the rings. */
  final double area;

  private EdgeSet(int count, double[] edges, double[] heights) {
    this.count = count;
    this.edges = edges;
    this.heights = heights;
    this.area = sweep(edges, null, count, heights, heights.length);
  }

  /**
   * The edges of some rings, each stored flat as {@code x0, y0, x1, y1, ...} with {@code n} points
   * and its closing edge implied.
   */
  static EdgeSet of(double[][] rings, int[] sizes) {
    int capacity = 0;
    for (int size : sizes) {
      capacity += size;
    }
    double[] raw = new double[STRIDE * capacity];
    double[] lower = new double[capacity];
    int n = 0;
    for (int r = 0; r < rings.length; r++) {
      double[] xy = rings[r];
      int size = sizes[r];
      for (int i = 0; i < size; i++) {
        int j = i + 1 == size ? 0 : i + 1;
        double xa = xy[2 * i];
        double ya = xy[2 * i + 1];
        double xb = xy[2 * j];
        double yb = xy[2 * j + 1];
        if (ya == yb) {
          continue;
        }
        if (ya > yb) {
          double t = xa;
          xa = xb;
          xb = t;
          t = ya;
          ya = yb;
          yb = t;
        }
        int o = STRIDE * n;
        raw[o] = xa;
        raw[o + 1] = ya;
        raw[o + 2] = xb;
        raw[o + 3] = yb;
        raw[o + 4] = (xb - xa) / (yb - ya);
        lower[n] = ya;
        n++;
      }
    }
    int[] order = sortedOrder(lower, n);
    double[] edges = new double[STRIDE * n];
    for (int k = 0; k < n; k++) {
      System.arraycopy(raw, STRIDE * order[k], edges, STRIDE * k, STRIDE);
    }
    // Vertex heights, then crossings of two edges.
    double[] heights = new double[2 * n + 16];
    int h = 0;
    for (int k = 0; k < n; k++) {
      heights[h++] = edges[STRIDE * k + 1];
      heights[h++] = edges[STRIDE * k + 3];
    }
    for (int i = 0; i < n; i++) {
      int oi = STRIDE * i;
      double top = edges[oi + 3];
      for (int j = i + 1; j < n && edges[STRIDE * j + 1] < top; j++) {
        double y = crossing(edges, oi, edges, STRIDE * j);
        if (!Double.isNaN(y)) {
          if (h == heights.length) {
            heights = Arrays.copyOf(heights, 2 * h);
          }
          heights[h++] = y;
        }
      }
    }
    return new EdgeSet(n, edges, distinctSorted(heights, h));
  }

  /** The area that the even-odd regions of two edge sets have in common. */
  static double intersectionArea(EdgeSet a, EdgeSet b) {
    if (a.count == 0 || b.count == 0) {
      return 0;
    }
    double from = Math.max(a.heights[0], b.heights[0]);
    double to = Math.min(a.heights[a.heights.length - 1], b.heights[b.heights.length - 1]);
    if (from >= to) {
      return 0;
    }
    // Both edge lists merged by lower y, each edge marked with its set.
    int n = a.count + b.count;
    double[] edges = new double[STRIDE * n];
    boolean[] inB = new boolean[n];
    int i = 0;
    int j = 0;
    for (int k = 0; k < n; k++) {
      boolean takeA =
          j == b.count || (i < a.count && a.edges[STRIDE * i + 1] <= b.edges[STRIDE * j + 1]);
      if (takeA) {
        System.arraycopy(a.edges, STRIDE * i++, edges, STRIDE * k, STRIDE);
      } else {
        System.arraycopy(b.edges, STRIDE * j++, edges, STRIDE * k, STRIDE);
        inB[k] = true;
      }
    }
    // The heights of both sets within the common range, and the crossings of an edge of one with
    // an edge of the other.
    double[] crossings = new double[16];
    int h = 0;
    for (int p = 0; p < n; p++) {
      int op = STRIDE * p;
      double top = Math.min(edges[op + 3], to);
      for (int q = p + 1; q < n && edges[STRIDE * q + 1] < top; q++) {
        if (inB[p] == inB[q]) {
          continue;
        }
        double y = crossing(edges, op, edges, STRIDE * q);
        if (!Double.isNaN(y) && y > from && y < to) {
          if (h == crossings.length) {
            crossings = Arrays.copyOf(crossings, 2 * h);
          }
          crossings[h++] = y;
        }
      }
    }
    Arrays.sort(crossings, 0, h);
    // Merge the three sorted lists, within the common range, without repeats.
    double[] heights = new double[a.heights.length + b.heights.length + h];
    int ia = lowerBound(a.heights, from);
    int ib = lowerBound(b.heights, from);
    int ic = 0;
    int count = 0;
    while (true) {
      double y = Double.POSITIVE_INFINITY;
      if (ia < a.heights.length) {
        y = a.heights[ia];
      }
      if (ib < b.heights.length && b.heights[ib] < y) {
        y = b.heights[ib];
      }
      if (ic < h && crossings[ic] < y) {
        y = crossings[ic];
      }
      if (!(y <= to)) {
        break;
      }
      if (count == 0 || heights[count - 1] != y) {
        heights[count++] = y;
      }
      if (ia < a.heights.length && a.heights[ia] == y) {
        ia++;
      }
      if (ib < b.heights.length && b.heights[ib] == y) {
        ib++;
      }
      if (ic < h && crossings[ic] == y) {
        ic++;
      }
    }
    return sweep(edges, inB, n, heights, count);
  }

  /** The index of the first value not below {@code y} in a sorted array. */
  private static int lowerBound(double[] sorted, double y) {
    int lo = 0;
    int hi = sorted.length;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (sorted[mid] < y) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /**
   * The height at which two edges cross strictly between the heights they share, or NaN when they
   * do not (they are apart, touch, or run along each other there).
   */
  private static double crossing(double[] ea, int a, double[] eb, int b) {
    double lo = Math.max(ea[a + 1], eb[b + 1]);
    double hi = Math.min(ea[a + 3], eb[b + 3]);
    if (hi <= lo) {
      return Double.NaN;
    }
    if (Math.max(ea[a], ea[a + 2]) < Math.min(eb[b], eb[b + 2])
        || Math.max(eb[b], eb[b + 2]) < Math.min(ea[a], ea[a + 2])) {
      return Double.NaN;
    }
    double dLo = xAt(ea, a, lo) - xAt(eb, b, lo);
    double dHi = xAt(ea, a, hi) - xAt(eb, b, hi);
    if ((dLo < 0 && dHi > 0) || (dLo > 0 && dHi < 0)) {
      double y = lo + (hi - lo) * (dLo / (dLo - dHi));
      return y > lo && y < hi ? y : Double.NaN;
    }
    return Double.NaN;
  }

  /** The x of an edge at a height within its range, exact at its ends. */
  private static double xAt(double[] e, int o, double y) {
    if (y == e[o + 1]) {
      return e[o];
    }
    if (y == e[o + 3]) {
      return e[o + 2];
    }
    return e[o] + (y - e[o + 1]) * e[o + 4];
  }

  /**
   * The area of the even-odd region of the edges, or with {@code inB} given, of the part where the
   * region of the edges marked {@code true} and that of the others overlap.
   */
  private static double sweep(
      double[] edges, boolean @Nullable [] inB, int n, double[] heights, int h) {
    int[] active = new int[n];
    double[] xs = new double[n];
    int live = 0;
    int next = 0;
    double area = 0;
    for (int s = 0; s + 1 < h; s++) {
      double lo = heights[s];
      double hi = heights[s + 1];
      // Drop the edges that end at or below the slab, keeping the order of the others.
      int kept = 0;
      for (int k = 0; k < live; k++) {
        int e = active[k];
        if (edges[STRIDE * e + 3] > lo) {
          active[kept++] = e;
        }
      }
      live = kept;
      while (next < n && edges[STRIDE * next + 1] <= lo) {
        if (edges[STRIDE * next + 3] > lo) {
          active[live++] = next;
        }
        next++;
      }
      if (live < 2) {
        continue;
      }
      double mid = lo + (hi - lo) / 2;
      for (int k = 0; k < live; k++) {
        int o = STRIDE * active[k];
        xs[k] = edges[o] + (mid - edges[o + 1]) * edges[o + 4];
      }
      // Insertion sort: the order of the previous slab is mostly kept.
      for (int k = 1; k < live; k++) {
        double x = xs[k];
        int e = active[k];
        int m = k - 1;
        while (m >= 0 && xs[m] > x) {
          xs[m + 1] = xs[m];
          active[m + 1] = active[m];
          m--;
        }
        xs[m + 1] = x;
        active[m + 1] = e;
      }
      double width = 0;
      if (inB == null) {
        for (int k = 0; k + 1 < live; k += 2) {
          width += xs[k + 1] - xs[k];
        }
      } else {
        boolean insideA = false;
        boolean insideB = false;
        double start = 0;
        for (int k = 0; k < live; k++) {
          boolean before = insideA && insideB;
          if (inB[active[k]]) {
            insideB = !insideB;
          } else {
            insideA = !insideA;
          }
          boolean after = insideA && insideB;
          if (after && !before) {
            start = xs[k];
          } else if (before && !after) {
            width += xs[k] - start;
          }
        }
      }
      area += width * (hi - lo);
    }
    return area;
  }

  /** The first {@code n} values sorted, without repeats. */
  private static double[] distinctSorted(double[] values, int n) {
    Arrays.sort(values, 0, n);
    int m = 0;
    for (int i = 0; i < n; i++) {
      if (m == 0 || values[i] != values[m - 1]) {
        values[m++] = values[i];
      }
    }
    return Arrays.copyOf(values, m);
  }

  /** The indices {@code 0..n-1} ordered by their key, ties in index order (a merge sort). */
  private static int[] sortedOrder(double[] key, int n) {
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    int[] spare = new int[n];
    for (int width = 1; width < n; width *= 2) {
      for (int lo = 0; lo < n; lo += 2 * width) {
        int mid = Math.min(lo + width, n);
        int hi = Math.min(lo + 2 * width, n);
        int i = lo;
        int j = mid;
        for (int k = lo; k < hi; k++) {
          if (j >= hi || (i < mid && key[order[i]] <= key[order[j]])) {
            spare[k] = order[i++];
          } else {
            spare[k] = order[j++];
          }
        }
      }
      int[] t = order;
      order = spare;
      spare = t;
    }
    return order;
  }
}
