package org.annotationkit.core.task;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * How annotators are paid: a fixed amount for each accepted task, or by the hour for the time spent
 * on submissions. Amounts are in the project's currency, whatever it is.
 *
 * @since 0.1.0
 */
public sealed interface PayPolicy permits PayPolicy.PerTask, PayPolicy.Hourly {

  /**
   * A fixed amount for each accepted submission (gold answers included: the annotator cannot tell
   * them apart); rejected and unreviewed work earns nothing.
   *
   * @param amount the pay per accepted submission, {@code >= 0}
   * @since 0.1.0
   */
  record PerTask(BigDecimal amount) implements PayPolicy {
    /** Checks the amount. */
    public PerTask {
      requireNonNegative(amount, "amount");
    }
  }

  /**
   * An hourly rate for the lead time of every submission, accepted or not (time from lease to
   * submission, as the workflow measured it).
   *
   * @param ratePerHour the pay per hour, {@code >= 0}
   * @since 0.1.0
   */
  record Hourly(BigDecimal ratePerHour) implements PayPolicy {
    /** Checks the rate. */
    public Hourly {
      requireNonNegative(ratePerHour, "ratePerHour");
    }
  }

  /**
   * Pay per accepted task.
   *
   * @param amount the pay per accepted submission, such as {@code "0.05"}
   * @return the policy
   * @throws NumberFormatException if the amount is not a decimal number
   */
  static PayPolicy perTask(String amount) {
    return new PerTask(new BigDecimal(amount));
  }

  /**
   * Pay by the hour.
   *
   * @param ratePerHour the pay per hour, such as {@code "30"}
   * @return the policy
   * @throws NumberFormatException if the rate is not a decimal number
   */
  static PayPolicy hourly(String ratePerHour) {
    return new Hourly(new BigDecimal(ratePerHour));
  }

  private static void requireNonNegative(BigDecimal amount, String name) {
    Objects.requireNonNull(amount, name);
    if (amount.signum() < 0) {
      throw new IllegalArgumentException(name + " must be >= 0, got " + amount.toPlainString());
    }
  }
}
