package org.annotationkit.core.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.random.RandomGenerator;
import java.util.stream.Stream;
import org.annotationkit.core.testing.Seeds;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The fast reading of instants agrees with {@link Instant#parse}, its independent reference. */
class CanonicalInstantTest {

  static Stream<Long> seeds() {
    return Stream.of(1L, 2L, 3L, 20_261_202L);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void readsWhatInstantToStringWritesAsInstantParseDoes(long seed) {
    RandomGenerator random = Seeds.random(seed);
    long max = Instant.parse("9999-12-31T23:59:59.999999999Z").getEpochSecond();
    for (int i = 0; i < 20_000; i++) {
      long second = random.nextLong(0, max + 1) - (i % 3 == 0 ? 0 : random.nextLong(0, max / 2));
      int nanos =
          switch (i % 4) {
            case 0 -> 0;
            case 1 -> random.nextInt(1000) * 1_000_000;
            case 2 -> random.nextInt(1_000_000) * 1000;
            default -> random.nextInt(1_000_000_000);
          };
      Instant instant = Instant.ofEpochSecond(Math.max(second, 0), nanos);
      String text = instant.toString();
      assertThat(JsonIn.parseCanonicalInstant(text)).as(text).isEqualTo(Instant.parse(text));
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2026-02-29T00:00:00Z",
        "2024-02-30T00:00:00Z",
        "2026-13-01T00:00:00Z",
        "2026-01-01T24:00:00Z",
        "2026-01-01T23:60:00Z",
        "2026-01-01T23:59:60Z",
        "2026-01-01T23:59:59.Z",
        "2026-01-01T23:59:59.1234567890Z",
        "2026-01-01t23:59:59Z",
        "+12026-01-01T23:59:59Z",
        "2026-01-01T23:59:59.5",
        "2026-1-01T23:59:59Z",
        "2024-02-29T12:00:00.5Z",
        "2026-01-01T00:00:00.000000001Z"
      })
  void otherTextIsLeftToInstantParseOrReadTheSame(String text) {
    Instant fast = JsonIn.parseCanonicalInstant(text);
    if (fast != null) {
      assertThat(fast).isEqualTo(Instant.parse(text));
      return;
    }
    // Left to Instant.parse, which reads it or refuses it: either is fine here.
    try {
      assertThat(Instant.parse(text)).isNotNull();
    } catch (DateTimeParseException refused) {
      assertThat(refused).hasMessageContaining(text);
    }
  }
}
