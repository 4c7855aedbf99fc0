package org.annotationkit.metrics.agreement;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.annotationkit.core.coding.LabelCoding;
import org.jspecify.annotations.Nullable;

/**
 * What a {@link UnitCountsAccumulator} finishes: per number of ratings in a unit, the unit count,
 * the category counts and the pair counts; and the coefficients they determine. Immutable.
 *
 * <p>The chance-corrected coefficients follow Gwet's generalisation to missing ratings (as irrCAC
 * computes them): the observed agreement averages, over the units with at least two ratings, the
 * share of agreeing ordered pairs of ratings ({@code sum_kl w_kl n_uk (n_ul - [k = l]) / (m_u (m_u
 * - 1))}); the classification probabilities {@code pi_k} average {@code n_uk / m_u} over every unit
 * with at least one rating. Krippendorff's alpha uses pairable values only: {@code 1 - D_o / D_e}
 * from the coincidence matrix, with no correction beyond Krippendorff's {@code n - 1}.
 *
 * @since 0.1.0
 */
public final class UnitCounts {
  private final int q;
  private final long[] units;
  private final long[][] marginals;
  private final long[][] pairs;

  UnitCounts(int q, long[] units, long[][] marginals, long[][] pairs) {
    this.q = q;
    this.units = units;
    this.marginals = marginals;
    this.pairs = pairs;
  }

  /**
   * The counts of a whole table.
   *
   * @param table the table
   * @return its counts
   */
  public static UnitCounts of(RatingTable table) {
    UnitCountsAccumulator accumulator =
        new UnitCountsAccumulator(table.categoryCount(), table.raterCount());
    accumulator.addTable(table);
    return accumulator.finish();
  }

  /**
   * The number of categories.
   *
   * @return the count
   */
  public int categoryCount() {
    return q;
  }

  /**
   * The number of units with at least one rating.
   *
   * @return the count
   */
  public long unitCount() {
    long n = 0;
    for (int m = 1; m < units.length; m++) {
      n += units[m];
    }
    return n;
  }

  /**
   * The number of units with at least two ratings (the pairable units).
   *
   * @return the count
   */
  public long pairableUnitCount() {
    long n = 0;
    for (int m = 2; m < units.length; m++) {
      n += units[m];
    }
    return n;
  }

  /**
   * The number of pairable values: the ratings of units with at least two.
   *
   * @return the count
   */
  public long pairableValueCount() {
    long n = 0;
    for (int m = 2; m < units.length; m++) {
      n += m * units[m];
    }
    return n;
  }

  /**
   * The largest number of ratings a unit has.
   *
   * @return the count, 0 when there are no units
   */
  public int maxRatingsPerUnit() {
    return units.length - 1;
  }

  /**
   * Krippendorff's coincidence matrix: {@code o[c][k] = sum_u n_uc * (n_uk - [c = k]) / (m_u - 1)}
   * over the pairable units.
   *
   * @return a new {@code q x q} matrix
   */
  public double[][] coincidences() {
    double[] o = coincidenceMatrix();
    double[][] out = new double[q][];
    for (int c = 0; c < q; c++) {
      out[c] = Arrays.copyOfRange(o, c * q, c * q + q);
    }
    return out;
  }

  private double[] coincidenceMatrix() {
    double[] o = new double[q * q];
    for (int m = 2; m < pairs.length; m++) {
      long[] p = pairs[m];
      double scale = 1.0 / (m - 1);
      for (int i = 0; i < o.length; i++) {
        o[i] += p[i] * scale;
      }
    }
    return o;
  }

  /**
   * Krippendorff's alpha at a level of measurement; interval and ratio use the categories' values.
   *
   * @param level the level
   * @param values the value of each category (ignored by nominal and ordinal)
   * @return alpha, or undefined when no unit has two ratings or there is no expected disagreement
   */
  public Agreement alpha(Level level, double[] values) {
    Objects.requireNonNull(level, "level");
    if (values.length != q) {
      throw new IllegalArgumentException("need " + q + " category values, got " + values.length);
    }
    double[] o = coincidenceMatrix();
    double[] marginal = new double[q];
    for (int c = 0; c < q; c++) {
      for (int k = 0; k < q; k++) {
        marginal[c] += o[c * q + k];
      }
    }
    return alpha("krippendorff-alpha", o, marginal, level.distances(marginal, values));
  }

  /**
   * Krippendorff's alpha with the categories' positions as values.
   *
   * @param level the level
   * @return alpha
   */
  public Agreement alpha(Level level) {
    double[] positions = new double[q];
    for (int c = 0; c < q; c++) {
      positions[c] = c;
    }
    return alpha(level, positions);
  }

  /**
   * Krippendorff's alpha with a caller's distance between categories.
   *
   * @param distance a {@code q x q} matrix, symmetric, 0 on the diagonal, non-negative
   * @return alpha
   */
  public Agreement alpha(double[][] distance) {
    double[] d = square(distance, "distance");
    for (int c = 0; c < q; c++) {
      if (d[c * q + c] != 0) {
        throw new IllegalArgumentException("the distance of a category to itself must be 0");
      }
    }
    double[] o = coincidenceMatrix();
    double[] marginal = new double[q];
    for (int c = 0; c < q; c++) {
      for (int k = 0; k < q; k++) {
        marginal[c] += o[c * q + k];
      }
    }
    return alpha("krippendorff-alpha", o, marginal, d);
  }

  private double[] square(double[][] matrix, String what) {
    if (matrix.length != q) {
      throw new IllegalArgumentException(
          "the " + what + " matrix must be " + q + " x " + q + ", got " + matrix.length + " rows");
    }
    double[] d = new double[q * q];
    for (int c = 0; c < q; c++) {
      if (matrix[c].length != q) {
        throw new IllegalArgumentException(
            "the "
                + what
                + " matrix must be "
                + q
                + " x "
                + q
                + ", row "
                + (c + 1)
                + " has "
                + matrix[c].length);
      }
      for (int k = 0; k < q; k++) {
        if (!(matrix[c][k] >= 0) || Double.isInfinite(matrix[c][k])) {
          throw new IllegalArgumentException(
              what + " [" + (c + 1) + "][" + (k + 1) + "] must be finite and >= 0");
        }
        d[c * q + k] = matrix[c][k];
      }
    }
    return d;
  }

  private Agreement alpha(String metric, double[] o, double[] marginal, double[] d) {
    int n = (int) Math.min(Integer.MAX_VALUE, pairableUnitCount());
    double total = pairableValueCount();
    int raters = maxRatingsPerUnit();
    if (total < 2) {
      return Agreement.undefined(metric, "no unit has two or more ratings", n, raters);
    }
    double observed = 0;
    double expected = 0;
    for (int c = 0; c < q; c++) {
      for (int k = 0; k < q; k++) {
        double dist = d[c * q + k];
        if (dist != 0) {
          observed += o[c * q + k] * dist;
          expected += marginal[c] * marginal[k] * dist;
        }
      }
    }
    observed /= total;
    expected /= total * (total - 1);
    if (!(expected > 0)) {
      return Agreement.undefined(
          metric, "no expected disagreement: every pairable rating is in one category", n, raters);
    }
    return Agreement.of(metric, 1 - observed / expected, n, raters);
  }

  /**
   * Krippendorff's category-specific alpha: nominal alpha of "category c or not".
   *
   * @param categories names for the result map
   * @return alpha of each category, in category order
   */
  public Map<String, Agreement> alphaPerCategory(LabelCoding categories) {
    double[] o = coincidenceMatrix();
    Map<String, Agreement> out = new LinkedHashMap<>();
    for (int c = 0; c < q; c++) {
      double same = o[c * q + c];
      double row = 0;
      double all = 0;
      for (int k = 0; k < q; k++) {
        row += o[c * q + k];
        for (int l = 0; l < q; l++) {
          all += o[k * q + l];
        }
      }
      double other = all - 2 * row + same;
      double cross = row - same;
      double[] binary = {same, cross, cross, other};
      double[] marginal = {row, all - row};
      double[] nominal = {0, 1, 1, 0};
      out.put(categories.label(c), alpha("krippendorff-alpha", binary, marginal, nominal));
    }
    return out;
  }

  /**
   * The observed agreement of Gwet's generalisation with the given weights.
   *
   * @param weights the weights
   * @return the agreement, NaN without pairable units
   */
  double observedAgreement(Weights weights) {
    weights.checkSize(q);
    double[] w = weights.matrix();
    double sum = 0;
    for (int m = 2; m < pairs.length; m++) {
      long[] p = pairs[m];
      double unit = 0;
      for (int i = 0; i < p.length; i++) {
        if (p[i] != 0) {
          unit += w[i] * p[i];
        }
      }
      sum += unit / ((double) m * (m - 1));
    }
    return sum / pairableUnitCount();
  }

  /**
   * The classification probabilities {@code pi_k}: the mean over the rated units of the share of
   * the unit's ratings in category k.
   *
   * @return {@code q} probabilities summing to 1
   */
  public double[] classificationProbabilities() {
    double[] pi = new double[q];
    for (int m = 1; m < marginals.length; m++) {
      for (int c = 0; c < q; c++) {
        pi[c] += marginals[m][c] / (double) m;
      }
    }
    double n = unitCount();
    for (int c = 0; c < q; c++) {
      pi[c] /= n;
    }
    return pi;
  }

  /**
   * Percent agreement (Gwet's generalisation with weights).
   *
   * @param weights the weights
   * @return the agreement, undefined without a unit of two ratings
   */
  public Agreement percentAgreement(Weights weights) {
    String metric = "percent-agreement";
    Agreement none = noPairs(metric);
    if (none != null) {
      return none;
    }
    return Agreement.of(metric, observedAgreement(weights), units(), maxRatingsPerUnit());
  }

  /**
   * Fleiss' kappa (multi-rater pi), with weights, units having any number of ratings.
   *
   * @param weights the weights
   * @return kappa, undefined without a unit of two ratings or when chance agreement is 1
   */
  public Agreement fleissKappa(Weights weights) {
    String metric = "fleiss-kappa";
    Agreement none = noPairs(metric);
    if (none != null) {
      return none;
    }
    return chanceCorrected(metric, observedAgreement(weights), fleissChance(weights));
  }

  double fleissChance(Weights weights) {
    double[] pi = classificationProbabilities();
    double[] w = weights.matrix();
    double pe = 0;
    for (int k = 0; k < q; k++) {
      for (int l = 0; l < q; l++) {
        pe += w[k * q + l] * pi[k] * pi[l];
      }
    }
    return pe;
  }

  /**
   * Gwet's AC1 (identity weights) or AC2 (other weights).
   *
   * @param weights the weights
   * @return the coefficient, undefined without a unit of two ratings or with a single category
   */
  public Agreement gwet(Weights weights) {
    String metric = weights.isIdentity() ? "gwet-ac1" : "gwet-ac2";
    Agreement none = noPairs(metric);
    if (none != null) {
      return none;
    }
    if (q < 2) {
      return Agreement.undefined(
          metric,
          "only one category: Gwet's chance agreement needs two or more",
          units(),
          maxRatingsPerUnit());
    }
    return chanceCorrected(metric, observedAgreement(weights), gwetChance(weights));
  }

  double gwetChance(Weights weights) {
    double[] pi = classificationProbabilities();
    double spread = 0;
    for (int k = 0; k < q; k++) {
      spread += pi[k] * (1 - pi[k]);
    }
    return weights.sum() * spread / ((double) q * (q - 1));
  }

  /**
   * Brennan-Prediger's coefficient (Bennett's S, Randolph's free-marginal kappa) over the {@code q}
   * categories of the coding: chance agreement {@code T_w / q^2}.
   *
   * @param weights the weights
   * @return the coefficient, undefined without a unit of two ratings or with one category
   */
  public Agreement brennanPrediger(Weights weights) {
    String metric = "brennan-prediger";
    Agreement none = noPairs(metric);
    if (none != null) {
      return none;
    }
    return chanceCorrected(metric, observedAgreement(weights), weights.sum() / ((double) q * q));
  }

  /**
   * Fleiss' (1971) kappa of each category: {@code 1 - sum_u (n_uj / m_u - n_uj (n_uj - 1) / (m_u
   * (m_u - 1))) / (n p_j (1 - p_j))} over the pairable units.
   *
   * @param categories names for the result map
   * @return kappa of each category, in category order
   */
  public Map<String, Agreement> fleissPerCategory(LabelCoding categories) {
    double[] pi = classificationProbabilities();
    double n2 = pairableUnitCount();
    Map<String, Agreement> out = new LinkedHashMap<>();
    for (int j = 0; j < q; j++) {
      double a = 0;
      double b = 0;
      for (int m = 2; m < pairs.length; m++) {
        a += marginals[m][j] / (double) m;
        b += pairs[m][j * q + j] / ((double) m * (m - 1));
      }
      double spread = pi[j] * (1 - pi[j]);
      out.put(
          categories.label(j),
          Agreement.ofOrUndefined(
              "fleiss-kappa",
              n2 > 0 && spread > 0 ? 1 - (a - b) / (n2 * spread) : Double.NaN,
              n2 == 0 ? "no unit has two or more ratings" : "the category is used always or never",
              units(),
              maxRatingsPerUnit()));
    }
    return out;
  }

  private int units() {
    return (int) Math.min(Integer.MAX_VALUE, pairableUnitCount());
  }

  private @Nullable Agreement noPairs(String metric) {
    return pairableUnitCount() == 0
        ? Agreement.undefined(metric, "no unit has two or more ratings", 0, maxRatingsPerUnit())
        : null;
  }

  private Agreement chanceCorrected(String metric, double pa, double pe) {
    return chanceCorrected(metric, pa, pe, units(), maxRatingsPerUnit());
  }

  static Agreement chanceCorrected(String metric, double pa, double pe, int units, int raters) {
    if (!(pe < 1 - 1e-12)) {
      return Agreement.undefined(
          metric, "chance agreement is 1: every rating is in one category", units, raters);
    }
    return Agreement.of(metric, (pa - pe) / (1 - pe), units, raters);
  }

  @Override
  public boolean equals(@Nullable Object other) {
    return other instanceof UnitCounts that
        && q == that.q
        && Arrays.equals(units, that.units)
        && Arrays.deepEquals(marginals, that.marginals)
        && Arrays.deepEquals(pairs, that.pairs);
  }

  @Override
  public int hashCode() {
    return Objects.hash(q, Arrays.hashCode(units), Arrays.deepHashCode(marginals));
  }

  @Override
  public String toString() {
    return "UnitCounts["
        + q
        + " categories, "
        + unitCount()
        + " units, "
        + pairableUnitCount()
        + " pairable, "
        + pairableValueCount()
        + " pairable values]";
  }
}
