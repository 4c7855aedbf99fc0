package org.annotationkit.metrics.aggregation;

import org.annotationkit.metrics.agreement.RatingTable;

/** The passes the vote methods share: weighted vote shares and accuracy against labels. */
final class Votes {
  private Votes() {}

  /** The labels of weighted vote shares: argmax, lowest code on ties. */
  static int[] argmax(AnswerArrays d, double[] shares) {
    int k = d.categoryCount;
    int[] labels = new int[d.itemCount];
    for (int u = 0; u < d.itemCount; u++) {
      if (!d.answered(u)) {
        labels[u] = RatingTable.MISSING;
        continue;
      }
      int best = 0;
      for (int c = 1; c < k; c++) {
        if (shares[u * k + c] > shares[u * k + best]) {
          best = c;
        }
      }
      labels[u] = best;
    }
    return labels;
  }

  /**
   * Each annotator's share of answers that equal the item's label; {@code NaN} for an annotator
   * without answers.
   */
  static double[] accuracy(AnswerArrays d, int[] labels) {
    double[] hits = new double[d.annotatorCount];
    int[] counts = new int[d.annotatorCount];
    for (int i = 0; i < d.size; i++) {
      int a = d.annotator[i];
      counts[a]++;
      if (d.label[i] == labels[d.item[i]]) {
        hits[a]++;
      }
    }
    for (int a = 0; a < hits.length; a++) {
      hits[a] = counts[a] == 0 ? Double.NaN : hits[a] / counts[a];
    }
    return hits;
  }

  /** The number of categories that some answer uses. */
  static int usedCategories(AnswerArrays d) {
    boolean[] used = new boolean[d.categoryCount];
    int count = 0;
    for (int i = 0; i < d.size; i++) {
      if (!used[d.label[i]]) {
        used[d.label[i]] = true;
        count++;
      }
    }
    return count;
  }
}
