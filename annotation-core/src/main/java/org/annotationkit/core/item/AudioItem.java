package org.annotationkit.core.item;

import java.net.URI;
import java.util.Map;
import java.util.Objects;
import org.annotationkit.core.internal.Require;

/**
 * An audio clip, by URI, with its duration. Segments on it are in seconds from the start.
 *
 * @param id the item's id, non-empty
 * @param uri where the audio is
 * @param durationSeconds the duration in seconds, finite and {@code > 0}
 * @param metadata free-form metadata, copied into an unmodifiable map sorted by key
 * @since 0.1.0
 */
public record AudioItem(String id, URI uri, double durationSeconds, Map<String, String> metadata)
    implements Item {
  /** Checks and copies the parts. */
  public AudioItem {
    Require.nonEmpty(id, "id");
    Objects.requireNonNull(uri, "uri");
    Require.finitePositive(durationSeconds, "durationSeconds");
    metadata = Require.sortedCopy(metadata, "metadata");
  }

  /**
   * An audio clip without metadata.
   *
   * @param id the item's id, non-empty
   * @param uri where the audio is
   * @param durationSeconds the duration in seconds, finite and {@code > 0}
   */
  public AudioItem(String id, URI uri, double durationSeconds) {
    this(id, uri, durationSeconds, Map.of());
  }

  /**
   * Returns {@link ItemKind#AUDIO}.
   *
   * @return {@link ItemKind#AUDIO}
   */
  @Override
  public ItemKind kind() {
    return ItemKind.AUDIO;
  }
}
