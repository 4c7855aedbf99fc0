package org.annotationkit.metrics.agreement;

import java.util.ArrayList;
import java.util.List;
import org.annotationkit.core.coding.LabelCoding;

/** Tables of the published worked examples, and helpers to build tables in tests. */
final class Examples {
  private Examples() {}

  /** A two-rater table from a contingency table of counts: rows rater 1, columns rater 2. */
  static RatingTable twoRaters(long[][] counts, String... labels) {
    List<Integer> codes = new ArrayList<>();
    for (int i = 0; i < counts.length; i++) {
      for (int j = 0; j < counts.length; j++) {
        for (long k = 0; k < counts[i][j]; k++) {
          codes.add(i);
          codes.add(j);
        }
      }
    }
    return RatingTable.of(
        2, codes.stream().mapToInt(Integer::intValue).toArray(), LabelCoding.of(labels));
  }

  /** Repeats rows of labels. */
  static void repeat(List<String[]> rows, int times, String... row) {
    for (int i = 0; i < times; i++) {
      rows.add(row);
    }
  }

  /**
   * Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", p. 4: 4 observers x 12
   * units, values 1..5, missing ones as null. Rows are units.
   */
  static RatingTable krippendorff2011() {
    String[][] byObserver = {
      {"1", "2", "3", "3", "2", "1", "4", "1", "2", null, null, null},
      {"1", "2", "3", "3", "2", "2", "4", "1", "2", "5", null, "3"},
      {null, "3", "3", "3", "2", "3", "4", "2", "2", "5", "1", null},
      {"1", "2", "3", "3", "2", "4", "4", "1", "2", "5", "1", null},
    };
    String[][] rows = new String[12][4];
    for (int u = 0; u < 12; u++) {
      for (int r = 0; r < 4; r++) {
        rows[u][r] = byObserver[r][u];
      }
    }
    return RatingTable.ofLabels(rows);
  }

  /** Fleiss (1971, p. 379): 30 subjects, 6 raters each, 5 diagnoses (1..5). */
  static RatingTable fleiss1971() {
    int[][] rows = {
      {4, 4, 4, 4, 4, 4}, {2, 2, 2, 5, 5, 5}, {2, 3, 3, 3, 3, 5}, {5, 5, 5, 5, 5, 5},
      {2, 2, 2, 4, 4, 4}, {1, 1, 3, 3, 3, 3}, {3, 3, 3, 3, 5, 5}, {1, 1, 3, 3, 3, 4},
      {1, 1, 4, 4, 4, 4}, {5, 5, 5, 5, 5, 5}, {1, 4, 4, 4, 4, 4}, {1, 2, 4, 4, 4, 4},
      {2, 2, 2, 3, 3, 3}, {1, 4, 4, 4, 4, 4}, {2, 2, 4, 4, 4, 5}, {3, 3, 3, 3, 3, 5},
      {1, 1, 1, 4, 5, 5}, {1, 1, 1, 1, 1, 2}, {2, 2, 4, 4, 4, 4}, {1, 3, 3, 5, 5, 5},
      {5, 5, 5, 5, 5, 5}, {2, 4, 4, 4, 4, 4}, {2, 2, 4, 5, 5, 5}, {1, 1, 4, 4, 4, 4},
      {1, 4, 4, 4, 4, 5}, {2, 2, 2, 2, 2, 4}, {1, 1, 1, 1, 5, 5}, {2, 2, 4, 4, 4, 4},
      {1, 3, 3, 3, 3, 3}, {5, 5, 5, 5, 5, 5},
    };
    int[] codes = new int[rows.length * 6];
    for (int u = 0; u < rows.length; u++) {
      for (int r = 0; r < 6; r++) {
        codes[u * 6 + r] = rows[u][r] - 1;
      }
    }
    return RatingTable.of(6, codes, LabelCoding.of("1", "2", "3", "4", "5"));
  }

  /**
   * Warrens (2010, p. 284), from O'Malley et al. (2006, p. 176): 29 cases, 8 pathologists, N or A.
   */
  static RatingTable warrens2010() {
    List<String[]> rows = new ArrayList<>();
    repeat(rows, 14, "N", "N", "N", "N", "N", "N", "N", "N");
    repeat(rows, 1, "N", "N", "N", "A", "N", "N", "N", "N");
    repeat(rows, 1, "N", "N", "N", "N", "N", "N", "N", "A");
    repeat(rows, 10, "A", "A", "A", "A", "A", "A", "A", "A");
    repeat(rows, 2, "A", "A", "N", "A", "A", "A", "A", "N");
    repeat(rows, 1, "A", "A", "N", "A", "N", "A", "A", "N");
    repeat(rows, 1, "A", "A", "N", "A", "N", "A", "N", "N");
    return RatingTable.ofLabels(rows.toArray(String[][]::new));
  }

  /** Shrout and Fleiss (1979, Table 2): 6 targets, 4 judges. */
  static final double[] SHROUT_FLEISS = {
    9, 2, 5, 8,
    6, 1, 3, 2,
    8, 4, 6, 8,
    7, 1, 2, 6,
    10, 5, 6, 9,
    6, 2, 4, 7,
  };
}
