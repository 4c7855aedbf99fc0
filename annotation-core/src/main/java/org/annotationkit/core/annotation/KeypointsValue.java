package org.annotationkit.core.annotation;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.annotationkit.core.geometry.Keypoint;
import org.annotationkit.core.internal.Require;
import org.annotationkit.core.schema.FieldKind;

/**
 * A labeled set of named keypoints (a pose, say): a result of a {@link FieldKind#KEYPOINTS} field.
 * The field's skeleton names the points; points not labeled may be left out or given with
 * visibility {@link Keypoint.Visibility#NOT_LABELED}.
 *
 * @param label the label, non-empty
 * @param points at least one keypoint, with unique names, copied
 * @param attributes the label's attribute values, copied into an unmodifiable map sorted by name
 * @since 0.1.0
 */
public record KeypointsValue(
    String label, List<Keypoint> points, Map<String, AttributeValue> attributes) implements Value {
  /** Checks and copies the parts. */
  public KeypointsValue {
    Require.nonEmpty(label, "label");
    points = List.copyOf(Objects.requireNonNull(points, "points"));
    if (points.isEmpty()) {
      throw new IllegalArgumentException("points must not be empty");
    }
    Require.unique(
        points, Keypoint::name, name -> "points must have unique names, got " + name + " twice");
    attributes = Require.sortedCopy(attributes, "attributes");
  }

  /**
   * A labeled set of keypoints without attributes.
   *
   * @param label the label, non-empty
   * @param points at least one keypoint, with unique names
   */
  public KeypointsValue(String label, List<Keypoint> points) {
    this(label, points, Map.of());
  }

  /**
   * Returns {@link FieldKind#KEYPOINTS}.
   *
   * @return the field kind
   */
  @Override
  public FieldKind kind() {
    return FieldKind.KEYPOINTS;
  }
}
