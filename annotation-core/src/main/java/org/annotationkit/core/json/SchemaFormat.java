package org.annotationkit.core.json;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.annotationkit.core.schema.AttributeSpec;
import org.annotationkit.core.schema.AttributeType;
import org.annotationkit.core.schema.Constraints;
import org.annotationkit.core.schema.Field;
import org.annotationkit.core.schema.FieldKind;
import org.annotationkit.core.schema.Label;
import org.annotationkit.core.schema.LabelSet;
import org.annotationkit.core.schema.RatingScale;
import org.annotationkit.core.schema.Schema;
import org.annotationkit.core.schema.Skeleton;
import tools.jackson.core.JsonGenerator;

/** The schema record: {@code {"annotationkit": "schema", "version": 1, "name", ...}}. */
final class SchemaFormat implements RecordFormat<Schema> {
  static final SchemaFormat INSTANCE = new SchemaFormat();

  private static final JsonIn.Fields RECORD =
      new JsonIn.Fields(
          "a schema record", "annotationkit", "version", "name", "description", "fields");
  private static final JsonIn.Fields FIELD =
      new JsonIn.Fields(
          "a field",
          "name",
          "kind",
          "description",
          "labels",
          "required",
          "minCount",
          "maxCount",
          "allowOverlap",
          "rotatable",
          "skeleton",
          "scale",
          "allowTies");
  private static final JsonIn.Fields LABEL =
      new JsonIn.Fields("a label", "name", "color", "description", "attributes", "children");
  private static final JsonIn.Fields ATTRIBUTE =
      new JsonIn.Fields("an attribute", "name", "type", "options", "required", "min", "max");
  private static final JsonIn.Fields SKELETON = new JsonIn.Fields("a skeleton", "points", "edges");
  private static final JsonIn.Fields SCALE =
      new JsonIn.Fields("a rating scale", "min", "max", "step", "anchors");

  private SchemaFormat() {}

  @Override
  public String recordType() {
    return "schema";
  }

  @Override
  public JsonIn.Fields fields() {
    return RECORD;
  }

  // ------------------------------------------------------------------ writing

  @Override
  public void writeBody(JsonGenerator out, Schema schema) {
    out.writeStringProperty("name", schema.name());
    JsonOut.optionalString(out, "description", schema.description());
    out.writeName("fields");
    out.writeStartArray();
    for (Field field : schema.fields()) {
      writeField(out, field);
    }
    out.writeEndArray();
  }

  private static void writeField(JsonGenerator out, Field field) {
    FieldKind kind = field.kind();
    Constraints constraints = field.constraints();
    out.writeStartObject();
    out.writeStringProperty("name", field.name());
    out.writeStringProperty("kind", kind.jsonName());
    JsonOut.optionalString(out, "description", field.description());
    writeLabels(out, "labels", field.labels().roots());
    out.writeBooleanProperty("required", constraints.required());
    out.writeNumberProperty("minCount", constraints.minCount());
    if (constraints.maxCount().isPresent()) {
      out.writeNumberProperty("maxCount", constraints.maxCount().getAsInt());
    }
    out.writeBooleanProperty("allowOverlap", constraints.allowOverlap());
    if (kind == FieldKind.BOX) {
      out.writeBooleanProperty("rotatable", field.rotatable());
    }
    if (field.skeleton().isPresent()) {
      writeSkeleton(out, field.skeleton().get());
    }
    if (field.scale().isPresent()) {
      writeScale(out, field.scale().get());
    }
    if (kind == FieldKind.PAIRWISE_PREFERENCE) {
      out.writeBooleanProperty("allowTies", field.allowTies());
    }
    out.writeEndObject();
  }

  private static void writeLabels(JsonGenerator out, String name, List<Label> labels) {
    out.writeName(name);
    out.writeStartArray();
    for (Label label : labels) {
      writeLabel(out, label);
    }
    out.writeEndArray();
  }

  private static void writeLabel(JsonGenerator out, Label label) {
    out.writeStartObject();
    out.writeStringProperty("name", label.name());
    JsonOut.optionalString(out, "color", label.color());
    JsonOut.optionalString(out, "description", label.description());
    if (!label.attributes().isEmpty()) {
      out.writeName("attributes");
      out.writeStartArray();
      for (AttributeSpec attribute : label.attributes()) {
        writeAttribute(out, attribute);
      }
      out.writeEndArray();
    }
    if (!label.children().isEmpty()) {
      writeLabels(out, "children", label.children());
    }
    out.writeEndObject();
  }

  private static void writeAttribute(JsonGenerator out, AttributeSpec attribute) {
    out.writeStartObject();
    out.writeStringProperty("name", attribute.name());
    out.writeStringProperty("type", attribute.type().jsonName());
    if (!attribute.options().isEmpty()) {
      JsonOut.strings(out, "options", attribute.options());
    }
    out.writeBooleanProperty("required", attribute.required());
    JsonOut.optionalNumber(out, "min", attribute.min());
    JsonOut.optionalNumber(out, "max", attribute.max());
    out.writeEndObject();
  }

  private static void writeSkeleton(JsonGenerator out, Skeleton skeleton) {
    out.writeName("skeleton");
    out.writeStartObject();
    JsonOut.strings(out, "points", skeleton.points());
    out.writeName("edges");
    out.writeStartArray();
    for (Skeleton.Edge edge : skeleton.edges()) {
      out.writeStartArray();
      out.writeString(edge.from());
      out.writeString(edge.to());
      out.writeEndArray();
    }
    out.writeEndArray();
    out.writeEndObject();
  }

  private static void writeScale(JsonGenerator out, RatingScale scale) {
    out.writeName("scale");
    out.writeStartObject();
    out.writeNumberProperty("min", scale.min());
    out.writeNumberProperty("max", scale.max());
    out.writeNumberProperty("step", scale.step());
    if (!scale.anchors().isEmpty()) {
      JsonOut.strings(out, "anchors", scale.anchors());
    }
    out.writeEndObject();
  }

  // ------------------------------------------------------------------ reading

  @Override
  public Schema readBody(JsonIn in, JsonIn.ObjectIn record) {
    String name = "";
    Optional<String> description = Optional.empty();
    List<Field> fields = List.of();
    for (String member = record.next(); member != null; member = record.next()) {
      switch (member) {
        case "name" -> name = in.string();
        case "description" -> description = Optional.of(in.string());
        case "fields" -> fields = readFields(in);
        default -> throw new IllegalStateException(member);
      }
    }
    record.require("name", "fields");
    try {
      return new Schema(name, fields, description);
    } catch (IllegalArgumentException e) {
      throw record.refused(e);
    }
  }

  private static List<Field> readFields(JsonIn in) {
    in.startArray();
    List<Field> fields = new ArrayList<>();
    while (in.nextElement()) {
      fields.add(readField(in));
    }
    return fields;
  }

  private static Field readField(JsonIn in) {
    JsonIn.ObjectIn object = in.object(FIELD);
    String name = "";
    FieldKind kind = FieldKind.FREE_TEXT;
    Optional<String> description = Optional.empty();
    LabelSet labels = LabelSet.empty();
    boolean required = false;
    int minCount = 0;
    OptionalInt maxCount = OptionalInt.empty();
    boolean allowOverlap = true;
    boolean rotatable = false;
    Optional<Skeleton> skeleton = Optional.empty();
    Optional<RatingScale> scale = Optional.empty();
    boolean allowTies = false;
    for (String member = object.next(); member != null; member = object.next()) {
      switch (member) {
        case "name" -> name = in.string();
        case "kind" ->
            kind = in.constant(FieldKind::ofJsonName, FieldKind.values(), FieldKind::jsonName);
        case "description" -> description = Optional.of(in.string());
        case "labels" -> labels = readLabelSet(in);
        case "required" -> required = in.bool();
        case "minCount" -> minCount = in.integer();
        case "maxCount" -> maxCount = OptionalInt.of(in.integer());
        case "allowOverlap" -> allowOverlap = in.bool();
        case "rotatable" -> rotatable = in.bool();
        case "skeleton" -> skeleton = Optional.of(readSkeleton(in));
        case "scale" -> scale = Optional.of(readScale(in));
        case "allowTies" -> allowTies = in.bool();
        default -> throw new IllegalStateException(member);
      }
    }
    object.require("name", "kind");
    if (!object.has("allowTies")) {
      allowTies = kind == FieldKind.PAIRWISE_PREFERENCE;
    }
    try {
      return new Field(
          name,
          kind,
          labels,
          new Constraints(required, minCount, maxCount, allowOverlap),
          description,
          rotatable,
          skeleton,
          scale,
          allowTies);
    } catch (IllegalArgumentException e) {
      throw object.refused(e);
    }
  }

  private static LabelSet readLabelSet(JsonIn in) {
    JsonIn.Mark start = in.mark();
    List<Label> roots = readLabels(in);
    try {
      return LabelSet.of(roots);
    } catch (IllegalArgumentException e) {
      throw in.refused(start, e);
    }
  }

  private static List<Label> readLabels(JsonIn in) {
    in.startArray();
    List<Label> labels = new ArrayList<>();
    while (in.nextElement()) {
      labels.add(readLabel(in));
    }
    return labels;
  }

  private static Label readLabel(JsonIn in) {
    JsonIn.ObjectIn object = in.object(LABEL);
    String name = "";
    Optional<String> color = Optional.empty();
    Optional<String> description = Optional.empty();
    List<AttributeSpec> attributes = List.of();
    List<Label> children = List.of();
    for (String member = object.next(); member != null; member = object.next()) {
      switch (member) {
        case "name" -> name = in.string();
        case "color" -> color = Optional.of(in.string());
        case "description" -> description = Optional.of(in.string());
        case "attributes" -> attributes = readAttributes(in);
        case "children" -> children = readLabels(in);
        default -> throw new IllegalStateException(member);
      }
    }
    object.require("name");
    try {
      return new Label(name, color, description, attributes, children);
    } catch (IllegalArgumentException e) {
      throw object.refused(e);
    }
  }

  private static List<AttributeSpec> readAttributes(JsonIn in) {
    in.startArray();
    List<AttributeSpec> attributes = new ArrayList<>();
    while (in.nextElement()) {
      attributes.add(readAttribute(in));
    }
    return attributes;
  }

  private static AttributeSpec readAttribute(JsonIn in) {
    JsonIn.ObjectIn object = in.object(ATTRIBUTE);
    String name = "";
    AttributeType type = AttributeType.TEXT;
    List<String> options = List.of();
    boolean required = false;
    OptionalDouble min = OptionalDouble.empty();
    OptionalDouble max = OptionalDouble.empty();
    for (String member = object.next(); member != null; member = object.next()) {
      switch (member) {
        case "name" -> name = in.string();
        case "type" ->
            type =
                in.constant(
                    AttributeType::ofJsonName, AttributeType.values(), AttributeType::jsonName);
        case "options" -> options = in.strings();
        case "required" -> required = in.bool();
        case "min" -> min = OptionalDouble.of(in.number());
        case "max" -> max = OptionalDouble.of(in.number());
        default -> throw new IllegalStateException(member);
      }
    }
    object.require("name", "type");
    try {
      return new AttributeSpec(name, type, options, required, min, max);
    } catch (IllegalArgumentException e) {
      throw object.refused(e);
    }
  }

  private static Skeleton readSkeleton(JsonIn in) {
    JsonIn.ObjectIn object = in.object(SKELETON);
    List<String> points = List.of();
    List<Skeleton.Edge> edges = List.of();
    for (String member = object.next(); member != null; member = object.next()) {
      switch (member) {
        case "points" -> points = in.strings();
        case "edges" -> edges = readEdges(in);
        default -> throw new IllegalStateException(member);
      }
    }
    object.require("points");
    try {
      return new Skeleton(points, edges);
    } catch (IllegalArgumentException e) {
      throw object.refused(e);
    }
  }

  private static List<Skeleton.Edge> readEdges(JsonIn in) {
    in.startArray();
    List<Skeleton.Edge> edges = new ArrayList<>();
    while (in.nextElement()) {
      JsonIn.Mark start = in.mark();
      in.startArray();
      List<String> ends = new ArrayList<>(2);
      while (in.nextElement()) {
        if (ends.size() == 2) {
          throw in.error("expected an edge [from, to] of 2 point names, found more");
        }
        ends.add(in.string());
      }
      if (ends.size() != 2) {
        throw in.errorAt(
            start, "expected an edge [from, to] of 2 point names, found " + ends.size(), null);
      }
      try {
        edges.add(new Skeleton.Edge(ends.get(0), ends.get(1)));
      } catch (IllegalArgumentException e) {
        throw in.refused(start, e);
      }
    }
    return edges;
  }

  private static RatingScale readScale(JsonIn in) {
    JsonIn.ObjectIn object = in.object(SCALE);
    double min = 0;
    double max = 0;
    double step = 0;
    List<String> anchors = List.of();
    for (String member = object.next(); member != null; member = object.next()) {
      switch (member) {
        case "min" -> min = in.number();
        case "max" -> max = in.number();
        case "step" -> step = in.number();
        case "anchors" -> anchors = in.strings();
        default -> throw new IllegalStateException(member);
      }
    }
    object.require("min", "max", "step");
    try {
      return new RatingScale(min, max, step, anchors);
    } catch (IllegalArgumentException e) {
      throw object.refused(e);
    }
  }
}
