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
 * A Label Studio labeling config, the XML of a project's labeling interface, as far as the formats
 * use it: the objects that show the task's data ({@code <Image>}, {@code <Text>}, {@code
 * <HyperText>}, {@code <Audio>}, {@code <AudioPlus>}, {@code <List>}) and the controls that label
 * them ({@code RectangleLabels}, {@code PolygonLabels}, {@code KeyPointLabels}, {@code
 * BrushLabels}, {@code Choices}, {@code Labels}, {@code Taxonomy}, {@code TextArea}, {@code
 * Rating}, {@code Pairwise}, {@code Ranker}, {@code Relations}) with their labels in order. Tag
 * names are matched without regard to case, as Label Studio does; other tags are passed over.
 *
 * @param controls the labeling controls, in the config's order
 * @param objects the objects, in the config's order: name to what it shows
 */
record LabelingConfig(List<Control> controls, Map<String, DataObject> objects) {
  /** The field name of the config's {@code <Relations>}, which has no name of its own. */
  static final String RELATIONS = "relations";

  /** What an object tag shows. */
  enum Media {
    IMAGE,
    TEXT,
    AUDIO,
    /** A list of items to rank ({@code <List>}). */
    LIST
  }

  /**
   * An object tag.
   *
   * @param media what it shows
   * @param key the task data key of its {@code value} (without the {@code $})
   */
  record DataObject(Media media, String key) {}

  /**
   * One control: a field of the schema.
   *
   * @param name the control's name
   * @param toName the objects it labels, comma separated as written
   * @param type the results it gives
   * @param labels its labels in order (for a taxonomy, every node, parents first)
   * @param parents for a taxonomy, each nested choice's parent
   * @param rotatable whether rectangles may rotate
   * @param multiple whether several choices may be chosen
   * @param perRegion whether it labels regions rather than the whole object
   * @param maxRating the number of stars of a rating
   */
  record Control(
      String name,
      String toName,
      ResultType type,
      List<String> labels,
      Map<String, String> parents,
      boolean rotatable,
      boolean multiple,
      boolean perRegion,
      int maxRating) {

    /** The names of the objects it labels. */
    List<String> targets() {
      List<String> names = new ArrayList<>();
      for (String part : toName.split(",", -1)) {
        if (!part.isBlank()) {
          names.add(part.strip());
        }
      }
      return names;
    }
  }

  /** The control of a name. */
  Optional<Control> control(String name) {
    for (Control control : controls) {
      if (control.name().equals(name)) {
        return Optional.of(control);
      }
    }
    return Optional.empty();
  }

  /** The {@code <Image>} objects: name to data key, in order. */
  Map<String, String> images() {
    return keys(Media.IMAGE);
  }

  /** The objects that show a medium: name to data key, in order. */
  Map<String, String> keys(Media media) {
    Map<String, String> keys = new LinkedHashMap<>();
    for (Map.Entry<String, DataObject> entry : objects.entrySet()) {
      if (entry.getValue().media() == media) {
        keys.put(entry.getKey(), entry.getValue().key());
      }
    }
    return keys;
  }

  /** The data key of the image a control labels, or the first image's. */
  Optional<String> imageKey(String toName) {
    DataObject object = objects.get(toName);
    if (object != null && object.media() == Media.IMAGE) {
      return Optional.of(object.key());
    }
    return images().values().stream().findFirst();
  }

  /**
   * What the config's tasks show: a comparison when it has a {@code Pairwise} or {@code Ranker},
   * else the medium of the object the first control labels, else of the first object.
   */
  Optional<Media> media() {
    for (Control control : controls) {
      if (control.type() == ResultType.PAIRWISE || control.type() == ResultType.RANKER) {
        return Optional.of(Media.LIST);
      }
    }
    for (Control control : controls) {
      for (String target : control.targets()) {
        DataObject object = objects.get(target);
        if (object != null) {
          return Optional.of(object.media());
        }
      }
    }
    return objects.values().stream().findFirst().map(DataObject::media);
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
    Map<String, DataObject> objects = new LinkedHashMap<>();
    Set<String> names = new LinkedHashSet<>();
    boolean root = true;
    int depth = 0;
    int controlDepth = -1;
    @Nullable Building building = null;
    // The open <Choice> elements of a taxonomy: their values, and the depth of each.
    List<String> openChoices = new ArrayList<>();
    List<Integer> openDepths = new ArrayList<>();
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
          boolean relations = type == ResultType.RELATION;
          String name = relations ? RELATIONS : attribute(xml, "name");
          String toName = relations ? "" : attribute(xml, "toName");
          if (name == null || name.isBlank()) {
            throw error(
                source, xml.getLocation(), "<" + xml.getLocalName() + "> has no name", null);
          }
          if (toName == null || (toName.isBlank() && !relations)) {
            throw error(
                source,
                xml.getLocation(),
                "<" + xml.getLocalName() + " name=\"" + name + "\"> has no toName",
                null);
          }
          if (!names.add(name)) {
            throw error(
                source,
                xml.getLocation(),
                relations
                    ? "the config has two <Relations>"
                    : "two controls are named \"" + name + "\"",
                null);
          }
          String rotate = attribute(xml, "canRotate");
          String choice = attribute(xml, "choice");
          String perRegion = attribute(xml, "perRegion");
          String maxRating = attribute(xml, "maxRating");
          int stars = 5;
          if (maxRating != null) {
            try {
              stars = Integer.parseInt(maxRating.strip());
            } catch (NumberFormatException e) {
              stars = 0;
            }
            if (stars < 1) {
              throw error(
                  source,
                  xml.getLocation(),
                  "<"
                      + xml.getLocalName()
                      + " name=\""
                      + name
                      + "\"> has maxRating=\""
                      + maxRating
                      + "\"; expected a positive whole number",
                  null);
            }
          }
          building =
              new Building(
                  name,
                  toName,
                  type,
                  xml.getLocalName(),
                  rotate == null || !rotate.equalsIgnoreCase("false"),
                  "multiple".equalsIgnoreCase(choice),
                  "true".equalsIgnoreCase(perRegion),
                  stars,
                  xml.getLocation());
          controlDepth = depth;
          openChoices.clear();
          openDepths.clear();
        } else if (building != null
            && (tag.equals("label") || tag.equals("choice") || tag.equals("relation"))) {
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
          if (building.type == ResultType.TAXONOMY && tag.equals("choice")) {
            if (!openChoices.isEmpty()) {
              building.parents.put(value, openChoices.get(openChoices.size() - 1));
            }
            openChoices.add(value);
            openDepths.add(depth);
          }
        } else if (building == null) {
          Media media =
              switch (tag) {
                case "image" -> Media.IMAGE;
                case "text", "hypertext" -> Media.TEXT;
                case "audio", "audioplus" -> Media.AUDIO;
                case "list" -> Media.LIST;
                default -> null;
              };
          if (media != null) {
            String name = attribute(xml, "name");
            String value = attribute(xml, "value");
            if (name == null || value == null) {
              throw error(
                  source,
                  xml.getLocation(),
                  "<" + xml.getLocalName() + "> needs a name and a value",
                  null);
            }
            objects.put(
                name, new DataObject(media, value.startsWith("$") ? value.substring(1) : value));
          }
        }
      } else if (event == XMLStreamConstants.END_ELEMENT) {
        if (!openDepths.isEmpty() && openDepths.getLast() == depth) {
          openDepths.removeLast();
          openChoices.removeLast();
        }
        if (building != null && depth == controlDepth) {
          if (building.labels.isEmpty() && building.type.kind().usesLabels()) {
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
                  Map.copyOf(building.parents),
                  building.rotatable,
                  building.multiple,
                  building.perRegion,
                  building.maxRating));
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
          "the labeling config has no control (RectangleLabels, PolygonLabels, KeyPointLabels,"
              + " BrushLabels, Choices, Labels, Taxonomy, TextArea, Rating, Pairwise, Ranker or"
              + " Relations)",
          null);
    }
    return new LabelingConfig(
        List.copyOf(controls), java.util.Collections.unmodifiableMap(objects));
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
    final boolean perRegion;
    final int maxRating;
    final Location where;
    final Set<String> labels = new LinkedHashSet<>();
    final Map<String, String> parents = new LinkedHashMap<>();

    Building(
        String name,
        String toName,
        ResultType type,
        String tag,
        boolean rotatable,
        boolean multiple,
        boolean perRegion,
        int maxRating,
        Location where) {
      this.name = name;
      this.toName = toName;
      this.type = type;
      this.tag = tag;
      this.rotatable = rotatable;
      this.multiple = multiple;
      this.perRegion = perRegion;
      this.maxRating = maxRating;
      this.where = where;
    }
  }
}
