package org.annotationkit.core.validation;

import static org.annotationkit.core.validation.Expect.one;
import static org.annotationkit.core.validation.Expect.paths;
import static org.annotationkit.core.validation.Fixtures.ALL;
import static org.annotationkit.core.validation.Fixtures.AUDIO;
import static org.annotationkit.core.validation.Fixtures.COMPARISON;
import static org.annotationkit.core.validation.Fixtures.IMAGE;
import static org.annotationkit.core.validation.Fixtures.TEXT;
import static org.annotationkit.core.validation.Fixtures.VALIDATOR;
import static org.annotationkit.core.validation.Fixtures.VIDEO;
import static org.annotationkit.core.validation.Fixtures.annotation;
import static org.annotationkit.core.validation.Fixtures.annotationFor;
import static org.annotationkit.core.validation.Fixtures.attrs;
import static org.annotationkit.core.validation.Fixtures.result;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.testing.NullPointerTester;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.annotationkit.core.annotation.Annotation;
import org.annotationkit.core.annotation.BoxValue;
import org.annotationkit.core.annotation.ChoiceValue;
import org.annotationkit.core.annotation.FreeTextValue;
import org.annotationkit.core.annotation.KeypointsValue;
import org.annotationkit.core.annotation.MaskValue;
import org.annotationkit.core.annotation.MultipleChoiceValue;
import org.annotationkit.core.annotation.PolygonValue;
import org.annotationkit.core.annotation.PolylineValue;
import org.annotationkit.core.annotation.PreferenceValue;
import org.annotationkit.core.annotation.RankingValue;
import org.annotationkit.core.annotation.RatingValue;
import org.annotationkit.core.annotation.RelationValue;
import org.annotationkit.core.annotation.Result;
import org.annotationkit.core.annotation.SpanValue;
import org.annotationkit.core.annotation.TimeSegmentValue;
import org.annotationkit.core.annotation.TranscriptionValue;
import org.annotationkit.core.geometry.Box;
import org.annotationkit.core.geometry.Keypoint;
import org.annotationkit.core.geometry.Polygon;
import org.annotationkit.core.geometry.Polyline;
import org.annotationkit.core.geometry.RleMask;
import org.annotationkit.core.item.Item;
import org.annotationkit.core.schema.Field;
import org.annotationkit.core.schema.FieldKind;
import org.annotationkit.core.schema.LabelSet;
import org.annotationkit.core.schema.Schema;
import org.annotationkit.core.validation.Violation.Code;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The validator's structure: item and field checks, counts, overlap, order, and valid input. */
class AnnotationValidatorTest {

  // ------------------------------------------------------------------ item, field, value kind

  @Test
  void annotationForAnotherItem() {
    Annotation a = annotationFor("x", result("r0", "note", new FreeTextValue("hi")));
    one(
        VALIDATOR.validate(a, new org.annotationkit.core.item.TextItem("y", "text")),
        "/item",
        Code.ITEM_MISMATCH,
        "annotation is for item 'x' but was checked against item 'y'");
  }

  @Test
  void unknownFieldListsTheSchemasFields() {
    AnnotationValidator street =
        AnnotationValidator.of(Schema.of("street", Fixtures.OBJECTS, Fixtures.WEATHER));
    Annotation a =
        annotation(IMAGE, result("r0", "objets", new BoxValue("person", Box.of(1, 1, 2, 2))));
    Violation v = one(street.validate(a, IMAGE), "/results/0/field", Code.UNKNOWN_FIELD);
    assertThat(v.message())
        .isEqualTo(
            "unknown field 'objets'; did you mean 'objects'? (schema 'street' has: objects,"
                + " weather)");
  }

  @Test
  void fieldOfAKindThatDoesNotApplyToTheItem() {
    Annotation a =
        annotation(TEXT, result("r0", "objects", new BoxValue("person", Box.of(1, 1, 2, 2))));
    one(
        VALIDATOR.validate(a, TEXT),
        "/results/0/field",
        Code.FIELD_NOT_FOR_ITEM,
        "field 'objects' (box) does not apply to a text item",
        "image and video items");
  }

  @Test
  void whichFieldKindsApplyToWhichItems() {
    for (FieldKind kind : FieldKind.values()) {
      Set<String> expected =
          switch (kind) {
            case SINGLE_CHOICE, MULTIPLE_CHOICE, RATING, FREE_TEXT, TRANSCRIPTION, RELATION ->
                Set.of("image", "text", "audio", "video", "comparison");
            case BOX, POLYGON, POLYLINE, KEYPOINTS, MASK -> Set.of("image", "video");
            case SPAN -> Set.of("text");
            case TIME_SEGMENT -> Set.of("audio", "video");
            case PAIRWISE_PREFERENCE, RANKING -> Set.of("comparison");
          };
      for (Item item : List.of(IMAGE, TEXT, AUDIO, VIDEO, COMPARISON)) {
        assertThat(item.kind().accepts(kind))
            .as("%s on %s", kind, item.kind().jsonName())
            .isEqualTo(expected.contains(item.kind().jsonName()));
      }
    }
  }

  @Test
  void valueOfAnotherKindThanTheField() {
    Annotation a =
        annotation(TEXT, result("r0", "entities", new BoxValue("PER", Box.of(1, 1, 2, 2))));
    one(
        VALIDATOR.validate(a, TEXT),
        "/results/0/value",
        Code.WRONG_VALUE_KIND,
        "value of kind box given for field 'entities' of kind span");
  }

  @Test
  void valueKindMismatchIsReportedOnceWithoutCheckingTheValue() {
    // The span's label is not a box label, and its offsets would be out of any image: not reported.
    Annotation a = annotation(IMAGE, result("r0", "objects", new SpanValue("nope", 0, 5)));
    one(
        VALIDATOR.validate(a, IMAGE),
        "/results/0/value",
        Code.WRONG_VALUE_KIND,
        "value of kind span given for field 'objects' of kind box");
  }

  // ------------------------------------------------------------------ labels

  @Test
  void unknownLabelNamesTheLabelsAndSuggestsOne() {
    Annotation a =
        annotation(IMAGE, result("r0", "objects", new BoxValue("cra", Box.of(1, 1, 2, 2))));
    Violation v = one(VALIDATOR.validate(a, IMAGE), "/results/0/value/label", Code.UNKNOWN_LABEL);
    assertThat(v.message())
        .isEqualTo(
            "unknown label 'cra' for field 'objects'; did you mean 'car'? (labels: car, person)");
  }

  @Test
  void longLabelListsAreCut() {
    String[] names = new String[15];
    for (int i = 0; i < names.length; i++) {
      names[i] = "label" + i;
    }
    AnnotationValidator v =
        AnnotationValidator.of(
            Schema.of("s", Field.builder("c", FieldKind.SINGLE_CHOICE).labels(names).build()));
    Annotation a = annotation(TEXT, result("r0", "c", new ChoiceValue("zzz")));
    one(
        v.validate(a, TEXT),
        "/results/0/value/label",
        Code.UNKNOWN_LABEL,
        "unknown label 'zzz'",
        "label0, label1",
        "label9, … 5 more)");
  }

  @Test
  void labelsOfAHierarchyAreKnownAtEveryLevel() {
    Field field =
        Field.builder("animal", FieldKind.SINGLE_CHOICE)
            .labels(
                LabelSet.of(
                    List.of(
                        org.annotationkit.core.schema.Label.of("mammal")
                            .withChildren(org.annotationkit.core.schema.Label.of("cat")))))
            .build();
    AnnotationValidator v = AnnotationValidator.of(Schema.of("s", field));
    assertThat(v.validate(annotation(TEXT, result("r0", "animal", new ChoiceValue("cat"))), TEXT))
        .isEmpty();
    assertThat(
            v.validate(annotation(TEXT, result("r0", "animal", new ChoiceValue("mammal"))), TEXT))
        .isEmpty();
  }

  @Test
  void unknownLabelOfAMultipleChoice() {
    Annotation a =
        annotation(IMAGE, result("r0", "tags", MultipleChoiceValue.of("day", "dusk", "city")));
    one(
        VALIDATOR.validate(a, IMAGE),
        "/results/0/value/labels/1",
        Code.UNKNOWN_LABEL,
        "unknown label 'dusk' for field 'tags'",
        "labels: day, night, city");
  }

  // ------------------------------------------------------------------ counts per field

  @Test
  void requiredFieldWithoutResult() {
    AnnotationValidator v =
        AnnotationValidator.of(
            Schema.of(
                "s",
                Field.builder("sentiment", FieldKind.SINGLE_CHOICE)
                    .labels("positive", "negative")
                    .required(true)
                    .build(),
                Fixtures.NOTE));
    Annotation a = annotation(TEXT, result("r0", "note", new FreeTextValue("hm")));
    one(
        v.validate(a, TEXT),
        "/results",
        Code.MISSING_REQUIRED_FIELD,
        "required field 'sentiment' has no result");
  }

  @Test
  void moreResultsThanTheMaximum() {
    AnnotationValidator v =
        AnnotationValidator.of(
            Schema.of(
                "s", Field.builder("entities", FieldKind.SPAN).labels("PER").maxCount(2).build()));
    Annotation a =
        annotation(
            TEXT,
            result("r0", "entities", new SpanValue("PER", 0, 3)),
            result("r1", "entities", new SpanValue("PER", 4, 12)),
            result("r2", "entities", new SpanValue("PER", 17, 24)));
    one(
        v.validate(a, TEXT),
        "/results",
        Code.TOO_MANY,
        "field 'entities' has 3 results, more than its maximum 2");
  }

  @Test
  void fewerResultsThanTheMinimum() {
    AnnotationValidator v =
        AnnotationValidator.of(
            Schema.of(
                "s", Field.builder("entities", FieldKind.SPAN).labels("PER").minCount(2).build()));
    Annotation a = annotation(TEXT, result("r0", "entities", new SpanValue("PER", 0, 3)));
    one(
        v.validate(a, TEXT),
        "/results",
        Code.TOO_FEW,
        "field 'entities' has 1 result, fewer than its minimum 2");
    // The field is not required: leaving it out is fine, the minimum applies once it is answered.
    assertThat(v.validate(annotation(TEXT), TEXT)).isEmpty();
  }

  @Test
  void requiredWithAMinimumIsOneViolation() {
    AnnotationValidator v =
        AnnotationValidator.of(
            Schema.of(
                "s",
                Field.builder("entities", FieldKind.SPAN)
                    .labels("PER")
                    .required(true)
                    .minCount(3)
                    .build()));
    one(
        v.validate(annotation(TEXT), TEXT),
        "/results",
        Code.MISSING_REQUIRED_FIELD,
        "required field 'entities' has no result (at least 3 results expected)");
  }

  @Test
  void multipleChoiceCountsLabels() {
    AnnotationValidator v =
        AnnotationValidator.of(
            Schema.of(
                "s",
                Fixtures.NOTE,
                Field.builder("tags", FieldKind.MULTIPLE_CHOICE)
                    .labels("a", "b", "c", "d")
                    .minCount(1)
                    .maxCount(2)
                    .build()));
    Annotation three =
        annotation(
            TEXT,
            result("r0", "note", new FreeTextValue("x")),
            result("r1", "tags", MultipleChoiceValue.of("a", "b", "c")));
    one(
        v.validate(three, TEXT),
        "/results/1/value/labels",
        Code.TOO_MANY,
        "field 'tags' has 3 labels chosen, more than its maximum 2");
    Annotation none = annotation(TEXT, result("r0", "tags", MultipleChoiceValue.of()));
    one(
        v.validate(none, TEXT),
        "/results/0/value/labels",
        Code.TOO_FEW,
        "field 'tags' has 0 labels chosen, fewer than its minimum 1");
    Annotation two = annotation(TEXT, result("r0", "tags", MultipleChoiceValue.of("a", "d")));
    assertThat(v.validate(two, TEXT)).isEmpty();
  }

  @Test
  void singleChoiceWithMoreThanOneResult() {
    Annotation a =
        annotation(
            IMAGE,
            result("r0", "weather", new ChoiceValue("sunny")),
            result("r1", "note", new FreeTextValue("x")),
            result("r2", "weather", new ChoiceValue("rainy")),
            result("r3", "weather", new ChoiceValue("sunny")));
    List<Violation> violations = VALIDATOR.validate(a, IMAGE);
    paths(violations, "/results/2", "/results/3");
    assertThat(violations.get(0).message())
        .isEqualTo("field 'weather' takes a single choice, but result 'r0' already gives one");
  }

  // ------------------------------------------------------------------ overlap

  @Test
  void overlappingSpansInAFieldThatForbidsOverlap() {
    // "Ada Lovelace met Charles Babbage in London."
    Annotation a =
        annotation(
            TEXT,
            result("r0", "entities", new SpanValue("PER", 17, 32)),
            result("r1", "entities", new SpanValue("PER", 0, 12)),
            result("r2", "entities", new SpanValue("PER", 25, 32)));
    one(
        VALIDATOR.validate(a, TEXT),
        "/results/2/value",
        Code.OVERLAP,
        "span [25, 32) overlaps span [17, 32) of result 'r0'",
        "field 'entities' does not allow overlapping spans");
  }

  @Test
  void theLaterStartingSpanIsReportedWhateverTheResultOrder() {
    Annotation a =
        annotation(
            TEXT,
            result("r0", "entities", new SpanValue("PER", 4, 12)),
            result("r1", "entities", new SpanValue("PER", 0, 6)));
    one(
        VALIDATOR.validate(a, TEXT),
        "/results/0/value",
        Code.OVERLAP,
        "span [4, 12) overlaps span [0, 6) of result 'r1'");
  }

  @Test
  void touchingAndEmptySpansDoNotOverlap() {
    Annotation a =
        annotation(
            TEXT,
            result("r0", "entities", new SpanValue("PER", 0, 3)),
            result("r1", "entities", new SpanValue("PER", 3, 12)),
            result("r2", "entities", new SpanValue("PER", 5, 5)));
    assertThat(VALIDATOR.validate(a, TEXT)).isEmpty();
  }

  @Test
  void overlapIsFineWhereTheFieldAllowsIt() {
    AnnotationValidator v =
        AnnotationValidator.of(
            Schema.of("s", Field.builder("mentions", FieldKind.SPAN).labels("PER").build()));
    Annotation a =
        annotation(
            TEXT,
            result("r0", "mentions", new SpanValue("PER", 0, 12)),
            result("r1", "mentions", new SpanValue("PER", 4, 12)));
    assertThat(v.validate(a, TEXT)).isEmpty();
  }

  @Test
  void overlappingTimeSegments() {
    Annotation a =
        annotation(
            AUDIO,
            result("r0", "speech", new TimeSegmentValue("alice", 0, 4.5)),
            result("r1", "speech", new TimeSegmentValue("bob", 4.5, 8)),
            result("r2", "speech", new TimeSegmentValue("alice", 7.25, 9)));
    one(
        VALIDATOR.validate(a, AUDIO),
        "/results/2/value",
        Code.OVERLAP,
        "segment [7.25 s, 9 s) overlaps segment [4.5 s, 8 s) of result 'r1'",
        "does not allow overlapping segments");
  }

  @Test
  void overlapIsFoundAmongThousandsOfSpans() {
    StringBuilder text = new StringBuilder();
    List<Result> results = new ArrayList<>();
    for (int i = 0; i < 5000; i++) {
      results.add(result("s" + i, "entities", new SpanValue("PER", 2 * i, 2 * i + 1)));
      text.append("ab");
    }
    // One span that covers [3, 6): overlaps s1 [2, 3)? no, s1 ends at 3; overlaps s2 [4, 5).
    results.add(result("late", "entities", new SpanValue("ORG", 3, 6)));
    Item doc = new org.annotationkit.core.item.TextItem("big", text.toString());
    List<Violation> violations =
        VALIDATOR.validate(annotation(doc, results.toArray(Result[]::new)), doc);
    one(
        violations,
        "/results/2/value",
        Code.OVERLAP,
        "span [4, 5) overlaps span [3, 6) of result 'late'");
  }

  @Test
  void eachOverlappingSpanIsReportedOnce() {
    Annotation a =
        annotation(
            TEXT,
            result("r0", "entities", new SpanValue("PER", 0, 30)),
            result("r1", "entities", new SpanValue("PER", 2, 4)),
            result("r2", "entities", new SpanValue("PER", 3, 5)),
            result("r3", "entities", new SpanValue("PER", 10, 12)));
    List<Violation> violations = VALIDATOR.validate(a, TEXT);
    paths(violations, "/results/1/value", "/results/2/value", "/results/3/value");
    assertThat(violations)
        .allSatisfy(v -> assertThat(v.message()).contains("[0, 30) of result 'r0'"));
  }

  // ------------------------------------------------------------------ order, planted, item-free

  @Test
  void threePlantedProblemsGiveExactlyThosePaths() {
    AnnotationValidator v =
        AnnotationValidator.of(
            Schema.of(
                "street",
                Fixtures.OBJECTS,
                Field.builder("weather", FieldKind.SINGLE_CHOICE)
                    .labels("sunny", "rainy")
                    .required(true)
                    .build()));
    Annotation a =
        annotation(
            IMAGE,
            result("r0", "objects", new BoxValue("persn", Box.of(10, 10, 50, 80))),
            result("r1", "objects", new BoxValue("person", Box.of(100, 100, 20, 20))),
            result("r2", "objects", new BoxValue("person", Box.of(600, 100, 50, 20))));
    List<Violation> violations = v.validate(a, IMAGE);
    paths(violations, "/results/0/value/label", "/results/2/value/width", "/results");
    Expect.codes(violations, Code.UNKNOWN_LABEL, Code.OUTSIDE_FRAME, Code.MISSING_REQUIRED_FIELD);
    assertThat(violations.get(0).message()).contains("'persn'", "did you mean 'person'?");
    assertThat(violations.get(1).message())
        .contains("box right edge x + width = 650", "image width 640");
    assertThat(violations.get(2).message()).contains("required field 'weather' has no result");
  }

  @Test
  void violationsComeInResultOrderThenFieldChecks() {
    Annotation a =
        annotationFor(
            "other",
            result("r0", "weather", new ChoiceValue("snow")),
            result("r1", "weather", new ChoiceValue("sunny")),
            result("r2", "tags", MultipleChoiceValue.of("x")),
            result("r3", "quality", new RatingValue(9)));
    List<Violation> violations = VALIDATOR.validate(a, IMAGE);
    paths(
        violations,
        "/item",
        "/results/0/value/label",
        "/results/2/value/labels/0",
        "/results/3/value/value",
        "/results/1");
    Expect.codes(
        violations,
        Code.ITEM_MISMATCH,
        Code.UNKNOWN_LABEL,
        Code.UNKNOWN_LABEL,
        Code.OFF_SCALE,
        Code.EXTRA_CHOICE);
  }

  @Test
  void withoutAnItemOnlyTheItemFreeChecksRun() {
    Annotation a =
        annotationFor(
            "whatever",
            // Out of any plausible image, but there is no image to check against.
            result("r0", "objects", new BoxValue("person", Box.of(-50, -50, 5000, 5000))),
            // An unknown label needs no item.
            result("r1", "objects", new BoxValue("cat", Box.of(0, 0, 1, 1))),
            // A span far past any text, on a text field in an image schema: not checked.
            result("r2", "entities", new SpanValue("PER", 900, 1000)),
            // Ties are a matter of the field alone.
            result("r3", "preference", new PreferenceValue("p", "q", PreferenceValue.Verdict.TIE)));
    paths(VALIDATOR.validate(a), "/results/1/value/label", "/results/3/value/verdict");
  }

  @Test
  void requireValidThrowsWithEveryViolation() {
    Annotation bad =
        annotation(
            IMAGE,
            result("r0", "weather", new ChoiceValue("snow")),
            result("r1", "quality", new RatingValue(0)));
    assertThatThrownBy(() -> VALIDATOR.requireValid(bad, IMAGE))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e -> assertThat(e.violations()).isEqualTo(VALIDATOR.validate(bad, IMAGE)))
        .hasMessageStartingWith("2 violations:")
        .hasMessageContaining("/results/0/value/label: unknown label 'snow'");
    assertThatThrownBy(() -> VALIDATOR.requireValid(bad)).isInstanceOf(ValidationException.class);
    Annotation good = annotation(IMAGE, result("r0", "weather", new ChoiceValue("sunny")));
    assertThatCode(() -> VALIDATOR.requireValid(good, IMAGE)).doesNotThrowAnyException();
    assertThatCode(() -> VALIDATOR.requireValid(good)).doesNotThrowAnyException();
  }

  @Test
  void validatorKeepsItsSchema() {
    assertThat(VALIDATOR.schema()).isSameAs(ALL);
  }

  @Test
  void emptyAnnotationOfASchemaWithoutRequirementsIsValid() {
    assertThat(VALIDATOR.validate(annotation(IMAGE), IMAGE)).isEmpty();
  }

  @Test
  void rejectsNulls() {
    NullPointerTester tester =
        new NullPointerTester()
            .setDefault(Schema.class, ALL)
            .setDefault(Item.class, IMAGE)
            .setDefault(Annotation.class, annotation(IMAGE));
    tester.testAllPublicStaticMethods(AnnotationValidator.class);
    tester.testAllPublicInstanceMethods(VALIDATOR);
  }

  // ------------------------------------------------------------------ valid input of every kind

  @ParameterizedTest
  @EnumSource(FieldKind.class)
  void validAnnotationOfEveryKindHasNoViolation(FieldKind kind) {
    Item item;
    List<Result> results = new ArrayList<>();
    Box box = Box.of(10, 20, 100, 50);
    switch (kind) {
      case SINGLE_CHOICE -> {
        item = IMAGE;
        results.add(result("r0", "weather", new ChoiceValue("rainy")));
      }
      case MULTIPLE_CHOICE -> {
        item = IMAGE;
        results.add(result("r0", "tags", MultipleChoiceValue.of("night", "city")));
      }
      case BOX -> {
        item = IMAGE;
        results.add(
            result(
                "r0",
                "objects",
                new BoxValue(
                    "car",
                    new Box(0, 0, 640, 480, 0),
                    attrs("colour", "red", "occluded", true, "speed", 10, "plate", "B-AK 1"))));
        // Rotated by 90 degrees about its centre (620, 210): spans x 610..630, y 170..250, inside,
        // although the unrotated box would reach x = 660.
        results.add(result("r1", "objects", new BoxValue("person", new Box(580, 200, 80, 20, 90))));
        results.add(result("r2", "objects", new BoxValue("person", new Box(1, 1, 5, 5, 360))));
      }
      case POLYGON -> {
        item = VIDEO;
        results.add(
            result(
                "r0",
                "regions",
                new PolygonValue(
                    "road",
                    new Polygon(
                        List.of(
                            new org.annotationkit.core.geometry.Point(0, 0),
                            new org.annotationkit.core.geometry.Point(320, 0),
                            new org.annotationkit.core.geometry.Point(320, 240)),
                        List.of(
                            List.of(
                                new org.annotationkit.core.geometry.Point(200, 10),
                                new org.annotationkit.core.geometry.Point(300, 10),
                                new org.annotationkit.core.geometry.Point(300, 100)))))));
      }
      case POLYLINE -> {
        item = IMAGE;
        results.add(
            result(
                "r0",
                "lanes",
                new PolylineValue(
                    "lane",
                    new Polyline(
                        List.of(
                            new org.annotationkit.core.geometry.Point(0, 480),
                            new org.annotationkit.core.geometry.Point(640, 0))))));
      }
      case KEYPOINTS -> {
        item = IMAGE;
        results.add(
            result(
                "r0",
                "pose",
                new KeypointsValue(
                    "person",
                    List.of(
                        new Keypoint("nose", 100, 100, Keypoint.Visibility.VISIBLE),
                        new Keypoint("left_eye", 90, 95, Keypoint.Visibility.OCCLUDED),
                        // Not labeled: its position is meaningless and not checked.
                        new Keypoint("right_eye", -1, 9999, Keypoint.Visibility.NOT_LABELED)))));
      }
      case MASK -> {
        item = IMAGE;
        results.add(result("r0", "masks", new MaskValue("road", RleMask.empty(480, 640))));
      }
      case SPAN -> {
        item = TEXT;
        results.add(
            result("r0", "entities", new SpanValue("PER", 0, 12, Optional.of("Ada Lovelace"))));
        results.add(result("r1", "entities", new SpanValue("LOC", 36, 42)));
        // A span may end at the very end of the text.
        results.add(result("r2", "entities", new SpanValue("ORG", 43, 43)));
      }
      case RELATION -> {
        item = IMAGE;
        results.add(result("r0", "objects", new BoxValue("person", box)));
        results.add(
            result("r1", "regions", new PolygonValue("road", Polygon.of(0, 0, 9, 0, 9, 9))));
        results.add(result("r2", "links", new RelationValue("near", "r0", "r1")));
        results.add(result("r3", "links", new RelationValue("r1", "r0")));
      }
      case TIME_SEGMENT -> {
        item = AUDIO;
        results.add(result("r0", "speech", new TimeSegmentValue("alice", 0, 4)));
        results.add(result("r1", "speech", new TimeSegmentValue("bob", 4, 10)));
      }
      case TRANSCRIPTION -> {
        item = AUDIO;
        results.add(result("r0", "speech", new TimeSegmentValue("alice", 1, 2)));
        results.add(result("r1", "caption", new TranscriptionValue("hello", Optional.of("r0"))));
        results.add(result("r2", "caption", new TranscriptionValue("hello world")));
      }
      case RATING -> {
        item = COMPARISON;
        results.add(result("r0", "quality", new RatingValue(5)));
        results.add(result("r1", "quality", new RatingValue(1)));
      }
      case PAIRWISE_PREFERENCE -> {
        item = COMPARISON;
        results.add(
            result(
                "r0", "preference", new PreferenceValue("b", "a", PreferenceValue.Verdict.SECOND)));
      }
      case RANKING -> {
        item = COMPARISON;
        results.add(result("r0", "ranking", RankingValue.of("c", "a", "b")));
      }
      case FREE_TEXT -> {
        item = VIDEO;
        results.add(result("r0", "note", new FreeTextValue("")));
      }
      default -> throw new AssertionError(kind);
    }
    Annotation a = annotation(item, results.toArray(Result[]::new));
    assertThat(a.results())
        .extracting(r -> ALL.field(r.field()).orElseThrow().kind())
        .contains(kind);
    assertThat(VALIDATOR.validate(a, item)).isEmpty();
    assertThat(VALIDATOR.validate(a)).isEmpty();
  }
}
