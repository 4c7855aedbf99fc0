package org.annotationkit.core.annotation;

import org.annotationkit.core.internal.Require;
import org.annotationkit.core.schema.FieldKind;

/**
 * A number on a rating scale (Likert or continuous): a result of a {@link FieldKind#RATING} field.
 * The validator checks that the value is on the field's scale.
 *
 * @param value the rating, finite
 * @since 0.1.0
 */
public record RatingValue(double value) implements Value {
  /** Checks that the value is finite. */
  public RatingValue {
    Require.finite(value, "value");
  }

  /**
   * Returns {@link FieldKind#RATING}.
   *
   * @return the field kind
   */
  @Override
  public FieldKind kind() {
    return FieldKind.RATING;
  }
}
