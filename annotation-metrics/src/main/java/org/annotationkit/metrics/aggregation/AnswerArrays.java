package org.annotationkit.metrics.aggregation;

import java.util.Arrays;
import java.util.Objects;
import org.annotationkit.core.coding.LabelCoding;
import org.annotationkit.metrics.agreement.RatingTable;
import org.annotationkit.metrics.data.Answers;
import org.jspecify.annotations.Nullable;

/**
 * The answers as the aggregation passes read them: parallel arrays grouped by item (compressed
 * sparse rows), in the canonical order of the source table, so every pass sums in the same order
 * whatever the order of the input rows.
 */
final class AnswerArrays {
  final LabelCoding items;
  final LabelCoding annotators;
  final LabelCoding categories;
  final int itemCount;
  final int annotatorCount;
  final int categoryCount;
  final int size;
  final int[] item;
  final int[] annotator;
  final int[] label;
  final int[] itemStart;

  private AnswerArrays(
      LabelCoding items,
      LabelCoding annotators,
      LabelCoding categories,
      int[] item,
      int[] annotator,
      int[] label,
      int[] itemStart) {
    this.items = items;
    this.annotators = annotators;
    this.categories = categories;
    this.itemCount = items.size();
    this.annotatorCount = annotators.size();
    this.categoryCount = categories.size();
    this.size = label.length;
    this.item = item;
    this.annotator = annotator;
    this.label = label;
    this.itemStart = itemStart;
  }

  static AnswerArrays of(Answers answers) {
    Objects.requireNonNull(answers, "answers");
    return new AnswerArrays(
        answers.items(),
        answers.annotators(),
        answers.labels(),
        answers.itemCodes(),
        answers.annotatorCodes(),
        answers.labelCodes(),
        answers.itemStarts());
  }

  static AnswerArrays of(RatingTable table) {
    Objects.requireNonNull(table, "table");
    int[] codes = table.codes();
    int n = table.unitCount();
    int r = table.raterCount();
    int count = 0;
    for (int code : codes) {
      if (code != RatingTable.MISSING) {
        count++;
      }
    }
    int[] item = new int[count];
    int[] annotator = new int[count];
    int[] label = new int[count];
    int[] start = new int[n + 1];
    int k = 0;
    for (int u = 0; u < n; u++) {
      start[u] = k;
      for (int a = 0; a < r; a++) {
        int code = codes[u * r + a];
        if (code != RatingTable.MISSING) {
          item[k] = u;
          annotator[k] = a;
          label[k] = code;
          k++;
        }
      }
    }
    start[n] = k;
    return new AnswerArrays(
        table.units(), table.raters(), table.categories(), item, annotator, label, start);
  }

  /** The number of answers of each annotator. */
  int[] answersPerAnnotator() {
    int[] counts = new int[annotatorCount];
    for (int i = 0; i < size; i++) {
      counts[annotator[i]]++;
    }
    return counts;
  }

  /**
   * Each item's share of votes per category, weighted; rows of items without answers (or whose
   * weights sum to zero) stay zero.
   *
   * @param weights one weight per annotator, or {@code null} for one each
   */
  double[] voteShares(double @Nullable [] weights) {
    int k = categoryCount;
    double[] shares = new double[itemCount * k];
    for (int u = 0; u < itemCount; u++) {
      int row = u * k;
      double total = 0;
      for (int i = itemStart[u]; i < itemStart[u + 1]; i++) {
        double w = weights == null ? 1.0 : weights[annotator[i]];
        shares[row + label[i]] += w;
        total += w;
      }
      if (total > 0) {
        for (int c = 0; c < k; c++) {
          shares[row + c] /= total;
        }
      }
    }
    return shares;
  }

  /**
   * The answers by annotator: {@code order[annotatorStart[a]] .. order[annotatorStart[a + 1] - 1]}
   * are the indices of annotator {@code a}'s answers, in item order.
   *
   * @return {@code {order, annotatorStart}}
   */
  int[][] byAnnotator() {
    int[] start = new int[annotatorCount + 1];
    for (int i = 0; i < size; i++) {
      start[annotator[i] + 1]++;
    }
    for (int a = 0; a < annotatorCount; a++) {
      start[a + 1] += start[a];
    }
    int[] next = Arrays.copyOf(start, annotatorCount);
    int[] order = new int[size];
    for (int i = 0; i < size; i++) {
      order[next[annotator[i]]++] = i;
    }
    return new int[][] {order, start};
  }

  boolean answered(int u) {
    return itemStart[u + 1] > itemStart[u];
  }
}
