package org.annotationkit.formats.labelstudio;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.annotationkit.core.annotation.Annotation;
import org.annotationkit.core.annotation.BoxValue;
import org.annotationkit.core.annotation.ChoiceValue;
import org.annotationkit.core.annotation.KeypointsValue;
import org.annotationkit.core.annotation.MaskValue;
import org.annotationkit.core.annotation.MultipleChoiceValue;
import org.annotationkit.core.annotation.PolygonValue;
import org.annotationkit.core.annotation.Result;
import org.annotationkit.core.annotation.Value;
import org.annotationkit.core.dataset.DatasetEntry;
import org.annotationkit.core.geometry.Box;
import org.annotationkit.core.geometry.Keypoint;
import org.annotationkit.core.geometry.Polygon;
import org.annotationkit.core.item.ImageItem;
import org.annotationkit.core.schema.Field;
import org.annotationkit.core.schema.FieldKind;
import org.annotationkit.core.schema.Schema;
import org.annotationkit.formats.ConversionContext;
import org.annotationkit.formats.LossObject;
import org.jspecify.annotations.Nullable;

/**
 * Turns a {@link RawTask} into an item with its annotations, under the schema: percentages to
 * pixels, Label Studio's rotation about the top-left corner to core's about the centre, brush
 * streams to masks; and reports what it cannot carry.
 */
final class TaskConverter {
  private final Schema schema;
  private final @Nullable LabelingConfig config;
  private final Map<String, int[]> sizes;
  private final ConversionContext context;

  TaskConverter(
      Schema schema,
      @Nullable LabelingConfig config,
      Map<String, int[]> sizes,
      ConversionContext context) {
    this.schema = schema;
    this.config = config;
    this.sizes = sizes;
    this.context = context;
  }

  /** The entry of a task, or empty when the task has no image or no size (reported). */
  Optional<DatasetEntry> convert(RawTask task) {
    LossObject where = LossObject.image(task.id());
    Optional<String> imageKey = imageKey(task);
    if (imageKey.isEmpty()) {
      context.lose(where, "task skipped", "the task's data has no image reference");
      return Optional.empty();
    }
    Node referenceNode = java.util.Objects.requireNonNull(task.data().get(imageKey.get()));
    String reference = referenceNode.string();
    int[] size = size(task, reference);
    if (size == null) {
      context.lose(
          where,
          "task skipped",
          "no result gives the image's size (original_width, original_height) and the sizes"
              + " table has no row for "
              + fileName(reference));
      return Optional.empty();
    }
    Map<String, String> metadata = new LinkedHashMap<>();
    for (Map.Entry<String, Node> entry : task.data().entrySet()) {
      if (entry.getKey().equals(imageKey.get())) {
        continue;
      }
      Optional<String> text = entry.getValue().scalarText();
      if (text.isPresent()) {
        metadata.put(entry.getKey(), text.get());
      } else if (!entry.getValue().isNull()) {
        context.lose(
            where,
            "task data dropped",
            "the data key \"" + entry.getKey() + "\" holds " + entry.getValue().describe());
      }
    }
    ImageItem item = new ImageItem(task.id(), uri(referenceNode), size[0], size[1], metadata);
    List<Annotation> annotations = new ArrayList<>();
    for (RawTask.RawAnnotation raw : task.annotations()) {
      LossObject annotationWhere = where.withAnnotation(raw.id());
      if (raw.cancelled()) {
        context.lose(
            annotationWhere,
            "cancelled annotation skipped",
            "the annotator " + raw.annotator() + " skipped the task (was_cancelled)");
        continue;
      }
      Annotation.Builder builder =
          Annotation.builder(raw.id(), task.id(), raw.annotator()).origin(raw.origin());
      raw.createdAt().ifPresent(builder::createdAt);
      raw.leadTime().ifPresent(builder::leadTimeSeconds);
      Set<String> ids = new HashSet<>();
      int position = 0;
      for (RawTask.RawResult result : raw.results()) {
        String id = result.id().orElse(raw.id() + "-" + position);
        position++;
        LossObject resultWhere = where.withAnnotation(id);
        if (!ids.add(id)) {
          context.lose(
              resultWhere,
              "per-region result dropped",
              "a second result of the region "
                  + id
                  + " ("
                  + result.type()
                  + " of \""
                  + result.fromName()
                  + "\")");
          continue;
        }
        Optional<Result> converted = result(result, id, item, resultWhere);
        converted.ifPresent(builder::result);
      }
      annotations.add(builder.build());
    }
    return Optional.of(new DatasetEntry(item, annotations));
  }

  private Optional<String> imageKey(RawTask task) {
    if (config != null) {
      Optional<String> key = config.images().values().stream().findFirst();
      if (key.isPresent()
          && task.data().containsKey(key.get())
          && task.data().get(key.get()).type() == Node.Type.STRING) {
        return key;
      }
    }
    Node image = task.data().get("image");
    if (image != null && image.type() == Node.Type.STRING) {
      return Optional.of("image");
    }
    for (Map.Entry<String, Node> entry : task.data().entrySet()) {
      if (entry.getValue().type() == Node.Type.STRING) {
        return Optional.of(entry.getKey());
      }
    }
    return Optional.empty();
  }

  private int @Nullable [] size(RawTask task, String reference) {
    for (RawTask.RawAnnotation annotation : task.annotations()) {
      for (RawTask.RawResult result : annotation.results()) {
        if (result.width().isPresent() && result.height().isPresent()) {
          return new int[] {result.width().getAsInt(), result.height().getAsInt()};
        }
      }
    }
    int[] own = taskSize(task.where());
    if (own == null) {
      Optional<Node> meta = task.where().get("meta").filter(Node::isObject);
      own = meta.isPresent() ? taskSize(meta.get()) : null;
    }
    return own != null ? own : sizes.get(fileName(reference));
  }

  /**
   * The image size a task (or its meta, or a JSON-MIN record) gives itself, as this writer writes
   * it.
   */
  private static int @Nullable [] taskSize(Node node) {
    OptionalInt width = RawTask.size(node, "original_width");
    OptionalInt height = RawTask.size(node, "original_height");
    return width.isPresent() && height.isPresent()
        ? new int[] {width.getAsInt(), height.getAsInt()}
        : null;
  }

  /** The file name of an image reference: its last path part, percent-decoded. */
  static String fileName(String reference) {
    String path = reference;
    int query = path.indexOf("?d=");
    if (query >= 0) {
      path = path.substring(query + 3);
    } else {
      int q = path.indexOf('?');
      if (q >= 0) {
        path = path.substring(0, q);
      }
    }
    int slash = path.lastIndexOf('/');
    String name = slash >= 0 ? path.substring(slash + 1) : path;
    try {
      return URLDecoder.decode(name.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return name;
    }
  }

  /** An image reference as a URI; characters a URI cannot hold are percent-encoded. */
  static URI uri(Node reference) {
    String text = reference.string();
    try {
      return new URI(text);
    } catch (URISyntaxException e) {
      StringBuilder encoded = new StringBuilder();
      for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
        int c = b & 0xFF;
        if (c > 0x20 && c < 0x7F && c != '%' && c != '"' && c != '<' && c != '>' && c != '\\'
            && c != '^' && c != '`' && c != '{' && c != '|' && c != '}') {
          encoded.append((char) c);
        } else {
          encoded
              .append('%')
              .append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
              .append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
        }
      }
      try {
        return new URI(encoded.toString());
      } catch (URISyntaxException again) {
        throw reference.error("the image reference is not a URI: " + again.getMessage(), again);
      }
    }
  }

  private Optional<Result> result(
      RawTask.RawResult result, String id, ImageItem item, LossObject where) {
    Optional<ResultType> type = ResultType.ofJson(result.type());
    if (type.isEmpty()) {
      context.lose(where, "result skipped", "results of type " + result.type() + " are not read");
      return Optional.empty();
    }
    Optional<Field> found = schema.field(result.fromName());
    if (found.isEmpty() || ResultType.ofKind(found.get().kind()).orElse(null) != type.get()) {
      context.lose(
          where,
          "result skipped",
          config != null && found.isEmpty()
              ? "the control \"" + result.fromName() + "\" is not in the labeling config"
              : "the " + result.type() + " result of \"" + result.fromName() + "\" has no field");
      return Optional.empty();
    }
    Field field = found.get();
    if (result.imageRotation() != 0) {
      context.lose(
          where,
          "image rotation ignored",
          "image_rotation " + result.imageRotation() + " is not applied to the coordinates");
    }
    Node value = result.value();
    List<String> labels = new ArrayList<>();
    for (String label : SchemaInference.labelsOf(result, type.get())) {
      if (field.labels().contains(label)) {
        if (!labels.contains(label)) {
          labels.add(label);
        }
      } else {
        context.lose(
            where, "label dropped", "the label \"" + label + "\" is not a valid label name");
      }
    }
    if (labels.isEmpty()) {
      if (field.kind() != FieldKind.MULTIPLE_CHOICE) {
        context.lose(where, "result skipped", "the " + result.type() + " result has no label");
        return Optional.empty();
      }
    } else if (labels.size() > 1 && field.kind() != FieldKind.MULTIPLE_CHOICE) {
      context.lose(
          where,
          "extra labels dropped",
          "the result has the labels " + labels + "; the region keeps " + labels.get(0));
    }
    int width = result.width().orElse(item.width());
    int height = result.height().orElse(item.height());
    Value converted =
        switch (field.kind()) {
          case BOX -> box(value, labels.get(0), width, height, field, where);
          case POLYGON -> polygon(value, labels.get(0), width, height, where);
          case KEYPOINTS -> keypoint(value, labels.get(0), width, height);
          case MASK -> mask(value, labels.get(0), result, item, where);
          case SINGLE_CHOICE -> new ChoiceValue(labels.get(0));
          case MULTIPLE_CHOICE -> new MultipleChoiceValue(labels);
          default -> null;
        };
    if (converted == null) {
      return Optional.empty();
    }
    return Optional.of(new Result(id, field.name(), converted, result.score()));
  }

  private @Nullable Value box(
      Node value, String label, int width, int height, Field field, LossObject where) {
    double x = value.require("x").number() / 100 * width;
    double y = value.require("y").number() / 100 * height;
    double w = value.require("width").number() / 100 * width;
    double h = value.require("height").number() / 100 * height;
    double rotation = value.number("rotation").orElse(0);
    Box box = Box.aboutCorner(x, y, w, h, rotation);
    if (w < 0 || h < 0) {
      context.lose(
          where,
          "negative box size normalised",
          "width " + w + " and height " + h + " px: the same rectangle with positive sizes");
    }
    if (box.isRotated() && !field.rotatable()) {
      context.lose(
          where,
          "rotation dropped",
          "the field \""
              + field.name()
              + "\" cannot rotate (canRotate=\"false\"); the box is the"
              + " hull of the rotated one, rotated by "
              + rotation
              + " degrees");
      box = box.bounds();
    }
    return new BoxValue(label, box);
  }

  private @Nullable Value polygon(
      Node value, String label, int width, int height, LossObject where) {
    List<Node> points = value.require("points").elements();
    if (points.size() < 3) {
      context.lose(
          where,
          "polygon skipped",
          "a polygon needs 3 points or more, this one has " + points.size());
      return null;
    }
    double[] xy = new double[2 * points.size()];
    for (int i = 0; i < points.size(); i++) {
      List<Node> point = points.get(i).elements();
      if (point.size() < 2) {
        throw points.get(i).error("a polygon point is [x, y], got " + point.size() + " numbers");
      }
      xy[2 * i] = point.get(0).number() / 100 * width;
      xy[2 * i + 1] = point.get(1).number() / 100 * height;
    }
    if (!value.get("closed").map(Node::bool).orElse(true)) {
      context.lose(where, "open polygon closed", "the polygon is not closed in Label Studio");
    }
    return new PolygonValue(label, Polygon.of(xy));
  }

  private static Value keypoint(Node value, String label, int width, int height) {
    double x = value.require("x").number() / 100 * width;
    double y = value.require("y").number() / 100 * height;
    return new KeypointsValue(
        label, List.of(new Keypoint(label, x, y, Keypoint.Visibility.VISIBLE)));
  }

  private @Nullable Value mask(
      Node value, String label, RawTask.RawResult result, ImageItem item, LossObject where) {
    String format = value.string("format").orElse("rle");
    if (!format.equals("rle")) {
      context.lose(where, "mask skipped", "brush masks in the format " + format + " are not read");
      return null;
    }
    OptionalInt width = result.width();
    OptionalInt height = result.height();
    int w = width.orElse(item.width());
    int h = height.orElse(item.height());
    if (w != item.width() || h != item.height()) {
      context.lose(
          where,
          "mask skipped",
          "the mask is " + w + "x" + h + ", the image " + item.width() + "x" + item.height());
      return null;
    }
    Node rle = value.require("rle");
    try {
      return new MaskValue(label, BrushRle.toMask(rle.ints(), h, w));
    } catch (IllegalArgumentException e) {
      throw rle.error("the brush mask cannot be decoded: " + e.getMessage(), e);
    }
  }
}
