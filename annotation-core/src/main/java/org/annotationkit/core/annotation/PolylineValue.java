package org.annotationkit.core.annotation;

import java.util.Map;
import java.util.Objects;
import org.annotationkit.core.geometry.Polyline;
import org.annotationkit.core.internal.Require;
import org.annotationkit.core.schema.FieldKind;

/**
 * A labeled open polyline: a result of a {@link FieldKind#POLYLINE} field.
 *
 * @param label the label, non-empty
 * @param polyline the polyline, in absolute pixels
 * @param attributes the label's attribute values, copied into an unmodifiable map sorted by name
 * @since 0.1.0
 */
public record PolylineValue(String label, Polyline polyline, Map<String, AttributeValue> attributes)
    implements Value {
  /** Checks and copies the parts. */
  public PolylineValue {
    Require.nonEmpty(label, "label");
    Objects.requireNonNull(polyline, "polyline");
    attributes = Require.sortedCopy(attributes, "attributes");
  }

  /**
   * A labeled open polyline without attributes.
   *
   * @param label the label, non-empty
   * @param polyline the polyline
   */
  public PolylineValue(String label, Polyline polyline) {
    this(label, polyline, Map.of());
  }

  /**
   * Returns {@link FieldKind#POLYLINE}.
   *
   * @return the field kind
   */
  @Override
  public FieldKind kind() {
    return FieldKind.POLYLINE;
  }
}
