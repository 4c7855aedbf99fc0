package org.annotationkit.formats.labelme;

import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.annotationkit.core.annotation.Annotation;
import org.annotationkit.core.annotation.AttributeValue;
import org.annotationkit.core.annotation.BoxValue;
import org.annotationkit.core.annotation.ChoiceValue;
import org.annotationkit.core.annotation.KeypointsValue;
import org.annotationkit.core.annotation.MaskValue;
import org.annotationkit.core.annotation.MultipleChoiceValue;
import org.annotationkit.core.annotation.PolygonValue;
import org.annotationkit.core.annotation.PolylineValue;
import org.annotationkit.core.annotation.Result;
import org.annotationkit.core.dataset.Dataset;
import org.annotationkit.core.dataset.DatasetEntry;
import org.annotationkit.core.dataset.DatasetSource;
import org.annotationkit.core.geometry.Box;
import org.annotationkit.core.geometry.Keypoint;
import org.annotationkit.core.geometry.Point;
import org.annotationkit.core.geometry.RleMask;
import org.annotationkit.core.io.FormatException;
import org.annotationkit.core.item.ImageItem;
import org.annotationkit.core.schema.Field;
import org.annotationkit.core.schema.FieldKind;
import org.annotationkit.core.schema.Label;
import org.annotationkit.core.schema.Schema;
import org.annotationkit.formats.ConversionContext;
import org.annotationkit.formats.LossObject;
import org.annotationkit.formats.internal.ImageNames;
import org.annotationkit.formats.internal.IoMessages;
import org.annotationkit.formats.internal.JsonInput;
import org.annotationkit.formats.internal.PerImage;
import org.annotationkit.formats.internal.Png;
import org.annotationkit.formats.internal.SafePaths;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonEncoding;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.PrettyPrinter;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.json.JsonWriteFeature;
import tools.jackson.core.util.DefaultPrettyPrinter;

/** Writes one labelme file per image, at the image's path with the extension {@code .json}. */
final class LabelmeWriter {
  /** The version written when the item does not say which labelme wrote it. */
  static final String VERSION = "5.5.0";

  private static final JsonFactory FACTORY =
      JsonFactory.builder().disable(JsonWriteFeature.ESCAPE_FORWARD_SLASHES).build();

  private static final ObjectWriteContext PRETTY =
      new ObjectWriteContext.Base() {
        @Override
        public PrettyPrinter getPrettyPrinter() {
          return new DefaultPrettyPrinter();
        }

        @Override
        public boolean hasPrettyPrinter() {
          return true;
        }
      };

  private final Path folder;
  private final ConversionContext context;
  private final List<String> tags;
  private final Set<String> written = new HashSet<>();

  private LabelmeWriter(Path folder, Schema schema, ConversionContext context) {
    this.folder = folder;
    this.context = context;
    List<String> choices = new ArrayList<>();
    for (Field field : schema.fields()) {
      if (field.kind() == FieldKind.MULTIPLE_CHOICE || field.kind() == FieldKind.SINGLE_CHOICE) {
        for (Label label : field.labels().all()) {
          if (!choices.contains(label.name())) {
            choices.add(label.name());
          }
        }
      }
    }
    this.tags = choices;
  }

  static void write(DatasetSource source, Path output, ConversionContext context) {
    DatasetSource grouped = source.grouped() ? source : Dataset.of(source).source();
    LabelmeWriter writer = new LabelmeWriter(output, grouped.schema(), context);
    while (grouped.hasNext()) {
      writer.entry(grouped.next());
    }
  }

  private void entry(DatasetEntry entry) {
    if (!(entry.item() instanceof ImageItem image)) {
      context.lose(
          LossObject.item(entry.item().id()),
          "item skipped",
          "labelme holds images, not " + entry.item().kind().jsonName() + " items");
      return;
    }
    String path = ImageNames.path(image);
    String stem = ImageNames.stem(path);
    Path file;
    try {
      file = SafePaths.resolve(folder, stem + ".json");
    } catch (IllegalArgumentException e) {
      context.lose(LossObject.image(image.id()), "image skipped", String.valueOf(e.getMessage()));
      return;
    }
    if (!written.add(stem)) {
      context.lose(
          LossObject.image(image.id()),
          "image skipped",
          "another image has the same labelme file, " + stem + ".json");
      return;
    }
    LossObject where = LossObject.image(image.id());
    Optional<Annotation> annotation = PerImage.choose(entry, image.id(), "labelme", context);
    try {
      Files.createDirectories(file.getParent());
      try (OutputStream stream = new BufferedOutputStream(Files.newOutputStream(file), 1 << 14);
          JsonGenerator out = FACTORY.createGenerator(PRETTY, stream, JsonEncoding.UTF8)) {
        long shapes = write(out, image, path, annotation, where);
        context.wrote(1, shapes);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + IoMessages.reason(e), e);
    } catch (JacksonException e) {
      if (e.getCause() instanceof IOException io) {
        throw new UncheckedIOException("cannot write " + file + ": " + IoMessages.reason(io), io);
      }
      throw e;
    }
  }

  private long write(
      JsonGenerator out,
      ImageItem image,
      String path,
      Optional<Annotation> annotation,
      LossObject where) {
    out.writeStartObject();
    out.writeStringProperty(
        "version", image.metadata().getOrDefault(LabelmeReader.METADATA + "version", VERSION));
    List<Result> results = annotation.map(Annotation::results).orElse(List.of());
    Map<String, Boolean> flags = new LinkedHashMap<>();
    boolean anyChoice = false;
    for (Result result : results) {
      List<String> chosen =
          switch (result.value()) {
            case MultipleChoiceValue m -> m.labels();
            case ChoiceValue c -> List.of(c.label());
            default -> null;
          };
      if (chosen == null) {
        continue;
      }
      if (!anyChoice) {
        for (String tag : tags) {
          flags.put(tag, false);
        }
        anyChoice = true;
      }
      for (String label : chosen) {
        flags.put(label, true);
      }
    }
    out.writeName("flags");
    out.writeStartObject();
    for (Map.Entry<String, Boolean> flag : flags.entrySet()) {
      out.writeBooleanProperty(flag.getKey(), flag.getValue());
    }
    out.writeEndObject();
    out.writeName("shapes");
    out.writeStartArray();
    long shapes = 0;
    for (Result result : results) {
      if (shape(out, result, where.withAnnotation(result.id()))) {
        shapes++;
      }
    }
    out.writeEndArray();
    out.writeStringProperty("imagePath", imagePath(image, path));
    out.writeNullProperty("imageData");
    out.writeNumberProperty("imageHeight", image.height());
    out.writeNumberProperty("imageWidth", image.width());
    for (Map.Entry<String, String> m : image.metadata().entrySet()) {
      String key = m.getKey();
      if (key.equals(LabelmeReader.IMAGE_PATH) || key.equals(LabelmeReader.METADATA + "version")) {
        continue;
      }
      String name =
          key.startsWith(LabelmeReader.METADATA)
              ? key.substring(LabelmeReader.METADATA.length())
              : "";
      Optional<Node> json =
          name.isEmpty() || LabelmeReader.FILE_KEYS.contains(name)
              ? Optional.empty()
              : parse(m.getValue());
      if (json.isEmpty()) {
        context.lose(
            where,
            "metadata dropped",
            "the metadata key '" + key + "' has no place in a labelme file");
        continue;
      }
      out.writeName(name);
      json.get().write(out);
    }
    out.writeEndObject();
    return shapes;
  }

  /** The imagePath read, when it leads to the image from the new file; else its file name. */
  private static String imagePath(ImageItem image, String path) {
    String read = image.metadata().get(LabelmeReader.IMAGE_PATH);
    int slash = path.lastIndexOf('/');
    String folder = slash < 0 ? "" : path.substring(0, slash + 1);
    if (read != null
        && LabelmeReader.normalize(folder + read.replace('\\', '/'))
            .equals(LabelmeReader.normalize(path))) {
      return read;
    }
    return path.substring(slash + 1);
  }

  private static Optional<Node> parse(String json) {
    try (JsonInput in =
        JsonInput.of(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "metadata")) {
      if (in.next() == null) {
        return Optional.empty();
      }
      Node node = Node.read(in);
      return in.next() == null ? Optional.of(node) : Optional.empty();
    } catch (FormatException e) {
      return Optional.empty();
    }
  }

  /** Writes a result as a shape; false (reported) when labelme has no shape for it. */
  private boolean shape(JsonGenerator out, Result result, LossObject at) {
    return switch (result.value()) {
      case BoxValue box -> {
        Box b = box.box();
        if (b.rotation() % 360 != 0) {
          List<double[]> corners = new ArrayList<>();
          for (Point corner : b.corners()) {
            corners.add(new double[] {corner.x(), corner.y()});
          }
          write(out, box.label(), corners, "oriented_rectangle", box.attributes(), result, at);
        } else {
          write(
              out,
              box.label(),
              List.of(
                  new double[] {b.x(), b.y()},
                  new double[] {b.x() + b.width(), b.y() + b.height()}),
              "rectangle",
              box.attributes(),
              result,
              at);
        }
        yield true;
      }
      case PolygonValue polygon -> {
        if (!polygon.polygon().holes().isEmpty()) {
          context.lose(
              at,
              "polygon holes dropped",
              "labelme polygons have no holes; " + polygon.polygon().holes().size() + " dropped");
        }
        write(
            out,
            polygon.label(),
            xy(polygon.polygon().exterior()),
            "polygon",
            polygon.attributes(),
            result,
            at);
        yield true;
      }
      case PolylineValue line -> {
        String type = result.field().equals(LabelmeFormat.LINE) ? "line" : "linestrip";
        write(out, line.label(), xy(line.polyline().points()), type, line.attributes(), result, at);
        yield true;
      }
      case KeypointsValue keypoints -> keypoints(out, keypoints, result, at);
      case MaskValue mask -> mask(out, mask, result, at);
      case MultipleChoiceValue m -> false;
      case ChoiceValue c -> false;
      default -> {
        context.lose(
            at,
            "value dropped",
            "a " + result.value().kind().jsonName() + " result has no labelme shape");
        yield false;
      }
    };
  }

  private boolean keypoints(JsonGenerator out, KeypointsValue value, Result result, LossObject at) {
    List<Keypoint> points = value.points();
    boolean circle =
        points.size() == 2
            && points.get(0).name().equals(LabelmeReader.CIRCLE_POINTS.get(0))
            && points.get(1).name().equals(LabelmeReader.CIRCLE_POINTS.get(1))
            && points.stream().allMatch(p -> p.visibility() != Keypoint.Visibility.NOT_LABELED);
    if (circle) {
      write(
          out,
          value.label(),
          List.of(
              new double[] {points.get(0).x(), points.get(0).y()},
              new double[] {points.get(1).x(), points.get(1).y()}),
          "circle",
          value.attributes(),
          result,
          at);
      return true;
    }
    List<double[]> xy = new ArrayList<>();
    int unlabeled = 0;
    int occluded = 0;
    boolean numbered = true;
    for (Keypoint point : points) {
      if (point.visibility() == Keypoint.Visibility.NOT_LABELED) {
        unlabeled++;
        continue;
      }
      if (point.visibility() == Keypoint.Visibility.OCCLUDED) {
        occluded++;
      }
      numbered &= point.name().equals(Integer.toString(xy.size() + 1 + unlabeled));
      xy.add(new double[] {point.x(), point.y()});
    }
    if (unlabeled > 0) {
      context.lose(
          at,
          "unlabeled points dropped",
          unlabeled + " points not labeled have no place in labelme points");
    }
    if (occluded > 0) {
      context.lose(
          at, "visibility dropped", occluded + " occluded points are written as plain points");
    }
    if (!numbered) {
      context.lose(
          at,
          "keypoint names dropped",
          "labelme points are unnamed; the names "
              + points.stream().map(Keypoint::name).toList()
              + " are lost");
    }
    if (xy.isEmpty()) {
      return false;
    }
    write(
        out,
        value.label(),
        xy,
        xy.size() == 1 ? "point" : "points",
        value.attributes(),
        result,
        at);
    return true;
  }

  private boolean mask(JsonGenerator out, MaskValue value, Result result, LossObject at) {
    RleMask mask = value.mask();
    if (mask.area() == 0) {
      context.lose(at, "empty mask skipped", "the mask has no pixel set");
      return false;
    }
    Box bounds = mask.bounds();
    int left = (int) bounds.x();
    int top = (int) bounds.y();
    int w = (int) bounds.width();
    int h = (int) bounds.height();
    boolean[] all = mask.toBitmap();
    boolean[] patch = new boolean[w * h];
    for (int r = 0; r < h; r++) {
      System.arraycopy(all, (top + r) * mask.width() + left, patch, r * w, w);
    }
    String png = Base64.getEncoder().encodeToString(Png.encodeMask(w, h, patch));
    write(
        out,
        value.label(),
        List.of(new double[] {left, top}, new double[] {left + w - 1, top + h - 1}),
        "mask",
        value.attributes(),
        result,
        at);
    // The mask goes with the shape written last: write() leaves the object open for it.
    out.writeStringProperty("mask", png);
    out.writeEndObject();
    return true;
  }

  private static List<double[]> xy(List<Point> points) {
    List<double[]> xy = new ArrayList<>(points.size());
    for (Point point : points) {
      xy.add(new double[] {point.x(), point.y()});
    }
    return xy;
  }

  /**
   * Writes a shape's keys; a mask shape's object is left open for its {@code mask}, every other is
   * closed.
   */
  private void write(
      JsonGenerator out,
      String label,
      List<double[]> points,
      String type,
      Map<String, AttributeValue> attributes,
      Result result,
      LossObject at) {
    out.writeStartObject();
    out.writeStringProperty("label", label);
    out.writeName("points");
    out.writeStartArray();
    for (double[] point : points) {
      out.writeStartArray();
      out.writeNumber(point[0]);
      out.writeNumber(point[1]);
      out.writeEndArray();
    }
    out.writeEndArray();
    AttributeValue group = attributes.get(LabelmeReader.GROUP_ID);
    out.writeName(LabelmeReader.GROUP_ID);
    if (group instanceof AttributeValue.Number n
        && n.value() == Math.rint(n.value())
        && Math.abs(n.value()) <= Integer.MAX_VALUE) {
      out.writeNumber((long) n.value());
    } else {
      out.writeNull();
      if (group != null) {
        context.lose(
            at,
            "attribute dropped",
            "labelme's group_id is a whole number, not " + LabelmeReader.text(group));
      }
    }
    AttributeValue description = attributes.get(LabelmeReader.DESCRIPTION);
    out.writeStringProperty(
        LabelmeReader.DESCRIPTION, description instanceof AttributeValue.Text t ? t.value() : "");
    if (description != null && !(description instanceof AttributeValue.Text)) {
      context.lose(at, "attribute dropped", "labelme's description is text");
    }
    out.writeStringProperty("shape_type", type);
    out.writeName("flags");
    out.writeStartObject();
    for (Map.Entry<String, AttributeValue> a : attributes.entrySet()) {
      if (a.getKey().startsWith(LabelmeReader.FLAGS)
          && a.getValue() instanceof AttributeValue.Bool b) {
        out.writeBooleanProperty(a.getKey().substring(LabelmeReader.FLAGS.length()), b.value());
      }
    }
    out.writeEndObject();
    for (Map.Entry<String, AttributeValue> a : attributes.entrySet()) {
      String key = a.getKey();
      AttributeValue value = a.getValue();
      if (key.equals(LabelmeReader.GROUP_ID)
          || key.equals(LabelmeReader.DESCRIPTION)
          || (key.startsWith(LabelmeReader.FLAGS) && value instanceof AttributeValue.Bool)) {
        continue;
      }
      if (LabelmeReader.SHAPE_KEYS.contains(key)
          || key.equals(LabelmeReader.SCORE)
          || key.startsWith(LabelmeReader.FLAGS)) {
        context.lose(
            at, "attribute dropped", "the attribute '" + key + "' would clash with labelme's key");
        continue;
      }
      switch (value) {
        case AttributeValue.Bool b -> out.writeBooleanProperty(key, b.value());
        case AttributeValue.Number n -> out.writeNumberProperty(key, n.value());
        case AttributeValue.Text t -> out.writeStringProperty(key, t.value());
      }
    }
    if (result.score().isPresent()) {
      out.writeNumberProperty(LabelmeReader.SCORE, result.score().getAsDouble());
    }
    if (!type.equals("mask")) {
      out.writeEndObject();
    }
  }
}
