package org.annotationkit.formats.yolo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.annotationkit.core.annotation.Annotation;
import org.annotationkit.core.annotation.AttributeValue;
import org.annotationkit.core.annotation.BoxValue;
import org.annotationkit.core.annotation.KeypointsValue;
import org.annotationkit.core.annotation.MaskValue;
import org.annotationkit.core.annotation.PolygonValue;
import org.annotationkit.core.annotation.Result;
import org.annotationkit.core.annotation.Value;
import org.annotationkit.core.dataset.DatasetEntry;
import org.annotationkit.core.dataset.DatasetSource;
import org.annotationkit.core.geometry.Box;
import org.annotationkit.core.geometry.Keypoint;
import org.annotationkit.core.geometry.Point;
import org.annotationkit.core.item.ImageItem;
import org.annotationkit.core.schema.Field;
import org.annotationkit.core.schema.FieldKind;
import org.annotationkit.core.schema.Label;
import org.annotationkit.core.schema.Schema;
import org.annotationkit.formats.ConversionContext;
import org.annotationkit.formats.LossObject;
import org.annotationkit.formats.internal.ImageNames;
import org.annotationkit.formats.internal.IoMessages;
import org.annotationkit.formats.internal.SafePaths;
import org.jspecify.annotations.Nullable;

/**
 * Writes {@code data.yaml} and one label file per image. A grouped source is written file by file;
 * an ungrouped one (COCO's: an image's objects come in many entries, in any order) is spooled: each
 * entry's lines are appended to one scratch file as they come, with their place kept per image, and
 * each label file is written from there at the end, so that the heap holds the places, not the
 * lines.
 */
final class YoloWriter {
  /** How far a clipped value may move before the clipping is reported, in pixels. */
  private static final double CLIP_EPSILON = 1e-9;

  private final ConversionContext context;
  private final Path output;
  private final Path labels;
  private final YoloTask task;
  private final int decimals;
  private final long scale;
  private final Map<String, Integer> classes = new LinkedHashMap<>();
  private final List<String> keypointNames;
  private final Map<String, Integer> keypointIndex = new HashMap<>();
  private final Map<String, ImageOut> images = new LinkedHashMap<>();
  private final Map<String, String> stems = new HashMap<>();
  private final TreeSet<String> splits = new TreeSet<>();
  private @Nullable Spool spool;
  private final Set<Path> folders = new HashSet<>();
  private long objects;

  /** An image written: its label file, the annotator kept, and its lines in the spool. */
  private static final class ImageOut {
    final String stem;
    final String id;
    @Nullable String annotator;
    long[] offsets = new long[0];
    int[] lengths = new int[0];
    int count;

    ImageOut(String stem, String id) {
      this.stem = stem;
      this.id = id;
    }

    void add(long offset, int length) {
      if (count == offsets.length) {
        offsets = java.util.Arrays.copyOf(offsets, Math.max(4, count * 2));
        lengths = java.util.Arrays.copyOf(lengths, Math.max(4, count * 2));
      }
      offsets[count] = offset;
      lengths[count] = length;
      count++;
    }
  }

  private YoloWriter(Schema schema, Path output, ConversionContext context) {
    this.context = context;
    this.output = output;
    this.labels = output.resolve(YoloFormat.LABELS);
    String value = context.options().value(YoloFormat.TASK, "detect");
    YoloTask chosen = YoloTask.of(value);
    if (chosen == YoloTask.AUTO) {
      chosen = auto(schema);
    }
    this.task = chosen;
    this.decimals = context.options().integer(YoloFormat.DECIMALS, 6);
    if (decimals < 6 || decimals > 12) {
      throw new IllegalArgumentException(
          "option decimals=" + decimals + ": the value must be 6 to 12");
    }
    this.scale = (long) Math.pow(10, decimals);
    List<String> points = new ArrayList<>();
    for (Field field : schema.fields()) {
      FieldKind kind = field.kind();
      if (kind == FieldKind.BOX
          || kind == FieldKind.POLYGON
          || kind == FieldKind.MASK
          || kind == FieldKind.KEYPOINTS) {
        for (Label label : field.labels().all()) {
          classes.putIfAbsent(label.name(), classes.size());
        }
      }
      if (kind == FieldKind.KEYPOINTS && field.skeleton().isPresent()) {
        for (String point : field.skeleton().get().points()) {
          if (!keypointIndex.containsKey(point)) {
            keypointIndex.put(point, points.size());
            points.add(point);
          }
        }
      }
    }
    this.keypointNames = List.copyOf(points);
    if (task == YoloTask.POSE && keypointNames.isEmpty()) {
      throw new IllegalArgumentException(
          "task=pose needs keypoints: the schema has no keypoints field with a skeleton");
    }
  }

  /** For {@code task=auto} when writing: pose, segment, obb or detect by the schema's fields. */
  private static YoloTask auto(Schema schema) {
    boolean polygons = false;
    boolean rotated = false;
    for (Field field : schema.fields()) {
      if (field.kind() == FieldKind.KEYPOINTS && field.skeleton().isPresent()) {
        return YoloTask.POSE;
      }
      polygons |= field.kind() == FieldKind.POLYGON;
      rotated |= field.kind() == FieldKind.BOX && field.rotatable();
    }
    return rotated ? YoloTask.OBB : polygons ? YoloTask.SEGMENT : YoloTask.DETECT;
  }

  static void write(DatasetSource source, Path output, ConversionContext context) {
    YoloWriter writer = new YoloWriter(source.schema(), output, context);
    try {
      Files.createDirectories(writer.labels);
      boolean grouped = source.grouped();
      if (!grouped) {
        writer.spool = Spool.create(output.resolve(".spool"));
      }
      while (source.hasNext()) {
        writer.entry(source.next(), grouped);
      }
      if (!grouped) {
        writer.unspool();
      }
      writer.yaml();
      context.wrote(writer.images.size(), writer.objects);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + output + ": " + IoMessages.reason(e), e);
    } finally {
      if (writer.spool != null) {
        try {
          writer.spool.close();
        } catch (IOException e) {
          System.getLogger(YoloWriter.class.getName())
              .log(System.Logger.Level.WARNING, "cannot close the spool of " + output, e);
        }
      }
    }
  }

  private void entry(DatasetEntry entry, boolean grouped) throws IOException {
    if (!(entry.item() instanceof ImageItem image)) {
      context.lose(
          LossObject.item(entry.item().id()),
          "item skipped",
          "YOLO holds images, not " + entry.item().kind().jsonName() + " items");
      return;
    }
    ImageOut out = images.get(image.id());
    if (out == null) {
      String stem = ImageNames.stem(ImageNames.path(image));
      try {
        SafePaths.resolve(labels, stem + ".txt");
      } catch (IllegalArgumentException e) {
        context.lose(LossObject.image(image.id()), "image skipped", String.valueOf(e.getMessage()));
        return;
      }
      String other = stems.putIfAbsent(stem, image.id());
      if (other != null) {
        context.lose(
            LossObject.image(image.id()),
            "image skipped",
            "the image " + other + " has the same label file, labels/" + stem + ".txt");
        return;
      }
      out = new ImageOut(stem, image.id());
      images.put(image.id(), out);
      int slash = stem.indexOf('/');
      splits.add(slash < 0 ? "" : stem.substring(0, slash));
    }
    StringBuilder text = new StringBuilder();
    for (Annotation annotation : kept(entry, out)) {
      lines(image, annotation, text);
    }
    byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
    if (grouped) {
      Path file = labels.resolve(out.stem + ".txt");
      folderOf(file);
      Files.write(file, bytes);
    } else if (bytes.length > 0) {
      out.add(java.util.Objects.requireNonNull(spool).append(bytes), bytes.length);
    }
  }

  /**
   * The annotations of an entry that the label file holds: those of the annotator of the image's
   * newest annotation (for a grouped source), or of the first annotator met (ungrouped); the others
   * are reported.
   */
  private List<Annotation> kept(DatasetEntry entry, ImageOut out) {
    List<Annotation> annotations = entry.annotations();
    if (annotations.isEmpty()) {
      return annotations;
    }
    if (out.annotator == null) {
      Annotation newest = annotations.get(0);
      for (Annotation a : annotations) {
        if (!a.createdAt()
            .orElse(java.time.Instant.MIN)
            .isBefore(newest.createdAt().orElse(java.time.Instant.MIN))) {
          newest = a;
        }
      }
      out.annotator = newest.annotatorId();
    }
    List<Annotation> kept = new ArrayList<>();
    for (Annotation a : annotations) {
      if (a.annotatorId().equals(out.annotator)) {
        kept.add(a);
      } else {
        context.lose(
            LossObject.image(out.id).withAnnotation(a.id()),
            "annotation dropped",
            "YOLO holds one annotator's objects per image: kept those of "
                + out.annotator
                + ", not this one by "
                + a.annotatorId());
      }
    }
    return kept;
  }

  private void unspool() throws IOException {
    Spool from = java.util.Objects.requireNonNull(spool);
    for (ImageOut out : images.values()) {
      Path file = labels.resolve(out.stem + ".txt");
      folderOf(file);
      long total = 0;
      for (int i = 0; i < out.count; i++) {
        total += out.lengths[i];
      }
      ByteBuffer buffer = ByteBuffer.allocate(Math.toIntExact(total));
      for (int i = 0; i < out.count; i++) {
        // Runs that follow each other in the spool (an image's objects in a row) in one read.
        long at = out.offsets[i];
        int length = out.lengths[i];
        while (i + 1 < out.count && out.offsets[i + 1] == at + length) {
          length += out.lengths[++i];
        }
        buffer.limit(buffer.position() + length);
        from.read(at, buffer);
      }
      Files.write(file, buffer.array());
    }
  }

  /** Creates the folder of a label file, once per folder rather than once per file. */
  private void folderOf(Path file) throws IOException {
    Path folder = file.getParent();
    if (folder != null && folders.add(folder)) {
      Files.createDirectories(folder);
    }
  }

  private void yaml() throws IOException {
    StringBuilder yaml = new StringBuilder();
    yaml.append("# Written by Annotation Kit. Ultralytics reads train, val and test relative to\n");
    yaml.append("# this file's folder; put the images in images/ beside labels/.\n");
    List<String> folders = new ArrayList<>(splits);
    String train = "images";
    String val = "images";
    if (!folders.contains("") && !folders.isEmpty()) {
      train = "images/" + pick(folders, "train");
      val = "images/" + pick(folders, "val", "valid", "validation");
    }
    yaml.append("train: ").append(quote(train)).append('\n');
    yaml.append("val: ").append(quote(val)).append('\n');
    if (folders.contains("test")) {
      yaml.append("test: images/test\n");
    }
    if (task == YoloTask.POSE) {
      yaml.append("kpt_shape: [").append(keypointNames.size()).append(", 3]\n");
    }
    yaml.append("nc: ").append(Math.max(1, classes.size())).append('\n');
    yaml.append("names:\n");
    if (classes.isEmpty()) {
      yaml.append("  0: object\n");
    }
    for (Map.Entry<String, Integer> c : classes.entrySet()) {
      yaml.append("  ").append(c.getValue()).append(": ").append(quote(c.getKey())).append('\n');
    }
    if (task == YoloTask.POSE) {
      yaml.append("kpt_names:\n");
      for (int i = 0; i < Math.max(1, classes.size()); i++) {
        yaml.append("  ").append(i).append(":\n");
        for (String point : keypointNames) {
          yaml.append("    - ").append(quote(point)).append('\n');
        }
      }
    }
    Files.writeString(
        output.resolve(YoloFormat.DATA_YAML), yaml.toString(), StandardCharsets.UTF_8);
  }

  private static String pick(List<String> folders, String... preferred) {
    for (String name : preferred) {
      if (folders.contains(name)) {
        return name;
      }
    }
    return folders.get(0);
  }

  /** A YAML double-quoted scalar. */
  static String quote(String text) {
    StringBuilder out = new StringBuilder("\"");
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }

  // ------------------------------------------------------------------ objects

  /** The results of one object: those whose ids agree up to the first slash. */
  private static final class Obj {
    final String id;
    @Nullable Result box;
    final List<Result> polygons = new ArrayList<>();
    @Nullable Result keypoints;
    final List<Result> others = new ArrayList<>();

    Obj(String id) {
      this.id = id;
    }
  }

  private void lines(ImageItem image, Annotation annotation, StringBuilder text) {
    Map<String, Obj> byId = new LinkedHashMap<>();
    for (Result result : annotation.results()) {
      String id = result.id();
      int slash = id.indexOf('/');
      String key = slash < 0 ? id : id.substring(0, slash);
      Obj obj = byId.computeIfAbsent(key, Obj::new);
      switch (result.value()) {
        case BoxValue b -> {
          if (obj.box == null) {
            obj.box = result;
          } else {
            byId.computeIfAbsent(id + "#", Obj::new).box = result;
          }
        }
        case PolygonValue p -> obj.polygons.add(result);
        case KeypointsValue k -> {
          if (obj.keypoints == null) {
            obj.keypoints = result;
          } else {
            byId.computeIfAbsent(id + "#", Obj::new).keypoints = result;
          }
        }
        default -> obj.others.add(result);
      }
    }
    for (Obj obj : byId.values()) {
      object(image, annotation, obj, text);
    }
  }

  private void object(ImageItem image, Annotation annotation, Obj obj, StringBuilder text) {
    LossObject where = LossObject.image(image.id()).withAnnotation(annotation.id() + ":" + obj.id);
    List<Result> all = new ArrayList<>();
    if (obj.box != null) {
      all.add(obj.box);
    }
    all.addAll(obj.polygons);
    if (obj.keypoints != null) {
      all.add(obj.keypoints);
    }
    for (Result other : obj.others) {
      LossObject at = LossObject.image(image.id()).withAnnotation(other.id());
      if (other.value() instanceof MaskValue m) {
        if (crowd(m.attributes())) {
          context.lose(at, "crowd mask skipped", "YOLO has no crowd regions (iscrowd)");
        } else {
          context.lose(
              at,
              "mask skipped",
              "YOLO holds polygons, not masks; trace the mask into polygons first");
        }
      } else {
        context.lose(
            at,
            "result dropped",
            "YOLO holds boxes, polygons and keypoints, not "
                + other.value().kind().name().toLowerCase(Locale.ROOT)
                + " results");
      }
    }
    if (all.isEmpty()) {
      return;
    }
    String label = label(all.get(0).value());
    for (Result r : all) {
      if (crowd(attributes(r.value()))) {
        context.lose(
            LossObject.image(image.id()).withAnnotation(r.id()),
            "crowd annotation skipped",
            "YOLO has no crowd regions (iscrowd)");
        return;
      }
    }
    for (Result r : all) {
      Map<String, AttributeValue> given = attributes(r.value());
      boolean otherLabel = !label(r.value()).equals(label);
      if (r.score().isEmpty() && given.isEmpty() && !otherLabel) {
        continue; // nothing to report: the common case, without building the report's object
      }
      LossObject at = LossObject.image(image.id()).withAnnotation(r.id());
      if (r.score().isPresent()) {
        context.lose(at, "score dropped", "YOLO label files hold no confidence scores");
      }
      Map<String, AttributeValue> attributes = new LinkedHashMap<>(given);
      attributes.remove("iscrowd");
      if (task == YoloTask.OBB) {
        attributes.remove("rotation"); // COCO's copy of the angle that the corners carry
      }
      if (!attributes.isEmpty()) {
        context.lose(
            at,
            "attribute dropped",
            "YOLO lines hold a class and a shape only: " + String.join(", ", attributes.keySet()));
      }
      if (otherLabel) {
        context.lose(
            at,
            "result dropped",
            "the object's results have two labels, " + label + " and " + label(r.value()));
        return;
      }
    }
    int cls = classes.computeIfAbsent(label, k -> classes.size());
    StringBuilder line = new StringBuilder(task == YoloTask.SEGMENT ? 512 : 96).append(cls);
    boolean ok =
        switch (task) {
          case DETECT, AUTO -> detect(image, obj, where, line);
          case SEGMENT -> segment(image, obj, where, line);
          case OBB -> obb(image, obj, where, line);
          case POSE -> pose(image, obj, where, line);
        };
    if (ok) {
      text.append(line).append('\n');
      objects++;
    }
  }

  private static boolean crowd(Map<String, AttributeValue> attributes) {
    AttributeValue value = attributes.get("iscrowd");
    return switch (value) {
      case null -> false;
      case AttributeValue.Bool b -> b.value();
      case AttributeValue.Number n -> n.value() != 0;
      case AttributeValue.Text t -> t.value().equals("1") || t.value().equals("true");
    };
  }

  private static String label(Value value) {
    return switch (value) {
      case BoxValue b -> b.label();
      case PolygonValue p -> p.label();
      case KeypointsValue k -> k.label();
      case MaskValue m -> m.label();
      default -> throw new IllegalStateException("not a region: " + value);
    };
  }

  private static Map<String, AttributeValue> attributes(Value value) {
    return switch (value) {
      case BoxValue b -> b.attributes();
      case PolygonValue p -> p.attributes();
      case KeypointsValue k -> k.attributes();
      case MaskValue m -> m.attributes();
      default -> Map.of();
    };
  }

  // ------------------------------------------------------------------ tasks

  /** The axis-aligned box of an object: its box's hull, or its polygons' bounds (reported). */
  private @Nullable Box axisBox(ImageItem image, Obj obj, boolean keepPolygons) {
    if (obj.box != null) {
      Box box = ((BoxValue) obj.box.value()).box();
      if (box.isRotated()) {
        context.lose(
            LossObject.image(image.id()).withAnnotation(obj.box.id()),
            "rotation dropped",
            "a "
                + task.optionValue()
                + " line holds an axis-aligned box: the box rotated by "
                + box.rotation()
                + " degrees is written as its hull");
      }
      if (!keepPolygons) {
        for (Result p : obj.polygons) {
          context.lose(
              LossObject.image(image.id()).withAnnotation(p.id()),
              "polygon dropped",
              "a " + task.optionValue() + " line holds one box: the object's box is written");
        }
      }
      return box.bounds();
    }
    if (!obj.polygons.isEmpty()) {
      double x0 = Double.POSITIVE_INFINITY;
      double y0 = Double.POSITIVE_INFINITY;
      double x1 = Double.NEGATIVE_INFINITY;
      double y1 = Double.NEGATIVE_INFINITY;
      for (Result p : obj.polygons) {
        Box b = ((PolygonValue) p.value()).polygon().bounds();
        x0 = Math.min(x0, b.x());
        y0 = Math.min(y0, b.y());
        x1 = Math.max(x1, b.x() + b.width());
        y1 = Math.max(y1, b.y() + b.height());
        if (!keepPolygons) {
          context.lose(
              LossObject.image(image.id()).withAnnotation(p.id()),
              "polygon reduced to its box",
              "a " + task.optionValue() + " line holds a box");
        }
      }
      return Box.of(x0, y0, x1 - x0, y1 - y0);
    }
    return null;
  }

  private boolean detect(ImageItem image, Obj obj, LossObject where, StringBuilder line) {
    if (obj.keypoints != null) {
      context.lose(
          LossObject.image(image.id()).withAnnotation(obj.keypoints.id()),
          "keypoints dropped",
          "a detect line holds a box; write task=pose to keep keypoints");
    }
    Box box = axisBox(image, obj, false);
    if (box == null) {
      return false;
    }
    return boxValues(image, box, where, line);
  }

  /** Appends {@code cx cy w h} of the box clipped to the image; false when nothing is left. */
  private boolean boxValues(ImageItem image, Box box, LossObject where, StringBuilder line) {
    double w = image.width();
    double h = image.height();
    double x0 = box.x();
    double y0 = box.y();
    double x1 = box.x() + box.width();
    double y1 = box.y() + box.height();
    if (box.width() <= 0 || box.height() <= 0) {
      context.lose(
          where,
          "box skipped",
          "the box has zero area (width " + box.width() + ", height " + box.height() + ")");
      return false;
    }
    double cx0 = Math.max(0, x0);
    double cy0 = Math.max(0, y0);
    double cx1 = Math.min(w, x1);
    double cy1 = Math.min(h, y1);
    if (cx1 <= cx0 || cy1 <= cy0) {
      context.lose(
          where,
          "box skipped",
          "the box x "
              + x0
              + ".."
              + x1
              + ", y "
              + y0
              + ".."
              + y1
              + " is outside the "
              + image.width()
              + "x"
              + image.height()
              + " image");
      return false;
    }
    if (x0 < -CLIP_EPSILON
        || y0 < -CLIP_EPSILON
        || x1 > w + CLIP_EPSILON
        || y1 > h + CLIP_EPSILON) {
      context.lose(
          where,
          "box clipped to the image",
          "the box x "
              + x0
              + ".."
              + x1
              + ", y "
              + y0
              + ".."
              + y1
              + " leaves the "
              + image.width()
              + "x"
              + image.height()
              + " image; written as x "
              + cx0
              + ".."
              + cx1
              + ", y "
              + cy0
              + ".."
              + cy1);
    }
    long[] xs = centre(cx0 / w, cx1 / w);
    long[] ys = centre(cy0 / h, cy1 / h);
    value(line, xs[0]);
    value(line, ys[0]);
    value(line, xs[1]);
    value(line, ys[1]);
    return true;
  }

  /**
   * The centre and size of [a, b] (normalised) on the grid of {@code decimals}, as whole units,
   * such that centre - size / 2 >= 0 and centre + size / 2 <= 1 hold for the written values.
   */
  private long[] centre(double a, double b) {
    long c = Math.round((a + b) / 2 * scale);
    long s = Math.round((b - a) * scale);
    c = Math.max(0, Math.min(scale, c));
    if (2 * c - s < 0) {
      s = 2 * c;
    }
    if (2 * c + s > 2 * scale) {
      s = 2 * scale - 2 * c;
    }
    return new long[] {c, Math.max(0, s)};
  }

  /** Appends a space and a normalised value, clamped to [0, 1]. */
  private void coordinate(StringBuilder line, double normalised) {
    long units = Math.round(normalised * scale);
    value(line, Math.max(0, Math.min(scale, units)));
  }

  /**
   * Appends a space and a value of whole grid units (>= 0), as a decimal with {@code decimals}
   * places: the digits go straight into the line, without a string per value.
   */
  private void value(StringBuilder line, long units) {
    line.append(' ').append(units / scale).append('.');
    long fraction = units % scale;
    for (long place = scale / 10; place > 1 && fraction < place; place /= 10) {
      line.append('0');
    }
    line.append(fraction);
  }

  private boolean segment(ImageItem image, Obj obj, LossObject where, StringBuilder line) {
    if (obj.keypoints != null) {
      context.lose(
          LossObject.image(image.id()).withAnnotation(obj.keypoints.id()),
          "keypoints dropped",
          "a segment line holds a polygon; write task=pose to keep keypoints");
    }
    List<double[]> rings = new ArrayList<>();
    if (!obj.polygons.isEmpty()) {
      if (obj.box != null) {
        // The polygons are the shape; a box beside them (COCO's bbox) carries nothing more.
        Box box = ((BoxValue) obj.box.value()).box();
        if (box.isRotated()) {
          context.lose(
              LossObject.image(image.id()).withAnnotation(obj.box.id()),
              "box dropped",
              "the object's polygons are written; its rotated box is not");
        }
      }
      for (Result r : obj.polygons) {
        var polygon = ((PolygonValue) r.value()).polygon();
        if (!polygon.holes().isEmpty()) {
          context.lose(
              LossObject.image(image.id()).withAnnotation(r.id()),
              "polygon holes dropped",
              "a YOLO polygon is one ring: " + polygon.holes().size() + " holes are filled");
        }
        rings.add(flat(polygon.exterior()));
      }
    } else if (obj.box != null) {
      Box box = ((BoxValue) obj.box.value()).box();
      rings.add(flat(box.corners()));
    } else {
      return false;
    }
    List<double[]> clipped = new ArrayList<>();
    for (double[] ring : rings) {
      double[] c = Clip.polygon(ring, image.width(), image.height());
      if (c.length != ring.length || !java.util.Arrays.equals(c, ring)) {
        if (c.length < 6 || Clip.area(c) == 0) {
          context.lose(
              where,
              "polygon skipped",
              Clip.area(ring) == 0
                  ? "the polygon has zero area"
                  : "the polygon is outside the "
                      + image.width()
                      + "x"
                      + image.height()
                      + " image");
          continue;
        }
        context.lose(
            where,
            "polygon clipped to the image",
            "the polygon leaves the "
                + image.width()
                + "x"
                + image.height()
                + " image; its part inside is written");
      } else if (Clip.area(c) == 0) {
        context.lose(where, "polygon skipped", "the polygon has zero area");
        continue;
      }
      clipped.add(c);
    }
    if (clipped.isEmpty()) {
      return false;
    }
    double[] ring = clipped.get(0);
    if (clipped.size() > 1) {
      context.lose(
          where,
          "polygon parts joined",
          "a YOLO line holds one polygon: "
              + clipped.size()
              + " parts are joined at their nearest points (as Ultralytics merge_multi_segment)");
      ring = Clip.join(clipped);
    }
    for (int i = 0; i < ring.length; i++) {
      coordinate(line, ring[i] / (i % 2 == 0 ? image.width() : image.height()));
    }
    return true;
  }

  private static double[] flat(List<Point> points) {
    double[] xy = new double[points.size() * 2];
    for (int i = 0; i < points.size(); i++) {
      xy[2 * i] = points.get(i).x();
      xy[2 * i + 1] = points.get(i).y();
    }
    return xy;
  }

  private boolean obb(ImageItem image, Obj obj, LossObject where, StringBuilder line) {
    if (obj.keypoints != null) {
      context.lose(
          LossObject.image(image.id()).withAnnotation(obj.keypoints.id()),
          "keypoints dropped",
          "an obb line holds a box; write task=pose to keep keypoints");
    }
    double[] corners;
    Box box = obj.box == null ? null : ((BoxValue) obj.box.value()).box();
    PolygonValue quad =
        obj.polygons.size() == 1
                && ((PolygonValue) obj.polygons.get(0).value()).polygon().exterior().size() == 4
                && ((PolygonValue) obj.polygons.get(0).value()).polygon().holes().isEmpty()
            ? (PolygonValue) obj.polygons.get(0).value()
            : null;
    if (quad != null && (box == null || !box.isRotated())) {
      // A quadrilateral is written as its corners, as the reader reads one; a box beside it (COCO's
      // bbox, the hull of the corners) holds nothing more.
      corners = flat(quad.polygon().exterior());
    } else if (box != null) {
      for (Result p : obj.polygons) {
        context.lose(
            LossObject.image(image.id()).withAnnotation(p.id()),
            "polygon dropped",
            "an obb line holds one box: the object's box is written");
      }
      corners = flat(box.corners());
    } else {
      Box bounds = axisBox(image, obj, false);
      if (bounds == null) {
        return false;
      }
      corners = flat(bounds.corners());
    }
    if (Clip.area(corners) == 0) {
      context.lose(where, "box skipped", "the box has zero area");
      return false;
    }
    double w = image.width();
    double h = image.height();
    boolean moved = false;
    double[] clamped = corners.clone();
    for (int i = 0; i < 8; i++) {
      double limit = i % 2 == 0 ? w : h;
      double c = Math.max(0, Math.min(limit, corners[i]));
      moved |= Math.abs(c - corners[i]) > CLIP_EPSILON;
      clamped[i] = c;
    }
    if (Clip.area(clamped) == 0) {
      context.lose(
          where,
          "box skipped",
          "the box is outside the " + image.width() + "x" + image.height() + " image");
      return false;
    }
    if (moved) {
      context.lose(
          where,
          "box clipped to the image",
          "corners of the oriented box leave the "
              + image.width()
              + "x"
              + image.height()
              + " image; each is moved onto its border");
    }
    for (int i = 0; i < 8; i++) {
      coordinate(line, clamped[i] / (i % 2 == 0 ? w : h));
    }
    return true;
  }

  private boolean pose(ImageItem image, Obj obj, LossObject where, StringBuilder line) {
    Box box = axisBox(image, obj, false);
    Result keypointsResult = obj.keypoints;
    KeypointsValue keypoints =
        keypointsResult == null ? null : (KeypointsValue) keypointsResult.value();
    if (box == null) {
      if (keypoints == null) {
        return false;
      }
      double x0 = Double.POSITIVE_INFINITY;
      double y0 = Double.POSITIVE_INFINITY;
      double x1 = Double.NEGATIVE_INFINITY;
      double y1 = Double.NEGATIVE_INFINITY;
      for (Keypoint k : keypoints.points()) {
        if (k.visibility() != Keypoint.Visibility.NOT_LABELED
            && k.x() >= 0
            && k.y() >= 0
            && k.x() <= image.width()
            && k.y() <= image.height()) {
          x0 = Math.min(x0, k.x());
          y0 = Math.min(y0, k.y());
          x1 = Math.max(x1, k.x());
          y1 = Math.max(y1, k.y());
        }
      }
      if (x0 > x1) {
        context.lose(where, "keypoints dropped", "the object has no box and no labeled keypoint");
        return false;
      }
      box = Box.of(x0, y0, x1 - x0, y1 - y0);
      context.lose(
          where,
          "box made from keypoints",
          "a pose line needs a box: the bounds of the labeled keypoints in the image are written");
    }
    if (!boxValues(image, box, where, line)) {
      return false;
    }
    double[] xy = new double[keypointNames.size() * 2];
    int[] v = new int[keypointNames.size()];
    if (keypoints != null && keypointsResult != null) {
      for (Keypoint k : keypoints.points()) {
        LossObject at = LossObject.image(image.id()).withAnnotation(keypointsResult.id());
        Integer index = keypointIndex.get(k.name());
        if (index == null) {
          context.lose(at, "keypoint dropped", "the keypoint " + k.name() + " is not in kpt_names");
          continue;
        }
        if (k.visibility() == Keypoint.Visibility.NOT_LABELED) {
          continue;
        }
        if (k.x() < 0 || k.y() < 0 || k.x() > image.width() || k.y() > image.height()) {
          context.lose(
              at,
              "keypoint dropped",
              "the keypoint "
                  + k.name()
                  + " at "
                  + k.x()
                  + ", "
                  + k.y()
                  + " is outside the image; written as absent (0 0 0)");
          continue;
        }
        xy[2 * index] = k.x();
        xy[2 * index + 1] = k.y();
        v[index] = k.visibility().cocoFlag();
      }
    }
    for (int i = 0; i < v.length; i++) {
      coordinate(line, xy[2 * i] / image.width());
      coordinate(line, xy[2 * i + 1] / image.height());
      line.append(' ').append(v[i]);
    }
    return true;
  }
}
