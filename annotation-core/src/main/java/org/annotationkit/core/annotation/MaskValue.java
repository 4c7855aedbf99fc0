package org.annotationkit.core.annotation;

import java.util.Map;
import java.util.Objects;
import org.annotationkit.core.geometry.RleMask;
import org.annotationkit.core.internal.Require;
import org.annotationkit.core.schema.FieldKind;

/**
 * A labeled segmentation mask: a result of a {@link FieldKind#MASK} field.
 *
 * @param label the label, non-empty
 * @param mask the run-length encoded mask, the size of the image
 * @param attributes the label's attribute values, copied into an unmodifiable map sorted by name
 * @since 0.1.0
 */
public record MaskValue(String label, RleMask mask, Map<String, AttributeValue> attributes)
    implements Value {
  /** Checks and copies the parts. */
  public MaskValue {
    Require.nonEmpty(label, "label");
    Objects.requireNonNull(mask, "mask");
    attributes = Require.sortedCopy(attributes, "attributes");
  }

  /**
   * A labeled segmentation mask without attributes.
   *
   * @param label the label, non-empty
   * @param mask the run-length encoded mask, the size of the image
   */
  public MaskValue(String label, RleMask mask) {
    this(label, mask, Map.of());
  }

  /**
   * Returns {@link FieldKind#MASK}.
   *
   * @return the field kind
   */
  @Override
  public FieldKind kind() {
    return FieldKind.MASK;
  }
}
