package org.annotationkit.core.item;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.random.RandomGenerator;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.annotationkit.core.testing.Seeds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class TextOffsetsTest {
  /** U+1F600 (grinning face) and U+1D11E (musical G clef): two UTF-16 units each. */
  private static final String MIXED = "a\uD83D\uDE00b\uD834\uDD1Ec";

  @Test
  void mixedTextMapsCodePointsPastEachPair() {
    TextOffsets offsets = TextOffsets.of(MIXED);

    assertThat(MIXED).isEqualTo("a😀b𝄞c");
    assertThat(offsets.length()).isEqualTo(5);
    assertThat(offsets.isIdentity()).isFalse();
    assertThat(IntStream.of(0, 1, 2, 3, 4, 5).map(offsets::toUtf16).toArray())
        .containsExactly(0, 1, 3, 4, 6, 7);
    assertThat(IntStream.of(0, 1, 3, 4, 6, 7).map(offsets::toCodePoint).toArray())
        .containsExactly(0, 1, 2, 3, 4, 5);
  }

  @Test
  void indexInsideAPairIsRejectedWithTheIndex() {
    TextOffsets offsets = TextOffsets.of(MIXED);

    assertThatThrownBy(() -> offsets.toCodePoint(2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("UTF-16 index 2 splits a surrogate pair");
    assertThatThrownBy(() -> offsets.toCodePoint(5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("UTF-16 index 5 splits a surrogate pair");
  }

  @Test
  void offsetsOutsideTheTextAreRejectedWithTheLength() {
    TextOffsets offsets = TextOffsets.of("0123456789");

    assertThatThrownBy(() -> offsets.toUtf16(12))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("code point offset 12 is past the end of the text (10 code points)");
    assertThatThrownBy(() -> offsets.toUtf16(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("code point offset must be >= 0, got -1");
    assertThatThrownBy(() -> offsets.toCodePoint(11))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("UTF-16 index 11 is past the end of the text (10 UTF-16 units)");
    assertThatThrownBy(() -> offsets.toCodePoint(-2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("UTF-16 index must be >= 0, got -2");
  }

  @Test
  void pastTheEndCountsCodePointsNotUnits() {
    TextOffsets offsets = TextOffsets.of(MIXED);

    assertThat(offsets.toUtf16(5)).isEqualTo(7);
    assertThatThrownBy(() -> offsets.toUtf16(6))
        .hasMessage("code point offset 6 is past the end of the text (5 code points)");
    assertThatThrownBy(() -> offsets.toCodePoint(8))
        .hasMessage("UTF-16 index 8 is past the end of the text (7 UTF-16 units)");
  }

  @Test
  void textWithoutSupplementaryCharactersIsTheIdentity() {
    TextOffsets offsets = TextOffsets.of("héllo wörld");

    assertThat(offsets.isIdentity()).isTrue();
    assertThat(offsets.length()).isEqualTo(11);
    for (int i = 0; i <= 11; i++) {
      assertThat(offsets.toUtf16(i)).isEqualTo(i);
      assertThat(offsets.toCodePoint(i)).isEqualTo(i);
    }
  }

  @Test
  void emptyTextHasOnlyOffsetZero() {
    TextOffsets offsets = TextOffsets.of("");

    assertThat(offsets.length()).isZero();
    assertThat(offsets.toUtf16(0)).isZero();
    assertThat(offsets.toCodePoint(0)).isZero();
    assertThat(offsets.substring(0, 0)).isEmpty();
    assertThatThrownBy(() -> offsets.toUtf16(1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void adjacentPairsAtTheStartAndEnd() {
    String text = "\uD83D\uDE00\uD83D\uDE01"; // two emoji, nothing else
    TextOffsets offsets = TextOffsets.of(text);

    assertThat(offsets.length()).isEqualTo(2);
    assertThat(offsets.toUtf16(1)).isEqualTo(2);
    assertThat(offsets.toUtf16(2)).isEqualTo(4);
    assertThat(offsets.toCodePoint(2)).isEqualTo(1);
    assertThatThrownBy(() -> offsets.toCodePoint(1)).hasMessageContaining("splits");
    assertThatThrownBy(() -> offsets.toCodePoint(3)).hasMessageContaining("splits");
    assertThat(offsets.substring(1, 2)).isEqualTo("\uD83D\uDE01");
  }

  @Test
  void unpairedSurrogatesCountAsOneCodePointEach() {
    String text = "a\uD800b\uDC00"; // a lone high and a lone low surrogate
    TextOffsets offsets = TextOffsets.of(text);

    assertThat(offsets.length()).isEqualTo(4).isEqualTo(text.codePointCount(0, text.length()));
    assertThat(offsets.isIdentity()).isTrue();
    assertThat(offsets.toCodePoint(2)).isEqualTo(2);
  }

  @Test
  void substringTakesCodePointOffsets() {
    TextOffsets offsets = TextOffsets.of(MIXED);

    assertThat(offsets.substring(1, 4)).isEqualTo("😀b𝄞");
    assertThat(offsets.substring(4, 5)).isEqualTo("c");
    assertThat(offsets.substring(2, 2)).isEmpty();
    assertThatThrownBy(() -> offsets.substring(3, 2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("codePointEnd must be >= codePointStart (3), got 2");
    assertThatThrownBy(() -> offsets.substring(0, 6))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("code point offset 6");
  }

  @Test
  void equalForTheSameText() {
    assertThat(TextOffsets.of(MIXED)).isEqualTo(TextOffsets.of(new String(MIXED)));
    assertThat(TextOffsets.of(MIXED)).hasSameHashCodeAs(TextOffsets.of(MIXED));
    assertThat(TextOffsets.of(MIXED)).isNotEqualTo(TextOffsets.of("abc"));
    assertThat(TextOffsets.of(MIXED).text()).isEqualTo(MIXED);
    assertThat(TextOffsets.of(MIXED).toString()).contains("5 code points").contains("7 UTF-16");
  }

  static Stream<Long> seeds() {
    return Seeds.seeds(200);
  }

  /** Agrees with the JDK's own code point arithmetic on random texts. */
  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void agreesWithTheJdk(long seed) {
    RandomGenerator random = Seeds.random(seed);
    String text = randomText(random);
    TextOffsets offsets = TextOffsets.of(text);

    int length = text.codePointCount(0, text.length());
    assertThat(offsets.length()).isEqualTo(length);
    for (int cp = 0; cp <= length; cp++) {
      int utf16 = text.offsetByCodePoints(0, cp);
      assertThat(offsets.toUtf16(cp)).isEqualTo(utf16);
      assertThat(offsets.toCodePoint(utf16)).isEqualTo(cp);
    }
    for (int i = 0; i <= text.length(); i++) {
      boolean splits =
          i > 0
              && i < text.length()
              && Character.isHighSurrogate(text.charAt(i - 1))
              && Character.isLowSurrogate(text.charAt(i));
      int index = i;
      if (splits) {
        assertThatThrownBy(() -> offsets.toCodePoint(index))
            .isInstanceOf(IllegalArgumentException.class);
      } else {
        assertThat(offsets.toCodePoint(i)).isEqualTo(text.codePointCount(0, i));
      }
    }
  }

  private static String randomText(RandomGenerator random) {
    StringBuilder text = new StringBuilder();
    int size = random.nextInt(40);
    for (int i = 0; i < size; i++) {
      switch (random.nextInt(5)) {
        case 0, 1 -> text.append((char) ('a' + random.nextInt(26)));
        case 2 -> text.append((char) (0x00C0 + random.nextInt(0x2000)));
        case 3 -> text.appendCodePoint(0x10000 + random.nextInt(0x10FFFF - 0x10000 + 1));
        default ->
            text.append((char) (random.nextBoolean() ? 0xD800 : 0xDC00 + random.nextInt(0x400)));
      }
    }
    return text.toString();
  }
}
