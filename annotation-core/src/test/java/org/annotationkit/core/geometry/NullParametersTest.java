package org.annotationkit.core.geometry;

import static org.assertj.core.api.Assertions.assertThatCode;

import com.google.common.testing.NullPointerTester;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every public constructor and method of the package rejects null arguments. */
class NullParametersTest {

  @Test
  void publicApiRejectsNulls() {
    Box box = Box.of(0, 0, 1, 1);
    Polygon polygon = Polygon.of(0, 0, 1, 0, 1, 1);
    RleMask mask = RleMask.empty(1, 1);
    NullPointerTester tester =
        new NullPointerTester()
            .setDefault(Box.class, box)
            .setDefault(Polygon.class, polygon)
            .setDefault(RleMask.class, mask)
            .setDefault(Shape.class, box)
            .setDefault(Point.class, new Point(0, 0))
            .setDefault(List.class, List.of(new Point(0, 0), new Point(1, 0), new Point(1, 1)));
    for (Class<?> type :
        List.of(
            Point.class,
            Box.class,
            Polygon.class,
            Polyline.class,
            Keypoint.class,
            Keypoint.Visibility.class,
            RleMask.class,
            Iou.class)) {
      assertThatCode(() -> tester.testAllPublicConstructors(type)).doesNotThrowAnyException();
      assertThatCode(() -> tester.testAllPublicStaticMethods(type)).doesNotThrowAnyException();
    }
    assertThatCode(() -> tester.testAllPublicInstanceMethods(mask)).doesNotThrowAnyException();
  }
}
