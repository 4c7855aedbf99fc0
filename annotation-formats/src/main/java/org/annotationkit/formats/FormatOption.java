package org.annotationkit.formats;

import java.util.List;
import java.util.Objects;

/**
 * An option a format takes, as {@code key=value}, with what it does.
 *
 * @param key the key, such as {@code task}
 * @param description what the option does and its default, for {@code annotate formats}
 * @param values the values allowed, in the order to list them; empty when any value is allowed (a
 *     file, a number)
 * @since 0.1.0
 */
public record FormatOption(String key, String description, List<String> values) {
  /** Checks and copies the parts. */
  public FormatOption {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(description, "description");
    if (key.isEmpty() || key.contains("=")) {
      throw new IllegalArgumentException("option key must be non-empty without '=': " + key);
    }
    values = List.copyOf(values);
  }

  /**
   * An option with a closed set of values.
   *
   * @param key the key
   * @param description what it does, and its default
   * @param values the values allowed
   * @return the option
   */
  public static FormatOption of(String key, String description, String... values) {
    return new FormatOption(key, description, List.of(values));
  }
}
