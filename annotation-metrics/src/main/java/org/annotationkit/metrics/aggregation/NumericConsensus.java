package org.annotationkit.metrics.aggregation;

import java.util.Arrays;
import java.util.Objects;
import org.annotationkit.metrics.data.Ratings;

/**
 * The one-pass consensus of numeric answers: the mean, the median or the trimmed mean of each
 * item's answers.
 *
 * <ul>
 *   <li>{@linkplain #mean() mean}: the arithmetic mean, summed in annotator order (the ratings'
 *       canonical order), so any input row order gives the same bits, as the first answer plus the
 *       mean deviation from it, so unanimous answers give exactly their value;
 *   <li>{@linkplain #median() median}: the middle value, or the mean of the two middle values for
 *       an even count (NumPy's {@code median});
 *   <li>{@linkplain #trimmedMean(double) trimmed mean}: with proportion {@code p}, the {@code
 *       floor(p * n)} smallest and as many largest of an item's {@code n} answers are dropped and
 *       the rest averaged, as SciPy's {@code scipy.stats.trim_mean}; {@code p = 0} is the mean.
 * </ul>
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class NumericConsensus {
  private static final NumericConsensus MEAN = new NumericConsensus("mean", -1);
  private static final NumericConsensus MEDIAN = new NumericConsensus("median", -2);

  private final String method;

  /** The trimmed proportion; {@code -1} for the mean, {@code -2} for the median. */
  private final double proportion;

  private NumericConsensus(String method, double proportion) {
    this.method = method;
    this.proportion = proportion;
  }

  /**
   * The arithmetic mean of each item's answers.
   *
   * @return the method
   */
  public static NumericConsensus mean() {
    return MEAN;
  }

  /**
   * The median of each item's answers (the mean of the two middle ones for an even count).
   *
   * @return the method
   */
  public static NumericConsensus median() {
    return MEDIAN;
  }

  /**
   * The mean of each item's answers after dropping {@code floor(proportion * n)} from each end, as
   * {@code scipy.stats.trim_mean(values, proportion)}.
   *
   * @param proportion the share cut from each end, in {@code [0, 0.5)}
   * @return the method
   * @throws IllegalArgumentException if the proportion is outside {@code [0, 0.5)}
   */
  public static NumericConsensus trimmedMean(double proportion) {
    if (!(proportion >= 0 && proportion < 0.5)) {
      throw new IllegalArgumentException("proportion must be in [0, 0.5), got " + proportion);
    }
    return new NumericConsensus("trimmed-mean", proportion);
  }

  /**
   * Aggregates numeric answers.
   *
   * @param ratings the answers, grouped by item
   * @return one value per item
   */
  public NumericAggregation aggregate(Ratings ratings) {
    Objects.requireNonNull(ratings, "ratings");
    int n = ratings.itemCount();
    double[] values = new double[n];
    int[] counts = new int[n];
    double[] all = ratings.values();
    for (int u = 0; u < n; u++) {
      int from = ratings.start(u);
      int to = ratings.end(u);
      counts[u] = to - from;
      values[u] =
          proportion == -1
              ? mean(all, from, to)
              : proportion == -2
                  ? median(Arrays.copyOfRange(all, from, to))
                  : trimmedMean(Arrays.copyOfRange(all, from, to), proportion);
    }
    return new NumericAggregation(
        method, ratings.items(), ratings.annotators(), values, counts, null, 0, true);
  }

  /**
   * The mean, as the first value plus the mean deviation from it, so that equal values give exactly
   * that value.
   */
  static double mean(double[] values, int from, int to) {
    double first = values[from];
    double sum = 0;
    for (int i = from + 1; i < to; i++) {
      sum += values[i] - first;
    }
    return first + sum / (to - from);
  }

  /** The median; sorts {@code values}. */
  static double median(double[] values) {
    Arrays.sort(values);
    int n = values.length;
    if (n % 2 == 1) {
      return values[n / 2];
    }
    double mid = (values[n / 2 - 1] + values[n / 2]) / 2;
    return Double.isFinite(mid) ? mid : values[n / 2 - 1] / 2 + values[n / 2] / 2;
  }

  /** The trimmed mean; sorts {@code values}. */
  static double trimmedMean(double[] values, double proportion) {
    Arrays.sort(values);
    int cut = (int) Math.floor(proportion * values.length);
    return mean(values, cut, values.length - cut);
  }

  @Override
  public String toString() {
    return proportion >= 0 ? method + "(" + proportion + ")" : method;
  }
}
