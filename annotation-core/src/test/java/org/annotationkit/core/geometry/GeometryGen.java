package org.annotationkit.core.geometry;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.random.RandomGenerator;

/** Seeded random shapes for this package's property tests. */
final class GeometryGen {
  private GeometryGen() {}

  /** An axis-aligned box with positive area. */
  static Box box(RandomGenerator random) {
    return Box.of(
        random.nextDouble(-50, 50),
        random.nextDouble(-50, 50),
        random.nextDouble(0.5, 40),
        random.nextDouble(0.5, 40));
  }

  /** A box with positive area and any rotation (sometimes none, sometimes a multiple of 90). */
  static Box rotatedBox(RandomGenerator random) {
    Box box = box(random);
    double rotation =
        switch (random.nextInt(4)) {
          case 0 -> 0;
          case 1 -> 90 * random.nextInt(-4, 5);
          default -> random.nextDouble(-720, 720);
        };
    return new Box(box.x(), box.y(), box.width(), box.height(), rotation);
  }

  /**
   * A star-shaped polygon around a random centre: usually non-convex, always simple, in a random
   * orientation.
   */
  static Polygon starPolygon(RandomGenerator random) {
    double cx = random.nextDouble(-20, 20);
    double cy = random.nextDouble(-20, 20);
    int n = random.nextInt(3, 13);
    double[] angles = new double[n];
    for (int i = 0; i < n; i++) {
      angles[i] = (i + random.nextDouble(0.05, 0.95)) * 2 * Math.PI / n;
    }
    List<Point> points = new ArrayList<>();
    for (double angle : angles) {
      double radius = random.nextDouble(2, 30);
      points.add(new Point(cx + radius * Math.cos(angle), cy + radius * Math.sin(angle)));
    }
    if (random.nextBoolean()) {
      Collections.reverse(points);
    }
    return Polygon.of(points);
  }

  /**
   * A random rectilinear polygon on the integer grid, such that its area is the number of unit
   * cells whose centre lies inside it: a skyline of columns standing on a common base, possibly
   * transposed, with rectangular holes cut into tall columns. Rings start at random vertices and
   * run in random orientations. All coordinates lie in [-6, 23].
   */
  static Polygon gridPolygon(RandomGenerator random) {
    int x0 = random.nextInt(-6, 6);
    int base = random.nextInt(8, 16);
    int columns = random.nextInt(1, 7);
    List<int[]> exterior = new ArrayList<>();
    List<List<int[]>> holes = new ArrayList<>();
    exterior.add(new int[] {x0, base});
    int x = x0;
    for (int i = 0; i < columns; i++) {
      int width = random.nextInt(1, 4);
      int height = random.nextInt(1, 12);
      exterior.add(new int[] {x, base - height});
      exterior.add(new int[] {x + width, base - height});
      if (height >= 3 && width >= 3 && random.nextBoolean()) {
        // A hole strictly inside this column: one cell away from each side.
        int left = x + 1;
        int right = x + width - 1;
        int top = base - height + 1;
        int bottom = random.nextInt(top + 1, base);
        holes.add(
            List.of(
                new int[] {left, top},
                new int[] {right, top},
                new int[] {right, bottom},
                new int[] {left, bottom}));
      }
      x += width;
    }
    exterior.add(new int[] {x, base});
    boolean transpose = random.nextBoolean();
    List<Point> ext = ring(exterior, transpose, random);
    List<List<Point>> hs = new ArrayList<>();
    for (List<int[]> hole : holes) {
      hs.add(ring(hole, transpose, random));
    }
    return new Polygon(ext, hs);
  }

  private static List<Point> ring(List<int[]> vertices, boolean transpose, RandomGenerator random) {
    List<Point> points = new ArrayList<>();
    for (int[] v : vertices) {
      points.add(transpose ? new Point(v[1], v[0]) : new Point(v[0], v[1]));
    }
    if (random.nextBoolean()) {
      Collections.reverse(points);
    }
    Collections.rotate(points, random.nextInt(points.size()));
    return points;
  }

  /** Whether a point lies inside a polygon (even-odd rule over all rings). */
  static boolean contains(Polygon polygon, double px, double py) {
    boolean inside = crosses(polygon.exterior(), px, py);
    for (List<Point> hole : polygon.holes()) {
      if (crosses(hole, px, py)) {
        inside = !inside;
      }
    }
    return inside;
  }

  private static boolean crosses(List<Point> ring, double px, double py) {
    boolean inside = false;
    int n = ring.size();
    for (int i = 0, j = n - 1; i < n; j = i++) {
      Point a = ring.get(i);
      Point b = ring.get(j);
      if ((a.y() > py) != (b.y() > py)
          && px < (b.x() - a.x()) * (py - a.y()) / (b.y() - a.y()) + a.x()) {
        inside = !inside;
      }
    }
    return inside;
  }

  /** A random bitmap, row-major, with a random density (sometimes empty or full). */
  static boolean[] bitmap(RandomGenerator random, int height, int width) {
    boolean[] bits = new boolean[height * width];
    double density =
        switch (random.nextInt(5)) {
          case 0 -> 0;
          case 1 -> 1;
          default -> random.nextDouble();
        };
    for (int i = 0; i < bits.length; i++) {
      bits[i] = random.nextDouble() < density;
    }
    return bits;
  }

  /** The same shape moved by (dx, dy). */
  static Polygon translate(Polygon polygon, double dx, double dy) {
    List<List<Point>> holes = new ArrayList<>();
    for (List<Point> hole : polygon.holes()) {
      holes.add(translate(hole, dx, dy));
    }
    return new Polygon(translate(polygon.exterior(), dx, dy), holes);
  }

  private static List<Point> translate(List<Point> ring, double dx, double dy) {
    List<Point> out = new ArrayList<>();
    for (Point p : ring) {
      out.add(new Point(p.x() + dx, p.y() + dy));
    }
    return out;
  }

  /**
   * A staircase on the integer grid: from (0, 0) right to (w, 0), then down and left in steps to
   * (0, h), and back up. It turns both ways, yet its edges run monotonically in x and in y, the
   * shape that a convexity test blind to repeated points took for convex. Moved, transposed and
   * oriented at random.
   */
  static Polygon staircase(RandomGenerator random) {
    int steps = random.nextInt(2, 6);
    int[] xs = new int[steps];
    int[] ys = new int[steps];
    int width = 0;
    for (int i = 0; i < steps; i++) {
      xs[i] = random.nextInt(1, 4);
      ys[i] = random.nextInt(1, 4);
      width += xs[i];
    }
    int dx = random.nextInt(-6, 6);
    int dy = random.nextInt(-6, 6);
    List<int[]> vertices = new ArrayList<>();
    vertices.add(new int[] {dx, dy});
    int x = width;
    int y = 0;
    vertices.add(new int[] {dx + x, dy + y});
    for (int i = 0; i < steps; i++) {
      y += ys[i];
      vertices.add(new int[] {dx + x, dy + y});
      x -= xs[i];
      vertices.add(new int[] {dx + x, dy + y});
    }
    return Polygon.of(ring(vertices, random.nextBoolean(), random));
  }

  /**
   * The same polygon with points that change nothing: every vertex repeated, or some repeated and
   * points added halfway along straight edges, or a closing point equal to the first; in each ring.
   */
  static Polygon withRedundantPoints(Polygon polygon, RandomGenerator random) {
    List<List<Point>> holes = new ArrayList<>();
    for (List<Point> hole : polygon.holes()) {
      holes.add(redundant(hole, random));
    }
    return new Polygon(redundant(polygon.exterior(), random), holes);
  }

  private static List<Point> redundant(List<Point> ring, RandomGenerator random) {
    int mode = random.nextInt(3);
    List<Point> out = new ArrayList<>();
    for (int i = 0; i < ring.size(); i++) {
      Point p = ring.get(i);
      Point next = ring.get((i + 1) % ring.size());
      out.add(p);
      if (mode == 0 || (mode == 1 && random.nextInt(3) == 0)) {
        out.add(p);
      }
      if (mode != 0 && random.nextInt(3) == 0) {
        out.add(new Point((p.x() + next.x()) / 2, (p.y() + next.y()) / 2));
      }
    }
    if (mode == 2 || random.nextInt(4) == 0) {
      out.add(out.get(0));
    }
    return out;
  }

  /** The polygon with up to three more holes: grid rectangles anywhere near it. */
  static Polygon withStrayHoles(Polygon polygon, RandomGenerator random) {
    List<List<Point>> holes = new ArrayList<>(polygon.holes());
    int extra = random.nextInt(1, 4);
    for (int k = 0; k < extra; k++) {
      int x0 = random.nextInt(-8, 20);
      int y0 = random.nextInt(-8, 20);
      int x1 = x0 + random.nextInt(1, 8);
      int y1 = y0 + random.nextInt(1, 8);
      List<Point> hole =
          List.of(new Point(x0, y0), new Point(x1, y0), new Point(x1, y1), new Point(x0, y1));
      holes.add(random.nextBoolean() ? hole : hole.reversed());
    }
    return new Polygon(polygon.exterior(), holes);
  }
}
