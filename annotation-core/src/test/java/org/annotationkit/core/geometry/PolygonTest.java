package org.annotationkit.core.geometry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.annotationkit.core.geometry.Keypoint.Visibility;
import org.junit.jupiter.api.Test;

/** Points, polygons, polylines and keypoints: validation, area, length and bounds. */
class PolygonTest {

  private static final List<Point> SQUARE_10 =
      List.of(new Point(0, 0), new Point(10, 0), new Point(10, 10), new Point(0, 10));
  private static final List<Point> HOLE_4 =
      List.of(new Point(3, 3), new Point(3, 7), new Point(7, 7), new Point(7, 3));

  @Test
  void pointRejectsNonFiniteCoordinates() {
    assertThatThrownBy(() -> new Point(Double.NaN, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("x must be finite, got NaN");
    assertThatThrownBy(() -> new Point(0, Double.NEGATIVE_INFINITY))
        .hasMessage("y must be finite, got -Infinity");
  }

  @Test
  void polygonNeedsThreePointsPerRing() {
    assertThatThrownBy(() -> Polygon.of(List.of(new Point(0, 0), new Point(1, 1))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("exterior must have at least 3 points, got 2");
    assertThatThrownBy(() -> new Polygon(SQUARE_10, List.of(HOLE_4, List.of(new Point(1, 1)))))
        .hasMessage("holes[1] must have at least 3 points, got 1");
    assertThatThrownBy(() -> Polygon.of(0, 0, 1, 1, 2))
        .hasMessage("xy must hold an even number of values, got 5");
    assertThatThrownBy(() -> Polygon.of(0, 0, 1, 1))
        .hasMessage("exterior must have at least 3 points, got 2");
    assertThatThrownBy(() -> Polygon.of(0, 0, 1, Double.NaN, 2, 2))
        .hasMessage("y must be finite, got NaN");
  }

  @Test
  void polygonCopiesItsRings() {
    List<Point> exterior = new ArrayList<>(SQUARE_10);
    List<Point> hole = new ArrayList<>(HOLE_4);
    List<List<Point>> holes = new ArrayList<>(List.of(hole));
    Polygon polygon = new Polygon(exterior, holes);
    exterior.clear();
    hole.clear();
    holes.clear();
    assertThat(polygon.exterior()).hasSize(4);
    assertThat(polygon.holes()).hasSize(1);
    assertThat(polygon.holes().get(0)).hasSize(4);
    assertThatThrownBy(() -> polygon.exterior().add(new Point(1, 1)))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void areaSubtractsHolesWhateverTheOrientation() {
    assertThat(Polygon.of(SQUARE_10).area()).isEqualTo(100);
    assertThat(Polygon.of(SQUARE_10.reversed()).area()).isEqualTo(100);
    assertThat(new Polygon(SQUARE_10, List.of(HOLE_4)).area()).isEqualTo(84);
    assertThat(new Polygon(SQUARE_10, List.of(HOLE_4.reversed())).area()).isEqualTo(84);
  }

  @Test
  void aHoleAroundItsExteriorLeavesTheRingBetweenThemUnderTheEvenOddRule() {
    // The unit square with the 10x10 square as its "hole": invalid, and not a silent 0 (the area
    // that the shoelace difference 1 - 100, clamped, used to give) but the 99 cells between them.
    Polygon unit = Polygon.of(0, 0, 1, 0, 1, 1, 0, 1);
    Polygon bigHole = new Polygon(unit.exterior(), List.of(SQUARE_10));
    assertThat(bigHole.area()).isEqualTo(99);
    assertThat(bigHole.isValid()).isFalse();
  }

  @Test
  void flatFactoryReadsPairs() {
    Polygon triangle = Polygon.of(0, 0, 4, 0, 0, 3);
    assertThat(triangle.exterior())
        .containsExactly(new Point(0, 0), new Point(4, 0), new Point(0, 3));
    assertThat(triangle.area()).isEqualTo(6);
    assertThat(triangle.bounds()).isEqualTo(Box.of(0, 0, 4, 3));
  }

  @Test
  void aRepeatedClosingPointIsKeptAndChangesNothing() {
    Polygon closed = Polygon.of(0, 0, 4, 0, 4, 2, 0, 2, 0, 0);
    assertThat(closed.exterior()).hasSize(5);
    assertThat(closed.area()).isEqualTo(8);
  }

  @Test
  void nonConvexArea() {
    // An L: a 4x4 square without its 2x2 bottom-right quarter.
    Polygon l = Polygon.of(0, 0, 4, 0, 4, 2, 2, 2, 2, 4, 0, 4);
    assertThat(l.area()).isEqualTo(12);
    assertThat(l.bounds()).isEqualTo(Box.of(0, 0, 4, 4));
  }

  @Test
  void polylineHasLengthBoundsAndNoArea() {
    Polyline line = new Polyline(List.of(new Point(0, 0), new Point(3, 4), new Point(3, 10)));
    assertThat(line.length()).isEqualTo(11);
    assertThat(line.area()).isZero();
    assertThat(line.bounds()).isEqualTo(Box.of(0, 0, 3, 10));
    assertThatThrownBy(() -> new Polyline(List.of(new Point(0, 0))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("points must have at least 2 points, got 1");
  }

  @Test
  void keypointValidationAndCocoFlags() {
    Keypoint nose = new Keypoint("nose", 3, 4, Visibility.OCCLUDED);
    assertThat(nose.visibility().cocoFlag()).isEqualTo(1);
    assertThatThrownBy(() -> new Keypoint("", 0, 0, Visibility.VISIBLE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("name must not be empty");
    assertThatThrownBy(() -> new Keypoint("eye", Double.NaN, 0, Visibility.VISIBLE))
        .hasMessage("x must be finite, got NaN");
    for (Visibility v : Visibility.values()) {
      assertThat(Visibility.ofCocoFlag(v.cocoFlag())).isEqualTo(v);
    }
    assertThat(Visibility.NOT_LABELED.cocoFlag()).isZero();
    assertThat(Visibility.VISIBLE.cocoFlag()).isEqualTo(2);
    assertThatThrownBy(() -> Visibility.ofCocoFlag(3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("flag must be 0, 1 or 2, got 3");
  }
}
