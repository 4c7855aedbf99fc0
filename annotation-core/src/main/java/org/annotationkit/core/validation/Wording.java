package org.annotationkit.core.validation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.annotationkit.core.internal.Require;

/**
 * How violation messages write numbers, points and JSON pointer tokens; {@link
 * Require#quote(String)} quotes the names and texts, and {@link
 * org.annotationkit.core.internal.Hints} lists names and suggests the closest one.
 */
final class Wording {
  private Wording() {}

  /** A number as given: integers without a fraction ({@code 640}), others in full. */
  static String num(double value) {
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      return Long.toString((long) value);
    }
    return Double.toString(value);
  }

  /** A computed number rounded to three decimals, without trailing zeros. */
  static String approx(double value) {
    if (!Double.isFinite(value)) {
      return Double.toString(value);
    }
    BigDecimal rounded =
        BigDecimal.valueOf(value).setScale(3, RoundingMode.HALF_EVEN).stripTrailingZeros();
    return rounded.signum() == 0 ? "0" : rounded.toPlainString();
  }

  /** A point as {@code (x, y)} with {@link #approx(double)} coordinates. */
  static String point(double x, double y) {
    return "(" + approx(x) + ", " + approx(y) + ")";
  }

  /** A string escaped as one reference token of a JSON pointer (RFC 6901). */
  static String token(String name) {
    if (name.indexOf('~') < 0 && name.indexOf('/') < 0) {
      return name;
    }
    return name.replace("~", "~0").replace("/", "~1");
  }
}
