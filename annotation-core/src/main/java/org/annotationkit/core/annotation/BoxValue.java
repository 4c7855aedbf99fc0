package org.annotationkit.core.annotation;

import java.util.Map;
import java.util.Objects;
import org.annotationkit.core.geometry.Box;
import org.annotationkit.core.internal.Require;
import org.annotationkit.core.schema.FieldKind;

/**
 * A labeled bounding box, possibly rotated: a result of a {@link FieldKind#BOX} field.
 *
 * @param label the label, non-empty
 * @param box the box, in absolute pixels
 * @param attributes the label's attribute values, copied into an unmodifiable map sorted by name
 * @since 0.1.0
 */
public record BoxValue(String label, Box box, Map<String, AttributeValue> attributes)
    implements Value {
  /** Checks and copies the parts. */
  public BoxValue {
    Require.nonEmpty(label, "label");
    Objects.requireNonNull(box, "box");
    attributes = Require.sortedCopy(attributes, "attributes");
  }

  /**
   * A labeled bounding box, possibly rotated without attributes.
   *
   * @param label the label, non-empty
   * @param box the box
   */
  public BoxValue(String label, Box box) {
    this(label, box, Map.of());
  }

  /**
   * Returns {@link FieldKind#BOX}.
   *
   * @return the field kind
   */
  @Override
  public FieldKind kind() {
    return FieldKind.BOX;
  }
}
