package org.annotationkit.activelearning.structured;

/**
 * How the uncertainties of an item's parts (its labels in a multi-label problem, its tokens in
 * sequence labeling) are reduced to one item score.
 *
 * @since 0.1.0
 */
public enum Reduction {
  /** The least uncertain part. */
  MIN,
  /** The mean over the parts. */
  MEAN,
  /** The most uncertain part. */
  MAX,
  /** The sum over the parts (favours long items). */
  SUM;

  /**
   * Reduces {@code values[from .. to)}.
   *
   * @param values part uncertainties
   * @param from the first
   * @param to after the last
   * @return the reduction; 0 for no parts
   */
  public double reduce(double[] values, int from, int to) {
    if (from >= to) {
      return 0;
    }
    double acc =
        this == MIN ? Double.POSITIVE_INFINITY : this == MAX ? Double.NEGATIVE_INFINITY : 0;
    for (int i = from; i < to; i++) {
      double v = values[i];
      acc =
          switch (this) {
            case MIN -> Math.min(acc, v);
            case MAX -> Math.max(acc, v);
            case MEAN, SUM -> acc + v;
          };
    }
    return this == MEAN ? acc / (to - from) : acc;
  }
}
