package org.annotationkit.core.coding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.common.testing.NullPointerTester;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.annotationkit.core.schema.Field;
import org.annotationkit.core.schema.FieldKind;
import org.annotationkit.core.schema.Label;
import org.annotationkit.core.schema.LabelSet;
import org.annotationkit.core.schema.RatingScale;
import org.junit.jupiter.api.Test;

class LabelCodingTest {

  private static final LabelCoding ANIMALS = LabelCoding.of("cat", "dog", "horse");

  @Test
  void hierarchyFlattensDepthFirstWithInnerLabels() {
    LabelSet labels =
        LabelSet.of(
            List.of(
                Label.of("vehicle").withChildren(Label.of("car"), Label.of("truck")),
                Label.of("person")));
    Field field = Field.builder("objects", FieldKind.BOX).labels(labels).build();
    LabelCoding coding = LabelCoding.schemaOrder(field);
    assertThat(coding.labels()).containsExactly("vehicle", "car", "truck", "person");
    assertThat(coding.code("truck")).isEqualTo(2);
  }

  @Test
  void aFieldWithoutLabelsIsRefused() {
    Field rating = Field.builder("quality", FieldKind.RATING).scale(RatingScale.likert(5)).build();
    assertThatThrownBy(() -> LabelCoding.schemaOrder(rating))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("field 'quality' (rating) has no labels to code");
  }

  @Test
  void unknownLabelNamesTheLabelTheKnownOnesAndTheClosest() {
    UnknownLabelException e =
        catchThrowableOfType(UnknownLabelException.class, () -> ANIMALS.code("Dog"));
    assertThat(e)
        .hasMessage(
            "unknown label 'Dog'; known labels: 'cat', 'dog', 'horse'; did you mean 'dog'?");
    assertThat(e.label()).isEqualTo("Dog");
    assertThat(e.knownLabels()).containsExactly("cat", "dog", "horse");
    assertThat(e.suggestion()).hasValue("dog");

    assertThat(catchThrowableOfType(UnknownLabelException.class, () -> ANIMALS.code("hrose")))
        .hasMessageEndingWith("did you mean 'horse'?");
    UnknownLabelException far =
        catchThrowableOfType(UnknownLabelException.class, () -> ANIMALS.code("zebra"));
    assertThat(far).hasMessage("unknown label 'zebra'; known labels: 'cat', 'dog', 'horse'");
    assertThat(far.suggestion()).isEmpty();
  }

  @Test
  void unknownLabelAbbreviatesALongListOfKnownLabels() {
    List<String> many = new ArrayList<>();
    for (int i = 0; i < 25; i++) {
      many.add("class-" + i);
    }
    LabelCoding coding = LabelCoding.of(many);
    assertThat(catchThrowableOfType(UnknownLabelException.class, () -> coding.code("class-30")))
        .hasMessage(
            "unknown label 'class-30'; known labels: 'class-0', 'class-1', 'class-2', 'class-3',"
                + " 'class-4', 'class-5', 'class-6', 'class-7', 'class-8', 'class-9', … 15 more;"
                + " did you mean 'class-0'?");
  }

  @Test
  void codesOfAListNameTheIndexOfTheUnknownLabel() {
    assertThat(ANIMALS.codes(List.of("dog", "dog", "cat", "horse"))).containsExactly(1, 1, 0, 2);
    assertThatThrownBy(() -> ANIMALS.codes(List.of("dog", "cow")))
        .isInstanceOf(UnknownLabelException.class)
        .hasMessage("unknown label 'cow' at index 1; known labels: 'cat', 'dog', 'horse'");
  }

  @Test
  void remapToACodingThatLacksLabelsNamesThem() {
    LabelCoding target = LabelCoding.of("horse", "cat");
    assertThatThrownBy(() -> ANIMALS.remapTo(target))
        .isInstanceOf(UnknownLabelException.class)
        .hasMessage(
            "unknown label 'dog' (in the source coding but not in the target); known labels:"
                + " 'horse', 'cat'");
    assertThat(ANIMALS.remapTo(target, -1)).containsExactly(1, -1, 0);
    assertThatThrownBy(() -> LabelCoding.of("a", "b", "c").remapTo(LabelCoding.of("a")))
        .hasMessageStartingWith(
            "unknown label 'b' (one of 2 labels missing from the target: 'b', 'c')");
  }

  @Test
  void emptyAndRepeatedLabelsAreRefused() {
    assertThatThrownBy(() -> LabelCoding.of("a", "", "b"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("label at position 1 is empty; labels must not be empty");
    assertThatThrownBy(() -> LabelCoding.of("a", "b", "a"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("label 'a' appears twice, at positions 0 and 2");
    assertThatThrownBy(() -> LabelCoding.firstSeen(List.of("a", "")))
        .hasMessage("label at position 1 is empty; labels must not be empty");
    assertThatThrownBy(() -> LabelCoding.sorted(List.of("", "a")))
        .hasMessage("label at position 0 is empty; labels must not be empty");
    assertThatThrownBy(() -> LabelCoding.builder().encode(""))
        .hasMessage("label at position 0 is empty; labels must not be empty");
    assertThatThrownBy(() -> LabelCoding.firstSeen(Arrays.asList("a", null)))
        .isInstanceOf(NullPointerException.class);
  }

  @Test
  void codesOutOfRangeAreIndexErrors() {
    assertThatThrownBy(() -> ANIMALS.label(3)).isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> ANIMALS.label(-1)).isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> ANIMALS.labels(new int[] {0, 5}))
        .isInstanceOf(IndexOutOfBoundsException.class);
  }

  @Test
  void sortedPutsSupplementaryCharactersAfterThePrivateUseArea() {
    // String.compareTo would put the emoji (surrogates D83D DE00) before U+E000.
    LabelCoding coding = LabelCoding.sorted(List.of("😀", "\uE000", "b", "a", "b"));
    assertThat(coding.labels()).containsExactly("a", "b", "\uE000", "😀");
  }

  @Test
  void theEmptyCodingHasNoLabels() {
    LabelCoding empty = LabelCoding.firstSeen(List.of());
    assertThat(empty.size()).isZero();
    assertThat(empty).isEqualTo(LabelCoding.of()).isEqualTo(LabelCoding.builder().build());
    assertThat(empty.indexOf("a")).isEqualTo(-1);
    assertThat(empty.codes(List.of())).isEmpty();
    assertThatThrownBy(() -> empty.code("a")).hasMessage("unknown label 'a'; known labels: none");
  }

  @Test
  void builderSnapshotsAndGoesOn() {
    LabelCoding.Builder builder = LabelCoding.builder();
    assertThat(builder.encode("b")).isZero();
    assertThat(builder.encode("a")).isEqualTo(1);
    LabelCoding first = builder.build();
    assertThat(builder.encode("b")).isZero();
    assertThat(builder.encode("c")).isEqualTo(2);
    assertThat(builder.size()).isEqualTo(3);
    assertThat(first.labels()).containsExactly("b", "a");
    assertThat(builder.build().labels()).containsExactly("b", "a", "c");
  }

  @Test
  void toStringShowsCodesAndLabels() {
    assertThat(ANIMALS).hasToString("LabelCoding[0='cat', 1='dog', 2='horse']");
  }

  @Test
  void nullArgumentsAreRefused() {
    NullPointerTester tester =
        new NullPointerTester()
            .setDefault(LabelCoding.class, ANIMALS)
            .setDefault(LabelSet.class, LabelSet.of("a"))
            .setDefault(Field.class, Field.builder("f", FieldKind.BOX).labels("a").build());
    assertThatCode(() -> tester.testAllPublicStaticMethods(LabelCoding.class))
        .doesNotThrowAnyException();
    assertThatCode(() -> tester.testAllPublicInstanceMethods(ANIMALS)).doesNotThrowAnyException();
    assertThatCode(() -> tester.testAllPublicInstanceMethods(LabelCoding.builder()))
        .doesNotThrowAnyException();
    assertThatCode(() -> tester.testAllPublicConstructors(UnknownLabelException.class))
        .doesNotThrowAnyException();
  }
}
