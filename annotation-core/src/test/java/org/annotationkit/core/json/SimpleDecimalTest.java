package org.annotationkit.core.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.random.RandomGenerator;
import java.util.stream.Stream;
import org.annotationkit.core.testing.Seeds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The reader's fast path for plain decimals gives what {@link Double#parseDouble} gives. */
class SimpleDecimalTest {
  static Stream<Long> seeds() {
    return Seeds.seeds(20);
  }

  private static double simple(String text) {
    return JsonIn.simpleDecimal(text.toCharArray(), 0, text.length());
  }

  /** The same bits as parseDouble (so -0.0 stays negative), or NaN: not a simple decimal. */
  private static void agrees(String text) {
    double fast = simple(text);
    if (!Double.isNaN(fast)) {
      assertThat(Double.doubleToRawLongBits(fast))
          .as("%s: %s against %s", text, fast, Double.parseDouble(text))
          .isEqualTo(Double.doubleToRawLongBits(Double.parseDouble(text)));
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void randomDecimalsParseAsParseDoubleParsesThem(long seed) {
    RandomGenerator random = Seeds.random(seed);
    int simple = 0;
    for (int n = 0; n < 20_000; n++) {
      StringBuilder text = new StringBuilder();
      if (random.nextBoolean()) {
        text.append('-');
      }
      int whole = 1 + random.nextInt(12);
      for (int i = 0; i < whole; i++) {
        text.append(i == 0 && whole > 1 ? (char) ('1' + random.nextInt(9)) : digit(random));
      }
      text.append('.');
      int fraction = 1 + random.nextInt(random.nextBoolean() ? 6 : 24);
      for (int i = 0; i < fraction; i++) {
        text.append(digit(random));
      }
      agrees(text.toString());
      simple += Double.isNaN(simple(text.toString())) ? 0 : 1;
    }
    // Most of them take the fast path; the rest (too many digits) are left to the parser.
    assertThat(simple).isGreaterThan(5_000);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void theShortestTextOfRandomDoublesParsesBack(long seed) {
    RandomGenerator random = Seeds.random(seed);
    for (int n = 0; n < 20_000; n++) {
      double value =
          switch (random.nextInt(3)) {
            case 0 -> random.nextDouble(-5000, 5000);
            case 1 -> Math.round(random.nextDouble(-1e6, 1e6)) / 100.0;
            default -> random.nextInt(100_000) / 8.0;
          };
      String text = Double.toString(value);
      agrees(text);
      double fast = simple(text);
      if (!Double.isNaN(fast)) {
        assertThat(fast).isEqualTo(value);
      }
    }
  }

  private static char digit(RandomGenerator random) {
    return (char) ('0' + random.nextInt(10));
  }

  @Test
  void edgesOfTheFastPath() {
    assertThat(simple("12.5")).isEqualTo(12.5);
    assertThat(Double.doubleToRawLongBits(simple("-0.0")))
        .isEqualTo(Double.doubleToRawLongBits(-0.0));
    assertThat(simple("0.1")).isEqualTo(0.1);
    assertThat(simple("9007199254740991.0")).isNaN(); // 2^53 - 1, then a 0: digits >= 2^53
    assertThat(simple("900719925474099.1")).isEqualTo(900719925474099.1);
    assertThat(simple("1.0000000000000000000001")).isNaN(); // more digits than a long holds
    assertThat(simple("3e2")).isNaN();
    assertThat(simple("1.5E-7")).isNaN();
    assertThat(simple("-")).isNaN();
    assertThat(simple("0.30000000000000004")).isNaN();
    assertThat(simple("1234567890123456789.5")).isNaN();
  }
}
