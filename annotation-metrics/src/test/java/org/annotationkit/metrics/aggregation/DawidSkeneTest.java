package org.annotationkit.metrics.aggregation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.annotationkit.core.coding.UnknownLabelException;
import org.annotationkit.metrics.data.Answers;
import org.junit.jupiter.api.Test;

/** Dawid-Skene against crowd-kit's toy example and the NumPy reference fixtures. */
class DawidSkeneTest {
  @Test
  void crowdKitToyDatasetGivesItsGroundTruth() {
    // crowd-kit tests/conftest.py, toy_answers_df / toy_ground_truth_df ("toy YSDA dataset"):
    // DawidSkene recovers t1 yes, t2 yes, t3 no, t4 yes, t5 no (test_aggregate_ds_on_toy_ysda).
    Answers answers = Fixture.answers("ds-toy-answers.csv");
    Aggregation result = DawidSkene.defaults().aggregate(answers);
    Map<String, String> truth =
        Map.of("t1", "yes", "t2", "yes", "t3", "no", "t4", "yes", "t5", "no");
    truth.forEach((item, label) ->
        assertThat(result.categories().label(result.label(result.items().code(item))))
            .as(item)
            .isEqualTo(label));
    assertThat(result.converged()).isTrue();
  }

  @Test
  void toyDatasetMatchesTheNumpyReference() {
    Aggregation result = DawidSkene.defaults().aggregate(Fixture.answers("ds-toy-answers.csv"));
    Fixture.check("ds-toy-expected.csv", result, 1e-6);
  }

  @Test
  void simulatedDatasetMatchesTheNumpyReference() {
    Aggregation result = DawidSkene.defaults().aggregate(Fixture.answers("ds-sim-answers.csv"));
    Fixture.check("ds-sim-expected.csv", result, 1e-6);
  }

  @Test
  void goldItemsMatchTheNumpyReferenceAndKeepTheirLabel() {
    Map<String, String> gold = Fixture.gold("ds-sim-gold.csv");
    Aggregation result =
        DawidSkene.defaults().withGold(gold).aggregate(Fixture.answers("ds-sim-answers.csv"));
    Fixture.check("ds-sim-gold-expected.csv", result, 1e-6);
    gold.forEach((item, label) -> {
      int u = result.items().code(item);
      assertThat(result.categories().label(result.label(u))).isEqualTo(label);
      assertThat(result.confidence(u)).isEqualTo(1.0);
    });
  }

  @Test
  void goldOutsideTheCategoriesIsRefused() {
    Answers answers = Fixture.answers("ds-toy-answers.csv");
    DawidSkene ds = DawidSkene.defaults().withGold(Map.of("t1", "maybe"));
    assertThatThrownBy(() -> ds.aggregate(answers))
        .isInstanceOf(UnknownLabelException.class)
        .hasMessageContaining("maybe");
  }

  @Test
  void iterationCapIsReportedAsNotConverged() {
    Aggregation result =
        DawidSkene.defaults()
            .withMaxIterations(2)
            .withTolerance(-1)
            .aggregate(Fixture.answers("ds-sim-answers.csv"));
    assertThat(result.iterations()).isEqualTo(2);
    assertThat(result.converged()).isFalse();
  }

  @Test
  void smoothingKeepsUnusedAnswersPossible() {
    Aggregation result =
        DawidSkene.defaults().withSmoothing(1).aggregate(Fixture.answers("ds-toy-answers.csv"));
    for (int a = 0; a < result.annotators().size(); a++) {
      for (double[] row : result.confusion(a).orElseThrow()) {
        double sum = 0;
        for (double p : row) {
          assertThat(p).isPositive();
          sum += p;
        }
        assertThat(sum).isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-12));
      }
    }
  }

  @Test
  void badOptionsAreRefused() {
    assertThatThrownBy(() -> DawidSkene.defaults().withMaxIterations(0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> DawidSkene.defaults().withTolerance(Double.NaN))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> DawidSkene.defaults().withSmoothing(-1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void oneCoinMatchesTheNumpyReference() {
    Fixture.check(
        "onecoin-sim-expected.csv",
        OneCoinDawidSkene.defaults().aggregate(Fixture.answers("ds-sim-answers.csv")),
        1e-6);
    Fixture.check(
        "onecoin-toy-expected.csv",
        OneCoinDawidSkene.defaults().aggregate(Fixture.answers("ds-toy-answers.csv")),
        1e-6);
  }
}
