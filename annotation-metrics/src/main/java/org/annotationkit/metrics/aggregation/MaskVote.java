package org.annotationkit.metrics.aggregation;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.annotationkit.core.geometry.RleMask;

/**
 * Pixel-wise voting of several annotators' masks of one object: a pixel is in the consensus mask
 * when at least a given share of the annotators set it.
 *
 * <p>With {@code n} masks and share {@code s}, a pixel is set when at least {@code ceil(s * n)} of
 * them set it: {@linkplain #majority() majority} is strictly more than half ({@code floor(n / 2) +
 * 1}), {@code s = 1} the intersection, any {@code s <= 1 / n} the union. The vote runs over the
 * run-length encodings (a sweep over the run boundaries, never a bitmap), so it costs the number of
 * runs, not of pixels, and the result does not depend on the order of the masks.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class MaskVote {
  private final double share;
  private final boolean majority;

  private MaskVote(double share, boolean majority) {
    this.share = share;
    this.majority = majority;
  }

  /**
   * A pixel is kept when strictly more than half of the masks set it.
   *
   * @return the vote
   */
  public static MaskVote majority() {
    return new MaskVote(0.5, true);
  }

  /**
   * A pixel is kept when at least this share of the masks set it.
   *
   * @param share in {@code (0, 1]}
   * @return the vote
   * @throws IllegalArgumentException if the share is outside {@code (0, 1]}
   */
  public static MaskVote atLeast(double share) {
    if (!(share > 0 && share <= 1)) {
      throw new IllegalArgumentException("share must be in (0, 1], got " + share);
    }
    return new MaskVote(share, false);
  }

  /**
   * The number of votes a pixel needs among {@code n} masks.
   *
   * @param n the number of masks, {@code >= 1}
   * @return the least number of masks that must set a pixel
   */
  public int required(int n) {
    if (majority) {
      return n / 2 + 1;
    }
    // A tiny slack so that shares such as 0.6 * 5 = 3.0000000000000004 need 3.
    return Math.max(1, (int) Math.ceil(share * n - 1e-9));
  }

  /**
   * Votes the masks of one object.
   *
   * @param masks the annotators' masks, at least one, all of the same height and width
   * @return the consensus mask
   * @throws IllegalArgumentException if there are no masks or their sizes differ (naming the first
   *     mask that differs)
   */
  public RleMask vote(List<RleMask> masks) {
    Objects.requireNonNull(masks, "masks");
    if (masks.isEmpty()) {
      throw new IllegalArgumentException("masks must not be empty");
    }
    RleMask first = masks.get(0);
    int height = first.height();
    int width = first.width();
    int total = 0;
    for (int m = 0; m < masks.size(); m++) {
      RleMask mask = Objects.requireNonNull(masks.get(m), "masks element");
      if (mask.height() != height || mask.width() != width) {
        throw new IllegalArgumentException(
            "masks["
                + m
                + "] is "
                + mask.height()
                + " x "
                + mask.width()
                + ", expected "
                + height
                + " x "
                + width
                + " as masks[0]");
      }
      total += mask.runCount();
    }
    // Events: position * 2 + (1 for a set run starting, 0 for one ending), sorted.
    long[] events = new long[total + 1];
    int e = 0;
    for (RleMask mask : masks) {
      long position = 0;
      for (int i = 0; i < mask.runCount(); i++) {
        int length = mask.count(i);
        if (i % 2 == 1 && length > 0) {
          events[e++] = position * 2 + 1;
          events[e++] = (position + length) * 2;
        }
        position += length;
      }
    }
    long[] sorted = Arrays.copyOf(events, e);
    Arrays.sort(sorted);
    int need = required(masks.size());
    long pixels = (long) height * width;
    int[] counts = new int[e + 2];
    int runs = 0;
    long runStart = 0;
    boolean inside = false;
    int votes = 0;
    int i = 0;
    while (i < sorted.length) {
      long position = sorted[i] >> 1;
      while (i < sorted.length && sorted[i] >> 1 == position) {
        votes += (sorted[i] & 1) == 1 ? 1 : -1;
        i++;
      }
      boolean now = votes >= need;
      if (now != inside) {
        counts[runs++] = (int) (position - runStart);
        runStart = position;
        inside = now;
      }
    }
    counts[runs++] = (int) (pixels - runStart);
    return new RleMask(height, width, Arrays.copyOf(counts, runs));
  }

  @Override
  public String toString() {
    return majority ? "MaskVote[majority]" : "MaskVote[share " + share + "]";
  }
}
