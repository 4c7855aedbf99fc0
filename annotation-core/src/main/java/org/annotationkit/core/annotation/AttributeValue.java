package org.annotationkit.core.annotation;

import java.util.Objects;
import org.annotationkit.core.internal.Require;

/**
 * The value of one per-label attribute of a region, such as {@code occluded = true} or {@code
 * colour = "red"}. A {@link Text} is the value of both TEXT and ENUM attributes; the validator
 * checks that an ENUM's text is one of its options.
 *
 * @since 0.1.0
 */
public sealed interface AttributeValue
    permits AttributeValue.Bool, AttributeValue.Number, AttributeValue.Text {

  /**
   * A boolean value.
   *
   * @param value the value
   * @return the attribute value
   */
  static AttributeValue of(boolean value) {
    return new Bool(value);
  }

  /**
   * A numeric value.
   *
   * @param value the value, finite
   * @return the attribute value
   * @throws IllegalArgumentException if the value is NaN or infinite
   */
  static AttributeValue of(double value) {
    return new Number(value);
  }

  /**
   * A text or enumeration value.
   *
   * @param value the text, possibly empty
   * @return the attribute value
   */
  static AttributeValue of(String value) {
    return new Text(value);
  }

  /**
   * The value of a BOOLEAN attribute.
   *
   * @param value the value
   * @since 0.1.0
   */
  record Bool(boolean value) implements AttributeValue {}

  /**
   * The value of a NUMBER attribute.
   *
   * @param value the value, finite
   * @since 0.1.0
   */
  @SuppressWarnings("AvoidCommonTypeNames") // named after AttributeType.NUMBER; used qualified
  record Number(double value) implements AttributeValue {
    /** Checks that the value is finite. */
    public Number {
      Require.finite(value, "value");
    }
  }

  /**
   * The value of a TEXT or ENUM attribute.
   *
   * @param value the text, possibly empty
   * @since 0.1.0
   */
  record Text(String value) implements AttributeValue {
    /** Checks the text. */
    public Text {
      Objects.requireNonNull(value, "value");
    }
  }
}
