package org.annotationkit.core.annotation;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.annotationkit.core.internal.Require;
import org.annotationkit.core.schema.FieldKind;

/**
 * The answer to a {@link FieldKind#MULTIPLE_CHOICE} field: any number of labels, in the order
 * chosen.
 *
 * @param labels the chosen labels, unique and non-empty each; the list may be empty (none chosen)
 * @since 0.1.0
 */
public record MultipleChoiceValue(List<String> labels) implements Value {
  /** Checks and copies the labels. */
  public MultipleChoiceValue {
    labels = Require.copyEach(labels, "labels", Require::nonEmpty);
    Require.unique(
        labels, label -> label, label -> "labels must be unique, got " + label + " twice");
  }

  /**
   * The value choosing the given labels.
   *
   * @param labels the chosen labels, unique
   * @return the value
   */
  public static MultipleChoiceValue of(String... labels) {
    return new MultipleChoiceValue(Arrays.asList(Objects.requireNonNull(labels, "labels")));
  }

  /**
   * Returns {@link FieldKind#MULTIPLE_CHOICE}.
   *
   * @return the field kind
   */
  @Override
  public FieldKind kind() {
    return FieldKind.MULTIPLE_CHOICE;
  }
}
