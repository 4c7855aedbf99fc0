package org.annotationkit.core.task;

import com.google.errorprone.annotations.CanIgnoreReturnValue;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Objects;

/**
 * How a project's workflow runs.
 *
 * @param overlap how many distinct annotators each task needs by default (k), {@code >= 1}
 * @param goldRate the share of assignments that are gold items, in {@code [0, 1]}; gold is only
 *     mixed in while regular work is left for the annotator
 * @param goldSeed the seed that decides which assignments are gold, so a run reproduces
 * @param review whether submissions wait for a reviewer's verdict before they count
 * @param leaseDuration how long an annotator holds a task before it returns to the queue, positive
 * @param pay how annotators are paid
 * @since 0.1.0
 */
public record ProjectSettings(
    int overlap,
    double goldRate,
    long goldSeed,
    boolean review,
    Duration leaseDuration,
    PayPolicy pay) {

  /** Checks the settings. */
  public ProjectSettings {
    Objects.requireNonNull(leaseDuration, "leaseDuration");
    Objects.requireNonNull(pay, "pay");
    if (overlap < 1) {
      throw new IllegalArgumentException("overlap must be >= 1, got " + overlap);
    }
    if (!(goldRate >= 0 && goldRate <= 1)) {
      throw new IllegalArgumentException("goldRate must be in [0, 1], got " + goldRate);
    }
    Objects.requireNonNull(leaseDuration, "leaseDuration");
    if (leaseDuration.isNegative() || leaseDuration.isZero()) {
      throw new IllegalArgumentException("leaseDuration must be positive, got " + leaseDuration);
    }
    Objects.requireNonNull(pay, "pay");
  }

  /**
   * Starts settings with the defaults: overlap 1, no gold (seed 0), no review, 10-minute leases,
   * nothing paid per task.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Collects settings; a setter called twice keeps the last value. Not thread-safe.
   *
   * @since 0.1.0
   */
  public static final class Builder {
    private int overlap = 1;
    private double goldRate;
    private long goldSeed;
    private boolean review;
    private Duration leaseDuration = Duration.ofMinutes(10);
    private PayPolicy pay = new PayPolicy.PerTask(BigDecimal.ZERO);

    private Builder() {}

    /**
     * Sets the default overlap (k).
     *
     * @param overlap distinct annotators per task, {@code >= 1}
     * @return this builder
     */
    @CanIgnoreReturnValue
    public Builder overlap(int overlap) {
      this.overlap = overlap;
      return this;
    }

    /**
     * Sets the gold rate and the seed of the gold draws.
     *
     * @param rate the share of assignments that are gold, in {@code [0, 1]}
     * @param seed the seed
     * @return this builder
     */
    @CanIgnoreReturnValue
    public Builder gold(double rate, long seed) {
      this.goldRate = rate;
      this.goldSeed = seed;
      return this;
    }

    /**
     * Turns review on or off.
     *
     * @param review whether submissions wait for review
     * @return this builder
     */
    @CanIgnoreReturnValue
    public Builder review(boolean review) {
      this.review = review;
      return this;
    }

    /**
     * Sets the lease duration.
     *
     * @param leaseDuration how long a lease lasts, positive
     * @return this builder
     */
    @CanIgnoreReturnValue
    public Builder leaseDuration(Duration leaseDuration) {
      this.leaseDuration = Objects.requireNonNull(leaseDuration, "leaseDuration");
      return this;
    }

    /**
     * Sets the pay policy.
     *
     * @param pay per task or hourly
     * @return this builder
     */
    @CanIgnoreReturnValue
    public Builder pay(PayPolicy pay) {
      this.pay = Objects.requireNonNull(pay, "pay");
      return this;
    }

    /**
     * Builds the settings.
     *
     * @return the settings
     * @throws IllegalArgumentException if a value is out of range, naming it
     */
    public ProjectSettings build() {
      return new ProjectSettings(overlap, goldRate, goldSeed, review, leaseDuration, pay);
    }
  }
}
