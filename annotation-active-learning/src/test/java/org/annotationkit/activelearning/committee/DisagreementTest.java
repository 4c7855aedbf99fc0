package org.annotationkit.activelearning.committee;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.annotationkit.activelearning.ItemIds;
import org.annotationkit.activelearning.Pick;
import org.annotationkit.activelearning.Probabilities;
import org.junit.jupiter.api.Test;

/** Committee scores on members computed by hand (values from Python's math.log). */
class DisagreementTest {
  private static final double[][] SPLIT = {{0.8, 0.2}, {0.2, 0.8}};
  private static final double[][] THREE = {{0.6, 0.3, 0.1}, {0.2, 0.5, 0.3}, {0.1, 0.2, 0.7}};

  @Test
  void twoMembersThatDisagree() {
    assertThat(Disagreement.VOTE_ENTROPY.score(SPLIT)).isCloseTo(Math.log(2), within(1e-15));
    assertThat(Disagreement.CONSENSUS_ENTROPY.score(SPLIT)).isCloseTo(Math.log(2), within(1e-15));
    // 0.8 ln(0.8/0.5) + 0.2 ln(0.2/0.5)
    assertThat(Disagreement.KL_TO_CONSENSUS.score(SPLIT))
        .isCloseTo(0.19274475702175753, within(1e-15));
    assertThat(Disagreement.BALD.score(SPLIT)).isCloseTo(0.19274475702175742, within(1e-15));
  }

  @Test
  void threeMembersOfThreeClasses() {
    assertThat(Disagreement.VOTE_ENTROPY.score(THREE)).isCloseTo(Math.log(3), within(1e-15));
    assertThat(Disagreement.CONSENSUS_ENTROPY.score(THREE))
        .isCloseTo(1.0952733774372052, within(1e-14));
    assertThat(Disagreement.KL_TO_CONSENSUS.score(THREE))
        .isCloseTo(0.18546761361564157, within(1e-14));
    assertThat(Disagreement.BALD.score(THREE)).isCloseTo(0.18546761361564157, within(1e-14));
  }

  @Test
  void membersThatAgreeGiveZeroButConsensusEntropy() {
    double[][] same = {{0.7, 0.3}, {0.7, 0.3}};
    assertThat(Disagreement.VOTE_ENTROPY.score(same)).isEqualTo(0.0);
    assertThat(Disagreement.KL_TO_CONSENSUS.score(same)).isCloseTo(0.0, within(1e-15));
    assertThat(Disagreement.BALD.score(same)).isCloseTo(0.0, within(1e-15));
    assertThat(Disagreement.CONSENSUS_ENTROPY.score(same)).isGreaterThan(0.6);
  }

  @Test
  void samplerRanksByDisagreementWithTiesToTheEarlierItem() {
    ItemIds ids = ItemIds.of(List.of("agree", "split", "split-too"));
    Probabilities a =
        Probabilities.ofRows(new double[][] {{0.9, 0.1}, {0.8, 0.2}, {0.8, 0.2}}, ids);
    Probabilities b =
        Probabilities.ofRows(new double[][] {{0.9, 0.1}, {0.2, 0.8}, {0.2, 0.8}}, ids);
    for (Disagreement d : Disagreement.values()) {
      List<Pick> picks = CommitteeSampler.of(d).select(List.of(a, b), 2, 1);
      assertThat(picks).as("%s", d).extracting(Pick::id).containsExactly("split", "split-too");
    }
  }
}
