package org.annotationkit.core.schema;

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
        .setDefault(Field.class, Field.builder("a", FieldKind.FREE_TEXT).build());
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
        Schema.class,
        Presets.class,
        FieldKind.class,
        AttributeType.class
      })
  void staticMethodsAndConstructors(Class<?> type) {
    NullPointerTester tester = tester();
    tester.testAllPublicStaticMethods(type);
    tester.testAllPublicConstructors(type);
  }

  @Test
  void instanceMethods() {
    NullPointerTester tester = tester();
    tester.testAllPublicInstanceMethods(AttributeSpec.enumeration("a", "x"));
    tester.testAllPublicInstanceMethods(Label.of("a"));
    tester.testAllPublicInstanceMethods(LabelSet.of("a", "b"));
    tester.testAllPublicInstanceMethods(Constraints.NONE);
    tester.testAllPublicInstanceMethods(RatingScale.likert(5));
    tester.testAllPublicInstanceMethods(new Skeleton(List.of("a"), List.of()));
    tester.testAllPublicInstanceMethods(new Skeleton.Edge("a", "b"));
    tester.testAllPublicInstanceMethods(Field.builder("a", FieldKind.BOX).labels("x").build());
    tester.testAllPublicInstanceMethods(Field.builder("a", FieldKind.BOX));
    tester.testAllPublicInstanceMethods(Presets.sentiment3());
  }
}
