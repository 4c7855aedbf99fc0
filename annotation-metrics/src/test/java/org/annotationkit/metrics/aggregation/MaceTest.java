package org.annotationkit.metrics.aggregation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.annotationkit.metrics.data.Answers;
import org.junit.jupiter.api.Test;

/**
 * MACE against make_reference.py (a dense NumPy computation of the marginals and expected counts,
 * with the same NumPy-seeded starts) and crowd-kit's tests.
 */
class MaceTest {
  @Test
  void crowdKitsToyAndSimpleExamplesGiveTheirGroundTruth() {
    // crowd-kit tests/aggregation/test_mace_aggregation.py: MACE(n_restarts=1, n_iter=5) with
    // method "vb" and "em" labels the toy data as its ground truth (tests/conftest.py), and "vb"
    // the simple data. (Its "em" gets 0.9 on the simple data, where crowd-kit reads expected
    // counts back in another annotator order than it drew its start in; here every item is right.)
    String[] toyTruth = {"yes", "yes", "no", "yes", "no"};
    Answers toy = Fixture.answers("ds-toy-answers.csv");
    Answers simple = Fixture.answers("ck-simple-answers.csv");
    for (Mace.Training training : Mace.Training.values()) {
      Mace mace = Mace.defaults().withRestarts(1).withMaxIterations(5).withTraining(training);
      Aggregation result = mace.aggregate(toy);
      for (int u = 0; u < toyTruth.length; u++) {
        assertThat(result.categories().label(result.label(u)))
            .as(training.name())
            .isEqualTo(toyTruth[u]);
      }
      Aggregation onSimple = mace.aggregate(simple);
      Fixture.gold("ck-simple-truth.csv")
          .forEach((item, label) ->
              assertThat(onSimple.categories().label(onSimple.label(onSimple.items().code(item))))
                  .as(item)
                  .isEqualTo(label));
    }
  }

  @Test
  void theDefaultsMatchTheDenseReference() {
    String[][] cases = {
      {"mace-toy", "ds-toy-answers.csv"},
      {"mace-simple", "ck-simple-answers.csv"},
      {"mace-sim", "ds-sim-answers.csv"}
    };
    for (String[] c : cases) {
      Answers answers = Fixture.answers(c[1]);
      Fixture.check(c[0] + "-vb-expected.csv", Mace.defaults().aggregate(answers), 1e-9);
      Fixture.check(
          c[0] + "-em-expected.csv",
          Mace.defaults().withTraining(Mace.Training.EXPECTATION_MAXIMISATION).aggregate(answers),
          1e-9);
    }
  }

  @Test
  void theFittedCompetencesAndStrategiesMatchAPortOfCrowdKit() {
    // make_mace_parameters_fixture.py: a NumPy port of crowd-kit's MACE (long format, its own
    // formulas, not the dense reference above), on data whose first-appearance order is sorted;
    // crowd-kit seeds all its starts alike, so one start here is its MACE() with the defaults.
    Answers answers = Fixture.answers("mace-params-answers.csv");
    Mace one = Mace.defaults().withRestarts(1);
    Fixture.check("mace-params-vb-expected.csv", one.aggregate(answers), 1e-9);
    Fixture.check(
        "mace-params-em-expected.csv",
        one.withTraining(Mace.Training.EXPECTATION_MAXIMISATION).aggregate(answers),
        1e-9);
    Aggregation result = one.aggregate(answers);
    for (int a = 0; a < result.annotators().size(); a++) {
      double[] weights = result.spamming(a).orElseThrow();
      assertThat(result.competence(a).orElseThrow()).isEqualTo(weights[1]);
      assertThat(result.skill(a).orElseThrow())
          .isCloseTo(weights[1] / (weights[0] + weights[1]), within(1e-15));
    }
    assertThat(DawidSkene.defaults().aggregate(answers).competence(0)).isEmpty();
    assertThat(DawidSkene.defaults().aggregate(answers).strategy(0)).isEmpty();
  }

  @Test
  void aSpammerWhoAlwaysGivesOneLabelIsFound() {
    // Three annotators copy the truth; "spam" always answers "a" whatever the item.
    Answers.Builder builder = Answers.builder();
    String[] truth = {"a", "b", "c", "b", "c", "a", "b", "c", "b", "c", "b", "a"};
    for (int u = 0; u < truth.length; u++) {
      for (String good : new String[] {"g1", "g2", "g3"}) {
        builder.add("i" + u, good, truth[u]);
      }
      builder.add("i" + u, "spam", "a");
    }
    Aggregation result = Mace.defaults().aggregate(builder.build());
    double spammer = result.skill(result.annotators().code("spam")).orElseThrow();
    for (String good : new String[] {"g1", "g2", "g3"}) {
      assertThat(result.skill(result.annotators().code(good)).orElseThrow())
          .isGreaterThan(spammer + 0.3);
    }
    for (int u = 0; u < truth.length; u++) {
      assertThat(result.categories().label(result.label(result.items().code("i" + u))))
          .isEqualTo(truth[u]);
    }
  }

  @Test
  void digammaMatchesKnownValues() {
    // psi(1) = -Euler's gamma; psi(0.5) = -gamma - 2 ln 2; psi(10.5) from scipy.special.digamma.
    double gamma = 0.5772156649015329;
    assertThat(Mace.digamma(1)).isCloseTo(-gamma, within(1e-15));
    assertThat(Mace.digamma(0.5)).isCloseTo(-gamma - 2 * Math.log(2), within(1e-15));
    assertThat(Mace.digamma(10.5)).isCloseTo(2.3030010342976865, within(1e-14));
    assertThat(Mace.digamma(100)).isCloseTo(4.600161852738088, within(1e-14));
  }
}
