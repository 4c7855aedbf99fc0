package org.annotationkit.metrics.agreement;

import org.annotationkit.core.accumulator.Accumulator;

/**
 * Krippendorff's interval alpha over continuous values in constant memory: for the squared
 * difference, the observed disagreement is {@code (1 / n) sum_u 2 m_u S_u / (m_u - 1)} with {@code
 * S_u} the unit's sum of squared deviations from its mean, and the expected disagreement {@code 2 S
 * / (n - 1)} with {@code S} that of all {@code n} pairable values. Both are sums of moments, so no
 * coincidence matrix over the distinct values is ever built: a million distinct values cost what a
 * million equal ones do.
 *
 * <p>Merging combines the moments (Chan et al.'s update), so the result of a split equals the whole
 * up to rounding. Not thread-safe.
 *
 * @since 0.1.0
 */
public final class IntervalAlphaAccumulator
    implements Accumulator<IntervalAlphaAccumulator, Agreement> {
  private long units;
  private long count;
  private double mean;
  private double squares;
  private double within;
  private int maxRatings;

  /** An empty accumulator. */
  public IntervalAlphaAccumulator() {}

  /**
   * Adds one unit: the values {@code values[from..to)}, NaN for a missing rating.
   *
   * @param values the values
   * @param from the first position
   * @param to the position after the last
   */
  public void addUnit(double[] values, int from, int to) {
    int m = 0;
    double unitMean = 0;
    for (int i = from; i < to; i++) {
      double v = values[i];
      if (!Double.isNaN(v)) {
        m++;
        unitMean += (v - unitMean) / m;
      }
    }
    if (m < 2) {
      return;
    }
    double unitSquares = 0;
    for (int i = from; i < to; i++) {
      double v = values[i];
      if (!Double.isNaN(v)) {
        double d = v - unitMean;
        unitSquares += d * d;
      }
    }
    units++;
    maxRatings = Math.max(maxRatings, m);
    within += 2.0 * m * unitSquares / (m - 1);
    combine(m, unitMean, unitSquares);
  }

  /**
   * Adds the rows {@code [fromUnit, toUnit)} of a row-major table.
   *
   * @param values the table, NaN for missing
   * @param raters the row length
   * @param fromUnit the first row
   * @param toUnit the row after the last
   */
  public void addRows(double[] values, int raters, int fromUnit, int toUnit) {
    for (int u = fromUnit; u < toUnit; u++) {
      addUnit(values, u * raters, u * raters + raters);
    }
  }

  private void combine(long otherCount, double otherMean, double otherSquares) {
    long total = count + otherCount;
    double delta = otherMean - mean;
    mean += delta * otherCount / total;
    squares += otherSquares + delta * delta * ((double) count * otherCount / total);
    count = total;
  }

  @Override
  public void merge(IntervalAlphaAccumulator other) {
    if (other.count == 0) {
      return;
    }
    units += other.units;
    within += other.within;
    maxRatings = Math.max(maxRatings, other.maxRatings);
    combine(other.count, other.mean, other.squares);
  }

  @Override
  public Agreement finish() {
    String metric = "krippendorff-alpha";
    int n = (int) Math.min(Integer.MAX_VALUE, units);
    if (count < 2) {
      return Agreement.undefined(metric, "no unit has two or more ratings", n, maxRatings);
    }
    double observed = within / count;
    double expected = 2 * squares / (count - 1);
    if (!(expected > 0)) {
      return Agreement.undefined(
          metric, "no expected disagreement: every pairable value is the same", n, maxRatings);
    }
    return Agreement.of(metric, 1 - observed / expected, n, maxRatings);
  }

  @Override
  public String toString() {
    return "IntervalAlphaAccumulator[" + units + " units, " + count + " pairable values]";
  }
}
