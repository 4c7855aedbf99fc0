package org.annotationkit.metrics.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.annotationkit.core.coding.LabelCoding;
import org.junit.jupiter.api.Test;

/** Pearson's chi-square against closed forms of the chi-square tail. */
class IndependenceTestTest {
  @Test
  void twoByTwoTable() {
    // Row totals 30, 70; column totals 40, 60; expected 12, 18, 28, 42: chi2 = 4/12 + 4/18 + 4/28
    // + 4/42 = 0.793651; with 1 degree of freedom p = erfc(sqrt(chi2 / 2)) = 0.372998 (scipy's
    // chi2_contingency(..., correction=False) gives the same).
    IndependenceTest t = IndependenceTest.of(new long[] {10, 20, 30, 40}, 2, 2);
    assertThat(t.chiSquare()).isCloseTo(0.7936507936507936, within(1e-12));
    assertThat(t.degreesOfFreedom()).isEqualTo(1);
    assertThat(t.pValue()).isCloseTo(0.37299848361348714, within(1e-9));
    assertThat(t.cramersV()).isCloseTo(Math.sqrt(0.7936507936507936 / 100), within(1e-12));
    assertThat(t.answers()).isEqualTo(100);
  }

  @Test
  void threeByThreeTableWithAnUnusedCategory() {
    // A 4 x 4 matrix whose last row and column are empty tests as the 3 x 3 inside it; with 4
    // degrees of freedom the tail is exp(-x/2) (1 + x/2).
    long[] cells = {20, 5, 5, 0, 4, 18, 8, 0, 6, 7, 27, 0, 0, 0, 0, 0};
    ConfusionMatrix m = ConfusionMatrix.of(LabelCoding.of("a", "b", "c", "d"), cells);
    IndependenceTest t = IndependenceTest.of(m);
    long[][] o = {{20, 5, 5}, {4, 18, 8}, {6, 7, 27}};
    double n = 100;
    double chi = 0;
    for (int r = 0; r < 3; r++) {
      for (int c = 0; c < 3; c++) {
        double row = o[r][0] + o[r][1] + o[r][2];
        double column = o[0][c] + o[1][c] + o[2][c];
        double e = row * column / n;
        chi += (o[r][c] - e) * (o[r][c] - e) / e;
      }
    }
    assertThat(t.degreesOfFreedom()).isEqualTo(4);
    assertThat(t.chiSquare()).isCloseTo(chi, within(1e-10));
    assertThat(t.pValue()).isCloseTo(Math.exp(-chi / 2) * (1 + chi / 2), within(1e-12));
    assertThat(t.cramersV()).isCloseTo(Math.sqrt(chi / (n * 2)), within(1e-12));
  }

  @Test
  void aFunctionOfTheReferenceHasCramersVOne() {
    IndependenceTest t = IndependenceTest.of(new long[] {0, 7, 9, 0}, 2, 2);
    assertThat(t.cramersV()).isCloseTo(1, within(1e-12));
    assertThat(t.pValue()).isLessThan(1e-3);
  }

  @Test
  void oneUsedColumnHasNoTest() {
    IndependenceTest t = IndependenceTest.of(new long[] {5, 0, 7, 0}, 2, 2);
    assertThat(t).isEqualTo(new IndependenceTest(0, 0, 1, 0, 12));
  }
}
