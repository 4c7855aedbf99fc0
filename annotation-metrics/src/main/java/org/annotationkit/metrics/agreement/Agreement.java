package org.annotationkit.metrics.agreement;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The result of an agreement coefficient: its value, or the statement that it is undefined and why;
 * with its standard errors and confidence interval where they were computed.
 *
 * <p>An undefined coefficient (every rater used one category, so chance agreement is 1; no unit
 * with two ratings) is an answer, not an error: {@link #value()} is empty and {@link
 * #undefinedReason()} says why. A coefficient is never reported as {@code 0.0} or {@code NaN} in
 * its place.
 *
 * @param metric the coefficient's name, as {@link Metric#cliName()} (plus a qualifier such as the
 *     level of alpha)
 * @param value the value, finite, when defined
 * @param undefinedReason why there is no value, when undefined
 * @param units the number of units that entered the computation
 * @param raters the number of raters that entered the computation
 * @param se the standard error, when computed (analytic, or the bootstrap's)
 * @param seH0 the standard error under the null hypothesis of no agreement, where one exists
 *     (Cohen's and weighted kappa)
 * @param ci the confidence interval, when computed
 * @param perCategory the coefficient for each category, in category order, when asked for
 * @since 0.1.0
 */
public record Agreement(
    String metric,
    OptionalDouble value,
    Optional<String> undefinedReason,
    int units,
    int raters,
    OptionalDouble se,
    OptionalDouble seH0,
    Optional<Interval> ci,
    Map<String, Agreement> perCategory) {

  /** Checks that exactly one of value and reason is there, and copies the map. */
  public Agreement {
    Objects.requireNonNull(metric, "metric");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(undefinedReason, "undefinedReason");
    Objects.requireNonNull(se, "se");
    Objects.requireNonNull(seH0, "seH0");
    Objects.requireNonNull(ci, "ci");
    if (value.isPresent() == undefinedReason.isPresent()) {
      throw new IllegalArgumentException(
          "an agreement has either a value or a reason why it is undefined, got "
              + value
              + " and "
              + undefinedReason);
    }
    if (value.isPresent() && !Double.isFinite(value.getAsDouble())) {
      throw new IllegalArgumentException(
          "the value of " + metric + " must be finite, got " + value.getAsDouble());
    }
    perCategory = Collections.unmodifiableMap(new LinkedHashMap<>(perCategory));
  }

  /**
   * A defined coefficient without standard error or interval.
   *
   * @param metric the name
   * @param value the value, finite
   * @param units the units used
   * @param raters the raters used
   * @return the result
   */
  public static Agreement of(String metric, double value, int units, int raters) {
    return new Agreement(
        metric,
        OptionalDouble.of(value),
        Optional.empty(),
        units,
        raters,
        OptionalDouble.empty(),
        OptionalDouble.empty(),
        Optional.empty(),
        Map.of());
  }

  /**
   * An undefined coefficient.
   *
   * @param metric the name
   * @param reason why it is undefined, a phrase such as "every rating is in one category"
   * @param units the units used
   * @param raters the raters used
   * @return the result
   */
  public static Agreement undefined(String metric, String reason, int units, int raters) {
    return new Agreement(
        metric,
        OptionalDouble.empty(),
        Optional.of(reason),
        units,
        raters,
        OptionalDouble.empty(),
        OptionalDouble.empty(),
        Optional.empty(),
        Map.of());
  }

  /**
   * A defined result when {@code value} is finite, else undefined with the reason.
   *
   * @param metric the name
   * @param value the value, or NaN when undefined
   * @param reason why it is undefined when {@code value} is not finite
   * @param units the units used
   * @param raters the raters used
   * @return the result
   */
  static Agreement ofOrUndefined(
      String metric, double value, String reason, int units, int raters) {
    return Double.isFinite(value)
        ? of(metric, value, units, raters)
        : undefined(metric, reason, units, raters);
  }

  /**
   * Whether the coefficient has a value.
   *
   * @return whether it is defined
   */
  public boolean isDefined() {
    return value.isPresent();
  }

  /**
   * The value, for a caller that knows the coefficient is defined.
   *
   * @return the value
   * @throws IllegalStateException naming the reason when undefined
   */
  public double valueOrThrow() {
    if (value.isEmpty()) {
      throw new IllegalStateException(metric + " is undefined: " + undefinedReason.orElse(""));
    }
    return value.getAsDouble();
  }

  /**
   * The same result with standard errors.
   *
   * @param standardError the standard error, finite and {@code >= 0}, or NaN for none
   * @param nullStandardError the standard error under no agreement, or NaN for none
   * @return a new result
   */
  public Agreement withStandardErrors(double standardError, double nullStandardError) {
    return new Agreement(
        metric,
        value,
        undefinedReason,
        units,
        raters,
        finite(standardError),
        finite(nullStandardError),
        ci,
        perCategory);
  }

  /**
   * The same result with a confidence interval.
   *
   * @param interval the interval
   * @return a new result
   */
  public Agreement withInterval(Interval interval) {
    return new Agreement(
        metric,
        value,
        undefinedReason,
        units,
        raters,
        se,
        seH0,
        Optional.of(interval),
        perCategory);
  }

  /**
   * The same result with per-category coefficients.
   *
   * @param categories the coefficient of each category, in category order
   * @return a new result
   */
  public Agreement withPerCategory(Map<String, Agreement> categories) {
    return new Agreement(metric, value, undefinedReason, units, raters, se, seH0, ci, categories);
  }

  /** The same result with other counts of units and raters. */
  Agreement withCounts(int unitCount, int raterCount) {
    return new Agreement(
        metric, value, undefinedReason, unitCount, raterCount, se, seH0, ci, perCategory);
  }

  private static OptionalDouble finite(double value) {
    return Double.isFinite(value) ? OptionalDouble.of(value) : OptionalDouble.empty();
  }

  /**
   * A one-line summary: {@code fleiss-kappa = 0.4302 [0.38, 0.48] (95% analytic), 30 units, 6
   * raters}, or {@code ... undefined (every rating is in one category)}.
   *
   * @return the summary
   */
  @Override
  public String toString() {
    StringBuilder text = new StringBuilder(metric).append(" = ");
    if (value.isPresent()) {
      text.append(String.format(Locale.ROOT, "%.4f", value.getAsDouble()));
    } else {
      text.append("undefined (").append(undefinedReason.orElse("")).append(')');
    }
    ci.ifPresent(interval -> text.append(' ').append(interval));
    return text.append(", ")
        .append(units)
        .append(" units, ")
        .append(raters)
        .append(" raters")
        .toString();
  }
}
