package org.annotationkit.activelearning.review;

import java.util.Objects;

/**
 * An item whose given label is likely wrong, as confident learning ranks it.
 *
 * @param rank the 1-based rank (1: most likely mislabeled)
 * @param id the item's identifier
 * @param position the item's position in the pool
 * @param given the code of the label it was given
 * @param suggested the code of the class it confidently belongs to instead
 * @param score how likely the label is wrong: {@code 1 - p(given)}, the complement of the model's
 *     out-of-sample self-confidence
 * @since 0.1.0
 */
public record LabelIssue(
    int rank, String id, int position, int given, int suggested, double score) {
  /** Checks the fields. */
  public LabelIssue {
    Objects.requireNonNull(id, "id");
    if (rank < 1 || position < 0 || given < 0 || suggested < 0) {
      throw new IllegalArgumentException(
          "rank must be >= 1 and position and codes >= 0, got rank "
              + rank
              + ", position "
              + position
              + ", codes "
              + given
              + " and "
              + suggested);
    }
  }
}
