package org.annotationkit.metrics.agreement;

/**
 * Krippendorff's alpha over numeric categories without a {@code q x q} matrix, for tables with many
 * distinct values: interval alpha from moments, ordinal alpha as interval alpha over the
 * categories' mid-ranks among the pairable values (Krippendorff's ordinal distance between c and k
 * is exactly {@code (R_k - R_c)^2} with {@code R_c = n_<c + n_c / 2}), and ratio alpha by summing
 * over pairs of distinct values in {@code O(q)} memory.
 */
final class ValueAlpha {
  private ValueAlpha() {}

  /** Above this many categories, alpha avoids the coincidence matrix. */
  static final int MATRIX_LIMIT = 1024;

  static Agreement alpha(RatingTable table, Level level, double[] values) {
    return switch (level) {
      case NOMINAL -> UnitCounts.of(table).alpha(Level.NOMINAL, values);
      case INTERVAL -> interval(table, values);
      case ORDINAL -> interval(table, midRanks(table));
      case RATIO ->
          table.categoryCount() <= MATRIX_LIMIT
              ? UnitCounts.of(table).alpha(Level.RATIO, values)
              : ratio(table, values);
    };
  }

  static Agreement interval(RatingTable table, double[] values) {
    int[] cells = table.cells();
    int r = table.raterCount();
    double[] row = new double[r];
    IntervalAlphaAccumulator accumulator = new IntervalAlphaAccumulator();
    for (int u = 0; u < table.unitCount(); u++) {
      for (int j = 0; j < r; j++) {
        int c = cells[u * r + j];
        row[j] = c == RatingTable.MISSING ? Double.NaN : values[c];
      }
      accumulator.addUnit(row, 0, r);
    }
    return accumulator.finish();
  }

  /** The pairable values' count of each category. */
  static long[] pairableCounts(RatingTable table) {
    int[] cells = table.cells();
    int r = table.raterCount();
    long[] counts = new long[table.categoryCount()];
    for (int u = 0; u < table.unitCount(); u++) {
      int m = 0;
      for (int j = 0; j < r; j++) {
        m += cells[u * r + j] == RatingTable.MISSING ? 0 : 1;
      }
      if (m >= 2) {
        for (int j = 0; j < r; j++) {
          int c = cells[u * r + j];
          if (c != RatingTable.MISSING) {
            counts[c]++;
          }
        }
      }
    }
    return counts;
  }

  private static double[] midRanks(RatingTable table) {
    long[] counts = pairableCounts(table);
    double[] rank = new double[counts.length];
    double below = 0;
    for (int c = 0; c < counts.length; c++) {
      rank[c] = below + counts[c] / 2.0;
      below += counts[c];
    }
    return rank;
  }

  private static double ratioDistance(double a, double b) {
    double sum = a + b;
    double d = sum == 0 ? 0 : (a - b) / sum;
    return d * d;
  }

  static Agreement ratio(RatingTable table, double[] values) {
    String metric = "krippendorff-alpha";
    int[] cells = table.cells();
    int r = table.raterCount();
    long[] counts = pairableCounts(table);
    double n = 0;
    for (long count : counts) {
      n += count;
    }
    int units = 0;
    double observed = 0;
    int[] present = new int[r];
    for (int u = 0; u < table.unitCount(); u++) {
      int m = 0;
      for (int j = 0; j < r; j++) {
        int c = cells[u * r + j];
        if (c != RatingTable.MISSING) {
          present[m++] = c;
        }
      }
      if (m < 2) {
        continue;
      }
      units++;
      double sum = 0;
      for (int i = 0; i < m; i++) {
        for (int k = i + 1; k < m; k++) {
          sum += 2 * ratioDistance(values[present[i]], values[present[k]]);
        }
      }
      observed += sum / (m - 1);
    }
    if (n < 2) {
      return Agreement.undefined(metric, "no unit has two or more ratings", units, r);
    }
    double expected = 0;
    for (int c = 0; c < counts.length; c++) {
      if (counts[c] == 0) {
        continue;
      }
      for (int k = c + 1; k < counts.length; k++) {
        if (counts[k] != 0) {
          expected += 2.0 * counts[c] * counts[k] * ratioDistance(values[c], values[k]);
        }
      }
    }
    observed /= n;
    expected /= n * (n - 1);
    if (!(expected > 0)) {
      return Agreement.undefined(
          metric, "no expected disagreement: every pairable rating is in one category", units, r);
    }
    return Agreement.of(metric, 1 - observed / expected, units, r);
  }
}
