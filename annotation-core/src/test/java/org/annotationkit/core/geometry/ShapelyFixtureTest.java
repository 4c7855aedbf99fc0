package org.annotationkit.core.geometry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Areas, intersections and IoUs against shapely (GEOS), an independent implementation: valid and
 * invalid polygons (measured after shapely's {@code make_valid}, which for these cases is the
 * even-odd region that {@link Polygon} documents), non-convex stars with and without holes,
 * self-crossing scribbles, and rotated boxes. The fixture is written by {@code
 * src/test/scripts/shapely_polygons.py}.
 */
class ShapelyFixtureTest {

  /** One line of the fixture. */
  record Case(String kind, String name, String a, String b, List<Double> expected) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> cases() throws IOException {
    try (InputStream in =
        ShapelyFixtureTest.class.getResourceAsStream("/geometry/shapely-polygons.txt")) {
      String text = new String(Objects.requireNonNull(in).readAllBytes(), StandardCharsets.UTF_8);
      List<Case> cases = new ArrayList<>();
      for (String line : text.lines().filter(l -> !l.isEmpty()).toList()) {
        String[] f = line.split("\\|", -1);
        List<Double> expected = new ArrayList<>();
        for (int k = 0; k < 4; k++) {
          expected.add(Double.parseDouble(f[4 + k]));
        }
        cases.add(new Case(f[0], f[1], f[2], f[3], expected));
      }
      return cases.stream();
    }
  }

  private static double[] numbers(String csv) {
    return Arrays.stream(csv.split(",", -1)).mapToDouble(Double::parseDouble).toArray();
  }

  private static Shape shape(String kind, String text) {
    if (kind.equals("box")) {
      double[] v = numbers(text);
      return new Box(v[0], v[1], v[2], v[3], v[4]);
    }
    String[] rings = text.split(";", -1);
    List<List<Point>> holes = new ArrayList<>();
    for (int r = 1; r < rings.length; r++) {
      holes.add(Polygon.of(numbers(rings[r])).exterior());
    }
    return new Polygon(Polygon.of(numbers(rings[0])).exterior(), holes);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void areaIntersectionAndIouAgreeWithShapely(Case c) {
    Shape a = shape(c.kind(), c.a());
    Shape b = shape(c.kind(), c.b());
    double scale = 1 + c.expected().get(0) + c.expected().get(1);
    assertThat(a.area()).isCloseTo(c.expected().get(0), within(1e-9 * scale));
    assertThat(b.area()).isCloseTo(c.expected().get(1), within(1e-9 * scale));
    assertThat(Iou.intersectionArea(a, b)).isCloseTo(c.expected().get(2), within(1e-9 * scale));
    assertThat(Iou.intersectionArea(b, a)).isCloseTo(c.expected().get(2), within(1e-9 * scale));
    assertThat(Iou.of(a, b)).isCloseTo(c.expected().get(3), within(1e-9));
    assertThat(Iou.of(b, a)).isCloseTo(c.expected().get(3), within(1e-9));
    if (a instanceof Box ba && b instanceof Box bb) {
      // The same boxes as polygons, through the polygon route, and through the matrix.
      assertThat(Iou.of(ba.toPolygon(), bb.toPolygon()))
          .isCloseTo(c.expected().get(3), within(1e-9));
      assertThat(Iou.matrix(List.of(ba, bb), List.of(bb)))
          .containsExactly(Iou.of(ba, bb), Iou.of(bb, bb));
    }
  }
}
