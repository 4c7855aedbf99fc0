package org.annotationkit.activelearning;

import java.util.Objects;

/**
 * One item a sampler picked: its rank (1 for the first pick), its identifier, its position in the
 * pool (where ties are broken: the earlier position wins) and the strategy's utility (higher is
 * picked first).
 *
 * @param rank the 1-based rank
 * @param id the item's identifier
 * @param position the item's 0-based position in the whole pool
 * @param score the strategy's utility for the item
 * @since 0.1.0
 */
public record Pick(int rank, String id, long position, double score) {
  /** Checks the fields. */
  public Pick {
    if (rank < 1) {
      throw new IllegalArgumentException("rank must be >= 1, got " + rank);
    }
    Objects.requireNonNull(id, "id");
    if (position < 0) {
      throw new IllegalArgumentException("position must be >= 0, got " + position);
    }
  }
}
