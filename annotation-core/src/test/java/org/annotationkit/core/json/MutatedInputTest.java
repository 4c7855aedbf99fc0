package org.annotationkit.core.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.random.RandomGenerator;
import java.util.stream.Stream;
import org.annotationkit.core.io.FormatException;
import org.annotationkit.core.testing.Seeds;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Damaged records, made by random edits of valid ones, either read or raise a {@link
 * FormatException} with a line and a pointer: never a jackson-core exception, never an {@link
 * IllegalArgumentException} from a domain constructor, never anything else.
 */
class MutatedInputTest {
  private static final String[] FRAGMENTS = {
    "{",
    "}",
    "[",
    "]",
    ",",
    ":",
    "\"",
    "\\",
    "0",
    "-1",
    "1e400",
    "2.5",
    "true",
    "null",
    "\"x\"",
    "NaN",
    "\"type\"",
    "\"label\"",
    "\"\"",
    " ",
    "\n",
    "\uD83D",
    "é",
    "[[",
    "]]",
    "{}",
    "[]"
  };

  static Stream<Long> seeds() {
    return Seeds.seeds(200);
  }

  private static String mutate(String json, RandomGenerator random) {
    StringBuilder text = new StringBuilder(json);
    int edits = 1 + random.nextInt(3);
    for (int e = 0; e < edits; e++) {
      int at = random.nextInt(text.length() + 1);
      switch (random.nextInt(3)) {
        case 0 -> text.insert(at, FRAGMENTS[random.nextInt(FRAGMENTS.length)]);
        case 1 -> {
          if (at < text.length()) {
            text.delete(at, Math.min(text.length(), at + 1 + random.nextInt(8)));
          }
        }
        default -> {
          if (at < text.length()) {
            text.setCharAt(at, FRAGMENTS[random.nextInt(FRAGMENTS.length)].charAt(0));
          }
        }
      }
    }
    return text.toString();
  }

  private static <T> void check(JsonCodec<T> codec, String json, RandomGenerator random) {
    String damaged = mutate(json, random);
    try {
      T value = codec.read(damaged);
      assertThat(codec.read(codec.write(value))).isEqualTo(value);
    } catch (FormatException e) {
      assertThat(e.line()).as(damaged).isPresent();
      assertThat(e.pointer()).as(damaged).isPresent();
      assertThat(e.problem()).as(damaged).isNotBlank();
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void damagedRecordsReadOrRaiseFormatException(long seed) {
    RandomGenerator random = Seeds.random(seed);
    List<String> annotations =
        Samples.annotations().stream().map(CanonicalJson.annotations()::write).toList();
    List<String> items =
        Samples.itemOfEveryType().stream().map(CanonicalJson.items()::write).toList();
    String schema = CanonicalJson.schemas().writePretty(Samples.everyFeature());
    for (int round = 0; round < 5; round++) {
      check(
          CanonicalJson.annotations(), annotations.get(random.nextInt(annotations.size())), random);
      check(CanonicalJson.items(), items.get(random.nextInt(items.size())), random);
      check(CanonicalJson.schemas(), schema, random);
    }
  }
}
