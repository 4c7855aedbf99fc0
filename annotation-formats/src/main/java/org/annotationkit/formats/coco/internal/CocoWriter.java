package org.annotationkit.formats.coco.internal;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeMap;
import org.annotationkit.core.annotation.Annotation;
import org.annotationkit.core.annotation.AttributeValue;
import org.annotationkit.core.annotation.BoxValue;
import org.annotationkit.core.annotation.KeypointsValue;
import org.annotationkit.core.annotation.MaskValue;
import org.annotationkit.core.annotation.Origin;
import org.annotationkit.core.annotation.PolygonValue;
import org.annotationkit.core.annotation.RelationValue;
import org.annotationkit.core.annotation.Result;
import org.annotationkit.core.annotation.ReviewState;
import org.annotationkit.core.annotation.Value;
import org.annotationkit.core.dataset.DatasetEntry;
import org.annotationkit.core.dataset.DatasetSource;
import org.annotationkit.core.geometry.Box;
import org.annotationkit.core.geometry.Keypoint;
import org.annotationkit.core.geometry.Point;
import org.annotationkit.core.geometry.Polygon;
import org.annotationkit.core.geometry.RleMask;
import org.annotationkit.core.item.ImageItem;
import org.annotationkit.core.item.Item;
import org.annotationkit.core.schema.Field;
import org.annotationkit.core.schema.FieldKind;
import org.annotationkit.core.schema.Label;
import org.annotationkit.core.schema.Schema;
import org.annotationkit.core.schema.Skeleton;
import org.annotationkit.formats.ConversionContext;
import org.annotationkit.formats.LossObject;
import org.annotationkit.formats.coco.CocoFormat;
import org.annotationkit.formats.coco.CocoRle;
import org.annotationkit.formats.internal.JsonNumbers;
import org.annotationkit.formats.voc.VocFormat;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonEncoding;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.json.JsonWriteFeature;

/**
 * Writes core's dataset model as one COCO file, streaming: the annotations are written as they
 * come; the images (small records) and the categories are kept and written after them, so that a
 * label first met in an annotation still gets its category. The file is one JSON object {@code
 * {"info", "annotations", "images", "categories"}}: JSON objects are unordered, and COCO readers
 * (pycocotools, this one) take the keys in any order.
 *
 * <p>Results are grouped into COCO annotations (instances) by their id: the results whose ids agree
 * up to the first {@code /} (or are that prefix) are one instance, as the reader names them ({@code
 * 17/box}, {@code 17/polygon-1}, {@code 17/keypoints}); any other result is an instance of its own.
 * An instance holds at most one box, polygons or one mask, and one set of keypoints; what does not
 * fit starts another instance.
 */
public final class CocoWriter {
  private static final JsonFactory FACTORY =
      JsonFactory.builder().disable(JsonWriteFeature.ESCAPE_FORWARD_SLASHES).build();

  private final ConversionContext context;
  private final JsonGenerator out;
  private final Map<String, CategoryOut> categories = new LinkedHashMap<>();
  private final Map<String, ImageOut> imageIds = new HashMap<>();
  private final Set<String> skippedItems = new HashSet<>();
  private final List<ImageOut> images = new ArrayList<>();
  private final LongSet usedImageIds = new LongSet();
  private final LongSet usedAnnotationIds = new LongSet();
  private final Set<String> annotators = new HashSet<>();
  private final Set<String> models = new HashSet<>();
  private long nextImageId = 1;
  private long nextAnnotationId = 1;
  private long written;
  private final char[] scratch = new char[32];

  private CocoWriter(ConversionContext context, JsonGenerator out) {
    this.context = context;
    this.out = out;
  }

  /**
   * Writes every entry of a source to a COCO file.
   *
   * @param source the dataset, read to its end, not closed
   * @param output the file to create
   * @param context where losses and counts go
   * @throws UncheckedIOException if writing fails
   */
  public static void write(DatasetSource source, Path output, ConversionContext context) {
    try (OutputStream stream = new BufferedOutputStream(Files.newOutputStream(output), 1 << 16);
        JsonGenerator out =
            FACTORY.createGenerator(ObjectWriteContext.empty(), stream, JsonEncoding.UTF8)) {
      new CocoWriter(context, out).writeAll(source);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + output + ": " + e.getMessage(), e);
    } catch (JacksonException e) {
      if (e.getCause() instanceof IOException io) {
        throw new UncheckedIOException("cannot write " + output + ": " + io.getMessage(), io);
      }
      throw e;
    }
  }

  private void writeAll(DatasetSource source) {
    Schema schema = source.schema();
    categoriesOf(schema);
    out.writeStartObject();
    out.writeName("info");
    out.writeStartObject();
    if (schema.description().isPresent()) {
      out.writeStringProperty("description", schema.description().get());
    }
    out.writeEndObject();
    out.writeName("annotations");
    out.writeStartArray();
    while (source.hasNext()) {
      entry(source.next());
    }
    out.writeEndArray();
    out.writeName("images");
    out.writeStartArray();
    for (ImageOut image : images) {
      image(image);
    }
    out.writeEndArray();
    out.writeName("categories");
    out.writeStartArray();
    for (CategoryOut category : categories.values()) {
      category(category);
    }
    out.writeEndArray();
    out.writeEndObject();
    context.wrote(images.size(), written);
    checkSchema(schema);
  }

  /** The categories the schema's region fields name, numbered 1..N in the order they come. */
  private void categoriesOf(Schema schema) {
    for (Field field : schema.fields()) {
      if (!isCocoKind(field.kind())) {
        continue;
      }
      for (Label label : field.labels().all()) {
        CategoryOut category = category(label.name());
        category.parent = field.labels().parentOf(label.name()).orElse(category.parent);
        if (category.color.isEmpty()) {
          category.color = label.color();
        }
      }
      Optional<Skeleton> skeleton = field.skeleton();
      if (field.kind() == FieldKind.KEYPOINTS && skeleton.isPresent()) {
        for (Label label : field.labels().all()) {
          CategoryOut category = category(label.name());
          if (category.skeleton == null) {
            category.skeleton = skeleton.get();
          } else if (!category.skeleton.equals(skeleton.get())) {
            context.lose(
                LossObject.input(),
                "skeleton dropped",
                "the label "
                    + Json.quote(label.name())
                    + " has another skeleton in field "
                    + Json.quote(field.name())
                    + ": a COCO category has one");
          }
        }
      }
    }
  }

  private static boolean isCocoKind(FieldKind kind) {
    return kind == FieldKind.BOX
        || kind == FieldKind.POLYGON
        || kind == FieldKind.MASK
        || kind == FieldKind.KEYPOINTS;
  }

  private CategoryOut category(String label) {
    return categories.computeIfAbsent(label, name -> new CategoryOut(categories.size() + 1, name));
  }

  private void entry(DatasetEntry entry) {
    Item item = entry.item();
    ImageOut known = imageIds.get(item.id());
    if (known == null && !skippedItems.contains(item.id())) {
      if (item instanceof ImageItem image) {
        known = new ImageOut(assign(item.id(), usedImageIds, true), image, fileName(image));
        imageIds.put(item.id(), known);
        images.add(known);
      } else {
        skippedItems.add(item.id());
        context.lose(
            LossObject.item(item.id()),
            "item dropped",
            "the item is "
                + item.kind().name().toLowerCase(java.util.Locale.ROOT)
                + ", COCO holds images");
      }
    }
    if (known == null) {
      for (Annotation annotation : entry.annotations()) {
        context.lose(
            LossObject.item(item.id()).withAnnotation(annotation.id()),
            "annotation dropped",
            "its item is not an image");
      }
      return;
    }
    ImageItem image = (ImageItem) item;
    for (Annotation annotation : entry.annotations()) {
      annotation(known.id(), known.fileName(), image, annotation);
    }
  }

  /** An id for an image or annotation: the key itself when it is a free integer. */
  private long assign(String key, LongSet used, boolean image) {
    long parsed = canonicalLong(key);
    if (parsed != Long.MIN_VALUE && used.add(parsed)) {
      return parsed;
    }
    long id;
    if (image) {
      while (!used.add(nextImageId)) {
        nextImageId++;
      }
      id = nextImageId++;
    } else {
      while (!used.add(nextAnnotationId)) {
        nextAnnotationId++;
      }
      id = nextAnnotationId++;
    }
    return id;
  }

  /** The key as a long if it is one written canonically (no sign, no leading zeros), else MIN. */
  private static long canonicalLong(String key) {
    int n = key.length();
    if (n == 0 || n > 18 || (n > 1 && key.charAt(0) == '0')) {
      return Long.MIN_VALUE;
    }
    long value = 0;
    for (int i = 0; i < n; i++) {
      char c = key.charAt(i);
      if (c < '0' || c > '9') {
        return Long.MIN_VALUE;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }

  /**
   * The {@code file_name} of an image (FORMATS.md 1.12): the path of a relative reference as it is,
   * sub-folders kept; for an absolute URI, the base name of its path, percent-decoded (for Label
   * Studio's local-files URLs, of the {@code d=} parameter).
   */
  static String fileName(ImageItem image) {
    URI uri = image.uri();
    if (uri.getScheme() == null && uri.getRawQuery() == null) {
      String path = uri.getPath();
      if (path != null && !path.isEmpty()) {
        return path;
      }
    }
    String path = uri.getRawPath();
    String query = uri.getRawQuery();
    if (query != null) {
      for (String part : query.split("&", -1)) {
        if (part.startsWith("d=")) {
          path = part.substring(2);
        }
      }
    }
    if (path == null || path.isEmpty()) {
      String text = uri.getSchemeSpecificPart();
      return text == null || text.isEmpty() ? image.id() : text;
    }
    int slash = path.lastIndexOf('/');
    String base = slash >= 0 ? path.substring(slash + 1) : path;
    String decoded = URLDecoder.decode(base.replace("+", "%2B"), StandardCharsets.UTF_8);
    return decoded.isEmpty() ? image.id() : decoded;
  }

  private void annotation(long imageId, String imageName, ImageItem image, Annotation annotation) {
    LossObject about = LossObject.image(imageName).withAnnotation(annotation.id());
    if (!annotation.annotatorId().equals(CocoReader.ANNOTATOR)
        && annotators.add(annotation.annotatorId())) {
      context.lose(
          LossObject.input(),
          "annotator dropped",
          "COCO records no annotators: the annotations of "
              + Json.quote(annotation.annotatorId())
              + " are written without their annotator");
    }
    if (annotation.origin() instanceof Origin.Model model
        && models.add(model.name() + "\u0000" + model.version())) {
      context.lose(
          LossObject.input(),
          "model origin dropped",
          "COCO records no models: the annotations of model "
              + Json.quote(model.name())
              + " "
              + Json.quote(model.version())
              + " are written as plain annotations (result scores are kept as \"score\")");
    }
    if (annotation.createdAt().isPresent()
        || annotation.leadTimeSeconds().isPresent()
        || annotation.reviewState() != ReviewState.UNREVIEWED) {
      context.lose(
          about,
          "annotation metadata dropped",
          "COCO has no place for the creation time, lead time or review state");
    }
    Map<String, List<Instance>> groups = new LinkedHashMap<>();
    for (Result result : annotation.results()) {
      Value value = result.value();
      String label = labelOf(value);
      if (value instanceof RelationValue relation) {
        relationLost(about, annotation, result, relation);
        continue;
      }
      if (label == null) {
        context.lose(
            about.withAnnotation(annotation.id() + "/" + result.id()),
            value.kind().jsonName() + " dropped",
            "COCO holds boxes, polygons, masks and keypoints, not "
                + value.kind().jsonName()
                + " results");
        continue;
      }
      int slash = result.id().indexOf('/');
      String key = slash < 0 ? result.id() : result.id().substring(0, slash);
      List<Instance> group = groups.computeIfAbsent(key, k -> new ArrayList<>(1));
      Instance target = null;
      for (Instance instance : group) {
        if (instance.label.equals(label) && instance.takes(value)) {
          target = instance;
          break;
        }
      }
      if (target == null) {
        target = new Instance(key, label);
        group.add(target);
      }
      target.add(result);
    }
    for (List<Instance> group : groups.values()) {
      for (Instance instance : group) {
        instance(imageId, image, about, instance);
      }
    }
  }

  /**
   * Reports a relation, naming both its ends: COCO has no links between instances, so a VOC part (a
   * box with a {@value VocFormat#PART_OF} relation to its object) becomes an instance of its own.
   */
  private void relationLost(
      LossObject about, Annotation annotation, Result result, RelationValue relation) {
    LossObject at = about.withAnnotation(annotation.id() + "/" + result.id());
    String from = describe(annotation, relation.from());
    String to = describe(annotation, relation.to());
    if (result.field().equals(VocFormat.PART_OF)) {
      context.lose(
          at,
          "part dropped",
          "COCO has no parts: the part "
              + from
              + " of the object "
              + to
              + " is written as an instance of its own, no longer linked to its object");
    } else {
      context.lose(
          at,
          "relation dropped",
          "COCO has no relations between instances: the relation"
              + relation.label().map(l -> " " + Json.quote(l)).orElse("")
              + " from "
              + from
              + " to "
              + to
              + " is not written");
    }
  }

  /** A result of the annotation by id and, for a region, its label: {@code "2.1" (head)}. */
  private static String describe(Annotation annotation, String resultId) {
    for (Result result : annotation.results()) {
      if (result.id().equals(resultId)) {
        String label = labelOf(result.value());
        return Json.quote(resultId) + (label == null ? "" : " (" + Json.quote(label) + ")");
      }
    }
    return Json.quote(resultId);
  }

  private static @Nullable String labelOf(Value value) {
    return switch (value) {
      case BoxValue box -> box.label();
      case PolygonValue polygon -> polygon.label();
      case MaskValue mask -> mask.label();
      case KeypointsValue keypoints -> keypoints.label();
      default -> null;
    };
  }

  private void instance(long imageId, ImageItem image, LossObject about, Instance instance) {
    long id = assign(instance.key, usedAnnotationIds, false);
    if (id != canonicalLong(instance.key)) {
      context.lose(
          about,
          "annotation id replaced",
          "COCO annotation ids are integers, one per instance: "
              + Json.quote(instance.key)
              + " is written as "
              + id);
    }
    CategoryOut category = category(instance.label);
    Map<String, AttributeValue> attributes = new TreeMap<>();
    boolean crowd = false;
    OptionalDouble score = OptionalDouble.empty();
    for (Result result : instance.results) {
      if (score.isEmpty()) {
        score = result.score();
      }
      for (Map.Entry<String, AttributeValue> attribute : attributesOf(result.value()).entrySet()) {
        if (attribute.getKey().equals(CocoFormat.CROWD)) {
          crowd |= isTrue(attribute.getValue());
          continue;
        }
        AttributeValue before = attributes.putIfAbsent(attribute.getKey(), attribute.getValue());
        if (before != null && !before.equals(attribute.getValue())) {
          context.lose(
              about,
              "attribute dropped",
              "the instance's results give the attribute \""
                  + attribute.getKey()
                  + "\" two values; COCO keeps the first");
        }
      }
    }
    Box box = instance.box == null ? null : instance.box.box();
    List<double[]> polygons = new ArrayList<>();
    double area = 0;
    double minX = Double.POSITIVE_INFINITY;
    double minY = Double.POSITIVE_INFINITY;
    double maxX = Double.NEGATIVE_INFINITY;
    double maxY = Double.NEGATIVE_INFINITY;
    for (PolygonValue value : instance.polygons) {
      Polygon polygon = value.polygon();
      if (!polygon.holes().isEmpty()) {
        context.lose(
            about,
            "polygon holes dropped",
            "COCO polygons have no holes: "
                + polygon.holes().size()
                + (polygon.holes().size() == 1 ? " hole" : " holes")
                + " dropped, the exterior kept");
      }
      double[] xy = flat(polygon.exterior());
      polygons.add(xy);
    }
    if (box != null && box.isRotated()) {
      context.lose(
          about,
          "rotation dropped",
          "COCO boxes are axis-aligned: the box rotated by "
              + box.rotation()
              + " degrees is written as its hull in \"bbox\", its corners as the segmentation"
              + " and its angle as attributes.rotation (which the coco reader reads back as the"
              + " rotated box; other COCO readers see the hull and the polygon)");
      polygons.add(flat(box.corners()));
      attributes.put("rotation", AttributeValue.of(box.rotation()));
    }
    for (double[] xy : polygons) {
      area += CocoGeometry.shoelace(xy);
      for (int i = 0; i < xy.length; i += 2) {
        minX = Math.min(minX, xy[i]);
        maxX = Math.max(maxX, xy[i]);
        minY = Math.min(minY, xy[i + 1]);
        maxY = Math.max(maxY, xy[i + 1]);
      }
    }
    Box bbox;
    RleMask mask = instance.mask == null ? null : instance.mask.mask();
    if (box != null && box.isRotated()) {
      bbox = box.bounds();
      area = box.area();
    } else if (box != null) {
      bbox = box.rotation() == 0 ? box : Box.of(box.x(), box.y(), box.width(), box.height());
      if (polygons.isEmpty() && mask == null) {
        area = bbox.area();
      }
    } else if (!polygons.isEmpty()) {
      bbox = Box.of(minX, minY, maxX - minX, maxY - minY);
    } else if (mask != null) {
      bbox = mask.bounds();
    } else {
      bbox = keypointBounds(instance.keypoints);
    }
    if (mask != null) {
      area = mask.area();
    }
    out.writeStartObject();
    out.writeNumberProperty("id", id);
    out.writeNumberProperty("image_id", imageId);
    out.writeNumberProperty("category_id", category.id);
    out.writeName("bbox");
    out.writeStartArray();
    number(bbox.x());
    number(bbox.y());
    number(bbox.width());
    number(bbox.height());
    out.writeEndArray();
    out.writeName("area");
    number(area);
    out.writeNumberProperty("iscrowd", crowd ? 1 : 0);
    out.writeName("segmentation");
    if (mask != null) {
      if (mask.height() != image.height() || mask.width() != image.width()) {
        context.lose(
            about,
            "mask size differs from the image",
            "the mask is "
                + mask.height()
                + " x "
                + mask.width()
                + ", its image "
                + image.height()
                + " x "
                + image.width()
                + ": COCO readers expect the image's size");
      }
      out.writeStartObject();
      out.writeName("size");
      out.writeStartArray();
      out.writeNumber(mask.height());
      out.writeNumber(mask.width());
      out.writeEndArray();
      if (crowd) {
        // COCO's crowd annotations hold uncompressed counts.
        out.writeName("counts");
        out.writeStartArray();
        for (int i = 0; i < mask.runCount(); i++) {
          out.writeNumber(mask.count(i));
        }
        out.writeEndArray();
      } else {
        out.writeStringProperty("counts", CocoRle.toCompressed(mask));
      }
      out.writeEndObject();
    } else {
      out.writeStartArray();
      for (double[] xy : polygons) {
        out.writeStartArray();
        for (double v : xy) {
          number(v);
        }
        out.writeEndArray();
      }
      out.writeEndArray();
    }
    if (instance.keypoints != null) {
      keypoints(category, instance.keypoints, about);
    }
    if (!attributes.isEmpty()) {
      out.writeName("attributes");
      out.writeStartObject();
      for (Map.Entry<String, AttributeValue> attribute : attributes.entrySet()) {
        out.writeName(attribute.getKey());
        switch (attribute.getValue()) {
          case AttributeValue.Bool b -> out.writeBoolean(b.value());
          case AttributeValue.Number n -> out.writeNumber(n.value());
          case AttributeValue.Text t -> out.writeString(t.value());
        }
      }
      out.writeEndObject();
    }
    if (score.isPresent()) {
      out.writeNumberProperty("score", score.getAsDouble());
    }
    out.writeEndObject();
    written++;
  }

  /** A coordinate or area, as {@link JsonGenerator#writeNumber(double)} writes it, faster. */
  private void number(double value) {
    JsonNumbers.write(out, value, scratch);
  }

  private void keypoints(CategoryOut category, KeypointsValue value, LossObject about) {
    if (category.skeleton == null) {
      List<String> names = new ArrayList<>(value.points().size());
      for (Keypoint point : value.points()) {
        names.add(point.name());
      }
      category.skeleton = new Skeleton(names, List.of());
    }
    List<String> names = category.skeleton.points();
    Map<String, Keypoint> byName = new HashMap<>();
    for (Keypoint point : value.points()) {
      if (names.contains(point.name())) {
        byName.put(point.name(), point);
      } else {
        context.lose(
            about,
            "keypoint dropped",
            "the keypoint "
                + Json.quote(point.name())
                + " is not one of category "
                + Json.quote(category.name)
                + "'s keypoints");
      }
    }
    int labeled = 0;
    out.writeName("keypoints");
    out.writeStartArray();
    for (String name : names) {
      Keypoint point = byName.get(name);
      if (point == null) {
        out.writeNumber(0);
        out.writeNumber(0);
        out.writeNumber(0);
      } else {
        number(point.x());
        number(point.y());
        out.writeNumber(point.visibility().cocoFlag());
        labeled += point.visibility() == Keypoint.Visibility.NOT_LABELED ? 0 : 1;
      }
    }
    out.writeEndArray();
    out.writeNumberProperty("num_keypoints", labeled);
  }

  private static Box keypointBounds(@Nullable KeypointsValue value) {
    if (value == null) {
      return Box.of(0, 0, 0, 0);
    }
    double minX = Double.POSITIVE_INFINITY;
    double minY = Double.POSITIVE_INFINITY;
    double maxX = Double.NEGATIVE_INFINITY;
    double maxY = Double.NEGATIVE_INFINITY;
    for (Keypoint point : value.points()) {
      if (point.visibility() != Keypoint.Visibility.NOT_LABELED) {
        minX = Math.min(minX, point.x());
        maxX = Math.max(maxX, point.x());
        minY = Math.min(minY, point.y());
        maxY = Math.max(maxY, point.y());
      }
    }
    return minX > maxX ? Box.of(0, 0, 0, 0) : Box.of(minX, minY, maxX - minX, maxY - minY);
  }

  private static boolean isTrue(AttributeValue value) {
    return switch (value) {
      case AttributeValue.Bool b -> b.value();
      case AttributeValue.Number n -> n.value() != 0;
      case AttributeValue.Text t -> t.value().equals("1") || t.value().equalsIgnoreCase("true");
    };
  }

  private static Map<String, AttributeValue> attributesOf(Value value) {
    return switch (value) {
      case BoxValue box -> box.attributes();
      case PolygonValue polygon -> polygon.attributes();
      case MaskValue mask -> mask.attributes();
      case KeypointsValue keypoints -> keypoints.attributes();
      default -> Map.of();
    };
  }

  private static double[] flat(List<Point> points) {
    double[] xy = new double[2 * points.size()];
    for (int i = 0; i < points.size(); i++) {
      xy[2 * i] = points.get(i).x();
      xy[2 * i + 1] = points.get(i).y();
    }
    return xy;
  }

  private void image(ImageOut image) {
    out.writeStartObject();
    out.writeNumberProperty("id", image.id);
    out.writeStringProperty("file_name", image.fileName);
    out.writeNumberProperty("width", image.item.width());
    out.writeNumberProperty("height", image.item.height());
    for (Map.Entry<String, String> entry : image.item.metadata().entrySet()) {
      String key = entry.getKey();
      if (key.equals("id")
          || key.equals("file_name")
          || key.equals("width")
          || key.equals("height")) {
        context.lose(
            LossObject.image(image.fileName),
            "image metadata dropped",
            "the metadata \"" + key + "\" would replace the image's own \"" + key + "\"");
        continue;
      }
      out.writeName(key);
      String text = entry.getValue();
      if (isJsonNumber(text)) {
        out.writeNumber(text);
      } else if (text.equals("true") || text.equals("false")) {
        out.writeBoolean(text.equals("true"));
      } else {
        out.writeString(text);
      }
    }
    out.writeEndObject();
    if (!image.item.id().equals(Long.toString(image.id))) {
      context.lose(
          LossObject.image(image.fileName),
          "image id replaced",
          "COCO image ids are integers, one per image: "
              + Json.quote(image.item.id())
              + " is written as "
              + image.id);
    }
  }

  /** Whether a text is a JSON number (as the reader keeps a number found in an image's keys). */
  private static boolean isJsonNumber(String text) {
    return text.matches("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?") && text.length() < 400;
  }

  private void category(CategoryOut category) {
    out.writeStartObject();
    out.writeNumberProperty("id", category.id);
    out.writeStringProperty("name", category.name);
    if (category.parent != null) {
      out.writeStringProperty("supercategory", category.parent);
    }
    if (category.color.isPresent()) {
      out.writeStringProperty("color", category.color.get());
    }
    Skeleton skeleton = category.skeleton;
    if (skeleton != null) {
      out.writeName("keypoints");
      out.writeStartArray();
      for (String point : skeleton.points()) {
        out.writeString(point);
      }
      out.writeEndArray();
      out.writeName("skeleton");
      out.writeStartArray();
      for (Skeleton.Edge edge : skeleton.edges()) {
        out.writeStartArray();
        out.writeNumber(skeleton.points().indexOf(edge.from()) + 1);
        out.writeNumber(skeleton.points().indexOf(edge.to()) + 1);
        out.writeEndArray();
      }
      out.writeEndArray();
    }
    out.writeEndObject();
  }

  /** Reports what of the schema the categories written do not carry. */
  private void checkSchema(Schema schema) {
    List<CocoCategory> written = new ArrayList<>(categories.size());
    for (CategoryOut category : categories.values()) {
      Skeleton skeleton = category.skeleton;
      written.add(
          new CocoCategory(
              category.name,
              category.color,
              skeleton == null ? List.of() : skeleton.points(),
              skeleton == null ? List.of() : skeleton.edges()));
    }
    Schema back;
    try {
      back = written.isEmpty() ? null : CocoSchema.of(written, schema.description());
    } catch (IllegalArgumentException e) {
      back = null;
    }
    if (!schema.equals(back)) {
      context.lose(
          LossObject.input(),
          "schema simplified",
          "COCO keeps the categories (names, colours, keypoints and skeletons) and the"
              + " description: the schema "
              + Json.quote(schema.name())
              + " reads back as "
              + Json.quote(CocoFormat.SCHEMA_NAME)
              + " with the fields "
              + (back == null ? "of its categories" : fieldNames(back)));
    }
  }

  private static String fieldNames(Schema schema) {
    List<String> names = new ArrayList<>();
    for (Field field : schema.fields()) {
      names.add(field.name());
    }
    return String.join(", ", names);
  }

  /** A category being collected. */
  private static final class CategoryOut {
    final long id;
    final String name;
    @Nullable String parent;
    Optional<String> color = Optional.empty();
    @Nullable Skeleton skeleton;

    CategoryOut(long id, String name) {
      this.id = id;
      this.name = name;
    }
  }

  /** An image kept to be written after the annotations. */
  private record ImageOut(long id, ImageItem item, String fileName) {}

  /** The results that make one COCO annotation. */
  private static final class Instance {
    final String key;
    final String label;
    final List<Result> results = new ArrayList<>(2);
    @Nullable BoxValue box;
    final List<PolygonValue> polygons = new ArrayList<>(1);
    @Nullable MaskValue mask;
    @Nullable KeypointsValue keypoints;

    Instance(String key, String label) {
      this.key = key;
      this.label = label;
    }

    boolean takes(Value value) {
      boolean rotated = box != null && box.box().isRotated();
      return switch (value) {
        case BoxValue b ->
            box == null && (!b.box().isRotated() || (polygons.isEmpty() && mask == null));
        case PolygonValue p -> mask == null && !rotated;
        case MaskValue m -> mask == null && polygons.isEmpty() && !rotated;
        case KeypointsValue k -> keypoints == null;
        default -> false;
      };
    }

    void add(Result result) {
      results.add(result);
      switch (result.value()) {
        case BoxValue b -> box = b;
        case PolygonValue p -> polygons.add(p);
        case MaskValue m -> mask = m;
        case KeypointsValue k -> keypoints = k;
        default -> throw new IllegalStateException("not a COCO value: " + result.value().kind());
      }
    }
  }
}
