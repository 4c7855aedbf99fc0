package org.annotationkit.core.annotation;

import java.util.Optional;
import org.annotationkit.core.internal.Require;
import org.annotationkit.core.schema.FieldKind;

/**
 * A directed relation between two region results of the same annotation, optionally typed: a result
 * of a {@link FieldKind#RELATION} field.
 *
 * @param label the relation type from the field's label set, if the field has one (non-empty when
 *     present)
 * @param from the id of the source result, non-empty
 * @param to the id of the target result, non-empty and different from {@code from}
 * @since 0.1.0
 */
public record RelationValue(Optional<String> label, String from, String to) implements Value {
  /** Checks the parts. */
  public RelationValue {
    Require.nonEmpty(label, "label");
    Require.nonEmpty(from, "from");
    Require.nonEmpty(to, "to");
    if (from.equals(to)) {
      throw new IllegalArgumentException("from and to must differ, got " + from + " for both");
    }
  }

  /**
   * A typed relation.
   *
   * @param label the relation type, non-empty
   * @param from the id of the source result, non-empty
   * @param to the id of the target result, non-empty and different from {@code from}
   */
  public RelationValue(String label, String from, String to) {
    this(Optional.of(label), from, to);
  }

  /**
   * An untyped relation.
   *
   * @param from the id of the source result, non-empty
   * @param to the id of the target result, non-empty and different from {@code from}
   */
  public RelationValue(String from, String to) {
    this(Optional.empty(), from, to);
  }

  /**
   * Returns {@link FieldKind#RELATION}.
   *
   * @return the field kind
   */
  @Override
  public FieldKind kind() {
    return FieldKind.RELATION;
  }
}
