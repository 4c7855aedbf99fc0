package org.annotationkit.core.schema;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * What a field of a labeling interface asks the annotator for. Each kind takes one kind of {@code
 * org.annotationkit.core.annotation.Value}.
 *
 * @since 0.1.0
 */
public enum FieldKind {
  /** One label out of the field's label set (a classification). */
  SINGLE_CHOICE,
  /** Any number of labels out of the field's label set (multi-label classification). */
  MULTIPLE_CHOICE,
  /** Labeled bounding boxes, optionally rotated. */
  BOX,
  /** Labeled polygons, with holes. */
  POLYGON,
  /** Labeled open polylines. */
  POLYLINE,
  /** Labeled sets of named keypoints with visibility, joined by the field's skeleton. */
  KEYPOINTS,
  /** Labeled run-length masks (segmentation). */
  MASK,
  /** Labeled spans of text, in code points (named entities). */
  SPAN,
  /** Directed relations between two regions of the same annotation, optionally typed. */
  RELATION,
  /** Labeled segments of audio or video, in seconds. */
  TIME_SEGMENT,
  /** A transcription of the item, or of one of its regions. */
  TRANSCRIPTION,
  /** A number on the field's rating scale (Likert or numeric). */
  RATING,
  /** Which of two model outputs is better, or a tie. */
  PAIRWISE_PREFERENCE,
  /** An order of the model outputs, best first. */
  RANKING,
  /** Free text, such as a comment or a rationale. */
  FREE_TEXT;

  private final String jsonName = name().toLowerCase(Locale.ROOT);

  /**
   * The kind's name in canonical JSON: the constant's name in lower case, such as {@code
   * "time_segment"}.
   *
   * @return the JSON name
   */
  public String jsonName() {
    return jsonName;
  }

  /**
   * Finds a kind by its {@linkplain #jsonName() JSON name}.
   *
   * @param jsonName a name such as {@code "box"}
   * @return the kind, or empty when no kind has that name
   */
  public static Optional<FieldKind> ofJsonName(String jsonName) {
    Objects.requireNonNull(jsonName, "jsonName");
    for (FieldKind kind : values()) {
      if (kind.jsonName.equals(jsonName)) {
        return Optional.of(kind);
      }
    }
    return Optional.empty();
  }

  /**
   * Whether the field's values name a label of its label set. True for the choice kinds and the
   * region kinds; {@link #RELATION} may have labels (relation types) but need not.
   *
   * @return whether a label set is required
   */
  public boolean usesLabels() {
    return switch (this) {
      case SINGLE_CHOICE,
          MULTIPLE_CHOICE,
          BOX,
          POLYGON,
          POLYLINE,
          KEYPOINTS,
          MASK,
          SPAN,
          TIME_SEGMENT ->
          true;
      case RELATION, TRANSCRIPTION, RATING, PAIRWISE_PREFERENCE, RANKING, FREE_TEXT -> false;
    };
  }

  /**
   * Whether the field's results are regions: parts of the item that a relation or a transcription
   * may point to.
   *
   * @return whether results of this kind are regions
   */
  public boolean isRegion() {
    return switch (this) {
      case BOX, POLYGON, POLYLINE, KEYPOINTS, MASK, SPAN, TIME_SEGMENT -> true;
      case SINGLE_CHOICE,
          MULTIPLE_CHOICE,
          RELATION,
          TRANSCRIPTION,
          RATING,
          PAIRWISE_PREFERENCE,
          RANKING,
          FREE_TEXT ->
          false;
    };
  }
}
