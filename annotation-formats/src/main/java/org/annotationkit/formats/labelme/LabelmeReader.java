package org.annotationkit.formats.labelme;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.stream.Stream;
import org.annotationkit.core.annotation.Annotation;
import org.annotationkit.core.annotation.AttributeValue;
import org.annotationkit.core.annotation.BoxValue;
import org.annotationkit.core.annotation.KeypointsValue;
import org.annotationkit.core.annotation.MaskValue;
import org.annotationkit.core.annotation.MultipleChoiceValue;
import org.annotationkit.core.annotation.PolygonValue;
import org.annotationkit.core.annotation.PolylineValue;
import org.annotationkit.core.annotation.Result;
import org.annotationkit.core.annotation.Value;
import org.annotationkit.core.dataset.DatasetEntry;
import org.annotationkit.core.dataset.DatasetSource;
import org.annotationkit.core.geometry.Box;
import org.annotationkit.core.geometry.Keypoint;
import org.annotationkit.core.geometry.Point;
import org.annotationkit.core.geometry.Polygon;
import org.annotationkit.core.geometry.Polyline;
import org.annotationkit.core.geometry.RleMask;
import org.annotationkit.core.io.FormatException;
import org.annotationkit.core.item.ImageItem;
import org.annotationkit.core.schema.AttributeSpec;
import org.annotationkit.core.schema.AttributeType;
import org.annotationkit.core.schema.Field;
import org.annotationkit.core.schema.FieldKind;
import org.annotationkit.core.schema.Label;
import org.annotationkit.core.schema.LabelSet;
import org.annotationkit.core.schema.Schema;
import org.annotationkit.core.schema.Skeleton;
import org.annotationkit.formats.ConversionContext;
import org.annotationkit.formats.LossObject;
import org.annotationkit.formats.internal.ImageHeader;
import org.annotationkit.formats.internal.ImageNames;
import org.annotationkit.formats.internal.ImageSizes;
import org.annotationkit.formats.internal.IoMessages;
import org.annotationkit.formats.internal.JsonInput;
import org.annotationkit.formats.internal.Png;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

/**
 * Reads labelme files in two passes: the first finds the labels, kinds of shapes, attributes and
 * flags (the schema comes before the first entry), the second gives one entry per file, in the
 * order of the files' paths. Each file is read whole; only one is held at a time.
 */
final class LabelmeReader {
  /** The keys of a shape that are not kept as attributes. */
  static final Set<String> SHAPE_KEYS =
      Set.of("label", "points", "group_id", "shape_type", "flags", "description", "mask");

  /** The keys of a file that are not kept in the metadata. */
  static final Set<String> FILE_KEYS =
      Set.of("version", "flags", "shapes", "imagePath", "imageData", "imageHeight", "imageWidth");

  static final String GROUP_ID = "group_id";
  static final String DESCRIPTION = "description";
  static final String FLAGS = "flags/";
  static final String SCORE = "score";
  static final String METADATA = "labelme.";
  static final String IMAGE_PATH = "labelme.imagePath";
  static final List<String> CIRCLE_POINTS = List.of("center", "rim");
  static final String PLACEHOLDER = "object";

  private static final JsonFactory WRITER = JsonFactory.builder().build();

  private final Path root;
  private final List<Path> files;
  private final ConversionContext context;
  private final ImageSizes sizes;

  // What the first pass found.
  private final Set<String> fields = new LinkedHashSet<>();
  private final Set<String> labels = new LinkedHashSet<>();
  private final Set<String> tags = new LinkedHashSet<>();
  private final Map<String, Set<AttributeType>> attributeTypes = new LinkedHashMap<>();
  private int maxPoints = 1;
  private Map<String, AttributeType> attributeSpecs = Map.of();

  private LabelmeReader(Path root, List<Path> files, ConversionContext context, ImageSizes sizes) {
    this.root = root;
    this.files = files;
    this.context = context;
    this.sizes = sizes;
  }

  static DatasetSource open(Path input, ConversionContext context) {
    Path root;
    List<Path> files;
    if (Files.isRegularFile(input)) {
      Path parent = input.toAbsolutePath().getParent();
      root = parent == null ? Path.of("") : parent;
      files = List.of(input.toAbsolutePath());
    } else if (Files.isDirectory(input)) {
      root = input;
      files = jsonFiles(input);
    } else {
      throw FormatException.at(
          "a labelme dataset is a folder of .json files (or one such file); there is nothing here",
          FormatException.Location.of(input.toString(), 0, 0));
    }
    Optional<Path> images = context.options().images().or(() -> Optional.of(root));
    LabelmeReader reader =
        new LabelmeReader(root, files, context, ImageSizes.of(context.options().sizes(), images));
    Schema schema = reader.schema();
    return reader.source(schema);
  }

  /** The JSON files under a folder, sorted by path. */
  static List<Path> jsonFiles(Path root) {
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(
              p -> String.valueOf(p.getFileName()).toLowerCase(Locale.ROOT).endsWith(".json"))
          .filter(Files::isRegularFile)
          .sorted((a, b) -> relative(root, a).compareTo(relative(root, b)))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + root + ": " + IoMessages.reason(e), e);
    }
  }

  static String relative(Path root, Path file) {
    return root.toAbsolutePath()
        .normalize()
        .relativize(file.toAbsolutePath().normalize())
        .toString()
        .replace('\\', '/');
  }

  // ------------------------------------------------------------------ schema (first pass)

  private Schema schema() {
    Set<String> ids = new HashSet<>();
    for (Path file : files) {
      DatasetEntry entry = read(file, false);
      if (!ids.add(entry.item().id())) {
        throw FormatException.at(
            "the image " + entry.item().id() + " has two labelme files; this is the second",
            FormatException.Location.of(file.toString(), 1, 0));
      }
    }
    Map<String, AttributeType> specs = new LinkedHashMap<>();
    for (Map.Entry<String, Set<AttributeType>> a : attributeTypes.entrySet()) {
      specs.put(
          a.getKey(),
          a.getValue().size() == 1 ? a.getValue().iterator().next() : AttributeType.TEXT);
    }
    attributeSpecs = specs;
    List<Label> regionLabels = new ArrayList<>();
    List<Field> schemaFields = new ArrayList<>();
    try {
      List<AttributeSpec> declared = new ArrayList<>();
      for (Map.Entry<String, AttributeType> spec : specs.entrySet()) {
        declared.add(
            switch (spec.getValue()) {
              case BOOLEAN -> AttributeSpec.bool(spec.getKey());
              case NUMBER -> AttributeSpec.number(spec.getKey());
              default -> AttributeSpec.text(spec.getKey());
            });
      }
      AttributeSpec[] attributes = declared.toArray(AttributeSpec[]::new);
      for (String label : labels.isEmpty() ? Set.of(PLACEHOLDER) : labels) {
        regionLabels.add(Label.of(label).withAttributes(attributes));
      }
      if (!tags.isEmpty()) {
        schemaFields.add(
            Field.builder(LabelmeFormat.TAGS, FieldKind.MULTIPLE_CHOICE)
                .labels(tags.toArray(String[]::new))
                .build());
      }
      for (String field : REGION_FIELDS) {
        if (fields.contains(field)
            || (field.equals(LabelmeFormat.BOX) && fields.isEmpty() && tags.isEmpty())) {
          Field.Builder builder =
              Field.builder(field, kindOf(field)).labels(LabelSet.of(regionLabels));
          if (field.equals(LabelmeFormat.BOX)) {
            builder.rotatable(true);
          }
          if (field.equals(LabelmeFormat.KEYPOINTS)) {
            builder.skeleton(numbered(maxPoints));
          }
          if (field.equals(LabelmeFormat.CIRCLE)) {
            builder.skeleton(new Skeleton(CIRCLE_POINTS, List.of()));
          }
          schemaFields.add(builder.build());
        }
      }
      return Schema.of(LabelmeFormat.NAME, schemaFields.toArray(Field[]::new));
    } catch (IllegalArgumentException e) {
      throw FormatException.at(
          "the labels and flags do not make a valid schema: " + e.getMessage(),
          FormatException.Location.of(root.toString(), 0, 0));
    }
  }

  static final List<String> REGION_FIELDS =
      List.of(
          LabelmeFormat.BOX,
          LabelmeFormat.POLYGON,
          LabelmeFormat.POLYLINE,
          LabelmeFormat.LINE,
          LabelmeFormat.KEYPOINTS,
          LabelmeFormat.CIRCLE,
          LabelmeFormat.MASK);

  static FieldKind kindOf(String field) {
    return switch (field) {
      case LabelmeFormat.BOX -> FieldKind.BOX;
      case LabelmeFormat.POLYGON -> FieldKind.POLYGON;
      case LabelmeFormat.POLYLINE, LabelmeFormat.LINE -> FieldKind.POLYLINE;
      case LabelmeFormat.KEYPOINTS, LabelmeFormat.CIRCLE -> FieldKind.KEYPOINTS;
      case LabelmeFormat.MASK -> FieldKind.MASK;
      default -> throw new IllegalArgumentException(field);
    };
  }

  /** Keypoints named 1 to n. */
  static Skeleton numbered(int n) {
    List<String> names = new ArrayList<>(n);
    for (int i = 1; i <= n; i++) {
      names.add(Integer.toString(i));
    }
    return new Skeleton(names, List.of());
  }

  // ------------------------------------------------------------------ entries (second pass)

  private DatasetSource source(Schema schema) {
    return new DatasetSource() {
      private int next;

      @Override
      public Schema schema() {
        return schema;
      }

      @Override
      public boolean grouped() {
        return true;
      }

      @Override
      public boolean hasNext() {
        return next < files.size();
      }

      @Override
      public DatasetEntry next() {
        if (!hasNext()) {
          throw new NoSuchElementException("no more labelme files");
        }
        return read(files.get(next++), true);
      }

      @Override
      public void close() {
        next = files.size();
      }
    };
  }

  // ------------------------------------------------------------------ one file

  private static Node parse(Path file) {
    try (JsonInput in = JsonInput.open(file)) {
      if (in.next() == null) {
        throw FormatException.at(
            "the file is empty; a labelme file is one JSON object",
            FormatException.Location.of(file.toString(), 1, 0));
      }
      Node root = Node.read(in);
      if (in.next() != null) {
        throw in.error("the file holds more than one JSON value");
      }
      return root;
    }
  }

  /** Reads one file; in the first pass ({@code report} false) notes what it uses. */
  DatasetEntry read(Path file, boolean report) {
    Node root = parse(file);
    Map<String, Node> members = root.members("a labelme file");
    String relative = relative(root(), file);
    int slash = relative.lastIndexOf('/');
    String folder = slash < 0 ? "" : relative.substring(0, slash + 1);

    Node pathNode = need(root, "imagePath");
    String imagePath = pathNode.string("imagePath").replace('\\', '/');
    if (imagePath.isEmpty() || imagePath.indexOf('\0') >= 0) {
      throw pathNode.error("imagePath must name the image, got \"" + imagePath + "\"");
    }
    String id = normalize(folder + imagePath);
    Map<String, String> metadata = new LinkedHashMap<>();
    String raw = pathNode.string("imagePath");
    if (!raw.equals(id.substring(id.lastIndexOf('/') + 1)) || id.startsWith("../")) {
      // Only when the writer would not write it again from the image's path alone.
      metadata.put(IMAGE_PATH, raw);
    }
    Optional<Node> version = root.get("version");
    if (version.isPresent()) {
      metadata.put(METADATA + "version", version.get().string("version"));
    }
    for (Map.Entry<String, Node> member : members.entrySet()) {
      if (!FILE_KEYS.contains(member.getKey())) {
        metadata.put(METADATA + member.getKey(), json(member.getValue()));
      }
    }
    LossObject where = LossObject.image(id);
    Optional<Node> imageData = root.get("imageData");
    int[] size = size(root, imageData, id, file);
    if (report && imageData.isPresent()) {
      context.lose(
          where,
          "image data dropped",
          "imageData embeds the image ("
              + imageData.get().string("imageData").length()
              + " characters of base64), which the model does not keep; the item refers to it"
              + " by its path");
    }
    ImageItem item;
    try {
      item = new ImageItem(id, ImageNames.relativeUri(id), size[0], size[1], metadata);
    } catch (IllegalArgumentException e) {
      throw pathNode.error("imagePath cannot name an image: " + e.getMessage());
    }

    List<Result> results = new ArrayList<>();
    Optional<Node> flags = root.get("flags");
    if (flags.isPresent()) {
      List<String> set = new ArrayList<>();
      Map<String, Node> all = flags.get().members("flags");
      for (Map.Entry<String, Node> flag : all.entrySet()) {
        if (flag.getKey().isEmpty()) {
          throw flag.getValue().error("a flag has an empty name");
        }
        if (flag.getValue().bool("the flag \"" + flag.getKey() + "\"")) {
          set.add(flag.getKey());
        }
        tags.add(flag.getKey());
      }
      if (!all.isEmpty()) {
        results.add(
            Result.of(LabelmeFormat.TAGS, LabelmeFormat.TAGS, new MultipleChoiceValue(set)));
      }
    }
    Node shapes = need(root, "shapes");
    int n = 0;
    for (Node shape : shapes.elements("shapes")) {
      n++;
      try {
        shape(shape, n, size[0], size[1], where, report).ifPresent(results::add);
      } catch (IllegalArgumentException e) {
        throw shape.error("the shape is not valid: " + e.getMessage());
      }
    }
    if (results.isEmpty()) {
      return DatasetEntry.of(item);
    }
    return new DatasetEntry(
        item,
        List.of(Annotation.builder(id, id, LabelmeFormat.ANNOTATOR).results(results).build()));
  }

  private Path root() {
    return root;
  }

  private static Node need(Node object, String name) {
    Node member = object.members("the value").get(name);
    if (member == null) {
      throw object.error("the member \"" + name + "\" is missing");
    }
    return member;
  }

  /** A path with {@code .} and {@code ..} parts resolved (leading {@code ..} kept). */
  static String normalize(String path) {
    List<String> parts = new ArrayList<>();
    for (String part : path.split("/", -1)) {
      if (part.isEmpty() || part.equals(".")) {
        continue;
      }
      if (part.equals("..") && !parts.isEmpty() && !parts.get(parts.size() - 1).equals("..")) {
        parts.remove(parts.size() - 1);
      } else {
        parts.add(part);
      }
    }
    return String.join("/", parts);
  }

  /** The JSON text of a value. */
  private static String json(Node value) {
    StringWriter text = new StringWriter();
    try (JsonGenerator out = WRITER.createGenerator(ObjectWriteContext.empty(), text)) {
      value.write(out);
    }
    return text.toString();
  }

  /** The image's width and height: from the file, the embedded image or the image itself. */
  private int[] size(Node root, Optional<Node> imageData, String id, Path file) {
    Optional<Node> width = root.get("imageWidth");
    Optional<Node> height = root.get("imageHeight");
    if (width.isPresent() && height.isPresent()) {
      int w = width.get().integer("imageWidth");
      int h = height.get().integer("imageHeight");
      if (w <= 0) {
        throw width.get().error("imageWidth must be positive, got " + w);
      }
      if (h <= 0) {
        throw height.get().error("imageHeight must be positive, got " + h);
      }
      return new int[] {w, h};
    }
    if (imageData.isPresent()) {
      Node data = imageData.get();
      byte[] bytes = base64(data, "imageData");
      try {
        ImageHeader header = ImageHeader.read(new ByteArrayInputStream(bytes), file + " imageData");
        return new int[] {header.displayWidth(), header.displayHeight()};
      } catch (FormatException e) {
        throw data.error("imageData is not an image: " + e.problem());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    Optional<ImageSizes.Found> found = sizes.find(ImageNames.stem(id));
    if (found.isPresent()) {
      return new int[] {found.get().width(), found.get().height()};
    }
    throw root.error(
        "the image size is unknown: the file has no imageWidth and imageHeight, no imageData, and"
            + " the image "
            + id
            + " is not found; give the images folder or a sizes table");
  }

  private static byte[] base64(Node node, String what) {
    String text = node.string(what);
    try {
      // Line breaks and spaces are allowed (base64 tools wrap lines); other characters are not.
      return Base64.getDecoder().decode(text.replaceAll("[\\s]", ""));
    } catch (IllegalArgumentException e) {
      throw node.error(what + " is not base64: " + e.getMessage());
    }
  }

  /** One shape as a result, or empty (reported) when it is skipped. */
  private Optional<Result> shape(
      Node shape, int n, int width, int height, LossObject image, boolean report) {
    shape.members("a shape");
    Node labelNode = need(shape, "label");
    String label = labelNode.string("label");
    if (label.isEmpty()) {
      throw labelNode.error("the label is empty");
    }
    Node pointsNode = need(shape, "points");
    List<Node> pointNodes = pointsNode.elements("points");
    if (pointNodes.isEmpty()) {
      throw pointsNode.error("points must not be empty");
    }
    double[] xy = new double[pointNodes.size() * 2];
    for (int i = 0; i < pointNodes.size(); i++) {
      List<Node> pair = pointNodes.get(i).elements("a point");
      if (pair.size() != 2) {
        throw pointNodes
            .get(i)
            .error("a point must be [x, y], this one has " + pair.size() + " numbers");
      }
      xy[2 * i] = pair.get(0).number("x");
      xy[2 * i + 1] = pair.get(1).number("y");
    }
    String type = shape.get("shape_type").map(t -> t.string("shape_type")).orElse("polygon");
    LossObject at = image.withAnnotation(Integer.toString(n));
    Optional<Node> groupNode = shape.get(GROUP_ID);
    Map<String, AttributeValue> attributes = attributes(shape, at, report);
    String id = Integer.toString(n);
    if (groupNode.isPresent()) {
      id = "g" + groupNode.get().integer(GROUP_ID) + "-" + label.replace('/', '_') + "/" + n;
    }
    OptionalDouble score = OptionalDouble.empty();
    Optional<Node> scoreNode = shape.get(SCORE);
    if (scoreNode.isPresent() && scoreNode.get().isNumber()) {
      score = OptionalDouble.of(scoreNode.get().number(SCORE));
    }
    String field;
    Value value;
    switch (type) {
      case "rectangle" -> {
        count(pointsNode, xy, 2, "a rectangle");
        double x = Math.min(xy[0], xy[2]);
        double y = Math.min(xy[1], xy[3]);
        field = LabelmeFormat.BOX;
        value =
            new BoxValue(
                label, Box.of(x, y, Math.abs(xy[2] - xy[0]), Math.abs(xy[3] - xy[1])), attributes);
      }
      case "polygon", "oriented_rectangle" -> {
        if (xy.length < 6) {
          if (report) {
            context.lose(
                at,
                "degenerate polygon skipped",
                "a polygon needs 3 points, this one has " + xy.length / 2);
          }
          return Optional.empty();
        }
        if (type.equals("oriented_rectangle") && report) {
          context.lose(
              at,
              "oriented rectangle read as a polygon",
              "its four corners are kept as a polygon, and written back as one");
        }
        field = LabelmeFormat.POLYGON;
        value = new PolygonValue(label, Polygon.of(xy), attributes);
      }
      case "linestrip", "line" -> {
        if (xy.length < 4) {
          throw pointsNode.error("a " + type + " needs at least 2 points, this one has 1");
        }
        field = type.equals("line") ? LabelmeFormat.LINE : LabelmeFormat.POLYLINE;
        value = new PolylineValue(label, new Polyline(points(xy)), attributes);
      }
      case "point", "points" -> {
        List<Keypoint> keypoints = new ArrayList<>();
        for (int i = 0; i < xy.length; i += 2) {
          keypoints.add(
              new Keypoint(
                  Integer.toString(i / 2 + 1), xy[i], xy[i + 1], Keypoint.Visibility.VISIBLE));
        }
        maxPoints = Math.max(maxPoints, keypoints.size());
        field = LabelmeFormat.KEYPOINTS;
        value = new KeypointsValue(label, keypoints, attributes);
      }
      case "circle" -> {
        count(pointsNode, xy, 2, "a circle");
        field = LabelmeFormat.CIRCLE;
        value =
            new KeypointsValue(
                label,
                List.of(
                    new Keypoint(CIRCLE_POINTS.get(0), xy[0], xy[1], Keypoint.Visibility.VISIBLE),
                    new Keypoint(CIRCLE_POINTS.get(1), xy[2], xy[3], Keypoint.Visibility.VISIBLE)),
                attributes);
      }
      case "mask" -> {
        count(pointsNode, xy, 2, "a mask");
        field = LabelmeFormat.MASK;
        value = new MaskValue(label, mask(shape, xy, width, height, at, report), attributes);
      }
      default -> {
        if (report) {
          context.lose(
              at,
              "shape skipped",
              "the shape_type \""
                  + type
                  + "\" is not one of labelme's (rectangle, polygon, oriented_rectangle, circle,"
                  + " line, linestrip, point, points, mask)");
        }
        return Optional.empty();
      }
    }
    fields.add(field);
    labels.add(label);
    return Optional.of(new Result(id, field, value, score));
  }

  private static void count(Node points, double[] xy, int expected, String what) {
    if (xy.length != expected * 2) {
      throw points.error(what + " has " + expected + " points, this one has " + xy.length / 2);
    }
  }

  private static List<Point> points(double[] xy) {
    List<Point> points = new ArrayList<>(xy.length / 2);
    for (int i = 0; i < xy.length; i += 2) {
      points.add(new Point(xy[i], xy[i + 1]));
    }
    return points;
  }

  /**
   * The mask of a shape in the whole image: the PNG's pixels placed with their top-left at the
   * first point rounded half to even (labelme's {@code shapes_to_label}: {@code
   * np.asarray(origin).round()}), clipped to the image.
   */
  private RleMask mask(
      Node shape, double[] xy, int width, int height, LossObject at, boolean report) {
    Node data = need(shape, "mask");
    if ((long) width * height > Png.MAX_PIXELS) {
      throw data.error(
          "the image is "
              + width
              + " x "
              + height
              + ", too large for a mask (at most "
              + Png.MAX_PIXELS
              + " pixels)");
    }
    if (data.isNull()) {
      throw data.error("a mask shape needs its mask, a base64 PNG");
    }
    Png.Image png;
    try {
      png =
          Png.decode(
              base64(data, "mask"), data.location().source().orElse("") + " " + data.pointer());
    } catch (FormatException e) {
      throw data.error("the mask is " + e.problem());
    }
    double left = Math.rint(xy[0]);
    double top = Math.rint(xy[1]);
    boolean[] bitmap = new boolean[width * height];
    boolean clipped = false;
    for (int r = 0; r < png.height(); r++) {
      for (int c = 0; c < png.width(); c++) {
        if (!png.set()[r * png.width() + c]) {
          continue;
        }
        double x = left + c;
        double y = top + r;
        if (x < 0 || y < 0 || x >= width || y >= height) {
          clipped = true;
          continue;
        }
        bitmap[((int) y) * width + (int) x] = true;
      }
    }
    if (clipped && report) {
      context.lose(at, "mask clipped to the image", "part of the mask lies outside the image");
    }
    return RleMask.fromBitmap(height, width, bitmap);
  }

  /** A shape's group, description, flags and other scalar keys as attributes. */
  private Map<String, AttributeValue> attributes(Node shape, LossObject at, boolean report) {
    Map<String, AttributeValue> values = new LinkedHashMap<>();
    Optional<Node> group = shape.get(GROUP_ID);
    if (group.isPresent()) {
      values.put(GROUP_ID, AttributeValue.of(group.get().integer(GROUP_ID)));
    }
    Optional<Node> description = shape.get(DESCRIPTION);
    if (description.isPresent()) {
      String text = description.get().string(DESCRIPTION);
      if (!text.isEmpty()) {
        values.put(DESCRIPTION, AttributeValue.of(text));
      }
    }
    Optional<Node> flags = shape.get("flags");
    if (flags.isPresent()) {
      for (Map.Entry<String, Node> flag : flags.get().members("flags").entrySet()) {
        if (!isName(FLAGS + flag.getKey())) {
          throw flag.getValue().error("the flag name \"" + flag.getKey() + "\" is not valid");
        }
        values.put(
            FLAGS + flag.getKey(),
            AttributeValue.of(flag.getValue().bool("the flag \"" + flag.getKey() + "\"")));
      }
    }
    for (Map.Entry<String, Node> member : shape.members("a shape").entrySet()) {
      String key = member.getKey();
      Node value = member.getValue();
      if (SHAPE_KEYS.contains(key) || value.isNull() || (key.equals(SCORE) && value.isNumber())) {
        continue;
      }
      if (!isName(key)) {
        if (report) {
          context.lose(
              at,
              "shape key dropped",
              "the key \""
                  + key
                  + "\" cannot name an attribute (empty, or with spaces or"
                  + " control characters at its ends)");
        }
        continue;
      }
      if (key.startsWith(FLAGS)) {
        if (report) {
          context.lose(at, "shape key dropped", "the key \"" + key + "\" is reserved for flags");
        }
        continue;
      }
      if (value.isString()) {
        values.put(key, AttributeValue.of(value.string(key)));
      } else if (value.isBoolean()) {
        values.put(key, AttributeValue.of(value.bool(key)));
      } else if (value.isNumber()) {
        values.put(key, AttributeValue.of(value.number(key)));
      } else if (report) {
        context.lose(
            at,
            "shape key dropped",
            "the key \"" + key + "\" holds " + value.kind() + ", which no attribute can hold");
      }
    }
    if (report) {
      return coerce(values);
    }
    for (Map.Entry<String, AttributeValue> value : values.entrySet()) {
      attributeTypes
          .computeIfAbsent(value.getKey(), k -> EnumSet.noneOf(AttributeType.class))
          .add(typeOf(value.getValue()));
    }
    return values;
  }

  /** Whether a key can name an attribute: not empty, no white space or controls at its ends. */
  static boolean isName(String key) {
    if (key.isEmpty() || key.isBlank()) {
      return false;
    }
    for (int i = 0; i < key.length(); i++) {
      if (Character.isISOControl(key.charAt(i))) {
        return false;
      }
    }
    return key.strip().equals(key);
  }

  private static AttributeType typeOf(AttributeValue value) {
    return switch (value) {
      case AttributeValue.Bool b -> AttributeType.BOOLEAN;
      case AttributeValue.Number n -> AttributeType.NUMBER;
      case AttributeValue.Text t -> AttributeType.TEXT;
    };
  }

  /** Values of an attribute whose type differs between shapes are read as text. */
  private Map<String, AttributeValue> coerce(Map<String, AttributeValue> values) {
    Map<String, AttributeValue> coerced = new HashMap<>();
    for (Map.Entry<String, AttributeValue> value : values.entrySet()) {
      AttributeType type = attributeSpecs.getOrDefault(value.getKey(), AttributeType.TEXT);
      AttributeValue v = value.getValue();
      if (type == AttributeType.TEXT && !(v instanceof AttributeValue.Text)) {
        v = AttributeValue.of(text(v));
      }
      coerced.put(value.getKey(), v);
    }
    return coerced;
  }

  static String text(AttributeValue value) {
    return switch (value) {
      case AttributeValue.Bool b -> Boolean.toString(b.value());
      case AttributeValue.Number n -> number(n.value());
      case AttributeValue.Text t -> t.value();
    };
  }

  static String number(double value) {
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      return Long.toString((long) value);
    }
    return BigDecimal.valueOf(value).toPlainString();
  }
}
