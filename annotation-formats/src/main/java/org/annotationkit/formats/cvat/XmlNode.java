package org.annotationkit.formats.cvat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One element of a small part of a CVAT file (the meta, one image, one track), read whole.
 *
 * @param name the element's name
 * @param attributes its attributes, in document order
 * @param text the text directly inside it
 * @param children the elements inside it
 * @param line the 1-based line it starts on
 */
record XmlNode(
    String name, Map<String, String> attributes, String text, List<XmlNode> children, long line) {
  XmlNode {
    attributes = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(attributes));
    children = List.copyOf(children);
  }

  /** The first child of a name. */
  Optional<XmlNode> child(String childName) {
    for (XmlNode child : children) {
      if (child.name.equals(childName)) {
        return Optional.of(child);
      }
    }
    return Optional.empty();
  }

  /** The stripped text of the first child of a name, or empty. */
  Optional<String> childText(String childName) {
    return child(childName).map(c -> c.text.strip());
  }

  /** An attribute, or null. */
  @Nullable String attribute(String attributeName) {
    return attributes.get(attributeName);
  }
}
