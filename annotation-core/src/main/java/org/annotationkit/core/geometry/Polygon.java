package org.annotationkit.core.geometry;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;
import org.annotationkit.core.internal.Require;
import org.jspecify.annotations.Nullable;

/**
 * A polygon with optional holes, in absolute pixel coordinates.
 *
 * <p>Each ring lists its vertices once, in either orientation; the closing edge from the last point
 * back to the first is implied. A last point equal to the first, repeated points and points on a
 * straight line between their neighbours are kept as given by {@link #exterior()} and {@link
 * #holes()} and change nothing else.
 *
 * <p><b>Valid polygons.</b> A polygon is {@linkplain #isValid() valid} when, as in the OGC Simple
 * Features rules that GEOS and shapely check: every ring encloses an area, no ring crosses or
 * touches itself, each hole lies inside the exterior, and no two holes overlap (rings may touch one
 * another at single points). {@link #defects()} says what is wrong with one that is not: a ring
 * without area, the two edges where a ring meets itself, a hole outside the exterior, two holes
 * overlapping. Exports from labeling tools hold such shapes; the {@code AnnotationValidator}
 * reports them.
 *
 * <p><b>The region, for every polygon: the even-odd rule.</b> A point lies in the polygon when a
 * ray from it crosses the polygon's rings, all of them, an odd number of times. For a valid polygon
 * this is the exterior without its holes, and {@link #area()} is the shoelace area of the exterior
 * minus those of the holes. For an invalid one the rule still gives one definite region, and {@link
 * #area()}, {@link #bounds()} and {@link Iou} all measure that region: a bowtie {@code (0,0, 2,2,
 * 2,0, 0,2)} is its two triangles (area 2, IoU 1 with itself); a hole outside the exterior is a
 * second filled part; where two holes overlap, the overlap is filled again; a ring without area
 * adds nothing. For these cases this is also the area of shapely's {@code make_valid}.
 *
 * <p>Instances are immutable. The rings are held as primitive coordinate arrays; the area, the
 * bounds and what {@link Iou} needs are computed once, on first use, and kept.
 *
 * @since 0.1.0
 */
public final class Polygon implements Shape {
  /** Above this many vertex pairs, two convex polygons are intersected by the sweep. */
  private static final int CLIP_LIMIT = 1024;

  /** The rings as given, exterior first, each stored flat as {@code x0, y0, x1, y1, ...}. */
  private final double[][] rings;

  private final List<Point> exterior;
  private final List<List<Point>> holes;
  final double minX;
  final double minY;
  final double maxX;
  final double maxY;

  /**
   * When the polygon is one convex ring without holes: its essential points, oriented positively,
   * as the clipping route wants them.
   */
  private double @Nullable [] convex;

  private double convexArea;

  /**
   * Whether {@link #convex} and {@link #convexArea} are computed (on first use, not on reading).
   */
  private boolean convexKnown;

  private @Nullable EdgeSet edgeSet;
  private @Nullable List<PolygonDefect> defects;

  /**
   * Creates a polygon, copying the rings.
   *
   * @param exterior the outer ring, at least 3 points
   * @param holes the inner rings, each at least 3 points; may be empty
   * @throws IllegalArgumentException if a ring has fewer than 3 points
   */
  public Polygon(List<Point> exterior, List<List<Point>> holes) {
    this(flatRings(exterior, holes));
  }

  private Polygon(double[][] rings) {
    this.rings = rings;
    this.exterior = new Ring(rings[0]);
    List<List<Point>> views = new ArrayList<>(rings.length - 1);
    double x0 = Double.POSITIVE_INFINITY;
    double y0 = Double.POSITIVE_INFINITY;
    double x1 = Double.NEGATIVE_INFINITY;
    double y1 = Double.NEGATIVE_INFINITY;
    for (int r = 0; r < rings.length; r++) {
      double[] xy = rings[r];
      if (r > 0) {
        views.add(new Ring(xy));
      }
      for (int i = 0; i < xy.length; i += 2) {
        x0 = Math.min(x0, xy[i]);
        y0 = Math.min(y0, xy[i + 1]);
        x1 = Math.max(x1, xy[i]);
        y1 = Math.max(y1, xy[i + 1]);
      }
    }
    this.holes = List.copyOf(views);
    this.minX = x0;
    this.minY = y0;
    this.maxX = x1;
    this.maxY = y1;
  }

  /**
   * Works out, once, whether the polygon is one convex ring, and keeps that ring and its area: not
   * in the constructor, so that a polygon that is only read and written (a converter's, a codec's)
   * never pays for it. Racing threads compute the same values.
   */
  private void analyseConvex() {
    if (convexKnown) {
      return;
    }
    double[] ring = null;
    if (rings.length == 1) {
      double[] essential = Planar.pick(rings[0], Planar.essential(rings[0], rings[0].length / 2));
      int n = essential.length / 2;
      if (Planar.isConvex(essential, n)) {
        ring = Planar.positive(essential, n);
      }
    }
    convexArea = ring == null ? Double.NaN : Planar.signedArea(ring, ring.length / 2);
    convex = ring;
    convexKnown = true;
  }

  /**
   * A polygon of one ring stored flat, trusted to be finite and at least 3 points: a box's corners.
   */
  static Polygon ofRing(double[] xy) {
    return new Polygon(new double[][] {xy});
  }

  private static double[][] flatRings(List<Point> exterior, List<List<Point>> holes) {
    List<Point> outer = Require.atLeast(exterior, 3, "exterior", "points");
    List<List<Point>> inner =
        Require.copyEach(holes, "holes", (hole, name) -> Require.atLeast(hole, 3, name, "points"));
    double[][] rings = new double[1 + inner.size()][];
    rings[0] = flat(outer);
    for (int h = 0; h < inner.size(); h++) {
      rings[h + 1] = flat(inner.get(h));
    }
    return rings;
  }

  private static double[] flat(List<Point> ring) {
    double[] xy = new double[2 * ring.size()];
    for (int i = 0; i < ring.size(); i++) {
      Point p = ring.get(i);
      xy[2 * i] = p.x();
      xy[2 * i + 1] = p.y();
    }
    return xy;
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
    for (int i = 0; i < xy.length; i += 2) {
      Require.finite(xy[i], "x");
      Require.finite(xy[i + 1], "y");
    }
    if (xy.length < 6) {
      throw new IllegalArgumentException(
          "exterior must have at least 3 points, got " + xy.length / 2);
    }
    return new Polygon(new double[][] {xy.clone()});
  }

  /**
   * Creates a polygon with holes from flat coordinates {@code x0, y0, x1, y1, ...} per ring,
   * without making a {@link Point} per vertex: the way a reader that has the numbers in arrays
   * builds one. Equal to {@link #Polygon(List, List)} of the same points.
   *
   * @param exterior the outer ring, an even number of finite coordinates, at least 6
   * @param holes the inner rings, each like the exterior; may be empty
   * @return the polygon
   * @throws IllegalArgumentException if a ring's number of values is odd or below 6, or a value is
   *     not finite
   */
  public static Polygon ofRings(double[] exterior, List<double[]> holes) {
    Objects.requireNonNull(exterior, "exterior");
    Objects.requireNonNull(holes, "holes");
    double[][] rings = new double[1 + holes.size()][];
    rings[0] = checkedRing(exterior, -1);
    for (int h = 0; h < holes.size(); h++) {
      int index = h;
      double[] hole = Objects.requireNonNull(holes.get(h), () -> "holes[" + index + "]");
      rings[h + 1] = checkedRing(hole, h);
    }
    return new Polygon(rings);
  }

  /** A copy of a flat ring, checked: even, finite, at least 3 points; {@code hole} -1 for none. */
  private static double[] checkedRing(double[] xy, int hole) {
    String name = hole < 0 ? "exterior" : "holes[" + hole + "]";
    if (xy.length % 2 != 0) {
      throw new IllegalArgumentException(
          name + " must hold an even number of values, got " + xy.length);
    }
    for (int i = 0; i < xy.length; i += 2) {
      Require.finite(xy[i], "x");
      Require.finite(xy[i + 1], "y");
    }
    if (xy.length < 6) {
      throw new IllegalArgumentException(
          name + " must have at least 3 points, got " + xy.length / 2);
    }
    return xy.clone();
  }

  /**
   * The outer ring, as given.
   *
   * @return the points, unmodifiable
   */
  public List<Point> exterior() {
    return exterior;
  }

  /**
   * The holes, as given.
   *
   * @return the inner rings, unmodifiable; empty when there are none
   */
  public List<List<Point>> holes() {
    return holes;
  }

  /**
   * The area of the polygon's region under the even-odd rule (see the class documentation): for a
   * valid polygon, the shoelace area of the exterior minus those of the holes.
   *
   * @return the area in square pixels, never negative
   */
  @Override
  public double area() {
    analyseConvex();
    return convex != null ? convexArea : edges().area;
  }

  /**
   * The smallest axis-aligned box covering every ring: the exterior's bounds for a valid polygon.
   *
   * @return the bounding box (rotation 0)
   * @throws IllegalArgumentException if its width or height is too large for a double
   */
  @Override
  public Box bounds() {
    return Box.of(minX, minY, maxX - minX, maxY - minY);
  }

  /**
   * Whether the polygon is valid: no {@link #defects()}.
   *
   * @return {@code true} when every ring has an area, no ring meets itself, the holes lie inside
   *     the exterior and do not overlap
   */
  public boolean isValid() {
    return defects().isEmpty();
  }

  /**
   * What makes the polygon invalid: each ring without area, for each ring that meets itself the
   * first two edges that do, each hole that crosses or lies outside the exterior, each two holes
   * that overlap. Computed once, on first use.
   *
   * @return the defects in that order, unmodifiable; empty when the polygon is valid
   */
  public List<PolygonDefect> defects() {
    List<PolygonDefect> found = defects;
    if (found == null) {
      int[] sizes = new int[rings.length];
      for (int r = 0; r < rings.length; r++) {
        sizes[r] = rings[r].length / 2;
      }
      found = PolygonCheck.defects(rings, sizes);
      defects = found;
    }
    return found;
  }

  /** The polygon as one convex ring, oriented positively, or null when it is not one. */
  double @Nullable [] convexRing() {
    analyseConvex();
    return convex;
  }

  /** Whether two convex rings are small enough for clipping to beat the sweep. */
  static boolean clipCheaper(double[] a, double[] b) {
    return (a.length / 2) * (b.length / 2) <= CLIP_LIMIT;
  }

  /** The edges of the region, for the even-odd sweep; built once, on first use. */
  EdgeSet edges() {
    EdgeSet set = edgeSet;
    if (set == null) {
      int[] sizes = new int[rings.length];
      for (int r = 0; r < rings.length; r++) {
        sizes[r] = rings[r].length / 2;
      }
      set = EdgeSet.of(rings, sizes);
      edgeSet = set;
    }
    return set;
  }

  /**
   * Whether the other object is a polygon with the same rings, point for point as given.
   *
   * @param other the object to compare with
   * @return {@code true} when the rings are equal
   */
  @Override
  public boolean equals(@Nullable Object other) {
    return other instanceof Polygon that && Arrays.deepEquals(rings, that.rings);
  }

  /**
   * A hash of the rings.
   *
   * @return the hash code
   */
  @Override
  public int hashCode() {
    return Arrays.deepHashCode(rings);
  }

  /**
   * The rings, for people.
   *
   * @return {@code Polygon[exterior=[...], holes=[...]]}
   */
  @Override
  public String toString() {
    return "Polygon[exterior=" + exterior + ", holes=" + holes + "]";
  }

  /** An unmodifiable view of a ring stored flat, as points. */
  private static final class Ring extends AbstractList<Point> implements RandomAccess {
    private final double[] xy;

    Ring(double[] xy) {
      this.xy = xy;
    }

    @Override
    public Point get(int index) {
      Objects.checkIndex(index, xy.length / 2);
      return new Point(xy[2 * index], xy[2 * index + 1]);
    }

    @Override
    public int size() {
      return xy.length / 2;
    }
  }
}
