package org.annotationkit.formats.voc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
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
import java.util.Set;
import java.util.regex.Pattern;
import org.annotationkit.core.annotation.Annotation;
import org.annotationkit.core.annotation.AttributeValue;
import org.annotationkit.core.annotation.BoxValue;
import org.annotationkit.core.annotation.MaskValue;
import org.annotationkit.core.annotation.PolygonValue;
import org.annotationkit.core.annotation.RelationValue;
import org.annotationkit.core.annotation.Result;
import org.annotationkit.core.annotation.Value;
import org.annotationkit.core.dataset.Dataset;
import org.annotationkit.core.dataset.DatasetEntry;
import org.annotationkit.core.dataset.DatasetSource;
import org.annotationkit.core.geometry.Box;
import org.annotationkit.core.item.ImageItem;
import org.annotationkit.formats.ConversionContext;
import org.annotationkit.formats.LossObject;
import org.annotationkit.formats.internal.ImageNames;
import org.annotationkit.formats.internal.IoMessages;
import org.annotationkit.formats.internal.PerImage;
import org.annotationkit.formats.internal.SafePaths;
import org.jspecify.annotations.Nullable;

/** Writes one VOC file per image under {@code Annotations/}. */
final class VocWriter {
  /** The element names that metadata keys may become (a subset of XML names). */
  private static final Pattern ELEMENT = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]*");

  /** How far from a whole pixel an edge may be and still count as whole. */
  private static final double WHOLE = 1e-9;

  private final ConversionContext context;
  private final boolean devkit;
  private final Path folder;
  private final Set<String> written = new HashSet<>();

  private VocWriter(Path output, ConversionContext context) {
    this.context = context;
    this.devkit =
        context.options().value(VocFormat.OPTION, VocFormat.EDGES).equals(VocFormat.DEVKIT);
    this.folder = output.resolve(VocFormat.ANNOTATIONS);
  }

  static void write(DatasetSource source, Path output, ConversionContext context) {
    VocWriter writer = new VocWriter(output, context);
    try {
      Files.createDirectories(writer.folder);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot create " + writer.folder + ": " + IoMessages.reason(e), e);
    }
    DatasetSource grouped = source.grouped() ? source : Dataset.of(source).source();
    while (grouped.hasNext()) {
      writer.entry(grouped.next());
    }
  }

  private void entry(DatasetEntry entry) {
    if (!(entry.item() instanceof ImageItem image)) {
      context.lose(
          LossObject.item(entry.item().id()),
          "item skipped",
          "VOC holds images, not " + entry.item().kind().jsonName() + " items");
      return;
    }
    String path = ImageNames.path(image);
    String stem = ImageNames.stem(path);
    Path file;
    try {
      file = SafePaths.resolve(folder, stem + ".xml");
    } catch (IllegalArgumentException e) {
      context.lose(LossObject.image(image.id()), "image skipped", String.valueOf(e.getMessage()));
      return;
    }
    if (!written.add(stem)) {
      context.lose(
          LossObject.image(image.id()),
          "image skipped",
          "another image has the same VOC file, " + VocFormat.ANNOTATIONS + "/" + stem + ".xml");
      return;
    }
    Optional<Annotation> annotation = PerImage.choose(entry, image.id(), "VOC", context);
    List<Obj> objects = annotation.map(a -> objects(image, a)).orElse(List.of());
    StringBuilder xml = new StringBuilder(512 + 256 * objects.size());
    xml.append("<annotation>\n");
    String folderName = image.metadata().get("folder");
    if (folderName != null) {
      element(xml, 1, "folder", folderName);
    }
    element(xml, 1, "filename", ImageNames.fileName(image));
    metadata(xml, image);
    xml.append("  <size>\n");
    element(xml, 2, "width", String.valueOf(image.width()));
    element(xml, 2, "height", String.valueOf(image.height()));
    for (Map.Entry<String, String> m : image.metadata().entrySet()) {
      if (m.getKey().startsWith("size/") && ELEMENT.matcher(m.getKey().substring(5)).matches()) {
        element(xml, 2, m.getKey().substring(5), m.getValue());
      }
    }
    xml.append("  </size>\n");
    String segmented = image.metadata().get("segmented");
    if (segmented != null) {
      element(xml, 1, "segmented", segmented);
    }
    for (Obj object : objects) {
      object(xml, object);
    }
    xml.append("</annotation>\n");
    try {
      Files.createDirectories(file.getParent());
      try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
        out.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        out.write(xml.toString());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + IoMessages.reason(e), e);
    }
    context.wrote(1, objects.size());
  }

  /** The metadata other than folder, size and segmented, nested by the slashes of their keys. */
  private void metadata(StringBuilder xml, ImageItem image) {
    Map<String, Object> tree = new LinkedHashMap<>();
    for (Map.Entry<String, String> m : image.metadata().entrySet()) {
      String key = m.getKey();
      if (key.equals("folder") || key.equals("segmented") || key.startsWith("size/")) {
        continue;
      }
      String[] parts = key.split("/", -1);
      boolean valid = true;
      for (String part : parts) {
        valid &=
            ELEMENT.matcher(part).matches()
                && !part.toLowerCase(java.util.Locale.ROOT).startsWith("xml");
      }
      valid &= !List.of("filename", "object", "size").contains(parts[0]);
      if (!valid || !insert(tree, parts, m.getValue())) {
        context.lose(
            LossObject.image(image.id()),
            "metadata dropped",
            "the metadata key '" + key + "' cannot be a VOC element");
      }
    }
    nested(xml, 1, tree);
  }

  @SuppressWarnings("unchecked") // the tree holds strings and maps of the same kind only
  private static boolean insert(Map<String, Object> tree, String[] parts, String value) {
    Map<String, Object> at = tree;
    for (int i = 0; i < parts.length - 1; i++) {
      Object next = at.computeIfAbsent(parts[i], k -> new LinkedHashMap<String, Object>());
      if (!(next instanceof Map)) {
        return false;
      }
      at = (Map<String, Object>) next;
    }
    return at.putIfAbsent(parts[parts.length - 1], value) == null;
  }

  @SuppressWarnings("unchecked") // see insert
  private static void nested(StringBuilder xml, int depth, Map<String, Object> tree) {
    for (Map.Entry<String, Object> node : tree.entrySet()) {
      if (node.getValue() instanceof String text) {
        element(xml, depth, node.getKey(), text);
      } else {
        indent(xml, depth).append('<').append(node.getKey()).append(">\n");
        nested(xml, depth + 1, (Map<String, Object>) node.getValue());
        indent(xml, depth).append("</").append(node.getKey()).append(">\n");
      }
    }
  }

  // ------------------------------------------------------------------ objects

  /** An object to write: its label, box, attributes and parts. */
  private record Obj(
      String name, Box box, Map<String, AttributeValue> attributes, List<Obj> parts, String id) {}

  private List<Obj> objects(ImageItem image, Annotation annotation) {
    Map<String, String> partOf = new HashMap<>();
    for (Result result : annotation.results()) {
      if (result.value() instanceof RelationValue relation
          && result.field().equals(VocFormat.PART_OF)) {
        partOf.putIfAbsent(relation.from(), relation.to());
      }
    }
    Map<String, Obj> byId = new LinkedHashMap<>();
    Map<String, Box> boxes = new HashMap<>();
    List<Result> partResults = new ArrayList<>();
    for (Result result : annotation.results()) {
      LossObject where = LossObject.image(image.id()).withAnnotation(result.id());
      if (result.score().isPresent()) {
        context.lose(where, "score dropped", "VOC has no confidence scores");
      }
      Value value = result.value();
      if (value instanceof RelationValue relation) {
        if (!result.field().equals(VocFormat.PART_OF)) {
          context.lose(
              where,
              "relation dropped",
              "VOC holds only parts of objects, not the relation "
                  + relation.label().orElse("")
                  + " from "
                  + relation.from()
                  + " to "
                  + relation.to());
        }
        continue;
      }
      Box box = box(value, where);
      if (box == null) {
        continue;
      }
      boxes.put(result.id(), box);
      if (partOf.containsKey(result.id())) {
        partResults.add(result);
      } else {
        byId.put(
            result.id(),
            new Obj(label(value), box, attributes(value), new ArrayList<>(), result.id()));
      }
    }
    for (Result part : partResults) {
      LossObject where = LossObject.image(image.id()).withAnnotation(part.id());
      Obj parent = byId.get(partOf.get(part.id()));
      Box box = boxes.get(part.id());
      if (parent == null || box == null) {
        context.lose(
            where,
            "part dropped",
            "the part's object " + partOf.get(part.id()) + " is not a box written to VOC");
        continue;
      }
      if (!attributes(part.value()).isEmpty()) {
        context.lose(where, "attribute dropped", "VOC parts have a name and a box only");
      }
      parent.parts().add(new Obj(label(part.value()), box, Map.of(), List.of(), part.id()));
    }
    List<Obj> objects = new ArrayList<>(byId.values());
    for (Obj object : objects) {
      rounding(image, object);
      for (Obj part : object.parts()) {
        rounding(image, part);
      }
    }
    return objects;
  }

  /** The axis-aligned box a value is written as, or null (reported) when it has none. */
  private @Nullable Box box(Value value, LossObject where) {
    return switch (value) {
      case BoxValue b -> {
        if (b.box().isRotated()) {
          context.lose(
              where,
              "rotation dropped",
              "VOC boxes are axis-aligned: the box rotated by "
                  + b.box().rotation()
                  + " degrees is written as its hull");
        }
        yield b.box().bounds();
      }
      case PolygonValue p -> {
        context.lose(where, "polygon reduced to its box", "VOC objects are boxes");
        yield p.polygon().bounds();
      }
      case MaskValue m -> {
        context.lose(where, "mask reduced to its box", "VOC objects are boxes (masks are PNGs)");
        yield m.mask().bounds();
      }
      default -> {
        context.lose(
            where,
            "result dropped",
            "VOC holds boxes, not "
                + value.kind().name().toLowerCase(java.util.Locale.ROOT)
                + " results");
        yield null;
      }
    };
  }

  private static String label(Value value) {
    return switch (value) {
      case BoxValue b -> b.label();
      case PolygonValue p -> p.label();
      case MaskValue m -> m.label();
      default -> throw new IllegalStateException("not a region: " + value);
    };
  }

  private static Map<String, AttributeValue> attributes(Value value) {
    return switch (value) {
      case BoxValue b -> b.attributes();
      case PolygonValue p -> p.attributes();
      case MaskValue m -> m.attributes();
      default -> Map.of();
    };
  }

  private void rounding(ImageItem image, Obj object) {
    Box b = object.box();
    if (!whole(b.x()) || !whole(b.y()) || !whole(b.x() + b.width()) || !whole(b.y() + b.height())) {
      context.lose(
          LossObject.image(image.id()).withAnnotation(object.id()),
          "coordinates rounded",
          "VOC writes whole pixels: the box x "
              + b.x()
              + ", y "
              + b.y()
              + ", width "
              + b.width()
              + ", height "
              + b.height()
              + " is rounded half up, edge by edge");
    }
  }

  private static boolean whole(double v) {
    return Math.abs(v - Math.floor(v + 0.5)) <= WHOLE;
  }

  private static long round(double v) {
    return (long) Math.floor(v + 0.5);
  }

  private void object(StringBuilder xml, Obj object) {
    xml.append("  <object>\n");
    element(xml, 2, "name", object.name());
    Map<String, AttributeValue> rest = new LinkedHashMap<>(object.attributes());
    AttributeValue pose = rest.remove(VocFormat.POSE);
    element(
        xml,
        2,
        VocFormat.POSE,
        pose instanceof AttributeValue.Text text && !text.value().isEmpty()
            ? text.value()
            : pose == null ? VocFormat.UNSPECIFIED : text(pose));
    for (String flag : VocFormat.FLAGS) {
      AttributeValue value = rest.get(flag);
      Boolean bit = value == null ? Boolean.FALSE : bit(value);
      if (bit == null) {
        continue; // not 0 or 1: written among the other attributes
      }
      rest.remove(flag);
      if (bit || !flag.equals("occluded")) {
        element(xml, 2, flag, bit ? "1" : "0");
      }
    }
    bndbox(xml, 2, object.box());
    for (Obj part : object.parts()) {
      xml.append("    <part>\n");
      element(xml, 3, "name", part.name());
      bndbox(xml, 3, part.box());
      xml.append("    </part>\n");
    }
    Map<String, Boolean> actions = new LinkedHashMap<>();
    for (Map.Entry<String, AttributeValue> a : List.copyOf(rest.entrySet())) {
      String key = a.getKey();
      if (key.startsWith(VocFormat.ACTIONS)
          && ELEMENT.matcher(key.substring(VocFormat.ACTIONS.length())).matches()
          && bit(a.getValue()) != null) {
        actions.put(key.substring(VocFormat.ACTIONS.length()), bit(a.getValue()));
        rest.remove(key);
      }
    }
    if (!actions.isEmpty()) {
      xml.append("    <actions>\n");
      for (Map.Entry<String, Boolean> action : actions.entrySet()) {
        element(xml, 3, action.getKey(), action.getValue() ? "1" : "0");
      }
      xml.append("    </actions>\n");
    }
    if (!rest.isEmpty()) {
      // CVAT's and datumaro's place for attributes that VOC has no element for.
      xml.append("    <attributes>\n");
      for (Map.Entry<String, AttributeValue> a : rest.entrySet()) {
        xml.append("      <attribute>\n");
        element(xml, 4, "name", a.getKey());
        element(xml, 4, "value", text(a.getValue()));
        xml.append("      </attribute>\n");
      }
      xml.append("    </attributes>\n");
    }
    xml.append("  </object>\n");
  }

  private void bndbox(StringBuilder xml, int depth, Box box) {
    long shift = devkit ? 1 : 0;
    indent(xml, depth).append("<bndbox>\n");
    element(xml, depth + 1, "xmin", String.valueOf(round(box.x()) + shift));
    element(xml, depth + 1, "ymin", String.valueOf(round(box.y()) + shift));
    element(xml, depth + 1, "xmax", String.valueOf(round(box.x() + box.width())));
    element(xml, depth + 1, "ymax", String.valueOf(round(box.y() + box.height())));
    indent(xml, depth).append("</bndbox>\n");
  }

  /** 0 or 1 as a boolean, or null when the value is neither. */
  private static @Nullable Boolean bit(AttributeValue value) {
    return switch (value) {
      case AttributeValue.Bool b -> b.value();
      case AttributeValue.Number n ->
          n.value() == 0 ? Boolean.FALSE : n.value() == 1 ? Boolean.TRUE : null;
      case AttributeValue.Text t ->
          switch (t.value()) {
            case "0", "false" -> Boolean.FALSE;
            case "1", "true" -> Boolean.TRUE;
            default -> null;
          };
    };
  }

  private static String text(AttributeValue value) {
    return switch (value) {
      case AttributeValue.Bool b -> String.valueOf(b.value());
      case AttributeValue.Number n ->
          n.value() == Math.rint(n.value()) && Math.abs(n.value()) < 1e15
              ? String.valueOf((long) n.value())
              : String.valueOf(n.value());
      case AttributeValue.Text t -> t.value();
    };
  }

  private static StringBuilder indent(StringBuilder xml, int depth) {
    for (int i = 0; i < depth; i++) {
      xml.append("  ");
    }
    return xml;
  }

  private static void element(StringBuilder xml, int depth, String name, String text) {
    indent(xml, depth).append('<').append(name).append('>');
    escape(xml, text);
    xml.append("</").append(name).append(">\n");
  }

  /** Text as XML character data; characters XML 1.0 cannot hold become U+FFFD. */
  private static void escape(StringBuilder xml, String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> xml.append("&amp;");
        case '<' -> xml.append("&lt;");
        case '>' -> xml.append("&gt;");
        default -> {
          if (Character.isHighSurrogate(c)
              && i + 1 < text.length()
              && Character.isLowSurrogate(text.charAt(i + 1))) {
            xml.append(c).append(text.charAt(++i));
          } else if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r')
              || Character.isSurrogate(c)
              || c == 0xFFFE
              || c == 0xFFFF) {
            xml.append('\uFFFD');
          } else {
            xml.append(c);
          }
        }
      }
    }
  }
}
