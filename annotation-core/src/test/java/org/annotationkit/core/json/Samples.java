package org.annotationkit.core.json;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.annotationkit.core.annotation.Annotation;
import org.annotationkit.core.annotation.AttributeValue;
import org.annotationkit.core.annotation.BoxValue;
import org.annotationkit.core.annotation.ChoiceValue;
import org.annotationkit.core.annotation.FreeTextValue;
import org.annotationkit.core.annotation.KeypointsValue;
import org.annotationkit.core.annotation.MaskValue;
import org.annotationkit.core.annotation.MultipleChoiceValue;
import org.annotationkit.core.annotation.Origin;
import org.annotationkit.core.annotation.PolygonValue;
import org.annotationkit.core.annotation.PolylineValue;
import org.annotationkit.core.annotation.PreferenceValue;
import org.annotationkit.core.annotation.RankingValue;
import org.annotationkit.core.annotation.RatingValue;
import org.annotationkit.core.annotation.RelationValue;
import org.annotationkit.core.annotation.Result;
import org.annotationkit.core.annotation.ReviewState;
import org.annotationkit.core.annotation.SpanValue;
import org.annotationkit.core.annotation.TimeSegmentValue;
import org.annotationkit.core.annotation.TranscriptionValue;
import org.annotationkit.core.annotation.Value;
import org.annotationkit.core.geometry.Box;
import org.annotationkit.core.geometry.Keypoint;
import org.annotationkit.core.geometry.Point;
import org.annotationkit.core.geometry.Polygon;
import org.annotationkit.core.geometry.Polyline;
import org.annotationkit.core.geometry.RleMask;
import org.annotationkit.core.item.AudioItem;
import org.annotationkit.core.item.ComparisonItem;
import org.annotationkit.core.item.ImageItem;
import org.annotationkit.core.item.Item;
import org.annotationkit.core.item.Response;
import org.annotationkit.core.item.TextItem;
import org.annotationkit.core.item.VideoItem;
import org.annotationkit.core.schema.AttributeSpec;
import org.annotationkit.core.schema.Constraints;
import org.annotationkit.core.schema.Field;
import org.annotationkit.core.schema.FieldKind;
import org.annotationkit.core.schema.Label;
import org.annotationkit.core.schema.LabelSet;
import org.annotationkit.core.schema.RatingScale;
import org.annotationkit.core.schema.Schema;
import org.annotationkit.core.schema.Skeleton;

/**
 * Hand-built values covering every value kind, item kind and schema feature; the golden files hold
 * exactly these values.
 */
final class Samples {
  private Samples() {}

  /** One value of every kind, with attributes where the kind takes them. */
  static Map<FieldKind, Value> valueOfEveryKind() {
    Map<String, AttributeValue> attributes =
        Map.of(
            "occluded", AttributeValue.of(true),
            "colour", AttributeValue.of("red"),
            "speed", AttributeValue.of(3.5));
    return Map.ofEntries(
        Map.entry(FieldKind.SINGLE_CHOICE, new ChoiceValue("positive")),
        Map.entry(FieldKind.MULTIPLE_CHOICE, MultipleChoiceValue.of("outdoor", "night")),
        Map.entry(
            FieldKind.BOX,
            new BoxValue("car", new Box(10.5, 20.0, 200.25, 100.0, 30.0), attributes)),
        Map.entry(
            FieldKind.POLYGON,
            new PolygonValue(
                "building",
                new Polygon(
                    List.of(
                        new Point(0, 0), new Point(100, 0), new Point(100, 80), new Point(0, 80)),
                    List.of(List.of(new Point(10, 10), new Point(20, 10), new Point(20, 20)))),
                Map.of("floors", AttributeValue.of(4.0)))),
        Map.entry(
            FieldKind.POLYLINE,
            new PolylineValue(
                "lane", new Polyline(List.of(new Point(0.5, 1.5), new Point(30.25, 40.125))))),
        Map.entry(
            FieldKind.KEYPOINTS,
            new KeypointsValue(
                "person",
                List.of(
                    new Keypoint("nose", 50, 40, Keypoint.Visibility.VISIBLE),
                    new Keypoint("left_eye", 45.5, 35, Keypoint.Visibility.OCCLUDED),
                    new Keypoint("right_eye", 0, 0, Keypoint.Visibility.NOT_LABELED)))),
        Map.entry(
            FieldKind.MASK,
            new MaskValue(
                "road",
                new RleMask(3, 4, new int[] {0, 2, 0, 3, 7}),
                Map.of("surface", AttributeValue.of("asphalt")))),
        Map.entry(
            FieldKind.SPAN,
            new SpanValue(
                "PER", 0, 5, Optional.of("Alice"), Map.of("confirmed", AttributeValue.of(false)))),
        Map.entry(FieldKind.RELATION, new RelationValue("works_for", "r1", "r2")),
        Map.entry(FieldKind.TIME_SEGMENT, new TimeSegmentValue("speech", 1.25, 3.75)),
        Map.entry(
            FieldKind.TRANSCRIPTION, new TranscriptionValue("hello world", Optional.of("r1"))),
        Map.entry(FieldKind.RATING, new RatingValue(4.0)),
        Map.entry(
            FieldKind.PAIRWISE_PREFERENCE,
            new PreferenceValue("a", "b", PreferenceValue.Verdict.TIE)),
        Map.entry(FieldKind.RANKING, RankingValue.of("b", "a", "c")),
        Map.entry(FieldKind.FREE_TEXT, new FreeTextValue("")));
  }

  /** The sample value of one kind. */
  static Value value(FieldKind kind) {
    return Objects.requireNonNull(valueOfEveryKind().get(kind), kind.jsonName());
  }

  /** A schema that uses every feature of the layout. */
  static Schema everyFeature() {
    Label car =
        Label.of("car")
            .withColor("#FF0000")
            .withDescription("any motor car")
            .withAttributes(
                AttributeSpec.bool("occluded"),
                AttributeSpec.enumeration("colour", "red", "green", "blue").asRequired(),
                AttributeSpec.number("speed", 0, 300),
                AttributeSpec.number("weight"),
                AttributeSpec.text("plate"));
    Label vehicle = Label.of("vehicle").withChildren(car, Label.of("truck").withColor("#00ff7f"));
    return new Schema(
        "everything",
        List.of(
            Field.builder("objects", FieldKind.BOX)
                .labels(LabelSet.of(List.of(vehicle, Label.of("person"))))
                .rotatable(true)
                .description("Draw a box around every object.")
                .build(),
            Field.builder("sentiment", FieldKind.SINGLE_CHOICE)
                .labels("positive", "neutral", "negative")
                .required(true)
                .build(),
            Field.builder("tags", FieldKind.MULTIPLE_CHOICE)
                .labels("outdoor", "night")
                .minCount(1)
                .maxCount(2)
                .build(),
            Field.builder("pose", FieldKind.KEYPOINTS)
                .labels("person")
                .skeleton(
                    new Skeleton(
                        List.of("nose", "left_eye", "right_eye"),
                        List.of(
                            new Skeleton.Edge("nose", "left_eye"),
                            new Skeleton.Edge("nose", "right_eye"))))
                .build(),
            Field.builder("entities", FieldKind.SPAN)
                .labels("PER", "ORG")
                .constraints(new Constraints(false, 0, OptionalInt.empty(), false))
                .build(),
            Field.builder("links", FieldKind.RELATION).build(),
            Field.builder("quality", FieldKind.RATING)
                .scale(RatingScale.likert(3).withAnchors("bad", "fine", "good"))
                .build(),
            Field.builder("confidence", FieldKind.RATING)
                .scale(RatingScale.continuous(0, 1))
                .build(),
            Field.builder("preference", FieldKind.PAIRWISE_PREFERENCE).allowTies(false).build(),
            Field.builder("ranking", FieldKind.RANKING).build(),
            Field.builder("rationale", FieldKind.FREE_TEXT).build()),
        Optional.of("A schema with every feature of the canonical JSON layout."));
  }

  /** One item of every type, with and without the optional parts. */
  static List<Item> itemOfEveryType() {
    return List.of(
        new ImageItem(
            "img-1",
            URI.create("https://example.org/images/1.jpg"),
            640,
            480,
            Map.of("split", "train", "source/camera", "a~b")),
        new ImageItem("img-2", URI.create("data:image/png;base64,iVBORw0KGgo="), 1, 1),
        new TextItem("txt-1", "Alice works for Acme.\nSecond line \"quoted\" \uD83D\uDE00"),
        new TextItem(
            "txt-2", "", Optional.of(URI.create("file:///data/texts/2.txt")), Map.of("lang", "en")),
        new AudioItem("aud-1", URI.create("s3://bucket/audio/1.wav"), 12.5),
        new VideoItem("vid-1", URI.create("https://example.org/v.mp4"), 300, 29.97, 1920, 1080),
        new ComparisonItem(
            "cmp-1",
            "Write a haiku about the sea.",
            List.of(
                new Response("a", "Waves fold into foam", Optional.of("model-x")),
                new Response("b", "The sea, the sea"),
                new Response("c", "Salt and wind and light", Optional.of("model-y"))),
            Map.of("batch", "7")));
  }

  /** Annotations that together hold a value of every kind, each origin and review state. */
  static List<Annotation> annotations() {
    return List.of(
        Annotation.builder("ann-1", "img-1", "alice")
            .result("r1", "objects", value(FieldKind.BOX))
            .result("r2", "regions", value(FieldKind.POLYGON))
            .result("r3", "lanes", value(FieldKind.POLYLINE))
            .result("r4", "pose", value(FieldKind.KEYPOINTS))
            .result("r5", "segments", value(FieldKind.MASK))
            .result("r6", "links", value(FieldKind.RELATION))
            .result("r7", "caption", value(FieldKind.TRANSCRIPTION))
            .createdAt(Instant.parse("2026-03-01T09:30:00Z"))
            .leadTimeSeconds(42.5)
            .build(),
        Annotation.builder("ann-2", "txt-1", "bob")
            .result("s1", "entities", value(FieldKind.SPAN))
            .result("s2", "entities", new SpanValue("ORG", 16, 20))
            .result("s3", "links", new RelationValue("s1", "s2"))
            .result("s4", "sentiment", value(FieldKind.SINGLE_CHOICE))
            .result("s5", "tags", value(FieldKind.MULTIPLE_CHOICE))
            .result("s6", "tags2", MultipleChoiceValue.of())
            .reviewState(ReviewState.ACCEPTED)
            .createdAt(Instant.parse("2026-03-01T09:31:02.123456789Z"))
            .build(),
        Annotation.builder("ann-3", "aud-1", "asr-bot")
            .result(
                new Result("t1", "speech", value(FieldKind.TIME_SEGMENT), OptionalDouble.of(0.875)))
            .result(new Result("t2", "words", new TranscriptionValue("hi"), OptionalDouble.of(1.0)))
            .origin(new Origin.Model("whisper", "large-v3", OptionalDouble.of(0.9)))
            .reviewState(ReviewState.REJECTED)
            .createdAt(Instant.parse("2026-03-02T00:00:00.5Z"))
            .leadTimeSeconds(0)
            .build(),
        Annotation.builder("ann-4", "cmp-1", "carol")
            .result(
                "p1", "preference", new PreferenceValue("a", "b", PreferenceValue.Verdict.FIRST))
            .result("p2", "ranking", value(FieldKind.RANKING))
            .result("p3", "quality", value(FieldKind.RATING))
            .result("p4", "rationale", value(FieldKind.FREE_TEXT))
            .result("p5", "preference2", value(FieldKind.PAIRWISE_PREFERENCE))
            .origin(new Origin.Model("judge", "2026-01"))
            .reviewState(ReviewState.CORRECTED)
            .createdAt(Instant.parse("2026-03-03T12:00:00Z"))
            .build(),
        Annotation.builder("ann-5", "img-2", "dave").createdAt(Instant.EPOCH).build(),
        // No creation time recorded: the record has no "createdAt".
        Annotation.builder("ann-6", "img-2", "erin").build());
  }
}
