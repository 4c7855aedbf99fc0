package org.annotationkit.core.json;

import java.math.BigInteger;

/**
 * The double of a JSON number's text, for the numbers whose digits fit a {@code long}: most
 * coordinates, scores and times of canonical JSON, which {@link Double#toString} wrote with up to
 * 17 significant digits. One pass over the characters gathers the digits and the power of ten; two
 * exact methods then give the double that {@link Double#parseDouble} gives, or say that they cannot
 * tell, and the caller falls back on the general conversion:
 *
 * <ul>
 *   <li>the fast path of Clinger (1990): digits below 2^53 and a power of ten from 10^-22 to 10^22
 *       are doubles exactly, and one multiplication or division rounds correctly;
 *   <li>otherwise the algorithm of Eisel and Lemire (Lemire, "Number Parsing at a Gigabyte per
 *       Second", 2021), as Go's {@code strconv} writes it: the digits times a 128-bit truncation of
 *       the power of ten, which decides the rounding unless the product lies too close to a halfway
 *       point, or the result is subnormal or out of range.
 * </ul>
 */
final class Decimals {
  private Decimals() {}

  /** Up to this many significant digits are gathered; a {@code long} holds any 19 digits. */
  private static final int MAX_DIGITS = 19;

  /** The powers of ten that a double holds exactly: 10^0 to 10^22. */
  private static final double[] EXACT_POWERS_OF_TEN = new double[23];

  static {
    double power = 1;
    for (int i = 0; i < EXACT_POWERS_OF_TEN.length; i++) {
      EXACT_POWERS_OF_TEN[i] = power;
      power *= 10;
    }
  }

  /** The least and greatest powers of ten in {@link #POWERS}. */
  static final int MIN_EXP10 = -348;

  static final int MAX_EXP10 = 347;

  /**
   * For each power of ten 10^e from {@link #MIN_EXP10} to {@link #MAX_EXP10}, the 128 bits of its
   * mantissa, rounded down, with the highest bit set: {@code POWERS[2 * (e - MIN_EXP10)]} holds the
   * high 64 bits and the next entry the low 64. 10^e is that mantissa times 2^(p - 127), where p is
   * {@link #log2Floor(int) floor(e log2 10)}.
   */
  private static final long[] POWERS = powers();

  private static long[] powers() {
    long[] table = new long[2 * (MAX_EXP10 - MIN_EXP10 + 1)];
    BigInteger mask = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);
    for (int e = MIN_EXP10; e <= MAX_EXP10; e++) {
      int shift = 127 - log2Floor(e);
      BigInteger mantissa;
      if (e >= 0) {
        BigInteger power = BigInteger.TEN.pow(e);
        mantissa = shift >= 0 ? power.shiftLeft(shift) : power.shiftRight(-shift);
      } else {
        // shift > 127 here: 2^shift / 10^-e, rounded down
        mantissa = BigInteger.ONE.shiftLeft(shift).divide(BigInteger.TEN.pow(-e));
      }
      if (mantissa.bitLength() != 128) {
        throw new IllegalStateException("the mantissa of 10^" + e + " is not normalised");
      }
      int at = 2 * (e - MIN_EXP10);
      table[at] = mantissa.shiftRight(64).longValue();
      table[at + 1] = mantissa.and(mask).longValue();
    }
    return table;
  }

  /** floor(e log2 10), for e from -1500 to 1500: 217706 / 2^16 is log2 10 closely enough. */
  static int log2Floor(int e) {
    return (217_706 * e) >> 16;
  }

  /**
   * The double nearest to a JSON number (an optional minus sign, digits, an optional fraction and
   * an optional exponent, as the parser validated it), rounded as {@link Double#parseDouble} rounds
   * it; NaN when this method cannot tell (more than 19 significant digits, a result near a halfway
   * point, subnormal, or out of range), and the caller converts it in the general way.
   *
   * @param chars holds the number's text
   */
  static double parse(char[] chars, int offset, int length) {
    int i = offset;
    int end = offset + length;
    boolean negative = i < end && chars[i] == '-';
    if (negative) {
      i++;
    }
    // The digits go into a long as they come: leading zeros add nothing, so the value is right
    // (unsigned) as long as at most 19 digits follow the first that is not zero.
    long digits = 0;
    int start = i;
    char c = 0;
    for (; i < end && (c = chars[i]) >= '0' && c <= '9'; i++) {
      digits = digits * 10 + (c - '0');
    }
    int whole = i - start;
    int fraction = 0;
    if (i < end && c == '.') {
      int point = ++i;
      for (; i < end && (c = chars[i]) >= '0' && c <= '9'; i++) {
        digits = digits * 10 + (c - '0');
      }
      fraction = i - point;
    }
    if (whole + fraction == 0) {
      return Double.NaN;
    }
    if (whole + fraction > MAX_DIGITS && significant(chars, start, i) > MAX_DIGITS) {
      return Double.NaN;
    }
    long exponent = 0;
    if (i < end) {
      c = chars[i];
      if (c != 'e' && c != 'E') {
        return Double.NaN;
      }
      i++;
      boolean negativeExponent = false;
      if (i < end && (chars[i] == '-' || chars[i] == '+')) {
        negativeExponent = chars[i] == '-';
        i++;
      }
      if (i == end) {
        return Double.NaN;
      }
      for (; i < end; i++) {
        char d = chars[i];
        if (d < '0' || d > '9') {
          return Double.NaN;
        }
        if (exponent < 100_000) {
          exponent = exponent * 10 + (d - '0');
        }
      }
      if (negativeExponent) {
        exponent = -exponent;
      }
    }
    if (digits == 0) {
      return negative ? -0.0 : 0.0;
    }
    long exp10 = exponent - fraction;
    if (digits >= 0 && digits < 1L << 53 && exp10 >= -22 && exp10 <= 22) {
      double value =
          exp10 >= 0
              ? (double) digits * EXACT_POWERS_OF_TEN[(int) exp10]
              : (double) digits / EXACT_POWERS_OF_TEN[(int) -exp10];
      return negative ? -value : value;
    }
    if (exp10 < MIN_EXP10 || exp10 > MAX_EXP10) {
      return Double.NaN;
    }
    return eiselLemire(digits, (int) exp10, negative);
  }

  /** The digits from {@code from} to {@code to} (digits and a point) after the leading zeros. */
  private static int significant(char[] chars, int from, int to) {
    int i = from;
    while (i < to && (chars[i] == '0' || chars[i] == '.')) {
      i++;
    }
    int count = 0;
    for (; i < to; i++) {
      if (chars[i] != '.') {
        count++;
      }
    }
    return count;
  }

  /**
   * The double of {@code digits * 10^exp10} (digits an unsigned, non-zero {@code long}, exp10 in
   * the table's range), or NaN if the 128-bit product cannot decide its rounding, or the result is
   * subnormal, infinite or zero.
   */
  static double eiselLemire(long digits, int exp10, boolean negative) {
    // Normalise the digits: highest bit set.
    int zeros = Long.numberOfLeadingZeros(digits);
    long man = digits << zeros;
    long exp2 = log2Floor(exp10) + 64 + 1023 - zeros;

    int at = 2 * (exp10 - MIN_EXP10);
    long powerHigh = POWERS[at];
    long powerLow = POWERS[at + 1];

    // The high 128 bits of the product with the high 64 bits of the power.
    long xHi = Math.unsignedMultiplyHigh(man, powerHigh);
    long xLo = man * powerHigh;

    // The low bits of the power could carry into the bits that decide: take them too.
    if ((xHi & 0x1FF) == 0x1FF && Long.compareUnsigned(xLo + man, man) < 0) {
      long yHi = Math.unsignedMultiplyHigh(man, powerLow);
      long yLo = man * powerLow;
      long mergedHi = xHi;
      long mergedLo = xLo + yHi;
      if (Long.compareUnsigned(mergedLo, xLo) < 0) {
        mergedHi++;
      }
      if ((mergedHi & 0x1FF) == 0x1FF
          && mergedLo + 1 == 0
          && Long.compareUnsigned(yLo + man, man) < 0) {
        return Double.NaN;
      }
      xHi = mergedHi;
      xLo = mergedLo;
    }

    // Keep 54 bits: the 53 of a double and one to round with.
    long msb = xHi >>> 63;
    long mantissa = xHi >>> (msb + 9);
    exp2 -= 1 ^ msb;

    // Exactly halfway as far as the product tells, where rounding to even would go down.
    if (xLo == 0 && (xHi & 0x1FF) == 0 && (mantissa & 3) == 1) {
      return Double.NaN;
    }

    // Round half up to 53 bits (a tie that should go down was refused above).
    mantissa += mantissa & 1;
    mantissa >>>= 1;
    if ((mantissa >>> 53) > 0) {
      mantissa >>>= 1;
      exp2++;
    }
    if (exp2 <= 0 || exp2 >= 0x7FF) {
      return Double.NaN; // subnormal or zero, or infinite: left to the general conversion
    }
    long bits = (exp2 << 52) | (mantissa & 0x000F_FFFF_FFFF_FFFFL);
    if (negative) {
      bits |= Long.MIN_VALUE;
    }
    return Double.longBitsToDouble(bits);
  }
}
