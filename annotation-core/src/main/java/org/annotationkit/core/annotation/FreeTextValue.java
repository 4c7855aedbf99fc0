package org.annotationkit.core.annotation;

import java.util.Objects;
import org.annotationkit.core.schema.FieldKind;

/**
 * Free text, such as a comment or a rationale: a result of a {@link FieldKind#FREE_TEXT} field.
 *
 * @param text the text, possibly empty
 * @since 0.1.0
 */
public record FreeTextValue(String text) implements Value {
  /** Checks the text. */
  public FreeTextValue {
    Objects.requireNonNull(text, "text");
  }

  /**
   * Returns {@link FieldKind#FREE_TEXT}.
   *
   * @return the field kind
   */
  @Override
  public FieldKind kind() {
    return FieldKind.FREE_TEXT;
  }
}
