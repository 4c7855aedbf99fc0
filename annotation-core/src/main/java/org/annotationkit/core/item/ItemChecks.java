package org.annotationkit.core.item;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/** Argument checks shared by the items of this package. */
final class ItemChecks {
  private ItemChecks() {}

  /**
   * Checks that a string is non-null and non-empty.
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
   * Checks that a size or count is positive.
   *
   * @param value the value
   * @param name the argument's name, for the message
   */
  static void requirePositive(int value, String name) {
    if (value <= 0) {
      throw new IllegalArgumentException(name + " must be > 0, got " + value);
    }
  }

  /**
   * Checks that a double is finite and positive.
   *
   * @param value the value
   * @param name the argument's name, for the message
   */
  static void requirePositiveFinite(double value, String name) {
    if (!Double.isFinite(value) || value <= 0) {
      throw new IllegalArgumentException(name + " must be finite and > 0, got " + value);
    }
  }

  /**
   * Copies metadata into an unmodifiable map sorted by key.
   *
   * @param metadata the caller's map
   * @return the copy
   */
  static Map<String, String> copyMetadata(Map<String, String> metadata) {
    Objects.requireNonNull(metadata, "metadata");
    SortedMap<String, String> copy = new TreeMap<>();
    for (Map.Entry<String, String> entry : metadata.entrySet()) {
      String key = Objects.requireNonNull(entry.getKey(), "metadata key");
      if (key.isEmpty()) {
        throw new IllegalArgumentException("metadata keys must not be empty");
      }
      copy.put(key, Objects.requireNonNull(entry.getValue(), "metadata value of " + key));
    }
    return Collections.unmodifiableSortedMap(copy);
  }
}
