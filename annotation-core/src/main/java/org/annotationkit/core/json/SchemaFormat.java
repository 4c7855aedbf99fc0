package org.annotationkit.core.json;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.annotationkit.core.internal.JsonNames;
import org.annotationkit.core.schema.AttributeSpec;
import org.annotationkit.core.schema.AttributeType;
import org.annotationkit.core.schema.Constraints;
import org.annotationkit.core.schema.Field;
import org.annotationkit.core.schema.FieldKind;
import org.annotationkit.core.schema.FieldOptions;
import org.annotationkit.core.schema.Label;
import org.annotationkit.core.schema.LabelSet;
import org.annotationkit.core.schema.RatingScale;
import org.annotationkit.core.schema.Schema;
import org.annotationkit.core.schema.Skeleton;
import tools.jackson.core.JsonGenerator;

/**
 * The schema record: {@code {"annotationkit": "schema", "version": 1, "name", ...}}, with one
 * {@link Layout} for each kind of object in it.
 */
final class SchemaFormat {

  private static final JsonType<String> STRING = JsonTypes.STRING;

  private static final Layout<AttributeSpec> ATTRIBUTE =
      Layout.of(
          "an attribute",
          m -> {
            var name = m.required("name", STRING, AttributeSpec::name);
            var type =
                m.required(
                    "type",
                    JsonTypes.constant(JsonNames.lowerCase(AttributeType.class)),
                    AttributeSpec::type);
            var options =
                m.unlessEmpty("options", JsonTypes.STRINGS, AttributeSpec::options, List.of());
            var required = m.bool("required", AttributeSpec::required, false);
            var min = m.maybeNumber("min", AttributeSpec::min);
            var max = m.maybeNumber("max", AttributeSpec::max);
            return s ->
                new AttributeSpec(
                    s.get(name),
                    s.get(type),
                    s.get(options),
                    s.bool(required),
                    s.get(min),
                    s.get(max));
          });

  /** A label, whose children are labels: the layout refers to itself through this holder. */
  private static final JsonType<Label> LABEL_REF =
      new JsonType<>() {
        @Override
        public Label read(JsonIn in) {
          return Labels.LABEL.read(in);
        }

        @Override
        public void write(JsonGenerator out, Label label) {
          Labels.LABEL.write(out, label);
        }
      };

  /** Holds the label layout, which refers to itself (children are labels). */
  private static final class Labels {
    static final Layout<Label> LABEL =
        Layout.of(
            "a label",
            m -> {
              var name = m.required("name", STRING, Label::name);
              var color = m.maybe("color", STRING, Label::color);
              var description = m.maybe("description", STRING, Label::description);
              var attributes =
                  m.unlessEmpty(
                      "attributes", JsonTypes.listOf(ATTRIBUTE), Label::attributes, List.of());
              var children =
                  m.unlessEmpty(
                      "children", JsonTypes.listOf(LABEL_REF), Label::children, List.of());
              return s ->
                  new Label(
                      s.get(name),
                      s.get(color),
                      s.get(description),
                      s.get(attributes),
                      s.get(children));
            });

    private Labels() {}
  }

  /** The roots of a label set, {@code [label, ...]}; the set's refusal is at the array. */
  private static final JsonType<LabelSet> LABEL_SET =
      new JsonType<>() {
        private final JsonType<List<Label>> roots = JsonTypes.listOf(LABEL_REF);

        @Override
        public LabelSet read(JsonIn in) {
          JsonIn.Mark start = in.mark();
          List<Label> labels = roots.read(in);
          try {
            return LabelSet.of(labels);
          } catch (IllegalArgumentException e) {
            throw in.refused(start, e);
          }
        }

        @Override
        public void write(JsonGenerator out, LabelSet labels) {
          roots.write(out, labels.roots());
        }
      };

  /** {@code ["from", "to"]}. */
  private static final JsonType<Skeleton.Edge> EDGE =
      new JsonType<>() {
        @Override
        public Skeleton.Edge read(JsonIn in) {
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
            return new Skeleton.Edge(ends.get(0), ends.get(1));
          } catch (IllegalArgumentException e) {
            throw in.refused(start, e);
          }
        }

        @Override
        public void write(JsonGenerator out, Skeleton.Edge edge) {
          out.writeStartArray();
          out.writeString(edge.from());
          out.writeString(edge.to());
          out.writeEndArray();
        }
      };

  private static final Layout<Skeleton> SKELETON =
      Layout.of(
          "a skeleton",
          m -> {
            var points = m.required("points", JsonTypes.STRINGS, Skeleton::points);
            var edges = m.optional("edges", JsonTypes.listOf(EDGE), Skeleton::edges, List.of());
            return s -> new Skeleton(s.get(points), s.get(edges));
          });

  private static final Layout<RatingScale> SCALE =
      Layout.of(
          "a rating scale",
          m -> {
            var min = m.number("min", RatingScale::min);
            var max = m.number("max", RatingScale::max);
            var step = m.number("step", RatingScale::step);
            var anchors =
                m.unlessEmpty("anchors", JsonTypes.STRINGS, RatingScale::anchors, List.of());
            return s ->
                new RatingScale(s.number(min), s.number(max), s.number(step), s.get(anchors));
          });

  /**
   * A field: the members every kind has, then the members of the kind's {@link FieldOptions}, each
   * written only when the field holds options of that type.
   */
  private static final Layout<Field> FIELD =
      Layout.of(
          "a field",
          m -> {
            var name = m.required("name", STRING, Field::name);
            var kind =
                m.required(
                    "kind", JsonTypes.constant(JsonNames.lowerCase(FieldKind.class)), Field::kind);
            var description = m.maybe("description", STRING, Field::description);
            var labels = m.optional("labels", LABEL_SET, Field::labels, LabelSet.empty());
            var required = m.bool("required", f -> f.constraints().required(), false);
            var minCount = m.integer("minCount", f -> f.constraints().minCount(), 0);
            var maxCount = m.maybeInteger("maxCount", f -> f.constraints().maxCount());
            var allowOverlap = m.bool("allowOverlap", f -> f.constraints().allowOverlap(), true);
            var rotatable =
                m.maybe(
                    "rotatable",
                    JsonTypes.BOOLEAN,
                    option(FieldOptions.Box.class, FieldOptions.Box::rotatable));
            var skeleton = m.maybe("skeleton", SKELETON, Field::skeleton);
            var scale = m.maybe("scale", SCALE, Field::scale);
            var allowTies =
                m.maybe(
                    "allowTies",
                    JsonTypes.BOOLEAN,
                    option(FieldOptions.Preference.class, FieldOptions.Preference::allowTies));
            return s -> {
              Field.Builder field =
                  Field.builder(s.get(name), s.get(kind))
                      .labels(s.get(labels))
                      .constraints(
                          new Constraints(
                              s.bool(required),
                              s.integer(minCount),
                              s.get(maxCount),
                              s.bool(allowOverlap)));
              s.get(description).ifPresent(field::description);
              s.get(rotatable).ifPresent(field::rotatable);
              s.get(skeleton).ifPresent(field::skeleton);
              s.get(scale).ifPresent(field::scale);
              s.get(allowTies).ifPresent(field::allowTies);
              return field.build();
            };
          });

  /** One option of a field's options of a type, present only when the field holds that type. */
  private static <O extends FieldOptions, V> Function<Field, Optional<V>> option(
      Class<O> type, Function<O, V> get) {
    return field ->
        type.isInstance(field.options())
            ? Optional.of(get.apply(type.cast(field.options())))
            : Optional.empty();
  }

  private static final Layout<Schema> RECORD =
      Layout.of(
          "a schema record",
          List.of("annotationkit", "version"),
          m -> {
            var name = m.required("name", STRING, Schema::name);
            var description = m.maybe("description", STRING, Schema::description);
            var fields = m.required("fields", JsonTypes.listOf(FIELD), Schema::fields);
            return s -> new Schema(s.get(name), s.get(fields), s.get(description));
          });

  /** The schema record. */
  static final RecordFormat<Schema> INSTANCE = RECORD.record("schema");

  private SchemaFormat() {}
}
