package org.annotationkit.core.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LabelTest {

  @Test
  void ofHasOnlyAName() {
    assertThat(Label.of("car"))
        .isEqualTo(new Label("car", Optional.empty(), Optional.empty(), List.of(), List.of()));
  }

  @Test
  void withersBuildTheSameRecordAsTheConstructor() {
    Label car = Label.of("car");
    Label built =
        Label.of("vehicle")
            .withColor("#1F77b4")
            .withDescription("anything with wheels")
            .withAttributes(AttributeSpec.bool("occluded"))
            .withChildren(car);
    assertThat(built)
        .isEqualTo(
            new Label(
                "vehicle",
                Optional.of("#1F77b4"),
                Optional.of("anything with wheels"),
                List.of(AttributeSpec.bool("occluded")),
                List.of(car)));
  }

  @Test
  void withersReplaceRatherThanAppend() {
    Label label =
        Label.of("a")
            .withAttributes(AttributeSpec.bool("x"))
            .withAttributes(AttributeSpec.text("y"))
            .withChildren(Label.of("b"))
            .withChildren(Label.of("c"));
    assertThat(label.attributes()).extracting(AttributeSpec::name).containsExactly("y");
    assertThat(label.children()).extracting(Label::name).containsExactly("c");
  }

  @Test
  void colorMustBeHexRgb() {
    for (String bad : List.of("red", "#fff", "#12345g", "1f77b4", "#1f77b4ff", "")) {
      assertThatThrownBy(() -> Label.of("car").withColor(bad))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("label 'car': color must be '#rrggbb' in hexadecimal, got '" + bad + "'");
    }
    assertThat(Label.of("car").withColor("#abcDEF").color()).hasValue("#abcDEF");
  }

  @Test
  void attributeNamesAreUnique() {
    assertThatThrownBy(() ->
            Label.of("car")
                .withAttributes(AttributeSpec.bool("occluded"), AttributeSpec.text("occluded")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("label 'car': attribute 'occluded' appears twice");
  }

  @Test
  void listsAreCopiedAndUnmodifiable() {
    List<Label> children = new ArrayList<>(List.of(Label.of("b")));
    Label label = new Label("a", Optional.empty(), Optional.empty(), List.of(), children);
    children.add(Label.of("c"));
    assertThat(label.children()).hasSize(1);
    assertThatThrownBy(() -> label.children().clear())
        .isInstanceOf(UnsupportedOperationException.class);
  }
}
