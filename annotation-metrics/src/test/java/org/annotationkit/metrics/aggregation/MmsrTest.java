package org.annotationkit.metrics.aggregation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.annotationkit.metrics.data.Answers;
import org.junit.jupiter.api.Test;

/** M-MSR against crowd-kit's published results (tests/aggregation/data_mmsr.py). */
class MmsrTest {
  /** crowd-kit's scores: the label's skill sum over the item's total, from our skills. */
  private static double score(Aggregation result, Answers answers, int item, String label) {
    double total = 0;
    double forLabel = 0;
    for (int i = answers.start(item); i < answers.end(item); i++) {
      double w = result.skill(answers.annotator(i)).orElseThrow();
      total += w;
      if (answers.labels().label(answers.label(i)).equals(label)) {
        forLabel += w;
      }
    }
    return forLabel / total;
  }

  @Test
  void toyDataGiveCrowdKitsLabelsSkillsAndScores() {
    // data_mmsr.py: toy_labels_result_mmsr, toy_skills_result_mmsr, toy_scores_result_mmsr
    // (MMSR() with its defaults: seed 0, 10,000 iterations, tolerance 1e-10).
    Answers answers = Fixture.answers("ds-toy-answers.csv");
    Aggregation result = Mmsr.defaults().aggregate(answers);
    String[] labels = {"yes", "no", "no", "yes", "no"};
    double[] skills = {
      -0.9486439852160969,
      0.9764628672747041,
      1.2428113335479982,
      0.948643985216097,
      0.9764628672747041
    };
    double[] no = {0.014244720916141606, 0.6023983861841676, 1.0, 0.0, 1.2968466945188564};
    for (int u = 0; u < 5; u++) {
      assertThat(result.categories().label(result.label(u))).isEqualTo(labels[u]);
      assertThat(score(result, answers, u, "no")).isCloseTo(no[u], within(1e-9));
    }
    for (int a = 0; a < 5; a++) {
      assertThat(result.skill(a).orElseThrow()).isCloseTo(skills[a], within(1e-9));
    }
  }

  @Test
  void simpleDataGiveCrowdKitsSkillsAndItsGroundTruth() {
    // data_mmsr.py: simple_skills_result_mmsr; simple_labels_result_mmsr is the ground truth.
    Answers answers = Fixture.answers("ck-simple-answers.csv");
    Aggregation result = Mmsr.defaults().aggregate(answers);
    Map<String, Double> skills =
        Map.of(
            "0c3eb7d5fcc414db137c4180a654c06e", -0.6268515139467665,
            "0f65edea0a6dc7b9acba1dea313bbb3d", 2.0131458750666567,
            "a452e450f913cfa987cad58d50393718", 2.0131458750666567,
            "b17c3301ad2ccbb798716fdd405d16e8", 2.0131458750666567,
            "bde3b214b06c1efa6cb1bc6284dc72d2", 2.0131458750666567,
            "e563e2fb32fce9f00123a65a1bc78c55", 1.8527467194291514);
    skills.forEach((annotator, skill) ->
        assertThat(result.skill(result.annotators().code(annotator)).orElseThrow())
            .as(annotator)
            .isCloseTo(skill, within(1e-9)));
    Fixture.gold("ck-simple-truth.csv")
        .forEach((item, label) ->
            assertThat(result.categories().label(result.label(result.items().code(item))))
                .as(item)
                .isEqualTo(label));
    // chicken's score on ...893ee4 is 1.1843984510373275 in simple_scores_result_mmsr.
    int item = result.items().code("1231239876--5fac0d234ffb2f3b00893ee4");
    assertThat(score(result, answers, item, "chicken")).isCloseTo(1.1843984510373275, within(1e-9));
  }

  @Test
  void trimmingFollowsPythonSlicing() {
    double[] values = {5, 1, 4, 2, 3};
    // f = 1 around a = 3: drop the smallest and the largest, mean of 2, 3, 4.
    assertThat(Mmsr.trimmedMean(values, 5, 1, 3, 9)).isEqualTo(3.0);
    // f = -1: y[-1:] keeps the largest only.
    assertThat(Mmsr.trimmedMean(values, 5, -1, 3, 9)).isEqualTo(5.0);
    // f = 2, one value below a = 1.5: keep those >= a (2, 3, 4, 5), then drop the 2 largest.
    assertThat(Mmsr.trimmedMean(values, 5, 2, 1.5, 9)).isEqualTo(2.5);
    // a lone zero counts as 1 / sqrt(tasks)
    assertThat(Mmsr.trimmedMean(new double[] {0}, 1, 0, 0, 16)).isEqualTo(0.25);
  }

  @Test
  void jacobiFindsTheSmallestEigenvector() {
    // [[2, 1], [1, 2]]: eigenvalues 1 (vector (1, -1)/sqrt 2) and 3.
    double[] v = Jacobi.smallest(new double[] {2, 1, 1, 2}, 2);
    assertThat(Math.abs(v[0])).isCloseTo(Math.sqrt(0.5), within(1e-12));
    assertThat(v[0]).isCloseTo(-v[1], within(1e-12));
  }
}
