package org.annotationkit.metrics.agreement;

import java.util.Arrays;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What a {@link RaterPairsAccumulator} finishes: a contingency table for each pair of raters and
 * each rater's category counts; and the coefficients they determine. Immutable.
 *
 * <p>Two-rater coefficients (Cohen's kappa, weighted kappa, Scott's pi) use the units both raters
 * rated. Cohen's and weighted kappa carry the asymptotic standard errors of Fleiss, Cohen and
 * Everitt (1969), as SAS and statsmodels compute them: {@link Agreement#se()} and, under no
 * agreement, {@link Agreement#seH0()}.
 *
 * @since 0.1.0
 */
public final class RaterPairs {
  private final int r;
  private final int q;
  private final long[] tables;
  private final long[] margins;

  RaterPairs(int r, int q, long[] tables, long[] margins) {
    this.r = r;
    this.q = q;
    this.tables = tables;
    this.margins = margins;
  }

  /**
   * The pairs of a whole table.
   *
   * @param table the table
   * @return its pair tables
   */
  public static RaterPairs of(RatingTable table) {
    RaterPairsAccumulator accumulator =
        new RaterPairsAccumulator(table.raterCount(), table.categoryCount());
    accumulator.addTable(table);
    return accumulator.finish();
  }

  /**
   * The number of raters.
   *
   * @return the count
   */
  public int raterCount() {
    return r;
  }

  private int pairIndex(int a, int b) {
    // Pairs (a, b), a < b, in order: (0,1), (0,2), ..., (1,2), ...
    return a * r - a * (a + 1) / 2 + (b - a - 1);
  }

  /**
   * The contingency table of two raters: rows are {@code a}'s categories, columns {@code b}'s.
   *
   * @param a a rater
   * @param b another rater
   * @return a new {@code q x q} table of counts over the units both rated
   */
  public long[][] table(int a, int b) {
    Objects.checkIndex(a, r);
    Objects.checkIndex(b, r);
    if (a == b) {
      throw new IllegalArgumentException("a pair needs two raters, got " + a + " twice");
    }
    int lo = Math.min(a, b);
    int hi = Math.max(a, b);
    int base = pairIndex(lo, hi) * q * q;
    long[][] out = new long[q][q];
    for (int i = 0; i < q; i++) {
      for (int j = 0; j < q; j++) {
        long count = tables[base + i * q + j];
        if (a < b) {
          out[i][j] = count;
        } else {
          out[j][i] = count;
        }
      }
    }
    return out;
  }

  /**
   * Cohen's kappa between two raters (weighted kappa with other weights than the identity), with
   * its asymptotic standard errors.
   *
   * @param a a rater
   * @param b another rater
   * @param weights the weights
   * @return kappa, undefined when they share no unit or chance agreement is 1
   */
  public Agreement cohen(int a, int b, Weights weights) {
    weights.checkSize(q);
    return cohen(table(a, b), weights);
  }

  /**
   * Cohen's kappa of a contingency table, with the Fleiss-Cohen-Everitt standard errors.
   *
   * @param table a {@code q x q} table of counts
   * @param weights the weights
   * @return kappa
   */
  public static Agreement cohen(long[][] table, Weights weights) {
    String metric = weights.isIdentity() ? "cohen-kappa" : "weighted-kappa";
    int q = table.length;
    weights.checkSize(q);
    double n = 0;
    for (long[] row : table) {
      for (long count : row) {
        n += count;
      }
    }
    int units = (int) Math.min(Integer.MAX_VALUE, (long) n);
    if (n == 0) {
      return Agreement.undefined(metric, "the two raters share no unit", 0, 2);
    }
    double[] rows = new double[q];
    double[] cols = new double[q];
    double po = 0;
    for (int i = 0; i < q; i++) {
      for (int j = 0; j < q; j++) {
        double p = table[i][j] / n;
        rows[i] += p;
        cols[j] += p;
        po += weights.weight(i, j) * p;
      }
    }
    double pe = 0;
    for (int i = 0; i < q; i++) {
      for (int j = 0; j < q; j++) {
        pe += weights.weight(i, j) * rows[i] * cols[j];
      }
    }
    Agreement kappa = UnitCounts.chanceCorrected(metric, po, pe, units, 2);
    if (!kappa.isDefined()) {
      return kappa;
    }
    double k = kappa.valueOrThrow();
    // Weighted means of the weights by row and by column (SAS: w-bar_i. and w-bar_.j).
    double[] rowMean = new double[q];
    double[] colMean = new double[q];
    for (int i = 0; i < q; i++) {
      for (int j = 0; j < q; j++) {
        rowMean[i] += cols[j] * weights.weight(i, j);
        colMean[j] += rows[i] * weights.weight(i, j);
      }
    }
    double sum = 0;
    double sum0 = 0;
    for (int i = 0; i < q; i++) {
      for (int j = 0; j < q; j++) {
        double p = table[i][j] / n;
        double term = weights.weight(i, j) - (rowMean[i] + colMean[j]) * (1 - k);
        sum += p * term * term;
        double term0 = weights.weight(i, j) - (rowMean[i] + colMean[j]);
        sum0 += rows[i] * cols[j] * term0 * term0;
      }
    }
    double shift = k - pe * (1 - k);
    double denominator = n * (1 - pe) * (1 - pe);
    double variance = (sum - shift * shift) / denominator;
    double variance0 = (sum0 - pe * pe) / denominator;
    return kappa.withStandardErrors(
        Math.sqrt(Math.max(0, variance)), Math.sqrt(Math.max(0, variance0)));
  }

  /**
   * Scott's pi between two raters: chance agreement from their pooled category shares.
   *
   * @param a a rater
   * @param b another rater
   * @param weights the weights
   * @return pi, undefined when they share no unit or chance agreement is 1
   */
  public Agreement scottPi(int a, int b, Weights weights) {
    weights.checkSize(q);
    long[][] t = table(a, b);
    double n = 0;
    for (long[] row : t) {
      for (long count : row) {
        n += count;
      }
    }
    if (n == 0) {
      return Agreement.undefined("scott-pi", "the two raters share no unit", 0, 2);
    }
    double[] pooled = new double[q];
    double po = 0;
    for (int i = 0; i < q; i++) {
      for (int j = 0; j < q; j++) {
        double p = t[i][j] / n;
        pooled[i] += p / 2;
        pooled[j] += p / 2;
        po += weights.weight(i, j) * p;
      }
    }
    double pe = 0;
    for (int i = 0; i < q; i++) {
      for (int j = 0; j < q; j++) {
        pe += weights.weight(i, j) * pooled[i] * pooled[j];
      }
    }
    return UnitCounts.chanceCorrected("scott-pi", po, pe, (int) n, 2);
  }

  /**
   * Light's kappa: the mean of Cohen's kappa over every pair of raters that share a unit and whose
   * kappa is defined.
   *
   * @param weights the weights
   * @return the mean, undefined when no pair has a defined kappa
   */
  public Agreement light(Weights weights) {
    double sum = 0;
    int count = 0;
    @Nullable String reason = null;
    for (int a = 0; a < r; a++) {
      for (int b = a + 1; b < r; b++) {
        Agreement kappa = cohen(a, b, weights);
        if (kappa.isDefined()) {
          sum += kappa.valueOrThrow();
          count++;
        } else {
          reason = kappa.undefinedReason().orElse(reason);
        }
      }
    }
    if (count == 0) {
      return Agreement.undefined(
          "light-kappa",
          r < 2 ? "needs two or more raters" : "no pair of raters has a defined kappa: " + reason,
          0,
          r);
    }
    return Agreement.of("light-kappa", sum / count, count, r);
  }

  /**
   * Conger's (Hubert's) multi-rater kappa as Gwet generalises it: the observed agreement of {@code
   * counts}, chance agreement {@code sum_kl w_kl (pbar_k pbar_l - s_kl / r)} from each rater's
   * category shares {@code p_gk} (over the raters who rated something).
   *
   * @param counts the unit counts of the same table
   * @param weights the weights
   * @return kappa
   */
  public Agreement conger(UnitCounts counts, Weights weights) {
    weights.checkSize(q);
    String metric = "conger-kappa";
    if (counts.pairableUnitCount() == 0) {
      return Agreement.undefined(metric, "no unit has two or more ratings", 0, r);
    }
    double[][] p = new double[r][];
    int raters = 0;
    for (int g = 0; g < r; g++) {
      double total = 0;
      for (int k = 0; k < q; k++) {
        total += margins[g * q + k];
      }
      if (total > 0) {
        double[] shares = new double[q];
        for (int k = 0; k < q; k++) {
          shares[k] = margins[g * q + k] / total;
        }
        p[raters++] = shares;
      }
    }
    double[] mean = new double[q];
    for (int g = 0; g < raters; g++) {
      for (int k = 0; k < q; k++) {
        mean[k] += p[g][k] / raters;
      }
    }
    double pe = 0;
    for (int k = 0; k < q; k++) {
      for (int l = 0; l < q; l++) {
        double s = 0;
        for (int g = 0; g < raters; g++) {
          s += (p[g][k] - mean[k]) * (p[g][l] - mean[l]);
        }
        s = raters > 1 ? s / (raters - 1) : 0;
        pe += weights.weight(k, l) * (mean[k] * mean[l] - s / raters);
      }
    }
    return UnitCounts.chanceCorrected(
        metric,
        counts.observedAgreement(weights),
        pe,
        (int) Math.min(Integer.MAX_VALUE, counts.pairableUnitCount()),
        raters);
  }

  /**
   * Cohen's kappa of every pair of raters: the annotator-by-annotator matrix.
   *
   * @param weights the weights
   * @return an {@code r x r} matrix; the diagonal is undefined ("the same rater")
   */
  public Agreement[][] matrix(Weights weights) {
    Agreement[][] out = new Agreement[r][r];
    for (int a = 0; a < r; a++) {
      out[a][a] = Agreement.undefined("cohen-kappa", "the same rater", 0, 1);
      for (int b = a + 1; b < r; b++) {
        out[a][b] = cohen(a, b, weights);
        out[b][a] = out[a][b];
      }
    }
    return out;
  }

  @Override
  public boolean equals(@Nullable Object other) {
    return other instanceof RaterPairs that
        && r == that.r
        && q == that.q
        && Arrays.equals(tables, that.tables)
        && Arrays.equals(margins, that.margins);
  }

  @Override
  public int hashCode() {
    return Objects.hash(r, q, Arrays.hashCode(tables), Arrays.hashCode(margins));
  }

  @Override
  public String toString() {
    return "RaterPairs[" + r + " raters, " + q + " categories]";
  }
}
