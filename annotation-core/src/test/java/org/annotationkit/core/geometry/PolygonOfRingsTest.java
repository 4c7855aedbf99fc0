package org.annotationkit.core.geometry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import java.util.stream.Stream;
import org.annotationkit.core.testing.Seeds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link Polygon#ofRings(double[], List)}, the route of readers that hold the coordinates in
 * arrays, builds the very polygon that {@link Polygon#Polygon(List, List)} builds from the same
 * points, and refuses what it refuses with the same messages.
 */
class PolygonOfRingsTest {

  static Stream<Long> seeds() {
    return Seeds.seeds(200);
  }

  private static double[] ring(RandomGenerator random) {
    int n = random.nextInt(3, 12);
    double[] xy = new double[2 * n];
    for (int i = 0; i < xy.length; i++) {
      // integers now and then, so that repeated and collinear points occur
      xy[i] = random.nextBoolean() ? random.nextInt(0, 6) : random.nextDouble(-50, 50);
    }
    return xy;
  }

  private static List<Point> points(double[] xy) {
    List<Point> points = new ArrayList<>();
    for (int i = 0; i < xy.length; i += 2) {
      points.add(new Point(xy[i], xy[i + 1]));
    }
    return points;
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void flatRingsGiveThePolygonOfTheirPoints(long seed) {
    RandomGenerator random = Seeds.random(seed);
    double[] exterior = ring(random);
    List<double[]> holes = new ArrayList<>();
    List<List<Point>> holePoints = new ArrayList<>();
    int holeCount = random.nextInt(0, 3);
    for (int h = 0; h < holeCount; h++) {
      double[] hole = ring(random);
      holes.add(hole);
      holePoints.add(points(hole));
    }

    Polygon flat = Polygon.ofRings(exterior, holes);
    Polygon byPoints = new Polygon(points(exterior), holePoints);

    assertThat(flat).isEqualTo(byPoints).hasSameHashCodeAs(byPoints);
    assertThat(flat.exterior()).isEqualTo(points(exterior));
    assertThat(flat.holes()).isEqualTo(holePoints);
    assertThat(flat.area()).isEqualTo(byPoints.area());
    assertThat(flat.bounds()).isEqualTo(byPoints.bounds());
    assertThat(flat.defects()).isEqualTo(byPoints.defects());
    assertThat(Iou.of(flat, byPoints)).isEqualTo(Iou.of(byPoints, byPoints));
  }

  @Test
  void theArraysAreCopied() {
    double[] exterior = {0, 0, 4, 0, 4, 4};
    double[] hole = {1, 1, 2, 1, 2, 2};
    Polygon polygon = Polygon.ofRings(exterior, List.of(hole));
    exterior[0] = 99;
    hole[0] = 99;
    assertThat(polygon.exterior().get(0)).isEqualTo(new Point(0, 0));
    assertThat(polygon.holes().get(0).get(0)).isEqualTo(new Point(1, 1));
    // the area of a 4 x 4 right triangle less a 1 x 1 one: 8 - 0.5
    assertThat(polygon.area()).isEqualTo(7.5);
  }

  @Test
  void refusesWhatTheListConstructorRefuses() {
    assertThatThrownBy(() -> Polygon.ofRings(new double[] {0, 0, 1, 0}, List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("exterior must have at least 3 points, got 2");
    assertThatThrownBy(
            () -> new Polygon(List.of(new Point(0, 0), new Point(1, 0)), List.<List<Point>>of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("exterior must have at least 3 points, got 2");
    assertThatThrownBy(() ->
            Polygon.ofRings(new double[] {0, 0, 4, 0, 4, 4}, List.of(new double[] {1, 1, 2, 1})))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("holes[0] must have at least 3 points, got 2");
    assertThatThrownBy(() -> Polygon.ofRings(new double[] {0, 0, 1, 0, 1}, List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("even number");
    assertThatThrownBy(() -> Polygon.ofRings(new double[] {0, 0, 1, Double.NaN, 1, 1}, List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("y must be finite, got NaN");
  }
}
