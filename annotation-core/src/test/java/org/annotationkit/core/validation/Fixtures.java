package org.annotationkit.core.validation;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.annotationkit.core.annotation.Annotation;
import org.annotationkit.core.annotation.AttributeValue;
import org.annotationkit.core.annotation.Result;
import org.annotationkit.core.annotation.Value;
import org.annotationkit.core.item.AudioItem;
import org.annotationkit.core.item.ComparisonItem;
import org.annotationkit.core.item.ImageItem;
import org.annotationkit.core.item.Item;
import org.annotationkit.core.item.Response;
import org.annotationkit.core.item.TextItem;
import org.annotationkit.core.item.VideoItem;
import org.annotationkit.core.schema.AttributeSpec;
import org.annotationkit.core.schema.Field;
import org.annotationkit.core.schema.FieldKind;
import org.annotationkit.core.schema.Label;
import org.annotationkit.core.schema.LabelSet;
import org.annotationkit.core.schema.RatingScale;
import org.annotationkit.core.schema.Schema;
import org.annotationkit.core.schema.Skeleton;

/** Items, fields and a schema with one field of every kind, for the validator's tests. */
final class Fixtures {
  private Fixtures() {}

  static final ImageItem IMAGE = new ImageItem("img", URI.create("file:///img.png"), 640, 480);

  /** 250 frames at 25 fps: 10 seconds of 320x240. */
  static final VideoItem VIDEO =
      new VideoItem("vid", URI.create("file:///clip.mp4"), 250, 25.0, 320, 240);

  static final TextItem TEXT = new TextItem("doc", "Ada Lovelace met Charles Babbage in London.");

  static final AudioItem AUDIO = new AudioItem("aud", URI.create("file:///talk.wav"), 10.0);

  static final ComparisonItem COMPARISON =
      new ComparisonItem(
          "cmp",
          "Which answer is better?",
          List.of(new Response("a", "Paris."), new Response("b", "Lyon."), new Response("c", "?")));

  /** Boxes: car (occluded boolean, colour enum required, speed number in [0, 10]), person. */
  static final Field OBJECTS =
      Field.builder("objects", FieldKind.BOX)
          .labels(
              LabelSet.of(
                  List.of(
                      Label.of("car")
                          .withAttributes(
                              AttributeSpec.bool("occluded"),
                              AttributeSpec.enumeration("colour", "red", "green", "blue")
                                  .asRequired(),
                              AttributeSpec.number("speed", 0, 10),
                              AttributeSpec.text("plate")),
                      Label.of("person"))))
          .rotatable(true)
          .build();

  static final Field PLATES = Field.builder("plates", FieldKind.BOX).labels("plate").build();

  static final Field REGIONS =
      Field.builder("regions", FieldKind.POLYGON).labels("road", "sky").build();

  static final Field LANES = Field.builder("lanes", FieldKind.POLYLINE).labels("lane").build();

  static final Field POSE =
      Field.builder("pose", FieldKind.KEYPOINTS)
          .labels("person")
          .skeleton(
              new Skeleton(
                  List.of("nose", "left_eye", "right_eye"),
                  List.of(
                      new Skeleton.Edge("nose", "left_eye"),
                      new Skeleton.Edge("nose", "right_eye"))))
          .build();

  static final Field MASKS = Field.builder("masks", FieldKind.MASK).labels("road").build();

  static final Field WEATHER =
      Field.builder("weather", FieldKind.SINGLE_CHOICE).labels("sunny", "rainy").build();

  static final Field TAGS =
      Field.builder("tags", FieldKind.MULTIPLE_CHOICE).labels("day", "night", "city").build();

  static final Field LINKS =
      Field.builder("links", FieldKind.RELATION).labels("near", "part_of").build();

  static final Field CAPTION = Field.builder("caption", FieldKind.TRANSCRIPTION).build();

  static final Field QUALITY =
      Field.builder("quality", FieldKind.RATING).scale(RatingScale.likert(5)).build();

  static final Field NOTE = Field.builder("note", FieldKind.FREE_TEXT).build();

  static final Field ENTITIES =
      Field.builder("entities", FieldKind.SPAN)
          .labels("PER", "ORG", "LOC")
          .allowOverlap(false)
          .build();

  static final Field SPEECH =
      Field.builder("speech", FieldKind.TIME_SEGMENT)
          .labels("alice", "bob")
          .allowOverlap(false)
          .build();

  static final Field PREFERENCE =
      Field.builder("preference", FieldKind.PAIRWISE_PREFERENCE).allowTies(false).build();

  static final Field RANKING = Field.builder("ranking", FieldKind.RANKING).build();

  /** One field of every kind, none required, no counts, named as above. */
  static final Schema ALL =
      Schema.of(
          "all",
          OBJECTS,
          PLATES,
          REGIONS,
          LANES,
          POSE,
          MASKS,
          WEATHER,
          TAGS,
          LINKS,
          CAPTION,
          QUALITY,
          NOTE,
          ENTITIES,
          SPEECH,
          PREFERENCE,
          RANKING);

  static final AnnotationValidator VALIDATOR = AnnotationValidator.of(ALL);

  /** An annotation of an item with the given results, ids {@code r0, r1, ...} in order. */
  static Annotation annotation(Item item, Result... results) {
    return annotationFor(item.id(), results);
  }

  static Annotation annotationFor(String itemId, Result... results) {
    return Annotation.builder("ann", itemId, "alice").results(List.of(results)).build();
  }

  static Result result(String id, String field, Value value) {
    return Result.of(id, field, value);
  }

  static Map<String, AttributeValue> attrs(Object... nameThenValue) {
    java.util.TreeMap<String, AttributeValue> map = new java.util.TreeMap<>();
    for (int i = 0; i < nameThenValue.length; i += 2) {
      Object v = nameThenValue[i + 1];
      AttributeValue value =
          switch (v) {
            case Boolean b -> AttributeValue.of(b);
            case Number n -> AttributeValue.of(n.doubleValue());
            case String s -> AttributeValue.of(s);
            default -> throw new IllegalArgumentException("unsupported " + v);
          };
      map.put((String) nameThenValue[i], value);
    }
    return map;
  }
}
