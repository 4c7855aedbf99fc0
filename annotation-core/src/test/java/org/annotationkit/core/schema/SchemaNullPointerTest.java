package org.annotationkit.core.schema;

import static org.assertj.core.api.Assertions.assertThatCode;

import com.google.common.testing.NullPointerTester;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every public constructor and method of the package rejects a null argument at once. */
class SchemaNullPointerTest {

  private static NullPointerTester tester() {
    return new NullPointerTester()
        .setDefault(String.class, "a")
        .setDefault(String[].class, new String[] {"a"})
        .setDefault(FieldKind.class, FieldKind.SINGLE_CHOICE)
        .setDefault(AttributeType.class, AttributeType.BOOLEAN)
        .setDefault(LabelSet.class, LabelSet.of("a"))
        .setDefault(Label.class, Label.of("a"))
        .setDefault(Constraints.class, Constraints.NONE)
        .setDefault(RatingScale.class, RatingScale.likert(5))
        .setDefault(Skeleton.class, new Skeleton(List.of("a"), List.of()))
        .setDefault(Field.class, Field.builder("a", FieldKind.FREE_TEXT).build())
        .setDefault(FieldOptions.class, FieldOptions.None.INSTANCE);
  }

  @ParameterizedTest
  @ValueSource(
      classes = {
        AttributeSpec.class,
        Label.class,
        LabelSet.class,
        Constraints.class,
        RatingScale.class,
        Skeleton.class,
        Skeleton.Edge.class,
        Field.class,
        Field.Builder.class,
        FieldOptions.Box.class,
        FieldOptions.Keypoints.class,
        FieldOptions.Rating.class,
        FieldOptions.Preference.class,
        Schema.class,
        Presets.class,
        FieldKind.class,
        AttributeType.class
      })
  void staticMethodsAndConstructors(Class<?> type) {
    NullPointerTester tester = tester();
    assertThatCode(() -> tester.testAllPublicStaticMethods(type)).doesNotThrowAnyException();
    assertThatCode(() -> tester.testAllPublicConstructors(type)).doesNotThrowAnyException();
  }

  @Test
  void instanceMethods() {
    NullPointerTester tester = tester();
    assertThatCode(() -> tester.testAllPublicInstanceMethods(AttributeSpec.enumeration("a", "x")))
        .doesNotThrowAnyException();
    assertThatCode(() -> tester.testAllPublicInstanceMethods(Label.of("a")))
        .doesNotThrowAnyException();
    assertThatCode(() -> tester.testAllPublicInstanceMethods(LabelSet.of("a", "b")))
        .doesNotThrowAnyException();
    assertThatCode(() -> tester.testAllPublicInstanceMethods(Constraints.NONE))
        .doesNotThrowAnyException();
    assertThatCode(() -> tester.testAllPublicInstanceMethods(RatingScale.likert(5)))
        .doesNotThrowAnyException();
    assertThatCode(() -> tester.testAllPublicInstanceMethods(new Skeleton(List.of("a"), List.of())))
        .doesNotThrowAnyException();
    assertThatCode(() -> tester.testAllPublicInstanceMethods(new Skeleton.Edge("a", "b")))
        .doesNotThrowAnyException();
    assertThatCode(() ->
            tester.testAllPublicInstanceMethods(
                Field.builder("a", FieldKind.BOX).labels("x").build()))
        .doesNotThrowAnyException();
    assertThatCode(() -> tester.testAllPublicInstanceMethods(Field.builder("a", FieldKind.BOX)))
        .doesNotThrowAnyException();
    assertThatCode(() -> tester.testAllPublicInstanceMethods(Presets.sentiment3()))
        .doesNotThrowAnyException();
  }
}
