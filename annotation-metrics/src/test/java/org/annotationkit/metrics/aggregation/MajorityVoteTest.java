package org.annotationkit.metrics.aggregation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.annotationkit.metrics.agreement.RatingTable;
import org.junit.jupiter.api.Test;

/** Majority vote against hand-counted items and a brute-force count over labels. */
class MajorityVoteTest {
  @Test
  void handCountedItems() {
    RatingTable table =
        RatingTable.ofLabels(
            new String[] {"a", "a", "b"},
            new String[] {"b", "a", null},
            new String[] {"c", "c", "c"},
            new String[] {null, null, null});
    MajorityVote vote = MajorityVote.of(table);
    String a = "a";
    assertThat(table.categories().label(vote.label(0))).isEqualTo(a);
    assertThat(vote.confidence(0)).isCloseTo(2.0 / 3.0, within(1e-12));
    assertThat(vote.tied(0)).isFalse();
    assertThat(vote.tied(1)).isTrue();
    assertThat(vote.confidence(1)).isCloseTo(0.5, within(1e-12));
    assertThat(table.categories().label(vote.label(1)))
        .isEqualTo(
            table
                .categories()
                .label(Math.min(table.categories().code("a"), table.categories().code("b"))));
    assertThat(vote.confidence(2)).isEqualTo(1.0);
    assertThat(vote.label(3)).isEqualTo(RatingTable.MISSING);
    assertThat(vote.confidence(3)).isEqualTo(0.0);
  }

  @Test
  void untiedWinnerMatchesBruteForceCount() {
    SplittableRandom random = new SplittableRandom(11);
    for (int trial = 0; trial < 50; trial++) {
      int units = 1 + random.nextInt(20);
      int raters = 1 + random.nextInt(7);
      String[][] rows = new String[units][raters];
      for (String[] row : rows) {
        for (int r = 0; r < raters; r++) {
          row[r] = random.nextInt(4) == 0 ? null : "L" + random.nextInt(3);
        }
      }
      RatingTable table = RatingTable.ofLabels(rows);
      MajorityVote vote = MajorityVote.of(table);
      for (int u = 0; u < units; u++) {
        Map<String, Integer> counts = new HashMap<>();
        int total = 0;
        for (String label : rows[u]) {
          if (label != null) {
            counts.merge(label, 1, Integer::sum);
            total++;
          }
        }
        int max = counts.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        long winners = counts.values().stream().filter(c -> c == max).count();
        assertThat(vote.tied(u)).isEqualTo(winners > 1);
        if (total == 0) {
          assertThat(vote.label(u)).isEqualTo(RatingTable.MISSING);
        } else {
          assertThat(counts.get(table.categories().label(vote.label(u)))).isEqualTo(max);
          assertThat(vote.confidence(u)).isCloseTo((double) max / total, within(1e-12));
        }
      }
    }
  }
}
