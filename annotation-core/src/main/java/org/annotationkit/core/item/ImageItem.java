package org.annotationkit.core.item;

import java.net.URI;
import java.util.Map;
import java.util.Objects;
import org.annotationkit.core.internal.Require;

/**
 * An image, by URI, with its size in pixels. Inline content is a {@code data:} URI. Geometry on the
 * image is in absolute pixels with the origin at the top-left corner.
 *
 * @param id the item's id, non-empty
 * @param uri where the image is (absolute, relative to a dataset root, or a {@code data:} URI)
 * @param width the width in pixels, {@code > 0}
 * @param height the height in pixels, {@code > 0}
 * @param metadata free-form metadata, copied into an unmodifiable map sorted by key
 * @since 0.1.0
 */
public record ImageItem(String id, URI uri, int width, int height, Map<String, String> metadata)
    implements Item {
  /** Checks and copies the parts. */
  public ImageItem {
    Require.nonEmpty(id, "id");
    Objects.requireNonNull(uri, "uri");
    Require.positive(width, "width");
    Require.positive(height, "height");
    metadata = Require.sortedCopy(metadata, "metadata");
  }

  /**
   * An image without metadata.
   *
   * @param id the item's id, non-empty
   * @param uri where the image is
   * @param width the width in pixels, {@code > 0}
   * @param height the height in pixels, {@code > 0}
   */
  public ImageItem(String id, URI uri, int width, int height) {
    this(id, uri, width, height, Map.of());
  }

  /**
   * Returns {@link ItemKind#IMAGE}.
   *
   * @return {@link ItemKind#IMAGE}
   */
  @Override
  public ItemKind kind() {
    return ItemKind.IMAGE;
  }
}
