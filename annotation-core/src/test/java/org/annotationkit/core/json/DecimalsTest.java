package org.annotationkit.core.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.errorprone.annotations.CanIgnoreReturnValue;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Locale;
import java.util.random.RandomGenerator;
import java.util.stream.Stream;
import org.annotationkit.core.testing.Seeds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The reader's fast conversion of numbers gives what {@link Double#parseDouble} gives, bit for bit,
 * or NaN (left to the general conversion), on millions of generated numbers: random decimals of 1
 * to 25 digits, the shortest text of random doubles over the whole range, 17-digit texts nudged by
 * one unit, exponents, subnormals, signed zeros, and ties between two doubles.
 */
class DecimalsTest {
  static Stream<Long> seeds() {
    return Seeds.seeds(20);
  }

  private static double fast(String text) {
    char[] padded = ("x" + text + "y").toCharArray(); // an offset, and characters after the end
    return Decimals.parse(padded, 1, text.length());
  }

  /**
   * The same bits as parseDouble (so -0.0 stays negative), or NaN: left to the parser. True if the
   * fast conversion decided.
   */
  @CanIgnoreReturnValue
  private static boolean agrees(String text) {
    double fast = fast(text);
    if (Double.isNaN(fast)) {
      return false;
    }
    double slow = Double.parseDouble(text);
    assertThat(Double.doubleToRawLongBits(fast))
        .as("%s: %s against %s", text, fast, slow)
        .isEqualTo(Double.doubleToRawLongBits(slow));
    return true;
  }

  private static char digit(RandomGenerator random) {
    return (char) ('0' + random.nextInt(10));
  }

  /** A JSON number: sign, whole part without leading zeros, fraction, exponent, each at random. */
  private static String randomNumber(RandomGenerator random) {
    StringBuilder text = new StringBuilder();
    if (random.nextBoolean()) {
      text.append('-');
    }
    int whole = 1 + random.nextInt(random.nextBoolean() ? 4 : 20);
    for (int i = 0; i < whole; i++) {
      text.append(i == 0 && whole > 1 ? (char) ('1' + random.nextInt(9)) : digit(random));
    }
    if (random.nextInt(4) > 0) {
      text.append('.');
      int fraction = 1 + random.nextInt(random.nextBoolean() ? 6 : 22);
      for (int i = 0; i < fraction; i++) {
        text.append(digit(random));
      }
    }
    if (random.nextInt(3) == 0) {
      text.append(random.nextBoolean() ? 'e' : 'E');
      switch (random.nextInt(3)) {
        case 0 -> text.append('-');
        case 1 -> text.append('+');
        default -> {}
      }
      text.append(random.nextInt(random.nextBoolean() ? 30 : 400));
    }
    return text.toString();
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void randomNumbersParseAsParseDoubleParsesThem(long seed) {
    RandomGenerator random = Seeds.random(seed);
    int decided = 0;
    int n = 100_000;
    for (int k = 0; k < n; k++) {
      decided += agrees(randomNumber(random)) ? 1 : 0;
    }
    // Most take a fast path; the rest (more than 19 digits, subnormal, out of range) do not.
    assertThat(decided).isGreaterThan(n / 2);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void theShortestTextOfRandomDoublesParsesBack(long seed) {
    RandomGenerator random = Seeds.random(seed);
    int decided = 0;
    int n = 50_000;
    for (int k = 0; k < n; k++) {
      double value =
          switch (random.nextInt(5)) {
            case 0 -> random.nextDouble(-5000, 5000);
            case 1 -> Math.round(random.nextDouble(-1e6, 1e6)) / 100.0;
            case 2 -> random.nextInt(100_000) / 8.0;
            case 3 -> random.nextDouble();
            default -> Double.longBitsToDouble(random.nextLong()); // any double at all
          };
      if (!Double.isFinite(value)) {
        continue;
      }
      String text = Double.toString(value);
      if (agrees(text)) {
        decided++;
        assertThat(fast(text)).isEqualTo(value);
      }
    }
    assertThat(decided).isGreaterThan(n * 9 / 10);
  }

  /**
   * 17 significant digits, then the same text one unit up and one down in the last digit: the
   * numbers next to a double's shortest text, which round to it or to a neighbour.
   */
  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void seventeenDigitsAndTheirNeighboursParseAsParseDoubleParsesThem(long seed) {
    RandomGenerator random = Seeds.random(seed);
    int decided = 0;
    int n = 30_000;
    for (int k = 0; k < n; k++) {
      double value = random.nextDouble(-1e4, 1e4) * Math.pow(10, random.nextInt(-30, 30));
      BigDecimal exact = new BigDecimal(value);
      BigDecimal rounded = exact.round(new java.math.MathContext(17));
      BigDecimal unit = BigDecimal.ONE.movePointLeft(rounded.scale()); // one in the last digit
      for (BigDecimal text :
          new BigDecimal[] {rounded, rounded.add(unit), rounded.subtract(unit)}) {
        decided += agrees(text.toString()) ? 1 : 0;
        decided += agrees(text.toPlainString()) ? 1 : 0;
      }
    }
    // Plain texts of large or tiny numbers have more than 19 digits: those are left to the parser.
    assertThat(decided).isGreaterThan(n * 6 * 3 / 4);
  }

  /**
   * The exact midpoint of two neighbouring doubles, written in full where it has at most 19 digits,
   * and the decimals just above and below it: parseDouble rounds a tie to the even one.
   */
  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void tiesAndNearTiesRoundAsParseDoubleRoundsThem(long seed) {
    RandomGenerator random = Seeds.random(seed);
    int ties = 0;
    for (int k = 0; k < 30_000; k++) {
      // Doubles from 2^53 to 2^63 have few digits after their point: their midpoints are short.
      double low =
          switch (random.nextInt(3)) {
            case 0 -> Math.scalb(1.0 + random.nextDouble(), random.nextInt(53, 63));
            case 1 -> (double) (random.nextLong(1L << 53, 1L << 62));
            default ->
                Math.scalb((double) random.nextLong(1L << 52, 1L << 53), random.nextInt(-8, 8));
          };
      double high = Math.nextUp(low);
      BigDecimal middle = new BigDecimal(low).add(new BigDecimal(high)).divide(BigDecimal.TWO);
      BigDecimal tiny = BigDecimal.ONE.movePointLeft(Math.max(middle.scale(), 0) + 1);
      for (BigDecimal text : new BigDecimal[] {middle, middle.add(tiny), middle.subtract(tiny)}) {
        agrees(text.toPlainString());
        agrees(text.toString());
      }
      String plain = middle.toPlainString();
      ties += agrees(plain) ? 1 : 0;
      // with a zero exponent and as digits times a power of ten
      agrees(plain + "e0");
      BigInteger unscaled = middle.unscaledValue();
      agrees(unscaled + "e" + (-middle.scale()));
    }
    // Exact ties that round up to the odd neighbour are refused; the rest are decided.
    assertThat(ties).isGreaterThan(1_000);
  }

  @Test
  void subnormalsAndTheEdgesOfTheRangeParseAsParseDoubleParsesThem() {
    RandomGenerator random = Seeds.random(7);
    for (int k = 0; k < 200_000; k++) {
      long bits = random.nextLong(1, 0x0020_0000_0000_0000L); // subnormals and the least normals
      double value = Double.longBitsToDouble(bits);
      agrees(Double.toString(value));
      agrees(String.format(Locale.ROOT, "%.16e", value));
      agrees(String.format(Locale.ROOT, "%.18e", value));
      double big = Double.longBitsToDouble(0x7FEF_FFFF_FFFF_FFFFL - random.nextLong(1L << 53));
      agrees(Double.toString(big));
      agrees(String.format(Locale.ROOT, "%.16e", big));
    }
    for (String text :
        new String[] {
          "4.9e-324",
          "2.4703282292062327e-324",
          "2.4703282292062328e-324",
          "2.2250738585072011e-308",
          "2.2250738585072014e-308",
          "2.225073858507201e-308",
          "1.7976931348623157e308",
          "1.7976931348623158e308",
          "1.7976931348623159e308",
          "1e308",
          "1e309",
          "1e-400",
          "1e400",
          "9999999999999999999e-343",
          "1e-342",
          "1e-348",
          "1e347",
          "1e-349",
          "1e348",
          "0e999",
          "-0e-999",
          "123456789012345678e290",
          "1e22",
          "1e23",
          "9007199254740993",
          "9007199254740993.0",
          "9007199254740995.0",
          "18014398509481993e0",
          "9223372036854775807e0",
          "9223372036854775808e0",
          "9999999999999999999.0",
          "18446744073709551615e0",
          "1.8446744073709551615e19"
        }) {
      agrees(text);
      agrees("-" + text);
    }
  }

  @Test
  void edgesOfTheFastPath() {
    assertThat(fast("12.5")).isEqualTo(12.5);
    assertThat(Double.doubleToRawLongBits(fast("-0.0")))
        .isEqualTo(Double.doubleToRawLongBits(-0.0));
    assertThat(Double.doubleToRawLongBits(fast("-0.000e5")))
        .isEqualTo(Double.doubleToRawLongBits(-0.0));
    assertThat(Double.doubleToRawLongBits(fast("0.0"))).isEqualTo(0L);
    assertThat(fast("0.1")).isEqualTo(0.1);
    assertThat(fast("0.30000000000000004")).isEqualTo(0.30000000000000004);
    assertThat(fast("900719925474099.1")).isEqualTo(900719925474099.1);
    // an exact value times an inexact power of ten lies on a halfway point as far as the product
    // tells: left to the parser
    assertThat(fast("9007199254740991.0")).isNaN();
    assertThat(fast("1.5E-7")).isEqualTo(1.5e-7);
    assertThat(fast("3e2")).isEqualTo(300.0);
    assertThat(fast("3e+2")).isEqualTo(300.0);
    assertThat(fast("123.45678901234567")).isEqualTo(123.45678901234567);
    assertThat(fast("0.00000000000000000000000000001234567890123456789"))
        .isEqualTo(1.234567890123456789e-29);
    // more significant digits than a long holds: left to the parser
    assertThat(fast("1.0000000000000000000001")).isNaN();
    assertThat(fast("12345678901234567890.5")).isNaN();
    // subnormal, or beyond the largest double: left to the parser
    assertThat(fast("4.9e-324")).isNaN();
    assertThat(fast("1e400")).isNaN();
    assertThat(fast("1.8e308")).isNaN();
    // not a number at all
    assertThat(fast("-")).isNaN();
    assertThat(fast("1e")).isNaN();
    assertThat(fast("1.5x")).isNaN();
    assertThat(fast("")).isNaN();
  }
}
