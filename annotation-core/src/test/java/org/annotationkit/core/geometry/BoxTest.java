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

class BoxTest {

  static Stream<Long> seeds() {
    return Seeds.seeds(200);
  }

  @Test
  void rejectsNonFiniteAndNegativeValuesNamingTheArgument() {
    assertThatThrownBy(() -> Box.of(Double.NaN, 0, 1, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("x must be finite, got NaN");
    assertThatThrownBy(() -> Box.of(0, Double.POSITIVE_INFINITY, 1, 1))
        .hasMessage("y must be finite, got Infinity");
    assertThatThrownBy(() -> Box.of(0, 0, -3, 1)).hasMessage("width must be >= 0, got -3.0");
    assertThatThrownBy(() -> Box.of(0, 0, 1, -0.5)).hasMessage("height must be >= 0, got -0.5");
    assertThatThrownBy(() -> Box.of(0, 0, Double.NaN, 1))
        .hasMessage("width must be finite, got NaN");
    assertThatThrownBy(() -> new Box(0, 0, 1, 1, Double.NEGATIVE_INFINITY))
        .hasMessage("rotation must be finite, got -Infinity");
  }

  @Test
  void zeroSizesAreAllowed() {
    assertThat(Box.of(3, 4, 0, 0).area()).isZero();
  }

  @Test
  void unrotatedCornersGoClockwiseFromTopLeft() {
    assertThat(Box.of(1, 2, 3, 4).corners())
        .containsExactly(new Point(1, 2), new Point(4, 2), new Point(4, 6), new Point(1, 6));
  }

  @Test
  void rotationIsClockwiseOnScreenAboutTheCentre() {
    // A quarter turn clockwise with y down takes the top-left corner to where the top-right was.
    Box square = new Box(0, 0, 2, 2, 90);
    assertThat(square.corners())
        .containsExactly(new Point(2, 0), new Point(2, 2), new Point(0, 2), new Point(0, 0));
    // For a small positive angle the middle of the right edge moves down (larger y).
    Box tilted = new Box(0, 0, 4, 2, 10);
    List<Point> c = tilted.corners();
    double rightMidY = (c.get(1).y() + c.get(2).y()) / 2;
    assertThat(rightMidY).isCloseTo(1 + 2 * Math.sin(Math.toRadians(10)), within(1e-12));
    assertThat(rightMidY).isGreaterThan(tilted.centerY());
  }

  @Test
  void aboutCornerKeepsThePivotWhereItIs() {
    // A 4 x 2 rectangle turned a quarter clockwise about its top-left corner (10, 20): by hand, its
    // x axis now points down and its y axis left, so it covers x in [8, 10], y in [20, 24].
    Box box = Box.aboutCorner(10, 20, 4, 2, 90);
    assertThat(box).isEqualTo(new Box(7, 21, 4, 2, 90));
    assertThat(box.corners().get(0)).isEqualTo(new Point(10, 20));
    assertThat(box.bounds()).isEqualTo(Box.of(8, 20, 2, 4));
    assertThat(Box.aboutCorner(1, 2, 3, 4, 0)).isEqualTo(Box.of(1, 2, 3, 4));
  }

  @Test
  void aboutCornerWithNegativeSizesIsTheSameRectangle() {
    // Drawn leftwards and upwards from (10, 20): the rectangle [6, 10] x [18, 20].
    assertThat(Box.aboutCorner(10, 20, -4, -2, 0)).isEqualTo(Box.of(6, 18, 4, 2));
    Box turned = Box.aboutCorner(10, 20, -4, -2, 90);
    Box positive = Box.aboutCorner(10 + 2, 20 - 4, 4, 2, 90);
    assertThat(turned.x()).isCloseTo(positive.x(), within(1e-12));
    assertThat(turned.y()).isCloseTo(positive.y(), within(1e-12));
    assertThatThrownBy(() -> Box.aboutCorner(0, 0, Double.NaN, 1, 0)).hasMessageContaining("width");
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void aboutCornerPivotIsTheFirstCorner(long seed) {
    RandomGenerator random = Seeds.random(seed);
    double x = random.nextDouble(-100, 100);
    double y = random.nextDouble(-100, 100);
    double w = random.nextDouble(0, 50);
    double h = random.nextDouble(0, 50);
    double r = random.nextDouble(-720, 720);
    Box box = Box.aboutCorner(x, y, w, h, r);
    assertThat(box.width()).isEqualTo(w);
    assertThat(box.height()).isEqualTo(h);
    assertThat(box.rotation()).isEqualTo(r);
    assertThat(box.corners().get(0).x()).isCloseTo(x, within(1e-9));
    assertThat(box.corners().get(0).y()).isCloseTo(y, within(1e-9));
  }

  @Test
  void quarterTurnSwapsTheBoundsAboutTheCentre() {
    Box box = new Box(0, 0, 4, 2, 90);
    assertThat(box.bounds()).isEqualTo(Box.of(1, -1, 2, 4));
    assertThat(box.bounds().centerX()).isEqualTo(2);
    assertThat(box.bounds().centerY()).isEqualTo(1);
  }

  @Test
  void boundsOfAnUnrotatedBoxIsTheBoxWithRotationZero() {
    Box box = Box.of(1, 2, 3, 4);
    assertThat(box.bounds()).isSameAs(box);
    assertThat(new Box(1, 2, 3, 4, 720).bounds()).isEqualTo(box);
    assertThat(new Box(1, 2, 3, 4, -360).isRotated()).isFalse();
    assertThat(new Box(1, 2, 3, 4, 180).isRotated()).isTrue();
  }

  @Test
  void boundsOfA45DegreeSquare() {
    Box box = new Box(0, 0, 2, 2, 45);
    Box bounds = box.bounds();
    double r = Math.sqrt(2);
    assertThat(bounds.x()).isCloseTo(1 - r, within(1e-12));
    assertThat(bounds.y()).isCloseTo(1 - r, within(1e-12));
    assertThat(bounds.width()).isCloseTo(2 * r, within(1e-12));
    assertThat(bounds.height()).isCloseTo(2 * r, within(1e-12));
    assertThat(bounds.rotation()).isZero();
  }

  @Test
  void toPolygonHasTheCorners() {
    Box box = new Box(5, 6, 7, 8, 30);
    assertThat(box.toPolygon().exterior()).isEqualTo(box.corners());
    assertThat(box.toPolygon().holes()).isEmpty();
    assertThat(box.toPolygon().area()).isCloseTo(56, within(1e-9));
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void rotatedAreaIsWidthTimesHeightAndCentreStays(long seed) {
    Box box = GeometryGen.rotatedBox(Seeds.random(seed));
    double expected = box.width() * box.height();
    assertThat(box.area()).isEqualTo(expected);
    assertThat(Polygon.of(box.corners()).area()).isCloseTo(expected, within(1e-9 * (1 + expected)));
    double sx = 0;
    double sy = 0;
    for (Point p : box.corners()) {
      sx += p.x();
      sy += p.y();
    }
    assertThat(sx / 4).isCloseTo(box.centerX(), within(1e-9));
    assertThat(sy / 4).isCloseTo(box.centerY(), within(1e-9));
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void aFullTurnGivesTheSameCorners(long seed) {
    RandomGenerator random = Seeds.random(seed);
    Box box = GeometryGen.rotatedBox(random);
    int turns = random.nextInt(-3, 4);
    Box turned =
        new Box(box.x(), box.y(), box.width(), box.height(), box.rotation() + 360.0 * turns);
    List<Point> a = box.corners();
    List<Point> b = turned.corners();
    for (int i = 0; i < 4; i++) {
      assertThat(b.get(i).x()).isCloseTo(a.get(i).x(), within(1e-9));
      assertThat(b.get(i).y()).isCloseTo(a.get(i).y(), within(1e-9));
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void boundsCoverEveryCornerTightly(long seed) {
    Box box = GeometryGen.rotatedBox(Seeds.random(seed));
    Box bounds = box.bounds();
    double minX = Double.POSITIVE_INFINITY;
    double maxX = Double.NEGATIVE_INFINITY;
    double minY = Double.POSITIVE_INFINITY;
    double maxY = Double.NEGATIVE_INFINITY;
    for (Point p : box.corners()) {
      minX = Math.min(minX, p.x());
      maxX = Math.max(maxX, p.x());
      minY = Math.min(minY, p.y());
      maxY = Math.max(maxY, p.y());
    }
    assertThat(bounds.rotation()).isZero();
    assertThat(bounds.x()).isCloseTo(minX, within(1e-9));
    assertThat(bounds.y()).isCloseTo(minY, within(1e-9));
    assertThat(bounds.x() + bounds.width()).isCloseTo(maxX, within(1e-9));
    assertThat(bounds.y() + bounds.height()).isCloseTo(maxY, within(1e-9));
    assertThat(bounds.area()).isGreaterThanOrEqualTo(box.area() * (1 - 1e-12));
  }
}
