package org.annotationkit.core.annotation;

import org.annotationkit.core.internal.Require;
import org.annotationkit.core.schema.FieldKind;

/**
 * The answer to a {@link FieldKind#SINGLE_CHOICE} field: one label.
 *
 * @param label the chosen label, non-empty
 * @since 0.1.0
 */
public record ChoiceValue(String label) implements Value {
  /** Checks the label. */
  public ChoiceValue {
    Require.nonEmpty(label, "label");
  }

  /**
   * Returns {@link FieldKind#SINGLE_CHOICE}.
   *
   * @return the field kind
   */
  @Override
  public FieldKind kind() {
    return FieldKind.SINGLE_CHOICE;
  }
}
