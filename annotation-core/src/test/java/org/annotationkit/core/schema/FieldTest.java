package org.annotationkit.core.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class FieldTest {

  private static final Skeleton SKELETON =
      new Skeleton(List.of("a", "b"), List.of(new Skeleton.Edge("a", "b")));

  /** A builder for a valid field of each kind, with only the options that kind needs. */
  static Field.Builder minimal(String name, FieldKind kind) {
    Field.Builder builder = Field.builder(name, kind);
    if (kind.usesLabels()) {
      builder.labels("x", "y");
    }
    if (kind == FieldKind.KEYPOINTS) {
      builder.skeleton(SKELETON);
    }
    if (kind == FieldKind.RATING) {
      builder.scale(RatingScale.likert(5));
    }
    return builder;
  }

  @ParameterizedTest
  @EnumSource(FieldKind.class)
  void everyKindHasAValidMinimalField(FieldKind kind) {
    Field field = minimal("f", kind).build();
    assertThat(field.kind()).isEqualTo(kind);
    assertThat(field.constraints()).isEqualTo(Constraints.NONE);
    assertThat(field.allowTies()).isEqualTo(kind == FieldKind.PAIRWISE_PREFERENCE);
    assertThat(field.labels().isEmpty()).isEqualTo(!kind.usesLabels());
  }

  @Test
  void builderProducesTheSameRecordAsTheConstructor() {
    Field built =
        Field.builder("objects", FieldKind.BOX)
            .labels(LabelSet.of("car", "bus"))
            .required(true)
            .minCount(1)
            .maxCount(20)
            .description("Box every vehicle.")
            .rotatable(true)
            .build();
    Field constructed =
        new Field(
            "objects",
            FieldKind.BOX,
            LabelSet.of("car", "bus"),
            new Constraints(true, 1, OptionalInt.of(20), true),
            Optional.of("Box every vehicle."),
            new FieldOptions.Box(true));
    assertThat(built).isEqualTo(constructed).hasSameHashCodeAs(constructed);
  }

  @Test
  void builderLabelsByNameEqualsALabelSet() {
    assertThat(Field.builder("s", FieldKind.SINGLE_CHOICE).labels("a", "b").build())
        .isEqualTo(
            Field.builder("s", FieldKind.SINGLE_CHOICE).labels(LabelSet.of("a", "b")).build());
  }

  @Test
  void constraintsSetsAllFourAndLaterSettersRefineThem() {
    Constraints constraints = new Constraints(true, 2, OptionalInt.of(3), false);
    Field field = Field.builder("e", FieldKind.SPAN).labels("PER").constraints(constraints).build();
    assertThat(field.constraints()).isEqualTo(constraints);
    Field refined =
        Field.builder("e", FieldKind.SPAN)
            .labels("PER")
            .constraints(constraints)
            .allowOverlap(true)
            .build();
    assertThat(refined.constraints()).isEqualTo(new Constraints(true, 2, OptionalInt.of(3), true));
  }

  @Test
  void pairwisePreferenceAllowsTiesByDefaultAndMayForbidThem() {
    Field preference = Field.builder("p", FieldKind.PAIRWISE_PREFERENCE).build();
    assertThat(preference.allowTies()).isTrue();
    assertThat(
            Field.builder("p", FieldKind.PAIRWISE_PREFERENCE).allowTies(false).build().allowTies())
        .isFalse();
  }

  @Test
  void labelingKindsNeedLabels() {
    for (FieldKind kind : FieldKind.values()) {
      if (kind.usesLabels()) {
        Field.Builder builder = minimal("objects", kind).labels(LabelSet.empty());
        assertThatThrownBy(builder::build)
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage("field 'objects' (" + kind.jsonName() + "): labels must not be empty");
      }
    }
  }

  @Test
  void relationLabelsAreOptional() {
    assertThat(Field.builder("rel", FieldKind.RELATION).build().labels().isEmpty()).isTrue();
    assertThat(Field.builder("rel", FieldKind.RELATION).labels("works_for").build().labels().size())
        .isEqualTo(1);
  }

  @Test
  void otherKindsTakeNoLabels() {
    for (FieldKind kind :
        EnumSet.of(
            FieldKind.TRANSCRIPTION,
            FieldKind.RATING,
            FieldKind.PAIRWISE_PREFERENCE,
            FieldKind.RANKING,
            FieldKind.FREE_TEXT)) {
      Field.Builder builder = minimal("q", kind).labels("good", "bad");
      assertThatThrownBy(builder::build)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage(
              "field 'q' (" + kind.jsonName() + "): takes no labels, got 2 ('good', 'bad')");
    }
  }

  @Test
  void duplicateLabelIsReportedWithTheField() {
    Field.Builder builder = Field.builder("objects", FieldKind.BOX);
    assertThatThrownBy(() -> builder.labels("car", "bus", "car"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("field 'objects' (box): label 'car' appears twice at the root");
    assertThatThrownBy(() -> builder.labels("car", ""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("field 'objects' (box): label name must not be empty");
  }

  @Test
  void attributesOnlyOnRegionKinds() {
    LabelSet withAttributes =
        LabelSet.of(List.of(Label.of("positive").withAttributes(AttributeSpec.bool("sarcastic"))));
    assertThatThrownBy(() ->
            Field.builder("sentiment", FieldKind.SINGLE_CHOICE).labels(withAttributes).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "field 'sentiment' (single_choice): label 'positive' has attributes, but"
                + " single_choice results carry none");
    LabelSet nested =
        LabelSet.of(
            List.of(
                Label.of("a")
                    .withChildren(Label.of("b").withAttributes(AttributeSpec.text("note")))));
    assertThatThrownBy(() -> Field.builder("rel", FieldKind.RELATION).labels(nested).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("field 'rel' (relation): label 'b' has attributes");
    assertThat(Field.builder("boxes", FieldKind.BOX).labels(withAttributes).build().labels())
        .isEqualTo(withAttributes);
  }

  @ParameterizedTest
  @EnumSource(value = FieldKind.class, names = "BOX", mode = EnumSource.Mode.EXCLUDE)
  void rotatableOnlyForBoxes(FieldKind kind) {
    Field.Builder builder = minimal("f", kind).rotatable(true);
    assertThatThrownBy(builder::build)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("field 'f' (" + kind.jsonName() + "): rotatable applies only to box fields");
  }

  @Test
  void keypointsNeedASkeleton() {
    Field.Builder builder = Field.builder("pose", FieldKind.KEYPOINTS).labels("person");
    assertThatThrownBy(builder::build)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("field 'pose' (keypoints): a skeleton is required");
    assertThat(builder.skeleton(SKELETON).build().skeleton()).hasValue(SKELETON);
  }

  @ParameterizedTest
  @EnumSource(value = FieldKind.class, names = "KEYPOINTS", mode = EnumSource.Mode.EXCLUDE)
  void skeletonOnlyForKeypoints(FieldKind kind) {
    Field.Builder builder = minimal("f", kind).skeleton(SKELETON);
    assertThatThrownBy(builder::build)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "field 'f' (" + kind.jsonName() + "): a skeleton applies only to keypoints fields");
  }

  @Test
  void ratingNeedsAScale() {
    Field.Builder builder = Field.builder("quality", FieldKind.RATING);
    assertThatThrownBy(builder::build)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("field 'quality' (rating): a rating scale is required");
  }

  @ParameterizedTest
  @EnumSource(value = FieldKind.class, names = "RATING", mode = EnumSource.Mode.EXCLUDE)
  void scaleOnlyForRatings(FieldKind kind) {
    Field.Builder builder = minimal("f", kind).scale(RatingScale.likert(3));
    assertThatThrownBy(builder::build)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "field 'f' (" + kind.jsonName() + "): a rating scale applies only to rating fields");
  }

  @ParameterizedTest
  @EnumSource(
      value = FieldKind.class,
      names = "PAIRWISE_PREFERENCE",
      mode = EnumSource.Mode.EXCLUDE)
  void tiesOnlyForPairwisePreference(FieldKind kind) {
    Field.Builder builder = minimal("f", kind).allowTies(true);
    assertThatThrownBy(builder::build)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "field 'f' ("
                + kind.jsonName()
                + "): allowTies applies only to pairwise_preference fields");
  }

  @ParameterizedTest
  @EnumSource(FieldKind.class)
  void noOverlapOnlyForSpansAndTimeSegments(FieldKind kind) {
    Field.Builder builder = minimal("f", kind).allowOverlap(false);
    if (kind == FieldKind.SPAN || kind == FieldKind.TIME_SEGMENT) {
      assertThat(builder.build().constraints().allowOverlap()).isFalse();
    } else {
      assertThatThrownBy(builder::build)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage(
              "field 'f' ("
                  + kind.jsonName()
                  + "): allowOverlap false applies only to span and time_segment fields");
    }
  }

  @Test
  void badCountsAreReportedWithTheField() {
    Field.Builder negative = Field.builder("notes", FieldKind.FREE_TEXT).minCount(-1);
    assertThatThrownBy(negative::build)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("field 'notes' (free_text): minCount must be >= 0, got -1");
    Field.Builder inverted = Field.builder("notes", FieldKind.FREE_TEXT).minCount(3).maxCount(2);
    assertThatThrownBy(inverted::build)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("field 'notes' (free_text): maxCount must be >= max(minCount, 1) = 3, got 2");
  }

  @Test
  void builderRejectsABadNameAtOnce() {
    assertThatThrownBy(() -> Field.builder(" objects", FieldKind.BOX))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("field name must not start or end with whitespace, got ' objects'");
    assertThatThrownBy(() ->
            new Field(
                "",
                FieldKind.FREE_TEXT,
                LabelSet.empty(),
                Constraints.NONE,
                Optional.empty(),
                FieldOptions.None.INSTANCE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("field name must not be empty");
  }
}
