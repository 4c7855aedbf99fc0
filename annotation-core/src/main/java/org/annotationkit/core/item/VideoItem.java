package org.annotationkit.core.item;

import java.net.URI;
import java.util.Map;
import java.util.Objects;
import org.annotationkit.core.internal.Require;

/**
 * A video, by URI, with its frame count, frame rate and frame size. Frames are numbered from 0;
 * segments are in seconds; geometry on a frame is in absolute pixels.
 *
 * @param id the item's id, non-empty
 * @param uri where the video is
 * @param frameCount the number of frames, {@code > 0}
 * @param fps frames per second, finite and {@code > 0}
 * @param width the frame width in pixels, {@code > 0}
 * @param height the frame height in pixels, {@code > 0}
 * @param metadata free-form metadata, copied into an unmodifiable map sorted by key
 * @since 0.1.0
 */
public record VideoItem(
    String id,
    URI uri,
    int frameCount,
    double fps,
    int width,
    int height,
    Map<String, String> metadata)
    implements Item {
  /** Checks and copies the parts. */
  public VideoItem {
    Require.nonEmpty(id, "id");
    Objects.requireNonNull(uri, "uri");
    Require.positive(frameCount, "frameCount");
    Require.finitePositive(fps, "fps");
    Require.positive(width, "width");
    Require.positive(height, "height");
    metadata = Require.sortedCopy(metadata, "metadata");
  }

  /**
   * A video without metadata.
   *
   * @param id the item's id, non-empty
   * @param uri where the video is
   * @param frameCount the number of frames, {@code > 0}
   * @param fps frames per second, finite and {@code > 0}
   * @param width the frame width in pixels, {@code > 0}
   * @param height the frame height in pixels, {@code > 0}
   */
  public VideoItem(String id, URI uri, int frameCount, double fps, int width, int height) {
    this(id, uri, frameCount, fps, width, height, Map.of());
  }

  /**
   * The duration of the video: {@code frameCount / fps}.
   *
   * @return the duration in seconds
   */
  public double durationSeconds() {
    return frameCount / fps;
  }

  /**
   * Returns {@link ItemKind#VIDEO}.
   *
   * @return {@link ItemKind#VIDEO}
   */
  @Override
  public ItemKind kind() {
    return ItemKind.VIDEO;
  }
}
