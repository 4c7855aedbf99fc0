package org.annotationkit.metrics.quality;

import java.util.Objects;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;

/**
 * Pearson's chi-square test of independence between an annotator's answers and the reference labels
 * (the consensus) of the items they answered: a spammer's answers do not depend on the item, so the
 * test does not reject independence.
 *
 * <p>The statistic is {@code sum (O - E)^2 / E} over the cells of the contingency table whose row
 * and column are both used, with {@code E = row total * column total / n} and {@code (r - 1)(c -
 * 1)} degrees of freedom, {@code r} and {@code c} the numbers of used rows and columns; the p-value
 * is the chi-square distribution's upper tail (Apache Commons Statistics). Cramér's V, {@code
 * sqrt(chi2 / (n (min(r, c) - 1)))}, says how strong the dependence is, from {@code 0}
 * (independent) to {@code 1} (the answer is a function of the reference).
 *
 * <p>When a single row or a single column is used there is no test ({@code 0} degrees of freedom):
 * the statistic and V are {@code 0} and the p-value is {@code 1}.
 *
 * @param chiSquare the statistic, {@code >= 0}
 * @param degreesOfFreedom {@code (r - 1)(c - 1)}, {@code >= 0}
 * @param pValue the probability of a statistic at least as large under independence, in {@code [0,
 *     1]}
 * @param cramersV the effect size, in {@code [0, 1]}
 * @param answers the number of answers tested
 * @since 0.1.0
 */
public record IndependenceTest(
    double chiSquare, int degreesOfFreedom, double pValue, double cramersV, long answers) {

  /** Checks the parts. */
  public IndependenceTest {
    if (!(chiSquare >= 0)) {
      throw new IllegalArgumentException("chiSquare must be >= 0, got " + chiSquare);
    }
    if (degreesOfFreedom < 0) {
      throw new IllegalArgumentException("degreesOfFreedom must be >= 0, got " + degreesOfFreedom);
    }
    if (!(pValue >= 0 && pValue <= 1)) {
      throw new IllegalArgumentException("pValue must be in [0, 1], got " + pValue);
    }
    if (!(cramersV >= 0 && cramersV <= 1 + 1e-12)) {
      throw new IllegalArgumentException("cramersV must be in [0, 1], got " + cramersV);
    }
    if (answers < 0) {
      throw new IllegalArgumentException("answers must be >= 0, got " + answers);
    }
  }

  /**
   * Tests a contingency table.
   *
   * @param matrix reference labels by given labels
   * @return the test
   */
  public static IndependenceTest of(ConfusionMatrix matrix) {
    Objects.requireNonNull(matrix, "matrix");
    return of(matrix.counts(), matrix.categories().size(), matrix.categories().size());
  }

  /**
   * Tests a contingency table.
   *
   * @param counts row-major {@code rows x columns} counts, {@code >= 0}
   * @param rows the number of rows
   * @param columns the number of columns
   * @return the test
   * @throws IllegalArgumentException if the length does not match or a count is negative
   */
  public static IndependenceTest of(long[] counts, int rows, int columns) {
    Objects.requireNonNull(counts, "counts");
    if (rows < 0 || columns < 0 || counts.length != rows * columns) {
      throw new IllegalArgumentException(
          "counts must have " + rows + " x " + columns + " cells, got " + counts.length + " cells");
    }
    long[] rowTotal = new long[rows];
    long[] columnTotal = new long[columns];
    long n = 0;
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < columns; c++) {
        long v = counts[r * columns + c];
        if (v < 0) {
          throw new IllegalArgumentException(
              "count at row " + r + ", column " + c + " is negative: " + v);
        }
        rowTotal[r] += v;
        columnTotal[c] += v;
        n += v;
      }
    }
    int usedRows = 0;
    for (long t : rowTotal) {
      usedRows += t > 0 ? 1 : 0;
    }
    int usedColumns = 0;
    for (long t : columnTotal) {
      usedColumns += t > 0 ? 1 : 0;
    }
    if (usedRows < 2 || usedColumns < 2) {
      return new IndependenceTest(0, 0, 1, 0, n);
    }
    double chi = 0;
    for (int r = 0; r < rows; r++) {
      if (rowTotal[r] == 0) {
        continue;
      }
      for (int c = 0; c < columns; c++) {
        if (columnTotal[c] == 0) {
          continue;
        }
        double expected = (double) rowTotal[r] * columnTotal[c] / n;
        double d = counts[r * columns + c] - expected;
        chi += d * d / expected;
      }
    }
    int df = (usedRows - 1) * (usedColumns - 1);
    double p = ChiSquaredDistribution.of(df).survivalProbability(chi);
    double v = Math.min(1, Math.sqrt(chi / (n * (Math.min(usedRows, usedColumns) - 1.0))));
    return new IndependenceTest(chi, df, Math.max(0, Math.min(1, p)), v, n);
  }
}
