package org.annotationkit.formats.voc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.annotationkit.core.annotation.Annotation;
import org.annotationkit.core.annotation.AttributeValue;
import org.annotationkit.core.annotation.BoxValue;
import org.annotationkit.core.annotation.RelationValue;
import org.annotationkit.core.dataset.DatasetEntry;
import org.annotationkit.core.dataset.DatasetSource;
import org.annotationkit.core.geometry.Box;
import org.annotationkit.core.io.FormatException;
import org.annotationkit.core.item.ImageItem;
import org.annotationkit.core.schema.AttributeSpec;
import org.annotationkit.core.schema.Field;
import org.annotationkit.core.schema.FieldKind;
import org.annotationkit.core.schema.Label;
import org.annotationkit.core.schema.LabelSet;
import org.annotationkit.core.schema.Schema;
import org.annotationkit.formats.ConversionContext;
import org.annotationkit.formats.LossObject;
import org.annotationkit.formats.internal.ImageNames;
import org.annotationkit.formats.internal.ImageSizes;
import org.annotationkit.formats.internal.IoMessages;

/**
 * Reads a folder of VOC files in two passes: the first finds the labels (the schema must come
 * before the first entry), the second gives one entry per file, in the order of the files' paths.
 * Each file is small and read whole; only one is held at a time.
 */
final class VocReader {
  /** A decimal number as VOC files write them: no hexadecimal, no NaN, no type suffix. */
  private static final Pattern DECIMAL =
      Pattern.compile("[+-]?(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)(?:[eE][+-]?[0-9]+)?");

  private final Path root;
  private final List<Path> files;
  private final boolean devkit;
  private final ConversionContext context;
  private final ImageSizes sizes;

  private VocReader(Path root, List<Path> files, ConversionContext context, ImageSizes sizes) {
    this.root = root;
    this.files = files;
    this.devkit =
        context.options().value(VocFormat.OPTION, VocFormat.EDGES).equals(VocFormat.DEVKIT);
    this.context = context;
    this.sizes = sizes;
  }

  static DatasetSource open(Path input, ConversionContext context) {
    if (!Files.isDirectory(input)) {
      throw FormatException.at(
          "a VOC dataset is a folder (with Annotations/<image>.xml), not a file",
          FormatException.Location.of(input.toString(), 0, 0));
    }
    Path annotations = input.resolve(VocFormat.ANNOTATIONS);
    Path root = Files.isDirectory(annotations) ? annotations : input;
    List<Path> files = xmlFiles(root);
    Optional<Path> images =
        context.options().images().or(() -> Optional.of(input.resolve("JPEGImages")));
    VocReader reader =
        new VocReader(root, files, context, ImageSizes.of(context.options().sizes(), images));
    Schema schema = reader.schema();
    return reader.source(schema);
  }

  /** The XML files under a folder, sorted by path. */
  static List<Path> xmlFiles(Path root) {
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(
              p -> String.valueOf(p.getFileName()).toLowerCase(Locale.ROOT).endsWith(".xml"))
          .filter(Files::isRegularFile)
          .sorted((a, b) -> relative(root, a).compareTo(relative(root, b)))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + root + ": " + IoMessages.reason(e), e);
    } catch (UncheckedIOException e) {
      // Files.walk raises this for a folder it cannot enter; its message names the folder.
      throw e;
    }
  }

  private static String relative(Path root, Path file) {
    return root.relativize(file).toString().replace('\\', '/');
  }

  // ------------------------------------------------------------------ schema (first pass)

  private Schema schema() {
    Set<String> labels = new LinkedHashSet<>();
    Set<String> parts = new LinkedHashSet<>();
    Map<String, AttributeSpec> attributes = new LinkedHashMap<>();
    for (String name : VocFormat.FLAGS) {
      attributes.put(name, AttributeSpec.bool(name));
    }
    attributes.put(VocFormat.POSE, AttributeSpec.text(VocFormat.POSE));
    Set<String> ids = new HashSet<>();
    for (Path file : files) {
      VocImage image = parse(file, false);
      if (!ids.add(image.id())) {
        throw FormatException.at(
            "the image " + image.id() + " has two VOC files; this is the second",
            FormatException.Location.of(file.toString(), 1, 0));
      }
      for (VocObject object : image.objects()) {
        labels.add(object.name());
        for (Map.Entry<String, AttributeValue> a : object.attributes().entrySet()) {
          attributes.computeIfAbsent(
              a.getKey(),
              name ->
                  a.getValue() instanceof AttributeValue.Bool
                      ? AttributeSpec.bool(name)
                      : AttributeSpec.text(name));
        }
        for (VocPart part : object.parts()) {
          parts.add(part.name());
        }
      }
    }
    AttributeSpec[] specs = attributes.values().toArray(AttributeSpec[]::new);
    List<Label> boxLabels = new ArrayList<>();
    for (String label : labels.isEmpty() ? Set.of(VocFormat.PLACEHOLDER) : labels) {
      boxLabels.add(Label.of(label).withAttributes(specs));
    }
    for (String part : parts) {
      if (!labels.contains(part)) {
        boxLabels.add(Label.of(part));
      }
    }
    List<Field> fields = new ArrayList<>();
    fields.add(
        Field.builder(VocFormat.BOXES, FieldKind.BOX).labels(LabelSet.of(boxLabels)).build());
    if (!parts.isEmpty()) {
      fields.add(Field.builder(VocFormat.PART_OF, FieldKind.RELATION).build());
    }
    return new Schema(VocFormat.NAME, fields, Optional.empty());
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
          throw new NoSuchElementException("no more VOC files");
        }
        return entry(parse(files.get(next++), true));
      }

      @Override
      public void close() {
        next = files.size();
      }
    };
  }

  private static DatasetEntry entry(VocImage image) {
    ImageItem item =
        new ImageItem(
            image.id(),
            ImageNames.relativeUri(image.id()),
            image.width(),
            image.height(),
            image.metadata());
    if (image.objects().isEmpty()) {
      return DatasetEntry.of(item);
    }
    Annotation.Builder annotation = Annotation.builder(image.id(), image.id(), VocFormat.ANNOTATOR);
    int k = 0;
    for (VocObject object : image.objects()) {
      String id = String.valueOf(++k);
      annotation.result(
          id, VocFormat.BOXES, new BoxValue(object.name(), object.box(), object.attributes()));
      int j = 0;
      for (VocPart part : object.parts()) {
        String partId = id + "." + ++j;
        annotation.result(partId, VocFormat.BOXES, new BoxValue(part.name(), part.box()));
        annotation.result(partId + "-part-of", VocFormat.PART_OF, new RelationValue(partId, id));
      }
    }
    return new DatasetEntry(item, List.of(annotation.build()));
  }

  // ------------------------------------------------------------------ one file

  record VocImage(
      String id, int width, int height, Map<String, String> metadata, List<VocObject> objects) {}

  record VocObject(
      String name, Box box, Map<String, AttributeValue> attributes, List<VocPart> parts) {}

  record VocPart(String name, Box box) {}

  private VocImage parse(Path file, boolean report) {
    String source = file.toString();
    XmlNode root = XmlNode.read(file, source);
    String relative = relative(this.root, file);
    int slash = relative.lastIndexOf('/');
    String folder = slash < 0 ? "" : relative.substring(0, slash + 1);
    return image(root, source, folder, ImageNames.stem(relative.substring(slash + 1)), report);
  }

  /**
   * The image of a parsed file; {@code folder} is the file's folder under the root, with a slash.
   */
  VocImage image(XmlNode root, String source, String folder, String stem, boolean report) {
    if (!root.name.equals("annotation")) {
      throw root.error(source, "the root element must be <annotation>, as in a VOC file");
    }
    String fileName = root.child("filename").map(XmlNode::text).orElse("");
    String id = folder + (fileName.isEmpty() ? stem : fileName.replace('\\', '/'));
    if (id.endsWith("/") || id.startsWith("/")) {
      throw root.child("filename")
          .orElse(root)
          .error(source, "the file name '" + fileName + "' is not a file name");
    }
    Map<String, String> metadata = new TreeMap<>();
    List<VocObject> objects = new ArrayList<>();
    int width = 0;
    int height = 0;
    for (XmlNode child : root.children) {
      switch (child.name) {
        case "filename" -> {}
        case "object" -> objects.add(object(child, source, id, objects.size() + 1, report));
        case "size" -> {
          for (XmlNode part : child.children) {
            switch (part.name) {
              case "width" -> width = size(part, source);
              case "height" -> height = size(part, source);
              default -> flatten(part, "size/", metadata, source, id, report);
            }
          }
        }
        default -> flatten(child, "", metadata, source, id, report);
      }
    }
    if (width <= 0 || height <= 0) {
      ImageSizes.Found found =
          sizes
              .find(ImageNames.stem(id))
              .orElseThrow(() ->
                  root.error(
                      source,
                      "the image size is missing or 0; give the images (--images DIR) or a"
                          + " sizes table (--sizes SIZES.csv) to read it from"));
      width = found.width();
      height = found.height();
    }
    return new VocImage(id, width, height, metadata, objects);
  }

  private static int size(XmlNode node, String source) {
    String text = node.text();
    if (text.isEmpty()) {
      return 0;
    }
    if (DECIMAL.matcher(text).matches()) {
      double value = Double.parseDouble(text);
      if (value >= 0 && value == Math.rint(value) && value <= Integer.MAX_VALUE) {
        return (int) value;
      }
    }
    throw node.error(source, "the size must be a whole number of pixels, found '" + text + "'");
  }

  /** Keeps an element that is not an object as metadata, by its path: {@code source/database}. */
  private void flatten(
      XmlNode node,
      String prefix,
      Map<String, String> metadata,
      String source,
      String image,
      boolean report) {
    String key = prefix + node.name;
    if (node.children.isEmpty()) {
      if (metadata.putIfAbsent(key, node.text()) != null && report) {
        context.lose(
            LossObject.image(image).withLine(node.line),
            "element dropped",
            "<" + node.name + "> appears twice in " + source + "; the first is kept");
      }
      return;
    }
    for (XmlNode child : node.children) {
      flatten(child, key + "/", metadata, source, image, report);
    }
  }

  private VocObject object(XmlNode node, String source, String image, int number, boolean report) {
    String name = label(node, source);
    Box box = null;
    Map<String, AttributeValue> attributes = new TreeMap<>();
    List<VocPart> parts = new ArrayList<>();
    for (XmlNode child : node.children) {
      switch (child.name) {
        case "name" -> {}
        case "bndbox" -> box = box(child, source);
        case VocFormat.POSE -> {
          String pose = child.text();
          if (!pose.isEmpty() && !pose.equals(VocFormat.UNSPECIFIED)) {
            attributes.put(VocFormat.POSE, AttributeValue.of(pose));
          }
        }
        case "truncated", "difficult", "occluded" -> {
          if (flag(child, source)) {
            attributes.put(child.name, AttributeValue.of(true));
          }
        }
        case "actions" -> {
          for (XmlNode action : child.children) {
            attributes.put(
                VocFormat.ACTIONS + action.name, AttributeValue.of(flag(action, source)));
          }
        }
        case "attributes" -> {
          for (XmlNode attribute : child.children) {
            if (!attribute.name.equals("attribute")) {
              throw attribute.error(source, "expected <attribute> with <name> and <value>");
            }
            String key = attribute.child("name").map(XmlNode::text).orElse("");
            if (key.isEmpty()) {
              throw attribute.error(source, "the attribute has no <name>");
            }
            if (attributes.containsKey(key)) {
              throw attribute.error(source, "the attribute " + key + " is given twice");
            }
            attributes.put(
                key, AttributeValue.of(attribute.child("value").map(XmlNode::text).orElse("")));
          }
        }
        case "part" -> parts.add(part(child, source));
        default -> {
          if (report) {
            context.lose(
                LossObject.image(image).withAnnotation(String.valueOf(number)).withLine(child.line),
                "element dropped",
                "<" + child.name + "> of a VOC object has no place in the model");
          }
        }
      }
    }
    if (box == null) {
      throw node.error(source, "the object " + name + " has no <bndbox>");
    }
    return new VocObject(name, box, attributes, parts);
  }

  private VocPart part(XmlNode node, String source) {
    String name = label(node, source);
    XmlNode bndbox =
        node.child("bndbox")
            .orElseThrow(() -> node.error(source, "the part " + name + " has no <bndbox>"));
    return new VocPart(name, box(bndbox, source));
  }

  private static String label(XmlNode node, String source) {
    String name = node.child("name").map(XmlNode::text).orElse("");
    if (name.isEmpty()) {
      throw node.error(source, "the <name> is missing or empty");
    }
    for (int i = 0; i < name.length(); i++) {
      if (Character.isISOControl(name.charAt(i))) {
        throw node.error(source, "the <name> holds a control character");
      }
    }
    return name;
  }

  private static boolean flag(XmlNode node, String source) {
    String text = node.text().toLowerCase(Locale.ROOT);
    return switch (text) {
      case "1", "true", "yes" -> true;
      case "0", "false", "no", "" -> false;
      default -> throw node.error(source, "expected 0 or 1, found '" + node.text() + "'");
    };
  }

  private Box box(XmlNode node, String source) {
    double xmin = coordinate(node, "xmin", source);
    double ymin = coordinate(node, "ymin", source);
    double xmax = coordinate(node, "xmax", source);
    double ymax = coordinate(node, "ymax", source);
    if (xmax < xmin || ymax < ymin) {
      throw node.error(
          source,
          "the box ends before it starts: xmin "
              + xmin
              + ", xmax "
              + xmax
              + ", ymin "
              + ymin
              + ", ymax "
              + ymax);
    }
    double shift = devkit ? 1 : 0;
    double width = xmax - xmin + shift;
    double height = ymax - ymin + shift;
    if (!Double.isFinite(width) || !Double.isFinite(height)) {
      throw node.error(source, "the box is too large");
    }
    return Box.of(xmin - shift, ymin - shift, width, height);
  }

  private static double coordinate(XmlNode box, String name, String source) {
    XmlNode node =
        box.child(name).orElseThrow(() -> box.error(source, "<" + name + "> is missing"));
    String text = node.text();
    if (DECIMAL.matcher(text).matches()) {
      double value = Double.parseDouble(text);
      if (Double.isFinite(value)) {
        return value;
      }
    }
    throw node.error(source, "expected a number, found '" + text + "'");
  }
}
