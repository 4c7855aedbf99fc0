package org.annotationkit.core.accumulator;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The count, mean, variance, minimum and maximum of a set of finite numbers, as a {@link
 * SummaryAccumulator} finishes them. Immutable.
 *
 * <p>Statistics that are undefined for so few values throw {@link IllegalStateException} rather
 * than return a number that means nothing: the mean, population variance, minimum and maximum of no
 * values, and the sample variance of fewer than two. Check {@link #count()} first.
 *
 * @since 0.1.0
 */
public final class Summary {

  private static final Summary EMPTY = new Summary(0, 0, 0, 0, 0);

  private final long count;
  private final double mean;
  private final double sumOfSquaredDeviations;
  private final double min;
  private final double max;

  private Summary(long count, double mean, double sumOfSquaredDeviations, double min, double max) {
    this.count = count;
    this.mean = mean;
    this.sumOfSquaredDeviations = sumOfSquaredDeviations;
    this.min = min;
    this.max = max;
  }

  /** The summary of {@code count} values; the summary of none when {@code count} is zero. */
  static Summary of(
      long count, double mean, double sumOfSquaredDeviations, double min, double max) {
    return count == 0 ? EMPTY : new Summary(count, mean, sumOfSquaredDeviations, min, max);
  }

  /**
   * The number of values.
   *
   * @return the count, {@code >= 0}
   */
  public long count() {
    return count;
  }

  /**
   * The arithmetic mean.
   *
   * @return the mean
   * @throws IllegalStateException if there are no values
   */
  public double mean() {
    requireValues(1, "mean");
    return mean;
  }

  /**
   * The sum of the values, computed as {@code mean() * count()} (0 for no values).
   *
   * @return the sum
   */
  public double sum() {
    return count == 0 ? 0 : mean * count;
  }

  /**
   * The population variance: the mean squared deviation from the mean, {@code Σ(x - mean)² / n}.
   *
   * @return the variance, {@code >= 0}
   * @throws IllegalStateException if there are no values
   */
  public double populationVariance() {
    requireValues(1, "population variance");
    return Math.max(0, sumOfSquaredDeviations / count);
  }

  /**
   * The population standard deviation, the square root of {@link #populationVariance()}.
   *
   * @return the standard deviation, {@code >= 0}
   * @throws IllegalStateException if there are no values
   */
  public double populationStandardDeviation() {
    return Math.sqrt(populationVariance());
  }

  /**
   * The unbiased sample variance, {@code Σ(x - mean)² / (n - 1)}.
   *
   * @return the variance, {@code >= 0}
   * @throws IllegalStateException if there are fewer than two values
   */
  public double sampleVariance() {
    requireValues(2, "sample variance");
    return Math.max(0, sumOfSquaredDeviations / (count - 1));
  }

  /**
   * The sample standard deviation, the square root of {@link #sampleVariance()}.
   *
   * @return the standard deviation, {@code >= 0}
   * @throws IllegalStateException if there are fewer than two values
   */
  public double sampleStandardDeviation() {
    return Math.sqrt(sampleVariance());
  }

  /**
   * The least value.
   *
   * @return the minimum
   * @throws IllegalStateException if there are no values
   */
  public double min() {
    requireValues(1, "minimum");
    return min;
  }

  /**
   * The greatest value.
   *
   * @return the maximum
   * @throws IllegalStateException if there are no values
   */
  public double max() {
    requireValues(1, "maximum");
    return max;
  }

  private void requireValues(int least, String what) {
    if (count < least) {
      throw new IllegalStateException(
          "the "
              + what
              + " needs at least "
              + (least == 1 ? "one value" : least + " values")
              + ", got "
              + count);
    }
  }

  /**
   * Whether the other object is a summary of the same count, mean, sum of squared deviations,
   * minimum and maximum, compared exactly (as {@link Double#compare(double, double)}).
   *
   * @param other the object to compare with
   * @return whether the two are equal
   */
  @Override
  public boolean equals(@Nullable Object other) {
    return other instanceof Summary that
        && count == that.count
        && Double.compare(mean, that.mean) == 0
        && Double.compare(sumOfSquaredDeviations, that.sumOfSquaredDeviations) == 0
        && Double.compare(min, that.min) == 0
        && Double.compare(max, that.max) == 0;
  }

  /**
   * A hash code of the parts compared by {@link #equals(Object)}.
   *
   * @return the hash code
   */
  @Override
  public int hashCode() {
    int h = Long.hashCode(count);
    h = 31 * h + Double.hashCode(mean);
    h = 31 * h + Double.hashCode(sumOfSquaredDeviations);
    h = 31 * h + Double.hashCode(min);
    return 31 * h + Double.hashCode(max);
  }

  /**
   * The statistics, for debugging: {@code Summary[count=2, mean=2.0, populationVariance=1.0,
   * min=1.0, max=3.0]}, or {@code Summary[count=0]}.
   *
   * @return the description
   */
  @Override
  public String toString() {
    if (count == 0) {
      return "Summary[count=0]";
    }
    return String.format(
        Locale.ROOT,
        "Summary[count=%d, mean=%s, populationVariance=%s, min=%s, max=%s]",
        count,
        mean,
        populationVariance(),
        min,
        max);
  }
}
