package org.annotationkit.metrics.agreement;

/**
 * Gwet's (2014) linearised variance of the chance-corrected coefficients over units with missing
 * ratings, as irrCAC computes it (no finite-population correction): {@code var = sum_i (c*_i - c)^2
 * / (n (n - 1))} over the rated units, with each unit's contribution {@code c*_i} corrected for the
 * estimated chance agreement.
 */
final class GwetVariance {
  private GwetVariance() {}

  /** Which chance agreement. */
  enum Family {
    PERCENT,
    FLEISS,
    GWET,
    BRENNAN_PREDIGER
  }

  /**
   * The standard error.
   *
   * @param table the table
   * @param weights the weights
   * @param family the coefficient
   * @param coefficient its value
   * @param pe its chance agreement (0 for percent agreement)
   * @param pi the classification probabilities of the table
   * @return the standard error, NaN with fewer than two rated units
   */
  static double standardError(
      RatingTable table,
      Weights weights,
      Family family,
      double coefficient,
      double pe,
      double[] pi) {
    int q = table.categoryCount();
    int r = table.raterCount();
    int[] cells = table.cells();
    double[] w = weights.matrix();
    int n = 0;
    int n2 = 0;
    for (int u = 0; u < table.unitCount(); u++) {
      int m = 0;
      for (int j = 0; j < r; j++) {
        if (cells[u * r + j] != RatingTable.MISSING) {
          m++;
        }
      }
      if (m >= 1) {
        n++;
      }
      if (m >= 2) {
        n2++;
      }
    }
    if (n < 2 || n2 == 0) {
      return Double.NaN;
    }
    // Chance terms per category: pi weighted by the symmetrised weights (Fleiss), 1 - pi (Gwet).
    double[] chance = new double[q];
    for (int k = 0; k < q; k++) {
      switch (family) {
        case FLEISS -> {
          double s = 0;
          for (int l = 0; l < q; l++) {
            s += (w[k * q + l] + w[l * q + k]) / 2 * pi[l];
          }
          chance[k] = s;
        }
        case GWET -> chance[k] = weights.sum() / ((double) q * (q - 1)) * (1 - pi[k]);
        default -> chance[k] = 0;
      }
    }
    int[] count = new int[q];
    double sum = 0;
    double scale = (double) n / n2;
    for (int u = 0; u < table.unitCount(); u++) {
      java.util.Arrays.fill(count, 0);
      int m = 0;
      for (int j = 0; j < r; j++) {
        int c = cells[u * r + j];
        if (c != RatingTable.MISSING) {
          count[c]++;
          m++;
        }
      }
      if (m == 0) {
        continue;
      }
      double pa = 0;
      if (m >= 2) {
        double agree = 0;
        for (int k = 0; k < q; k++) {
          if (count[k] == 0) {
            continue;
          }
          double weighted = 0;
          for (int l = 0; l < q; l++) {
            weighted += w[k * q + l] * count[l];
          }
          agree += count[k] * (weighted - 1);
        }
        pa = agree / ((double) m * (m - 1));
      }
      double contribution;
      if (family == Family.PERCENT) {
        contribution = scale * pa;
      } else {
        double peUnit = m >= 2 ? pe : 0;
        contribution = scale * (pa - peUnit) / (1 - pe);
        if (family != Family.BRENNAN_PREDIGER) {
          double peI = 0;
          for (int k = 0; k < q; k++) {
            peI += count[k] * chance[k];
          }
          peI /= m;
          contribution -= 2 * (1 - coefficient) * (peI - pe) / (1 - pe);
        }
      }
      double d = contribution - coefficient;
      sum += d * d;
    }
    return Math.sqrt(sum / ((double) n * (n - 1)));
  }
}
