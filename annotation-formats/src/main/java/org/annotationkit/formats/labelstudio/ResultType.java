package org.annotationkit.formats.labelstudio;

import java.util.Locale;
import java.util.Optional;
import org.annotationkit.core.schema.FieldKind;

/**
 * The Label Studio result types that the formats read and write, each with the key of its labels
 * (or value) in {@code value} and the field kinds it can fill.
 */
enum ResultType {
  RECTANGLE_LABELS("rectanglelabels", "rectanglelabels", true, FieldKind.BOX),
  POLYGON_LABELS("polygonlabels", "polygonlabels", true, FieldKind.POLYGON),
  KEYPOINT_LABELS("keypointlabels", "keypointlabels", true, FieldKind.KEYPOINTS),
  BRUSH_LABELS("brushlabels", "brushlabels", true, FieldKind.MASK),
  CHOICES("choices", "choices", false, FieldKind.SINGLE_CHOICE, FieldKind.MULTIPLE_CHOICE),
  /** Spans of text (code points) or segments of audio (seconds). */
  LABELS("labels", "labels", true, FieldKind.SPAN, FieldKind.TIME_SEGMENT),
  TAXONOMY("taxonomy", "taxonomy", false, FieldKind.MULTIPLE_CHOICE),
  /** Free text, or a transcription of the item or of one region. */
  TEXTAREA("textarea", "text", false, FieldKind.FREE_TEXT, FieldKind.TRANSCRIPTION),
  RATING("rating", "rating", false, FieldKind.RATING),
  PAIRWISE("pairwise", "selected", false, FieldKind.PAIRWISE_PREFERENCE),
  RANKER("ranker", "ranker", false, FieldKind.RANKING),
  /** A relation between two regions: its keys are outside {@code value}. */
  RELATION("relation", "labels", false, FieldKind.RELATION);

  private final String json;
  private final String key;
  private final boolean region;

  /** The first kind this type fills. */
  private final FieldKind kind;

  /** The other kind it fills, the same as {@link #kind} when it fills one (two at most). */
  private final FieldKind otherKind;

  ResultType(String json, String key, boolean region, FieldKind kind) {
    this(json, key, region, kind, kind);
  }

  ResultType(String json, String key, boolean region, FieldKind kind, FieldKind otherKind) {
    this.json = json;
    this.key = key;
    this.region = region;
    this.kind = kind;
    this.otherKind = otherKind;
  }

  /** The result's {@code type}. */
  String json() {
    return json;
  }

  /** The key in {@code value} that holds the labels (or the value) of this type. */
  String key() {
    return key;
  }

  /** Whether results of this type are regions that other results can refer to by id. */
  boolean region() {
    return region;
  }

  /** The first kind of field this type fills (choices may also be multiple choice). */
  FieldKind kind() {
    return kind;
  }

  /** Whether results of this type fill fields of a kind. */
  boolean fills(FieldKind kind) {
    return this.kind == kind || otherKind == kind;
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
    return lowerTag.equals("relations") ? Optional.of(RELATION) : ofJson(lowerTag);
  }
}
