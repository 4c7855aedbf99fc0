package org.annotationkit.metrics.agreement;

import org.apache.commons.statistics.distribution.FDistribution;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.apache.commons.statistics.distribution.TDistribution;

/** The quantiles the analytic intervals need. */
final class Quantiles {
  private Quantiles() {}

  /** The two-sided normal quantile of a confidence level: 1.96 for 0.95. */
  static double normal(double level) {
    return NormalDistribution.of(0, 1).inverseCumulativeProbability(1 - (1 - level) / 2);
  }

  /** The two-sided quantile of Student's t. */
  static double t(double level, double degrees) {
    return TDistribution.of(degrees).inverseCumulativeProbability(1 - (1 - level) / 2);
  }

  /** The upper {@code (1 - level) / 2} quantile of F. */
  static double f(double level, double numerator, double denominator) {
    return FDistribution.of(numerator, denominator)
        .inverseCumulativeProbability(1 - (1 - level) / 2);
  }
}
