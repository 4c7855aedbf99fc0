package org.annotationkit.core.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class NamesTest {

  /** Each kind of name, with the words its error message starts with. */
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
        .hasMessage(what + " must not start or end with whitespace, got 'car\\u0009'");
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
      assertThat(Names.check("label name", name)).isEqualTo(name);
      assertThat(Label.of(name).name()).isEqualTo(name);
    }
  }

  @Test
  void quoteEscapesOnlyWhatIsInvisible() {
    assertThat(Names.quote("car")).isEqualTo("'car'");
    assertThat(Names.quote("a b")).isEqualTo("'a b'");
    assertThat(Names.quote("\ud83d\ude00")).isEqualTo("'\ud83d\ude00'");
    assertThat(Names.quote("\r")).isEqualTo("'\\u000d'");
  }
}
