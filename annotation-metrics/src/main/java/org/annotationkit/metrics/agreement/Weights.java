package org.annotationkit.metrics.agreement;

import java.util.Arrays;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Agreement weights between categories for weighted kappa and Gwet's AC2: {@code w[k][l]} in {@code
 * [0, 1]}, 1 on the diagonal; {@code 1 - w} is the disagreement of a pair.
 *
 * <p>Linear and quadratic weights measure the distance between two categories either by their
 * {@linkplain Scale#POSITION position} in the ordered category list (scikit-learn, statsmodels, R
 * irr and psych do) or by their numeric {@linkplain Scale#VALUE value} (irrCAC, NLTK); the two
 * differ when categories are unused or unevenly spaced, so the caller names one. Position is the
 * default.
 *
 * <p>Immutable.
 *
 * @since 0.1.0
 */
public final class Weights {

  /** How the distance between two categories is measured. */
  public enum Scale {
    /** By the categories' positions {@code 0..q-1} in the category order. */
    POSITION,
    /** By the categories' numeric values. */
    VALUE
  }

  private final String name;
  private final int size;
  private final double[] w;

  private Weights(String name, int size, double[] w) {
    this.name = name;
    this.size = size;
    this.w = w;
  }

  /**
   * Unweighted: 1 for the same category, 0 otherwise.
   *
   * @param categories the number of categories
   * @return the weights
   */
  public static Weights identity(int categories) {
    double[] w = new double[categories * categories];
    for (int k = 0; k < categories; k++) {
      w[k * categories + k] = 1;
    }
    return new Weights("identity", categories, w);
  }

  /**
   * Linear weights {@code 1 - |x_k - x_l| / (max - min)} over the positions {@code 0..q-1}.
   *
   * @param categories the number of categories
   * @return the weights
   */
  public static Weights linear(int categories) {
    return power("linear", positions(categories), 1);
  }

  /**
   * Quadratic weights {@code 1 - (x_k - x_l)^2 / (max - min)^2} over the positions.
   *
   * @param categories the number of categories
   * @return the weights
   */
  public static Weights quadratic(int categories) {
    return power("quadratic", positions(categories), 2);
  }

  /**
   * Linear weights over the categories' numeric values.
   *
   * @param values the value of each category
   * @return the weights
   */
  public static Weights linear(double[] values) {
    return power("linear", values.clone(), 1);
  }

  /**
   * Quadratic weights over the categories' numeric values.
   *
   * @param values the value of each category
   * @return the weights
   */
  public static Weights quadratic(double[] values) {
    return power("quadratic", values.clone(), 2);
  }

  /**
   * A caller's weights.
   *
   * @param weights a square matrix, {@code weights[k][l]} in {@code [0, 1]}, 1 on the diagonal
   * @return the weights (copied)
   * @throws IllegalArgumentException if the matrix is not square, a weight is outside [0, 1] or a
   *     diagonal weight is not 1
   */
  public static Weights of(double[][] weights) {
    Objects.requireNonNull(weights, "weights");
    int q = weights.length;
    double[] w = new double[q * q];
    for (int k = 0; k < q; k++) {
      if (weights[k].length != q) {
        throw new IllegalArgumentException(
            "weights must be a square matrix; row "
                + (k + 1)
                + " has "
                + weights[k].length
                + " entries, expected "
                + q);
      }
      for (int l = 0; l < q; l++) {
        double value = weights[k][l];
        if (!(value >= 0 && value <= 1)) {
          throw new IllegalArgumentException(
              "weight [" + (k + 1) + "][" + (l + 1) + "] must be in [0, 1], got " + value);
        }
        if (k == l && value != 1) {
          throw new IllegalArgumentException(
              "diagonal weight [" + (k + 1) + "][" + (k + 1) + "] must be 1, got " + value);
        }
        w[k * q + l] = value;
      }
    }
    return new Weights("custom", q, w);
  }

  private static double[] positions(int categories) {
    double[] x = new double[categories];
    for (int k = 0; k < categories; k++) {
      x[k] = k;
    }
    return x;
  }

  private static Weights power(String name, double[] x, int power) {
    int q = x.length;
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (double value : x) {
      if (!Double.isFinite(value)) {
        throw new IllegalArgumentException("category values must be finite, got " + value);
      }
      min = Math.min(min, value);
      max = Math.max(max, value);
    }
    double range = max - min;
    double[] w = new double[q * q];
    for (int k = 0; k < q; k++) {
      for (int l = 0; l < q; l++) {
        double d = range == 0 ? 0 : Math.abs(x[k] - x[l]) / range;
        w[k * q + l] = k == l ? 1 : 1 - (power == 1 ? d : d * d);
      }
    }
    return new Weights(name, q, w);
  }

  /**
   * The name: {@code identity}, {@code linear}, {@code quadratic} or {@code custom}.
   *
   * @return the name
   */
  public String name() {
    return name;
  }

  /**
   * The number of categories.
   *
   * @return the size
   */
  public int size() {
    return size;
  }

  /**
   * One weight.
   *
   * @param k a category
   * @param l a category
   * @return the weight of the pair
   */
  public double weight(int k, int l) {
    return w[Objects.checkIndex(k, size) * size + Objects.checkIndex(l, size)];
  }

  /** The weights, row-major, without a copy. */
  double[] matrix() {
    return w;
  }

  /** The sum of all weights, {@code T_w} in Gwet's formulas. */
  double sum() {
    double sum = 0;
    for (double value : w) {
      sum += value;
    }
    return sum;
  }

  /** Whether these are the identity weights. */
  boolean isIdentity() {
    for (int k = 0; k < size; k++) {
      for (int l = 0; l < size; l++) {
        if (w[k * size + l] != (k == l ? 1 : 0)) {
          return false;
        }
      }
    }
    return true;
  }

  void checkSize(int categories) {
    if (size != categories) {
      throw new IllegalArgumentException(
          "the weights are for " + size + " categories, the table has " + categories);
    }
  }

  @Override
  public boolean equals(@Nullable Object other) {
    return other instanceof Weights that && size == that.size && Arrays.equals(w, that.w);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(w);
  }

  @Override
  public String toString() {
    return "Weights[" + name + ", " + size + " categories]";
  }
}
