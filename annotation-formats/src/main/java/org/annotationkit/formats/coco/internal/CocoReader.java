package org.annotationkit.formats.coco.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeMap;
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
import org.annotationkit.core.geometry.Polygon;
import org.annotationkit.core.geometry.RleMask;
import org.annotationkit.core.io.FormatException;
import org.annotationkit.core.item.ImageItem;
import org.annotationkit.core.schema.Schema;
import org.annotationkit.formats.ConversionContext;
import org.annotationkit.formats.LossObject;
import org.annotationkit.formats.coco.CocoFormat;
import org.annotationkit.formats.coco.CocoRle;
import org.annotationkit.formats.coco.MalformedRleException;
import org.annotationkit.formats.internal.JsonInput;
import org.annotationkit.formats.internal.JsonNumbers;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamLocation;

/**
 * Reads a COCO file in two passes, as an ungrouped {@link DatasetSource}: the first pass ({@link
 * CocoHeader}) keeps the images and categories and skips the annotations; the source then gives
 * every image in an entry of its own, in file order, and a second pass streams the annotations,
 * each in an entry with its image. So the file's sections may come in any order, and what is held
 * is the images and categories, never the annotations.
 */
public final class CocoReader implements DatasetSource {
  /** The id of the annotator of every annotation read: COCO records no annotators. */
  public static final String ANNOTATOR = "coco";

  /** The attribute that holds a rotated box's angle, in degrees clockwise about its centre. */
  static final String ROTATION = "rotation";

  /** Relative difference above which a file's {@code area} is reported as recomputed. */
  private static final double AREA_TOLERANCE = 1e-9;

  private final Path file;
  private final CocoHeader header;
  private final ConversionContext context;
  private final Iterator<ImageItem> images;
  private final int keypointCategories;
  private final LongSet numericIds = new LongSet();
  private final Set<String> textIds = new HashSet<>();
  private final AnnotationParse parse = new AnnotationParse();

  private @Nullable JsonInput in;
  private boolean done;
  private boolean closed;
  private @Nullable DatasetEntry pending;
  private long index = -1;

  private CocoReader(Path file, CocoHeader header, ConversionContext context) {
    this.file = file;
    this.header = header;
    this.context = context;
    this.images = header.images.values().iterator();
    this.keypointCategories =
        (int) header.categories.stream().filter(CocoCategory::hasKeypoints).count();
  }

  /**
   * Opens a COCO file: reads its images and categories now, its annotations as the source is read.
   *
   * @param file the file
   * @param context where losses go
   * @return the source
   * @throws FormatException if the images or categories are malformed
   */
  public static DatasetSource open(Path file, ConversionContext context) {
    return new CocoReader(file, CocoHeader.read(file, context), context);
  }

  @Override
  public Schema schema() {
    return header.schema;
  }

  @Override
  public boolean grouped() {
    return false;
  }

  @Override
  public boolean hasNext() {
    if (pending == null && !done) {
      pending = advance();
    }
    return pending != null;
  }

  @Override
  public DatasetEntry next() {
    if (!hasNext()) {
      throw new NoSuchElementException("no more entries in " + file);
    }
    DatasetEntry entry = java.util.Objects.requireNonNull(pending);
    pending = null;
    return entry;
  }

  @Override
  public void close() {
    closed = true;
    done = true;
    JsonInput open = in;
    in = null;
    if (open != null) {
      open.close();
    }
  }

  private @Nullable DatasetEntry advance() {
    if (closed) {
      throw new IllegalStateException("the source of " + file + " is closed");
    }
    if (images.hasNext()) {
      return DatasetEntry.of(images.next());
    }
    if (!header.hasAnnotations) {
      done = true;
      return null;
    }
    JsonInput input = in;
    if (input == null) {
      input = JsonInput.open(file);
      in = input;
      toAnnotations(input);
    }
    while (true) {
      JsonToken token = input.next();
      if (token == JsonToken.END_ARRAY) {
        done = true;
        in = null;
        input.close();
        return null;
      }
      if (token != JsonToken.START_OBJECT) {
        throw input.error("an annotation must be an object, got " + Json.describe(token));
      }
      index++;
      DatasetEntry entry = annotation(input);
      if (entry != null) {
        return entry;
      }
    }
  }

  /** Positions the second pass on the start of the annotations. */
  private static void toAnnotations(JsonInput input) {
    input.next();
    JsonToken token;
    while ((token = input.next()) == JsonToken.PROPERTY_NAME) {
      String key = input.parser().currentName();
      Json.value(input);
      if (key.equals("annotations")) {
        return;
      }
      input.skip();
    }
    throw input.error("the file changed while it was read: its \"annotations\" are gone");
  }

  /** Reads one annotation object; null when it is dropped (reported). */
  private @Nullable DatasetEntry annotation(JsonInput input) {
    AnnotationParse a = parse;
    a.reset(input);
    JsonParser parser = input.parser();
    JsonToken token;
    while ((token = input.next()) == JsonToken.PROPERTY_NAME) {
      String key = parser.currentName();
      JsonToken value = Json.value(input);
      switch (key) {
        case "id" -> {
          a.id = Json.id(input, "the annotation's \"id\"");
          a.numericId = value == JsonToken.VALUE_NUMBER_INT;
          if (a.numericId) {
            a.longId = Json.integer(input, "the annotation's \"id\"");
          }
        }
        case "image_id" -> a.imageId = Json.id(input, "\"image_id\"");
        case "category_id" -> {
          a.categoryId = Json.integer(input, "\"category_id\"");
          a.hasCategory = true;
        }
        case "bbox" -> a.bbox(input);
        case "segmentation" -> a.segmentation(input);
        case "keypoints" -> a.keypoints(input);
        case "num_keypoints" -> a.numKeypoints = Json.integer(input, "\"num_keypoints\"");
        case "area" -> a.area = Json.number(input, "\"area\"");
        case "iscrowd" -> a.crowd(input);
        case "attributes" -> a.attributes(input, context);
        case "score" -> a.score = OptionalDouble.of(Json.number(input, "\"score\""));
        default -> {
          input.skip();
          a.extraKeys.add(key);
        }
      }
    }
    Json.endOfObject(input, token);
    return a.build();
  }

  /** The scratch state of one annotation being read, reused from one to the next. */
  private final class AnnotationParse {
    private JsonInput input;
    private long line;
    private long column;
    @Nullable String id;
    boolean numericId;
    long longId;
    @Nullable String imageId;
    long categoryId;
    boolean hasCategory;
    private final double[] box = new double[4];
    private boolean hasBox;
    private final List<double[]> polygons = new ArrayList<>();
    private double[] numbers = new double[64];
    private int rleHeight;
    private int rleWidth;
    private int @Nullable [] rleCounts;
    private @Nullable String rleString;
    private boolean hasRle;
    private double @Nullable [] keypoints;
    long numKeypoints;
    double area;
    private boolean crowd;
    private @Nullable Map<String, AttributeValue> attributes;
    OptionalDouble score = OptionalDouble.empty();
    final List<String> extraKeys = new ArrayList<>();

    @SuppressWarnings("NullAway.Init")
    AnnotationParse() {}

    void reset(JsonInput input) {
      this.input = input;
      TokenStreamLocation where = input.parser().currentTokenLocation();
      line = Math.max(0, where.getLineNr());
      column = Math.max(0, where.getColumnNr());
      id = null;
      numericId = false;
      imageId = null;
      hasCategory = false;
      hasBox = false;
      polygons.clear();
      rleCounts = null;
      rleString = null;
      hasRle = false;
      keypoints = null;
      numKeypoints = -1;
      area = Double.NaN;
      crowd = false;
      attributes = null;
      score = OptionalDouble.empty();
      extraKeys.clear();
    }

    /** An error about a key of this annotation, read before. */
    FormatException error(String key, String problem) {
      String pointer = "/annotations/" + index + (key.isEmpty() ? "" : "/" + key);
      return FormatException.at(
          "annotation " + (id == null ? "#" + index : id) + ": " + problem,
          new FormatException.Location(
              Optional.of(input.source()), line, column, Optional.of(pointer)));
    }

    void bbox(JsonInput in) {
      Json.expect(in, JsonToken.START_ARRAY, "\"bbox\" must be [x, y, width, height]");
      int n = 0;
      while (in.next() != JsonToken.END_ARRAY) {
        double v = Json.number(in, "a \"bbox\" value");
        if (n == 4) {
          throw in.error("\"bbox\" must be [x, y, width, height]: 4 numbers, got more");
        }
        box[n++] = v;
      }
      if (n != 4) {
        throw in.error("\"bbox\" must be [x, y, width, height]: 4 numbers, got " + n);
      }
      if (box[2] < 0 || box[3] < 0) {
        throw in.error(
            "\"bbox\" is [x, y, width, height], and the "
                + (box[2] < 0 ? "width " + box[2] : "height " + box[3])
                + " is negative");
      }
      hasBox = true;
    }

    void segmentation(JsonInput in) {
      JsonToken token = in.parser().currentToken();
      if (token == JsonToken.VALUE_NULL) {
        return;
      }
      if (token == JsonToken.START_OBJECT) {
        rle(in);
        return;
      }
      if (token != JsonToken.START_ARRAY) {
        throw in.error(
            "\"segmentation\" must be a list of polygons or an RLE object, got "
                + Json.describe(token));
      }
      while ((token = in.next()) != JsonToken.END_ARRAY) {
        if (token != JsonToken.START_ARRAY) {
          throw in.error(
              "\"segmentation\" must be a list of polygons [[x1, y1, x2, y2, ...], ...], got "
                  + Json.describe(token)
                  + " in the list"
                  + (token == JsonToken.VALUE_NUMBER_FLOAT || token == JsonToken.VALUE_NUMBER_INT
                      ? " (a single polygon is written in a list of its own: [[x1, y1, ...]])"
                      : ""));
        }
        int n = readNumbers(in, "a polygon coordinate");
        if (n % 2 != 0) {
          throw in.error("a polygon is x1, y1, x2, y2, ...: an even number of values, got " + n);
        }
        polygons.add(Arrays.copyOf(numbers, n));
      }
    }

    private int readNumbers(JsonInput in, String what) {
      JsonParser parser = in.parser();
      int n = 0;
      JsonToken token;
      while ((token = in.next()) != JsonToken.END_ARRAY) {
        double v;
        if (token == JsonToken.VALUE_NUMBER_FLOAT || token == JsonToken.VALUE_NUMBER_INT) {
          v = JsonNumbers.doubleValue(parser);
          if (!Double.isFinite(v)) {
            throw in.error(what + " is too large for a double: " + parser.getString());
          }
        } else {
          v = Json.number(in, what);
        }
        if (n == numbers.length) {
          numbers = Arrays.copyOf(numbers, n * 2);
        }
        numbers[n++] = v;
      }
      return n;
    }

    private void rle(JsonInput in) {
      boolean sized = false;
      JsonToken token;
      while ((token = in.next()) == JsonToken.PROPERTY_NAME) {
        String key = in.parser().currentName();
        JsonToken value = Json.value(in);
        switch (key) {
          case "size" -> {
            Json.expect(in, JsonToken.START_ARRAY, "the RLE's \"size\" must be [height, width]");
            long[] size = new long[2];
            int n = 0;
            while (in.next() != JsonToken.END_ARRAY) {
              long v = Json.integer(in, "an RLE size");
              if (n == 2) {
                throw in.error("the RLE's \"size\" must be [height, width], got more values");
              }
              size[n++] = v;
            }
            if (n != 2 || size[0] < 0 || size[1] < 0 || size[0] * size[1] > Integer.MAX_VALUE) {
              throw in.error(
                  "the RLE's \"size\" must be [height, width], two integers >= 0 whose product"
                      + " fits an int");
            }
            rleHeight = (int) size[0];
            rleWidth = (int) size[1];
            sized = true;
          }
          case "counts" -> {
            if (value == JsonToken.VALUE_STRING) {
              rleString = in.parser().getString();
            } else if (value == JsonToken.START_ARRAY) {
              int n = readNumbers(in, "an RLE count");
              int[] counts = new int[n];
              for (int i = 0; i < n; i++) {
                double c = numbers[i];
                if (c != Math.rint(c) || c < 0 || c > Integer.MAX_VALUE) {
                  throw in.error("RLE count " + i + " is " + c + ": counts are integers >= 0");
                }
                counts[i] = (int) c;
              }
              rleCounts = counts;
            } else {
              throw in.error(
                  "the RLE's \"counts\" must be a list of integers or a compressed string, got "
                      + Json.describe(value));
            }
          }
          default -> in.skip();
        }
      }
      Json.endOfObject(in, token);
      if (!sized) {
        throw in.error("the RLE has no \"size\": [height, width]");
      }
      if (rleCounts == null && rleString == null) {
        throw in.error("the RLE has no \"counts\"");
      }
      hasRle = true;
    }

    void keypoints(JsonInput in) {
      Json.expect(in, JsonToken.START_ARRAY, "\"keypoints\" must be a list [x1, y1, v1, ...]");
      int n = readNumbers(in, "a keypoint value");
      if (n % 3 != 0) {
        throw in.error(
            "\"keypoints\" is x1, y1, v1, x2, y2, v2, ...: a multiple of 3 values, got " + n);
      }
      for (int i = 2; i < n; i += 3) {
        double v = numbers[i];
        if (v != 0 && v != 1 && v != 2) {
          throw in.error(
              "keypoint " + (i / 3 + 1) + " has the visibility " + v + ": it must be 0, 1 or 2");
        }
      }
      keypoints = Arrays.copyOf(numbers, n);
    }

    void crowd(JsonInput in) {
      JsonToken token = in.parser().currentToken();
      if (token == JsonToken.VALUE_TRUE || token == JsonToken.VALUE_FALSE) {
        crowd = token == JsonToken.VALUE_TRUE;
        return;
      }
      long flag = Json.integer(in, "\"iscrowd\"");
      if (flag != 0 && flag != 1) {
        throw in.error("\"iscrowd\" must be 0 or 1, got " + flag);
      }
      crowd = flag == 1;
    }

    void attributes(JsonInput in, ConversionContext context) {
      if (in.parser().currentToken() == JsonToken.VALUE_NULL) {
        return;
      }
      Json.expect(in, JsonToken.START_OBJECT, "\"attributes\" must be an object");
      Map<String, AttributeValue> map = new TreeMap<>();
      JsonToken token;
      while ((token = in.next()) == JsonToken.PROPERTY_NAME) {
        String key = in.parser().currentName();
        JsonToken value = Json.value(in);
        AttributeValue attribute =
            switch (value) {
              case VALUE_TRUE -> AttributeValue.of(true);
              case VALUE_FALSE -> AttributeValue.of(false);
              case VALUE_STRING -> AttributeValue.of(in.parser().getString());
              case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT ->
                  AttributeValue.of(Json.number(in, "attribute \"" + key + "\""));
              default -> null;
            };
        if (attribute == null || key.isEmpty() || key.equals(CocoFormat.CROWD)) {
          in.skip();
          context.lose(
              lossObject(),
              "attribute dropped",
              "the attribute \""
                  + key
                  + "\" is "
                  + (attribute == null
                      ? Json.describe(value) + ": attributes hold booleans, numbers and strings"
                      : key.isEmpty() ? "unnamed" : "iscrowd, which the flag \"iscrowd\" holds"));
        } else {
          map.put(key, attribute);
        }
      }
      Json.endOfObject(in, token);
      attributes = map;
    }

    private LossObject lossObject() {
      String image = imageId == null ? null : header.fileNames.get(imageId);
      LossObject object = image == null ? LossObject.input() : LossObject.image(image);
      object = id == null ? object : object.withAnnotation(id);
      return line > 0 ? object.withLine(line) : object;
    }

    @Nullable DatasetEntry build() {
      String annotationId = id;
      if (annotationId == null) {
        throw error("", "it has no \"id\"");
      }
      if (imageId == null) {
        throw error("", "it has no \"image_id\"");
      }
      if (!hasCategory) {
        throw error("", "it has no \"category_id\"");
      }
      ImageItem image = header.image(imageId);
      if (image == null) {
        throw error("image_id", "its image " + imageId + " is not in \"images\"");
      }
      Integer rank = header.ranks.get(categoryId);
      if (rank == null) {
        throw error("category_id", "its category " + categoryId + " is not in \"categories\"");
      }
      boolean fresh = numericId ? numericIds.add(longId) : textIds.add(annotationId);
      if (!fresh) {
        throw error("id", "the annotation id " + annotationId + " appears twice");
      }
      for (String key : extraKeys) {
        context.lose(
            lossObject(), "annotation field dropped", "\"" + key + "\" has no place in the model");
      }
      CocoCategory category = header.categories.get(rank);
      String label = category.name();
      Map<String, AttributeValue> attrs = attributes == null ? Map.of() : attributes;
      if (crowd) {
        Map<String, AttributeValue> withCrowd = new TreeMap<>(attrs);
        withCrowd.put(CocoFormat.CROWD, AttributeValue.of(true));
        attrs = withCrowd;
      }
      String prefix = annotationId + "/";
      List<Result> results = new ArrayList<>(2 + polygons.size());
      Box derived = null;
      double expectedArea = Double.NaN;
      List<Value> shapes = new ArrayList<>(polygons.size() + 1);
      List<String> shapeIds = new ArrayList<>(polygons.size() + 1);
      List<String> shapeFields = new ArrayList<>(polygons.size() + 1);
      try {
        if (!polygons.isEmpty()) {
          double minX = Double.POSITIVE_INFINITY;
          double minY = Double.POSITIVE_INFINITY;
          double maxX = Double.NEGATIVE_INFINITY;
          double maxY = Double.NEGATIVE_INFINITY;
          double sum = 0;
          int part = 0;
          for (double[] xy : polygons) {
            part++;
            if (xy.length < 6) {
              context.lose(
                  lossObject(),
                  "polygon part dropped",
                  "part "
                      + part
                      + " has "
                      + xy.length / 2
                      + (xy.length == 2 ? " point" : " points")
                      + ": a polygon needs at least 3");
              continue;
            }
            for (int i = 0; i < xy.length; i += 2) {
              minX = Math.min(minX, xy[i]);
              maxX = Math.max(maxX, xy[i]);
              minY = Math.min(minY, xy[i + 1]);
              maxY = Math.max(maxY, xy[i + 1]);
            }
            sum += CocoGeometry.shoelace(xy);
            shapes.add(new PolygonValue(label, Polygon.of(xy), attrs));
            shapeIds.add(prefix + "polygon-" + part);
            shapeFields.add(CocoFormat.POLYGONS);
          }
          if (!shapes.isEmpty()) {
            derived = Box.of(minX, minY, maxX - minX, maxY - minY);
            expectedArea = sum;
          }
        }
        Box rotated = rotatedBox(attrs);
        if (rotated != null) {
          attrs = withoutRotation(attrs);
          shapes.set(0, new BoxValue(label, rotated, attrs));
          shapeIds.set(0, prefix + "box");
          shapeFields.set(0, CocoFormat.BOXES);
          expectedArea = rotated.area();
        }
        if (hasRle) {
          if (!polygons.isEmpty()) {
            throw error("segmentation", "it has both polygons and an RLE");
          }
          RleMask mask = mask(image);
          shapes.add(new MaskValue(label, mask, attrs));
          shapeIds.add(prefix + "mask");
          shapeFields.add(CocoFormat.MASKS);
          derived = mask.bounds();
          expectedArea = mask.area();
        }
        if (hasBox) {
          Box given = Box.of(box[0], box[1], box[2], box[3]);
          if (!given.equals(derived)) {
            results.add(
                new Result(
                    prefix + "box", CocoFormat.BOXES, new BoxValue(label, given, attrs), score));
          }
          if (Double.isNaN(expectedArea)) {
            expectedArea = given.area();
          }
        }
        for (int i = 0; i < shapes.size(); i++) {
          results.add(new Result(shapeIds.get(i), shapeFields.get(i), shapes.get(i), score));
        }
        double[] points = keypoints;
        if (points != null && points.length > 0) {
          results.add(keypointsResult(category, prefix, label, points, attrs));
        }
      } catch (IllegalArgumentException e) {
        throw error("", String.valueOf(e.getMessage()));
      }
      if (results.isEmpty()) {
        context.lose(
            lossObject(),
            "annotation dropped",
            "it has no box, no segmentation and no keypoints: nothing to keep");
        return null;
      }
      if (!Double.isNaN(area)
          && !Double.isNaN(expectedArea)
          && Math.abs(area - expectedArea) > AREA_TOLERANCE * Math.max(1, Math.abs(expectedArea))) {
        context.lose(
            lossObject(),
            "area recomputed",
            "the file gives the area "
                + area
                + "; the model keeps the shape, whose area is "
                + expectedArea
                + (hasRle
                    ? " pixels"
                    : polygons.isEmpty() ? " (w * h of the box)" : " (shoelace)"));
      }
      Annotation annotation =
          Annotation.builder(annotationId, image.id(), ANNOTATOR).results(results).build();
      return new DatasetEntry(image, List.of(annotation));
    }

    /**
     * The rotated box that the COCO writer writes as its hull with its corners as the segmentation
     * and its angle as {@code attributes.rotation} (FORMATS.md 1.3): when the annotation has that
     * attribute, a number, no RLE, and one polygon of four points that are the corners of a box
     * turned by that angle about its centre (in the order of {@link Box#corners()}, to within 1e-9
     * of the box's size), the box; else null, and the polygon and attribute are kept as they are.
     */
    private @Nullable Box rotatedBox(Map<String, AttributeValue> attrs) {
      if (!(attrs.get(ROTATION) instanceof AttributeValue.Number angle)
          || hasRle
          || polygons.size() != 1
          || polygons.get(0).length != 8) {
        return null;
      }
      double[] c = polygons.get(0);
      double cx = (c[0] + c[2] + c[4] + c[6]) / 4;
      double cy = (c[1] + c[3] + c[5] + c[7]) / 4;
      double width = Math.hypot(c[2] - c[0], c[3] - c[1]);
      double height = Math.hypot(c[4] - c[2], c[5] - c[3]);
      Box box;
      try {
        box = new Box(cx - width / 2, cy - height / 2, width, height, angle.value());
      } catch (IllegalArgumentException e) {
        return null;
      }
      if (!box.isRotated()) {
        return null;
      }
      double tolerance = 1e-9 * Math.max(1, Math.max(Math.abs(cx) + width, Math.abs(cy) + height));
      List<org.annotationkit.core.geometry.Point> corners = box.corners();
      for (int i = 0; i < 4; i++) {
        if (Math.abs(corners.get(i).x() - c[2 * i]) > tolerance
            || Math.abs(corners.get(i).y() - c[2 * i + 1]) > tolerance) {
          return null;
        }
      }
      return box;
    }

    private static Map<String, AttributeValue> withoutRotation(Map<String, AttributeValue> attrs) {
      Map<String, AttributeValue> rest = new TreeMap<>(attrs);
      rest.remove(ROTATION);
      return rest;
    }

    private RleMask mask(ImageItem image) {
      if (rleHeight != image.height() || rleWidth != image.width()) {
        throw error(
            "segmentation",
            "the RLE is "
                + rleHeight
                + " x "
                + rleWidth
                + " (height x width) but its image is "
                + image.height()
                + " x "
                + image.width());
      }
      int[] counts = rleCounts;
      if (counts != null) {
        try {
          return new RleMask(rleHeight, rleWidth, counts);
        } catch (IllegalArgumentException e) {
          throw error("segmentation/counts", String.valueOf(e.getMessage()));
        }
      }
      try {
        return CocoRle.fromCompressed(
            java.util.Objects.requireNonNull(rleString), rleHeight, rleWidth);
      } catch (MalformedRleException e) {
        throw error("segmentation/counts", String.valueOf(e.getMessage()));
      }
    }

    private Result keypointsResult(
        CocoCategory category,
        String prefix,
        String label,
        double[] points,
        Map<String, AttributeValue> attrs) {
      List<String> names = category.keypoints();
      if (names.isEmpty()) {
        throw error(
            "keypoints", "it has keypoints, but its category " + Json.quote(label) + " names none");
      }
      if (points.length != 3 * names.size()) {
        throw error(
            "keypoints",
            "it has "
                + points.length / 3
                + " keypoints, but its category "
                + Json.quote(label)
                + " has "
                + names.size());
      }
      List<Keypoint> list = new ArrayList<>(names.size());
      int labeled = 0;
      for (int k = 0; k < names.size(); k++) {
        int v = (int) points[3 * k + 2];
        labeled += v > 0 ? 1 : 0;
        list.add(
            new Keypoint(
                names.get(k), points[3 * k], points[3 * k + 1], Keypoint.Visibility.ofCocoFlag(v)));
      }
      if (numKeypoints >= 0 && numKeypoints != labeled) {
        context.lose(
            lossObject(),
            "num_keypoints recomputed",
            "the file gives num_keypoints " + numKeypoints + ", but " + labeled + " are labeled");
      }
      String field = CocoSchema.keypointField(label, keypointCategories);
      return new Result(prefix + "keypoints", field, new KeypointsValue(label, list, attrs), score);
    }
  }
}
