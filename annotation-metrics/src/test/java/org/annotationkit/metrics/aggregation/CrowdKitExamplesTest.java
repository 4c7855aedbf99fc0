package org.annotationkit.metrics.aggregation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.annotationkit.metrics.data.Answers;
import org.junit.jupiter.api.Test;

/**
 * crowd-kit's documented expectations on its toy dataset ("toy YSDA", tests/conftest.py
 * toy_answers_df), from its tests/aggregation/data_mv.py, data_wawa.py and data_zbs.py
 * (probabilities there are given to six decimals).
 */
class CrowdKitExamplesTest {
  private static final String[] ITEMS = {"t1", "t2", "t3", "t4", "t5"};
  private static final String[] WORKERS = {"w1", "w2", "w3", "w4", "w5"};

  private static void check(
      Aggregation result, String[] labels, double[] skills, double[] yes, double tolerance) {
    for (int i = 0; i < ITEMS.length; i++) {
      int u = result.items().code(ITEMS[i]);
      assertThat(result.categories().label(result.label(u))).as(ITEMS[i]).isEqualTo(labels[i]);
      assertThat(result.posterior(u).orElseThrow()[result.categories().code("yes")])
          .as(ITEMS[i])
          .isCloseTo(yes[i], within(tolerance));
    }
    for (int w = 0; w < WORKERS.length; w++) {
      assertThat(result.skill(result.annotators().code(WORKERS[w])).orElseThrow())
          .as(WORKERS[w])
          .isCloseTo(skills[w], within(tolerance));
    }
  }

  private static Answers toy() {
    return Fixture.answers("ds-toy-answers.csv");
  }

  @Test
  void majorityVote() {
    // data_mv.py: toy_labels_result_mv, toy_skills_result_mv, toy_probas_result_mv; t1 is a
    // tie of 0.5/0.5 that crowd-kit gives to "no", as the lowest code does here.
    Aggregation result = WeightedMajorityVote.unweighted().aggregate(toy());
    check(
        result,
        new String[] {"no", "yes", "no", "yes", "no"},
        new double[] {0.6, 0.8, 1.0, 0.4, 0.8},
        new double[] {0.5, 0.6, 0.4, 1.0, 0.2},
        1e-12);
    assertThat(result.tied(result.items().code("t1"))).isTrue();
    assertThat(result.tied(result.items().code("t2"))).isFalse();
  }

  @Test
  void wawa() {
    // data_wawa.py: toy_labels_result_wawa, toy_skills_result_wawa, toy_probas_result_wawa.
    check(
        Wawa.defaults().aggregate(toy()),
        new String[] {"no", "yes", "no", "yes", "no"},
        new double[] {0.6, 0.8, 1.0, 0.4, 0.8},
        new double[] {0.461538, 0.666667, 0.277778, 1.0, 0.166667},
        1e-6);
  }

  @Test
  void zeroBasedSkill() {
    // data_zbs.py: toy_labels_result_zbs, toy_skills_result_zbs, toy_probas_result_zbs.
    check(
        ZeroBasedSkill.defaults().aggregate(toy()),
        new String[] {"no", "yes", "no", "yes", "no"},
        new double[] {0.6, 0.8, 1.0, 0.4, 0.8},
        new double[] {0.461538, 0.666667, 0.277778, 1.0, 0.166667},
        1e-6);
  }

  @Test
  void weightedMajorityVoteWithGivenSkills() {
    // Hand-computed: with w1 weighing 3 and the others 1, t1 (w1 no; w2, w4 yes; w5 no) scores
    // no 4, yes 2.
    Map<String, Double> skills = Map.of("w1", 3.0, "w2", 1.0, "w3", 1.0, "w4", 1.0, "w5", 1.0);
    Aggregation result = WeightedMajorityVote.withSkills(skills).aggregate(toy());
    int t1 = result.items().code("t1");
    assertThat(result.categories().label(result.label(t1))).isEqualTo("no");
    assertThat(result.confidence(t1)).isCloseTo(4.0 / 6.0, within(1e-12));
    assertThat(result.method()).isEqualTo("weighted-majority");
  }
}
