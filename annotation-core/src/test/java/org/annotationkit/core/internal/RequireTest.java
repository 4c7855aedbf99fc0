package org.annotationkit.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.random.RandomGenerator;
import java.util.stream.Stream;
import org.annotationkit.core.schema.AttributeSpec;
import org.annotationkit.core.schema.Field;
import org.annotationkit.core.schema.FieldKind;
import org.annotationkit.core.schema.Label;
import org.annotationkit.core.schema.Schema;
import org.annotationkit.core.schema.Skeleton;
import org.annotationkit.core.testing.Seeds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RequireTest {

  /** Each kind of name in a schema, with the words its error message starts with. */
  static Stream<Arguments> namedThings() {
    return Stream.of(
        Arguments.of("label name", (Function<String, Object>) Label::of),
        Arguments.of(
            "field name", (Function<String, Object>) n -> Field.builder(n, FieldKind.FREE_TEXT)),
        Arguments.of("attribute name", (Function<String, Object>) AttributeSpec::bool),
        Arguments.of(
            "skeleton point name",
            (Function<String, Object>) n -> new Skeleton(List.of(n), List.of())),
        Arguments.of(
            "schema name",
            (Function<String, Object>)
                n -> Schema.of(n, Field.builder("f", FieldKind.FREE_TEXT).build())));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("namedThings")
  void rejectsEmptyName(String what, Function<String, Object> make) {
    assertThatThrownBy(() -> make.apply(""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(what + " must not be empty");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("namedThings")
  void rejectsLeadingAndTrailingWhitespace(String what, Function<String, Object> make) {
    assertThatThrownBy(() -> make.apply(" car"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(what + " must not start or end with whitespace, got ' car'");
    assertThatThrownBy(() -> make.apply("car\t"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(what + " must not start or end with whitespace, got 'car\\t'");
    assertThatThrownBy(() -> make.apply("car\u00a0"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(what + " must not start or end with whitespace, got 'car\\u00a0'");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("namedThings")
  void rejectsControlCharacters(String what, Function<String, Object> make) {
    assertThatThrownBy(() -> make.apply("a\u0007b"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(what + " must not contain control characters, got 'a\\u0007b'");
    assertThatThrownBy(() -> make.apply("a\nb"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("control characters");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("namedThings")
  void rejectsUnpairedSurrogates(String what, Function<String, Object> make) {
    assertThatThrownBy(() -> make.apply("a\ud83db"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(what + " must not contain an unpaired surrogate, got 'a\\ud83db'");
    assertThatThrownBy(() -> make.apply("\ude00a"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unpaired surrogate");
  }

  @Test
  void acceptsInnerSpacesPunctuationAndSupplementaryCharacters() {
    for (String name :
        List.of("traffic light", "B-PER", "a", "名前", "smile \ud83d\ude00", "x/y:z")) {
      assertThat(Require.validName(name, "label name")).isEqualTo(name);
      assertThat(Label.of(name).name()).isEqualTo(name);
    }
  }

  @Test
  void quoteEscapesOnlyWhatIsInvisible() {
    assertThat(Require.quote("car")).isEqualTo("'car'");
    assertThat(Require.quote("a b")).isEqualTo("'a b'");
    assertThat(Require.quote("\ud83d\ude00")).isEqualTo("'\ud83d\ude00'");
    assertThat(Require.quote("a\nb\tc\r")).isEqualTo("'a\\nb\\tc\\r'");
    assertThat(Require.quote("a\u0007\u00a0\ud83d")).isEqualTo("'a\\u0007\\u00a0\\ud83d'");
  }

  @Test
  void quoteShortensLongValues() {
    assertThat(Require.quote("x".repeat(40))).isEqualTo("'" + "x".repeat(40) + "'");
    assertThat(Require.quote("x".repeat(50))).isEqualTo("'" + "x".repeat(40) + "…'");
    // Code points, not UTF-16 units, are counted: a pair is never cut in half.
    assertThat(Require.quote("\ud83d\ude00".repeat(41)))
        .isEqualTo("'" + "\ud83d\ude00".repeat(40) + "…'");
  }

  @Test
  void numbersNameTheArgumentAndTheValue() {
    assertThatThrownBy(() -> Require.finiteNonNegative(Double.NaN, "w"))
        .hasMessage("w must be finite, got NaN");
    assertThatThrownBy(() -> Require.finiteNonNegative(-3, "w"))
        .hasMessage("w must be >= 0, got -3.0");
    assertThatThrownBy(() -> Require.finitePositive(0, "fps"))
        .hasMessage("fps must be > 0, got 0.0");
    assertThatThrownBy(() -> Require.finitePositive(Double.POSITIVE_INFINITY, "fps"))
        .hasMessage("fps must be finite, got Infinity");
    assertThatThrownBy(() -> Require.positive(0, "n")).hasMessage("n must be > 0, got 0");
    assertThatThrownBy(() -> Require.nonNegative(-1, "n")).hasMessage("n must be >= 0, got -1");
    Require.finiteNonNegative(-0.0, "w");
    Require.nonNegative(0, "n");
    Require.positive(1, "n");
  }

  @Test
  void copyEachNamesTheElementAndCopies() {
    List<String> given = new ArrayList<>(List.of("a", "b"));
    List<String> copy = Require.copyEach(given, "labels", Require::nonEmpty);
    given.add("c");
    assertThat(copy).containsExactly("a", "b");
    assertThatThrownBy(() -> copy.add("d")).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> Require.copyEach(List.of("a", ""), "labels", Require::nonEmpty))
        .hasMessage("labels[1] must not be empty");
    assertThatThrownBy(() -> Require.copyEach(Arrays.asList("a", null), "labels", (v, n) -> v))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("labels[1]");
  }

  @Test
  void atLeastCountsTheElements() {
    assertThat(Require.atLeast(List.of(1, 2), 2, "points", "points")).containsExactly(1, 2);
    assertThatThrownBy(() -> Require.atLeast(List.of(1), 2, "points", "points"))
        .hasMessage("points must have at least 2 points, got 1");
  }

  @Test
  void uniqueReportsTheFirstRepeatedKey() {
    assertThat(Require.unique(List.of("a", "bb"), String::length, k -> "twice " + k))
        .containsExactlyInAnyOrder(1, 2);
    assertThatThrownBy(
            () -> Require.unique(List.of("a", "bb", "c", "dd"), String::length, k -> "twice " + k))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("twice 1");
  }

  static Stream<Long> seeds() {
    return Seeds.seeds(300);
  }

  /**
   * Random lists of up to 60 keys, drawn from few texts that include ones with equal hash codes
   * ("Aa" and "BB"), against a hash set: the same first repeated key, else the same set of keys,
   * asked for keys that are in it and keys that are not.
   */
  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void uniqueAgreesWithAHashSet(long seed) {
    RandomGenerator random = Seeds.random(seed);
    List<String> texts = List.of("Aa", "BB", "AaAa", "BBBB", "AaBB", "BBAa", "x", "y", "");
    int n = random.nextInt(61);
    boolean distinct = random.nextBoolean();
    // Distinct keys come in fours of one hash code: "k3AaAa", "k3AaBB", "k3BBAa", "k3BBBB".
    List<String> collide = List.of("AaAa", "AaBB", "BBAa", "BBBB");
    List<String> keys = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      keys.add(distinct ? "k" + i / 4 + collide.get(i % 4) : pick(random, texts));
    }
    if (distinct) {
      java.util.Collections.shuffle(keys, java.util.Random.from(random));
    }
    Set<String> seen = new HashSet<>();
    String repeated = null;
    for (String key : keys) {
      if (!seen.add(key)) {
        repeated = key;
        break;
      }
    }
    if (repeated != null) {
      String expected = repeated;
      assertThatThrownBy(() -> Require.unique(keys, k -> k, k -> "twice " + k))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("twice " + expected);
      return;
    }
    Set<String> unique = Require.unique(keys, k -> k, k -> "twice " + k);
    assertThat(unique).hasSameSizeAs(seen).containsExactlyInAnyOrderElementsOf(seen);
    for (String text : texts) {
      assertThat(unique.contains(text)).as(text).isEqualTo(seen.contains(text));
      assertThat(unique.contains("k0" + text)).isEqualTo(seen.contains("k0" + text));
    }
  }

  private static String pick(RandomGenerator random, List<String> texts) {
    return texts.get(random.nextInt(texts.size())) + (random.nextInt(40));
  }

  @Test
  @SuppressWarnings("JdkObsolete") // a list that is not RandomAccess, on purpose
  void requireUniqueFailsOnTheKeyThatUniqueFailsOn() {
    java.util.Random random = new java.util.Random(6);
    for (int round = 0; round < 2_000; round++) {
      List<Integer> values = new ArrayList<>();
      int n = random.nextInt(14);
      for (int i = 0; i < n; i++) {
        values.add(random.nextInt(3 * n + 1));
      }
      List<Integer> list =
          round % 2 == 0 ? List.copyOf(values) : new java.util.LinkedList<>(values);
      Function<Integer, String> message = k -> "twice " + k;
      String expected = failure(() -> Require.unique(list, k -> k % 17, message));
      assertThat(failure(() -> Require.requireUnique(list, k -> k % 17, message)))
          .as("%s", list)
          .isEqualTo(expected);
    }
  }

  /** The message of the IllegalArgumentException a call throws, or null when it returns. */
  private static @org.jspecify.annotations.Nullable String failure(Runnable call) {
    try {
      call.run();
      return null;
    } catch (IllegalArgumentException e) {
      return e.getMessage();
    }
  }

  @Test
  void sortedCopySortsAndRejectsEmptyKeysAndNulls() {
    Map<String, Integer> given = new HashMap<>(Map.of("b", 2, "a", 1));
    Map<String, Integer> copy = Require.sortedCopy(given, "metadata");
    given.put("c", 3);
    assertThat(copy.keySet()).containsExactly("a", "b");
    assertThatThrownBy(() -> copy.put("c", 3)).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> Require.sortedCopy(Map.of("", 1), "metadata"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("metadata keys must not be empty");
    Map<String, Integer> nullValue = new HashMap<>();
    nullValue.put("k", null);
    assertThatThrownBy(() -> Require.sortedCopy(nullValue, "metadata"))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("metadata value of k");
  }
}
