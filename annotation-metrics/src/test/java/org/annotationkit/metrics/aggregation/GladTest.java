package org.annotationkit.metrics.aggregation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.annotationkit.metrics.data.Answers;
import org.junit.jupiter.api.Test;

/**
 * GLAD against crowd-kit's tests and against make_reference.py, which maximises GLAD's marginal
 * posterior directly with L-BFGS-B (no EM): the fixed point EM must reach.
 */
class GladTest {
  /** Run to a tight fixed point: the reference is the exact maximum. */
  private static final Glad TIGHT =
      Glad.defaults().withMaxIterations(100_000).withTolerance(1e-14).withMStep(200, 1e-12);

  @Test
  void crowdKitsToyAndSimpleDataGiveTheirGroundTruth() {
    // crowd-kit tests/aggregation/test_glad_aggregation.py: accuracy 1.0 on toy and simple,
    // with (n_iter, tol) = (100, 0) and (100500, 1e-5); ground truth from tests/conftest.py.
    List<Glad> settings =
        List.of(Glad.defaults().withTolerance(0), Glad.defaults().withMaxIterations(100_500));
    String[] toyTruth = {"yes", "yes", "no", "yes", "no"};
    for (Glad glad : settings) {
      Aggregation toy = glad.aggregate(Fixture.answers("ds-toy-answers.csv"));
      for (int u = 0; u < toyTruth.length; u++) {
        assertThat(toy.categories().label(toy.label(toy.items().code("t" + (u + 1)))))
            .isEqualTo(toyTruth[u]);
      }
      Aggregation simple = glad.aggregate(Fixture.answers("ck-simple-answers.csv"));
      Fixture.gold("ck-simple-truth.csv")
          .forEach((item, label) ->
              assertThat(simple.categories().label(simple.label(simple.items().code(item))))
                  .as(item)
                  .isEqualTo(label));
    }
  }

  @Test
  void theFirstEStepMatchesCrowdKitsOnASingleTask() {
    // test_glad_e_step: task 1231239876--5fac0d234ffb2f3b00893eec of the simple data alone,
    // posteriors [0.995664, 0.004336] (goose, parrot) with alpha = beta = 1.
    Answers.Builder builder = Answers.builder();
    for (String[] row : Fixture.rows("ck-simple-answers.csv")) {
      if (row[0].equals("1231239876--5fac0d234ffb2f3b00893eec")) {
        builder.add(row[0], row[1], row[2]);
      }
    }
    Answers task = builder.build();
    double[] p = Glad.defaults().firstPosteriors(AnswerArrays.of(task));
    assertThat(p[task.labels().code("goose")]).isCloseTo(0.995664, within(1e-6));
    assertThat(p[task.labels().code("parrot")]).isCloseTo(0.004336, within(1e-6));
  }

  @Test
  void emReachesTheMaximumOfTheMarginalPosterior() {
    Fixture.check(
        "glad-toy-expected.csv", TIGHT.aggregate(Fixture.answers("ds-toy-answers.csv")), 1e-6);
    Fixture.check(
        "glad-simple-expected.csv",
        TIGHT.aggregate(Fixture.answers("ck-simple-answers.csv")),
        1e-6);
    Fixture.check(
        "glad-sim-expected.csv", TIGHT.aggregate(Fixture.answers("glad-sim-answers.csv")), 1e-6);
  }

  @Test
  void theDefaultsStopNearTheMaximumAndFindTheAdversary() {
    Aggregation result = Glad.defaults().aggregate(Fixture.answers("glad-sim-answers.csv"));
    assertThat(result.converged()).isTrue();
    Fixture.check("glad-sim-expected.csv", result, 1e-2);
    // w00 was simulated with ability -1.
    assertThat(result.skill(result.annotators().code("w00")).orElseThrow()).isNegative();
  }

  @Test
  void oneCategoryGivesItWithCertainty() {
    Answers answers =
        Answers.builder().add("a", "w", "x").add("a", "v", "x").add("b", "w", "x").build();
    Aggregation result = Glad.defaults().aggregate(answers);
    assertThat(result.labels()).containsExactly(0, 0);
    assertThat(result.confidence(0)).isEqualTo(1.0);
    assertThat(result.skill(0).orElseThrow()).isEqualTo(1.0);
  }
}
