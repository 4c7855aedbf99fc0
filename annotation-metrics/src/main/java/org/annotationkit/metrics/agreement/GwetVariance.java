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

  /**
   * The number of units with at least one rating: irrCAC's {@code n} for the degrees of freedom.
   */
  static int ratedUnits(RatingTable table) {
    int r = table.raterCount();
    int[] cells = table.cells();
    int n = 0;
    for (int u = 0; u < table.unitCount(); u++) {
      for (int j = 0; j < r; j++) {
        if (cells[u * r + j] != RatingTable.MISSING) {
          n++;
          break;
        }
      }
    }
    return n;
  }

  /**
   * The standard error of Conger's kappa, Gwet's (2014) linearisation as irrCAC's {@code
   * conger.kappa.raw}: each unit's agreement corrected by its own share of the chance agreement,
   * which for Conger depends on the raters' separate marginals. Raters who rated nothing are left
   * out, as in the point estimate; so are units nobody rated.
   *
   * @param table the table
   * @param weights the weights
   * @param kappa Conger's kappa
   * @return the standard error, NaN with fewer than two rated units or fewer than two raters
   */
  static double congerStandardError(RatingTable table, Weights weights, double kappa) {
    int q = table.categoryCount();
    int columns = table.raterCount();
    int[] cells = table.cells();
    double[] w = weights.matrix();
    // Per rater: units rated and category counts.
    long[] rated = new long[columns];
    long[] margins = new long[columns * q];
    int n = 0;
    int n2 = 0;
    for (int u = 0; u < table.unitCount(); u++) {
      int m = 0;
      for (int j = 0; j < columns; j++) {
        int c = cells[u * columns + j];
        if (c != RatingTable.MISSING) {
          rated[j]++;
          margins[j * q + c]++;
          m++;
        }
      }
      n += m >= 1 ? 1 : 0;
      n2 += m >= 2 ? 1 : 0;
    }
    int[] raters = new int[columns];
    int r = 0;
    for (int j = 0; j < columns; j++) {
      if (rated[j] > 0) {
        raters[r++] = j;
      }
    }
    if (n < 2 || n2 == 0 || r < 2) {
      return Double.NaN;
    }
    // p[g][k]: rater g's share of category k; mean[k] over the raters.
    double[] p = new double[r * q];
    double[] mean = new double[q];
    for (int g = 0; g < r; g++) {
      int j = raters[g];
      for (int k = 0; k < q; k++) {
        p[g * q + k] = (double) margins[j * q + k] / rated[j];
        mean[k] += p[g * q + k] / r;
      }
    }
    double pe = 0;
    for (int k = 0; k < q; k++) {
      for (int l = 0; l < q; l++) {
        double s = 0;
        for (int g = 0; g < r; g++) {
          s += (p[g * q + k] - mean[k]) * (p[g * q + l] - mean[l]);
        }
        pe += w[k * q + l] * (mean[k] * mean[l] - s / (r - 1) / r);
      }
    }
    if (!(pe < 1)) {
      return Double.NaN;
    }
    // lambda_ig = (n / n_g) sum_k (r pbar_k - p_gk) sum_l w_kl (delta_igl - (e_ig - n_g / n) p_gl)
    // splits into b[g] = sum_k (r pbar_k - p_gk) sum_l w_kl p_gl and
    // a[g][c] = sum_k (r pbar_k - p_gk) w_kc: a rating c gives (n / n_g) a[g][c] - (n / n_g - 1)
    // b[g], a missing one gives b[g].
    double[] a = new double[r * q];
    double[] b = new double[r];
    for (int g = 0; g < r; g++) {
      for (int k = 0; k < q; k++) {
        double factor = r * mean[k] - p[g * q + k];
        if (factor == 0) {
          continue;
        }
        double weighted = 0;
        for (int l = 0; l < q; l++) {
          weighted += w[k * q + l] * p[g * q + l];
          a[g * q + l] += factor * w[k * q + l];
        }
        b[g] += factor * weighted;
      }
    }
    int[] count = new int[q];
    double scale = (double) n / n2;
    double sum = 0;
    for (int u = 0; u < table.unitCount(); u++) {
      java.util.Arrays.fill(count, 0);
      int m = 0;
      double lambda = 0;
      for (int g = 0; g < r; g++) {
        int c = cells[u * columns + raters[g]];
        if (c == RatingTable.MISSING) {
          lambda += b[g];
        } else {
          double share = (double) n / rated[raters[g]];
          lambda += share * a[g * q + c] - (share - 1) * b[g];
          count[c]++;
          m++;
        }
      }
      if (m == 0) {
        continue;
      }
      double peUnit = lambda / ((double) r * (r - 1));
      double pa = m >= 2 ? unitAgreement(count, w, q, m) : 0;
      double contribution =
          scale * (pa - (m >= 2 ? pe : 0)) / (1 - pe) - 2 * (1 - kappa) * (peUnit - pe) / (1 - pe);
      double d = contribution - kappa;
      sum += d * d;
    }
    return Math.sqrt(sum / ((double) n * (n - 1)));
  }

  /**
   * The standard error of Krippendorff's alpha, Gwet's (2014) linearisation as irrCAC's {@code
   * krippen.alpha.raw}, over the units with two or more ratings, with agreement weights {@code w_kl
   * = 1 - d_kl / max d} (alpha does not change when the distances are scaled). irrCAC linearises
   * around the coefficient without its {@code 1 / n..} term, {@code alpha' = (pa' - pe) / (1 -
   * pe)}, and so does this.
   *
   * @param table the table
   * @param distances the distances between categories, {@code q x q} row-major
   * @return the standard error, NaN with fewer than two pairable units or no expected disagreement
   */
  static double alphaStandardError(RatingTable table, double[] distances) {
    int q = table.categoryCount();
    int r = table.raterCount();
    int[] cells = table.cells();
    double max = 0;
    for (double d : distances) {
      max = Math.max(max, d);
    }
    if (!(max > 0)) {
      return Double.NaN;
    }
    double[] w = new double[q * q];
    for (int i = 0; i < w.length; i++) {
      w[i] = 1 - distances[i] / max;
    }
    // First pass: the pairable units' sizes and the category totals.
    int n = 0;
    long values = 0;
    double[] pi = new double[q];
    for (int u = 0; u < table.unitCount(); u++) {
      int m = 0;
      for (int j = 0; j < r; j++) {
        m += cells[u * r + j] != RatingTable.MISSING ? 1 : 0;
      }
      if (m < 2) {
        continue;
      }
      n++;
      values += m;
      for (int j = 0; j < r; j++) {
        int c = cells[u * r + j];
        if (c != RatingTable.MISSING) {
          pi[c]++;
        }
      }
    }
    if (n < 2) {
      return Double.NaN;
    }
    double mean = (double) values / n;
    for (int k = 0; k < q; k++) {
      pi[k] /= values;
    }
    double pe = 0;
    double[] chance = new double[q];
    for (int k = 0; k < q; k++) {
      for (int l = 0; l < q; l++) {
        pe += w[k * q + l] * pi[k] * pi[l];
        chance[k] += (w[k * q + l] + w[l * q + k]) / 2 * pi[l];
      }
    }
    if (!(pe < 1)) {
      return Double.NaN;
    }
    // Second pass: each unit's agreement, then its linearised contribution.
    int[] count = new int[q];
    double[] pa = new double[n];
    double[] peUnit = new double[n];
    int[] size = new int[n];
    double paMean = 0;
    int i = 0;
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
      if (m < 2) {
        continue;
      }
      pa[i] = unitAgreement(count, w, q, m) * m / mean;
      double s = 0;
      for (int k = 0; k < q; k++) {
        s += count[k] * chance[k];
      }
      peUnit[i] = s / mean - pe * (m - mean) / mean;
      size[i] = m;
      paMean += pa[i] / n;
      i++;
    }
    double alphaPrime = (paMean - pe) / (1 - pe);
    double sum = 0;
    for (i = 0; i < n; i++) {
      double paI = pa[i] - paMean * (size[i] - mean) / mean;
      double x = (paI - pe) / (1 - pe) - 2 * (1 - alphaPrime) * (peUnit[i] - pe) / (1 - pe);
      double d = x - alphaPrime;
      sum += d * d;
    }
    return Math.sqrt(sum / ((double) n * (n - 1)));
  }

  /** {@code sum_k n_k (sum_l w_kl n_l - 1) / (m (m - 1))}: a unit's weighted pair agreement. */
  private static double unitAgreement(int[] count, double[] w, int q, int m) {
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
    return agree / ((double) m * (m - 1));
  }
}
