package org.annotationkit.activelearning.uncertainty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.annotationkit.activelearning.ItemIds;
import org.annotationkit.activelearning.Layout;
import org.annotationkit.activelearning.Pick;
import org.annotationkit.activelearning.Probabilities;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Each score on rows computed by hand (entropies in nats from Python's math.log). */
class UncertaintyTest {
  private static final double[] A = {0.5, 0.3, 0.2};
  private static final double[] B = {0.1, 0.7, 0.2};
  private static final double[] CERTAIN = {0, 1, 0};
  private static final double[] EVEN = {0.25, 0.25, 0.25, 0.25};

  @Test
  void leastConfidenceIsOneMinusTheLargest() {
    assertThat(Uncertainty.LEAST_CONFIDENCE.score(A)).isCloseTo(0.5, within(1e-15));
    assertThat(Uncertainty.LEAST_CONFIDENCE.score(B)).isCloseTo(0.3, within(1e-15));
    assertThat(Uncertainty.LEAST_CONFIDENCE.score(CERTAIN)).isEqualTo(0.0);
    assertThat(Uncertainty.LEAST_CONFIDENCE.score(EVEN)).isEqualTo(0.75);
  }

  @Test
  void marginIsOneMinusTheGapBetweenTheTwoLargest() {
    assertThat(Uncertainty.MARGIN.score(A)).isCloseTo(0.8, within(1e-15));
    assertThat(Uncertainty.MARGIN.score(B)).isCloseTo(0.5, within(1e-15));
    assertThat(Uncertainty.MARGIN.score(CERTAIN)).isEqualTo(0.0);
    assertThat(Uncertainty.MARGIN.score(EVEN)).isEqualTo(1.0);
  }

  @Test
  void ratioIsTheSecondOverTheFirst() {
    assertThat(Uncertainty.RATIO.score(A)).isCloseTo(0.6, within(1e-15));
    assertThat(Uncertainty.RATIO.score(B)).isCloseTo(0.2 / 0.7, within(1e-15));
    assertThat(Uncertainty.RATIO.score(CERTAIN)).isEqualTo(0.0);
    assertThat(Uncertainty.RATIO.score(new double[] {0, 0})).isEqualTo(1.0);
  }

  @Test
  void entropyIsInNatsWithZeroTimesLogZeroZero() {
    // python3 -c "import math; print(-sum(p*math.log(p) for p in [0.5, 0.3, 0.2]))"
    assertThat(Uncertainty.ENTROPY.score(A)).isCloseTo(1.0296530140645737, within(1e-15));
    assertThat(Uncertainty.ENTROPY.score(B)).isCloseTo(0.8018185525433373, within(1e-15));
    assertThat(Uncertainty.ENTROPY.score(CERTAIN)).isEqualTo(0.0);
    assertThat(Uncertainty.ENTROPY.score(EVEN)).isCloseTo(Math.log(4), within(1e-15));
  }

  @Test
  void oneClassHasASecondProbabilityOfZero() {
    assertThat(Uncertainty.MARGIN.score(new double[] {0.75})).isEqualTo(0.25);
    assertThat(Uncertainty.RATIO.score(new double[] {0.75})).isEqualTo(0.0);
  }

  @ParameterizedTest
  @EnumSource(Uncertainty.class)
  void picksComeInRankOrderWithTiesToTheEarlierItem(Uncertainty u) {
    // a and c tie, both even; d is less sure than b.
    double[] rows = {0.5, 0.5, 0.9, 0.1, 0.5, 0.5, 0.6, 0.4, 0.99, 0.01};
    ItemIds ids = ItemIds.of(List.of("a", "b", "c", "d", "e"));
    UncertaintySampler sampler = UncertaintySampler.of(u);
    List<Pick> picks = sampler.select(Probabilities.of(rows, 2, Layout.ROW_MAJOR, ids), 3);
    assertThat(picks).extracting(Pick::id).containsExactly("a", "c", "d");
    assertThat(picks).extracting(Pick::rank).containsExactly(1, 2, 3);
    assertThat(picks.get(0).score()).isEqualTo(picks.get(1).score());
    assertThat(picks.get(0).score()).isEqualTo(u.score(new double[] {0.5, 0.5}));
    assertThat(sampler.select(Probabilities.of(rows, 2, Layout.ROW_MAJOR, ids), 1))
        .extracting(Pick::id)
        .containsExactly("a");
    float[] floats = new float[rows.length];
    for (int i = 0; i < rows.length; i++) {
      floats[i] = (float) rows[i];
    }
    assertThat(sampler.select(Probabilities.of(floats, 2, Layout.ROW_MAJOR, ids), 3))
        .extracting(Pick::id)
        .containsExactly("a", "c", "d");
    double[] classMajor = {0.5, 0.9, 0.5, 0.6, 0.99, 0.5, 0.1, 0.5, 0.4, 0.01};
    assertThat(sampler.select(Probabilities.of(classMajor, 2, Layout.CLASS_MAJOR, ids), 3))
        .isEqualTo(picks);
  }

  @Test
  void asksForMoreThanThePoolGivesThePool() {
    double[] rows = {0.2, 0.8, 0.6, 0.4};
    List<Pick> picks =
        UncertaintySampler.of(Uncertainty.MARGIN)
            .select(Probabilities.of(rows, 2, Layout.ROW_MAJOR, ItemIds.positions(2)), 10);
    assertThat(picks).extracting(Pick::id).containsExactly("1", "0");
    assertThat(picks.get(0).score()).isCloseTo(0.8, within(1e-15));
  }

  @Test
  void entropyBoundFallsFromLogCToZero() {
    assertThat(UncertaintySampler.Kernels.bound(1.0 / 3, 3)).isCloseTo(Math.log(3), within(1e-12));
    assertThat(UncertaintySampler.Kernels.bound(1.0, 3)).isEqualTo(0.0);
    double cut = UncertaintySampler.Kernels.cut(1.0, 3);
    assertThat(UncertaintySampler.Kernels.bound(cut, 3)).isLessThanOrEqualTo(1.0 - 1e-3);
  }

  @Test
  void tabledCutsNeverSkipMoreThanTheExactCutAndAreAtMostOneStepPastIt() {
    java.util.SplittableRandom random = new java.util.SplittableRandom(20_261_204L);
    for (int c = 2; c <= 40; c++) {
      UncertaintySampler.Cuts cuts = new UncertaintySampler.Cuts(c);
      double step = (1.0 - 1.0 / c) / UncertaintySampler.Cuts.STEPS;
      for (int trial = 0; trial < 200; trial++) {
        double t = random.nextDouble(-0.1, Math.log(c) + 0.1);
        double exact = UncertaintySampler.Kernels.cut(t, c);
        double tabled = cuts.cut(t);
        if (Double.isInfinite(exact)) {
          assertThat(tabled).as("c %d, t %s", c, t).isInfinite();
          continue;
        }
        assertThat(tabled).as("c %d, t %s", c, t).isBetween(exact - 1e-12, exact + step + 1e-12);
        // Above the cut, the entropy of the most even row stays below the threshold's margin.
        assertThat(UncertaintySampler.Kernels.bound(Math.min(1.0, tabled), c))
            .as("c %d, t %s", c, t)
            .isLessThanOrEqualTo(t - 1e-3 + 1e-12);
      }
    }
    assertThat(UncertaintySampler.Cuts.NONE.cut(0.5)).isInfinite();
    assertThat(new UncertaintySampler.Cuts(1).cut(0.5)).isInfinite();
  }
}
