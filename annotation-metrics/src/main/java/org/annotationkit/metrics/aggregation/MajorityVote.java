package org.annotationkit.metrics.aggregation;

import java.util.Arrays;
import java.util.Objects;
import org.annotationkit.metrics.agreement.RatingTable;

/**
 * Majority vote: each item gets the category most of its annotators chose.
 *
 * <p>Ties are reported ({@link #tied(int)}) and broken deterministically by the lowest category
 * code of the table's coding, so the result does not depend on the order of the answers. The
 * confidence of an item is the share of its answers that chose the winning category; an item nobody
 * answered has label {@link RatingTable#MISSING} and confidence {@code 0}.
 *
 * @since 0.1.0
 */
public final class MajorityVote {
  private final int[] labels;
  private final double[] confidence;
  private final boolean[] tied;

  private MajorityVote(int[] labels, double[] confidence, boolean[] tied) {
    this.labels = labels;
    this.confidence = confidence;
    this.tied = tied;
  }

  /**
   * Aggregates a table by majority vote.
   *
   * @param table the answers
   * @return one label per unit of the table
   */
  public static MajorityVote of(RatingTable table) {
    Objects.requireNonNull(table, "table");
    int n = table.unitCount();
    int r = table.raterCount();
    int k = table.categoryCount();
    int[] codes = table.codes();
    int[] labels = new int[n];
    double[] confidence = new double[n];
    boolean[] tied = new boolean[n];
    int[] counts = new int[k];
    for (int u = 0; u < n; u++) {
      Arrays.fill(counts, 0);
      int total = 0;
      for (int a = 0; a < r; a++) {
        int c = codes[u * r + a];
        if (c != RatingTable.MISSING) {
          counts[c]++;
          total++;
        }
      }
      int best = RatingTable.MISSING;
      int bestCount = 0;
      boolean tie = false;
      for (int c = 0; c < k; c++) {
        if (counts[c] > bestCount) {
          best = c;
          bestCount = counts[c];
          tie = false;
        } else if (counts[c] == bestCount && bestCount > 0) {
          tie = true;
        }
      }
      labels[u] = best;
      confidence[u] = total == 0 ? 0.0 : (double) bestCount / total;
      tied[u] = tie;
    }
    return new MajorityVote(labels, confidence, tied);
  }

  /**
   * The number of items.
   *
   * @return the count
   */
  public int itemCount() {
    return labels.length;
  }

  /**
   * The winning category code of an item.
   *
   * @param item the unit index of the table
   * @return the code, {@link RatingTable#MISSING} when nobody answered
   */
  public int label(int item) {
    return labels[item];
  }

  /**
   * The share of an item's answers that chose its label.
   *
   * @param item the unit index of the table
   * @return in {@code [0, 1]}
   */
  public double confidence(int item) {
    return confidence[item];
  }

  /**
   * Whether another category had as many votes as the label.
   *
   * @param item the unit index of the table
   * @return whether the vote was tied and broken by the lowest category code
   */
  public boolean tied(int item) {
    return tied[item];
  }
}
