package org.annotationkit.metrics.agreement;

import java.util.Locale;
import java.util.Objects;

/**
 * A confidence interval of an agreement coefficient.
 *
 * @param low the lower bound
 * @param high the upper bound, {@code >= low}
 * @param level the confidence level, in {@code (0, 1)}, such as {@code 0.95}
 * @param method how it was computed: {@code "analytic"} or {@code "bootstrap"}
 * @since 0.1.0
 */
public record Interval(double low, double high, double level, String method) {

  /** Checks the bounds and the level. */
  public Interval {
    Objects.requireNonNull(method, "method");
    if (!(low <= high) || Double.isInfinite(low) || Double.isInfinite(high)) {
      throw new IllegalArgumentException(
          "an interval needs finite bounds with low <= high, got " + low + " and " + high);
    }
    checkLevel(level);
  }

  /**
   * Checks a confidence level.
   *
   * @param level the level
   * @throws IllegalArgumentException unless {@code 0 < level < 1}
   */
  static void checkLevel(double level) {
    if (!(level > 0 && level < 1)) {
      throw new IllegalArgumentException("the confidence level must be in (0, 1), got " + level);
    }
  }

  /**
   * Whether a value lies in the interval, bounds included.
   *
   * @param value the value
   * @return whether {@code low <= value <= high}
   */
  public boolean contains(double value) {
    return low <= value && value <= high;
  }

  @Override
  public String toString() {
    return String.format(
        Locale.ROOT, "[%.4f, %.4f] (%s %s)", low, high, Math.round(level * 1000) / 10.0, method);
  }
}
