package org.annotationkit.activelearning.stream;

/**
 * Stream-based selection: decides item by item whether to ask for a label, by comparing the item's
 * utility with a threshold. The threshold is fixed, or adapts to keep a target selection rate:
 * after each decision it moves by {@code step x (selected ? 1 - rate : -rate)}, a
 * stochastic-approximation update whose fixed point selects the target fraction of a stationary
 * stream. Mutable and not thread-safe: one per stream.
 *
 * @since 0.1.0
 */
public final class StreamSelector {
  private final boolean adaptive;
  private final double rate;
  private final double step;
  private double threshold;
  private long seen;
  private long selected;

  private StreamSelector(double threshold, boolean adaptive, double rate, double step) {
    if (!Double.isFinite(threshold)) {
      throw new IllegalArgumentException("threshold must be finite, got " + threshold);
    }
    this.threshold = threshold;
    this.adaptive = adaptive;
    this.rate = rate;
    this.step = step;
  }

  /**
   * Selects every item whose utility is above {@code threshold}.
   *
   * @param threshold the threshold
   * @return the selector
   */
  public static StreamSelector fixed(double threshold) {
    return new StreamSelector(threshold, false, Double.NaN, 0);
  }

  /**
   * Selects about {@code rate} of the items, starting from {@code initial}.
   *
   * @param initial the first threshold
   * @param rate the target fraction selected, in (0, 1)
   * @param step how fast the threshold moves, {@code > 0} (in units of utility)
   * @return the selector
   */
  public static StreamSelector adaptive(double initial, double rate, double step) {
    if (!(rate > 0 && rate < 1)) {
      throw new IllegalArgumentException("rate must be in (0, 1), got " + rate);
    }
    if (!(step > 0) || Double.isInfinite(step)) {
      throw new IllegalArgumentException("step must be positive, got " + step);
    }
    return new StreamSelector(initial, true, rate, step);
  }

  /**
   * Decides on the next item.
   *
   * @param utility its utility (NaN is never selected)
   * @return whether to ask for its label
   */
  public boolean offer(double utility) {
    boolean take = utility > threshold;
    seen++;
    if (take) {
      selected++;
    }
    if (adaptive) {
      threshold += step * (take ? 1 - rate : -rate);
    }
    return take;
  }

  /**
   * The current threshold.
   *
   * @return the threshold
   */
  public double threshold() {
    return threshold;
  }

  /**
   * The fraction of items selected so far.
   *
   * @return selected over seen, NaN before any item
   */
  public double selectionRate() {
    return seen == 0 ? Double.NaN : (double) selected / seen;
  }
}
