package org.annotationkit.formats.internal;

import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;

/**
 * Fast reading and writing of the plain decimals that fill large annotation files (coordinates with
 * a few decimals), exact to the bit, with jackson-core's own code for every other number.
 *
 * <p>Reading takes the classic exact fast path (W. D. Clinger, "How to read floating point numbers
 * accurately", PLDI 1990): a decimal of at most 15 digits and no exponent is an integer m below
 * 2^53 divided by 10^k with k at most 15; both are exact doubles, and IEEE division rounds their
 * quotient correctly, so m / 10^k is the double nearest to the decimal, which is what {@link
 * Double#parseDouble} gives.
 *
 * <p>Writing turns a double v with 10^-3 <= |v| < 10^7 into the shortest decimal of at most 6
 * fraction digits that reads back as v, when there is one: for the smallest such count d, m =
 * rint(v * 10^d) and m / 10^d == v (the same exact division as above, so the text reads back as v).
 * In that range a double's spacing is under 2 * 10^-9, so at most one decimal of d fraction digits
 * reads back as v, and the text is the one {@link Double#toString(double)} gives (which writes
 * plain decimals there, with at least one fraction digit: {@code 3.0}). Other values go to {@link
 * JsonGenerator#writeNumber(double)}.
 */
public final class JsonNumbers {
  /** Powers of ten that are exact doubles, 10^0 to 10^22. */
  private static final double[] POWERS = new double[23];

  private static final long[] LONG_POWERS = new long[19];

  private static final int[] INT_POWERS = {
    1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000, 1_000_000_000
  };

  static {
    double p = 1;
    for (int i = 0; i < POWERS.length; i++) {
      POWERS[i] = p;
      p *= 10;
    }
    long q = 1;
    for (int i = 0; i < LONG_POWERS.length; i++) {
      LONG_POWERS[i] = q;
      q *= 10;
    }
  }

  private JsonNumbers() {}

  /**
   * The value of the parser's current number token, as {@link JsonParser#getDoubleValue()} gives
   * it.
   *
   * @param parser a parser on a {@code VALUE_NUMBER_INT} or {@code VALUE_NUMBER_FLOAT} token
   * @return the value
   */
  public static double doubleValue(JsonParser parser) {
    char[] text = parser.getStringCharacters();
    if (text != null) {
      double fast = parse(text, parser.getStringOffset(), parser.getStringLength());
      if (!Double.isNaN(fast)) {
        return fast;
      }
    }
    return parser.getDoubleValue();
  }

  /**
   * A JSON number of at most 15 digits and no exponent, exactly; NaN for any other text.
   *
   * @param text the characters
   * @param offset where the number starts
   * @param length its length
   * @return the value, or NaN when the fast path does not apply
   */
  static double parse(char[] text, int offset, int length) {
    int i = offset;
    int end = offset + length;
    boolean negative = i < end && text[i] == '-';
    if (negative) {
      i++;
    }
    long mantissa = 0;
    int digits = 0;
    int fraction = -1;
    for (; i < end; i++) {
      char c = text[i];
      if (c >= '0' && c <= '9') {
        mantissa = mantissa * 10 + (c - '0');
        digits++;
        if (fraction >= 0) {
          fraction++;
        }
      } else if (c == '.' && fraction < 0) {
        fraction = 0;
      } else {
        return Double.NaN;
      }
    }
    if (digits == 0 || digits > 15 || fraction == 0) {
      return Double.NaN;
    }
    if (fraction < 0) {
      // An integer is read as jackson-core reads it: "-0" is 0.0, not -0.0.
      return negative ? -mantissa : mantissa;
    }
    double value = mantissa / POWERS[fraction];
    return negative ? -value : value;
  }

  /**
   * Writes a double as {@link JsonGenerator#writeNumber(double)} does, faster for plain decimals.
   *
   * @param out the generator
   * @param value a finite value
   * @param scratch a buffer of at least 24 characters, reused between calls
   */
  public static void write(JsonGenerator out, double value, char[] scratch) {
    int length = format(value, scratch);
    if (length < 0) {
      out.writeNumber(value);
    } else {
      out.writeNumber(scratch, 0, length);
    }
  }

  /**
   * Writes {@code value} into {@code into} as {@link Double#toString(double)} would, when it is a
   * decimal of at most 6 fraction digits with 10^-3 <= |value| < 10^7 (or zero).
   *
   * @param value the value
   * @param into at least 24 characters
   * @return the length written, or -1 when the value is not such a decimal
   */
  static int format(double value, char[] into) {
    double magnitude = Math.abs(value);
    if (!(magnitude < 1e7) || (magnitude < 1e-3 && magnitude != 0)) {
      return -1;
    }
    for (int d = 1; d <= 6; d++) {
      double scaled = Math.rint(magnitude * POWERS[d]);
      if (scaled / POWERS[d] == magnitude) {
        long m = (long) scaled;
        // Below 10^7 and 10^6: ints, whose division is cheaper.
        int whole = (int) (m / LONG_POWERS[d]);
        int part = (int) (m % LONG_POWERS[d]);
        int digits = d;
        while (digits > 1 && part % 10 == 0) {
          part /= 10;
          digits--;
        }
        int n = 0;
        if (value < 0 || (value == 0 && 1 / value < 0)) {
          into[n++] = '-';
        }
        n = appendLong(whole, into, n);
        into[n++] = '.';
        for (int k = digits - 1; k >= 0; k--) {
          into[n + k] = (char) ('0' + part % 10);
          part /= 10;
        }
        return n + digits;
      }
    }
    return -1;
  }

  private static int appendLong(int value, char[] into, int at) {
    int digits = 1;
    while (digits < 10 && value >= INT_POWERS[digits]) {
      digits++;
    }
    int v = value;
    for (int k = digits - 1; k >= 0; k--) {
      into[at + k] = (char) ('0' + v % 10);
      v /= 10;
    }
    return at + digits;
  }
}
