package org.annotationkit.core.annotation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.annotationkit.core.geometry.Box;
import org.annotationkit.core.geometry.Keypoint;
import org.annotationkit.core.geometry.Point;
import org.annotationkit.core.geometry.Polygon;
import org.annotationkit.core.geometry.Polyline;
import org.annotationkit.core.geometry.RleMask;
import org.annotationkit.core.schema.FieldKind;
import org.junit.jupiter.api.Test;

class ValuesTest {
  static final Box BOX = Box.of(10, 20, 30, 40);
  static final Polygon TRIANGLE = Polygon.of(0, 0, 10, 0, 0, 10);
  static final Polyline LINE = new Polyline(List.of(new Point(0, 0), new Point(3, 4)));
  static final RleMask MASK = new RleMask(2, 2, new int[] {1, 2, 1});
  static final Keypoint NOSE = new Keypoint("nose", 5, 6, Keypoint.Visibility.VISIBLE);
  static final Keypoint EYE = new Keypoint("left_eye", 4, 5, Keypoint.Visibility.OCCLUDED);

  static List<Value> oneOfEachKind() {
    return List.of(
        new ChoiceValue("positive"),
        MultipleChoiceValue.of("sports", "politics"),
        new BoxValue("car", BOX),
        new PolygonValue("roof", TRIANGLE),
        new PolylineValue("lane", LINE),
        new KeypointsValue("person", List.of(NOSE, EYE)),
        new MaskValue("road", MASK),
        new SpanValue("PER", 0, 5),
        new RelationValue("works_for", "r1", "r2"),
        new TimeSegmentValue("speech", 1.5, 3.0),
        new TranscriptionValue("hello", Optional.of("r1")),
        new RatingValue(4),
        new PreferenceValue("a", "b", PreferenceValue.Verdict.TIE),
        RankingValue.of("b", "a", "c"),
        new FreeTextValue(""));
  }

  @Test
  void everyKindHasItsValue() {
    List<Value> values = oneOfEachKind();

    assertThat(values)
        .extracting(Value::kind)
        .containsExactly(
            FieldKind.SINGLE_CHOICE,
            FieldKind.MULTIPLE_CHOICE,
            FieldKind.BOX,
            FieldKind.POLYGON,
            FieldKind.POLYLINE,
            FieldKind.KEYPOINTS,
            FieldKind.MASK,
            FieldKind.SPAN,
            FieldKind.RELATION,
            FieldKind.TIME_SEGMENT,
            FieldKind.TRANSCRIPTION,
            FieldKind.RATING,
            FieldKind.PAIRWISE_PREFERENCE,
            FieldKind.RANKING,
            FieldKind.FREE_TEXT);
    Set<FieldKind> covered = EnumSet.noneOf(FieldKind.class);
    values.forEach(value -> covered.add(value.kind()));
    assertThat(covered).containsExactlyInAnyOrder(FieldKind.values());
  }

  @Test
  void kindFollowsTheRecordWhateverItHolds() {
    assertThat(new BoxValue("x", Box.of(0, 0, 0, 0)).kind()).isEqualTo(FieldKind.BOX);
    assertThat(new MultipleChoiceValue(List.of()).kind()).isEqualTo(FieldKind.MULTIPLE_CHOICE);
    assertThat(new RelationValue("r1", "r2").kind()).isEqualTo(FieldKind.RELATION);
    assertThat(new TranscriptionValue("").kind()).isEqualTo(FieldKind.TRANSCRIPTION);
  }

  @Test
  void convenienceConstructorsHaveNoAttributes() {
    assertThat(new BoxValue("car", BOX)).isEqualTo(new BoxValue("car", BOX, Map.of()));
    assertThat(new PolygonValue("roof", TRIANGLE))
        .isEqualTo(new PolygonValue("roof", TRIANGLE, Map.of()));
    assertThat(new PolylineValue("lane", LINE))
        .isEqualTo(new PolylineValue("lane", LINE, Map.of()));
    assertThat(new KeypointsValue("p", List.of(NOSE)))
        .isEqualTo(new KeypointsValue("p", List.of(NOSE), Map.of()));
    assertThat(new MaskValue("road", MASK)).isEqualTo(new MaskValue("road", MASK, Map.of()));
    assertThat(new SpanValue("PER", 1, 3))
        .isEqualTo(new SpanValue("PER", 1, 3, Optional.empty(), Map.of()));
    assertThat(new SpanValue("PER", 1, 3, Optional.of("ab")))
        .isEqualTo(new SpanValue("PER", 1, 3, Optional.of("ab"), Map.of()));
    assertThat(new TimeSegmentValue("s", 0, 1))
        .isEqualTo(new TimeSegmentValue("s", 0, 1, Map.of()));
    assertThat(new RelationValue("r1", "r2"))
        .isEqualTo(new RelationValue(Optional.empty(), "r1", "r2"));
    assertThat(new RelationValue("t", "r1", "r2"))
        .isEqualTo(new RelationValue(Optional.of("t"), "r1", "r2"));
    assertThat(new TranscriptionValue("x"))
        .isEqualTo(new TranscriptionValue("x", Optional.empty()));
  }

  @Test
  void attributesAreCopiedSortedAndUnmodifiable() {
    Map<String, AttributeValue> attributes = new HashMap<>();
    attributes.put("occluded", AttributeValue.of(true));
    attributes.put("colour", AttributeValue.of("red"));
    attributes.put("speed", AttributeValue.of(3.5));
    BoxValue box = new BoxValue("car", BOX, attributes);

    attributes.remove("speed");

    assertThat(box.attributes().keySet()).containsExactly("colour", "occluded", "speed");
    assertThat(box.attributes())
        .containsEntry("occluded", new AttributeValue.Bool(true))
        .containsEntry("colour", new AttributeValue.Text("red"))
        .containsEntry("speed", new AttributeValue.Number(3.5));
    assertThatThrownBy(() -> box.attributes().put("x", AttributeValue.of(false)))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThat(new BoxValue("car", BOX, Map.copyOf(box.attributes()))).isEqualTo(box);
    assertThat(new BoxValue("car", BOX)).isNotEqualTo(box);
  }

  @Test
  void attributeMapsRejectEmptyNamesAndNullValues() {
    assertThatThrownBy(
            () -> new SpanValue("PER", 0, 1, Optional.empty(), Map.of("", AttributeValue.of(1))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("attributes keys must not be empty");
    Map<String, AttributeValue> nullValue = new HashMap<>();
    nullValue.put("colour", null);
    assertThatThrownBy(() -> new TimeSegmentValue("s", 0, 1, nullValue))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("attributes value of colour");
  }

  @Test
  void attributeValues() {
    assertThat(AttributeValue.of(true)).isEqualTo(new AttributeValue.Bool(true));
    assertThat(AttributeValue.of(2)).isEqualTo(new AttributeValue.Number(2.0));
    assertThat(AttributeValue.of("")).isEqualTo(new AttributeValue.Text(""));
    assertThatThrownBy(() -> AttributeValue.of(Double.NaN))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("value must be finite, got NaN");
    assertThatThrownBy(() -> new AttributeValue.Number(Double.NEGATIVE_INFINITY))
        .hasMessage("value must be finite, got -Infinity");
  }

  @Test
  void labelsMustNotBeEmpty() {
    assertThatThrownBy(() -> new ChoiceValue(""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("label must not be empty");
    assertThatThrownBy(() -> new BoxValue("", BOX)).hasMessage("label must not be empty");
    assertThatThrownBy(() -> new MaskValue("", MASK)).hasMessage("label must not be empty");
    assertThatThrownBy(() -> new SpanValue("", 0, 0)).hasMessage("label must not be empty");
    assertThatThrownBy(() -> new RelationValue(Optional.of(""), "a", "b"))
        .hasMessage("label must not be empty when present");
    assertThatThrownBy(() -> MultipleChoiceValue.of("a", ""))
        .hasMessage("labels[1] must not be empty");
  }

  @Test
  void choicesAndRankingsRejectDuplicates() {
    assertThatThrownBy(() -> MultipleChoiceValue.of("a", "b", "a"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("labels must be unique, got a twice");
    assertThatThrownBy(() -> RankingValue.of("x", "y", "y"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("order must be unique, got y twice");
    assertThatThrownBy(() -> new RankingValue(List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("order must not be empty");
    assertThatThrownBy(() -> RankingValue.of("x", ""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("order[1] must not be empty");
    assertThat(MultipleChoiceValue.of().labels()).isEmpty();
  }

  @Test
  void bucketedRankingsHoldNamedOrderedGroups() {
    RankingValue sorted =
        RankingValue.ofBuckets(
            List.of(
                RankingValue.Bucket.of("best", "b", "a"),
                RankingValue.Bucket.of("empty"),
                RankingValue.Bucket.of("worst", "c")));
    assertThat(sorted.bucketed()).isTrue();
    assertThat(sorted.order()).isEmpty();
    assertThat(sorted.ids()).containsExactly("b", "a", "c");
    assertThat(RankingValue.of("x", "y").bucketed()).isFalse();
    assertThat(RankingValue.of("x", "y").ids()).containsExactly("x", "y");
    assertThatThrownBy(() ->
            RankingValue.ofBuckets(
                List.of(RankingValue.Bucket.of("a", "x"), RankingValue.Bucket.of("b", "x"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a response is in one bucket at most, got x twice");
    assertThatThrownBy(() ->
            RankingValue.ofBuckets(
                List.of(RankingValue.Bucket.of("a", "x"), RankingValue.Bucket.of("a", "y"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("bucket names must be unique, got a twice");
    assertThatThrownBy(() -> RankingValue.ofBuckets(List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("order must not be empty");
    assertThatThrownBy(
            () -> new RankingValue(List.of("x"), List.of(RankingValue.Bucket.of("a", "y"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a ranking has an order or buckets, not both");
    assertThatThrownBy(() -> RankingValue.Bucket.of("", "x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("name must not be empty");
  }

  @Test
  void listsAreCopied() {
    List<String> labels = new ArrayList<>(List.of("a", "b"));
    MultipleChoiceValue choice = new MultipleChoiceValue(labels);
    List<String> order = new ArrayList<>(List.of("r2", "r1"));
    RankingValue ranking = new RankingValue(order);
    List<Keypoint> points = new ArrayList<>(List.of(NOSE));
    KeypointsValue pose = new KeypointsValue("person", points);

    labels.add("c");
    order.set(0, "r3");
    points.add(EYE);

    assertThat(choice.labels()).containsExactly("a", "b");
    assertThat(ranking.order()).containsExactly("r2", "r1");
    assertThat(pose.points()).containsExactly(NOSE);
    assertThatThrownBy(() -> choice.labels().add("z"))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> ranking.order().clear())
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> pose.points().clear())
        .isInstanceOf(UnsupportedOperationException.class);
    assertThat(choice).isEqualTo(MultipleChoiceValue.of("a", "b"));
  }

  @Test
  void keypointsNeedAtLeastOnePointAndUniqueNames() {
    assertThatThrownBy(() -> new KeypointsValue("person", List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("points must not be empty");
    Keypoint otherNose = new Keypoint("nose", 1, 1, Keypoint.Visibility.VISIBLE);
    assertThatThrownBy(() -> new KeypointsValue("person", List.of(NOSE, EYE, otherNose)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("points must have unique names, got nose twice");
  }

  @Test
  void spansRunForward() {
    assertThatThrownBy(() -> new SpanValue("PER", -1, 2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("start must be >= 0, got -1");
    assertThatThrownBy(() -> new SpanValue("PER", 5, 3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("end must be >= start (5), got 3");
    assertThat(new SpanValue("PER", 4, 4).end()).isEqualTo(4);
  }

  @Test
  void timeSegmentsRunForwardFromZero() {
    assertThatThrownBy(() -> new TimeSegmentValue("s", -0.5, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("start must be >= 0, got -0.5");
    assertThatThrownBy(() -> new TimeSegmentValue("s", Double.NaN, 1))
        .hasMessage("start must be finite, got NaN");
    assertThatThrownBy(() -> new TimeSegmentValue("s", 2, 1))
        .hasMessage("end must be finite and >= start (2.0), got 1.0");
    assertThatThrownBy(() -> new TimeSegmentValue("s", 2, Double.POSITIVE_INFINITY))
        .hasMessage("end must be finite and >= start (2.0), got Infinity");
    assertThat(new TimeSegmentValue("s", 2, 2).end()).isEqualTo(2.0);
  }

  @Test
  void relationsJoinTwoDifferentResults() {
    assertThatThrownBy(() -> new RelationValue("r1", "r1"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("from and to must differ, got r1 for both");
    assertThatThrownBy(() -> new RelationValue("", "r1")).hasMessage("from must not be empty");
    assertThatThrownBy(() -> new RelationValue("r1", "")).hasMessage("to must not be empty");
  }

  @Test
  void transcriptionTargetIsAResultIdWhenPresent() {
    assertThat(new TranscriptionValue("").text()).isEmpty();
    assertThatThrownBy(() -> new TranscriptionValue("x", Optional.of("")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("target must not be empty when present");
  }

  @Test
  void ratingsAreFinite() {
    assertThatThrownBy(() -> new RatingValue(Double.NaN))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("value must be finite, got NaN");
    assertThat(new RatingValue(-2.5).value()).isEqualTo(-2.5);
  }

  @Test
  void preferencesCompareTwoDifferentResponses() {
    assertThatThrownBy(() -> new PreferenceValue("a", "a", PreferenceValue.Verdict.FIRST))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("first and second must differ, got a for both");
    assertThatThrownBy(() -> new PreferenceValue("", "b", PreferenceValue.Verdict.FIRST))
        .hasMessage("first must not be empty");
  }

  @Test
  void verdictJsonNames() {
    assertThat(PreferenceValue.Verdict.values())
        .extracting(PreferenceValue.Verdict::jsonName)
        .containsExactly("first", "second", "tie");
    for (PreferenceValue.Verdict verdict : PreferenceValue.Verdict.values()) {
      assertThat(PreferenceValue.Verdict.ofJsonName(verdict.jsonName())).contains(verdict);
    }
    assertThat(PreferenceValue.Verdict.ofJsonName("TIE")).isEmpty();
    assertThat(PreferenceValue.Verdict.ofJsonName("draw")).isEmpty();
  }
}
