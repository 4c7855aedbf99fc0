package org.annotationkit.core.task;

import java.util.Map;
import java.util.TreeMap;
import org.annotationkit.core.item.AudioItem;
import org.annotationkit.core.item.ComparisonItem;
import org.annotationkit.core.item.ImageItem;
import org.annotationkit.core.item.Item;
import org.annotationkit.core.item.TextItem;
import org.annotationkit.core.item.VideoItem;

/** Copies of items with one metadata entry set, for exports that mark items. */
final class Items {
  private Items() {}

  /**
   * A copy of an item whose metadata maps {@code key} to {@code value} (replacing what it held).
   *
   * @param item the item
   * @param key the metadata key
   * @param value its value
   * @return the copy
   */
  static Item withMetadata(Item item, String key, String value) {
    Map<String, String> m = new TreeMap<>(item.metadata());
    m.put(key, value);
    return switch (item) {
      case ImageItem i -> new ImageItem(i.id(), i.uri(), i.width(), i.height(), m);
      case TextItem t -> new TextItem(t.id(), t.text(), t.uri(), m);
      case AudioItem a -> new AudioItem(a.id(), a.uri(), a.durationSeconds(), m);
      case VideoItem v ->
          new VideoItem(v.id(), v.uri(), v.frameCount(), v.fps(), v.width(), v.height(), m);
      case ComparisonItem c -> new ComparisonItem(c.id(), c.prompt(), c.responses(), m);
    };
  }
}
