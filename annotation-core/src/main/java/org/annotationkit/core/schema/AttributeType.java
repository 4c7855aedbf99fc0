package org.annotationkit.core.schema;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The type of a per-label attribute.
 *
 * @since 0.1.0
 */
public enum AttributeType {
  /** True or false, such as {@code occluded}. */
  BOOLEAN,
  /** One of a fixed list of options, such as a colour. */
  ENUM,
  /** A number, optionally within a range. */
  NUMBER,
  /** Free text. */
  TEXT;

  private final String jsonName = name().toLowerCase(Locale.ROOT);

  /**
   * The type's name in canonical JSON, such as {@code "boolean"}.
   *
   * @return the JSON name
   */
  public String jsonName() {
    return jsonName;
  }

  /**
   * Finds a type by its {@linkplain #jsonName() JSON name}.
   *
   * @param jsonName a name such as {@code "enum"}
   * @return the type, or empty when no type has that name
   */
  public static Optional<AttributeType> ofJsonName(String jsonName) {
    Objects.requireNonNull(jsonName, "jsonName");
    for (AttributeType type : values()) {
      if (type.jsonName.equals(jsonName)) {
        return Optional.of(type);
      }
    }
    return Optional.empty();
  }
}
