package org.annotationkit.core.item;

import java.util.Map;

/**
 * Something to be labeled: an image, a text, an audio clip, a video, or a comparison of model
 * outputs. Every item has an id, unique within its dataset, and string metadata.
 *
 * <p>The family is closed, so a {@code switch} over an item is exhaustive.
 *
 * @since 0.1.0
 */
public sealed interface Item permits ImageItem, TextItem, AudioItem, VideoItem, ComparisonItem {
  /**
   * The item's id, never empty.
   *
   * @return the id
   */
  String id();

  /**
   * Free-form metadata (source, split, licence, ...), unmodifiable and sorted by key.
   *
   * @return the metadata
   */
  Map<String, String> metadata();

  /**
   * The kind of the item, which says which field kinds apply to it; its {@link ItemKind#jsonName()
   * JSON name} is the item's {@code "type"} in canonical JSON.
   *
   * @return the kind
   */
  ItemKind kind();
}
