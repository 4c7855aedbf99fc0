package org.annotationkit.core.dataset;

import java.util.List;
import java.util.Objects;
import org.annotationkit.core.annotation.Annotation;
import org.annotationkit.core.internal.Require;
import org.annotationkit.core.item.Item;

/**
 * One item with annotations of it, as a {@link DatasetSource} gives them. Whether these are all of
 * the item's annotations or some of them depends on the source: see {@link
 * DatasetSource#grouped()}.
 *
 * @param item the item
 * @param annotations annotations of the item (each {@link Annotation#itemId()} is the item's id),
 *     in the source's order; copied, may be empty
 * @since 0.1.0
 */
public record DatasetEntry(Item item, List<Annotation> annotations) {

  /**
   * Checks that every annotation belongs to the item, and copies the list.
   *
   * @throws IllegalArgumentException naming an annotation of another item
   */
  public DatasetEntry {
    Objects.requireNonNull(item, "item");
    annotations = List.copyOf(Objects.requireNonNull(annotations, "annotations"));
    for (Annotation annotation : annotations) {
      if (!annotation.itemId().equals(item.id())) {
        throw new IllegalArgumentException(
            "annotation "
                + Require.quote(annotation.id())
                + " is of item "
                + Require.quote(annotation.itemId())
                + ", not of the entry's item "
                + Require.quote(item.id()));
      }
    }
  }

  /**
   * An entry of an item without annotations.
   *
   * @param item the item
   * @return the entry
   */
  public static DatasetEntry of(Item item) {
    return new DatasetEntry(item, List.of());
  }
}
