package org.annotationkit.core.geometry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.random.RandomGenerator;
import java.util.stream.Stream;
import org.annotationkit.core.testing.Seeds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class IouTest {

  private static final double EPS = 1e-9;

  /** Half the side of the square of cells holding every grid polygon, moved by at most 4. */
  private static final int GRID = 28;

  static Stream<Long> seeds() {
    return Seeds.seeds(200);
  }

  // ---- hand-computed examples ----

  @Test
  void offsetSquaresShareOneSeventh() {
    // 2x2 squares offset by (1, 1): intersection 1, union 4 + 4 - 1 = 7.
    Box a = Box.of(0, 0, 2, 2);
    Box b = Box.of(1, 1, 2, 2);
    assertThat(Iou.intersectionArea(a, b)).isEqualTo(1);
    assertThat(Iou.of(a, b)).isCloseTo(1.0 / 7, within(1e-15));
    assertThat(Iou.of(a.toPolygon(), b.toPolygon())).isCloseTo(1.0 / 7, within(1e-12));
    assertThat(Iou.of((Shape) a, b.toPolygon())).isCloseTo(1.0 / 7, within(1e-12));
  }

  @Test
  void squareAndItsFortyFiveDegreeTurnMeetInARegularOctagon() {
    // The octagon has inradius 1, so its area is 8 tan(22.5°) = 8 (sqrt 2 - 1).
    Box a = Box.of(0, 0, 2, 2);
    Box b = new Box(0, 0, 2, 2, 45);
    double octagon = 8 * (Math.sqrt(2) - 1);
    assertThat(Iou.intersectionArea(a, b)).isCloseTo(octagon, within(1e-12));
    assertThat(Iou.of(a, b)).isCloseTo(octagon / (8 - octagon), within(1e-12));
    assertThat(Iou.of(b, a)).isCloseTo(octagon / (8 - octagon), within(1e-12));
    assertThat(Iou.of(a.toPolygon(), b.toPolygon()))
        .isCloseTo(octagon / (8 - octagon), within(1e-12));
  }

  @Test
  void quarterTurnedBoxesCrossInASquare() {
    // A 4x2 box and its quarter turn share the central 2x2 square.
    Box a = Box.of(0, 0, 4, 2);
    Box b = new Box(0, 0, 4, 2, 90);
    assertThat(Iou.intersectionArea(a, b)).isCloseTo(4, within(1e-12));
    assertThat(Iou.of(a, b)).isCloseTo(4.0 / 12, within(1e-12));
  }

  @Test
  void nonConvexLShapeAgainstASquare() {
    // L = the 4x4 square without its 2x2 bottom-right quarter (area 12); the square [1,3]^2
    // loses its bottom-right unit cell to the notch: intersection 3, union 12 + 4 - 3 = 13.
    Polygon l = Polygon.of(0, 0, 4, 0, 4, 2, 2, 2, 2, 4, 0, 4);
    Polygon square = Polygon.of(1, 1, 3, 1, 3, 3, 1, 3);
    assertThat(Iou.intersectionArea(l, square)).isCloseTo(3, within(EPS));
    assertThat(Iou.of(l, square)).isCloseTo(3.0 / 13, within(EPS));
    assertThat(Iou.of(square, l)).isCloseTo(3.0 / 13, within(EPS));
    Polygon reversed = Polygon.of(l.exterior().reversed());
    assertThat(Iou.intersectionArea(reversed, square)).isCloseTo(3, within(EPS));
    // The same with the square as a box.
    assertThat(Iou.of((Shape) l, Box.of(1, 1, 2, 2))).isCloseTo(3.0 / 13, within(EPS));
  }

  @Test
  void aRepeatedVertexAtTheReflexCornerOfAnLStillGivesThreeThirteenths() {
    // Issue 5: this gave IoU 0.0667, with an intersection of 1 one way and 3 the other; the L
    // without the repeated (2, 2) gives 3/13, and so does shapely (ShapelyFixtureTest).
    Polygon square = Polygon.of(1, 1, 3, 1, 3, 3, 1, 3);
    Polygon l = Polygon.of(0, 0, 4, 0, 4, 2, 2, 2, 2, 2, 2, 4, 0, 4);
    assertThat(l.area()).isEqualTo(12);
    assertThat(Iou.intersectionArea(square, l)).isCloseTo(3, within(EPS));
    assertThat(Iou.intersectionArea(l, square)).isCloseTo(3, within(EPS));
    assertThat(Iou.of(square, l)).isCloseTo(3.0 / 13, within(EPS));
    assertThat(Iou.of(l, square)).isCloseTo(3.0 / 13, within(EPS));
    assertThat(Iou.of((Shape) l, Box.of(1, 1, 2, 2))).isCloseTo(3.0 / 13, within(EPS));
  }

  @Test
  void aClosingPointEqualToTheFirstChangesNothing() {
    // The L started at its reflex corner, once open and once closed with that corner again.
    Polygon square = Polygon.of(1, 1, 3, 1, 3, 3, 1, 3);
    Polygon open = Polygon.of(2, 2, 2, 4, 0, 4, 0, 0, 4, 0, 4, 2);
    Polygon closed = Polygon.of(2, 2, 2, 4, 0, 4, 0, 0, 4, 0, 4, 2, 2, 2);
    for (Polygon l : List.of(open, closed)) {
      assertThat(l.area()).isEqualTo(12);
      assertThat(Iou.intersectionArea(l, square)).isCloseTo(3, within(EPS));
      assertThat(Iou.intersectionArea(square, l)).isCloseTo(3, within(EPS));
      assertThat(Iou.of(square, l)).isCloseTo(3.0 / 13, within(EPS));
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void repeatedClosingAndCollinearPointsChangeNeitherAreaNorIntersection(long seed) {
    // A staircase (which a convexity test fooled by repeated points took for convex) or a grid
    // polygon, with points that change nothing, against a grid polygon or box: the exact areas
    // are the numbers of unit cells whose centres lie inside.
    RandomGenerator random = Seeds.random(seed);
    Polygon plain =
        random.nextBoolean() ? GeometryGen.staircase(random) : GeometryGen.gridPolygon(random);
    Polygon a = GeometryGen.withRedundantPoints(plain, random);
    Polygon b =
        random.nextBoolean()
            ? GeometryGen.translate(GeometryGen.gridPolygon(random), random.nextInt(-4, 5), 0)
            : Box.of(
                    random.nextInt(-8, 12),
                    random.nextInt(-8, 12),
                    random.nextInt(1, 12),
                    random.nextInt(1, 12))
                .toPolygon();
    int inA = 0;
    int inB = 0;
    int inBoth = 0;
    for (int x = -GRID; x < GRID; x++) {
      for (int y = -GRID; y < GRID; y++) {
        boolean ca = GeometryGen.contains(plain, x + 0.5, y + 0.5);
        boolean cb = GeometryGen.contains(b, x + 0.5, y + 0.5);
        inA += ca ? 1 : 0;
        inB += cb ? 1 : 0;
        inBoth += ca && cb ? 1 : 0;
      }
    }
    assertThat(a.area()).isEqualTo(inA);
    assertThat(Iou.intersectionArea(a, b)).isCloseTo(inBoth, within(EPS));
    assertThat(Iou.intersectionArea(b, a)).isCloseTo(inBoth, within(EPS));
    double union = inA + inB - inBoth;
    assertThat(Iou.of(a, b)).isCloseTo(union == 0 ? 0 : inBoth / union, within(EPS));
    assertThat(Iou.of(b, a)).isCloseTo(union == 0 ? 0 : inBoth / union, within(EPS));
    assertThat(Iou.of(a, plain)).isCloseTo(1, within(EPS));
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void integerBoxIouEqualsTheCountOfSharedCells(long seed) {
    // Computed independently: unit cells whose centre lies in both boxes, and in either.
    RandomGenerator random = Seeds.random(seed);
    int[] a = {
      random.nextInt(0, 20), random.nextInt(0, 20), random.nextInt(0, 12), random.nextInt(0, 12)
    };
    int[] b = {
      random.nextInt(0, 20), random.nextInt(0, 20), random.nextInt(0, 12), random.nextInt(0, 12)
    };
    int both = 0;
    int either = 0;
    for (int x = 0; x < 40; x++) {
      for (int y = 0; y < 40; y++) {
        boolean inA = x >= a[0] && x < a[0] + a[2] && y >= a[1] && y < a[1] + a[3];
        boolean inB = x >= b[0] && x < b[0] + b[2] && y >= b[1] && y < b[1] + b[3];
        both += inA && inB ? 1 : 0;
        either += inA || inB ? 1 : 0;
      }
    }
    Box ba = Box.of(a[0], a[1], a[2], a[3]);
    Box bb = Box.of(b[0], b[1], b[2], b[3]);
    double expected = either == 0 ? 0 : (double) both / either;
    assertThat(Iou.intersectionArea(ba, bb)).isEqualTo(both);
    assertThat(Iou.of(ba, bb)).isEqualTo(expected);
    assertThat(Iou.of(bb, ba)).isEqualTo(expected);
    assertThat(Iou.of((Shape) ba, bb)).isEqualTo(expected);
    assertThat(Iou.of(ba.toPolygon(), bb.toPolygon())).isCloseTo(expected, within(EPS));
    // The same with a copy of a: computed, not answered by an equality shortcut.
    Box copy = Box.of(a[0], a[1], a[2], a[3]);
    assertThat(Iou.of(ba, copy)).isEqualTo(ba.area() > 0 ? 1 : 0);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void boxIntersectionIsTheShoelaceAreaOfTheClippedBox(long seed) {
    RandomGenerator random = Seeds.random(seed);
    Box a = GeometryGen.box(random);
    Box b = GeometryGen.box(random);
    double x0 = Math.max(a.x(), b.x());
    double y0 = Math.max(a.y(), b.y());
    double x1 = Math.min(a.x() + a.width(), b.x() + b.width());
    double y1 = Math.min(a.y() + a.height(), b.y() + b.height());
    double clipped = x0 < x1 && y0 < y1 ? shoelace(x0, y0, x1, y0, x1, y1, x0, y1) : 0;
    double union = a.area() + b.area() - clipped;
    assertThat(Iou.intersectionArea(a, b)).isCloseTo(clipped, within(1e-9));
    assertThat(Iou.of(a, b)).isCloseTo(clipped / union, within(1e-12));
    assertThat(Iou.of(a.toPolygon(), b.toPolygon())).isCloseTo(clipped / union, within(1e-9));
  }

  /** The absolute shoelace area of a ring, written out on its own. */
  private static double shoelace(double... xy) {
    double twice = 0;
    int n = xy.length / 2;
    for (int i = 0; i < n; i++) {
      int j = (i + 1) % n;
      twice += xy[2 * i] * xy[2 * j + 1] - xy[2 * j] * xy[2 * i + 1];
    }
    return Math.abs(twice) / 2;
  }

  @Test
  void aSquareInsideAHoleDoesNotIntersect() {
    List<Point> outer =
        List.of(new Point(0, 0), new Point(10, 0), new Point(10, 10), new Point(0, 10));
    List<Point> hole = List.of(new Point(3, 3), new Point(7, 3), new Point(7, 7), new Point(3, 7));
    Polygon inside = Polygon.of(4, 4, 6, 4, 6, 6, 4, 6);
    Polygon straddling = Polygon.of(2, 2, 8, 2, 8, 8, 2, 8);
    for (List<Point> h : List.of(hole, hole.reversed())) {
      for (List<Point> o : List.of(outer, outer.reversed())) {
        Polygon ring = new Polygon(o, List.of(h));
        assertThat(ring.area()).isEqualTo(84);
        assertThat(Iou.intersectionArea(ring, inside)).isCloseTo(0, within(EPS));
        assertThat(Iou.of(ring, inside)).isCloseTo(0, within(EPS));
        // [2,8]^2 minus the hole [3,7]^2: 36 - 16 = 20; union 84 + 36 - 20 = 100.
        assertThat(Iou.intersectionArea(ring, straddling)).isCloseTo(20, within(EPS));
        assertThat(Iou.of(straddling, ring)).isCloseTo(0.2, within(EPS));
      }
    }
  }

  @Test
  void twoPolygonsWithHoles() {
    // Two 10x10 squares with central 4x4 holes, the second shifted by 5 to the right.
    // Overlap region [5,10]x[0,10] = 50, minus the first hole's part [5,7]x[3,7] = 8 and the
    // second hole's part [8,10]x[3,7] = 8: 34.
    Polygon a =
        new Polygon(
            Polygon.of(0, 0, 10, 0, 10, 10, 0, 10).exterior(),
            List.of(Polygon.of(3, 3, 7, 3, 7, 7, 3, 7).exterior()));
    Polygon b = GeometryGen.translate(a, 5, 0);
    assertThat(Iou.intersectionArea(a, b)).isCloseTo(34, within(EPS));
    assertThat(Iou.of(a, b)).isCloseTo(34.0 / (84 + 84 - 34), within(EPS));
  }

  @Test
  void masks() {
    // Row-major 2x3 bitmaps: a has (0,0),(0,1),(1,1); b has (0,1),(1,1),(1,2).
    RleMask a = RleMask.fromBitmap(2, 3, new boolean[] {true, true, false, false, true, false});
    RleMask b = RleMask.fromBitmap(2, 3, new boolean[] {false, true, false, false, true, true});
    assertThat(Iou.intersectionArea(a, b)).isEqualTo(2);
    assertThat(Iou.of(a, b)).isEqualTo(0.5);
    assertThat(Iou.of((Shape) a, b)).isEqualTo(0.5);
  }

  // ---- degenerate cases and errors ----

  @Test
  void zeroUnionGivesZero() {
    Box point = Box.of(1, 1, 0, 0);
    assertThat(Iou.of(point, point)).isZero();
    Box line = new Box(0, 0, 5, 0, 30);
    assertThat(Iou.of(line, line)).isZero();
    assertThat(Iou.of(RleMask.empty(3, 3), RleMask.empty(3, 3))).isZero();
    Polygon flat = Polygon.of(0, 0, 1, 1, 2, 2);
    assertThat(Iou.of(flat, flat)).isZero();
    assertThat(Iou.of(Box.of(0, 0, 0, 3), Box.of(0, 0, 2, 3))).isZero();
  }

  @Test
  void touchingShapesDoNotIntersect() {
    assertThat(Iou.of(Box.of(0, 0, 1, 1), Box.of(1, 0, 1, 1))).isZero();
    assertThat(Iou.of(Polygon.of(0, 0, 1, 0, 1, 1), Polygon.of(1, 0, 2, 0, 1, 1))).isZero();
  }

  @Test
  void polylinesHaveNoArea() {
    Polyline line = new Polyline(List.of(new Point(0, 0), new Point(1, 1)));
    assertThatThrownBy(() -> Iou.of(line, Box.of(0, 0, 1, 1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("a polyline has no area")
        .hasMessageContaining("Polyline")
        .hasMessageContaining("Box");
    assertThatThrownBy(() -> Iou.intersectionArea(Box.of(0, 0, 1, 1), line))
        .hasMessageContaining("a polyline has no area");
    assertThatThrownBy(() -> Iou.of(line, line)).hasMessageContaining("a polyline has no area");
  }

  @Test
  void masksCompareOnlyWithMasksOfTheSameSize() {
    RleMask mask = RleMask.empty(2, 2);
    assertThatThrownBy(() -> Iou.of(mask, Box.of(0, 0, 1, 1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("RleMask")
        .hasMessageContaining("Box");
    assertThatThrownBy(() -> Iou.intersectionArea(Polygon.of(0, 0, 1, 0, 1, 1), mask))
        .hasMessageContaining("Polygon")
        .hasMessageContaining("RleMask");
    assertThatThrownBy(() -> Iou.of(mask, RleMask.empty(2, 3)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("masks must have the same size, got height 2, width 2 and height 2, width 3");
  }

  // ---- properties ----

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void boxIouIsSymmetricBoundedAndOneOnItself(long seed) {
    RandomGenerator random = Seeds.random(seed);
    Box a = GeometryGen.rotatedBox(random);
    Box b = GeometryGen.rotatedBox(random);
    double ab = Iou.of(a, b);
    assertThat(ab).isBetween(0.0, 1.0).isCloseTo(Iou.of(b, a), within(EPS));
    // Computed, not answered by an equality shortcut: exact without rotation, else to rounding.
    if (a.isRotated()) {
      assertThat(Iou.of(a, a)).isCloseTo(1, within(1e-12));
    } else {
      assertThat(Iou.of(a, a)).isEqualTo(1);
    }
    Box same = new Box(a.x(), a.y(), a.width(), a.height(), a.rotation() + 360);
    assertThat(Iou.of(a, same)).isCloseTo(1, within(EPS));
    // Box clipping agrees with the general polygon route.
    assertThat(Iou.of(a.toPolygon(), b.toPolygon())).isCloseTo(ab, within(EPS));
    assertThat(Iou.intersectionArea(a, b))
        .isLessThanOrEqualTo(Math.min(a.area(), b.area()))
        .isGreaterThanOrEqualTo(0);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void separatedBoxesHaveZeroIou(long seed) {
    RandomGenerator random = Seeds.random(seed);
    Box a = GeometryGen.rotatedBox(random);
    Box b = GeometryGen.rotatedBox(random);
    Box ab = a.bounds();
    Box bb = b.bounds();
    // Move b so that its bounds start where a's end, to the right or below.
    double dx = random.nextBoolean() ? ab.x() + ab.width() - bb.x() + random.nextDouble(0, 3) : 0;
    double dy = dx == 0 ? ab.y() + ab.height() - bb.y() + random.nextDouble(0, 3) : 0;
    Box moved = new Box(b.x() + dx, b.y() + dy, b.width(), b.height(), b.rotation());
    assertThat(Iou.of(a, moved)).isCloseTo(0, within(EPS));
    assertThat(Iou.intersectionArea(moved, a)).isCloseTo(0, within(EPS));
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void starPolygonIouIsSymmetricBoundedAndOneOnItself(long seed) {
    RandomGenerator random = Seeds.random(seed);
    Polygon a = GeometryGen.starPolygon(random);
    Polygon b = GeometryGen.starPolygon(random);
    double ab = Iou.of(a, b);
    assertThat(ab).isBetween(0.0, 1.0).isCloseTo(Iou.of(b, a), within(EPS));
    assertThat(Iou.of(a, a)).isEqualTo(1);
    Polygon reversed = Polygon.of(a.exterior().reversed());
    assertThat(Iou.of(a, reversed)).isCloseTo(1, within(EPS));
    // Translating both shapes together changes nothing.
    assertThat(
            Iou.of(
                GeometryGen.translate(a, 123.5, -77.25), GeometryGen.translate(b, 123.5, -77.25)))
        .isCloseTo(ab, within(1e-7));
    // Far apart: nothing in common.
    assertThat(Iou.of(a, GeometryGen.translate(b, 200, 0))).isZero();
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void gridPolygonIntersectionEqualsTheCountOfSharedCells(long seed) {
    RandomGenerator random = Seeds.random(seed);
    Polygon a = GeometryGen.gridPolygon(random);
    Polygon b =
        GeometryGen.translate(
            GeometryGen.gridPolygon(random), random.nextInt(-4, 5), random.nextInt(-4, 5));
    // Rectilinear polygons on the integer grid are unions of unit cells, so counting the cells
    // whose centre lies in both gives the exact intersection.
    int inA = 0;
    int inB = 0;
    int inBoth = 0;
    for (int x = -GRID; x < GRID; x++) {
      for (int y = -GRID; y < GRID; y++) {
        boolean ca = GeometryGen.contains(a, x + 0.5, y + 0.5);
        boolean cb = GeometryGen.contains(b, x + 0.5, y + 0.5);
        inA += ca ? 1 : 0;
        inB += cb ? 1 : 0;
        inBoth += ca && cb ? 1 : 0;
      }
    }
    assertThat(a.area()).isEqualTo(inA);
    assertThat(b.area()).isEqualTo(inB);
    assertThat(Iou.intersectionArea(a, b)).isCloseTo(inBoth, within(EPS));
    assertThat(Iou.intersectionArea(b, a)).isCloseTo(inBoth, within(EPS));
    double union = inA + inB - inBoth;
    assertThat(Iou.of(a, b)).isCloseTo(union == 0 ? 0 : inBoth / union, within(EPS));
    assertThat(Iou.of(a, a)).isEqualTo(1);
    // A rasterised copy, as masks, gives the same intersection.
    assertThat(Iou.intersectionArea(raster(a), raster(b))).isEqualTo(inBoth);
  }

  /** The cells of [-GRID, GRID)^2 whose centre lies in the polygon, as a square mask. */
  private static RleMask raster(Polygon polygon) {
    int size = 2 * GRID;
    boolean[] bits = new boolean[size * size];
    for (int r = 0; r < size; r++) {
      for (int c = 0; c < size; c++) {
        bits[r * size + c] = GeometryGen.contains(polygon, c - GRID + 0.5, r - GRID + 0.5);
      }
    }
    return RleMask.fromBitmap(size, size, bits);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void slabSweepAgreesWithDirectConvexClipping(long seed) {
    RandomGenerator random = Seeds.random(seed);
    Box a = GeometryGen.rotatedBox(random);
    Box b = GeometryGen.rotatedBox(random);
    b =
        new Box(
            a.x() + random.nextDouble(-10, 10),
            a.y() + random.nextDouble(-10, 10),
            b.width(),
            b.height(),
            b.rotation());
    double direct = Iou.intersectionArea(a, b);
    double swept =
        EdgeSet.intersectionArea(
            Polygon.ofRing(a.cornerCoordinates()).edges(),
            Polygon.ofRing(b.cornerCoordinates()).edges());
    assertThat(swept).isCloseTo(direct, within(1e-9 * (1 + direct)));
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void maskIouMatchesABruteForceCount(long seed) {
    RandomGenerator random = Seeds.random(seed);
    int height = random.nextInt(1, 12);
    int width = random.nextInt(1, 12);
    boolean[] x = GeometryGen.bitmap(random, height, width);
    boolean[] y = GeometryGen.bitmap(random, height, width);
    RleMask a = RleMask.fromBitmap(height, width, x);
    RleMask b = RleMask.fromBitmap(height, width, y);
    int both = 0;
    int either = 0;
    for (int i = 0; i < x.length; i++) {
      both += x[i] && y[i] ? 1 : 0;
      either += x[i] || y[i] ? 1 : 0;
    }
    assertThat(Iou.intersectionArea(a, b)).isEqualTo(both);
    assertThat(Iou.of(a, b)).isEqualTo(either == 0 ? 0 : (double) both / either);
    assertThat(Iou.of(b, a)).isEqualTo(Iou.of(a, b));
    assertThat(Iou.of(a, b)).isBetween(0.0, 1.0);
    assertThat(Iou.of(a, a)).isEqualTo(a.area() > 0 ? 1 : 0);
    // A mask and its complement share nothing.
    boolean[] complement = new boolean[x.length];
    for (int i = 0; i < x.length; i++) {
      complement[i] = !x[i];
    }
    assertThat(Iou.of(a, RleMask.fromBitmap(height, width, complement))).isZero();
  }
}
