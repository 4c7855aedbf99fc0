package org.annotationkit.core.validation;

import static org.annotationkit.core.validation.Expect.one;
import static org.annotationkit.core.validation.Expect.paths;
import static org.annotationkit.core.validation.Fixtures.AUDIO;
import static org.annotationkit.core.validation.Fixtures.COMPARISON;
import static org.annotationkit.core.validation.Fixtures.IMAGE;
import static org.annotationkit.core.validation.Fixtures.TEXT;
import static org.annotationkit.core.validation.Fixtures.VALIDATOR;
import static org.annotationkit.core.validation.Fixtures.VIDEO;
import static org.annotationkit.core.validation.Fixtures.annotation;
import static org.annotationkit.core.validation.Fixtures.result;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.annotationkit.core.annotation.Annotation;
import org.annotationkit.core.annotation.BoxValue;
import org.annotationkit.core.annotation.ChoiceValue;
import org.annotationkit.core.annotation.FreeTextValue;
import org.annotationkit.core.annotation.PreferenceValue;
import org.annotationkit.core.annotation.RankingValue;
import org.annotationkit.core.annotation.RatingValue;
import org.annotationkit.core.annotation.RelationValue;
import org.annotationkit.core.annotation.SpanValue;
import org.annotationkit.core.annotation.TimeSegmentValue;
import org.annotationkit.core.annotation.TranscriptionValue;
import org.annotationkit.core.geometry.Box;
import org.annotationkit.core.item.Item;
import org.annotationkit.core.item.TextItem;
import org.annotationkit.core.schema.Field;
import org.annotationkit.core.schema.FieldKind;
import org.annotationkit.core.schema.RatingScale;
import org.annotationkit.core.schema.Schema;
import org.annotationkit.core.validation.Violation.Code;
import org.junit.jupiter.api.Test;

/** Spans, time segments, references between results, ratings, preferences and rankings. */
class ValidatorContentTest {

  private static List<Violation> span(SpanValue span, TextItem text) {
    return VALIDATOR.validate(annotation(text, result("r0", "entities", span)), text);
  }

  // ------------------------------------------------------------------ spans
  // TEXT is "Ada Lovelace met Charles Babbage in London.": 43 code points.

  @Test
  void spanEndPastTheText() {
    one(
        span(new SpanValue("LOC", 36, 50), TEXT),
        "/results/0/value/end",
        Code.SPAN_PAST_END,
        "span end 50 is past the end of the text (43 code points)");
  }

  @Test
  void spanStartPastTheText() {
    List<Violation> violations = span(new SpanValue("LOC", 44, 45), TEXT);
    paths(violations, "/results/0/value/start", "/results/0/value/end");
    assertThat(violations.get(0).message())
        .isEqualTo("span start 44 is past the end of the text (43 code points)");
  }

  @Test
  void spanTextThatDiffersFromTheCoveredText() {
    Violation v =
        one(
            span(new SpanValue("PER", 0, 12, Optional.of("Ada Lovelance")), TEXT),
            "/results/0/value/text",
            Code.SPAN_TEXT_MISMATCH);
    assertThat(v.message())
        .isEqualTo(
            "span text 'Ada Lovelance' differs from the text 'Ada Lovelace' that [0, 12) covers");
  }

  @Test
  void spanOffsetsThatLookLikeUtf16PastTheEnd() {
    // "I 😀 Paris": 9 code points, 10 UTF-16 units; "Paris" is [4, 9) in code points, [5, 10) in
    // UTF-16 units.
    TextItem text = new TextItem("emoji", "I \uD83D\uDE00 Paris");
    one(
        span(new SpanValue("LOC", 5, 10, Optional.of("Paris")), text),
        "/results/0/value/end",
        Code.SPAN_PAST_END,
        "span end 10 is past the end of the text (9 code points)",
        "offsets look like UTF-16 code units; Annotation Kit counts code points");
    assertThat(span(new SpanValue("LOC", 4, 9, Optional.of("Paris")), text)).isEmpty();
  }

  @Test
  void spanOffsetsThatLookLikeUtf16CoverOtherText() {
    // "😀 Paris rocks": "Paris" is [3, 8) in UTF-16 units, [2, 7) in code points.
    TextItem text = new TextItem("emoji", "\uD83D\uDE00 Paris rocks");
    one(
        span(new SpanValue("LOC", 3, 8, Optional.of("Paris")), text),
        "/results/0/value/text",
        Code.SPAN_TEXT_MISMATCH,
        "span text 'Paris' differs from the text 'aris ' that [3, 8) covers",
        "offsets look like UTF-16 code units");
    assertThat(span(SpanValue.fromUtf16(text.text(), 3, 8, "LOC"), text)).isEmpty();
  }

  @Test
  void noUtf16HintWhenThatReadingDoesNotMatchEither() {
    Violation v =
        one(
            span(new SpanValue("PER", 0, 3, Optional.of("Bob")), TEXT),
            "/results/0/value/text",
            Code.SPAN_TEXT_MISMATCH);
    assertThat(v.message()).doesNotContain("UTF-16");
  }

  // ------------------------------------------------------------------ time segments

  @Test
  void segmentEndPastTheAudio() {
    one(
        VALIDATOR.validate(
            annotation(AUDIO, result("r0", "speech", new TimeSegmentValue("alice", 8, 12.5))),
            AUDIO),
        "/results/0/value/end",
        Code.SEGMENT_PAST_END,
        "segment end 12.5 s is past the end of the audio (10 s)");
  }

  @Test
  void segmentEndPastTheVideo() {
    one(
        VALIDATOR.validate(
            annotation(VIDEO, result("r0", "speech", new TimeSegmentValue("bob", 0, 10.5))), VIDEO),
        "/results/0/value/end",
        Code.SEGMENT_PAST_END,
        "segment end 10.5 s is past the end of the video (10 s)");
    assertThat(
            VALIDATOR.validate(
                annotation(
                    VIDEO, result("r0", "speech", new TimeSegmentValue("bob", 0, 10 + 1e-9))),
                VIDEO))
        .isEmpty();
  }

  // ------------------------------------------------------------------ relations and targets

  private static Annotation withRegions(Item item, org.annotationkit.core.annotation.Value value) {
    return annotation(
        item,
        result("r0", "objects", new BoxValue("person", Box.of(1, 1, 5, 5))),
        result("r1", "weather", new ChoiceValue("sunny")),
        result("r2", "links", value));
  }

  @Test
  void relationSourceThatIsNotAResult() {
    one(
        VALIDATOR.validate(withRegions(IMAGE, new RelationValue("near", "r9", "r0")), IMAGE),
        "/results/2/value/from",
        Code.NOT_A_REGION,
        "relation source 'r9' is not a result of this annotation");
  }

  @Test
  void relationTargetThatIsNotARegion() {
    one(
        VALIDATOR.validate(withRegions(IMAGE, new RelationValue("near", "r0", "r1")), IMAGE),
        "/results/2/value/to",
        Code.NOT_A_REGION,
        "relation target 'r1' is a single_choice result, not a region (box, polygon");
    one(
        VALIDATOR.validate(withRegions(IMAGE, new RelationValue("near", "r2", "r0")), IMAGE),
        "/results/2/value/from",
        Code.NOT_A_REGION,
        "relation source 'r2' is a relation result, not a region");
  }

  @Test
  void relationsAreCheckedWithoutAnItem() {
    paths(
        VALIDATOR.validate(withRegions(IMAGE, new RelationValue("r8", "r9"))),
        "/results/2/value/from",
        "/results/2/value/to");
  }

  @Test
  void unknownRelationLabel() {
    List<Violation> violations =
        VALIDATOR.validate(withRegions(IMAGE, new RelationValue("nearby", "r0", "r0x")), IMAGE);
    paths(violations, "/results/2/value/label", "/results/2/value/to");
    assertThat(violations.get(0).message())
        .isEqualTo(
            "unknown label 'nearby' for field 'links'; did you mean 'near'? (labels: near,"
                + " part_of)");
  }

  @Test
  void relationLabelWhereTheFieldHasNone() {
    AnnotationValidator v =
        AnnotationValidator.of(
            Schema.of("s", Fixtures.OBJECTS, Field.builder("rel", FieldKind.RELATION).build()));
    Annotation a =
        annotation(
            IMAGE,
            result("r0", "objects", new BoxValue("person", Box.of(1, 1, 5, 5))),
            result("r1", "objects", new BoxValue("person", Box.of(2, 2, 5, 5))),
            result("r2", "rel", new RelationValue("near", "r0", "r1")));
    one(
        v.validate(a, IMAGE),
        "/results/2/value/label",
        Code.UNKNOWN_LABEL,
        "relation label 'near' given, but field 'rel' has no relation labels");
    Annotation untyped =
        annotation(
            IMAGE,
            result("r0", "objects", new BoxValue("person", Box.of(1, 1, 5, 5))),
            result("r1", "objects", new BoxValue("person", Box.of(2, 2, 5, 5))),
            result("r2", "rel", new RelationValue("r0", "r1")));
    assertThat(v.validate(untyped, IMAGE)).isEmpty();
  }

  @Test
  void transcriptionTargetThatIsNotARegion() {
    Annotation a =
        annotation(
            AUDIO,
            result("r0", "note", new FreeTextValue("x")),
            result("r1", "caption", new TranscriptionValue("hi", Optional.of("r0"))),
            result("r2", "caption", new TranscriptionValue("hi", Optional.of("nowhere"))));
    List<Violation> violations = VALIDATOR.validate(a, AUDIO);
    paths(violations, "/results/1/value/target", "/results/2/value/target");
    assertThat(violations.get(0).message())
        .contains("transcription target 'r0' is a free_text result, not a region");
    assertThat(violations.get(1).message())
        .contains("transcription target 'nowhere' is not a result of this annotation");
  }

  // ------------------------------------------------------------------ ratings

  @Test
  void ratingOffTheScale() {
    one(
        VALIDATOR.validate(annotation(IMAGE, result("r0", "quality", new RatingValue(8))), IMAGE),
        "/results/0/value/value",
        Code.OFF_SCALE,
        "rating 8 is not on the scale of field 'quality' (1 to 5 in steps of 1)");
    one(
        VALIDATOR.validate(annotation(IMAGE, result("r0", "quality", new RatingValue(2.5))), IMAGE),
        "/results/0/value/value",
        Code.OFF_SCALE,
        "rating 2.5 is not on the scale");
  }

  @Test
  void ratingOffAContinuousScale() {
    AnnotationValidator v =
        AnnotationValidator.of(
            Schema.of(
                "s",
                Field.builder("score", FieldKind.RATING)
                    .scale(RatingScale.continuous(0, 1))
                    .build()));
    one(
        v.validate(annotation(IMAGE, result("r0", "score", new RatingValue(1.5))), IMAGE),
        "/results/0/value/value",
        Code.OFF_SCALE,
        "rating 1.5 is not on the scale of field 'score' (any number from 0 to 1)");
    assertThat(v.validate(annotation(IMAGE, result("r0", "score", new RatingValue(0.37))), IMAGE))
        .isEmpty();
  }

  // ------------------------------------------------------------------ preferences and rankings

  private static List<Violation> compare(org.annotationkit.core.annotation.Value value) {
    String field = value instanceof RankingValue ? "ranking" : "preference";
    return VALIDATOR.validate(annotation(COMPARISON, result("r0", field, value)), COMPARISON);
  }

  @Test
  void preferenceNamingAnUnknownResponse() {
    one(
        compare(new PreferenceValue("x", "a", PreferenceValue.Verdict.FIRST)),
        "/results/0/value/first",
        Code.UNKNOWN_RESPONSE,
        "first response 'x' is not a response of item 'cmp' (responses: a, b, c)");
    one(
        compare(new PreferenceValue("a", "z", PreferenceValue.Verdict.FIRST)),
        "/results/0/value/second",
        Code.UNKNOWN_RESPONSE,
        "second response 'z' is not a response of item 'cmp'");
  }

  @Test
  void tieWhereTheFieldAllowsNone() {
    one(
        compare(new PreferenceValue("a", "b", PreferenceValue.Verdict.TIE)),
        "/results/0/value/verdict",
        Code.TIE_NOT_ALLOWED,
        "verdict tie is not allowed: field 'preference' does not allow ties");
    AnnotationValidator ties =
        AnnotationValidator.of(
            Schema.of("s", Field.builder("preference", FieldKind.PAIRWISE_PREFERENCE).build()));
    assertThat(
            ties.validate(
                annotation(
                    COMPARISON,
                    result(
                        "r0",
                        "preference",
                        new PreferenceValue("a", "b", PreferenceValue.Verdict.TIE))),
                COMPARISON))
        .isEmpty();
  }

  @Test
  void rankingNamingAnUnknownResponse() {
    one(
        compare(RankingValue.of("a", "x", "b", "c")),
        "/results/0/value/order/1",
        Code.UNKNOWN_RESPONSE,
        "ranking names 'x', which is not a response of item 'cmp' (responses: a, b, c)");
  }

  @Test
  void rankingLeavingOutResponses() {
    one(
        compare(RankingValue.of("b")),
        "/results/0/value/order",
        Code.INCOMPLETE_RANKING,
        "ranking leaves out responses 'a', 'c' of item 'cmp'");
  }

  @Test
  void bucketedRankingNamesResponsesButMayLeaveSomeOut() {
    one(
        compare(
            RankingValue.ofBuckets(
                List.of(RankingValue.Bucket.of("good", "a"), RankingValue.Bucket.of("bad", "x")))),
        "/results/0/value/buckets/1/order/0",
        Code.UNKNOWN_RESPONSE,
        "bucket 'bad' names 'x', which is not a response of item 'cmp' (responses: a, b, c)");
    assertThat(
            compare(
                RankingValue.ofBuckets(
                    List.of(RankingValue.Bucket.of("good", "c"), RankingValue.Bucket.of("bad")))))
        .isEmpty();
  }

  @Test
  void rankingWithAnUnknownAndAMissingResponse() {
    paths(
        compare(RankingValue.of("c", "b", "d")),
        "/results/0/value/order/2",
        "/results/0/value/order");
  }

  @Test
  void spansAreCheckedOnTextOnly() {
    // A span field result on an image: the field does not apply; its offsets are not checked.
    one(
        VALIDATOR.validate(
            annotation(IMAGE, result("r0", "entities", new SpanValue("PER", 0, 999))), IMAGE),
        "/results/0/field",
        Code.FIELD_NOT_FOR_ITEM,
        "field 'entities' (span) does not apply to an image item; span fields apply to text items");
  }
}
