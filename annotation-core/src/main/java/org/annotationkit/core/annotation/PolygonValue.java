package org.annotationkit.core.annotation;

import java.util.Map;
import java.util.Objects;
import org.annotationkit.core.geometry.Polygon;
import org.annotationkit.core.internal.Require;
import org.annotationkit.core.schema.FieldKind;

/**
 * A labeled polygon, possibly with holes: a result of a {@link FieldKind#POLYGON} field.
 *
 * @param label the label, non-empty
 * @param polygon the polygon, in absolute pixels
 * @param attributes the label's attribute values, copied into an unmodifiable map sorted by name
 * @since 0.1.0
 */
public record PolygonValue(String label, Polygon polygon, Map<String, AttributeValue> attributes)
    implements Value {
  /** Checks and copies the parts. */
  public PolygonValue {
    Require.nonEmpty(label, "label");
    Objects.requireNonNull(polygon, "polygon");
    attributes = Require.sortedCopy(attributes, "attributes");
  }

  /**
   * A labeled polygon, possibly with holes without attributes.
   *
   * @param label the label, non-empty
   * @param polygon the polygon
   */
  public PolygonValue(String label, Polygon polygon) {
    this(label, polygon, Map.of());
  }

  /**
   * Returns {@link FieldKind#POLYGON}.
   *
   * @return the field kind
   */
  @Override
  public FieldKind kind() {
    return FieldKind.POLYGON;
  }
}
