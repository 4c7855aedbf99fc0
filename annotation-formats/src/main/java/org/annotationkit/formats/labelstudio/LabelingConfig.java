package org.annotationkit.formats.labelstudio;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.xml.stream.Location;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.annotationkit.core.io.FormatException;
import org.annotationkit.core.schema.Label;
import org.annotationkit.formats.internal.IoMessages;
import org.annotationkit.formats.internal.SecureXml;
import org.jspecify.annotations.Nullable;

/**
 * A Label Studio labeling config, the XML of a project's labeling interface, as far as the image
 * formats use it: the {@code <Image>} objects and the controls that label them ({@code
 * RectangleLabels}, {@code PolygonLabels}, {@code KeyPointLabels}, {@code BrushLabels}, {@code
 * Choices}) with their labels in order. Tag names are matched without regard to case, as Label
 * Studio does; other tags are passed over.
 *
 * @param controls the labeling controls, in the config's order
 * @param images the {@code <Image>} objects: name to the task data key of its {@code value}
 */
record LabelingConfig(List<Control> controls, Map<String, String> images) {

  /** One control: a field of the schema. */
  record Control(
      String name,
      String toName,
      ResultType type,
      List<String> labels,
      boolean rotatable,
      boolean multiple) {}

  /** The control of a name. */
  Optional<Control> control(String name) {
    for (Control control : controls) {
      if (control.name().equals(name)) {
        return Optional.of(control);
      }
    }
    return Optional.empty();
  }

  /** The data key of the image a control labels, or the first image's. */
  Optional<String> imageKey(String toName) {
    String key = images.get(toName);
    if (key != null) {
      return Optional.of(key);
    }
    return images.values().stream().findFirst();
  }

  /**
   * Reads a labeling config.
   *
   * @param file the XML file
   * @return the config
   * @throws FormatException if the file is not well-formed XML, declares a DTD, or is not a
   *     labeling config with at least one image control
   * @throws UncheckedIOException if the file cannot be read
   */
  static LabelingConfig read(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return read(in, file.toString());
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot read the labeling config " + file + ": " + IoMessages.reason(e), e);
    }
  }

  /** Reads a labeling config from a stream, naming {@code source} in errors. */
  static LabelingConfig read(InputStream in, String source) {
    XMLStreamReader xml;
    try {
      xml = SecureXml.reader(in, source);
    } catch (XMLStreamException e) {
      throw error(source, e.getLocation(), "the labeling config is not XML: " + e.getMessage(), e);
    }
    try {
      return parse(xml, source);
    } catch (XMLStreamException e) {
      throw error(
          source, e.getLocation(), "the labeling config is not well-formed XML: " + message(e), e);
    } finally {
      try {
        xml.close();
      } catch (XMLStreamException e) {
        // The parse's own outcome is what the caller must see.
        System.getLogger(LabelingConfig.class.getName())
            .log(System.Logger.Level.DEBUG, "cannot close the config reader", e);
      }
    }
  }

  private static String message(XMLStreamException e) {
    String text = e.getMessage();
    if (text == null) {
      return "unreadable";
    }
    int at = text.indexOf("Message: ");
    return at >= 0 ? text.substring(at + "Message: ".length()) : text;
  }

  private static LabelingConfig parse(XMLStreamReader xml, String source)
      throws XMLStreamException {
    List<Control> controls = new ArrayList<>();
    Map<String, String> images = new LinkedHashMap<>();
    Set<String> names = new LinkedHashSet<>();
    boolean root = true;
    int depth = 0;
    int controlDepth = -1;
    @Nullable Building building = null;
    while (xml.hasNext()) {
      int event = xml.next();
      if (event == XMLStreamConstants.DTD) {
        throw error(
            source, xml.getLocation(), "the labeling config declares a DTD; it is refused", null);
      }
      if (event == XMLStreamConstants.START_ELEMENT) {
        depth++;
        String tag = xml.getLocalName().toLowerCase(Locale.ROOT);
        if (root) {
          root = false;
          if (!tag.equals("view")) {
            throw error(
                source,
                xml.getLocation(),
                "the labeling config's root element is <" + xml.getLocalName() + ">, not <View>",
                null);
          }
          continue;
        }
        ResultType type = ResultType.ofControlTag(tag).orElse(null);
        if (type != null && building == null) {
          String name = attribute(xml, "name");
          String toName = attribute(xml, "toName");
          if (name == null || name.isBlank()) {
            throw error(
                source, xml.getLocation(), "<" + xml.getLocalName() + "> has no name", null);
          }
          if (toName == null || toName.isBlank()) {
            throw error(
                source,
                xml.getLocation(),
                "<" + xml.getLocalName() + " name=\"" + name + "\"> has no toName",
                null);
          }
          if (!names.add(name)) {
            throw error(source, xml.getLocation(), "two controls are named \"" + name + "\"", null);
          }
          String rotate = attribute(xml, "canRotate");
          String choice = attribute(xml, "choice");
          building =
              new Building(
                  name,
                  toName,
                  type,
                  xml.getLocalName(),
                  rotate == null || !rotate.equalsIgnoreCase("false"),
                  "multiple".equalsIgnoreCase(choice),
                  xml.getLocation());
          controlDepth = depth;
        } else if (building != null && (tag.equals("label") || tag.equals("choice"))) {
          String value = attribute(xml, "value");
          if (value == null) {
            throw error(
                source,
                xml.getLocation(),
                "a <" + xml.getLocalName() + "> of \"" + building.name + "\" has no value",
                null);
          }
          try {
            Label unused = Label.of(value);
            assert unused.name().equals(value);
          } catch (IllegalArgumentException e) {
            throw error(
                source,
                xml.getLocation(),
                "the label \""
                    + value
                    + "\" of \""
                    + building.name
                    + "\" is not valid: "
                    + e.getMessage(),
                e);
          }
          if (!building.labels.add(value)) {
            throw error(
                source,
                xml.getLocation(),
                "the label \"" + value + "\" appears twice in \"" + building.name + "\"",
                null);
          }
        } else if (tag.equals("image")) {
          String name = attribute(xml, "name");
          String value = attribute(xml, "value");
          if (name == null || value == null) {
            throw error(source, xml.getLocation(), "<Image> needs a name and a value", null);
          }
          images.put(name, value.startsWith("$") ? value.substring(1) : value);
        }
      } else if (event == XMLStreamConstants.END_ELEMENT) {
        if (building != null && depth == controlDepth) {
          if (building.labels.isEmpty()) {
            throw error(
                source,
                building.where,
                "<" + building.tag + " name=\"" + building.name + "\"> has no labels",
                null);
          }
          controls.add(
              new Control(
                  building.name,
                  building.toName,
                  building.type,
                  List.copyOf(building.labels),
                  building.rotatable,
                  building.multiple));
          building = null;
          controlDepth = -1;
        }
        depth--;
      }
    }
    if (root) {
      throw error(source, null, "the labeling config is empty", null);
    }
    if (controls.isEmpty()) {
      throw error(
          source,
          null,
          "the labeling config has no image control (RectangleLabels, PolygonLabels,"
              + " KeyPointLabels, BrushLabels or Choices)",
          null);
    }
    return new LabelingConfig(List.copyOf(controls), Map.copyOf(images));
  }

  private static @Nullable String attribute(XMLStreamReader xml, String name) {
    for (int i = 0; i < xml.getAttributeCount(); i++) {
      if (xml.getAttributeLocalName(i).equalsIgnoreCase(name)) {
        return xml.getAttributeValue(i);
      }
    }
    return null;
  }

  private static FormatException error(
      String source, @Nullable Location where, String problem, @Nullable Throwable cause) {
    long line = where == null ? 0 : Math.max(0, where.getLineNumber());
    long column = where == null ? 0 : Math.max(0, where.getColumnNumber());
    FormatException.Location location =
        new FormatException.Location(Optional.of(source), line, column, Optional.empty());
    return cause == null
        ? FormatException.at(problem, location)
        : FormatException.at(problem, location, cause);
  }

  /** A control being read. */
  private static final class Building {
    final String name;
    final String toName;
    final ResultType type;
    final String tag;
    final boolean rotatable;
    final boolean multiple;
    final Location where;
    final Set<String> labels = new LinkedHashSet<>();

    Building(
        String name,
        String toName,
        ResultType type,
        String tag,
        boolean rotatable,
        boolean multiple,
        Location where) {
      this.name = name;
      this.toName = toName;
      this.type = type;
      this.tag = tag;
      this.rotatable = rotatable;
      this.multiple = multiple;
      this.where = where;
    }
  }
}
