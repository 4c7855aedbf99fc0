package org.annotationkit.core.json;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.annotationkit.core.annotation.AttributeValue;
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
import org.annotationkit.core.annotation.SpanValue;
import org.annotationkit.core.annotation.TimeSegmentValue;
import org.annotationkit.core.annotation.TranscriptionValue;
import org.annotationkit.core.annotation.Value;
import org.annotationkit.core.geometry.Box;
import org.annotationkit.core.geometry.Keypoint;
import org.annotationkit.core.geometry.Polyline;
import org.annotationkit.core.internal.JsonNames;
import org.annotationkit.core.internal.SortedStringMap;
import org.annotationkit.core.schema.FieldKind;
import tools.jackson.core.JsonGenerator;

/**
 * The value of a result: {@code {"type": "box", "label": ..., ...}}, one {@link Layout} per {@link
 * FieldKind}, with {@code "type"} (the kind's JSON name) first.
 */
final class ValueFormat {
  private ValueFormat() {}

  private static final String TYPE_RULE = "a value starts with \"type\"";
  private static final List<String> TYPE = List.of("type");
  private static final JsonNames<FieldKind> KINDS = JsonNames.lowerCase(FieldKind.class);
  private static final JsonType<String> STRING = JsonTypes.STRING;

  /** {@code {"name": true | number | "text", ...}}, left out when empty. */
  private static final JsonType<Map<String, AttributeValue>> ATTRIBUTES =
      new JsonType<>() {
        @Override
        public Map<String, AttributeValue> read(JsonIn in) {
          in.startMap();
          TreeMap<String, AttributeValue> attributes = new TreeMap<>();
          for (String name = in.nextKey(); name != null; name = in.nextKey()) {
            AttributeValue value =
                switch (in.token()) {
                  case VALUE_TRUE, VALUE_FALSE -> AttributeValue.of(in.bool());
                  case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> AttributeValue.of(in.number());
                  case VALUE_STRING -> AttributeValue.of(in.string());
                  default ->
                      throw in.error(
                          "expected an attribute value (true, false, a number or a string), found "
                              + in.found());
                };
            if (attributes.put(name, value) != null) {
              throw in.error("duplicate key " + JsonIn.quote(name));
            }
          }
          // Handed over to the value's constructor, which keeps it instead of copying it.
          return SortedStringMap.adopt(attributes);
        }

        @Override
        public void write(JsonGenerator out, Map<String, AttributeValue> attributes) {
          out.writeStartObject();
          for (Map.Entry<String, AttributeValue> entry : attributes.entrySet()) {
            out.writeName(entry.getKey());
            switch (entry.getValue()) {
              case AttributeValue.Bool bool -> out.writeBoolean(bool.value());
              case AttributeValue.Number number -> out.writeNumber(number.value());
              case AttributeValue.Text text -> out.writeString(text.value());
            }
          }
          out.writeEndObject();
        }
      };

  private static final Layout<Keypoint> KEYPOINT =
      Layout.of(
          "a keypoint",
          m -> {
            // a skeleton point's name, the same on every pose: one string per distinct name
            var name = m.required("name", JsonTypes.NAME, Keypoint::name);
            var x = m.number("x", Keypoint::x);
            var y = m.number("y", Keypoint::y);
            var visibility =
                m.required(
                    "visibility",
                    JsonTypes.constant(JsonNames.lowerCase(Keypoint.Visibility.class)),
                    Keypoint::visibility);
            return s -> new Keypoint(s.get(name), s.number(x), s.number(y), s.get(visibility));
          });

  private static final Layout<RankingValue.Bucket> BUCKET =
      Layout.of(
          "a ranking bucket",
          m -> {
            var name = m.required("name", STRING, RankingValue.Bucket::name);
            var order = m.required("order", JsonTypes.STRINGS, RankingValue.Bucket::order);
            return s -> new RankingValue.Bucket(s.get(name), s.get(order));
          });

  // ---------------------------------------------------------------- one layout per kind

  private static final Layout<ChoiceValue> SINGLE_CHOICE =
      value(
          FieldKind.SINGLE_CHOICE,
          m -> {
            var label = m.required("label", JsonTypes.NAME, ChoiceValue::label);
            return s -> new ChoiceValue(s.get(label));
          });

  private static final Layout<MultipleChoiceValue> MULTIPLE_CHOICE =
      value(
          FieldKind.MULTIPLE_CHOICE,
          m -> {
            var labels = m.required("labels", JsonTypes.STRINGS, MultipleChoiceValue::labels);
            return s -> new MultipleChoiceValue(s.get(labels));
          });

  private static final Layout<BoxValue> BOX =
      value(
          FieldKind.BOX,
          m -> {
            var label = m.required("label", JsonTypes.NAME, BoxValue::label);
            var x = m.number("x", v -> v.box().x());
            var y = m.number("y", v -> v.box().y());
            var width = m.number("width", v -> v.box().width());
            var height = m.number("height", v -> v.box().height());
            var rotation = m.number("rotation", v -> v.box().rotation(), 0);
            var attributes =
                m.unlessEmpty("attributes", ATTRIBUTES, BoxValue::attributes, Map.of());
            return s ->
                new BoxValue(
                    s.get(label),
                    new Box(
                        s.number(x),
                        s.number(y),
                        s.number(width),
                        s.number(height),
                        s.number(rotation)),
                    s.get(attributes));
          });

  private static final Layout<PolygonValue> POLYGON =
      value(
          FieldKind.POLYGON,
          m -> {
            var label = m.required("label", JsonTypes.NAME, PolygonValue::label);
            var points = m.required("points", JsonTypes.POINTS, v -> v.polygon().exterior());
            var holes = m.optional("holes", JsonTypes.RINGS, v -> v.polygon().holes(), List.of());
            var attributes =
                m.unlessEmpty("attributes", ATTRIBUTES, PolygonValue::attributes, Map.of());
            return s ->
                new PolygonValue(
                    s.get(label),
                    JsonTypes.polygon(s.get(points), s.get(holes)),
                    s.get(attributes));
          });

  private static final Layout<PolylineValue> POLYLINE =
      value(
          FieldKind.POLYLINE,
          m -> {
            var label = m.required("label", JsonTypes.NAME, PolylineValue::label);
            var points = m.required("points", JsonTypes.POINTS, v -> v.polyline().points());
            var attributes =
                m.unlessEmpty("attributes", ATTRIBUTES, PolylineValue::attributes, Map.of());
            return s ->
                new PolylineValue(s.get(label), new Polyline(s.get(points)), s.get(attributes));
          });

  private static final Layout<KeypointsValue> KEYPOINTS =
      value(
          FieldKind.KEYPOINTS,
          m -> {
            var label = m.required("label", JsonTypes.NAME, KeypointsValue::label);
            var points = m.required("points", JsonTypes.listOf(KEYPOINT), KeypointsValue::points);
            var attributes =
                m.unlessEmpty("attributes", ATTRIBUTES, KeypointsValue::attributes, Map.of());
            return s -> new KeypointsValue(s.get(label), s.get(points), s.get(attributes));
          });

  private static final Layout<MaskValue> MASK =
      value(
          FieldKind.MASK,
          m -> {
            var label = m.required("label", JsonTypes.NAME, MaskValue::label);
            var height = m.integer("height", v -> v.mask().height());
            var width = m.integer("width", v -> v.mask().width());
            var counts =
                m.required("counts", JsonTypes.REUSED_INTEGERS, v -> JsonTypes.counts(v.mask()));
            var attributes =
                m.unlessEmpty("attributes", ATTRIBUTES, MaskValue::attributes, Map.of());
            return s ->
                new MaskValue(
                    s.get(label),
                    JsonTypes.mask(s.integer(height), s.integer(width), s.get(counts)),
                    s.get(attributes));
          });

  private static final Layout<SpanValue> SPAN =
      value(
          FieldKind.SPAN,
          m -> {
            var label = m.required("label", JsonTypes.NAME, SpanValue::label);
            var start = m.integer("start", SpanValue::start);
            var end = m.integer("end", SpanValue::end);
            var text = m.maybe("text", STRING, SpanValue::text);
            var attributes =
                m.unlessEmpty("attributes", ATTRIBUTES, SpanValue::attributes, Map.of());
            return s ->
                new SpanValue(
                    s.get(label), s.integer(start), s.integer(end), s.get(text), s.get(attributes));
          });

  private static final Layout<RelationValue> RELATION =
      value(
          FieldKind.RELATION,
          m -> {
            var label = m.maybe("label", STRING, RelationValue::label);
            var from = m.required("from", STRING, RelationValue::from);
            var to = m.required("to", STRING, RelationValue::to);
            return s -> new RelationValue(s.get(label), s.get(from), s.get(to));
          });

  private static final Layout<TimeSegmentValue> TIME_SEGMENT =
      value(
          FieldKind.TIME_SEGMENT,
          m -> {
            var label = m.required("label", JsonTypes.NAME, TimeSegmentValue::label);
            var start = m.number("start", TimeSegmentValue::start);
            var end = m.number("end", TimeSegmentValue::end);
            var attributes =
                m.unlessEmpty("attributes", ATTRIBUTES, TimeSegmentValue::attributes, Map.of());
            return s ->
                new TimeSegmentValue(
                    s.get(label), s.number(start), s.number(end), s.get(attributes));
          });

  private static final Layout<TranscriptionValue> TRANSCRIPTION =
      value(
          FieldKind.TRANSCRIPTION,
          m -> {
            var text = m.required("text", STRING, TranscriptionValue::text);
            var target = m.maybe("target", STRING, TranscriptionValue::target);
            return s -> new TranscriptionValue(s.get(text), s.get(target));
          });

  private static final Layout<RatingValue> RATING =
      value(
          FieldKind.RATING,
          m -> {
            var rating = m.number("value", RatingValue::value);
            return s -> new RatingValue(s.number(rating));
          });

  private static final Layout<PreferenceValue> PAIRWISE_PREFERENCE =
      value(
          FieldKind.PAIRWISE_PREFERENCE,
          m -> {
            var first = m.required("first", STRING, PreferenceValue::first);
            var second = m.required("second", STRING, PreferenceValue::second);
            var verdict =
                m.required(
                    "verdict",
                    JsonTypes.constant(JsonNames.lowerCase(PreferenceValue.Verdict.class)),
                    PreferenceValue::verdict);
            return s -> new PreferenceValue(s.get(first), s.get(second), s.get(verdict));
          });

  private static final Layout<RankingValue> RANKING =
      value(
          FieldKind.RANKING,
          m -> {
            var order = m.unlessEmpty("order", JsonTypes.STRINGS, RankingValue::order, List.of());
            var buckets =
                m.unlessEmpty(
                    "buckets", JsonTypes.listOf(BUCKET), RankingValue::buckets, List.of());
            return s -> new RankingValue(s.get(order), s.get(buckets));
          });

  private static final Layout<FreeTextValue> FREE_TEXT =
      value(
          FieldKind.FREE_TEXT,
          m -> {
            var text = m.required("text", STRING, FreeTextValue::text);
            return s -> new FreeTextValue(s.get(text));
          });

  /** The layout of a kind's value, named after the kind ("a box value"). */
  private static <V extends Value> Layout<V> value(
      FieldKind kind,
      java.util.function.Function<Layout.Builder<V>, java.util.function.Function<Layout.Slots, V>>
          definition) {
    String name = kind.jsonName();
    String article = "aeiou".indexOf(name.charAt(0)) >= 0 ? "an " : "a ";
    return Layout.of(article + name + " value", TYPE, definition);
  }

  /** The layout of each kind's values. */
  private static Layout<? extends Value> layout(FieldKind kind) {
    return switch (kind) {
      case SINGLE_CHOICE -> SINGLE_CHOICE;
      case MULTIPLE_CHOICE -> MULTIPLE_CHOICE;
      case BOX -> BOX;
      case POLYGON -> POLYGON;
      case POLYLINE -> POLYLINE;
      case KEYPOINTS -> KEYPOINTS;
      case MASK -> MASK;
      case SPAN -> SPAN;
      case RELATION -> RELATION;
      case TIME_SEGMENT -> TIME_SEGMENT;
      case TRANSCRIPTION -> TRANSCRIPTION;
      case RATING -> RATING;
      case PAIRWISE_PREFERENCE -> PAIRWISE_PREFERENCE;
      case RANKING -> RANKING;
      case FREE_TEXT -> FREE_TEXT;
    };
  }

  /** Any value, by its {@code "type"}. */
  static final JsonType<Value> VALUE =
      new JsonType<>() {
        @Override
        public Value read(JsonIn in) {
          JsonIn.Mark start = Layout.openTyped(in, "a value", TYPE_RULE);
          FieldKind kind = in.constant(KINDS);
          return layout(kind).readMembers(in, start);
        }

        @Override
        public void write(JsonGenerator out, Value value) {
          out.writeStartObject();
          out.writeStringProperty("type", KINDS.name(value.kind()));
          switch (value) {
            case ChoiceValue v -> SINGLE_CHOICE.writeMembers(out, v);
            case MultipleChoiceValue v -> MULTIPLE_CHOICE.writeMembers(out, v);
            case BoxValue v -> BOX.writeMembers(out, v);
            case PolygonValue v -> POLYGON.writeMembers(out, v);
            case PolylineValue v -> POLYLINE.writeMembers(out, v);
            case KeypointsValue v -> KEYPOINTS.writeMembers(out, v);
            case MaskValue v -> MASK.writeMembers(out, v);
            case SpanValue v -> SPAN.writeMembers(out, v);
            case RelationValue v -> RELATION.writeMembers(out, v);
            case TimeSegmentValue v -> TIME_SEGMENT.writeMembers(out, v);
            case TranscriptionValue v -> TRANSCRIPTION.writeMembers(out, v);
            case RatingValue v -> RATING.writeMembers(out, v);
            case PreferenceValue v -> PAIRWISE_PREFERENCE.writeMembers(out, v);
            case RankingValue v -> RANKING.writeMembers(out, v);
            case FreeTextValue v -> FREE_TEXT.writeMembers(out, v);
          }
          out.writeEndObject();
        }
      };
}
