package org.annotationkit.core.schema;

import java.util.List;
import java.util.Objects;

/**
 * The scale of a {@link FieldKind#RATING} field: a grid of values from {@code min} in steps of
 * {@code step} up to {@code max} (a Likert scale such as 1..5), or, with {@code step == 0}, every
 * value in {@code [min, max]} (a continuous slider).
 *
 * <p>A value {@code v} is on a stepped scale when {@code min <= v <= max} and {@code (v - min) /
 * step} is an integer within 1e-9; {@code max} itself need not be on the grid (from 0 to 1 in steps
 * of 0.3 the points are 0, 0.3, 0.6 and 0.9). Anchors are the texts shown at the points ("strongly
 * disagree" .. "strongly agree"): none, or exactly one per point (an empty text for a point shown
 * without one, as when only the ends are named); a continuous scale has none.
 *
 * @param min the least value, finite
 * @param max the greatest value, finite and {@code > min}
 * @param step the distance between two points, finite, {@code > 0} and {@code <= max - min} (within
 *     1e-9 steps); or 0 for a continuous scale
 * @param anchors the text of each point, in order, or empty
 * @since 0.1.0
 */
public record RatingScale(double min, double max, double step, List<String> anchors) {

  private static final double TOLERANCE = 1e-9;

  /**
   * Validates and copies the components.
   *
   * @throws IllegalArgumentException naming the bad value when a rule above is broken
   */
  public RatingScale {
    Objects.requireNonNull(anchors, "anchors");
    anchors = List.copyOf(anchors);
    if (!Double.isFinite(min) || !Double.isFinite(max)) {
      throw new IllegalArgumentException(
          "min and max must be finite, got min " + min + " and max " + max);
    }
    if (!(min < max)) {
      throw new IllegalArgumentException("min must be < max, got min " + min + " and max " + max);
    }
    if (!Double.isFinite(step) || step < 0) {
      throw new IllegalArgumentException(
          "step must be finite and >= 0 (0 for a continuous scale), got " + step);
    }
    // Within the grid's tolerance, so that max = min + step passes despite rounding (12.44 - 12.34
    // is 0.09999999999999964).
    if ((max - min) / step + TOLERANCE < 1) {
      throw new IllegalArgumentException(
          "step must be <= max - min = " + (max - min) + ", got " + step);
    }
    if (step == 0) {
      if (!anchors.isEmpty()) {
        throw new IllegalArgumentException(
            "a continuous scale (step 0) has no anchors, got " + anchors.size() + ": " + anchors);
      }
    } else {
      long points = gridPoints(min, max, step);
      if (points > Integer.MAX_VALUE) {
        throw new IllegalArgumentException(
            "step " + step + " gives too many points from " + min + " to " + max + ": " + points);
      }
      if (!anchors.isEmpty() && anchors.size() != points) {
        throw new IllegalArgumentException(
            "anchors must be empty or one per point ("
                + points
                + " points), got "
                + anchors.size());
      }
    }
  }

  private static long gridPoints(double min, double max, double step) {
    double intervals = Math.floor((max - min) / step + TOLERANCE);
    return intervals >= Long.MAX_VALUE - 1 ? Long.MAX_VALUE : (long) intervals + 1;
  }

  /**
   * A Likert scale of whole numbers 1, 2, .., {@code points}, without anchors.
   *
   * @param points the number of points, {@code >= 2}
   * @return the scale
   */
  public static RatingScale likert(int points) {
    if (points < 2) {
      throw new IllegalArgumentException("a Likert scale needs points >= 2, got " + points);
    }
    return new RatingScale(1, points, 1, List.of());
  }

  /**
   * A continuous scale: every value in {@code [min, max]}.
   *
   * @param min the least value, finite
   * @param max the greatest value, finite and {@code > min}
   * @return the scale
   */
  public static RatingScale continuous(double min, double max) {
    return new RatingScale(min, max, 0, List.of());
  }

  /**
   * A copy of this stepped scale with one anchor text per point.
   *
   * @param anchors the text of each point, in order, as many as {@link #points()}
   * @return the copy
   */
  public RatingScale withAnchors(String... anchors) {
    Objects.requireNonNull(anchors, "anchors");
    return new RatingScale(min, max, step, List.of(anchors));
  }

  /**
   * Whether this scale is continuous ({@code step == 0}).
   *
   * @return whether every value in {@code [min, max]} is on the scale
   */
  public boolean isContinuous() {
    return step == 0;
  }

  /**
   * Whether a value is on this scale: within {@code [min, max]} and, unless the scale is
   * continuous, on the grid of points within a tolerance of 1e-9 steps.
   *
   * @param value the value
   * @return whether the value is on the scale; false for NaN and infinities
   */
  public boolean contains(double value) {
    if (!(value >= min && value <= max)) {
      return false;
    }
    if (step == 0) {
      return true;
    }
    double steps = (value - min) / step;
    return Math.abs(steps - Math.rint(steps)) <= TOLERANCE;
  }

  /**
   * The number of points of a stepped scale: {@code floor((max - min) / step + 1e-9) + 1}.
   *
   * @return the number of points, or 0 for a continuous scale (which has no discrete points)
   */
  public int points() {
    return step == 0 ? 0 : (int) gridPoints(min, max, step);
  }
}
