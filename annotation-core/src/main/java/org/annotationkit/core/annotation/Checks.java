package org.annotationkit.core.annotation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/** Argument checks shared by the values and annotations of this package. */
final class Checks {
  private Checks() {}

  /**
   * Checks that a string (an id, a label, a field name) is non-null and non-empty.
   *
   * @param value the string
   * @param name the argument's name, for the message
   */
  static void requireNonEmpty(String value, String name) {
    Objects.requireNonNull(value, name);
    if (value.isEmpty()) {
      throw new IllegalArgumentException(name + " must not be empty");
    }
  }

  /**
   * Checks that an optional string, when present, is non-empty.
   *
   * @param value the optional string
   * @param name the argument's name, for the message
   */
  static void requireNonEmpty(Optional<String> value, String name) {
    Objects.requireNonNull(value, name);
    if (value.isPresent() && value.get().isEmpty()) {
      throw new IllegalArgumentException(name + " must not be empty when present");
    }
  }

  /**
   * Checks that a double is finite.
   *
   * @param value the value
   * @param name the argument's name, for the message
   */
  static void requireFinite(double value, String name) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException(name + " must be finite, got " + value);
    }
  }

  /**
   * Checks that an optional double, when present, is finite.
   *
   * @param value the optional value
   * @param name the argument's name, for the message
   */
  static void requireFinite(OptionalDouble value, String name) {
    Objects.requireNonNull(value, name);
    if (value.isPresent()) {
      requireFinite(value.getAsDouble(), name);
    }
  }

  /**
   * Copies a list of ids or labels, checking that each is non-empty and that none repeats.
   *
   * @param values the caller's list
   * @param name the argument's name, for the messages
   * @return an unmodifiable copy
   */
  static List<String> copyUniqueNames(List<String> values, String name) {
    Objects.requireNonNull(values, name);
    List<String> copy = new ArrayList<>(values.size());
    Set<String> seen = new HashSet<>();
    for (String value : values) {
      String element = name + "[" + copy.size() + "]";
      requireNonEmpty(value, element);
      if (!seen.add(value)) {
        throw new IllegalArgumentException(name + " must be unique, got " + value + " twice");
      }
      copy.add(value);
    }
    return Collections.unmodifiableList(copy);
  }

  /**
   * Copies attributes into an unmodifiable map sorted by name.
   *
   * @param attributes the caller's map
   * @return the copy
   */
  static Map<String, AttributeValue> copyAttributes(Map<String, AttributeValue> attributes) {
    Objects.requireNonNull(attributes, "attributes");
    if (attributes.isEmpty()) {
      return Collections.emptySortedMap();
    }
    SortedMap<String, AttributeValue> copy = new TreeMap<>();
    for (Map.Entry<String, AttributeValue> entry : attributes.entrySet()) {
      String key = Objects.requireNonNull(entry.getKey(), "attribute name");
      if (key.isEmpty()) {
        throw new IllegalArgumentException("attribute names must not be empty");
      }
      copy.put(key, Objects.requireNonNull(entry.getValue(), "value of attribute " + key));
    }
    return Collections.unmodifiableSortedMap(copy);
  }
}
