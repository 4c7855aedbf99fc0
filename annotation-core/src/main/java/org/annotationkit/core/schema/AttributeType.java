package org.annotationkit.core.schema;

import java.util.Optional;
import org.annotationkit.core.internal.JsonNames;

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

  private static final JsonNames<AttributeType> NAMES = JsonNames.lowerCase(AttributeType.class);

  /**
   * The type's name in canonical JSON, such as {@code "boolean"}.
   *
   * @return the JSON name
   */
  public String jsonName() {
    return NAMES.name(this);
  }

  /**
   * Finds a type by its {@linkplain #jsonName() JSON name}.
   *
   * @param jsonName a name such as {@code "enum"}
   * @return the type, or empty when no type has that name
   */
  public static Optional<AttributeType> ofJsonName(String jsonName) {
    return NAMES.find(jsonName);
  }
}
