package org.annotationkit.core.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class AttributeSpecTest {

  @Test
  void factoriesBuildTheRecordsTheySay() {
    assertThat(AttributeSpec.bool("occluded"))
        .isEqualTo(
            new AttributeSpec(
                "occluded",
                AttributeType.BOOLEAN,
                List.of(),
                false,
                OptionalDouble.empty(),
                OptionalDouble.empty()));
    assertThat(AttributeSpec.enumeration("colour", "red", "green"))
        .isEqualTo(
            new AttributeSpec(
                "colour",
                AttributeType.ENUM,
                List.of("red", "green"),
                false,
                OptionalDouble.empty(),
                OptionalDouble.empty()));
    assertThat(AttributeSpec.number("speed").type()).isEqualTo(AttributeType.NUMBER);
    assertThat(AttributeSpec.number("speed").min()).isEmpty();
    assertThat(AttributeSpec.number("speed", 0, 130))
        .isEqualTo(
            new AttributeSpec(
                "speed",
                AttributeType.NUMBER,
                List.of(),
                false,
                OptionalDouble.of(0),
                OptionalDouble.of(130)));
    assertThat(AttributeSpec.text("note").type()).isEqualTo(AttributeType.TEXT);
  }

  @Test
  void asRequiredCopiesWithRequiredSet() {
    AttributeSpec colour = AttributeSpec.enumeration("colour", "red", "green");
    AttributeSpec required = colour.asRequired();
    assertThat(colour.required()).isFalse();
    assertThat(required.required()).isTrue();
    assertThat(required.options()).isEqualTo(colour.options());
    assertThat(required.name()).isEqualTo("colour");
    assertThat(AttributeSpec.number("n", 1, 2).asRequired().max()).hasValue(2);
  }

  @Test
  void enumNeedsOptions() {
    assertThatThrownBy(() -> AttributeSpec.enumeration("colour"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("attribute 'colour' (enum): options must not be empty");
  }

  @Test
  void enumOptionsAreUnique() {
    assertThatThrownBy(() -> AttributeSpec.enumeration("colour", "red", "blue", "red"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("attribute 'colour' (enum): option 'red' appears twice");
  }

  @Test
  void enumOptionsAreValidNames() {
    assertThatThrownBy(() -> AttributeSpec.enumeration("colour", "red", " blue"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "attribute 'colour' (enum): option must not start or end with whitespace, got ' blue'");
  }

  @Test
  void optionsOnlyForEnums() {
    assertThatThrownBy(() ->
            new AttributeSpec(
                "occluded",
                AttributeType.BOOLEAN,
                List.of("yes"),
                false,
                OptionalDouble.empty(),
                OptionalDouble.empty()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "attribute 'occluded' (boolean): options apply only to enum attributes, got [yes]");
  }

  @Test
  void rangeOnlyForNumbers() {
    assertThatThrownBy(() ->
            new AttributeSpec(
                "note",
                AttributeType.TEXT,
                List.of(),
                false,
                OptionalDouble.of(1),
                OptionalDouble.empty()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(
            "attribute 'note' (text): min and max apply only to number attributes");
  }

  @Test
  void rangeIsOrderedAndFinite() {
    assertThatThrownBy(() -> AttributeSpec.number("speed", 5, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("attribute 'speed' (number): min must be <= max, got min 5.0 and max 1.0");
    assertThatThrownBy(() -> AttributeSpec.number("speed", Double.NaN, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("attribute 'speed' (number): min must be finite, got NaN");
    assertThatThrownBy(() -> AttributeSpec.number("speed", 0, Double.POSITIVE_INFINITY))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("attribute 'speed' (number): max must be finite, got Infinity");
    assertThat(AttributeSpec.number("speed", 2, 2).min()).hasValue(2);
  }

  @Test
  void optionsAreCopied() {
    List<String> options = new java.util.ArrayList<>(List.of("a", "b"));
    AttributeSpec spec =
        new AttributeSpec(
            "x",
            AttributeType.ENUM,
            options,
            false,
            OptionalDouble.empty(),
            OptionalDouble.empty());
    options.add("c");
    assertThat(spec.options()).containsExactly("a", "b");
    assertThatThrownBy(() -> spec.options().add("d"))
        .isInstanceOf(UnsupportedOperationException.class);
  }
}
