package org.annotationkit.activelearning.internal;

import java.util.concurrent.atomic.AtomicLong;

/**
 * A lower bound on the {@code k}-th best score of a whole pool, shared by the threads that select
 * over its parts: each part raises it to its own threshold once it holds {@code k} items (then
 * {@code k} items of the pool score at least that much), and reads it to skip rows that cannot
 * reach it. A part that skips by the floor keeps every item of the whole pool's selection, so the
 * merged result is the same as without it, whatever the number of threads or the timing; only the
 * work changes. Rows are skipped only when their score is below the floor: an item that equals it
 * may still win a tie by its position.
 */
public final class Floor {
  private final AtomicLong bits =
      new AtomicLong(Double.doubleToRawLongBits(Double.NEGATIVE_INFINITY));

  /** A floor at negative infinity. */
  public Floor() {}

  /**
   * The bound now.
   *
   * @return the largest score that a part has raised the floor to, or negative infinity
   */
  public double get() {
    return Double.longBitsToDouble(bits.get());
  }

  /**
   * Raises the floor to {@code score} if that is higher (NaN is ignored).
   *
   * @param score a score that {@code k} items of the pool reach
   */
  public void raise(double score) {
    long current = bits.get();
    while (score > Double.longBitsToDouble(current)) {
      long witness = bits.compareAndExchange(current, Double.doubleToRawLongBits(score));
      if (witness == current) {
        return;
      }
      current = witness;
    }
  }

  @Override
  public String toString() {
    return "Floor[" + get() + "]";
  }
}
