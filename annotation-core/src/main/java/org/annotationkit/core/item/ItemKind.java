package org.annotationkit.core.item;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import org.annotationkit.core.internal.JsonNames;
import org.annotationkit.core.schema.FieldKind;

/**
 * The five kinds of {@link Item}. Which {@linkplain FieldKind field kinds} apply to each is said by
 * the field kinds ({@link FieldKind#itemKinds()}); {@link #accepts(FieldKind)} asks them.
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

  private static final JsonNames<ItemKind> NAMES = JsonNames.lowerCase(ItemKind.class);

  /**
   * The kind's name in canonical JSON (an item's {@code "type"}), such as {@code "image"}.
   *
   * @return the JSON name
   */
  public String jsonName() {
    return NAMES.name(this);
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
    return fieldKind.appliesTo(this);
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
