package org.annotationkit.core.table;

import tools.jackson.core.io.NumberInput;

/**
 * Parses numbers from ASCII bytes where they lie, without making a string: decimals with Clinger's
 * fast path where it is exact, and jackson-core's exact parser (FastDoubleParser) otherwise. Not
 * thread-safe (it reuses a scratch array).
 */
final class Decimals {

  /** {@link #status} after a successful {@link #parseLong(byte[], int, int, long, long)}. */
  static final int OK = 0;

  /** {@link #status} when the text is not an integer. */
  static final int NOT_A_NUMBER = 1;

  /** {@link #status} when the integer is out of range. */
  static final int OUT_OF_RANGE = 2;

  /** Powers of ten that doubles hold exactly. */
  private static final double[] POWERS_OF_TEN = new double[23];

  static {
    double power = 1;
    for (int i = 0; i < POWERS_OF_TEN.length; i++) {
      POWERS_OF_TEN[i] = power;
      power *= 10;
    }
  }

  /** The outcome of the last {@link #parseLong(byte[], int, int, long, long)}. */
  int status;

  private char[] chars = new char[64];

  /**
   * The integer at {@code [start, end)}: optional sign, then decimal digits, within {@code [min,
   * max]}; sets {@link #status}, and returns 0 unless it is {@link #OK}.
   */
  long parseLong(byte[] b, int start, int end, long min, long max) {
    int p = start;
    boolean negative = p < end && b[p] == '-';
    if (negative || (p < end && b[p] == '+')) {
      p++;
    }
    if (p == end) {
      status = NOT_A_NUMBER;
      return 0;
    }
    // Accumulate negatively, which reaches Long.MIN_VALUE.
    long value = 0;
    long floor = negative ? min : -max;
    for (; p < end; p++) {
      int digit = b[p] - '0';
      if (digit < 0 || digit > 9) {
        status = NOT_A_NUMBER;
        return 0;
      }
      // value * 10 - digit >= floor, without overflow (division truncates towards zero).
      if (value < (floor + digit) / 10) {
        // Digits may still follow that make it no number at all.
        for (p++; p < end; p++) {
          if (b[p] < '0' || b[p] > '9') {
            status = NOT_A_NUMBER;
            return 0;
          }
        }
        status = OUT_OF_RANGE;
        return 0;
      }
      value = value * 10 - digit;
    }
    status = OK;
    return negative ? value : -value;
  }

  /**
   * The value of the decimal, infinity or NaN at {@code [start, end)}, non-empty: what {@link
   * Double#parseDouble(String)} gives for a decimal; {@code inf} and {@code infinity} in any case
   * with a sign; {@code NaN} for anything else (including the word {@code nan}, which {@link
   * #isNaN(byte[], int, int)} tells apart).
   */
  double parseDouble(byte[] b, int start, int end) {
    int p = start;
    boolean negative = false;
    if (b[p] == '-' || b[p] == '+') {
      negative = b[p] == '-';
      p++;
    }
    if (p < end && (b[p] | 0x20) == 'i') {
      return matchesIgnoringCase(b, p, end, "inf") || matchesIgnoringCase(b, p, end, "infinity")
          ? (negative ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY)
          : Double.NaN;
    }
    long mantissa = 0;
    int significant = 0;
    int exponent = 0;
    boolean digits = false;
    boolean exact = true;
    for (; p < end; p++) {
      int digit = b[p] - '0';
      if (digit < 0 || digit > 9) {
        break;
      }
      digits = true;
      if (significant < 18) {
        mantissa = mantissa * 10 + digit;
        significant += mantissa == 0 ? 0 : 1;
      } else {
        exact = false;
      }
    }
    if (p < end && b[p] == '.') {
      p++;
      for (; p < end; p++) {
        int digit = b[p] - '0';
        if (digit < 0 || digit > 9) {
          break;
        }
        digits = true;
        if (significant < 18) {
          mantissa = mantissa * 10 + digit;
          significant += mantissa == 0 ? 0 : 1;
          exponent--;
        } else {
          exact = false;
        }
      }
    }
    if (!digits) {
      return Double.NaN;
    }
    if (p < end && (b[p] | 0x20) == 'e') {
      p++;
      boolean negativeExponent = false;
      if (p < end && (b[p] == '-' || b[p] == '+')) {
        negativeExponent = b[p] == '-';
        p++;
      }
      if (p == end) {
        return Double.NaN;
      }
      int e = 0;
      for (; p < end; p++) {
        int digit = b[p] - '0';
        if (digit < 0 || digit > 9) {
          return Double.NaN;
        }
        e = Math.min(e * 10 + digit, 100_000);
      }
      exponent += negativeExponent ? -e : e;
    }
    if (p != end) {
      return Double.NaN;
    }
    if (exact && mantissa == 0) {
      return negative ? -0.0 : 0.0;
    }
    if (exact && mantissa <= 1L << 53 && exponent >= -22 && exponent <= 22) {
      // Clinger's fast path: both operands are exact, so the one rounding is the correct one.
      double value =
          exponent >= 0 ? mantissa * POWERS_OF_TEN[exponent] : mantissa / POWERS_OF_TEN[-exponent];
      return negative ? -value : value;
    }
    return parseSlowly(b, start, end);
  }

  /** Parses a decimal already checked by the caller with jackson-core's exact parser. */
  private double parseSlowly(byte[] b, int start, int end) {
    int n = end - start;
    if (chars.length < n) {
      chars = new char[Math.max(n, chars.length * 2)];
    }
    for (int i = 0; i < n; i++) {
      chars[i] = (char) b[start + i];
    }
    try {
      return NumberInput.parseDouble(chars, 0, n, true);
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }

  /** Whether {@code [start, end)} is the word {@code nan} in any case, with an optional sign. */
  static boolean isNaN(byte[] b, int start, int end) {
    int p = start;
    if (p < end && (b[p] == '-' || b[p] == '+')) {
      p++;
    }
    return matchesIgnoringCase(b, p, end, "nan");
  }

  private static boolean matchesIgnoringCase(byte[] b, int p, int end, String word) {
    if (end - p != word.length()) {
      return false;
    }
    for (int i = 0; i < word.length(); i++) {
      if ((b[p + i] | 0x20) != word.charAt(i)) {
        return false;
      }
    }
    return true;
  }
}
