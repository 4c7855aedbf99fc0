package org.annotationkit.formats.cvat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.annotationkit.core.annotation.AttributeValue;
import org.annotationkit.core.annotation.BoxValue;
import org.annotationkit.core.annotation.KeypointsValue;
import org.annotationkit.core.annotation.MaskValue;
import org.annotationkit.core.annotation.PolygonValue;
import org.annotationkit.core.annotation.PolylineValue;
import org.annotationkit.core.annotation.Value;
import org.annotationkit.core.geometry.Box;
import org.annotationkit.core.geometry.Keypoint;
import org.annotationkit.core.geometry.Point;
import org.annotationkit.core.geometry.Polygon;
import org.annotationkit.core.geometry.Polyline;
import org.annotationkit.core.schema.AttributeSpec;
import org.annotationkit.core.schema.AttributeType;
import org.annotationkit.core.schema.Field;
import org.annotationkit.core.schema.Label;
import org.annotationkit.core.schema.Schema;
import org.annotationkit.formats.ConversionContext;
import org.annotationkit.formats.LossObject;
import org.jspecify.annotations.Nullable;

/**
 * Turns CVAT shape elements into values of the model. CVAT's geometry is ours: absolute pixels,
 * boxes as the corners of the unrotated box with a clockwise rotation in degrees about the centre.
 */
final class CvatShapes {
  private final XmlCursor cursor;
  private final ConversionContext context;
  private final Map<String, Map<String, AttributeType>> types = new HashMap<>();

  CvatShapes(Schema schema, XmlCursor cursor, ConversionContext context) {
    this.cursor = cursor;
    this.context = context;
    for (Field field : schema.fields()) {
      for (Label label : field.labels().all()) {
        Map<String, AttributeType> ofLabel =
            types.computeIfAbsent(label.name(), l -> new HashMap<>());
        for (AttributeSpec spec : label.attributes()) {
          ofLabel.putIfAbsent(spec.name(), spec.type());
        }
      }
    }
  }

  /** A value with the field it answers. */
  record Converted(String field, Value value) {}

  /**
   * Converts a shape element, or reports why it is skipped.
   *
   * @param shape the element: box, polygon, polyline, points, mask or skeleton
   * @param width the image width, for masks
   * @param height the image height, for masks
   * @param where the image (and shape) the loss is about
   */
  Optional<Converted> convert(XmlNode shape, int width, int height, LossObject where) {
    String kind = shape.name();
    String label = shape.attributes().getOrDefault("label", "");
    LossObject at = where.withLine(Math.max(1, shape.line()));
    if (label.isEmpty()) {
      context.lose(at, "shape without a label skipped", "the <" + kind + "> has an empty label");
      return Optional.empty();
    }
    Map<String, AttributeValue> attributes = attributes(shape, label, at);
    return switch (kind) {
      case "box" -> Optional.of(new Converted(CvatSchema.BOXES, box(shape, label, attributes, at)));
      case "polygon" -> {
        double[] xy = points(shape, "points");
        if (xy.length < 6) {
          context.lose(
              at,
              "degenerate polygon skipped",
              "a polygon needs 3 points, this one has " + xy.length / 2);
          yield Optional.empty();
        }
        yield Optional.of(
            new Converted(
                CvatSchema.POLYGONS, new PolygonValue(label, Polygon.of(xy), attributes)));
      }
      case "polyline" -> {
        double[] xy = points(shape, "points");
        if (xy.length < 4) {
          context.lose(
              at,
              "degenerate polyline skipped",
              "a polyline needs 2 points, this one has " + xy.length / 2);
          yield Optional.empty();
        }
        yield Optional.of(
            new Converted(
                CvatSchema.POLYLINES,
                new PolylineValue(label, new Polyline(list(xy)), attributes)));
      }
      case "points" -> {
        double[] xy = points(shape, "points");
        if (xy.length == 0) {
          context.lose(at, "empty points skipped", "the <points> has no point");
          yield Optional.empty();
        }
        Keypoint.Visibility visibility =
            bool(shape, CvatSchema.OCCLUDED)
                ? Keypoint.Visibility.OCCLUDED
                : Keypoint.Visibility.VISIBLE;
        List<Keypoint> keypoints = new ArrayList<>(xy.length / 2);
        for (int i = 0; i < xy.length; i += 2) {
          keypoints.add(new Keypoint(Integer.toString(i / 2 + 1), xy[i], xy[i + 1], visibility));
        }
        yield Optional.of(
            new Converted(CvatSchema.POINTS, new KeypointsValue(label, keypoints, attributes)));
      }
      case "mask" -> mask(shape, label, attributes, width, height, at);
      case "skeleton" -> skeleton(shape, label, attributes, at);
      default -> {
        context.lose(
            at,
            "shape skipped",
            "<"
                + kind
                + "> has no counterpart in the model (boxes, polygons, polylines, points,"
                + " masks, skeletons and tags are read)");
        yield Optional.empty();
      }
    };
  }

  private Value box(
      XmlNode shape, String label, Map<String, AttributeValue> attributes, LossObject at) {
    double xtl = number(shape, "xtl");
    double ytl = number(shape, "ytl");
    double xbr = number(shape, "xbr");
    double ybr = number(shape, "ybr");
    double rotation = shape.attribute("rotation") == null ? 0 : number(shape, "rotation");
    if (xbr < xtl || ybr < ytl) {
      context.lose(
          at,
          "box corners swapped",
          "the bottom-right corner ("
              + xbr
              + ", "
              + ybr
              + ") is above or left of the top-left ("
              + xtl
              + ", "
              + ytl
              + ")");
    }
    double x = Math.min(xtl, xbr);
    double y = Math.min(ytl, ybr);
    double w = Math.abs(xbr - xtl);
    double h = Math.abs(ybr - ytl);
    if (!Double.isFinite(w) || !Double.isFinite(h)) {
      throw cursor.errorAt(shape.line(), "the <box> is too large: " + w + " x " + h);
    }
    return new BoxValue(label, new Box(x, y, w, h, rotation), attributes);
  }

  private Optional<Converted> mask(
      XmlNode shape,
      String label,
      Map<String, AttributeValue> attributes,
      int width,
      int height,
      LossObject at) {
    int left = integer(shape, "left");
    int top = integer(shape, "top");
    int boxWidth = integer(shape, "width");
    int boxHeight = integer(shape, "height");
    String rle = shape.attribute("rle");
    if (rle == null) {
      throw cursor.errorAt(shape.line(), "the <mask> has no rle attribute");
    }
    long pixels = (long) boxWidth * boxHeight;
    List<Long> runs = new ArrayList<>();
    long position = 0;
    if (!rle.isBlank()) {
      for (String part : rle.split(",", -1)) {
        String count = part.strip();
        long run;
        try {
          run = Long.parseLong(count);
        } catch (NumberFormatException e) {
          throw cursor.errorAt(
              shape.line(), "the <mask> rle holds '" + count + "', which is not a whole number");
        }
        if (run < 0 || run > pixels - position) {
          throw cursor.errorAt(
              shape.line(),
              "the <mask> rle runs past its box of "
                  + boxWidth
                  + " x "
                  + boxHeight
                  + " = "
                  + pixels
                  + " pixels");
        }
        runs.add(run);
        position += run;
      }
    }
    if (position != pixels) {
      throw cursor.errorAt(
          shape.line(),
          "the <mask> rle covers "
              + position
              + " pixels, its box "
              + boxWidth
              + " x "
              + boxHeight
              + " = "
              + pixels);
    }
    CvatRle.Decoded decoded;
    try {
      decoded =
          CvatRle.decode(
              runs.stream().mapToLong(Long::longValue).toArray(),
              left,
              top,
              boxWidth,
              boxHeight,
              width,
              height);
    } catch (IllegalArgumentException e) {
      throw cursor.errorAt(shape.line(), "the <mask> cannot be read: " + e.getMessage());
    }
    if (decoded.clipped()) {
      context.lose(at, "mask clipped to the image", "part of the mask lies outside the image");
    }
    return Optional.of(
        new Converted(CvatSchema.MASKS, new MaskValue(label, decoded.mask(), attributes)));
  }

  private Optional<Converted> skeleton(
      XmlNode shape, String label, Map<String, AttributeValue> attributes, LossObject at) {
    List<Keypoint> points = new ArrayList<>();
    for (XmlNode child : shape.children()) {
      if (!child.name().equals("points")) {
        continue;
      }
      String name = child.attributes().getOrDefault("label", "");
      double[] xy = points(child, "points");
      if (name.isEmpty() || xy.length != 2) {
        throw cursor.errorAt(
            child.line(), "a skeleton's <points> needs a label and exactly one point");
      }
      Keypoint.Visibility visibility =
          bool(child, "outside")
              ? Keypoint.Visibility.NOT_LABELED
              : bool(child, CvatSchema.OCCLUDED)
                  ? Keypoint.Visibility.OCCLUDED
                  : Keypoint.Visibility.VISIBLE;
      if (points.stream().anyMatch(p -> p.name().equals(name))) {
        throw cursor.errorAt(child.line(), "the skeleton's point '" + name + "' is given twice");
      }
      points.add(new Keypoint(name, xy[0], xy[1], visibility));
    }
    if (points.isEmpty()) {
      context.lose(at, "empty skeleton skipped", "the <skeleton> has no points");
      return Optional.empty();
    }
    return Optional.of(
        new Converted(CvatSchema.SKELETON + label, new KeypointsValue(label, points, attributes)));
  }

  /** The shape's properties and {@code <attribute>} children, typed by the label's declaration. */
  Map<String, AttributeValue> attributes(XmlNode shape, String label, LossObject at) {
    Map<String, AttributeValue> values = new LinkedHashMap<>();
    Map<String, AttributeType> declared = types.getOrDefault(label, Map.of());
    values.put(CvatSchema.OCCLUDED, AttributeValue.of(bool(shape, CvatSchema.OCCLUDED)));
    values.put(
        CvatSchema.Z_ORDER,
        AttributeValue.of(
            shape.attribute(CvatSchema.Z_ORDER) == null ? 0 : number(shape, CvatSchema.Z_ORDER)));
    if (shape.attribute(CvatSchema.GROUP_ID) != null) {
      double group = number(shape, CvatSchema.GROUP_ID);
      if (group != 0) {
        values.put(CvatSchema.GROUP_ID, AttributeValue.of(group));
      }
    }
    String source = shape.attribute(CvatSchema.SOURCE);
    if (source != null) {
      values.put(CvatSchema.SOURCE, AttributeValue.of(source));
    }
    for (XmlNode child : shape.children()) {
      if (!child.name().equals("attribute")) {
        continue;
      }
      String name = child.attributes().getOrDefault("name", "");
      if (name.isEmpty()) {
        throw cursor.errorAt(child.line(), "an <attribute> has no name");
      }
      AttributeType type = declared.getOrDefault(name, AttributeType.TEXT);
      String text = child.text();
      AttributeValue value =
          switch (type) {
            case BOOLEAN -> {
              String flag = text.strip();
              if (flag.equalsIgnoreCase("true") || flag.equals("1")) {
                yield AttributeValue.of(true);
              }
              if (flag.equalsIgnoreCase("false") || flag.equals("0") || flag.isEmpty()) {
                yield AttributeValue.of(false);
              }
              throw cursor.errorAt(
                  child.line(),
                  "the attribute '"
                      + name
                      + "' is a checkbox, so true or false, not '"
                      + flag
                      + "'");
            }
            case NUMBER ->
                AttributeValue.of(parse(text, "the attribute '" + name + "'", child.line()));
            default -> AttributeValue.of(text);
          };
      if (values.put(name, value) != null && !CvatSchema.PROPERTIES.containsKey(name)) {
        throw cursor.errorAt(child.line(), "the attribute '" + name + "' is given twice");
      }
    }
    return values;
  }

  boolean bool(XmlNode shape, String name) {
    String value = shape.attribute(name);
    if (value == null) {
      return false;
    }
    return switch (value.strip()) {
      case "1", "true", "True" -> true;
      case "0", "false", "False", "" -> false;
      default ->
          throw cursor.errorAt(
              shape.line(),
              "<" + shape.name() + "> " + name + " must be 0 or 1, got '" + value + "'");
    };
  }

  double number(XmlNode shape, String name) {
    String value = shape.attribute(name);
    if (value == null) {
      throw cursor.errorAt(
          shape.line(), "the <" + shape.name() + "> has no " + name + " attribute");
    }
    return parse(value, "<" + shape.name() + "> " + name, shape.line());
  }

  int integer(XmlNode shape, String name) {
    double value = number(shape, name);
    if (value != Math.rint(value) || value < 0 || value > Integer.MAX_VALUE) {
      throw cursor.errorAt(
          shape.line(),
          "<" + shape.name() + "> " + name + " must be a whole number >= 0, got " + value);
    }
    return (int) value;
  }

  private double parse(String text, String what, long line) {
    String value = text.strip();
    try {
      double parsed = Double.parseDouble(value);
      if (Double.isFinite(parsed)
          && !value.endsWith("d")
          && !value.endsWith("f")
          && !value.endsWith("D")
          && !value.endsWith("F")) {
        return parsed;
      }
    } catch (NumberFormatException e) {
      throw cursor.errorAt(line, what + " must be a number, got '" + value + "'");
    }
    throw cursor.errorAt(line, what + " must be a finite number, got '" + value + "'");
  }

  /** The coordinates of {@code "x0,y0;x1,y1;..."}, flat. */
  double[] points(XmlNode shape, String attribute) {
    String text = shape.attribute(attribute);
    if (text == null) {
      throw cursor.errorAt(
          shape.line(), "the <" + shape.name() + "> has no " + attribute + " attribute");
    }
    if (text.isBlank()) {
      return new double[0];
    }
    String[] pairs = text.split(";", -1);
    double[] xy = new double[pairs.length * 2];
    for (int i = 0; i < pairs.length; i++) {
      String[] parts = pairs[i].split(",", -1);
      if (parts.length != 2) {
        throw cursor.errorAt(
            shape.line(),
            "<"
                + shape.name()
                + "> points must be x,y pairs separated by ';', got '"
                + pairs[i]
                + "'");
      }
      xy[2 * i] = parse(parts[0], "<" + shape.name() + "> point x", shape.line());
      xy[2 * i + 1] = parse(parts[1], "<" + shape.name() + "> point y", shape.line());
    }
    return xy;
  }

  /** How many points {@code "x0,y0;x1,y1;..."} holds, without checking them. */
  static int countPoints(@Nullable String text) {
    if (text == null || text.isBlank()) {
      return 0;
    }
    int n = 1;
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == ';') {
        n++;
      }
    }
    return n;
  }

  static List<Point> list(double[] xy) {
    List<Point> points = new ArrayList<>(xy.length / 2);
    for (int i = 0; i < xy.length; i += 2) {
      points.add(new Point(xy[i], xy[i + 1]));
    }
    return points;
  }
}
