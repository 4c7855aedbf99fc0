package org.annotationkit.core.annotation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import java.util.random.RandomGenerator;
import java.util.stream.Stream;
import org.annotationkit.core.item.TextOffsets;
import org.annotationkit.core.testing.Seeds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SpanValueTest {
  /** "a😀b𝄞c": U+1F600 and U+1D11E take two UTF-16 units each. */
  private static final String MIXED = "a\uD83D\uDE00b\uD834\uDD1Ec";

  @Test
  void fromUtf16CountsEachPairAsOneCodePoint() {
    // UTF-16 [3, 6) covers "b𝄞": code points [2, 4).
    SpanValue span = SpanValue.fromUtf16(MIXED, 3, 6, "SYM");

    assertThat(span).isEqualTo(new SpanValue("SYM", 2, 4, Optional.of("b\uD834\uDD1E")));
    assertThat(SpanValue.fromUtf16(MIXED, 1, 3, "EMOJI").start()).isEqualTo(1);
    assertThat(SpanValue.fromUtf16(MIXED, 1, 3, "EMOJI").end()).isEqualTo(2);
    assertThat(SpanValue.fromUtf16(MIXED, 7, 7, "END"))
        .isEqualTo(new SpanValue("END", 5, 5, Optional.of("")));
  }

  @Test
  void fromUtf16RejectsAnIndexInsideAPair() {
    assertThatThrownBy(() -> SpanValue.fromUtf16(MIXED, 2, 4, "X"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("UTF-16 index 2 splits a surrogate pair");
    assertThatThrownBy(() -> SpanValue.fromUtf16(MIXED, 0, 5, "X"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("UTF-16 index 5 splits a surrogate pair");
  }

  @Test
  void fromUtf16RejectsBackwardsAndOutsideSpans() {
    assertThatThrownBy(() -> SpanValue.fromUtf16(MIXED, 4, 3, "X"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("utf16End must be >= utf16Start (4), got 3");
    assertThatThrownBy(() -> SpanValue.fromUtf16(MIXED, 0, 8, "X"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("UTF-16 index 8 is past the end of the text (7 UTF-16 units)");
    assertThatThrownBy(() -> SpanValue.fromUtf16(MIXED, 0, 1, ""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("label must not be empty");
  }

  static Stream<Long> seeds() {
    return Seeds.seeds(200);
  }

  /** Converting UTF-16 indices and back with the text's offsets gives the same indices. */
  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void roundTripsThroughCodePoints(long seed) {
    RandomGenerator random = Seeds.random(seed);
    StringBuilder builder = new StringBuilder();
    int size = 1 + random.nextInt(30);
    for (int i = 0; i < size; i++) {
      builder.appendCodePoint(
          random.nextBoolean() ? 'a' + random.nextInt(26) : 0x1F300 + random.nextInt(0x300));
    }
    String text = builder.toString();
    TextOffsets offsets = TextOffsets.of(text);
    int cpStart = random.nextInt(offsets.length() + 1);
    int cpEnd = cpStart + random.nextInt(offsets.length() - cpStart + 1);
    int utf16Start = text.offsetByCodePoints(0, cpStart);
    int utf16End = text.offsetByCodePoints(0, cpEnd);

    SpanValue span = SpanValue.fromUtf16(offsets, utf16Start, utf16End, "L");

    assertThat(span.start()).isEqualTo(cpStart);
    assertThat(span.end()).isEqualTo(cpEnd);
    assertThat(span.text()).contains(text.substring(utf16Start, utf16End));
    assertThat(offsets.substring(span.start(), span.end())).isEqualTo(span.text().orElseThrow());
    assertThat(SpanValue.fromUtf16(text, utf16Start, utf16End, "L")).isEqualTo(span);
  }
}
