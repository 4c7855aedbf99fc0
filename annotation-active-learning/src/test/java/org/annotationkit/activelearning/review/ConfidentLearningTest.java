package org.annotationkit.activelearning.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.annotationkit.activelearning.ItemIds;
import org.annotationkit.activelearning.Probabilities;
import org.junit.jupiter.api.Test;

/** Confident learning on a pool worked by hand. */
class ConfidentLearningTest {
  @Test
  void thresholdsJointAndIssues() {
    double[][] rows = {{0.9, 0.1}, {0.8, 0.2}, {0.1, 0.9}, {0.2, 0.8}, {0.3, 0.7}, {0.9, 0.1}};
    int[] labels = {0, 0, 0, 1, 1, 1};
    ConfidentLearning cl =
        ConfidentLearning.of(
            Probabilities.ofRows(rows, ItemIds.of(List.of("a", "b", "c", "d", "e", "f"))), labels);
    // t0 = (0.9 + 0.8 + 0.1) / 3, t1 = (0.8 + 0.7 + 0.1) / 3
    assertThat(cl.thresholds()[0]).isCloseTo(0.6, within(1e-12));
    assertThat(cl.thresholds()[1]).isCloseTo(1.6 / 3, within(1e-12));
    assertThat(cl.confidentJoint()).isDeepEqualTo(new long[][] {{2, 1}, {1, 2}});
    assertThat(cl.issues()).extracting(LabelIssue::id).containsExactly("c", "f");
    assertThat(cl.issues().get(0).suggested()).isEqualTo(1);
    assertThat(cl.issues().get(1).suggested()).isEqualTo(0);
    assertThat(cl.issues().get(0).score()).isCloseTo(0.9, within(1e-12));
    assertThat(cl.issues(1)).hasSize(1);
  }

  @Test
  void anItemBelowEveryThresholdIsNotCounted() {
    double[][] rows = {{0.9, 0.1}, {0.5, 0.5}, {0.1, 0.9}};
    ConfidentLearning cl =
        ConfidentLearning.of(Probabilities.ofRows(rows, ItemIds.positions(3)), new int[] {0, 0, 1});
    // t0 = 0.7, t1 = 0.9: item 1 reaches neither.
    assertThat(cl.confidentJoint()).isDeepEqualTo(new long[][] {{1, 0}, {0, 1}});
    assertThat(cl.issues()).isEmpty();
  }
}
