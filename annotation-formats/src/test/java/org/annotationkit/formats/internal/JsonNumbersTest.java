package org.annotationkit.formats.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.core.JsonToken;

/**
 * The fast number paths against the JDK's own conversions, which are exact (Double.toString gives
 * the shortest decimal that reads back, JDK 19+; Double.parseDouble rounds correctly).
 */
class JsonNumbersTest {
  static Stream<Long> seeds() {
    long base = Long.getLong("annotationkit.seed", 20261204L);
    return LongStream.range(base, base + 10).boxed();
  }

  /** Doubles like coordinates (a few decimals), integers, and arbitrary bit patterns. */
  private static double draw(SplittableRandom random) {
    return switch (random.nextInt(4)) {
      case 0 -> random.nextLong(-100_000_000L, 100_000_000L) / Math.pow(10, random.nextInt(9));
      case 1 -> random.nextInt(-5000, 5000);
      case 2 -> random.nextDouble(-2e7, 2e7);
      default -> {
        double v = Double.longBitsToDouble(random.nextLong());
        yield Double.isFinite(v) ? v : 0.5;
      }
    };
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void formatWritesWhatDoubleToStringWrites(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    char[] buffer = new char[32];
    int fast = 0;
    for (int i = 0; i < 20_000; i++) {
      double v = draw(random);
      int n = JsonNumbers.format(v, buffer);
      if (n >= 0) {
        fast++;
        assertThat(new String(buffer, 0, n))
            .as("bits %x", Double.doubleToRawLongBits(v))
            .isEqualTo(Double.toString(v));
      }
    }
    assertThat(fast).as("the fast path is taken").isGreaterThan(5_000);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void parseReadsWhatDoubleParseDoubleReads(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = 0; i < 20_000; i++) {
      StringBuilder text = new StringBuilder();
      if (random.nextBoolean()) {
        text.append('-');
      }
      int digits = 1 + random.nextInt(18);
      text.append(1 + random.nextInt(9));
      for (int k = 1; k < digits; k++) {
        text.append(random.nextInt(10));
      }
      if (random.nextInt(4) > 0) {
        text.insert(text.length() - random.nextInt(digits), '.');
        if (text.charAt(text.length() - 1) == '.') {
          text.append('5');
        }
      }
      String s = text.toString().replace("-.", "-0.");
      if (s.startsWith(".")) {
        s = "0" + s;
      }
      char[] chars = ("  " + s + " ").toCharArray();
      double fast = JsonNumbers.parse(chars, 2, s.length());
      if (!Double.isNaN(fast)) {
        assertThat(Double.doubleToRawLongBits(fast))
            .as(s)
            .isEqualTo(Double.doubleToRawLongBits(Double.parseDouble(s)));
      }
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "0",
        "-0",
        "0.0",
        "-0.0",
        "1e5",
        "1.5E-3",
        "123.45",
        "-7",
        "0.1",
        "9007199254740993",
        "123456789012345.6",
        "1.000000000000000000001"
      })
  void numbersReadThroughTheParserAreJacksonsValues(String number) {
    try (JsonInput in =
        JsonInput.of(
            new ByteArrayInputStream(("[" + number + "]").getBytes(StandardCharsets.UTF_8)),
            "x.json")) {
      in.next();
      JsonToken token = in.next();
      assertThat(token).isIn(JsonToken.VALUE_NUMBER_INT, JsonToken.VALUE_NUMBER_FLOAT);
      double fast = JsonNumbers.doubleValue(in.parser());
      assertThat(Double.doubleToRawLongBits(fast))
          .isEqualTo(Double.doubleToRawLongBits(in.parser().getDoubleValue()));
    }
  }
}
