package org.annotationkit.metrics.quality;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One annotator's line of a {@link QualityReport}.
 *
 * @param annotator the annotator's id, non-empty
 * @param answers how many answers they gave
 * @param consensus their answers (columns) against the consensus label of each item (rows)
 * @param gold their answers against the gold labels, over the gold items they answered; empty when
 *     no gold was given
 * @param skill the skill the consensus method estimated (see {@link
 *     org.annotationkit.metrics.aggregation.Aggregation#skill(int)}), when it estimates one
 * @param spamming the probability MACE gives that an answer of theirs is spam ({@code 1 -} their
 *     MACE competence), when MACE was run
 * @param independence the chi-square test of their answers against the majority of the other
 *     annotators of each item
 * @param flags why they look untrustworthy, empty when nothing was found; copied
 * @since 0.1.0
 */
public record AnnotatorQuality(
    String annotator,
    int answers,
    ConfusionMatrix consensus,
    Optional<ConfusionMatrix> gold,
    OptionalDouble skill,
    OptionalDouble spamming,
    IndependenceTest independence,
    List<Flag> flags) {

  /** Checks and copies the parts. */
  public AnnotatorQuality {
    Objects.requireNonNull(annotator, "annotator");
    if (annotator.isEmpty()) {
      throw new IllegalArgumentException("annotator must be non-empty");
    }
    if (answers < 0) {
      throw new IllegalArgumentException("answers must be >= 0, got " + answers);
    }
    Objects.requireNonNull(consensus, "consensus");
    Objects.requireNonNull(gold, "gold");
    Objects.requireNonNull(skill, "skill");
    Objects.requireNonNull(spamming, "spamming");
    Objects.requireNonNull(independence, "independence");
    flags = List.copyOf(flags);
  }

  /**
   * The share of their answers that equal the item's consensus label (their own answer took part in
   * the consensus).
   *
   * @return in {@code [0, 1]}, {@code NaN} without answers
   */
  public double consensusAgreement() {
    return consensus.accuracy().orElse(Double.NaN);
  }

  /**
   * Their accuracy on the gold items they answered.
   *
   * @return the share right, or empty without gold answers
   */
  public OptionalDouble goldAccuracy() {
    return gold.isPresent() ? gold.get().accuracy() : OptionalDouble.empty();
  }

  /**
   * How many gold items they answered.
   *
   * @return the count, {@code 0} without gold
   */
  public long goldAnswered() {
    return gold.map(ConfusionMatrix::total).orElse(0L);
  }

  /**
   * Whether a flag of a kind was raised.
   *
   * @param kind the kind
   * @return whether {@link #flags()} holds one
   */
  public boolean flagged(Flag.Kind kind) {
    Objects.requireNonNull(kind, "kind");
    for (Flag f : flags) {
      if (f.kind() == kind) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether they look like a spammer: a single label always, or answers independent of the item.
   *
   * @return whether one of those flags was raised
   */
  public boolean likelySpammer() {
    return flagged(Flag.Kind.SINGLE_LABEL) || flagged(Flag.Kind.INDEPENDENT_OF_ITEM);
  }
}
