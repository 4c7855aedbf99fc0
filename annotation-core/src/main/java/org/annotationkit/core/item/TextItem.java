package org.annotationkit.core.item;

import java.net.URI;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.annotationkit.core.internal.Require;

/**
 * A text, held inline. Spans on it count Unicode code points; {@link TextOffsets} maps them to and
 * from Java {@code String} (UTF-16) indices.
 *
 * @param id the item's id, non-empty
 * @param text the text, possibly empty
 * @param uri where the text came from, if anywhere
 * @param metadata free-form metadata, copied into an unmodifiable map sorted by key
 * @since 0.1.0
 */
public record TextItem(String id, String text, Optional<URI> uri, Map<String, String> metadata)
    implements Item {
  /** Checks and copies the parts. */
  public TextItem {
    Require.nonEmpty(id, "id");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(uri, "uri");
    metadata = Require.sortedCopy(metadata, "metadata");
  }

  /**
   * A text with no source URI and no metadata.
   *
   * @param id the item's id, non-empty
   * @param text the text, possibly empty
   */
  public TextItem(String id, String text) {
    this(id, text, Optional.empty(), Map.of());
  }

  /**
   * The length of the text in Unicode code points: the end offset of a span that reaches the end of
   * the text.
   *
   * @return the number of code points
   */
  public int length() {
    return text.codePointCount(0, text.length());
  }

  /**
   * Returns {@link ItemKind#TEXT}.
   *
   * @return {@link ItemKind#TEXT}
   */
  @Override
  public ItemKind kind() {
    return ItemKind.TEXT;
  }
}
