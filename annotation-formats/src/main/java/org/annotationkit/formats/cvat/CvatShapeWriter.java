package org.annotationkit.formats.cvat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.annotationkit.core.annotation.AttributeValue;
import org.annotationkit.core.annotation.BoxValue;
import org.annotationkit.core.annotation.ChoiceValue;
import org.annotationkit.core.annotation.KeypointsValue;
import org.annotationkit.core.annotation.MaskValue;
import org.annotationkit.core.annotation.MultipleChoiceValue;
import org.annotationkit.core.annotation.Origin;
import org.annotationkit.core.annotation.PolygonValue;
import org.annotationkit.core.annotation.PolylineValue;
import org.annotationkit.core.annotation.Result;
import org.annotationkit.core.geometry.Box;
import org.annotationkit.core.geometry.Keypoint;
import org.annotationkit.core.geometry.Point;
import org.annotationkit.formats.ConversionContext;
import org.annotationkit.formats.LossObject;

/**
 * Writes the model's values as CVAT shape elements, shared by the images and the video writer
 * (which adds the frame, outside and keyframe properties).
 */
final class CvatShapeWriter {
  private final CvatXmlWriter xml;
  private final CvatLabels labels;
  private final ConversionContext context;

  CvatShapeWriter(CvatXmlWriter xml, CvatLabels labels, ConversionContext context) {
    this.xml = xml;
    this.labels = labels;
    this.context = context;
  }

  /** A shape about to be written: its element, label, XML attributes and attribute values. */
  record Shape(
      String element,
      String label,
      Map<String, String> xmlAttributes,
      Map<String, AttributeValue> attributes,
      List<Keypoint> skeleton) {}

  /**
   * The shapes of a result: one for a region, one tag per label for a choice; nothing (reported)
   * for a value CVAT has no place for.
   */
  List<Shape> shapes(Result result, Origin origin, LossObject where) {
    LossObject at = where.withAnnotation(result.id());
    if (result.score().isPresent()) {
      context.lose(
          at,
          "score dropped",
          "CVAT keeps no score; the result's was " + result.score().getAsDouble());
    }
    return switch (result.value()) {
      case BoxValue box -> List.of(box(box, origin));
      case PolygonValue polygon -> {
        if (!polygon.polygon().holes().isEmpty()) {
          context.lose(
              at,
              "polygon holes dropped",
              "CVAT polygons have no holes; " + polygon.polygon().holes().size() + " dropped");
        }
        yield List.of(
            shape(
                "polygon",
                polygon.label(),
                Map.of("points", points(polygon.polygon().exterior())),
                polygon.attributes(),
                origin));
      }
      case PolylineValue line ->
          List.of(
              shape(
                  "polyline",
                  line.label(),
                  Map.of("points", points(line.polyline().points())),
                  line.attributes(),
                  origin));
      case KeypointsValue keypoints -> keypoints(result.field(), keypoints, origin, at);
      case MaskValue mask -> {
        Optional<CvatRle.Encoded> encoded = CvatRle.encode(mask.mask());
        if (encoded.isEmpty()) {
          context.lose(at, "empty mask skipped", "the mask has no pixel set");
          yield List.of();
        }
        CvatRle.Encoded rle = encoded.get();
        Map<String, String> geometry = new LinkedHashMap<>();
        geometry.put("rle", rle.rle());
        geometry.put("left", Integer.toString(rle.left()));
        geometry.put("top", Integer.toString(rle.top()));
        geometry.put("width", Integer.toString(rle.width()));
        geometry.put("height", Integer.toString(rle.height()));
        yield List.of(shape("mask", mask.label(), geometry, mask.attributes(), origin));
      }
      case MultipleChoiceValue choices ->
          choices.labels().stream().map(label -> tag(label)).toList();
      case ChoiceValue choice -> List.of(tag(choice.label()));
      default -> {
        context.lose(
            at,
            "value dropped",
            "a " + result.value().kind().jsonName() + " result has no place in CVAT");
        yield List.of();
      }
    };
  }

  private static Shape tag(String label) {
    return new Shape("tag", label, Map.of(), Map.of(), List.of());
  }

  private Shape box(BoxValue value, Origin origin) {
    Box box = value.box();
    Map<String, String> geometry = new LinkedHashMap<>();
    geometry.put("xtl", CvatXmlWriter.number(box.x()));
    geometry.put("ytl", CvatXmlWriter.number(box.y()));
    geometry.put("xbr", CvatXmlWriter.number(box.x() + box.width()));
    geometry.put("ybr", CvatXmlWriter.number(box.y() + box.height()));
    double rotation = box.rotation() % 360;
    if (rotation < 0) {
      rotation += 360;
    }
    if (rotation != 0) {
      geometry.put("rotation", CvatXmlWriter.number(rotation));
    }
    return shape("box", value.label(), geometry, value.attributes(), origin);
  }

  private List<Shape> keypoints(String field, KeypointsValue value, Origin origin, LossObject at) {
    if (labels.asSkeleton(field)) {
      return List.of(
          new Shape(
              "skeleton",
              value.label(),
              properties(value.attributes(), origin),
              rest(value.attributes()),
              value.points()));
    }
    StringBuilder xy = new StringBuilder();
    int unlabeled = 0;
    for (Keypoint point : value.points()) {
      if (point.visibility() == Keypoint.Visibility.NOT_LABELED) {
        unlabeled++;
        continue;
      }
      xy.append(xy.isEmpty() ? "" : ";")
          .append(CvatXmlWriter.number(point.x()))
          .append(',')
          .append(CvatXmlWriter.number(point.y()));
    }
    if (unlabeled > 0) {
      context.lose(
          at,
          "unlabeled points dropped",
          unlabeled + " points not labeled have no place in CVAT points");
    }
    if (xy.isEmpty()) {
      return List.of();
    }
    return List.of(
        shape(
            "points", value.label(), Map.of("points", xy.toString()), value.attributes(), origin));
  }

  private Shape shape(
      String element,
      String label,
      Map<String, String> geometry,
      Map<String, AttributeValue> attributes,
      Origin origin) {
    Map<String, String> xmlAttributes = new LinkedHashMap<>();
    xmlAttributes.putAll(geometry);
    xmlAttributes.putAll(properties(attributes, origin));
    return new Shape(element, label, xmlAttributes, rest(attributes), List.of());
  }

  /** The shape properties CVAT writes as XML attributes, from the value's attributes. */
  static Map<String, String> properties(Map<String, AttributeValue> attributes, Origin origin) {
    Map<String, String> xmlAttributes = new LinkedHashMap<>();
    AttributeValue occluded = attributes.get(CvatSchema.OCCLUDED);
    xmlAttributes.put(
        CvatSchema.OCCLUDED, occluded instanceof AttributeValue.Bool b && b.value() ? "1" : "0");
    AttributeValue z = attributes.get(CvatSchema.Z_ORDER);
    xmlAttributes.put(
        CvatSchema.Z_ORDER,
        z instanceof AttributeValue.Number n ? CvatXmlWriter.number(n.value()) : "0");
    if (attributes.get(CvatSchema.GROUP_ID) instanceof AttributeValue.Number group
        && group.value() != 0) {
      xmlAttributes.put(CvatSchema.GROUP_ID, CvatXmlWriter.number(group.value()));
    }
    if (attributes.get(CvatSchema.SOURCE) instanceof AttributeValue.Text source) {
      xmlAttributes.put(CvatSchema.SOURCE, source.value());
    } else if (origin instanceof Origin.Model) {
      xmlAttributes.put(CvatSchema.SOURCE, "auto");
    }
    return xmlAttributes;
  }

  /** The attributes written as {@code <attribute>} children: all but the shape properties. */
  static Map<String, AttributeValue> rest(Map<String, AttributeValue> attributes) {
    Map<String, AttributeValue> rest = new LinkedHashMap<>();
    for (Map.Entry<String, AttributeValue> attribute : attributes.entrySet()) {
      String name = attribute.getKey();
      AttributeValue value = attribute.getValue();
      boolean property =
          switch (name) {
            case CvatSchema.OCCLUDED -> value instanceof AttributeValue.Bool;
            case CvatSchema.Z_ORDER, CvatSchema.GROUP_ID -> value instanceof AttributeValue.Number;
            case CvatSchema.SOURCE -> value instanceof AttributeValue.Text;
            default -> false;
          };
      if (!property) {
        rest.put(name, value);
      }
    }
    return rest;
  }

  /** Writes a shape, with extra XML attributes first (a video shape's frame, outside, keyframe). */
  void write(Shape shape, Map<String, String> extra) {
    write(shape, extra, true);
  }

  /** Writes a shape, with or without its label (a video track's shapes take the track's label). */
  void write(Shape shape, Map<String, String> extra, boolean labeled) {
    Map<String, String> xmlAttributes = new LinkedHashMap<>();
    if (labeled) {
      xmlAttributes.put("label", shape.label());
    }
    xmlAttributes.putAll(extra);
    xmlAttributes.putAll(shape.xmlAttributes());
    xml.start(shape.element(), xmlAttributes);
    for (Keypoint point : shape.skeleton()) {
      Map<String, String> pointAttributes = new LinkedHashMap<>();
      pointAttributes.put("label", point.name());
      pointAttributes.putAll(extra);
      pointAttributes.put(
          "outside", point.visibility() == Keypoint.Visibility.NOT_LABELED ? "1" : "0");
      pointAttributes.put(
          CvatSchema.OCCLUDED, point.visibility() == Keypoint.Visibility.OCCLUDED ? "1" : "0");
      pointAttributes.put(
          "points", CvatXmlWriter.number(point.x()) + "," + CvatXmlWriter.number(point.y()));
      xml.start("points", pointAttributes);
      xml.end();
    }
    for (Map.Entry<String, AttributeValue> attribute : shape.attributes().entrySet()) {
      xml.element("attribute", Map.of("name", attribute.getKey()), text(attribute.getValue()));
    }
    xml.end();
  }

  static String text(AttributeValue value) {
    return switch (value) {
      case AttributeValue.Bool b -> Boolean.toString(b.value());
      case AttributeValue.Number n -> CvatXmlWriter.number(n.value());
      case AttributeValue.Text t -> t.value();
    };
  }

  static String points(List<Point> points) {
    StringBuilder text = new StringBuilder();
    for (Point point : points) {
      text.append(text.isEmpty() ? "" : ";")
          .append(CvatXmlWriter.number(point.x()))
          .append(',')
          .append(CvatXmlWriter.number(point.y()));
    }
    return text.toString();
  }
}
