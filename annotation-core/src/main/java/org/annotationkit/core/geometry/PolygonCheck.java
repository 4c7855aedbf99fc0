package org.annotationkit.core.geometry;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Finds the {@link PolygonDefect defects} of a polygon's rings.
 *
 * <p>Each ring is first reduced to its {@linkplain Planar#essential essential} points. A ring left
 * with no area is reported and ignored after. Then all edges of all rings are swept by height, and
 * each pair of edges whose boxes meet is classified: apart, touching at one point, crossing in the
 * middle of both, or running along each other. Within a ring, any contact of edges that do not
 * follow each other is a self-intersection, and so is a ring doubling back along consecutive edges.
 * Between rings, crossing and running along count; touching at a point is allowed, as in the OGC
 * rules. A hole that crosses nothing lies inside or outside as its points do, and so for two holes.
 * At most one defect is reported per ring (or pair of rings), the one with the lowest edges.
 */
final class PolygonCheck {
  private static final int APART = 0;
  private static final int TOUCH = 1;
  private static final int CROSS = 2;
  private static final int ALONG = 3;

  private final double[][] rings;
  private final int[] sizes;
  private final int[][] kept;
  private final boolean[] flat;

  /** For each pair of rings {@code (r, s)}, {@code r <= s}: the contact found, or null. */
  private final @Nullable Contact[][] contacts;

  private PolygonCheck(double[][] rings, int[] sizes) {
    this.rings = rings;
    this.sizes = sizes;
    int count = rings.length;
    this.kept = new int[count][];
    this.flat = new boolean[count];
    this.contacts = new Contact[count][count];
    for (int r = 0; r < count; r++) {
      kept[r] = Planar.essential(rings[r], sizes[r]);
      flat[r] = isFlat(rings[r], kept[r]);
    }
  }

  /** The defects of rings stored flat, the exterior first. */
  static List<PolygonDefect> defects(double[][] rings, int[] sizes) {
    return new PolygonCheck(rings, sizes).run();
  }

  private List<PolygonDefect> run() {
    List<PolygonDefect> out = new ArrayList<>();
    for (int r = 0; r < rings.length; r++) {
      if (flat[r]) {
        out.add(
            new PolygonDefect(
                PolygonDefect.Kind.ZERO_AREA,
                r,
                -1,
                -1,
                -1,
                name(r) + " has no area: its points lie on one line"));
      }
    }
    sweep();
    for (int r = 0; r < rings.length; r++) {
      Contact self = contacts[r][r];
      if (self != null) {
        out.add(
            new PolygonDefect(
                PolygonDefect.Kind.SELF_INTERSECTION,
                r,
                self.edgeA,
                r,
                self.edgeB,
                name(r)
                    + " "
                    + (self.kind == CROSS ? "crosses" : "meets")
                    + " itself: "
                    + describe(r, self.edgeA)
                    + " "
                    + verb(self.kind)
                    + " "
                    + describe(r, self.edgeB)
                    + " at "
                    + point(self.x, self.y)));
      }
    }
    for (int s = 1; s < rings.length; s++) {
      if (flat[s]) {
        continue;
      }
      PolygonDefect outside = holeOutside(s);
      if (outside != null) {
        out.add(outside);
      }
    }
    for (int r = 1; r < rings.length; r++) {
      for (int s = r + 1; s < rings.length; s++) {
        if (flat[r] || flat[s]) {
          continue;
        }
        PolygonDefect overlap = holesOverlap(r, s);
        if (overlap != null) {
          out.add(overlap);
        }
      }
    }
    return List.copyOf(out);
  }

  private @Nullable PolygonDefect holeOutside(int s) {
    String hole = name(s);
    if (flat[0]) {
      return new PolygonDefect(
          PolygonDefect.Kind.HOLE_OUTSIDE,
          s,
          -1,
          0,
          -1,
          hole + " lies outside the exterior, which has no area");
    }
    Contact c = contacts[0][s];
    if (c != null) {
      return new PolygonDefect(
          PolygonDefect.Kind.HOLE_OUTSIDE,
          s,
          c.edgeB,
          0,
          c.edgeA,
          hole
              + " "
              + (c.kind == CROSS ? "crosses" : "runs along")
              + " the exterior: its "
              + describe(s, c.edgeB)
              + " "
              + verb(c.kind)
              + " the exterior's "
              + describe(0, c.edgeA)
              + " at "
              + point(c.x, c.y));
    }
    int p = pointOutside(s, 0);
    if (p >= 0) {
      return new PolygonDefect(
          PolygonDefect.Kind.HOLE_OUTSIDE,
          s,
          -1,
          0,
          -1,
          hole
              + " lies outside the exterior: its point "
              + p
              + " "
              + point(rings[s][2 * p], rings[s][2 * p + 1])
              + " is outside");
    }
    return null;
  }

  private @Nullable PolygonDefect holesOverlap(int r, int s) {
    String both = "holes " + (r - 1) + " and " + (s - 1) + " overlap: ";
    Contact c = contacts[r][s];
    if (c != null) {
      return new PolygonDefect(
          PolygonDefect.Kind.HOLES_OVERLAP,
          r,
          c.edgeA,
          s,
          c.edgeB,
          both
              + describe(r, c.edgeA)
              + " of hole "
              + (r - 1)
              + " "
              + verb(c.kind)
              + " "
              + describe(s, c.edgeB)
              + " of hole "
              + (s - 1)
              + " at "
              + point(c.x, c.y));
    }
    for (int[] pair : new int[][] {{s, r}, {r, s}}) {
      int p = pointInside(pair[0], pair[1]);
      if (p >= 0) {
        return new PolygonDefect(
            PolygonDefect.Kind.HOLES_OVERLAP,
            r,
            -1,
            s,
            -1,
            both
                + "hole "
                + (pair[0] - 1)
                + " lies inside hole "
                + (pair[1] - 1)
                + " (its point "
                + p
                + " "
                + point(rings[pair[0]][2 * p], rings[pair[0]][2 * p + 1])
                + " is inside)");
      }
    }
    return null;
  }

  /** The first point of ring {@code r} strictly outside ring {@code s}, or -1. */
  private int pointOutside(int r, int s) {
    double[] other = Planar.pick(rings[s], kept[s]);
    for (int i = 0; i < sizes[r]; i++) {
      if (Planar.locate(other, kept[s].length, rings[r][2 * i], rings[r][2 * i + 1]) < 0) {
        return i;
      }
    }
    return -1;
  }

  /** The first point of ring {@code r} strictly inside ring {@code s}, or -1. */
  private int pointInside(int r, int s) {
    double[] other = Planar.pick(rings[s], kept[s]);
    for (int i = 0; i < sizes[r]; i++) {
      if (Planar.locate(other, kept[s].length, rings[r][2 * i], rings[r][2 * i + 1]) > 0) {
        return i;
      }
    }
    return -1;
  }

  // ---------------------------------------------------------------- the sweep

  /** Tests every pair of edges whose boxes meet, keeping the first contact of each ring pair. */
  private void sweep() {
    int total = 0;
    for (int r = 0; r < rings.length; r++) {
      if (!flat[r]) {
        total += kept[r].length;
      }
    }
    // Per edge: ring, index within the essential ring; its box for the sweep.
    int[] ringOf = new int[total];
    int[] indexOf = new int[total];
    double[] minY = new double[total];
    int n = 0;
    for (int r = 0; r < rings.length; r++) {
      if (flat[r]) {
        continue;
      }
      for (int i = 0; i < kept[r].length; i++) {
        ringOf[n] = r;
        indexOf[n] = i;
        minY[n] = Math.min(y(r, i), y(r, i + 1));
        n++;
      }
    }
    Integer[] order = new Integer[n];
    for (int k = 0; k < n; k++) {
      order[k] = k;
    }
    Arrays.sort(order, (a, b) -> Double.compare(minY[a], minY[b]));
    double[] hit = new double[2];
    for (int a = 0; a < n; a++) {
      int ea = order[a];
      int ra = ringOf[ea];
      int ia = indexOf[ea];
      double topA = Math.max(y(ra, ia), y(ra, ia + 1));
      for (int b = a + 1; b < n && minY[order[b]] <= topA; b++) {
        int eb = order[b];
        int rb = ringOf[eb];
        int ib = indexOf[eb];
        int r = Math.min(ra, rb);
        int s = Math.max(ra, rb);
        int i = ra <= rb ? ia : ib;
        int j = ra <= rb ? ib : ia;
        if (r == s && i > j) {
          int t = i;
          i = j;
          j = t;
        }
        Contact best = contacts[r][s];
        if (best != null && (best.indexA < i || (best.indexA == i && best.indexB <= j))) {
          continue;
        }
        int kind = contact(r, i, s, j, hit);
        if (!counts(r, i, s, j, kind)) {
          continue;
        }
        contacts[r][s] =
            new Contact(
                kind,
                i,
                j,
                givenEdge(r, i, hit[0], hit[1]),
                givenEdge(s, j, hit[0], hit[1]),
                hit[0],
                hit[1]);
      }
    }
  }

  /** Whether a contact between two edges makes the polygon invalid. */
  private boolean counts(int r, int i, int s, int j, int kind) {
    if (kind == APART) {
      return false;
    }
    if (r != s) {
      return kind == CROSS || kind == ALONG;
    }
    int m = kept[r].length;
    boolean consecutive = j == i + 1 || (i == 0 && j == m - 1);
    return !consecutive || kind == ALONG;
  }

  /**
   * How edge {@code i} of ring {@code r} and edge {@code j} of ring {@code s} meet, with a point
   * where they do in {@code hit}.
   */
  private int contact(int r, int i, int s, int j, double[] hit) {
    double ax = x(r, i);
    double ay = y(r, i);
    double bx = x(r, i + 1);
    double by = y(r, i + 1);
    double cx = x(s, j);
    double cy = y(s, j);
    double dx = x(s, j + 1);
    double dy = y(s, j + 1);
    if (Math.max(ax, bx) < Math.min(cx, dx) || Math.max(cx, dx) < Math.min(ax, bx)) {
      return APART;
    }
    double d1 = orient(cx, cy, dx, dy, ax, ay);
    double d2 = orient(cx, cy, dx, dy, bx, by);
    double d3 = orient(ax, ay, bx, by, cx, cy);
    double d4 = orient(ax, ay, bx, by, dx, dy);
    if (d1 == 0 && d2 == 0) {
      // On one line: compare positions along the longer axis.
      boolean useX = Math.abs(bx - ax) >= Math.abs(by - ay);
      double a0 = useX ? ax : ay;
      double a1 = useX ? bx : by;
      double c0 = useX ? cx : cy;
      double c1 = useX ? dx : dy;
      double lo = Math.max(Math.min(a0, a1), Math.min(c0, c1));
      double hi = Math.min(Math.max(a0, a1), Math.max(c0, c1));
      if (lo > hi) {
        return APART;
      }
      double t = (lo + hi) / 2;
      double f = a1 == a0 ? 0 : (t - a0) / (a1 - a0);
      hit[0] = ax + f * (bx - ax);
      hit[1] = ay + f * (by - ay);
      return lo == hi ? TOUCH : ALONG;
    }
    if (((d1 < 0 && d2 > 0) || (d1 > 0 && d2 < 0)) && ((d3 < 0 && d4 > 0) || (d3 > 0 && d4 < 0))) {
      double f = d1 / (d1 - d2);
      hit[0] = ax + f * (bx - ax);
      hit[1] = ay + f * (by - ay);
      return CROSS;
    }
    if (d1 == 0 && onBox(ax, ay, cx, cy, dx, dy)) {
      hit[0] = ax;
      hit[1] = ay;
      return TOUCH;
    }
    if (d2 == 0 && onBox(bx, by, cx, cy, dx, dy)) {
      hit[0] = bx;
      hit[1] = by;
      return TOUCH;
    }
    if (d3 == 0 && onBox(cx, cy, ax, ay, bx, by)) {
      hit[0] = cx;
      hit[1] = cy;
      return TOUCH;
    }
    if (d4 == 0 && onBox(dx, dy, ax, ay, bx, by)) {
      hit[0] = dx;
      hit[1] = dy;
      return TOUCH;
    }
    return APART;
  }

  private static double orient(double ax, double ay, double bx, double by, double px, double py) {
    return (bx - ax) * (py - ay) - (by - ay) * (px - ax);
  }

  private static boolean onBox(double px, double py, double ax, double ay, double bx, double by) {
    return px >= Math.min(ax, bx)
        && px <= Math.max(ax, bx)
        && py >= Math.min(ay, by)
        && py <= Math.max(ay, by);
  }

  // ---------------------------------------------------------------- rings and their edges

  private double x(int r, int i) {
    return rings[r][2 * kept[r][i % kept[r].length]];
  }

  private double y(int r, int i) {
    return rings[r][2 * kept[r][i % kept[r].length] + 1];
  }

  /**
   * The given edge of ring {@code r} that holds a point of essential edge {@code i}: the essential
   * edge may stand for several given ones (repeated points, straight runs).
   */
  private int givenEdge(int r, int i, double px, double py) {
    int[] k = kept[r];
    int n = sizes[r];
    int from = k[i];
    int to = k[(i + 1) % k.length];
    double ax = rings[r][2 * from];
    double ay = rings[r][2 * from + 1];
    double ux = rings[r][2 * to] - ax;
    double uy = rings[r][2 * to + 1] - ay;
    double tp = (px - ax) * ux + (py - ay) * uy;
    int best = from;
    for (int g = from; g != to; g = (g + 1) % n) {
      int h = (g + 1) % n;
      double t0 = (rings[r][2 * g] - ax) * ux + (rings[r][2 * g + 1] - ay) * uy;
      double t1 = (rings[r][2 * h] - ax) * ux + (rings[r][2 * h + 1] - ay) * uy;
      if (t0 != t1 && tp >= Math.min(t0, t1) && tp <= Math.max(t0, t1)) {
        best = g;
        break;
      }
    }
    return best;
  }

  /** Whether a ring has no area: fewer than 3 essential points, or all on one line. */
  private static boolean isFlat(double[] xy, int[] kept) {
    if (kept.length < 3) {
      return true;
    }
    double ax = xy[2 * kept[0]];
    double ay = xy[2 * kept[0] + 1];
    double bx = xy[2 * kept[1]];
    double by = xy[2 * kept[1] + 1];
    for (int i = 2; i < kept.length; i++) {
      if (orient(ax, ay, bx, by, xy[2 * kept[i]], xy[2 * kept[i] + 1]) != 0) {
        return false;
      }
    }
    return true;
  }

  private String describe(int r, int edge) {
    int next = (edge + 1) % sizes[r];
    return "edge "
        + edge
        + " from "
        + point(rings[r][2 * edge], rings[r][2 * edge + 1])
        + " to "
        + point(rings[r][2 * next], rings[r][2 * next + 1]);
  }

  private static String verb(int kind) {
    return switch (kind) {
      case CROSS -> "crosses";
      case ALONG -> "runs along";
      default -> "touches";
    };
  }

  private static String name(int r) {
    return r == 0 ? "the exterior" : "hole " + (r - 1);
  }

  /** A point as {@code (x, y)}, each rounded to three decimals without trailing zeros. */
  static String point(double x, double y) {
    return "(" + approx(x) + ", " + approx(y) + ")";
  }

  private static String approx(double value) {
    BigDecimal rounded =
        BigDecimal.valueOf(value).setScale(3, RoundingMode.HALF_EVEN).stripTrailingZeros();
    return rounded.signum() == 0 ? "0" : rounded.toPlainString();
  }

  /** Where two edges meet: how, which (essential and given indices), and a point they share. */
  private record Contact(
      int kind, int indexA, int indexB, int edgeA, int edgeB, double x, double y) {}
}
