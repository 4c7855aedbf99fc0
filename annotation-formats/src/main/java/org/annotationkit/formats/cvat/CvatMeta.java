package org.annotationkit.formats.cvat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a CVAT file's {@code <meta>} says: the labels in order with their attributes, skeleton
 * sub-labels and edges, and for video the frame range and size.
 *
 * @param name the task's (or project's) name, if given
 * @param labels the top-level labels, in the order of {@code <labels>}
 * @param size the number of frames ({@code <size>}), if given
 * @param startFrame the first frame ({@code <start_frame>}), if given
 * @param stopFrame the last frame ({@code <stop_frame>}), if given
 * @param width the video's frame width ({@code <original_size>}), if given
 * @param height the video's frame height, if given
 */
record CvatMeta(
    Optional<String> name,
    List<CvatLabel> labels,
    OptionalInt size,
    OptionalInt startFrame,
    OptionalInt stopFrame,
    OptionalInt width,
    OptionalInt height) {
  private static final Pattern TAG = Pattern.compile("<(circle|line)\\b([^>]*)>");
  private static final Pattern ATTRIBUTE = Pattern.compile("([\\w-]+)=\"([^\"]*)\"");

  static final CvatMeta EMPTY =
      new CvatMeta(
          Optional.empty(),
          List.of(),
          OptionalInt.empty(),
          OptionalInt.empty(),
          OptionalInt.empty(),
          OptionalInt.empty(),
          OptionalInt.empty());

  CvatMeta {
    labels = List.copyOf(labels);
  }

  /** A label of the meta, with its CVAT type ({@code any} when not given). */
  record CvatLabel(
      String name,
      String type,
      Optional<String> color,
      List<CvatAttribute> attributes,
      List<String> points,
      List<List<String>> edges,
      long line) {
    CvatLabel {
      attributes = List.copyOf(attributes);
      points = List.copyOf(points);
      edges = List.copyOf(edges);
    }
  }

  /** An attribute of a label, as CVAT declares it. */
  record CvatAttribute(
      String name, String inputType, String defaultValue, List<String> values, boolean mutable) {
    CvatAttribute {
      values = List.copyOf(values);
    }
  }

  /** Reads the meta element. */
  static CvatMeta of(XmlNode meta, XmlCursor cursor) {
    Optional<XmlNode> holder = findHolder(meta);
    Optional<String> name = holder.flatMap(h -> h.childText("name")).filter(s -> !s.isEmpty());
    List<CvatLabel> labels = new ArrayList<>();
    Optional<XmlNode> labelsNode = holder.flatMap(h -> h.child("labels"));
    if (labelsNode.isPresent()) {
      labels = labels(labelsNode.get(), cursor);
    }
    OptionalInt width = OptionalInt.empty();
    OptionalInt height = OptionalInt.empty();
    Optional<XmlNode> original = holder.flatMap(h -> h.child("original_size"));
    if (original.isPresent()) {
      width = integer(original.get(), "width", cursor);
      height = integer(original.get(), "height", cursor);
    }
    return new CvatMeta(
        name,
        labels,
        holder.map(h -> integer(h, "size", cursor)).orElse(OptionalInt.empty()),
        holder.map(h -> integer(h, "start_frame", cursor)).orElse(OptionalInt.empty()),
        holder.map(h -> integer(h, "stop_frame", cursor)).orElse(OptionalInt.empty()),
        width,
        height);
  }

  /** The {@code <task>}, {@code <project>} or {@code <job>} element that holds the labels. */
  private static Optional<XmlNode> findHolder(XmlNode meta) {
    for (String kind : List.of("task", "project", "job")) {
      Optional<XmlNode> holder = meta.child(kind);
      if (holder.isPresent()) {
        return holder;
      }
    }
    return Optional.empty();
  }

  private static OptionalInt integer(XmlNode parent, String child, XmlCursor cursor) {
    Optional<XmlNode> node = parent.child(child);
    if (node.isEmpty() || node.get().text().isBlank()) {
      return OptionalInt.empty();
    }
    String text = node.get().text().strip();
    try {
      int value = Integer.parseInt(text);
      if (value < 0) {
        throw cursor.errorAt(node.get().line(), "<" + child + "> must be >= 0, got " + text);
      }
      return OptionalInt.of(value);
    } catch (NumberFormatException e) {
      throw cursor.errorAt(
          node.get().line(), "<" + child + "> must be a whole number, got '" + text + "'");
    }
  }

  private static List<CvatLabel> labels(XmlNode labelsNode, XmlCursor cursor) {
    // First the labels themselves, then the sub-labels (points of skeletons) under their parents.
    Map<String, CvatLabel> top = new LinkedHashMap<>();
    Map<String, List<String>> subLabels = new LinkedHashMap<>();
    Map<String, String> svgs = new LinkedHashMap<>();
    for (XmlNode label : labelsNode.children()) {
      if (!label.name().equals("label")) {
        continue;
      }
      String name = label.childText("name").orElse("");
      if (name.isEmpty()) {
        throw cursor.errorAt(label.line(), "a <label> has no <name>");
      }
      String parent = label.childText("parent").orElse("");
      if (!parent.isEmpty()) {
        subLabels.computeIfAbsent(parent, p -> new ArrayList<>()).add(name);
        continue;
      }
      if (top.containsKey(name)) {
        throw cursor.errorAt(label.line(), "the label '" + name + "' is declared twice");
      }
      List<CvatAttribute> attributes = new ArrayList<>();
      label
          .child("attributes")
          .ifPresent(list -> {
            for (XmlNode attribute : list.children()) {
              if (attribute.name().equals("attribute")) {
                attributes.add(attribute(attribute, cursor));
              }
            }
          });
      String type = label.childText("type").orElse("any");
      label.childText("svg").ifPresent(svg -> svgs.put(name, svg));
      top.put(
          name,
          new CvatLabel(
              name,
              type.isEmpty() ? "any" : type,
              label.childText("color").filter(c -> c.matches("#[0-9a-fA-F]{6}")),
              attributes,
              List.of(),
              List.of(),
              label.line()));
    }
    List<CvatLabel> labels = new ArrayList<>(top.size());
    for (CvatLabel label : top.values()) {
      List<String> points = subLabels.getOrDefault(label.name(), List.of());
      List<List<String>> edges =
          points.isEmpty() ? List.of() : edges(svgs.getOrDefault(label.name(), ""), points);
      labels.add(
          new CvatLabel(
              label.name(),
              label.type(),
              label.color(),
              label.attributes(),
              points,
              edges,
              label.line()));
    }
    return labels;
  }

  private static CvatAttribute attribute(XmlNode attribute, XmlCursor cursor) {
    String name = attribute.childText("name").orElse("");
    if (name.isEmpty()) {
      throw cursor.errorAt(attribute.line(), "an <attribute> has no <name>");
    }
    String defaultValue = attribute.childText("default_value").orElse("");
    String valuesText = attribute.child("values").map(XmlNode::text).orElse("");
    return new CvatAttribute(
        name,
        attribute.childText("input_type").orElse("text"),
        defaultValue,
        values(valuesText, defaultValue),
        attribute.childText("mutable").map(m -> m.equalsIgnoreCase("true")).orElse(false));
  }

  /**
   * The values of an attribute: one a line, as CVAT 1.1 writes them; older exports (datumaro's test
   * assets among them) separate them by spaces, which is recognised when the text is one line and
   * the default value is one of its words.
   */
  static List<String> values(String text, String defaultValue) {
    List<String> values = new ArrayList<>();
    for (String line : text.split("\n", -1)) {
      String value = line.strip();
      if (!value.isEmpty() && !values.contains(value)) {
        values.add(value);
      }
    }
    if (values.size() == 1 && !values.get(0).equals(defaultValue)) {
      List<String> words = List.of(values.get(0).split("\\s+"));
      if (words.size() > 1 && words.contains(defaultValue)) {
        return words.stream().distinct().toList();
      }
    }
    return values;
  }

  /**
   * The edges of a skeleton, from the {@code <svg>} CVAT keeps with its label: nodes are {@code
   * <circle data-node-id=... data-label-name=...>}, edges {@code <line data-node-from=...
   * data-node-to=...>}. Edges naming unknown nodes, loops and repeats are left out.
   */
  static List<List<String>> edges(String svg, List<String> points) {
    Map<String, String> nodes = new LinkedHashMap<>();
    List<String[]> lines = new ArrayList<>();
    Matcher tag =
        TAG.matcher(svg.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\""));
    while (tag.find()) {
      Map<String, String> attributes = new LinkedHashMap<>();
      Matcher attribute = ATTRIBUTE.matcher(tag.group(2));
      while (attribute.find()) {
        attributes.put(attribute.group(1), attribute.group(2));
      }
      if (tag.group(1).equals("circle")) {
        String id = attributes.get("data-node-id");
        String label = attributes.get("data-label-name");
        if (id != null && label != null) {
          nodes.put(id, label);
        }
      } else {
        String from = attributes.get("data-node-from");
        String to = attributes.get("data-node-to");
        if (from != null && to != null) {
          lines.add(new String[] {from, to});
        }
      }
    }
    List<List<String>> edges = new ArrayList<>();
    for (String[] line : lines) {
      String from = nodes.get(line[0]);
      String to = nodes.get(line[1]);
      if (from != null
          && to != null
          && !from.equals(to)
          && points.contains(from)
          && points.contains(to)
          && !edges.contains(List.of(from, to))
          && !edges.contains(List.of(to, from))) {
        edges.add(List.of(from, to));
      }
    }
    return edges;
  }
}
