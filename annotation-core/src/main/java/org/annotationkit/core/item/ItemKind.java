package org.annotationkit.core.item;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.annotationkit.core.schema.FieldKind;

/**
 * The five kinds of {@link Item}, and which {@linkplain FieldKind field kinds} apply to each: the
 * choices, ratings, free text, transcriptions and relations to every item; boxes, polygons,
 * polylines, keypoints and masks to images and videos; spans to texts; time segments to audio and
 * videos; pairwise preferences and rankings to comparisons.
 *
 * @since 0.1.0
 */
public enum ItemKind {
  /** An {@link ImageItem}. */
  IMAGE,
  /** A {@link TextItem}. */
  TEXT,
  /** An {@link AudioItem}. */
  AUDIO,
  /** A {@link VideoItem}. */
  VIDEO,
  /** A {@link ComparisonItem}. */
  COMPARISON;

  private final String jsonName = name().toLowerCase(Locale.ROOT);

  /**
   * The kind's name in canonical JSON (an item's {@code "type"}), such as {@code "image"}.
   *
   * @return the JSON name
   */
  public String jsonName() {
    return jsonName;
  }

  /**
   * The field kinds whose results may annotate items of this kind.
   *
   * @return an unmodifiable set of the field kinds, in declaration order
   */
  public Set<FieldKind> fieldKinds() {
    return Collections.unmodifiableSet(applicable());
  }

  /**
   * Whether results of a field kind may annotate items of this kind.
   *
   * @param fieldKind a field kind
   * @return whether it applies to this item kind
   */
  public boolean accepts(FieldKind fieldKind) {
    Objects.requireNonNull(fieldKind, "fieldKind");
    return switch (fieldKind) {
      case SINGLE_CHOICE, MULTIPLE_CHOICE, RATING, FREE_TEXT, TRANSCRIPTION, RELATION -> true;
      case BOX, POLYGON, POLYLINE, KEYPOINTS, MASK -> this == IMAGE || this == VIDEO;
      case SPAN -> this == TEXT;
      case TIME_SEGMENT -> this == AUDIO || this == VIDEO;
      case PAIRWISE_PREFERENCE, RANKING -> this == COMPARISON;
    };
  }

  private EnumSet<FieldKind> applicable() {
    EnumSet<FieldKind> kinds = EnumSet.noneOf(FieldKind.class);
    for (FieldKind kind : FieldKind.values()) {
      if (accepts(kind)) {
        kinds.add(kind);
      }
    }
    return kinds;
  }
}
