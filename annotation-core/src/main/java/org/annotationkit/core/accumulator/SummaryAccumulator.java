package org.annotationkit.core.accumulator;

import java.util.Objects;
import org.annotationkit.core.internal.Require;

/**
 * Accumulates the count, mean, variance, minimum and maximum of finite numbers in one pass and
 * constant space, into a {@link Summary}.
 *
 * <p>Adding uses Welford's update of the mean and of the sum of squared deviations, and merging
 * uses the pairwise update of Chan, Golub and LeVeque ("Updating formulae and a pairwise algorithm
 * for computing sample variances", 1979): for parts of sizes {@code na} and {@code nb} with means
 * {@code ma}, {@code mb} and sums of squared deviations {@code Ma}, {@code Mb}, the merged mean is
 * {@code ma + (mb - ma) nb / n} and the merged sum is {@code Ma + Mb + (mb - ma)² na nb / n}. Both
 * stay accurate when the values are large and their spread small, where the textbook {@code Σx² -
 * (Σx)²/n} loses every digit.
 *
 * <p>Order-independent, up to rounding: a split and merged summary equals the summary of the whole
 * to within a few units in the last place of the mean and variance, and exactly in count, minimum
 * and maximum. The laws of {@linkplain org.annotationkit.core.accumulator mergeable accumulators}
 * hold in that sense. Not thread-safe.
 *
 * @since 0.1.0
 */
public final class SummaryAccumulator implements Accumulator<SummaryAccumulator, Summary> {

  private long count;
  private double mean;
  private double sumOfSquaredDeviations;
  private double min = Double.POSITIVE_INFINITY;
  private double max = Double.NEGATIVE_INFINITY;

  /** An accumulator of no values. */
  public SummaryAccumulator() {}

  /**
   * Adds one value.
   *
   * @param value a finite number
   * @throws IllegalArgumentException if the value is NaN or infinite (a missing value is not added
   *     at all)
   */
  public void add(double value) {
    Require.finite(value, "value");
    count++;
    double delta = value - mean;
    mean += delta / count;
    sumOfSquaredDeviations += delta * (value - mean);
    min = Math.min(min, value);
    max = Math.max(max, value);
  }

  /**
   * Adds every value of an array, in order.
   *
   * @param values finite numbers
   * @throws IllegalArgumentException naming the index of a value that is NaN or infinite; the
   *     values before it have been added
   */
  public void addAll(double[] values) {
    Objects.requireNonNull(values, "values");
    for (int i = 0; i < values.length; i++) {
      if (!Double.isFinite(values[i])) {
        throw new IllegalArgumentException("values[" + i + "] must be finite, got " + values[i]);
      }
      add(values[i]);
    }
  }

  /**
   * The number of values added and merged so far.
   *
   * @return the count
   */
  public long count() {
    return count;
  }

  /**
   * Adds the values another accumulator has summarised (Chan's pairwise update).
   *
   * @param other another summary accumulator, not changed
   */
  @Override
  public void merge(SummaryAccumulator other) {
    Objects.requireNonNull(other, "other");
    if (other.count == 0) {
      return;
    }
    if (count == 0) {
      count = other.count;
      mean = other.mean;
      sumOfSquaredDeviations = other.sumOfSquaredDeviations;
      min = other.min;
      max = other.max;
      return;
    }
    long n = count + other.count;
    double delta = other.mean - mean;
    double weight = (double) other.count / n;
    mean += delta * weight;
    sumOfSquaredDeviations +=
        other.sumOfSquaredDeviations + delta * delta * ((double) count * weight);
    count = n;
    min = Math.min(min, other.min);
    max = Math.max(max, other.max);
  }

  /**
   * The summary of the values so far.
   *
   * @return an immutable summary
   */
  @Override
  public Summary finish() {
    return Summary.of(count, mean, sumOfSquaredDeviations, min, max);
  }

  /**
   * The summary so far, for debugging.
   *
   * @return the description of {@link #finish()}
   */
  @Override
  public String toString() {
    return finish().toString();
  }
}
