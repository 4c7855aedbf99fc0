package org.annotationkit.core.geometry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import java.util.stream.Stream;
import org.annotationkit.core.testing.Seeds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The IoU of many boxes against many: equal to the pairwise IoU, symmetric, within [0, 1]. */
class IouMatrixTest {

  static Stream<Long> seeds() {
    return Seeds.seeds(100);
  }

  private static List<Box> boxes(RandomGenerator random, boolean rotated) {
    int n = random.nextInt(0, 12);
    List<Box> boxes = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Box box = rotated ? GeometryGen.rotatedBox(random) : GeometryGen.box(random);
      // Some exact repeats and some without area.
      if (i > 0 && random.nextInt(5) == 0) {
        box = boxes.get(random.nextInt(i));
      } else if (random.nextInt(10) == 0) {
        box = Box.of(box.x(), box.y(), 0, box.height());
      }
      boxes.add(box);
    }
    return boxes;
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void matrixEqualsPairwiseIouIsSymmetricAndBounded(long seed) {
    RandomGenerator random = Seeds.random(seed);
    boolean rotated = random.nextBoolean();
    List<Box> a = boxes(random, rotated);
    List<Box> b = boxes(random, rotated);
    double[] ab = Iou.matrix(a, b);
    double[] ba = Iou.matrix(b, a);
    assertThat(ab).hasSize(a.size() * b.size());
    for (int i = 0; i < a.size(); i++) {
      for (int j = 0; j < b.size(); j++) {
        double iou = ab[i * b.size() + j];
        assertThat(iou).isEqualTo(Iou.of(a.get(i), b.get(j))).isBetween(0.0, 1.0);
        assertThat(ba[j * a.size() + i]).isCloseTo(iou, within(1e-12));
      }
    }
    if (!rotated) {
      // The primitive form: the same numbers from x, y, width, height rows.
      double[] out = new double[a.size() * b.size() + 3];
      out[out.length - 1] = 42;
      Iou.matrix(flat(a), flat(b), out);
      for (int k = 0; k < ab.length; k++) {
        assertThat(out[k]).isEqualTo(ab[k]);
      }
      assertThat(out[out.length - 1]).isEqualTo(42);
    }
  }

  private static double[] flat(List<Box> boxes) {
    double[] xywh = new double[4 * boxes.size()];
    for (int i = 0; i < boxes.size(); i++) {
      Box box = boxes.get(i);
      xywh[4 * i] = box.x();
      xywh[4 * i + 1] = box.y();
      xywh[4 * i + 2] = box.width();
      xywh[4 * i + 3] = box.height();
    }
    return xywh;
  }

  @Test
  void handComputedMatrix() {
    // Rows: [0,2]^2 and [10,11]^2; columns: [1,3]^2 (1/7 with the first), the first itself, and
    // [10,11]x[10,12] (1/2 with the second).
    double[] out = new double[6];
    Iou.matrix(
        new double[] {0, 0, 2, 2, 10, 10, 1, 1},
        new double[] {1, 1, 2, 2, 0, 0, 2, 2, 10, 10, 1, 2},
        out);
    assertThat(out[0]).isCloseTo(1.0 / 7, within(1e-15));
    assertThat(out[1]).isEqualTo(1);
    assertThat(out[2]).isZero();
    assertThat(out[3]).isZero();
    assertThat(out[4]).isZero();
    assertThat(out[5]).isEqualTo(0.5);
  }

  @Test
  void badInputIsNamed() {
    assertThatThrownBy(() -> Iou.matrix(new double[5], new double[4], new double[1]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a must hold 4 values (x, y, width, height) per box, got 5 values");
    assertThatThrownBy(() -> Iou.matrix(new double[8], new double[12], new double[5]))
        .hasMessage("out must hold at least 2 * 3 = 6 values, got 5");
    assertThatThrownBy(
            () -> Iou.matrix(new double[] {0, 0, 1, 1, 0, 0, -1, 1}, new double[4], new double[2]))
        .hasMessage("a[6], the width of box 1, must be finite and >= 0, got -1.0");
    assertThatThrownBy(
            () -> Iou.matrix(new double[4], new double[] {Double.NaN, 0, 1, 1}, new double[1]))
        .hasMessage("b[0], the x of box 0, must be finite, got NaN");
  }
}
