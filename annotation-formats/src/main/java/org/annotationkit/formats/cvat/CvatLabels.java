package org.annotationkit.formats.cvat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.annotationkit.core.schema.AttributeSpec;
import org.annotationkit.core.schema.Field;
import org.annotationkit.core.schema.FieldKind;
import org.annotationkit.core.schema.Label;
import org.annotationkit.core.schema.Schema;
import org.annotationkit.core.schema.Skeleton;

/**
 * The labels a CVAT file declares for a schema: every label of the region and choice fields, in the
 * order of the schema's fields and of their labels, with the union of their attributes (less the
 * shape properties, which CVAT writes as XML attributes); and one skeleton label for each label of
 * a keypoints field whose points are named (not CVAT's numbered {@code points}).
 */
final class CvatLabels {
  /** A label to declare. */
  record Declared(
      String name,
      Optional<String> color,
      Map<String, AttributeSpec> attributes,
      Optional<Skeleton> skeleton) {}

  private final Map<String, Declared> labels = new LinkedHashMap<>();
  private final Map<String, Boolean> skeletonFields = new HashMap<>();

  private final Set<String> excluded;

  CvatLabels(Schema schema) {
    this(schema, Set.of());
  }

  /**
   * The labels of a schema, leaving out attributes that the format writes as XML attributes (the
   * video format's track id and key frame flag).
   */
  CvatLabels(Schema schema, Set<String> excluded) {
    this.excluded = Set.copyOf(excluded);
    for (Field field : schema.fields()) {
      FieldKind kind = field.kind();
      boolean skeleton = kind == FieldKind.KEYPOINTS && !isNumbered(field);
      boolean plain =
          switch (kind) {
            case BOX, POLYGON, POLYLINE, MASK, SINGLE_CHOICE, MULTIPLE_CHOICE -> true;
            case KEYPOINTS -> !skeleton;
            default -> false;
          };
      if (!plain && !skeleton) {
        continue;
      }
      boolean allSkeletons = true;
      for (Label label : field.labels().all()) {
        Declared before = labels.get(label.name());
        if (skeleton) {
          if (before == null) {
            labels.put(
                label.name(),
                new Declared(
                    label.name(), label.color(), attributes(label, Map.of()), field.skeleton()));
          } else if (before.skeleton().isEmpty() || !before.skeleton().equals(field.skeleton())) {
            allSkeletons = false;
          }
        } else if (before == null) {
          labels.put(
              label.name(),
              new Declared(
                  label.name(), label.color(), attributes(label, Map.of()), Optional.empty()));
        } else if (before.skeleton().isEmpty()) {
          labels.put(
              label.name(),
              new Declared(
                  label.name(),
                  before.color(),
                  attributes(label, before.attributes()),
                  Optional.empty()));
        }
      }
      if (skeleton) {
        skeletonFields.put(field.name(), allSkeletons);
      }
    }
  }

  /** Whether a keypoints field holds CVAT's {@code points}: its points are named 1 to n. */
  static boolean isNumbered(Field field) {
    Optional<Skeleton> skeleton = field.skeleton();
    if (skeleton.isEmpty()) {
      return true;
    }
    List<String> points = skeleton.get().points();
    for (int i = 0; i < points.size(); i++) {
      if (!points.get(i).equals(Integer.toString(i + 1))) {
        return false;
      }
    }
    return true;
  }

  private Map<String, AttributeSpec> attributes(Label label, Map<String, AttributeSpec> before) {
    Map<String, AttributeSpec> attributes = new LinkedHashMap<>(before);
    for (AttributeSpec spec : label.attributes()) {
      if (!CvatSchema.PROPERTIES.containsKey(spec.name()) && !excluded.contains(spec.name())) {
        attributes.putIfAbsent(spec.name(), spec);
      }
    }
    return attributes;
  }

  /** The labels, in order. */
  List<Declared> all() {
    return new ArrayList<>(labels.values());
  }

  /**
   * Whether the keypoints of a field are written as skeletons (true) or as {@code points} (false:
   * the field is numbered, or a label of it is declared otherwise).
   */
  boolean asSkeleton(String field) {
    return skeletonFields.getOrDefault(field, false);
  }

  /** Writes the {@code <labels>} element. */
  void write(CvatXmlWriter xml) {
    xml.start("labels");
    for (Declared label : labels.values()) {
      xml.start("label");
      xml.element("name", label.name());
      label.color().ifPresent(color -> xml.element("color", color));
      xml.element("type", label.skeleton().isPresent() ? "skeleton" : "any");
      xml.start("attributes");
      for (AttributeSpec spec : label.attributes().values()) {
        attribute(xml, spec);
      }
      xml.end();
      label.skeleton().ifPresent(skeleton -> xml.element("svg", svg(skeleton)));
      xml.end();
      label
          .skeleton()
          .ifPresent(skeleton -> {
            for (String point : skeleton.points()) {
              xml.start("label");
              xml.element("name", point);
              xml.element("type", "points");
              xml.start("attributes");
              xml.end();
              xml.element("parent", label.name());
              xml.end();
            }
          });
    }
    xml.end();
  }

  private static void attribute(CvatXmlWriter xml, AttributeSpec spec) {
    xml.start("attribute");
    xml.element("name", spec.name());
    xml.element("mutable", "False");
    switch (spec.type()) {
      case BOOLEAN -> {
        xml.element("input_type", "checkbox");
        xml.element("default_value", "false");
        xml.element("values", "false\ntrue");
      }
      case ENUM -> {
        xml.element("input_type", "select");
        xml.element("default_value", spec.options().isEmpty() ? "" : spec.options().get(0));
        xml.element("values", String.join("\n", spec.options()));
      }
      case NUMBER -> {
        xml.element("input_type", "number");
        String min = spec.min().isPresent() ? CvatXmlWriter.number(spec.min().getAsDouble()) : "";
        xml.element("default_value", min.isEmpty() ? "0" : min);
        xml.element(
            "values",
            spec.min().isPresent() && spec.max().isPresent()
                ? min + "\n" + CvatXmlWriter.number(spec.max().getAsDouble()) + "\n1"
                : "");
      }
      case TEXT -> {
        xml.element("input_type", "text");
        xml.element("default_value", "");
        xml.element("values", "");
      }
    }
    xml.end();
  }

  /** The drawing CVAT keeps of a skeleton: its points on a circle, and its edges. */
  static String svg(Skeleton skeleton) {
    StringBuilder svg = new StringBuilder();
    List<String> points = skeleton.points();
    for (int i = 0; i < points.size(); i++) {
      double angle = 2 * Math.PI * i / points.size();
      svg.append("<circle r=\"0.75\" cx=\"")
          .append(CvatXmlWriter.number((double) Math.round(50 + 40 * Math.cos(angle))))
          .append("\" cy=\"")
          .append(CvatXmlWriter.number((double) Math.round(50 + 40 * Math.sin(angle))))
          .append("\" data-type=\"element node\" data-element-id=\"")
          .append(i + 1)
          .append("\" data-node-id=\"")
          .append(i + 1)
          .append("\" data-label-name=\"")
          .append(points.get(i).replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;"))
          .append("\"></circle>");
    }
    for (Skeleton.Edge edge : skeleton.edges()) {
      svg.append("<line data-type=\"edge\" data-node-from=\"")
          .append(points.indexOf(edge.from()) + 1)
          .append("\" data-node-to=\"")
          .append(points.indexOf(edge.to()) + 1)
          .append("\"></line>");
    }
    return svg.toString();
  }
}
