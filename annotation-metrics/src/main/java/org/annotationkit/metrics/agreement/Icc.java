package org.annotationkit.metrics.agreement;

import java.util.Objects;

/**
 * Intraclass correlation (Shrout and Fleiss 1979) over the units that every rater rated, with the
 * F-based confidence intervals of McGraw and Wong (1996).
 *
 * @since 0.1.0
 */
public final class Icc {
  private Icc() {}

  /**
   * The ICC of a numeric table.
   *
   * @param values row-major {@code units x raters} ratings, NaN for a missing one; units with a
   *     missing rating are left out
   * @param raters the number of raters
   * @param form the form
   * @param level the confidence level of the interval, or NaN for none
   * @return the coefficient with its interval, undefined with fewer than two complete units or two
   *     raters, or without variance
   */
  public static Agreement of(double[] values, int raters, IccForm form, double level) {
    Objects.requireNonNull(values, "values");
    Objects.requireNonNull(form, "form");
    String metric = "icc";
    int k = raters;
    int all = values.length / Math.max(1, k);
    double[] x = new double[values.length];
    int n = 0;
    for (int u = 0; u < all; u++) {
      boolean complete = true;
      for (int j = 0; j < k; j++) {
        complete &= !Double.isNaN(values[u * k + j]);
      }
      if (complete) {
        System.arraycopy(values, u * k, x, n * k, k);
        n++;
      }
    }
    if (k < 2) {
      return Agreement.undefined(metric, "needs two or more raters", n, k);
    }
    if (n < 2) {
      return Agreement.undefined(
          metric, "needs two or more units that every rater rated, found " + n, n, k);
    }
    double grand = 0;
    double[] rowMean = new double[n];
    double[] colMean = new double[k];
    for (int u = 0; u < n; u++) {
      for (int j = 0; j < k; j++) {
        double v = x[u * k + j];
        grand += v;
        rowMean[u] += v / k;
        colMean[j] += v / n;
      }
    }
    grand /= (double) n * k;
    double ssRows = 0;
    double ssCols = 0;
    double ssTotal = 0;
    for (int u = 0; u < n; u++) {
      ssRows += k * sq(rowMean[u] - grand);
      for (int j = 0; j < k; j++) {
        ssTotal += sq(x[u * k + j] - grand);
      }
    }
    for (int j = 0; j < k; j++) {
      ssCols += n * sq(colMean[j] - grand);
    }
    double ssError = Math.max(0, ssTotal - ssRows - ssCols);
    double ssWithin = Math.max(0, ssTotal - ssRows);
    double msr = ssRows / (n - 1);
    double msc = ssCols / (k - 1);
    double mse = ssError / ((double) (n - 1) * (k - 1));
    double msw = ssWithin / ((double) n * (k - 1));
    double icc =
        switch (form) {
          case ICC_1_1 -> (msr - msw) / (msr + (k - 1) * msw);
          case ICC_2_1 -> (msr - mse) / (msr + (k - 1) * mse + k * (msc - mse) / n);
          case ICC_3_1 -> (msr - mse) / (msr + (k - 1) * mse);
          case ICC_1_K -> (msr - msw) / msr;
          case ICC_2_K -> (msr - mse) / (msr + (msc - mse) / n);
          case ICC_3_K -> (msr - mse) / msr;
        };
    if (!Double.isFinite(icc)) {
      return Agreement.undefined(metric, "the ratings have no variance", n, k);
    }
    Agreement result = Agreement.of(metric, icc, n, k);
    if (Double.isNaN(level)) {
      return result;
    }
    Interval.checkLevel(level);
    double low;
    double high;
    switch (form) {
      case ICC_1_1, ICC_1_K -> {
        double f = msr / msw;
        double df1 = n - 1;
        double df2 = (double) n * (k - 1);
        double fl = f / Quantiles.f(level, df1, df2);
        double fu = f * Quantiles.f(level, df2, df1);
        if (form == IccForm.ICC_1_1) {
          low = (fl - 1) / (fl + k - 1);
          high = (fu - 1) / (fu + k - 1);
        } else {
          low = 1 - 1 / fl;
          high = 1 - 1 / fu;
        }
      }
      case ICC_3_1, ICC_3_K -> {
        double f = msr / mse;
        double df1 = n - 1;
        double df2 = (double) (n - 1) * (k - 1);
        double fl = f / Quantiles.f(level, df1, df2);
        double fu = f * Quantiles.f(level, df2, df1);
        if (form == IccForm.ICC_3_1) {
          low = (fl - 1) / (fl + k - 1);
          high = (fu - 1) / (fu + k - 1);
        } else {
          low = 1 - 1 / fl;
          high = 1 - 1 / fu;
        }
      }
      default -> {
        // Satterthwaite's degrees of freedom for the two-way random model (McGraw & Wong 1996).
        double single = (msr - mse) / (msr + (k - 1) * mse + k * (msc - mse) / n);
        double a = k * single / (n * (1 - single));
        double b = 1 + k * single * (n - 1) / (n * (1 - single));
        double v =
            sq(a * msc + b * mse) / (sq(a * msc) / (k - 1) + sq(b * mse) / ((n - 1.0) * (k - 1)));
        double fs = Quantiles.f(level, n - 1, v);
        double fi = Quantiles.f(level, v, n - 1);
        low = n * (msr - fs * mse) / (fs * (k * msc + (k * n - k - n) * mse) + n * msr);
        high = n * (fi * msr - mse) / (k * msc + (k * n - k - n) * mse + n * fi * msr);
        if (form == IccForm.ICC_2_K) {
          low = k * low / (1 + (k - 1) * low);
          high = k * high / (1 + (k - 1) * high);
        }
      }
    }
    if (!Double.isFinite(low) || !Double.isFinite(high) || low > high) {
      return result;
    }
    return result.withInterval(
        new Interval(Math.max(-1, low), Math.min(1, high), level, "analytic"));
  }

  private static double sq(double v) {
    return v * v;
  }
}
