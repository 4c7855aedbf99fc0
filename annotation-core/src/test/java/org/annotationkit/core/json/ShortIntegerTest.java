package org.annotationkit.core.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.random.RandomGenerator;
import java.util.stream.Stream;
import org.annotationkit.core.testing.Seeds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The reader's fast path for short integers gives what {@link Integer#parseInt} gives. */
class ShortIntegerTest {
  static Stream<Long> seeds() {
    return Seeds.seeds(10);
  }

  private static int fast(String text) {
    // Placed inside a larger array, as the parser's buffer holds it.
    char[] chars = ("[ " + text + " ]").toCharArray();
    return JsonIn.shortInteger(chars, 2, text.length());
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void randomShortIntegersParseAsParseIntParsesThem(long seed) {
    RandomGenerator random = Seeds.random(seed);
    for (int n = 0; n < 20_000; n++) {
      boolean negative = random.nextBoolean();
      int digits = 1 + random.nextInt(JsonIn.MAX_SHORT_INTEGER - (negative ? 1 : 0));
      StringBuilder text = new StringBuilder(negative ? "-" : "");
      for (int i = 0; i < digits; i++) {
        // JSON integers have no leading zero
        text.append(
            (char) (i == 0 && digits > 1 ? '1' + random.nextInt(9) : '0' + random.nextInt(10)));
      }
      assertThat(fast(text.toString()))
          .as(text.toString())
          .isEqualTo(Integer.parseInt(text.toString()));
    }
  }

  @Test
  void theLimitsOfNineCharacters() {
    assertThat(fast("999999999")).isEqualTo(999_999_999);
    assertThat(fast("-99999999")).isEqualTo(-99_999_999);
    assertThat(fast("0")).isZero();
    assertThat(fast("-0")).isZero();
  }

  @Test
  void integersReadThroughTheReaderAreTheirValuesUpToTheIntLimits() {
    for (String text :
        new String[] {"0", "7", "-7", "123456789", "-12345678", "1234567890", "2147483647"}) {
      var parser = JsonEngine.parser(text);
      JsonIn in = new JsonIn(parser, java.util.Optional.empty(), 1);
      in.nextToken();
      assertThat(in.integer()).as(text).isEqualTo(Integer.parseInt(text));
    }
  }
}
