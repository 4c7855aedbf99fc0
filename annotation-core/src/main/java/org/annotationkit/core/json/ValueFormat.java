package org.annotationkit.core.json;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
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
import org.annotationkit.core.geometry.Point;
import org.annotationkit.core.geometry.Polygon;
import org.annotationkit.core.geometry.Polyline;
import org.annotationkit.core.geometry.RleMask;
import org.annotationkit.core.schema.FieldKind;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonToken;

/**
 * The value of a result: {@code {"type": "box", "label": ..., ...}}, one layout per {@link
 * FieldKind}, with {@code "type"} (the kind's JSON name) first.
 */
final class ValueFormat {
  private ValueFormat() {}

  private static final String TYPE_RULE = "a value starts with \"type\"";
  private static final JsonIn.Fields ANY = new JsonIn.Fields("a value", "type");
  private static final Map<FieldKind, JsonIn.Fields> FIELDS = new EnumMap<>(FieldKind.class);
  // The constants, cloned once rather than on every value read (they name the choices in errors).
  private static final FieldKind[] KINDS = FieldKind.values();
  private static final PreferenceValue.Verdict[] VERDICTS = PreferenceValue.Verdict.values();
  private static final Keypoint.Visibility[] VISIBILITIES = Keypoint.Visibility.values();

  /** The JSON names of {@link #VISIBILITIES}, in the same order. */
  private static final String[] VISIBILITY_NAMES = new String[VISIBILITIES.length];

  static {
    for (int i = 0; i < VISIBILITIES.length; i++) {
      VISIBILITY_NAMES[i] = VISIBILITIES[i].name().toLowerCase(Locale.ROOT);
    }
  }

  private static final JsonIn.Fields KEYPOINT =
      new JsonIn.Fields("a keypoint", "name", "x", "y", "visibility");

  static {
    define(FieldKind.SINGLE_CHOICE, "label");
    define(FieldKind.MULTIPLE_CHOICE, "labels");
    define(FieldKind.BOX, "label", "x", "y", "width", "height", "rotation", "attributes");
    define(FieldKind.POLYGON, "label", "points", "holes", "attributes");
    define(FieldKind.POLYLINE, "label", "points", "attributes");
    define(FieldKind.KEYPOINTS, "label", "points", "attributes");
    define(FieldKind.MASK, "label", "height", "width", "counts", "attributes");
    define(FieldKind.SPAN, "label", "start", "end", "text", "attributes");
    define(FieldKind.RELATION, "label", "from", "to");
    define(FieldKind.TIME_SEGMENT, "label", "start", "end", "attributes");
    define(FieldKind.TRANSCRIPTION, "text", "target");
    define(FieldKind.RATING, "value");
    define(FieldKind.PAIRWISE_PREFERENCE, "first", "second", "verdict");
    define(FieldKind.RANKING, "order");
    define(FieldKind.FREE_TEXT, "text");
  }

  private static void define(FieldKind kind, String... names) {
    String[] all = new String[names.length + 1];
    all[0] = "type";
    System.arraycopy(names, 0, all, 1, names.length);
    String name = kind.jsonName();
    String article = "aeiou".indexOf(name.charAt(0)) >= 0 ? "an " : "a ";
    FIELDS.put(kind, new JsonIn.Fields(article + name + " value", all));
  }

  // ------------------------------------------------------------------ writing

  static void write(JsonGenerator out, Value value) {
    out.writeStartObject();
    out.writeStringProperty("type", value.kind().jsonName());
    switch (value) {
      case ChoiceValue choice -> out.writeStringProperty("label", choice.label());
      case MultipleChoiceValue choices -> JsonOut.strings(out, "labels", choices.labels());
      case BoxValue box -> {
        out.writeStringProperty("label", box.label());
        Box shape = box.box();
        out.writeNumberProperty("x", shape.x());
        out.writeNumberProperty("y", shape.y());
        out.writeNumberProperty("width", shape.width());
        out.writeNumberProperty("height", shape.height());
        out.writeNumberProperty("rotation", shape.rotation());
        writeAttributes(out, box.attributes());
      }
      case PolygonValue polygon -> {
        out.writeStringProperty("label", polygon.label());
        JsonOut.points(out, "points", polygon.polygon().exterior());
        out.writeName("holes");
        out.writeStartArray();
        for (List<Point> hole : polygon.polygon().holes()) {
          JsonOut.ring(out, hole);
        }
        out.writeEndArray();
        writeAttributes(out, polygon.attributes());
      }
      case PolylineValue polyline -> {
        out.writeStringProperty("label", polyline.label());
        JsonOut.points(out, "points", polyline.polyline().points());
        writeAttributes(out, polyline.attributes());
      }
      case KeypointsValue keypoints -> {
        out.writeStringProperty("label", keypoints.label());
        out.writeName("points");
        out.writeStartArray();
        for (Keypoint point : keypoints.points()) {
          out.writeStartObject();
          out.writeStringProperty("name", point.name());
          out.writeNumberProperty("x", point.x());
          out.writeNumberProperty("y", point.y());
          out.writeStringProperty("visibility", visibilityName(point.visibility()));
          out.writeEndObject();
        }
        out.writeEndArray();
        writeAttributes(out, keypoints.attributes());
      }
      case MaskValue mask -> {
        out.writeStringProperty("label", mask.label());
        RleMask shape = mask.mask();
        out.writeNumberProperty("height", shape.height());
        out.writeNumberProperty("width", shape.width());
        int[] counts = shape.counts();
        out.writeName("counts");
        out.writeArray(counts, 0, counts.length);
        writeAttributes(out, mask.attributes());
      }
      case SpanValue span -> {
        out.writeStringProperty("label", span.label());
        out.writeNumberProperty("start", span.start());
        out.writeNumberProperty("end", span.end());
        JsonOut.optionalString(out, "text", span.text());
        writeAttributes(out, span.attributes());
      }
      case RelationValue relation -> {
        JsonOut.optionalString(out, "label", relation.label());
        out.writeStringProperty("from", relation.from());
        out.writeStringProperty("to", relation.to());
      }
      case TimeSegmentValue segment -> {
        out.writeStringProperty("label", segment.label());
        out.writeNumberProperty("start", segment.start());
        out.writeNumberProperty("end", segment.end());
        writeAttributes(out, segment.attributes());
      }
      case TranscriptionValue transcription -> {
        out.writeStringProperty("text", transcription.text());
        JsonOut.optionalString(out, "target", transcription.target());
      }
      case RatingValue rating -> out.writeNumberProperty("value", rating.value());
      case PreferenceValue preference -> {
        out.writeStringProperty("first", preference.first());
        out.writeStringProperty("second", preference.second());
        out.writeStringProperty("verdict", preference.verdict().jsonName());
      }
      case RankingValue ranking -> JsonOut.strings(out, "order", ranking.order());
      case FreeTextValue freeText -> out.writeStringProperty("text", freeText.text());
    }
    out.writeEndObject();
  }

  private static void writeAttributes(JsonGenerator out, Map<String, AttributeValue> attributes) {
    if (attributes.isEmpty()) {
      return;
    }
    out.writeName("attributes");
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

  @SuppressWarnings("EnumOrdinal") // VISIBILITY_NAMES is indexed like Visibility.values()
  private static String visibilityName(Keypoint.Visibility visibility) {
    return VISIBILITY_NAMES[visibility.ordinal()];
  }

  private static Optional<Keypoint.Visibility> visibilityOf(String name) {
    for (int i = 0; i < VISIBILITY_NAMES.length; i++) {
      if (VISIBILITY_NAMES[i].equals(name)) {
        return Optional.of(VISIBILITIES[i]);
      }
    }
    return Optional.empty();
  }

  // ------------------------------------------------------------------ reading

  /** Reads a value, starting on its opening brace and returning on its closing brace. */
  static Value read(JsonIn in) {
    JsonIn.ObjectIn object = in.object(ANY);
    object.expect("type", TYPE_RULE);
    FieldKind kind = in.constant(KINDS, FieldKind::jsonName);
    object.narrow(java.util.Objects.requireNonNull(FIELDS.get(kind)));
    Parts p = new Parts();
    for (String member = object.next(); member != null; member = object.next()) {
      switch (member) {
        case "label" -> p.label = Optional.of(in.string());
        case "labels" -> p.labels = in.strings();
        case "x" -> p.x = in.number();
        case "y" -> p.y = in.number();
        case "width" -> {
          if (kind == FieldKind.MASK) {
            p.maskWidth = in.integer();
          } else {
            p.width = in.number();
          }
        }
        case "height" -> {
          if (kind == FieldKind.MASK) {
            p.maskHeight = in.integer();
          } else {
            p.height = in.number();
          }
        }
        case "rotation" -> p.rotation = in.number();
        case "points" -> {
          if (kind == FieldKind.KEYPOINTS) {
            p.keypoints = readKeypoints(in);
          } else {
            p.points = readPoints(in);
          }
        }
        case "holes" -> p.holes = readRings(in);
        case "counts" -> p.counts = in.integers();
        case "start" -> {
          if (kind == FieldKind.SPAN) {
            p.spanStart = in.integer();
          } else {
            p.start = in.number();
          }
        }
        case "end" -> {
          if (kind == FieldKind.SPAN) {
            p.spanEnd = in.integer();
          } else {
            p.end = in.number();
          }
        }
        case "text" -> p.text = Optional.of(in.string());
        case "from" -> p.from = in.string();
        case "to" -> p.to = in.string();
        case "target" -> p.target = Optional.of(in.string());
        case "value" -> p.value = in.number();
        case "first" -> p.first = in.string();
        case "second" -> p.second = in.string();
        case "verdict" -> p.verdict = in.constant(VERDICTS, PreferenceValue.Verdict::jsonName);
        case "order" -> p.order = in.strings();
        case "attributes" -> p.attributes = readAttributes(in);
        default -> throw new IllegalStateException(member);
      }
    }
    requireFields(object, kind);
    try {
      return build(kind, p);
    } catch (IllegalArgumentException e) {
      throw object.refused(e);
    }
  }

  /** Everything a value may hold, with the defaults of the optional members. */
  private static final class Parts {
    Optional<String> label = Optional.empty();
    List<String> labels = List.of();
    double x;
    double y;
    double width;
    double height;
    double rotation;
    int maskWidth;
    int maskHeight;
    List<Point> points = List.of();
    List<Keypoint> keypoints = List.of();
    List<List<Point>> holes = List.of();
    int[] counts = new int[0];
    int spanStart;
    int spanEnd;
    double start;
    double end;
    Optional<String> text = Optional.empty();
    String from = "";
    String to = "";
    Optional<String> target = Optional.empty();
    double value;
    String first = "";
    String second = "";
    PreferenceValue.Verdict verdict = PreferenceValue.Verdict.TIE;
    List<String> order = List.of();
    Map<String, AttributeValue> attributes = Map.of();
  }

  private static void requireFields(JsonIn.ObjectIn object, FieldKind kind) {
    switch (kind) {
      case SINGLE_CHOICE -> object.require("label");
      case MULTIPLE_CHOICE -> object.require("labels");
      case BOX -> object.require("label", "x", "y", "width", "height");
      case POLYGON, POLYLINE, KEYPOINTS -> object.require("label", "points");
      case MASK -> object.require("label", "height", "width", "counts");
      case SPAN, TIME_SEGMENT -> object.require("label", "start", "end");
      case RELATION -> object.require("from", "to");
      case TRANSCRIPTION, FREE_TEXT -> object.require("text");
      case RATING -> object.require("value");
      case PAIRWISE_PREFERENCE -> object.require("first", "second", "verdict");
      case RANKING -> object.require("order");
    }
  }

  private static Value build(FieldKind kind, Parts p) {
    return switch (kind) {
      case SINGLE_CHOICE -> new ChoiceValue(p.label.orElseThrow());
      case MULTIPLE_CHOICE -> new MultipleChoiceValue(p.labels);
      case BOX ->
          new BoxValue(
              p.label.orElseThrow(),
              new Box(p.x, p.y, p.width, p.height, p.rotation),
              p.attributes);
      case POLYGON ->
          new PolygonValue(p.label.orElseThrow(), new Polygon(p.points, p.holes), p.attributes);
      case POLYLINE ->
          new PolylineValue(p.label.orElseThrow(), new Polyline(p.points), p.attributes);
      case KEYPOINTS -> new KeypointsValue(p.label.orElseThrow(), p.keypoints, p.attributes);
      case MASK ->
          new MaskValue(
              p.label.orElseThrow(),
              new RleMask(p.maskHeight, p.maskWidth, p.counts),
              p.attributes);
      case SPAN ->
          new SpanValue(p.label.orElseThrow(), p.spanStart, p.spanEnd, p.text, p.attributes);
      case RELATION -> new RelationValue(p.label, p.from, p.to);
      case TIME_SEGMENT ->
          new TimeSegmentValue(p.label.orElseThrow(), p.start, p.end, p.attributes);
      case TRANSCRIPTION -> new TranscriptionValue(p.text.orElseThrow(), p.target);
      case RATING -> new RatingValue(p.value);
      case PAIRWISE_PREFERENCE -> new PreferenceValue(p.first, p.second, p.verdict);
      case RANKING -> new RankingValue(p.order);
      case FREE_TEXT -> new FreeTextValue(p.text.orElseThrow());
    };
  }

  /** Reads {@code [x, y]}. */
  private static Point readPoint(JsonIn in) {
    in.startArray();
    if (!in.nextElement()) {
      throw in.error("expected a point [x, y], found an empty array");
    }
    double x = in.number();
    if (!in.nextElement()) {
      throw in.error("expected a point [x, y], found only one number");
    }
    double y = in.number();
    if (in.nextElement()) {
      throw in.error("expected a point [x, y], found a third element");
    }
    return new Point(x, y);
  }

  /** Reads {@code [[x, y], ...]}. */
  private static List<Point> readPoints(JsonIn in) {
    in.startArray();
    List<Point> points = new ArrayList<>();
    while (in.nextElement()) {
      points.add(readPoint(in));
    }
    return points;
  }

  private static List<List<Point>> readRings(JsonIn in) {
    in.startArray();
    List<List<Point>> rings = new ArrayList<>();
    while (in.nextElement()) {
      rings.add(readPoints(in));
    }
    return rings;
  }

  private static List<Keypoint> readKeypoints(JsonIn in) {
    in.startArray();
    List<Keypoint> keypoints = new ArrayList<>();
    while (in.nextElement()) {
      JsonIn.ObjectIn object = in.object(KEYPOINT);
      String name = "";
      double x = 0;
      double y = 0;
      Keypoint.Visibility visibility = Keypoint.Visibility.VISIBLE;
      for (String member = object.next(); member != null; member = object.next()) {
        switch (member) {
          case "name" -> name = in.string();
          case "x" -> x = in.number();
          case "y" -> y = in.number();
          case "visibility" ->
              visibility =
                  in.constant(ValueFormat::visibilityOf, VISIBILITIES, ValueFormat::visibilityName);
          default -> throw new IllegalStateException(member);
        }
      }
      object.require("name", "x", "y", "visibility");
      try {
        keypoints.add(new Keypoint(name, x, y, visibility));
      } catch (IllegalArgumentException e) {
        throw object.refused(e);
      }
    }
    return keypoints;
  }

  /** Reads {@code {"name": true | number | "text", ...}}. */
  private static Map<String, AttributeValue> readAttributes(JsonIn in) {
    in.startMap();
    Map<String, AttributeValue> attributes = new TreeMap<>();
    for (String name = in.nextKey(); name != null; name = in.nextKey()) {
      JsonToken token = in.token();
      AttributeValue value =
          switch (token) {
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
    return Collections.unmodifiableMap(attributes);
  }
}
