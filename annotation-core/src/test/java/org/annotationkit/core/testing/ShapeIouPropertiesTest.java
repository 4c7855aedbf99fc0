package org.annotationkit.core.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.stream.Stream;
import org.annotationkit.core.geometry.Box;
import org.annotationkit.core.geometry.Iou;
import org.annotationkit.core.geometry.Point;
import org.annotationkit.core.geometry.Polygon;
import org.annotationkit.core.geometry.RleMask;
import org.annotationkit.core.geometry.Shape;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * IoU through the general {@link Iou#of(Shape, Shape)} entry point, over the generator's shapes:
 * boxes and rotated boxes mixed with polygons that sometimes have holes, and masks of one size.
 * (The geometry package's own properties cover boxes with boxes, hole-free polygons with polygons
 * and masks with masks; this adds the mixed pairs and the holes.)
 */
class ShapeIouPropertiesTest {
  private static final double EPS = 1e-9;

  static Stream<Long> seeds() {
    return Seeds.seeds(300);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void iouIsSymmetricBoundedOneOnItselfAndZeroApart(long seed) {
    DomainGenerator generator = new DomainGenerator(Seeds.random(seed));
    int height = generator.random().nextInt(1, 30);
    int width = generator.random().nextInt(1, 30);
    Shape a = generator.shape(height, width, true);
    Shape b = generator.shape(height, width, a instanceof RleMask);
    if (a instanceof RleMask != b instanceof RleMask) {
      return; // masks compare only with masks; the next seed draws another pair
    }
    double ab = Iou.of(a, b);
    assertThat(ab).isBetween(0.0, 1.0).isCloseTo(Iou.of(b, a), within(EPS));
    assertThat(Iou.intersectionArea(a, b))
        .isCloseTo(Iou.intersectionArea(b, a), within(EPS * (1 + a.area() + b.area())))
        .isLessThanOrEqualTo(Math.min(a.area(), b.area()) * (1 + EPS) + EPS);
    if (a.area() > 0) {
      assertThat(Iou.of(a, a)).isCloseTo(1, within(EPS));
    }
    if (!(a instanceof RleMask)) {
      // The generator's boxes and polygons lie within [0, 1000]^2.
      assertThat(Iou.of(a, translate(b, 5000, -3000))).isZero();
      assertThat(Iou.of(translate(a, 17.5, 4), translate(b, 17.5, 4))).isCloseTo(ab, within(1e-7));
    }
  }

  private static Shape translate(Shape shape, double dx, double dy) {
    return switch (shape) {
      case Box box ->
          new Box(box.x() + dx, box.y() + dy, box.width(), box.height(), box.rotation());
      case Polygon polygon ->
          new Polygon(
              translate(polygon.exterior(), dx, dy),
              polygon.holes().stream().map(hole -> translate(hole, dx, dy)).toList());
      default -> throw new IllegalArgumentException("cannot translate " + shape);
    };
  }

  private static List<Point> translate(List<Point> points, double dx, double dy) {
    return points.stream().map(p -> new Point(p.x() + dx, p.y() + dy)).toList();
  }
}
