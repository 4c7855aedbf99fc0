package org.annotationkit.formats.labelstudio;

import java.util.Locale;
import java.util.Optional;
import org.annotationkit.core.schema.FieldKind;

/** The Label Studio result types of images that the formats read and write. */
enum ResultType {
  RECTANGLE_LABELS("rectanglelabels", FieldKind.BOX),
  POLYGON_LABELS("polygonlabels", FieldKind.POLYGON),
  KEYPOINT_LABELS("keypointlabels", FieldKind.KEYPOINTS),
  BRUSH_LABELS("brushlabels", FieldKind.MASK),
  CHOICES("choices", FieldKind.SINGLE_CHOICE);

  private final String json;
  private final FieldKind kind;

  ResultType(String json, FieldKind kind) {
    this.json = json;
    this.kind = kind;
  }

  /** The result's {@code type}, which is also the key of its labels in {@code value}. */
  String json() {
    return json;
  }

  /** The kind of field (choices may also be multiple choice). */
  FieldKind kind() {
    return kind;
  }

  /** The type of a result's {@code type}, ignoring case. */
  static Optional<ResultType> ofJson(String type) {
    String lower = type.toLowerCase(Locale.ROOT);
    for (ResultType t : values()) {
      if (t.json.equals(lower)) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }

  /** The type of a config's control tag, in lower case. */
  static Optional<ResultType> ofControlTag(String lowerTag) {
    return ofJson(lowerTag);
  }

  /** The type of values a field kind holds in Label Studio. */
  static Optional<ResultType> ofKind(FieldKind kind) {
    return switch (kind) {
      case BOX -> Optional.of(RECTANGLE_LABELS);
      case POLYGON -> Optional.of(POLYGON_LABELS);
      case KEYPOINTS -> Optional.of(KEYPOINT_LABELS);
      case MASK -> Optional.of(BRUSH_LABELS);
      case SINGLE_CHOICE, MULTIPLE_CHOICE -> Optional.of(CHOICES);
      default -> Optional.empty();
    };
  }
}
