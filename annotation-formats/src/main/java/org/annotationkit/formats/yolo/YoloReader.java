package org.annotationkit.formats.yolo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.annotationkit.core.annotation.Annotation;
import org.annotationkit.core.annotation.BoxValue;
import org.annotationkit.core.annotation.KeypointsValue;
import org.annotationkit.core.annotation.PolygonValue;
import org.annotationkit.core.dataset.DatasetEntry;
import org.annotationkit.core.dataset.DatasetSource;
import org.annotationkit.core.geometry.Box;
import org.annotationkit.core.geometry.Keypoint;
import org.annotationkit.core.geometry.Polygon;
import org.annotationkit.core.io.FormatException;
import org.annotationkit.core.item.ImageItem;
import org.annotationkit.core.schema.Field;
import org.annotationkit.core.schema.FieldKind;
import org.annotationkit.core.schema.Label;
import org.annotationkit.core.schema.LabelSet;
import org.annotationkit.core.schema.Schema;
import org.annotationkit.core.schema.Skeleton;
import org.annotationkit.formats.ConversionContext;
import org.annotationkit.formats.LossObject;
import org.annotationkit.formats.internal.ImageNames;
import org.annotationkit.formats.internal.ImageSizes;
import org.annotationkit.formats.internal.IoMessages;
import org.annotationkit.formats.internal.SafePaths;
import org.jspecify.annotations.Nullable;

/**
 * Reads a YOLO folder: the configuration first (the schema), then one entry per image, in the order
 * of the images' paths, each label file read when its entry is asked for.
 */
final class YoloReader {
  /** A decimal number as label files write them: no hexadecimal, no NaN, no type suffix. */
  private static final Pattern DECIMAL =
      Pattern.compile("[+-]?(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)(?:[eE][+-]?[0-9]+)?");

  /** The largest value a line may hold: far outside the image, but finite in pixels. */
  private static final double MAX_VALUE = 1e6;

  private static final Pattern WHITE = Pattern.compile("[ \\t\\f\\u000B]+");

  /** The extensions of images listed as images without labels. */
  private static final List<String> IMAGE_EXTENSIONS =
      List.of(".jpg", ".jpeg", ".png", ".bmp", ".gif", ".webp");

  /** Text files beside a Darknet configuration that are not label files. */
  private static final Set<String> LIST_FILES =
      Set.of("train.txt", "val.txt", "valid.txt", "test.txt", "classes.txt", "obj.names");

  /** Relative tolerance of the rectangle test for oriented boxes (6 decimals in the file). */
  private static final double RECTANGLE_TOLERANCE = 4e-6;

  private final ConversionContext context;
  private final YoloTask task;
  private final List<String> names;
  private final Optional<YoloConfig> config;
  private final List<String> keypointNames;
  private final int kptDims;
  private final ImageSizes sizes;

  private YoloReader(
      ConversionContext context,
      YoloTask task,
      List<String> names,
      Optional<YoloConfig> config,
      ImageSizes sizes) {
    this.context = context;
    this.names = names;
    this.config = config;
    this.sizes = sizes;
    YoloTask chosen = task;
    if (chosen == YoloTask.AUTO && config.isPresent() && config.get().kptCount().isPresent()) {
      chosen = YoloTask.POSE;
    }
    this.task = chosen;
    if (chosen == YoloTask.POSE) {
      YoloConfig c =
          config
              .filter(k -> k.kptCount().isPresent())
              .orElseThrow(() ->
                  FormatException.at(
                      "task=pose needs kpt_shape: [keypoints, 2 or 3] in data.yaml",
                      FormatException.Location.of(
                          config.map(YoloConfig::source).orElse(YoloFormat.DATA_YAML), 0, 0)));
      int count = c.kptCount().getAsInt();
      List<String> points = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        points.add(c.kptNames().map(n -> n.get(points.size())).orElse(String.valueOf(i)));
      }
      this.keypointNames = List.copyOf(points);
      this.kptDims = c.kptDims();
    } else {
      this.keypointNames = List.of();
      this.kptDims = 0;
    }
  }

  static DatasetSource open(Path input, ConversionContext context) {
    if (!Files.isDirectory(input)) {
      throw FormatException.at(
          "a YOLO dataset is a folder (data.yaml and labels/<image>.txt), not a file",
          FormatException.Location.of(input.toString(), 0, 0));
    }
    YoloTask task = YoloTask.of(context.options().value(YoloFormat.TASK, "auto"));
    Optional<YoloConfig> config = config(input);
    Path labelsRoot =
        Files.isDirectory(input.resolve(YoloFormat.LABELS))
            ? input.resolve(YoloFormat.LABELS)
            : input;
    Path imagesRoot =
        context
            .options()
            .images()
            .orElse(labelsRoot.equals(input) ? input : input.resolve(YoloFormat.IMAGES));
    TreeMap<String, @Nullable Path> stems = new TreeMap<>();
    for (Path file : list(labelsRoot)) {
      String relative = relative(labelsRoot, file);
      String lower = relative.toLowerCase(Locale.ROOT);
      if (lower.endsWith(".txt")
          && !(labelsRoot.equals(input) && !relative.contains("/") && LIST_FILES.contains(lower))) {
        stems.put(relative.substring(0, relative.length() - 4), file);
      }
    }
    if (Files.isDirectory(imagesRoot)) {
      for (Path file : list(imagesRoot)) {
        String relative = relative(imagesRoot, file);
        String lower = relative.toLowerCase(Locale.ROOT);
        if (IMAGE_EXTENSIONS.stream().anyMatch(lower::endsWith)) {
          stems.putIfAbsent(ImageNames.stem(relative), null);
        }
      }
    }
    ImageSizes sizes = ImageSizes.of(context.options().sizes(), Optional.of(imagesRoot));
    List<String> names = config.map(YoloConfig::names).orElseGet(() -> indexNames(stems));
    YoloReader reader = new YoloReader(context, task, names, config, sizes);
    Schema schema = reader.schema();
    return reader.source(schema, stems);
  }

  /** The configuration of a folder, if it has one. */
  private static Optional<YoloConfig> config(Path input) {
    Path yaml = input.resolve(YoloFormat.DATA_YAML);
    if (Files.isRegularFile(yaml)) {
      return Optional.of(YoloConfig.ofYaml(yaml));
    }
    List<Path> yamls = new ArrayList<>();
    try (Stream<Path> files = Files.list(input)) {
      files
          .filter(p -> {
            String name = String.valueOf(p.getFileName()).toLowerCase(Locale.ROOT);
            return name.endsWith(".yaml") || name.endsWith(".yml");
          })
          .filter(Files::isRegularFile)
          .sorted()
          .forEach(yamls::add);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + input + ": " + IoMessages.reason(e), e);
    }
    List<Path> withNames =
        yamls.stream()
            .filter(p -> Pattern.compile("(?m)^names\\s*:").matcher(YoloConfig.read(p)).find())
            .toList();
    if (withNames.size() > 1) {
      throw FormatException.at(
          "the folder holds several dataset YAML files with 'names' ("
              + withNames.stream().map(p -> String.valueOf(p.getFileName())).toList()
              + "); name the one to read data.yaml",
          FormatException.Location.of(input.toString(), 0, 0));
    }
    if (withNames.size() == 1) {
      return Optional.of(YoloConfig.ofYaml(withNames.get(0)));
    }
    for (String name : List.of("obj.names", "classes.txt")) {
      Path file = input.resolve(name);
      if (Files.isRegularFile(file)) {
        return Optional.of(YoloConfig.ofNames(file));
      }
    }
    Path data = input.resolve("obj.data");
    if (Files.isRegularFile(data)) {
      String text = YoloConfig.read(data);
      String[] lines = text.split("\r\n|\n|\r", -1);
      for (int i = 0; i < lines.length; i++) {
        String line = lines[i].strip();
        int equals = line.indexOf('=');
        if (equals > 0 && line.substring(0, equals).strip().equals("names")) {
          String value = line.substring(equals + 1).strip().replace('\\', '/');
          // Darknet's paths are relative to where it runs, usually with data/ in front.
          Path file = null;
          try {
            file = SafePaths.resolve(input, value);
            if (!Files.isRegularFile(file) && value.startsWith("data/")) {
              file = SafePaths.resolve(input, value.substring(5));
            }
          } catch (IllegalArgumentException e) {
            throw FormatException.at(
                String.valueOf(e.getMessage()),
                FormatException.Location.of(data.toString(), i + 1, 0));
          }
          if (!Files.isRegularFile(file)) {
            throw FormatException.at(
                "the names file " + value + " does not exist in " + input,
                FormatException.Location.of(data.toString(), i + 1, 0));
          }
          return Optional.of(YoloConfig.ofNames(file));
        }
      }
    }
    return Optional.empty();
  }

  /** The files under a folder. */
  private static List<Path> list(Path root) {
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(Files::isRegularFile).toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + root + ": " + IoMessages.reason(e), e);
    }
  }

  private static String relative(Path root, Path file) {
    return root.relativize(file).toString().replace('\\', '/');
  }

  /** Class names 0..max over every label file, for a folder without a names file. */
  private static List<String> indexNames(Map<String, @Nullable Path> stems) {
    int max = 0;
    for (Path file : stems.values()) {
      if (file == null) {
        continue;
      }
      List<String> lines = lines(file);
      for (int i = 0; i < lines.size(); i++) {
        String line = lines.get(i).strip();
        if (!line.isEmpty()) {
          max = Math.max(max, classIndex(WHITE.split(line, 2)[0], file.toString(), i + 1));
        }
      }
    }
    List<String> names = new ArrayList<>();
    for (int i = 0; i <= max; i++) {
      names.add(String.valueOf(i));
    }
    return names;
  }

  private static List<String> lines(Path file) {
    try {
      String text = Files.readString(file, StandardCharsets.UTF_8);
      if (text.startsWith("\uFEFF")) {
        text = text.substring(1);
      }
      return List.of(text.split("\r\n|\n|\r", -1));
    } catch (java.nio.charset.MalformedInputException e) {
      throw FormatException.at(
          "the label file is not UTF-8 text", FormatException.Location.of(file.toString(), 0, 0));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + IoMessages.reason(e), e);
    }
  }

  private static int classIndex(String text, String source, int line) {
    if (!text.isEmpty() && text.chars().allMatch(c -> c >= '0' && c <= '9')) {
      try {
        int index = Integer.parseInt(text);
        if (index < YoloConfig.MAX_CLASSES) {
          return index;
        }
      } catch (NumberFormatException e) {
        // too large: reported below
      }
    }
    throw FormatException.at(
        "the class must be an index 0, 1, 2, ... (below "
            + YoloConfig.MAX_CLASSES
            + "), found '"
            + text
            + "'",
        FormatException.Location.of(source, line, 1));
  }

  // ------------------------------------------------------------------ schema

  private Schema schema() {
    String source = config.map(YoloConfig::source).orElse("the class indices");
    LabelSet labels;
    try {
      List<Label> list = new ArrayList<>();
      for (String name : names) {
        list.add(Label.of(name));
      }
      labels = LabelSet.of(list);
    } catch (IllegalArgumentException e) {
      throw FormatException.at(
          "the class names are not valid labels: " + e.getMessage(),
          FormatException.Location.of(source, namesLine(), 0));
    }
    List<Field> fields = new ArrayList<>();
    fields.add(
        Field.builder(YoloFormat.BOX, FieldKind.BOX)
            .labels(labels)
            .rotatable(task == YoloTask.OBB)
            .build());
    if (task != YoloTask.DETECT && task != YoloTask.POSE) {
      fields.add(Field.builder(YoloFormat.POLYGON, FieldKind.POLYGON).labels(labels).build());
    }
    if (task == YoloTask.POSE) {
      Skeleton skeleton;
      try {
        skeleton = new Skeleton(keypointNames, List.of());
      } catch (IllegalArgumentException e) {
        throw FormatException.at(
            "the keypoint names are not valid: " + e.getMessage(),
            FormatException.Location.of(source, config.map(c -> c.kptNamesLine()).orElse(0), 0));
      }
      fields.add(
          Field.builder(YoloFormat.KEYPOINTS, FieldKind.KEYPOINTS)
              .labels(labels)
              .skeleton(skeleton)
              .build());
    }
    return new Schema(YoloFormat.NAME, fields, Optional.empty());
  }

  private int namesLine() {
    return config.map(YoloConfig::namesLine).orElse(0);
  }

  // ------------------------------------------------------------------ entries

  private DatasetSource source(Schema schema, SortedMap<String, @Nullable Path> stems) {
    Iterator<Map.Entry<String, @Nullable Path>> files = stems.entrySet().iterator();
    return new DatasetSource() {
      private boolean closed;

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
        return !closed && files.hasNext();
      }

      @Override
      public DatasetEntry next() {
        if (!hasNext()) {
          throw new NoSuchElementException("no more YOLO label files");
        }
        Map.Entry<String, @Nullable Path> next = files.next();
        return entry(next.getKey(), next.getValue());
      }

      @Override
      public void close() {
        closed = true;
      }
    };
  }

  private DatasetEntry entry(String stem, @Nullable Path file) {
    String source = file == null ? stem : file.toString();
    ImageSizes.Found found =
        sizes
            .find(stem)
            .orElseThrow(() ->
                FormatException.at(
                    "the size of the image "
                        + stem
                        + " is unknown: YOLO files do not hold it; give the images (--images DIR)"
                        + " or a sizes table (--sizes SIZES.csv with file_name,width,height)",
                    FormatException.Location.of(source, 0, 0)));
    String id = found.path();
    int slash = stem.lastIndexOf('/');
    if (!id.contains("/") && slash >= 0) {
      id = stem.substring(0, slash + 1) + id;
    }
    ImageItem item = new ImageItem(id, ImageNames.relativeUri(id), found.width(), found.height());
    if (file == null) {
      return DatasetEntry.of(item);
    }
    Annotation.Builder annotation = Annotation.builder(id, id, YoloFormat.ANNOTATOR);
    List<String> lines = lines(file);
    int objects = 0;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (!line.isEmpty()) {
        line(annotation, item, line, source, i + 1);
        objects++;
      }
    }
    if (objects == 0) {
      return DatasetEntry.of(item);
    }
    return new DatasetEntry(item, List.of(annotation.build()));
  }

  private void line(
      Annotation.Builder annotation, ImageItem image, String line, String source, int number) {
    String[] parts = WHITE.split(line, -1);
    int index = classIndex(parts[0], source, number);
    if (index >= names.size()) {
      throw FormatException.at(
          "the class "
              + index
              + " has no name: "
              + config.map(YoloConfig::source).orElse("the names")
              + " names "
              + names.size()
              + " classes (0 to "
              + (names.size() - 1)
              + ")",
          FormatException.Location.of(source, number, 1));
    }
    String label = names.get(index);
    int n = parts.length - 1;
    double[] v = new double[n];
    for (int k = 0; k < n; k++) {
      String text = parts[k + 1];
      double value = DECIMAL.matcher(text).matches() ? Double.parseDouble(text) : Double.NaN;
      if (!Double.isFinite(value)) {
        throw FormatException.at(
            "value " + (k + 1) + " after the class is not a number: '" + text + "'",
            FormatException.Location.of(source, number, 0));
      }
      if (Math.abs(value) > MAX_VALUE) {
        throw FormatException.at(
            "value "
                + (k + 1)
                + " after the class is "
                + text
                + ": normalised coordinates are near [0, 1], not beyond "
                + MAX_VALUE,
            FormatException.Location.of(source, number, 0));
      }
      v[k] = value;
    }
    String id = String.valueOf(number);
    double w = image.width();
    double h = image.height();
    LossObject where = LossObject.image(image.id()).withAnnotation(id).withLine(number);
    switch (task) {
      case DETECT -> {
        expect(n == 4, source, number, "a detection line is class cx cy w h: 4 values", n);
        annotation.result(id, YoloFormat.BOX, new BoxValue(label, box(v, 0, w, h, where)));
      }
      case OBB -> {
        expect(n == 8, source, number, "an OBB line is class x1 y1 x2 y2 x3 y3 x4 y4: 8 values", n);
        double[] xy = new double[8];
        for (int k = 0; k < 8; k++) {
          xy[k] = v[k] * (k % 2 == 0 ? w : h);
        }
        Box box = rectangle(xy, Math.max(w, h));
        if (box != null) {
          annotation.result(id, YoloFormat.BOX, new BoxValue(label, box));
        } else {
          annotation.result(id, YoloFormat.POLYGON, new PolygonValue(label, Polygon.of(xy)));
        }
      }
      case POSE -> {
        int k = keypointNames.size();
        expect(
            n == 4 + k * kptDims,
            source,
            number,
            "a pose line is class cx cy w h and "
                + k
                + " keypoints of "
                + (kptDims == 3 ? "x y v" : "x y")
                + ": "
                + (4 + k * kptDims)
                + " values",
            n);
        annotation.result(id + "/box", YoloFormat.BOX, new BoxValue(label, box(v, 0, w, h, where)));
        List<Keypoint> points = new ArrayList<>(k);
        for (int p = 0; p < k; p++) {
          int at = 4 + p * kptDims;
          double x = v[at];
          double y = v[at + 1];
          Keypoint.Visibility visibility;
          if (kptDims == 3) {
            double flag = v[at + 2];
            if (flag != 0 && flag != 1 && flag != 2) {
              throw FormatException.at(
                  "the visibility of keypoint " + p + " must be 0, 1 or 2, found " + parts[at + 3],
                  FormatException.Location.of(source, number, 0));
            }
            visibility = Keypoint.Visibility.ofCocoFlag((int) flag);
          } else {
            visibility =
                x < 0 || y < 0 ? Keypoint.Visibility.NOT_LABELED : Keypoint.Visibility.VISIBLE;
          }
          points.add(new Keypoint(keypointNames.get(p), x * w, y * h, visibility));
        }
        annotation.result(
            id + "/keypoints", YoloFormat.KEYPOINTS, new KeypointsValue(label, points));
      }
      case AUTO, SEGMENT -> {
        if (n == 4) {
          annotation.result(id, YoloFormat.BOX, new BoxValue(label, box(v, 0, w, h, where)));
        } else {
          expect(
              n >= 6 && n % 2 == 0,
              source,
              number,
              "a segmentation line is class x1 y1 x2 y2 ...: an even number of at least 6"
                  + " values (or 4 for a box)",
              n);
          double[] xy = new double[n];
          for (int k = 0; k < n; k++) {
            xy[k] = v[k] * (k % 2 == 0 ? w : h);
          }
          annotation.result(id, YoloFormat.POLYGON, new PolygonValue(label, Polygon.of(xy)));
        }
      }
    }
  }

  private static void expect(boolean ok, String source, int number, String rule, int found) {
    if (!ok) {
      throw FormatException.at(
          rule + " after the class, found " + found,
          FormatException.Location.of(source, number, 0));
    }
  }

  /** The box of {@code cx cy w h} at {@code at}, in pixels; a negative size is reported. */
  private Box box(double[] v, int at, double width, double height, LossObject where) {
    double bw = v[at + 2];
    double bh = v[at + 3];
    if (bw < 0 || bh < 0) {
      context.lose(
          where,
          "negative size normalized",
          "the box has the width " + bw + " and height " + bh + "; read as their sizes");
      bw = Math.abs(bw);
      bh = Math.abs(bh);
    }
    double x0 = (v[at] - bw / 2) * width;
    double y0 = (v[at + 1] - bh / 2) * height;
    return Box.of(x0, y0, bw * width, bh * height);
  }

  /**
   * The rotated box whose corners, in order, are {@code xy} (pixels), or null when they are not a
   * rectangle within the tolerance of 6 decimals of {@code scale}.
   */
  static @Nullable Box rectangle(double[] xy, double scale) {
    double tolerance = RECTANGLE_TOLERANCE * scale;
    double e0x = xy[2] - xy[0];
    double e0y = xy[3] - xy[1];
    double e1x = xy[4] - xy[2];
    double e1y = xy[5] - xy[3];
    double e2x = xy[6] - xy[4];
    double e2y = xy[7] - xy[5];
    double e3x = xy[0] - xy[6];
    double e3y = xy[1] - xy[7];
    if (Math.hypot(e0x + e2x, e0y + e2y) > tolerance
        || Math.hypot(e1x + e3x, e1y + e3y) > tolerance) {
      return null;
    }
    double w = Math.hypot(e0x, e0y);
    double h = Math.hypot(e1x, e1y);
    if (Math.abs(e0x * e1x + e0y * e1y) > tolerance * (w + h)) {
      return null;
    }
    // Clockwise on screen (y down): the bottom edge follows the top one to the right.
    if (e0x * e1y - e0y * e1x < 0 && w > 0 && h > 0) {
      return null;
    }
    double cx = (xy[0] + xy[2] + xy[4] + xy[6]) / 4;
    double cy = (xy[1] + xy[3] + xy[5] + xy[7]) / 4;
    if (e0y == 0 && e2y == 0 && e1x == 0 && e3x == 0 && e0x >= 0) {
      // Axis-aligned, as most boxes are: no trigonometry, no rounding.
      return Box.of(cx - w / 2, cy - h / 2, w, h);
    }
    // The direction of the width from all four edges (the two long ones weigh most), so that the
    // rounding of a short edge barely turns the box: e0 and -e2 point along it, e1 and -e3 along
    // it turned by 90 degrees.
    double dx = e0x - e2x + (e1y - e3y);
    double dy = e0y - e2y - (e1x - e3x);
    double length = Math.hypot(dx, dy);
    if (length == 0) {
      return Box.of(cx, cy, 0, 0);
    }
    double ux = dx / length;
    double uy = dy / length;
    w = Math.abs((e0x - e2x) * ux + (e0y - e2y) * uy) / 2;
    h = Math.abs((e1x - e3x) * -uy + (e1y - e3y) * ux) / 2;
    double rotation = Math.toDegrees(Math.atan2(uy, ux));
    return new Box(cx - w / 2, cy - h / 2, w, h, rotation);
  }
}
