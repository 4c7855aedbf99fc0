package org.annotationkit.core.testing;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import org.annotationkit.core.item.AudioItem;
import org.annotationkit.core.item.ComparisonItem;
import org.annotationkit.core.item.ImageItem;
import org.annotationkit.core.item.Item;
import org.annotationkit.core.item.TextItem;
import org.annotationkit.core.item.VideoItem;
import org.annotationkit.core.schema.FieldKind;

/**
 * The five kinds of {@link Item}, with the field kinds that apply to each (the table "Which field
 * kinds apply to which item kinds" of the core API, which the validator follows too).
 *
 * @since 0.1.0
 */
public enum ItemKind {
  /** An {@link ImageItem}. */
  IMAGE("image"),
  /** A {@link TextItem}. */
  TEXT("text"),
  /** An {@link AudioItem}. */
  AUDIO("audio"),
  /** A {@link VideoItem}. */
  VIDEO("video"),
  /** A {@link ComparisonItem}. */
  COMPARISON("comparison");

  private static final Set<FieldKind> ANY_ITEM =
      EnumSet.of(
          FieldKind.SINGLE_CHOICE,
          FieldKind.MULTIPLE_CHOICE,
          FieldKind.RATING,
          FieldKind.FREE_TEXT,
          FieldKind.TRANSCRIPTION,
          FieldKind.RELATION);
  private static final Set<FieldKind> PIXELS =
      EnumSet.of(
          FieldKind.BOX,
          FieldKind.POLYGON,
          FieldKind.POLYLINE,
          FieldKind.KEYPOINTS,
          FieldKind.MASK);

  private final String kindName;

  ItemKind(String kindName) {
    this.kindName = kindName;
  }

  /**
   * The kind's name, as returned by {@link Item#kindName()}, such as {@code "image"}.
   *
   * @return the kind name
   */
  public String kindName() {
    return kindName;
  }

  /**
   * The kind of an item.
   *
   * @param item any item
   * @return its kind
   */
  public static ItemKind of(Item item) {
    Objects.requireNonNull(item, "item");
    return switch (item) {
      case ImageItem image -> IMAGE;
      case TextItem text -> TEXT;
      case AudioItem audio -> AUDIO;
      case VideoItem video -> VIDEO;
      case ComparisonItem comparison -> COMPARISON;
    };
  }

  /**
   * The field kinds whose results may be given for items of this kind: the choices, rating, free
   * text, transcription and relation for every kind, plus the pixel regions for images and videos,
   * spans for texts, time segments for audio and videos, and preferences and rankings for
   * comparisons.
   *
   * @return a new mutable set of the applicable field kinds
   */
  public Set<FieldKind> fieldKinds() {
    Set<FieldKind> kinds = EnumSet.copyOf(ANY_ITEM);
    switch (this) {
      case IMAGE -> kinds.addAll(PIXELS);
      case TEXT -> kinds.add(FieldKind.SPAN);
      case AUDIO -> kinds.add(FieldKind.TIME_SEGMENT);
      case VIDEO -> {
        kinds.addAll(PIXELS);
        kinds.add(FieldKind.TIME_SEGMENT);
      }
      case COMPARISON -> {
        kinds.add(FieldKind.PAIRWISE_PREFERENCE);
        kinds.add(FieldKind.RANKING);
      }
    }
    return kinds;
  }

  /**
   * Whether results of a field kind may be given for items of this kind.
   *
   * @param fieldKind a field kind
   * @return whether it applies to this item kind
   */
  public boolean accepts(FieldKind fieldKind) {
    Objects.requireNonNull(fieldKind, "fieldKind");
    return fieldKinds().contains(fieldKind);
  }
}
