package org.annotationkit.core.schema;

import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;
import org.annotationkit.core.internal.Require;

/**
 * An attribute that the annotator fills in for each result of a label, such as {@code occluded} on
 * a box of a car or {@code colour} with the options red, green and blue.
 *
 * <p>Only an {@linkplain AttributeType#ENUM enum} attribute has options (at least one, no two the
 * same, each a valid name); only a {@linkplain AttributeType#NUMBER number} attribute may have a
 * range, with {@code min <= max} when both are given.
 *
 * @param name the attribute's name: non-empty, no leading or trailing whitespace, no control
 *     characters
 * @param type the attribute's type
 * @param options the options of an enum attribute, in display order; empty for other types
 * @param required whether every result of the label must carry a value for this attribute
 * @param min the least allowed value of a number attribute, if bounded below
 * @param max the greatest allowed value of a number attribute, if bounded above
 * @since 0.1.0
 */
public record AttributeSpec(
    String name,
    AttributeType type,
    List<String> options,
    boolean required,
    OptionalDouble min,
    OptionalDouble max) {

  /**
   * Validates and copies the components.
   *
   * @throws IllegalArgumentException naming the attribute when a rule above is broken
   */
  public AttributeSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(options, "options");
    Objects.requireNonNull(min, "min");
    Objects.requireNonNull(max, "max");
    Require.validName(name, "attribute name");
    options = List.copyOf(options);
    String where = "attribute " + Require.quote(name) + " (" + type.jsonName() + "): ";
    if (type == AttributeType.ENUM) {
      if (options.isEmpty()) {
        throw new IllegalArgumentException(where + "options must not be empty");
      }
      for (String option : options) {
        Require.validName(option, where + "option");
      }
      Require.unique(
          options,
          option -> option,
          option -> where + "option " + Require.quote(option) + " appears twice");
    } else if (!options.isEmpty()) {
      throw new IllegalArgumentException(
          where + "options apply only to enum attributes, got " + options);
    }
    if (type != AttributeType.NUMBER && (min.isPresent() || max.isPresent())) {
      throw new IllegalArgumentException(
          where
              + "min and max apply only to number attributes, got min "
              + min
              + " and max "
              + max);
    }
    Require.finite(min, where + "min");
    Require.finite(max, where + "max");
    if (min.isPresent() && max.isPresent() && min.getAsDouble() > max.getAsDouble()) {
      throw new IllegalArgumentException(
          where
              + "min must be <= max, got min "
              + min.getAsDouble()
              + " and max "
              + max.getAsDouble());
    }
  }

  /**
   * An optional boolean attribute, such as {@code occluded}.
   *
   * @param name the attribute's name
   * @return the attribute
   */
  public static AttributeSpec bool(String name) {
    return simple(name, AttributeType.BOOLEAN);
  }

  /**
   * An optional enum attribute with the given options, in display order.
   *
   * @param name the attribute's name
   * @param options the options: at least one, no two the same
   * @return the attribute
   */
  public static AttributeSpec enumeration(String name, String... options) {
    Objects.requireNonNull(options, "options");
    return new AttributeSpec(
        name,
        AttributeType.ENUM,
        List.of(options),
        false,
        OptionalDouble.empty(),
        OptionalDouble.empty());
  }

  /**
   * An optional, unbounded number attribute.
   *
   * @param name the attribute's name
   * @return the attribute
   */
  public static AttributeSpec number(String name) {
    return simple(name, AttributeType.NUMBER);
  }

  /**
   * An optional number attribute within {@code [min, max]}.
   *
   * @param name the attribute's name
   * @param min the least allowed value, finite
   * @param max the greatest allowed value, finite and {@code >= min}
   * @return the attribute
   */
  public static AttributeSpec number(String name, double min, double max) {
    return new AttributeSpec(
        name,
        AttributeType.NUMBER,
        List.of(),
        false,
        OptionalDouble.of(min),
        OptionalDouble.of(max));
  }

  /**
   * An optional free-text attribute.
   *
   * @param name the attribute's name
   * @return the attribute
   */
  public static AttributeSpec text(String name) {
    return simple(name, AttributeType.TEXT);
  }

  /**
   * A copy of this attribute that every result of the label must fill in. (The record's accessor
   * {@link #required()} already takes the name {@code required()}.)
   *
   * @return the required attribute
   */
  public AttributeSpec asRequired() {
    return new AttributeSpec(name, type, options, true, min, max);
  }

  private static AttributeSpec simple(String name, AttributeType type) {
    return new AttributeSpec(
        name, type, List.of(), false, OptionalDouble.empty(), OptionalDouble.empty());
  }
}
