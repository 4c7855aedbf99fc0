package org.annotationkit.metrics.quality;

import java.util.Objects;

/**
 * Why an annotator looks untrustworthy, with the evidence in words for people.
 *
 * @param kind what was found
 * @param evidence the numbers behind it, non-empty (such as {@code "chi-square 1.20 with 4 degrees
 *     of freedom, p = 0.88, Cramér's V 0.05 over 200 answers"})
 * @since 0.1.0
 */
public record Flag(Kind kind, String evidence) {
  /** Checks the parts. */
  public Flag {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(evidence, "evidence");
    if (evidence.isEmpty()) {
      throw new IllegalArgumentException("evidence must be non-empty");
    }
  }

  /**
   * What a flag says.
   *
   * @since 0.1.0
   */
  public enum Kind {
    /** Every answer has the same label, while the consensus of those items uses several. */
    SINGLE_LABEL("single-label"),
    /** The answers do not depend on the item: independence from the consensus is not rejected. */
    INDEPENDENT_OF_ITEM("independent-of-item"),
    /** Agreement with the consensus, or gold accuracy, is far below the other annotators'. */
    FAR_BELOW("far-below");

    private final String id;

    Kind(String id) {
      this.id = id;
    }

    /**
     * The kind as reports name it.
     *
     * @return {@code single-label}, {@code independent-of-item} or {@code far-below}
     */
    public String id() {
      return id;
    }
  }
}
