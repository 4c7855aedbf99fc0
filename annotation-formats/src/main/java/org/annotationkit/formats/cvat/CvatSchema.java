package org.annotationkit.formats.cvat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.annotationkit.core.schema.AttributeSpec;
import org.annotationkit.core.schema.AttributeType;
import org.annotationkit.core.schema.Field;
import org.annotationkit.core.schema.FieldKind;
import org.annotationkit.core.schema.Label;
import org.annotationkit.core.schema.LabelSet;
import org.annotationkit.core.schema.Schema;
import org.annotationkit.core.schema.Skeleton;
import org.jspecify.annotations.Nullable;

/**
 * How CVAT's labels and shapes map to a schema: one field per kind of shape the file holds, each
 * with every label of the meta (in its order) and the label's attributes, plus the shape properties
 * every CVAT shape has ({@code occluded}, {@code z_order}, {@code group_id}, {@code source}) as
 * attributes.
 */
final class CvatSchema {
  static final String TAGS = "tags";
  static final String BOXES = "box";
  static final String POLYGONS = "polygon";
  static final String POLYLINES = "polyline";
  static final String POINTS = "keypoints";
  static final String MASKS = "mask";
  static final String SKELETON = "skeleton:";

  static final String OCCLUDED = "occluded";
  static final String Z_ORDER = "z_order";
  static final String GROUP_ID = "group_id";
  static final String SOURCE = "source";

  /** The shape properties kept as attributes, and their types. */
  static final Map<String, AttributeType> PROPERTIES =
      Map.of(
          OCCLUDED, AttributeType.BOOLEAN,
          Z_ORDER, AttributeType.NUMBER,
          GROUP_ID, AttributeType.NUMBER,
          SOURCE, AttributeType.TEXT);

  /** The shape elements of CVAT for images 1.1 that map to a field, with the field's name. */
  static final Map<String, String> SHAPE_FIELDS =
      Map.of(
          "box", BOXES,
          "polygon", POLYGONS,
          "polyline", POLYLINES,
          "points", POINTS,
          "mask", MASKS);

  private CvatSchema() {}

  /** What a file uses, found by a first pass over it. */
  static final class Usage {
    final Set<String> fields = new LinkedHashSet<>();
    final Set<String> labels = new LinkedHashSet<>();
    final Map<String, Set<String>> attributes = new LinkedHashMap<>();
    final Map<String, Set<String>> skeletonPoints = new LinkedHashMap<>();
    int maxPoints;

    /** Whether the shapes are a video's, whose regions also have a track id and key frame flag. */
    boolean video;

    /** Notes one shape or tag element (of an image, or of a track). */
    void add(XmlNode shape) {
      String kind = shape.name();
      String label = shape.attributes().getOrDefault("label", "");
      if (label.isEmpty()) {
        return;
      }
      if (kind.equals("tag")) {
        fields.add(TAGS);
        labels.add(label);
        return;
      }
      if (kind.equals("skeleton")) {
        fields.add(SKELETON + label);
        Set<String> points = skeletonPoints.computeIfAbsent(label, l -> new LinkedHashSet<>());
        for (XmlNode child : shape.children()) {
          String point = child.attributes().getOrDefault("label", "");
          if (child.name().equals("points") && !point.isEmpty()) {
            points.add(point);
          }
        }
      } else {
        String field = SHAPE_FIELDS.get(kind);
        if (field == null) {
          return;
        }
        fields.add(field);
        labels.add(label);
        if (kind.equals("points")) {
          maxPoints = Math.max(maxPoints, CvatShapes.countPoints(shape.attribute("points")));
        }
      }
      for (XmlNode child : shape.children()) {
        String name = child.attributes().get("name");
        if (child.name().equals("attribute") && name != null && !name.isEmpty()) {
          attributes.computeIfAbsent(label, l -> new LinkedHashSet<>()).add(name);
        }
      }
    }
  }

  /**
   * The schema of a file.
   *
   * @param name the schema's name
   * @param meta the labels declared
   * @param usage what the shapes use
   * @param cursor for errors
   */
  static Schema build(String name, CvatMeta meta, Usage usage, XmlCursor cursor) {
    Map<String, CvatMeta.CvatLabel> declared = new LinkedHashMap<>();
    for (CvatMeta.CvatLabel label : meta.labels()) {
      declared.put(label.name(), label);
    }
    List<Label> plain = new ArrayList<>();
    List<String> plainNames = new ArrayList<>();
    for (CvatMeta.CvatLabel label : meta.labels()) {
      if (!label.type().equals("skeleton") && !usage.skeletonPoints.containsKey(label.name())) {
        plain.add(label(label.name(), Optional.of(label), usage, cursor));
        plainNames.add(label.name());
      }
    }
    for (String used : usage.labels) {
      if (!declared.containsKey(used)) {
        plain.add(label(used, Optional.empty(), usage, cursor));
        plainNames.add(used);
      }
    }
    List<Field> fields = new ArrayList<>();
    try {
      if (usage.fields.contains(TAGS)) {
        fields.add(
            Field.builder(TAGS, FieldKind.MULTIPLE_CHOICE)
                .labels(LabelSet.of(plainNames.toArray(String[]::new)))
                .build());
      }
      for (String field : List.of(BOXES, POLYGONS, POLYLINES, POINTS, MASKS)) {
        if (usage.fields.contains(field) || (field.equals(BOXES) && usage.fields.isEmpty())) {
          if (plain.isEmpty()) {
            plain.add(Label.of("object"));
          }
          Field.Builder builder = Field.builder(field, kindOf(field)).labels(LabelSet.of(plain));
          if (field.equals(BOXES)) {
            builder.rotatable(true);
          }
          if (field.equals(POINTS)) {
            builder.skeleton(numbered(Math.max(1, usage.maxPoints)));
          }
          fields.add(builder.build());
        }
      }
      for (String field : usage.fields) {
        if (field.startsWith(SKELETON)) {
          String skeletonLabel = field.substring(SKELETON.length());
          fields.add(skeletonField(skeletonLabel, declared.get(skeletonLabel), usage, cursor));
        }
      }
      return Schema.of(name, fields.toArray(Field[]::new));
    } catch (IllegalArgumentException e) {
      throw cursor.errorAt(0, "the labels do not make a valid schema: " + e.getMessage());
    }
  }

  private static FieldKind kindOf(String field) {
    return switch (field) {
      case BOXES -> FieldKind.BOX;
      case POLYGONS -> FieldKind.POLYGON;
      case POLYLINES -> FieldKind.POLYLINE;
      case POINTS -> FieldKind.KEYPOINTS;
      case MASKS -> FieldKind.MASK;
      default -> throw new IllegalArgumentException(field);
    };
  }

  /** The skeleton of CVAT's {@code points} shapes: points named 1 to n. */
  static Skeleton numbered(int n) {
    List<String> names = new ArrayList<>(n);
    for (int i = 1; i <= n; i++) {
      names.add(Integer.toString(i));
    }
    return new Skeleton(names, List.of());
  }

  private static Field skeletonField(
      String label, CvatMeta.@Nullable CvatLabel declared, Usage usage, XmlCursor cursor) {
    Set<String> points = new LinkedHashSet<>();
    List<Skeleton.Edge> edges = new ArrayList<>();
    if (declared != null) {
      points.addAll(declared.points());
      for (List<String> edge : declared.edges()) {
        edges.add(new Skeleton.Edge(edge.get(0), edge.get(1)));
      }
    }
    points.addAll(usage.skeletonPoints.getOrDefault(label, Set.of()));
    if (points.isEmpty()) {
      points.add("1");
    }
    return Field.builder(SKELETON + label, FieldKind.KEYPOINTS)
        .labels(LabelSet.of(List.of(label(label, Optional.ofNullable(declared), usage, cursor))))
        .skeleton(new Skeleton(List.copyOf(points), edges))
        .build();
  }

  private static Label label(
      String name, Optional<CvatMeta.CvatLabel> declared, Usage usage, XmlCursor cursor) {
    List<AttributeSpec> specs = new ArrayList<>();
    Set<String> names = new LinkedHashSet<>();
    long line = declared.map(CvatMeta.CvatLabel::line).orElse(0L);
    try {
      if (declared.isPresent()) {
        for (CvatMeta.CvatAttribute attribute : declared.get().attributes()) {
          if (names.add(attribute.name())) {
            specs.add(spec(attribute));
          }
        }
      }
      for (String extra : usage.attributes.getOrDefault(name, Set.of())) {
        if (names.add(extra)) {
          specs.add(AttributeSpec.text(extra));
        }
      }
      if (usage.video) {
        for (String property : List.of(CvatVideoSource.TRACK_ID, CvatVideoSource.KEYFRAME)) {
          if (names.add(property)) {
            specs.add(
                property.equals(CvatVideoSource.KEYFRAME)
                    ? AttributeSpec.bool(property)
                    : AttributeSpec.number(property));
          }
        }
      }
      for (String property : List.of(OCCLUDED, Z_ORDER, GROUP_ID, SOURCE)) {
        if (names.add(property)) {
          specs.add(
              switch (PROPERTIES.getOrDefault(property, AttributeType.TEXT)) {
                case BOOLEAN -> AttributeSpec.bool(property);
                case NUMBER -> AttributeSpec.number(property);
                default -> AttributeSpec.text(property);
              });
        }
      }
      Label label = Label.of(name).withAttributes(specs.toArray(AttributeSpec[]::new));
      if (declared.isPresent() && declared.get().color().isPresent()) {
        label = label.withColor(declared.get().color().get());
      }
      return label;
    } catch (IllegalArgumentException e) {
      throw cursor.errorAt(line, "the label '" + name + "' is not valid: " + e.getMessage());
    }
  }

  /** The attribute spec of a CVAT attribute declaration. */
  static AttributeSpec spec(CvatMeta.CvatAttribute attribute) {
    String name = attribute.name();
    return switch (attribute.inputType()) {
      case "checkbox" -> AttributeSpec.bool(name);
      case "radio", "select" ->
          attribute.values().isEmpty()
              ? AttributeSpec.text(name)
              : AttributeSpec.enumeration(name, attribute.values().toArray(String[]::new));
      case "number" -> numberSpec(attribute);
      default -> AttributeSpec.text(name);
    };
  }

  /** CVAT's number attributes hold {@code min}, {@code max} and {@code step} as their values. */
  private static AttributeSpec numberSpec(CvatMeta.CvatAttribute attribute) {
    List<String> values = attribute.values();
    if (values.size() == 3) {
      try {
        double min = Double.parseDouble(values.get(0));
        double max = Double.parseDouble(values.get(1));
        if (Double.isFinite(min) && Double.isFinite(max) && min <= max) {
          return AttributeSpec.number(attribute.name(), min, max);
        }
      } catch (NumberFormatException e) {
        // Not a range: a number without bounds, below.
        return AttributeSpec.number(attribute.name());
      }
    }
    return AttributeSpec.number(attribute.name());
  }
}
