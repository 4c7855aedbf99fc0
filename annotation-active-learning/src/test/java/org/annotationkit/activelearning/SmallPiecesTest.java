package org.annotationkit.activelearning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.annotationkit.activelearning.coldstart.ColdStart;
import org.annotationkit.activelearning.cost.CostAware;
import org.annotationkit.activelearning.density.InformationDensity;
import org.annotationkit.activelearning.stopping.Stopping;
import org.annotationkit.activelearning.stream.StreamSelector;
import org.annotationkit.activelearning.structured.Reduction;
import org.annotationkit.activelearning.structured.Structured;
import org.annotationkit.activelearning.uncertainty.Uncertainty;
import org.junit.jupiter.api.Test;

/** Cold start, costs, stream mode, structured reductions, density and stopping, by hand. */
class SmallPiecesTest {
  private static final ItemIds FOUR = ItemIds.of(List.of("a", "b", "c", "d"));

  @Test
  void coldStartIsSeededAndStratifiedByShare() {
    ItemIds ids = ItemIds.positions(100);
    assertThat(ColdStart.random(ids, 10, 7)).isEqualTo(ColdStart.random(ids, 10, 7));
    assertThat(ColdStart.random(ids, 10, 7)).isNotEqualTo(ColdStart.random(ids, 10, 8));
    List<String> strata = new java.util.ArrayList<>();
    for (int i = 0; i < 100; i++) {
      strata.add(i < 70 ? "en" : i < 90 ? "fr" : "de");
    }
    List<Pick> picks = ColdStart.stratified(ids, strata, 10, 1);
    assertThat(picks).hasSize(10);
    assertThat(picks.stream().filter(p -> p.position() < 70).count()).isEqualTo(7);
    assertThat(picks.stream().filter(p -> p.position() >= 90).count()).isEqualTo(1);
  }

  @Test
  void costsDivideUtilityAndTheBudgetSkipsWhatDoesNotFit() {
    double[] utility = {0.9, 0.8, 0.3, 0.2};
    double[] cost = {3, 1, 1, 0.5};
    // per cost: 0.3, 0.8, 0.3, 0.4 -> b, d, a, c
    assertThat(CostAware.perCost(FOUR, utility, cost, 4))
        .extracting(Pick::id)
        .containsExactly("b", "d", "a", "c");
    // budget 2.5: b (1), d (1.5), a does not fit (4.5), c fits (2.5)
    assertThat(CostAware.underBudget(FOUR, utility, cost, 2.5))
        .extracting(Pick::id)
        .containsExactly("b", "d", "c");
  }

  @Test
  void streamThresholdsFixedAndAdaptive() {
    StreamSelector fixed = StreamSelector.fixed(0.5);
    assertThat(fixed.offer(0.6)).isTrue();
    assertThat(fixed.offer(0.5)).isFalse();
    StreamSelector adaptive = StreamSelector.adaptive(0.0, 0.1, 0.01);
    java.util.random.RandomGenerator random = org.annotationkit.core.testing.Seeds.random(3);
    for (int i = 0; i < 200_000; i++) {
      adaptive.offer(random.nextDouble());
    }
    assertThat(adaptive.selectionRate()).isCloseTo(0.1, within(0.01));
    assertThat(adaptive.threshold()).isCloseTo(0.9, within(0.05));
  }

  @Test
  void multiLabelAndSequenceReductions() {
    // Two labels per item: least confidence of [p, 1 - p] is min(p, 1 - p).
    double[] ml = {0.9, 0.4, 0.5, 0.5};
    assertThat(Structured.multiLabel(ml, 2, Uncertainty.LEAST_CONFIDENCE, Reduction.MAX))
        .containsExactly(new double[] {0.4, 0.5}, within(1e-12));
    assertThat(Structured.multiLabel(ml, 2, Uncertainty.LEAST_CONFIDENCE, Reduction.MEAN))
        .containsExactly(new double[] {0.25, 0.5}, within(1e-12));
    // Item 0: tokens 0-1; item 1: token 2. Classes O, PER.
    double[] tokens = {0.9, 0.1, 0.3, 0.7, 0.2, 0.8};
    int[] offsets = {0, 2, 3};
    assertThat(Structured.sequence(tokens, 2, offsets, Uncertainty.LEAST_CONFIDENCE, Reduction.SUM))
        .containsExactly(new double[] {0.4, 0.2}, within(1e-12));
    assertThat(Structured.sequence(tokens, 2, offsets, Uncertainty.LEAST_CONFIDENCE, Reduction.MIN))
        .containsExactly(new double[] {0.1, 0.2}, within(1e-12));
    // Entities: item 0 has PER at token 1 (1 - 0.7), item 1 PER at token 2 (1 - 0.8).
    assertThat(Structured.entities(tokens, 2, offsets, 0, Reduction.MAX))
        .containsExactly(new double[] {0.3, 0.2}, within(1e-12));
  }

  @Test
  void densityFavoursTheCrowd() {
    Embeddings pool = Embeddings.ofRows(new double[][] {{0}, {0.1}, {0.2}, {9}}, FOUR);
    double[] w =
        InformationDensity.of(InformationDensity.Similarity.inverseDistance(), 1, 100, 0)
            .weigh(pool, new double[] {1, 1, 1, 1});
    assertThat(w[1]).isGreaterThan(w[0]);
    assertThat(w[3]).isLessThan(w[0]);
    // Exact for item 3: mean of 1/(1+9), 1/(1+8.9), 1/(1+8.8), 1/(1+0).
    assertThat(w[3]).isCloseTo((0.1 + 1 / 9.9 + 1 / 9.8 + 1) / 4, within(1e-6));
  }

  @Test
  void badgeGradientEmbeddingsAreProbabilityMinusOneHotTimesFeatures() {
    Probabilities p =
        Probabilities.ofRows(new double[][] {{0.7, 0.3}, {0.4, 0.6}}, ItemIds.positions(2));
    Embeddings h = Embeddings.ofRows(new double[][] {{1, 2}, {3, -1}}, ItemIds.positions(2));
    Embeddings g = org.annotationkit.activelearning.diversity.Badge.gradientEmbeddings(p, h);
    assertThat(g.dimensions()).isEqualTo(4);
    // item 0 predicts class 0: (0.7 - 1, 0.3) x (1, 2)
    assertThat(g.get(0, 0)).isCloseTo(-0.3f, within(1e-6f));
    assertThat(g.get(0, 1)).isCloseTo(-0.6f, within(1e-6f));
    assertThat(g.get(0, 2)).isCloseTo(0.3f, within(1e-6f));
    assertThat(g.get(0, 3)).isCloseTo(0.6f, within(1e-6f));
    // item 1 predicts class 1: (0.4, 0.6 - 1) x (3, -1)
    assertThat(g.get(1, 0)).isCloseTo(1.2f, within(1e-6f));
    assertThat(g.get(1, 3)).isCloseTo(0.4f, within(1e-6f));
    assertThat(org.annotationkit.activelearning.diversity.Badge.select(p, h, List.of(), 2, 3))
        .hasSize(2);
  }

  @Test
  void stoppingCriteria() {
    // po = 3/4, pe = 0.5 x 0.75 + 0.5 x 0.25 = 0.5: kappa 0.5
    assertThat(Stopping.kappa(new int[] {0, 0, 1, 1}, new int[] {0, 0, 0, 1}, 2))
        .isCloseTo(0.5, within(1e-12));
    assertThat(Stopping.kappa(new int[] {1, 1}, new int[] {1, 1}, 2)).isEqualTo(1.0);
    assertThat(Stopping.stabilised(new double[] {0.5, 0.995, 0.999}, 0.99, 2)).isTrue();
    assertThat(Stopping.stabilised(new double[] {0.995, 0.5, 0.999}, 0.99, 2)).isFalse();
    assertThat(Stopping.belowUncertainty(0.01, 0.05)).isTrue();
    assertThat(Stopping.budgetSpent(100, 100)).isTrue();
  }
}
