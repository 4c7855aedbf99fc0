package org.annotationkit.core.geometry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.random.RandomGenerator;
import java.util.stream.Stream;
import org.annotationkit.core.geometry.PolygonDefect.Kind;
import org.annotationkit.core.testing.Seeds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Invalid polygons: what {@link Polygon#defects()} reports, and that their area and IoU follow the
 * documented even-odd rule instead of a silent wrong number. Areas are checked by hand here and
 * against shapely's make_valid in {@link ShapelyFixtureTest}; the generated cases count unit cells.
 */
class PolygonDefectsTest {

  private static final double EPS = 1e-9;

  private static List<Point> square(double x0, double y0, double x1, double y1) {
    return Polygon.of(x0, y0, x1, y0, x1, y1, x0, y1).exterior();
  }

  private static PolygonDefect only(Polygon polygon) {
    assertThat(polygon.defects()).hasSize(1);
    assertThat(polygon.isValid()).isFalse();
    return polygon.defects().get(0);
  }

  @Test
  void aBowtieCrossesItselfAndIsMeasuredAsItsTwoTriangles() {
    Polygon bowtie = Polygon.of(0, 0, 2, 2, 2, 0, 0, 2);
    PolygonDefect defect = only(bowtie);
    assertThat(defect.kind()).isEqualTo(Kind.SELF_INTERSECTION);
    assertThat(List.of(defect.ring(), defect.edge(), defect.otherRing(), defect.otherEdge()))
        .containsExactly(0, 0, 0, 2);
    assertThat(defect.message())
        .isEqualTo(
            "the exterior crosses itself: edge 0 from (0, 0) to (2, 2) crosses edge 2 from (2, 0)"
                + " to (0, 2) at (1, 1)");
    // It used to have area 0 and IoU 0 with itself.
    assertThat(bowtie.area()).isCloseTo(2, within(EPS));
    assertThat(Iou.of(bowtie, bowtie)).isCloseTo(1, within(EPS));
    // The left triangle (0,0), (1,1), (0,2) lies in the left half: 1 of 2 + 2 - 1.
    Polygon left = Polygon.of(0, 0, 1, 0, 1, 2, 0, 2);
    assertThat(Iou.intersectionArea(bowtie, left)).isCloseTo(1, within(EPS));
    assertThat(Iou.of(left, bowtie)).isCloseTo(1.0 / 3, within(EPS));
  }

  @Test
  void edgesAreNumberedAsGivenEvenWithRepeatedPoints() {
    // (0, 0) twice: the crossing edges are then edges 1 and 3 of the points as given.
    PolygonDefect defect = only(Polygon.of(0, 0, 0, 0, 2, 2, 2, 0, 0, 2));
    assertThat(List.of(defect.edge(), defect.otherEdge())).containsExactly(1, 3);
  }

  @Test
  void aSpikeAndATouchingVertexAreSelfIntersections() {
    PolygonDefect spike = only(Polygon.of(0, 0, 4, 0, 4, 4, 4, 6, 4, 4, 0, 4));
    assertThat(spike.kind()).isEqualTo(Kind.SELF_INTERSECTION);
    assertThat(spike.message()).contains("runs along");
    // A figure eight whose loops touch at (1, 1).
    PolygonDefect eight = only(Polygon.of(0, 0, 2, 0, 1, 1, 2, 2, 0, 2, 1, 1));
    assertThat(eight.kind()).isEqualTo(Kind.SELF_INTERSECTION);
    assertThat(eight.message()).contains("touches", "at (1, 1)");
  }

  @Test
  void aHoleOutsideTheExteriorIsReportedAndCountsAsASecondPart() {
    Polygon polygon = new Polygon(square(0, 0, 4, 4), List.of(square(6, 1, 8, 3)));
    PolygonDefect defect = only(polygon);
    assertThat(defect.kind()).isEqualTo(Kind.HOLE_OUTSIDE);
    assertThat(List.of(defect.ring(), defect.edge(), defect.otherRing(), defect.otherEdge()))
        .containsExactly(1, -1, 0, -1);
    assertThat(defect.message())
        .isEqualTo("hole 0 lies outside the exterior: its point 0 (6, 1) is outside");
    // Not 16 - 4 = 12, which counted the hole against an exterior it is not in.
    assertThat(polygon.area()).isEqualTo(20);
    assertThat(polygon.bounds()).isEqualTo(Box.of(0, 0, 8, 4));
  }

  @Test
  void aHoleCrossingTheExteriorNamesTheEdgesThatCross() {
    Polygon polygon = new Polygon(square(0, 0, 4, 4), List.of(square(3, 1, 6, 3)));
    PolygonDefect defect = only(polygon);
    assertThat(defect.kind()).isEqualTo(Kind.HOLE_OUTSIDE);
    assertThat(List.of(defect.ring(), defect.edge(), defect.otherRing(), defect.otherEdge()))
        .containsExactly(1, 0, 0, 1);
    assertThat(defect.message())
        .isEqualTo(
            "hole 0 crosses the exterior: its edge 0 from (3, 1) to (6, 1) crosses the exterior's"
                + " edge 1 from (4, 0) to (4, 4) at (4, 1)");
    // Even-odd: 16 + 6 - 2 * 2 (shapely's make_valid agrees).
    assertThat(polygon.area()).isEqualTo(18);
  }

  @Test
  void overlappingHolesAreReportedAndTheirOverlapIsFilledAgain() {
    Polygon polygon =
        new Polygon(square(0, 0, 10, 10), List.of(square(1, 1, 5, 5), square(3, 3, 7, 7)));
    PolygonDefect defect = only(polygon);
    assertThat(defect.kind()).isEqualTo(Kind.HOLES_OVERLAP);
    assertThat(List.of(defect.ring(), defect.edge(), defect.otherRing(), defect.otherEdge()))
        .containsExactly(1, 1, 2, 0);
    assertThat(defect.message()).startsWith("holes 0 and 1 overlap: edge 1").contains("(5, 3)");
    // Not 100 - 16 - 16 = 68: the 2x2 overlap is inside both holes, so inside the polygon again.
    assertThat(polygon.area()).isEqualTo(76);
    Polygon nested =
        new Polygon(square(0, 0, 10, 10), List.of(square(1, 1, 9, 9), square(3, 3, 6, 6)));
    PolygonDefect inside = only(nested);
    assertThat(inside.kind()).isEqualTo(Kind.HOLES_OVERLAP);
    assertThat(List.of(inside.ring(), inside.edge(), inside.otherRing(), inside.otherEdge()))
        .containsExactly(1, -1, 2, -1);
    assertThat(inside.message()).contains("hole 1 lies inside hole 0");
    assertThat(nested.area()).isEqualTo(100 - 64 + 9);
  }

  @Test
  void ringsWithoutAreaAreReportedAndAddNothing() {
    Polygon flatHole =
        new Polygon(square(0, 0, 4, 4), List.of(Polygon.of(1, 1, 3, 3, 2, 2).exterior()));
    PolygonDefect defect = only(flatHole);
    assertThat(defect.kind()).isEqualTo(Kind.ZERO_AREA);
    assertThat(defect.ring()).isEqualTo(1);
    assertThat(defect.message()).isEqualTo("hole 0 has no area: its points lie on one line");
    assertThat(flatHole.area()).isEqualTo(16);
    Polygon flat = Polygon.of(0, 0, 1, 1, 2, 2, 1, 1);
    assertThat(only(flat).kind()).isEqualTo(Kind.ZERO_AREA);
    assertThat(flat.area()).isZero();
    assertThat(only(Polygon.of(3, 3, 3, 3, 3, 3)).kind()).isEqualTo(Kind.ZERO_AREA);
  }

  @Test
  void simplePolygonsAreValidAndMayTouchAtPoints() {
    assertThat(Polygon.of(0, 0, 4, 0, 4, 2, 2, 2, 2, 4, 0, 4).defects()).isEmpty();
    assertThat(Polygon.of(0, 0, 4, 0, 4, 2, 2, 2, 2, 2, 2, 4, 0, 4, 0, 0).isValid()).isTrue();
    assertThat(new Polygon(square(0, 0, 10, 10), List.of(square(3, 3, 7, 7))).isValid()).isTrue();
    // A hole touching the exterior at a corner, and two holes touching at a corner: allowed.
    assertThat(
            new Polygon(square(0, 0, 10, 10), List.of(Polygon.of(0, 0, 2, 1, 1, 2).exterior()))
                .isValid())
        .isTrue();
    assertThat(
            new Polygon(square(0, 0, 10, 10), List.of(square(1, 1, 3, 3), square(3, 3, 5, 5)))
                .isValid())
        .isTrue();
  }

  @Test
  void defectsRejectImpossibleNumbers() {
    assertThatThrownBy(() -> new PolygonDefect(Kind.ZERO_AREA, -1, -1, -1, -1, "x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ring must be >= 0");
  }

  static Stream<Long> seeds() {
    return Seeds.seeds(200);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void generatedSimplePolygonsAreValid(long seed) {
    RandomGenerator random = Seeds.random(seed);
    assertThat(GeometryGen.starPolygon(random).defects()).isEmpty();
    assertThat(GeometryGen.gridPolygon(random).defects()).isEmpty();
    assertThat(GeometryGen.withRedundantPoints(GeometryGen.staircase(random), random).defects())
        .isEmpty();
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void holesPlacedAnywhereAreMeasuredByTheEvenOddRule(long seed) {
    // Rectangles on the grid, as holes of a grid polygon wherever they fall: often outside it or
    // over one another. Counting the unit cells whose centre the even-odd rule puts inside gives
    // the exact area, and the exact intersection with a second such shape.
    RandomGenerator random = Seeds.random(seed);
    Polygon a = GeometryGen.withStrayHoles(GeometryGen.gridPolygon(random), random);
    Polygon b = GeometryGen.withStrayHoles(GeometryGen.gridPolygon(random), random);
    int inA = 0;
    int inB = 0;
    int inBoth = 0;
    for (int x = -30; x < 30; x++) {
      for (int y = -30; y < 30; y++) {
        boolean ca = GeometryGen.contains(a, x + 0.5, y + 0.5);
        boolean cb = GeometryGen.contains(b, x + 0.5, y + 0.5);
        inA += ca ? 1 : 0;
        inB += cb ? 1 : 0;
        inBoth += ca && cb ? 1 : 0;
      }
    }
    assertThat(a.area()).isEqualTo(inA);
    assertThat(b.area()).isEqualTo(inB);
    assertThat(Iou.intersectionArea(a, b)).isEqualTo(inBoth);
    assertThat(Iou.intersectionArea(b, a)).isEqualTo(inBoth);
    double union = inA + inB - inBoth;
    assertThat(Iou.of(a, b)).isCloseTo(union == 0 ? 0 : inBoth / union, within(1e-12));
  }
}
