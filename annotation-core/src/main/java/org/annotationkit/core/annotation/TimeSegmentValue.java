package org.annotationkit.core.annotation;

import java.util.Map;
import org.annotationkit.core.internal.Require;
import org.annotationkit.core.schema.FieldKind;

/**
 * A labeled segment of audio or video, from {@code start} to {@code end} in seconds from the start
 * of the item: a result of a {@link FieldKind#TIME_SEGMENT} field.
 *
 * @param label the label, non-empty
 * @param start the start in seconds, finite and {@code >= 0}
 * @param end the end in seconds, finite and {@code >= start}
 * @param attributes the label's attribute values, copied into an unmodifiable map sorted by name
 * @since 0.1.0
 */
public record TimeSegmentValue(
    String label, double start, double end, Map<String, AttributeValue> attributes)
    implements Value {
  /** Checks and copies the parts. */
  public TimeSegmentValue {
    Require.nonEmpty(label, "label");
    Require.finiteNonNegative(start, "start");
    if (!Double.isFinite(end) || end < start) {
      throw new IllegalArgumentException(
          "end must be finite and >= start (" + start + "), got " + end);
    }
    attributes = Require.sortedCopy(attributes, "attributes");
  }

  /**
   * A labeled segment without attributes.
   *
   * @param label the label, non-empty
   * @param start the start in seconds, finite and {@code >= 0}
   * @param end the end in seconds, finite and {@code >= start}
   */
  public TimeSegmentValue(String label, double start, double end) {
    this(label, start, end, Map.of());
  }

  /**
   * Returns {@link FieldKind#TIME_SEGMENT}.
   *
   * @return the field kind
   */
  @Override
  public FieldKind kind() {
    return FieldKind.TIME_SEGMENT;
  }
}
