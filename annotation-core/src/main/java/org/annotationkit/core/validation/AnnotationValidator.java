package org.annotationkit.core.validation;

import static org.annotationkit.core.internal.Hints.didYouMean;
import static org.annotationkit.core.internal.Require.quote;
import static org.annotationkit.core.validation.Wording.approx;
import static org.annotationkit.core.validation.Wording.num;
import static org.annotationkit.core.validation.Wording.point;
import static org.annotationkit.core.validation.Wording.token;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.annotationkit.core.annotation.Annotation;
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
import org.annotationkit.core.annotation.Result;
import org.annotationkit.core.annotation.SpanValue;
import org.annotationkit.core.annotation.TimeSegmentValue;
import org.annotationkit.core.annotation.TranscriptionValue;
import org.annotationkit.core.annotation.Value;
import org.annotationkit.core.geometry.Box;
import org.annotationkit.core.geometry.Keypoint;
import org.annotationkit.core.geometry.Point;
import org.annotationkit.core.geometry.Polygon;
import org.annotationkit.core.geometry.PolygonDefect;
import org.annotationkit.core.internal.Hints;
import org.annotationkit.core.item.AudioItem;
import org.annotationkit.core.item.ComparisonItem;
import org.annotationkit.core.item.ImageItem;
import org.annotationkit.core.item.Item;
import org.annotationkit.core.item.ItemKind;
import org.annotationkit.core.item.Response;
import org.annotationkit.core.item.TextItem;
import org.annotationkit.core.item.TextOffsets;
import org.annotationkit.core.item.VideoItem;
import org.annotationkit.core.schema.AttributeSpec;
import org.annotationkit.core.schema.Constraints;
import org.annotationkit.core.schema.Field;
import org.annotationkit.core.schema.FieldKind;
import org.annotationkit.core.schema.RatingScale;
import org.annotationkit.core.schema.Schema;
import org.annotationkit.core.validation.Violation.Code;
import org.jspecify.annotations.Nullable;

/**
 * Checks annotations against a schema and, optionally, against the item they annotate, and reports
 * every {@link Violation} found.
 *
 * <p>The validator never stops at the first problem. Violations come in a fixed order: first the
 * item id ({@code /item}), then each result in turn ({@code /results/0}, {@code /results/1}, ...),
 * then the per-field checks of the schema's fields in schema order (counts, one choice per single
 * choice field, overlapping spans and segments). Each violation carries the JSON pointer of the
 * offending value in the annotation's canonical JSON and a message that names the value and what
 * was expected.
 *
 * <p>What is checked, with the pointer each problem is reported at ({@code i} is the result's
 * index, {@code /value} short for {@code /results/i/value}):
 *
 * <ul>
 *   <li>the annotation's item id against the item's ({@code /item});
 *   <li>the result's field exists in the schema, and its kind applies to the item's kind ({@code
 *       /results/i/field}); the value's kind is the field's ({@code /results/i/value});
 *   <li>labels are in the field's label set ({@code /value/label}, {@code /value/labels/k}),
 *       attributes are the label's, of the right type, an enum option, within a number's range
 *       ({@code /value/attributes/name}), and required attributes are present ({@code
 *       /value/attributes});
 *   <li>geometry lies within the image or video frame, with a tolerance of 1e-6 pixel: box edges
 *       ({@code /value/x}, {@code /y}, {@code /width}, {@code /height}), the corners of a rotated
 *       box ({@code /value/rotation}), polygon, polyline and keypoint points ({@code
 *       /value/points/k}, {@code /value/holes/h/k}), except keypoints that are not labeled; a mask
 *       has the item's size ({@code /value/height}, {@code /value/width}); rotated boxes only in
 *       rotatable fields ({@code /value/rotation}); keypoint names are the skeleton's ({@code
 *       /value/points/k/name});
 *   <li>polygons are {@linkplain Polygon#isValid() valid}, with or without an item: a ring with no
 *       area is reported at the ring ({@code /value/points}, {@code /value/holes/h}), a ring that
 *       meets itself at the point that starts the first of the two edges that meet ({@code
 *       /value/points/k}, {@code /value/holes/h/k}), a hole outside the exterior at the hole (or at
 *       its edge that crosses the exterior), and two overlapping holes at the second hole (or its
 *       edge that crosses the first), each message naming the edges and where they meet;
 *   <li>spans lie within the text, counted in code points ({@code /value/start}, {@code
 *       /value/end}), and their optional text is the covered text ({@code /value/text}); time
 *       segments end within the duration ({@code /value/end});
 *   <li>relations and transcriptions point to region results of the same annotation ({@code
 *       /value/from}, {@code /value/to}, {@code /value/target}), with a relation label of the
 *       field's ({@code /value/label});
 *   <li>ratings are on the field's scale ({@code /value/value}); preferences and rankings name the
 *       comparison's responses ({@code /value/first}, {@code /value/second}, {@code
 *       /value/order/k}, {@code /value/buckets/b/order/k}), plain rankings name all of them ({@code
 *       /value/order}; a bucketed one may leave some out), ties only where the field allows them
 *       ({@code /value/verdict});
 *   <li>per field: required fields have a result, counts are within the field's minimum and maximum
 *       ({@code /results}; for a multiple choice field the count is the number of labels chosen,
 *       reported at its first result's {@code /value/labels}), a single choice field has one result
 *       ({@code /results/j} for each extra one), and spans or time segments of a field that does
 *       not allow overlap do not overlap ({@code /results/j/value} of the later one).
 * </ul>
 *
 * <p>Without an item, {@link #validate(Annotation)} makes every check that needs no item: all of
 * the above except the item id, the field's kind against the item's, geometry bounds, mask size,
 * span and segment bounds and covered text, and response ids. Scores and the origin are not
 * checked. An attribute is checked against the attributes declared on the value's own label.
 *
 * <p>A validator is immutable and thread-safe; it looks up everything it needs from the schema
 * once, in {@link #of(Schema)}, so make one per schema and reuse it.
 *
 * @since 0.1.0
 */
public final class AnnotationValidator {
  /** How far, in pixels or seconds, a coordinate or time may pass an edge of its item. */
  static final double TOLERANCE = 1e-6;

  private static final String REGION_KINDS = regionKinds();

  /** The results of a field that has none. */
  private static final int[] NO_RESULTS = new int[0];

  /** How many results have their pointers made once, for all validations. */
  private static final int CACHED_PATHS = 64;

  /** {@code /results/i} for the first results. */
  private static final String[] RESULT_PATHS = paths("");

  /** For each of the first results, an array of its index alone; never changed. */
  private static final int[][] SINGLE_RESULT = singles();

  private static int[][] singles() {
    int[][] singles = new int[CACHED_PATHS][];
    for (int i = 0; i < CACHED_PATHS; i++) {
      singles[i] = new int[] {i};
    }
    return singles;
  }

  /** {@code /results/i/value} for the first results. */
  private static final String[] VALUE_PATHS = paths("/value");

  private static String[] paths(String suffix) {
    String[] paths = new String[CACHED_PATHS];
    for (int i = 0; i < CACHED_PATHS; i++) {
      paths[i] = "/results/" + i + suffix;
    }
    return paths;
  }

  /** The pointer of result {@code i}, made once for the first results. */
  private static String resultPath(int i) {
    return i < CACHED_PATHS ? RESULT_PATHS[i] : "/results/" + i;
  }

  private final Schema schema;
  private final Map<String, FieldRules> rulesByName;
  private final List<FieldRules> rules;
  private final List<String> fieldNames;
  private final String fieldListing;

  private AnnotationValidator(Schema schema) {
    this.schema = schema;
    List<FieldRules> all = new ArrayList<>();
    Map<String, FieldRules> byName = new HashMap<>();
    List<String> names = new ArrayList<>();
    for (Field field : schema.fields()) {
      FieldRules fieldRules = new FieldRules(field, all.size());
      all.add(fieldRules);
      byName.put(field.name(), fieldRules);
      names.add(field.name());
    }
    this.rules = List.copyOf(all);
    this.rulesByName = Map.copyOf(byName);
    this.fieldNames = List.copyOf(names);
    this.fieldListing = Hints.bareListing(names);
  }

  /**
   * Makes a validator for the annotations of a schema.
   *
   * @param schema the schema that annotations must follow
   * @return the validator
   */
  public static AnnotationValidator of(Schema schema) {
    Objects.requireNonNull(schema, "schema");
    return new AnnotationValidator(schema);
  }

  /**
   * The schema this validator checks against.
   *
   * @return the schema
   */
  public Schema schema() {
    return schema;
  }

  /**
   * Checks an annotation against the schema and the item it annotates.
   *
   * @param annotation the annotation
   * @param item the item that the annotation is for
   * @return every violation found, in the order described in the class documentation; empty when
   *     the annotation is valid
   */
  public List<Violation> validate(Annotation annotation, Item item) {
    Objects.requireNonNull(annotation, "annotation");
    Objects.requireNonNull(item, "item");
    return new Run(annotation, item).violations();
  }

  /**
   * Checks an annotation against the schema alone, making every check that needs no item.
   *
   * @param annotation the annotation
   * @return every violation found, in the order described in the class documentation; empty when
   *     the annotation is valid as far as the schema can tell
   */
  public List<Violation> validate(Annotation annotation) {
    Objects.requireNonNull(annotation, "annotation");
    return new Run(annotation, null).violations();
  }

  /**
   * Checks an annotation against the schema and its item, and throws when it is not valid.
   *
   * @param annotation the annotation
   * @param item the item that the annotation is for
   * @throws ValidationException listing every violation, when there is any
   */
  public void requireValid(Annotation annotation, Item item) {
    List<Violation> violations = validate(annotation, item);
    if (!violations.isEmpty()) {
      throw new ValidationException(violations);
    }
  }

  /**
   * Checks an annotation against the schema alone, and throws when it is not valid.
   *
   * @param annotation the annotation
   * @throws ValidationException listing every violation, when there is any
   */
  public void requireValid(Annotation annotation) {
    List<Violation> violations = validate(annotation);
    if (!violations.isEmpty()) {
      throw new ValidationException(violations);
    }
  }

  private static String ring(String path, int ring) {
    return ring == 0 ? path + "/points" : path + "/holes/" + (ring - 1);
  }

  /** The item kinds a field kind applies to, such as "image and video items". */
  private static String appliesTo(FieldKind kind) {
    if (kind.itemKinds().size() == ItemKind.values().length) {
      return "any item";
    }
    List<String> names = new ArrayList<>();
    for (ItemKind itemKind : kind.itemKinds()) {
      names.add(itemKind.jsonName());
    }
    return String.join(" and ", names) + " items";
  }

  private static String regionKinds() {
    List<String> names = new ArrayList<>();
    for (FieldKind kind : FieldKind.values()) {
      if (kind.isRegion()) {
        names.add(kind.jsonName());
      }
    }
    return String.join(", ", names);
  }

  /** One validation of one annotation: collects the violations in order. */
  private final class Run {
    private final Annotation annotation;
    private final @Nullable Item item;
    private final List<Result> results;

    /** The violations found, made at the first (a valid annotation makes none). */
    private @Nullable List<Violation> out;

    /** For each result, the position of its field in the schema, or -1 when unknown. */
    private final int[] fieldOf;

    private @Nullable Map<String, Result> byId;
    private @Nullable TextOffsets offsets;

    Run(Annotation annotation, @Nullable Item item) {
      this.annotation = annotation;
      this.item = item;
      this.results = annotation.results();
      this.fieldOf = new int[results.size()];
    }

    List<Violation> violations() {
      if (item != null && !annotation.itemId().equals(item.id())) {
        add(
            Code.ITEM_MISMATCH,
            "/item",
            "annotation is for item "
                + quote(annotation.itemId())
                + " but was checked against item "
                + quote(item.id()));
      }
      for (int i = 0; i < results.size(); i++) {
        checkResult(i, results.get(i));
      }
      checkFields();
      return out == null ? List.of() : List.copyOf(out);
    }

    private void add(Code code, String path, String message) {
      List<Violation> found = out;
      if (found == null) {
        found = new ArrayList<>();
        out = found;
      }
      found.add(new Violation(path, code, message));
    }

    // ---------------------------------------------------------------- one result

    private void checkResult(int i, Result result) {
      String base = resultPath(i);
      FieldRules field = rulesByName.get(result.field());
      if (field == null) {
        fieldOf[i] = -1;
        add(
            Code.UNKNOWN_FIELD,
            base + "/field",
            "unknown field "
                + quote(result.field())
                + didYouMean(result.field(), fieldNames)
                + " (schema "
                + quote(schema.name())
                + (rules.isEmpty() ? " has no fields)" : " has: " + fieldListing + ")"));
        return;
      }
      fieldOf[i] = field.position;
      Item target = item;
      if (target != null && !target.kind().accepts(field.kind)) {
        add(
            Code.FIELD_NOT_FOR_ITEM,
            base + "/field",
            "field "
                + field.quotedName
                + " ("
                + field.kind.jsonName()
                + ") does not apply to "
                + article(target.kind().jsonName())
                + " item; "
                + field.kind.jsonName()
                + " fields apply to "
                + appliesTo(field.kind));
        target = null;
      }
      Value value = result.value();
      if (!field.kind.valueType().isInstance(value)) {
        add(
            Code.WRONG_VALUE_KIND,
            base + "/value",
            "value of kind "
                + value.kind().jsonName()
                + " given for field "
                + field.quotedName
                + " of kind "
                + field.kind.jsonName());
        return;
      }
      checkValue(i < CACHED_PATHS ? VALUE_PATHS[i] : base + "/value", field, value, target);
    }

    private void checkValue(String path, FieldRules field, Value value, @Nullable Item target) {
      switch (value) {
        case ChoiceValue v -> label(path, "/label", field, v.label());
        case MultipleChoiceValue v -> {
          List<String> labels = v.labels();
          for (int k = 0; k < labels.size(); k++) {
            if (!field.labels.contains(labels.get(k))) {
              label(path, "/labels/" + k, field, labels.get(k));
            }
          }
        }
        case BoxValue v -> {
          label(path, "/label", field, v.label());
          box(path, field, v.box(), target);
          attributes(path, field, v.label(), v.attributes());
        }
        case PolygonValue v -> {
          label(path, "/label", field, v.label());
          Frame frame = frame(target);
          if (frame != null) {
            points(path + "/points/", v.polygon().exterior(), frame);
            List<List<Point>> holes = v.polygon().holes();
            for (int h = 0; h < holes.size(); h++) {
              points(path + "/holes/" + h + "/", holes.get(h), frame);
            }
          }
          defects(path, v.polygon());
          attributes(path, field, v.label(), v.attributes());
        }
        case PolylineValue v -> {
          label(path, "/label", field, v.label());
          Frame frame = frame(target);
          if (frame != null) {
            points(path + "/points/", v.polyline().points(), frame);
          }
          attributes(path, field, v.label(), v.attributes());
        }
        case KeypointsValue v -> {
          label(path, "/label", field, v.label());
          keypoints(path, field, v.points(), frame(target));
          attributes(path, field, v.label(), v.attributes());
        }
        case MaskValue v -> {
          label(path, "/label", field, v.label());
          Frame frame = frame(target);
          if (frame != null) {
            maskSide(path, "height", v.mask().height(), frame.height, frame.kind);
            maskSide(path, "width", v.mask().width(), frame.width, frame.kind);
          }
          attributes(path, field, v.label(), v.attributes());
        }
        case SpanValue v -> {
          label(path, "/label", field, v.label());
          if (target instanceof TextItem text) {
            span(path, v, text);
          }
          attributes(path, field, v.label(), v.attributes());
        }
        case RelationValue v -> {
          relationLabel(path, field, v.label());
          reference(path + "/from", "relation source", v.from());
          reference(path + "/to", "relation target", v.to());
        }
        case TimeSegmentValue v -> {
          label(path, "/label", field, v.label());
          segment(path, v, target);
          attributes(path, field, v.label(), v.attributes());
        }
        case TranscriptionValue v ->
            v.target().ifPresent(id -> reference(path + "/target", "transcription target", id));
        case RatingValue v -> rating(path + "/value", field, v.value());
        case PreferenceValue v -> {
          if (target instanceof ComparisonItem comparison) {
            response(path + "/first", "first", v.first(), comparison);
            response(path + "/second", "second", v.second(), comparison);
          }
          if (v.verdict() == PreferenceValue.Verdict.TIE && !field.field.allowTies()) {
            add(
                Code.TIE_NOT_ALLOWED,
                path + "/verdict",
                "verdict tie is not allowed: field "
                    + field.quotedName
                    + " does not allow ties (use first or second)");
          }
        }
        case RankingValue v -> {
          if (target instanceof ComparisonItem comparison) {
            if (v.bucketed()) {
              buckets(path, v.buckets(), comparison);
            } else {
              ranking(path, v.order(), comparison);
            }
          }
        }
        case FreeTextValue v -> {
          // Any text is valid.
        }
      }
    }

    /** Reports what makes a polygon invalid, each defect at the ring or point it concerns. */
    private void defects(String path, Polygon polygon) {
      for (PolygonDefect defect : polygon.defects()) {
        String at =
            switch (defect.kind()) {
              case ZERO_AREA -> ring(path, defect.ring());
              case SELF_INTERSECTION, HOLE_OUTSIDE ->
                  ring(path, defect.ring()) + (defect.edge() < 0 ? "" : "/" + defect.edge());
              case HOLES_OVERLAP ->
                  ring(path, defect.otherRing())
                      + (defect.otherEdge() < 0 ? "" : "/" + defect.otherEdge());
            };
        Code code =
            switch (defect.kind()) {
              case ZERO_AREA -> Code.POLYGON_ZERO_AREA;
              case SELF_INTERSECTION -> Code.POLYGON_SELF_INTERSECTION;
              case HOLE_OUTSIDE -> Code.POLYGON_HOLE_OUTSIDE;
              case HOLES_OVERLAP -> Code.POLYGON_HOLES_OVERLAP;
            };
        add(code, at, "invalid polygon: " + defect.message());
      }
    }

    // ---------------------------------------------------------------- labels and attributes

    private void label(String path, String suffix, FieldRules field, String label) {
      if (!field.labels.contains(label)) {
        add(
            Code.UNKNOWN_LABEL,
            path + suffix,
            "unknown label "
                + quote(label)
                + " for field "
                + field.quotedName
                + didYouMean(label, field.labels)
                + " (labels: "
                + field.labelListing
                + ")");
      }
    }

    private void relationLabel(String path, FieldRules field, Optional<String> label) {
      if (label.isEmpty()) {
        return;
      }
      if (field.labels.isEmpty()) {
        add(
            Code.UNKNOWN_LABEL,
            path + "/label",
            "relation label "
                + quote(label.get())
                + " given, but field "
                + field.quotedName
                + " has no relation labels");
      } else {
        label(path, "/label", field, label.get());
      }
    }

    private void attributes(
        String path, FieldRules field, String label, Map<String, AttributeValue> values) {
      if (!field.labels.contains(label)) {
        return; // the unknown label is reported; its attributes cannot be known
      }
      FieldRules.LabelAttributes specs = field.attributes(label);
      if (values.isEmpty() && specs.required.isEmpty()) {
        return;
      }
      String base = path + "/attributes";
      for (Map.Entry<String, AttributeValue> entry : values.entrySet()) {
        String name = entry.getKey();
        AttributeSpec spec = specs.get(name);
        if (spec == null) {
          add(
              Code.UNKNOWN_ATTRIBUTE,
              base + "/" + token(name),
              "unknown attribute "
                  + quote(name)
                  + " for label "
                  + quote(label)
                  + didYouMean(name, specs.names())
                  + (specs.isEmpty()
                      ? " (the label has no attributes)"
                      : " (attributes: " + specs.listing + ")"));
          continue;
        }
        attribute(base, spec, entry.getValue());
      }
      for (AttributeSpec spec : specs.required) {
        if (!values.containsKey(spec.name())) {
          add(
              Code.MISSING_ATTRIBUTE,
              base,
              "missing required attribute "
                  + quote(spec.name())
                  + " ("
                  + expected(spec)
                  + ") for label "
                  + quote(label));
        }
      }
    }

    private void attribute(String base, AttributeSpec spec, AttributeValue value) {
      if (fits(spec, value)) {
        return;
      }
      String name = quote(spec.name());
      String problem =
          switch (spec.type()) {
            case ENUM ->
                value instanceof AttributeValue.Text(String text)
                    ? "value "
                        + quote(text)
                        + " of attribute "
                        + name
                        + " is not one of its options"
                        + didYouMean(text, spec.options())
                        + " (options: "
                        + Hints.bareListing(spec.options())
                        + ")"
                    : "attribute "
                        + name
                        + " expects "
                        + expected(spec)
                        + ", got "
                        + describe(value);
            case NUMBER ->
                value instanceof AttributeValue.Number(double number)
                    ? "value "
                        + num(number)
                        + " of attribute "
                        + name
                        + " is outside its range "
                        + range(spec)
                    : "attribute " + name + " expects a number, got " + describe(value);
            case BOOLEAN, TEXT ->
                "attribute " + name + " expects " + expected(spec) + ", got " + describe(value);
          };
      Code code =
          switch (spec.type()) {
            case ENUM ->
                value instanceof AttributeValue.Text
                    ? Code.ATTRIBUTE_NOT_AN_OPTION
                    : Code.ATTRIBUTE_WRONG_TYPE;
            case NUMBER ->
                value instanceof AttributeValue.Number
                    ? Code.ATTRIBUTE_OUT_OF_RANGE
                    : Code.ATTRIBUTE_WRONG_TYPE;
            case BOOLEAN, TEXT -> Code.ATTRIBUTE_WRONG_TYPE;
          };
      add(code, base + "/" + token(spec.name()), problem);
    }

    private static boolean fits(AttributeSpec spec, AttributeValue value) {
      return switch (spec.type()) {
        case BOOLEAN -> value instanceof AttributeValue.Bool;
        case TEXT -> value instanceof AttributeValue.Text;
        case ENUM -> value instanceof AttributeValue.Text(String t) && spec.options().contains(t);
        case NUMBER ->
            value instanceof AttributeValue.Number(double d)
                && (spec.min().isEmpty() || d >= spec.min().getAsDouble())
                && (spec.max().isEmpty() || d <= spec.max().getAsDouble());
      };
    }

    // ---------------------------------------------------------------- geometry

    private void box(String path, FieldRules field, Box box, @Nullable Item target) {
      boolean rotated = box.isRotated();
      if (rotated && !field.field.rotatable()) {
        add(
            Code.ROTATION_NOT_ALLOWED,
            path + "/rotation",
            "box is rotated by "
                + num(box.rotation())
                + "°, but field "
                + field.quotedName
                + " does not allow rotated boxes (rotation must be 0)");
      }
      Frame frame = frame(target);
      if (frame == null) {
        return;
      }
      if (rotated && field.field.rotatable()) {
        List<Point> corners = box.corners();
        List<String> outside = new ArrayList<>();
        for (int c = 0; c < corners.size(); c++) {
          Point p = corners.get(c);
          if (!frame.contains(p.x(), p.y())) {
            outside.add(CORNERS[c] + " " + point(p.x(), p.y()));
          }
        }
        if (!outside.isEmpty()) {
          add(
              Code.OUTSIDE_FRAME,
              path + "/rotation",
              "box rotated by "
                  + num(box.rotation())
                  + "° has "
                  + (outside.size() == 1 ? "corner " : "corners ")
                  + String.join(", ", outside)
                  + " outside the "
                  + frame);
        }
        return;
      }
      if (box.x() < -TOLERANCE) {
        add(
            Code.OUTSIDE_FRAME,
            path + "/x",
            "box x " + num(box.x()) + " is left of the " + frame.kind + " (x >= 0)");
      }
      if (box.y() < -TOLERANCE) {
        add(
            Code.OUTSIDE_FRAME,
            path + "/y",
            "box y " + num(box.y()) + " is above the " + frame.kind + " (y >= 0)");
      }
      double right = box.x() + box.width();
      if (right > frame.width + TOLERANCE) {
        add(
            Code.OUTSIDE_FRAME,
            path + "/width",
            "box right edge x + width = "
                + approx(right)
                + " is past the "
                + frame.kind
                + " width "
                + frame.width);
      }
      double bottom = box.y() + box.height();
      if (bottom > frame.height + TOLERANCE) {
        add(
            Code.OUTSIDE_FRAME,
            path + "/height",
            "box bottom edge y + height = "
                + approx(bottom)
                + " is past the "
                + frame.kind
                + " height "
                + frame.height);
      }
    }

    private void maskSide(String path, String side, int size, int expected, String frameKind) {
      if (size != expected) {
        add(
            Code.MASK_SIZE_MISMATCH,
            path + "/" + side,
            "mask "
                + side
                + " "
                + size
                + " differs from the "
                + frameKind
                + " "
                + side
                + " "
                + expected);
      }
    }

    private void points(String prefix, List<Point> points, Frame frame) {
      for (int k = 0; k < points.size(); k++) {
        Point p = points.get(k);
        if (!frame.contains(p.x(), p.y())) {
          add(
              Code.OUTSIDE_FRAME,
              prefix + k,
              "point " + point(p.x(), p.y()) + " is outside the " + frame);
        }
      }
    }

    private void keypoints(
        String path, FieldRules field, List<Keypoint> points, @Nullable Frame frame) {
      for (int k = 0; k < points.size(); k++) {
        Keypoint p = points.get(k);
        if (!field.skeletonPoints.contains(p.name())) {
          add(
              Code.UNKNOWN_KEYPOINT,
              path + "/points/" + k + "/name",
              "keypoint "
                  + quote(p.name())
                  + " is not in the skeleton of field "
                  + field.quotedName
                  + didYouMean(p.name(), field.skeletonPoints)
                  + " (points: "
                  + field.skeletonListing
                  + ")");
        }
        if (frame != null
            && p.visibility() != Keypoint.Visibility.NOT_LABELED
            && !frame.contains(p.x(), p.y())) {
          add(
              Code.OUTSIDE_FRAME,
              path + "/points/" + k,
              "keypoint "
                  + quote(p.name())
                  + " at "
                  + point(p.x(), p.y())
                  + " is outside the "
                  + frame);
        }
      }
    }

    // ---------------------------------------------------------------- text and time

    private void span(String path, SpanValue span, TextItem text) {
      TextOffsets offsets = offsets(text);
      int length = offsets.length();
      boolean startInside = inside(path, "start", span.start(), length, span, text);
      boolean endInside = inside(path, "end", span.end(), length, span, text);
      if (startInside && endInside && span.text().isPresent()) {
        String given = span.text().get();
        String covered = offsets.substring(span.start(), span.end());
        if (!covered.equals(given)) {
          add(
              Code.SPAN_TEXT_MISMATCH,
              path + "/text",
              "span text "
                  + quote(given)
                  + " differs from the text "
                  + quote(covered)
                  + " that ["
                  + span.start()
                  + ", "
                  + span.end()
                  + ") covers"
                  + utf16Hint(span, text));
        }
      }
    }

    /** Whether one end of a span lies within the text; reports it when not. */
    private boolean inside(
        String path, String end, int offset, int length, SpanValue span, TextItem text) {
      if (offset <= length) {
        return true;
      }
      add(
          Code.SPAN_PAST_END,
          path + "/" + end,
          "span "
              + end
              + " "
              + offset
              + " is past the end of the text ("
              + length
              + " code points)"
              + utf16Hint(span, text));
      return false;
    }

    /** A hint for a span whose text matches when its offsets are read as UTF-16 indices. */
    private String utf16Hint(SpanValue span, TextItem item) {
      String text = item.text();
      if (span.text().isPresent()
          && span.end() <= text.length()
          && !offsets(item).isIdentity()
          && text.substring(span.start(), span.end()).equals(span.text().get())) {
        return "; offsets look like UTF-16 code units; Annotation Kit counts code points";
      }
      return "";
    }

    private void segment(String path, TimeSegmentValue segment, @Nullable Item target) {
      double duration;
      String kind;
      if (target instanceof AudioItem audio) {
        duration = audio.durationSeconds();
        kind = "audio";
      } else if (target instanceof VideoItem video) {
        duration = video.durationSeconds();
        kind = "video";
      } else {
        return;
      }
      if (segment.end() > duration + TOLERANCE) {
        add(
            Code.SEGMENT_PAST_END,
            path + "/end",
            "segment end "
                + num(segment.end())
                + " s is past the end of the "
                + kind
                + " ("
                + approx(duration)
                + " s)");
      }
    }

    // ---------------------------------------------------------------- references

    private void reference(String path, String role, String id) {
      Result referenced = byId().get(id);
      @Nullable FieldKind kind = referenced == null ? null : referenced.value().kind();
      if (kind == null || !kind.isRegion()) {
        add(
            Code.NOT_A_REGION,
            path,
            role
                + " "
                + quote(id)
                + (kind == null
                    ? " is not a result of this annotation; it must name a region result"
                    : " is a " + kind.jsonName() + " result, not a region")
                + " ("
                + REGION_KINDS
                + ")");
      }
    }

    private void rating(String path, FieldRules field, double value) {
      Optional<RatingScale> scale = field.field.scale();
      if (scale.isPresent() && !scale.get().contains(value)) {
        add(
            Code.OFF_SCALE,
            path,
            "rating "
                + num(value)
                + " is not on the scale of field "
                + field.quotedName
                + " ("
                + describe(scale.get())
                + ")");
      }
    }

    private void response(String path, String role, String id, ComparisonItem comparison) {
      if (comparison.response(id).isEmpty()) {
        add(
            Code.UNKNOWN_RESPONSE,
            path,
            role + " response " + quote(id) + " is " + notAResponse(id, comparison));
      }
    }

    /** A bucketed ranking names responses only; it may leave some out (sorted into no bucket). */
    private void buckets(
        String path, List<RankingValue.Bucket> buckets, ComparisonItem comparison) {
      for (int b = 0; b < buckets.size(); b++) {
        List<String> order = buckets.get(b).order();
        for (int k = 0; k < order.size(); k++) {
          String id = order.get(k);
          if (comparison.response(id).isEmpty()) {
            add(
                Code.UNKNOWN_RESPONSE,
                path + "/buckets/" + b + "/order/" + k,
                "bucket "
                    + quote(buckets.get(b).name())
                    + " names "
                    + quote(id)
                    + ", which is "
                    + notAResponse(id, comparison));
          }
        }
      }
    }

    private void ranking(String path, List<String> order, ComparisonItem comparison) {
      Set<String> named = new HashSet<>();
      for (int k = 0; k < order.size(); k++) {
        String id = order.get(k);
        named.add(id);
        if (comparison.response(id).isEmpty()) {
          add(
              Code.UNKNOWN_RESPONSE,
              path + "/order/" + k,
              "ranking names " + quote(id) + ", which is " + notAResponse(id, comparison));
        }
      }
      List<String> missing = new ArrayList<>();
      for (Response response : comparison.responses()) {
        if (!named.contains(response.id())) {
          missing.add(quote(response.id()));
        }
      }
      if (!missing.isEmpty()) {
        add(
            Code.INCOMPLETE_RANKING,
            path + "/order",
            "ranking leaves out "
                + (missing.size() == 1 ? "response " : "responses ")
                + Hints.bareListing(missing)
                + " of item "
                + quote(comparison.id())
                + "; a ranking must name every response once");
      }
    }

    // ---------------------------------------------------------------- per field

    private void checkFields() {
      int[] counts = new int[rules.size()];
      for (int f : fieldOf) {
        if (f >= 0) {
          counts[f]++;
        }
      }
      // Each field's results in order; a field of one result (the common case) shares a cached
      // array of its index, as no check changes the arrays.
      int[][] members = new int[rules.size()][];
      Arrays.fill(members, NO_RESULTS);
      int[] filled = null;
      for (int i = 0; i < fieldOf.length; i++) {
        int f = fieldOf[i];
        if (f < 0) {
          continue;
        }
        if (counts[f] == 1) {
          members[f] = i < CACHED_PATHS ? SINGLE_RESULT[i] : new int[] {i};
          continue;
        }
        if (members[f].length == 0) {
          members[f] = new int[counts[f]];
        }
        if (filled == null) {
          filled = new int[rules.size()];
        }
        members[f][filled[f]++] = i;
      }
      for (FieldRules field : rules) {
        int[] indexes = members[field.position];
        counts(field, indexes);
        if (field.kind == FieldKind.SINGLE_CHOICE) {
          singleChoice(field, indexes);
        }
        if (field.kind.isInterval() && !field.field.constraints().allowOverlap()) {
          overlaps(field, indexes);
        }
      }
    }

    private void counts(FieldRules field, int[] indexes) {
      Constraints constraints = field.field.constraints();
      boolean multiple = field.kind == FieldKind.MULTIPLE_CHOICE;
      int count = indexes.length;
      String path = "/results";
      String unit = count == 1 ? "result" : "results";
      if (multiple) {
        count = 0;
        String first = null;
        for (int i : indexes) {
          if (results.get(i).value() instanceof MultipleChoiceValue v) {
            count += v.labels().size();
            if (first == null) {
              first = "/results/" + i + "/value/labels";
            }
          }
        }
        if (first != null) {
          path = first;
        }
        unit = count == 1 ? "label chosen" : "labels chosen";
      }
      if (indexes.length == 0 && constraints.required()) {
        add(
            Code.MISSING_REQUIRED_FIELD,
            "/results",
            "required field "
                + field.quotedName
                + " has no result"
                + (constraints.minCount() > 1
                    ? " (at least "
                        + constraints.minCount()
                        + (multiple ? " labels" : " results")
                        + " expected)"
                    : ""));
        return;
      }
      // A field that is not required may be left out; once answered, it must reach its minimum.
      if (indexes.length > 0 && count < constraints.minCount()) {
        countBeyond(
            Code.TOO_FEW,
            path,
            field,
            count,
            unit,
            "fewer than its minimum " + constraints.minCount());
      }
      if (field.kind != FieldKind.SINGLE_CHOICE
          && constraints.maxCount().isPresent()
          && count > constraints.maxCount().getAsInt()) {
        countBeyond(
            Code.TOO_MANY,
            path,
            field,
            count,
            unit,
            "more than its maximum " + constraints.maxCount().getAsInt());
      }
    }

    private void countBeyond(
        Code code, String path, FieldRules field, int count, String unit, String bound) {
      add(code, path, "field " + field.quotedName + " has " + count + " " + unit + ", " + bound);
    }

    private void singleChoice(FieldRules field, int[] indexes) {
      for (int j = 1; j < indexes.length; j++) {
        add(
            Code.EXTRA_CHOICE,
            "/results/" + indexes[j],
            "field "
                + field.quotedName
                + " takes a single choice, but result "
                + quote(results.get(indexes[0]).id())
                + " already gives one");
      }
    }

    /**
     * Reports each span or segment that overlaps an earlier one (by start, then by result order),
     * in O(n log n): sorted by start, an interval overlaps some earlier interval exactly when it
     * starts before the furthest end reached so far, and the interval that reached it is one it
     * overlaps. Empty intervals overlap nothing.
     */
    private void overlaps(FieldRules field, int[] indexes) {
      boolean spans = field.kind == FieldKind.SPAN;
      int n = 0;
      int[] at = new int[indexes.length];
      double[] starts = new double[indexes.length];
      double[] ends = new double[indexes.length];
      for (int i : indexes) {
        Value value = results.get(i).value();
        // Results whose value is of another kind were reported already and are left out.
        if (spans && value instanceof SpanValue span && span.end() > span.start()) {
          at[n] = i;
          starts[n] = span.start();
          ends[n++] = span.end();
        } else if (!spans
            && value instanceof TimeSegmentValue segment
            && segment.end() > segment.start()) {
          at[n] = i;
          starts[n] = segment.start();
          ends[n++] = segment.end();
        }
      }
      Integer[] order = new Integer[n];
      for (int k = 0; k < n; k++) {
        order[k] = k;
      }
      // Within equal starts, result order: the later result is the one reported.
      Arrays.sort(order, (a, b) -> compareStarts(starts, at, a, b));
      List<int[]> found = new ArrayList<>();
      int reach = -1;
      for (Integer boxed : order) {
        int k = boxed;
        if (reach >= 0 && starts[k] < ends[reach]) {
          found.add(new int[] {k, reach});
        }
        if (reach < 0 || ends[k] > ends[reach]) {
          reach = k;
        }
      }
      found.sort((a, b) -> Integer.compare(at[a[0]], at[b[0]]));
      for (int[] pair : found) {
        int later = pair[0];
        int earlier = pair[1];
        add(
            Code.OVERLAP,
            "/results/" + at[later] + "/value",
            (spans ? "span " : "segment ")
                + interval(spans, starts, ends, later)
                + " overlaps "
                + (spans ? "span " : "segment ")
                + interval(spans, starts, ends, earlier)
                + " of result "
                + quote(results.get(at[earlier]).id())
                + ", but field "
                + field.quotedName
                + " does not allow overlapping "
                + (spans ? "spans" : "segments"));
      }
    }

    private static int compareStarts(double[] starts, int[] at, int a, int b) {
      int byStart = Double.compare(starts[a], starts[b]);
      return byStart != 0 ? byStart : Integer.compare(at[a], at[b]);
    }

    private static String interval(boolean spans, double[] starts, double[] ends, int k) {
      return spans
          ? "[" + (long) starts[k] + ", " + (long) ends[k] + ")"
          : "[" + num(starts[k]) + " s, " + num(ends[k]) + " s)";
    }

    // ---------------------------------------------------------------- lookups

    private Map<String, Result> byId() {
      Map<String, Result> map = byId;
      if (map == null) {
        map = new HashMap<>();
        for (Result result : results) {
          map.put(result.id(), result);
        }
        byId = map;
      }
      return map;
    }

    private TextOffsets offsets(TextItem text) {
      TextOffsets found = offsets;
      if (found == null) {
        found = TextOffsets.of(text.text());
        offsets = found;
      }
      return found;
    }
  }

  // ------------------------------------------------------------------ wording

  private static final String[] CORNERS = {"top-left", "top-right", "bottom-right", "bottom-left"};

  private static @Nullable Frame frame(@Nullable Item item) {
    if (item instanceof ImageItem image) {
      return new Frame("image", image.width(), image.height());
    }
    if (item instanceof VideoItem video) {
      return new Frame("video frame", video.width(), video.height());
    }
    return null;
  }

  /** The pixel area that geometry must stay within, with its name for messages. */
  private record Frame(String kind, int width, int height) {
    boolean contains(double x, double y) {
      return x >= -TOLERANCE
          && y >= -TOLERANCE
          && x <= width + TOLERANCE
          && y <= height + TOLERANCE;
    }

    @Override
    public String toString() {
      return width + "x" + height + " " + kind;
    }
  }

  private static String article(String noun) {
    return "aeiou".indexOf(noun.charAt(0)) >= 0 ? "an " + noun : "a " + noun;
  }

  /** Says that an id is not one of a comparison's responses, with a hint and the ones it has. */
  private static String notAResponse(String id, ComparisonItem comparison) {
    List<String> ids = comparison.responses().stream().map(Response::id).toList();
    return "not a response of item "
        + quote(comparison.id())
        + didYouMean(id, ids)
        + " (responses: "
        + Hints.bareListing(ids)
        + ")";
  }

  private static String describe(AttributeValue value) {
    return switch (value) {
      case AttributeValue.Bool(boolean b) -> "boolean " + b;
      case AttributeValue.Number(double d) -> "number " + num(d);
      case AttributeValue.Text(String t) -> "text " + quote(t);
    };
  }

  private static String expected(AttributeSpec spec) {
    return switch (spec.type()) {
      case BOOLEAN -> "a boolean";
      case TEXT -> "a text";
      case ENUM -> "one of " + Hints.bareListing(spec.options());
      case NUMBER ->
          spec.min().isPresent() || spec.max().isPresent()
              ? "a number in " + range(spec)
              : "a number";
    };
  }

  private static String range(AttributeSpec spec) {
    return "["
        + (spec.min().isPresent() ? num(spec.min().getAsDouble()) : "-∞")
        + ", "
        + (spec.max().isPresent() ? num(spec.max().getAsDouble()) : "∞")
        + "]";
  }

  private static String describe(RatingScale scale) {
    return scale.step() == 0
        ? "any number from " + num(scale.min()) + " to " + num(scale.max())
        : num(scale.min()) + " to " + num(scale.max()) + " in steps of " + num(scale.step());
  }
}
