package org.annotationkit.metrics.agreement;

/**
 * The level of measurement of Krippendorff's alpha: which distance between two values it uses
 * (Krippendorff 2011, "Computing Krippendorff's Alpha-Reliability").
 *
 * @since 0.1.0
 */
public enum Level {
  /** 0 for equal categories, 1 otherwise. */
  NOMINAL("nominal"),
  /**
   * Krippendorff's frequency-based ordinal distance: {@code (n_c + ... + n_k - (n_c + n_k) / 2)^2}
   * over the ordered categories, with the pairable values' marginal counts {@code n_g}.
   */
  ORDINAL("ordinal"),
  /** {@code (v_c - v_k)^2} over the categories' values (their positions when not numbers). */
  INTERVAL("interval"),
  /** {@code ((v_c - v_k) / (v_c + v_k))^2} over the categories' values. */
  RATIO("ratio");

  private final String cliName;

  Level(String cliName) {
    this.cliName = cliName;
  }

  /**
   * The name on the command line and in results.
   *
   * @return {@code nominal}, {@code ordinal}, {@code interval} or {@code ratio}
   */
  public String cliName() {
    return cliName;
  }

  /**
   * The level of a name.
   *
   * @param name {@code nominal}, {@code ordinal}, {@code interval} or {@code ratio}
   * @return the level
   * @throws IllegalArgumentException naming the levels for another name
   */
  public static Level of(String name) {
    for (Level level : values()) {
      if (level.cliName.equals(name)) {
        return level;
      }
    }
    throw new IllegalArgumentException(
        "unknown level '" + name + "', expected nominal, ordinal, interval or ratio");
  }

  /**
   * The distance matrix of this level.
   *
   * @param marginals the pairable values' count of each category (used by the ordinal level)
   * @param values the value of each category (used by interval and ratio)
   * @return the distances, row-major, {@code q * q}
   */
  double[] distances(double[] marginals, double[] values) {
    int q = marginals.length;
    double[] d = new double[q * q];
    switch (this) {
      case NOMINAL -> {
        for (int c = 0; c < q; c++) {
          for (int k = 0; k < q; k++) {
            d[c * q + k] = c == k ? 0 : 1;
          }
        }
      }
      case ORDINAL -> {
        double[] prefix = new double[q + 1];
        for (int g = 0; g < q; g++) {
          prefix[g + 1] = prefix[g] + marginals[g];
        }
        for (int c = 0; c < q; c++) {
          for (int k = 0; k < q; k++) {
            int lo = Math.min(c, k);
            int hi = Math.max(c, k);
            double sum = prefix[hi + 1] - prefix[lo] - (marginals[c] + marginals[k]) / 2;
            d[c * q + k] = sum * sum;
          }
        }
      }
      case INTERVAL -> {
        for (int c = 0; c < q; c++) {
          for (int k = 0; k < q; k++) {
            double diff = values[c] - values[k];
            d[c * q + k] = diff * diff;
          }
        }
      }
      case RATIO -> {
        for (int c = 0; c < q; c++) {
          for (int k = 0; k < q; k++) {
            double sum = values[c] + values[k];
            double ratio = sum == 0 ? 0 : (values[c] - values[k]) / sum;
            d[c * q + k] = ratio * ratio;
          }
        }
      }
    }
    return d;
  }
}
