package org.annotationkit.metrics.quality;

import java.util.List;
import java.util.Objects;

/**
 * Where a finished project's labels are noisy: the items whose consensus is weak, the annotators
 * who disagree with the consensus most, and the label pairs confused most often.
 *
 * @param weakItems items whose consensus confidence is under the threshold, weakest first (ties by
 *     item id); copied
 * @param mostDisagreeing annotators by their share of answers that differ from the consensus, most
 *     first (ties by id), at most the report's limit; copied
 * @param confusedPairs (consensus label, given label) pairs of different labels by how many answers
 *     fell in them, most first (ties by the labels' codes), at most the report's limit; copied
 * @since 0.1.0
 */
public record LabelNoiseReport(
    List<WeakItem> weakItems,
    List<Disagreement> mostDisagreeing,
    List<ConfusedPair> confusedPairs) {

  /** Checks and copies the lists. */
  public LabelNoiseReport {
    weakItems = List.copyOf(weakItems);
    mostDisagreeing = List.copyOf(mostDisagreeing);
    confusedPairs = List.copyOf(confusedPairs);
  }

  /**
   * An item whose consensus is weak.
   *
   * @param item the item's id
   * @param label the consensus label
   * @param confidence the consensus method's confidence in it, in {@code [0, 1]}
   * @param answers how many answers the item has
   * @param tied whether another label scored as high
   * @since 0.1.0
   */
  public record WeakItem(String item, String label, double confidence, int answers, boolean tied) {
    /** Checks the parts. */
    public WeakItem {
      Objects.requireNonNull(item, "item");
      Objects.requireNonNull(label, "label");
    }
  }

  /**
   * How often an annotator disagrees with the consensus.
   *
   * @param annotator the annotator's id
   * @param disagreements how many of their answers differ from the consensus label
   * @param answers how many answers they gave
   * @since 0.1.0
   */
  public record Disagreement(String annotator, long disagreements, long answers) {
    /** Checks the parts. */
    public Disagreement {
      Objects.requireNonNull(annotator, "annotator");
      if (disagreements < 0 || disagreements > answers) {
        throw new IllegalArgumentException(
            "disagreements must be in [0, answers = " + answers + "], got " + disagreements);
      }
    }

    /**
     * The share of their answers that differ from the consensus.
     *
     * @return in {@code [0, 1]}, {@code NaN} without answers
     */
    public double rate() {
      return answers == 0 ? Double.NaN : (double) disagreements / answers;
    }
  }

  /**
   * Answers that gave one label where the consensus is another.
   *
   * @param consensus the consensus label
   * @param given the label given instead
   * @param count how many answers did so
   * @param share {@code count} over all answers to items whose consensus is {@code consensus}
   * @since 0.1.0
   */
  public record ConfusedPair(String consensus, String given, long count, double share) {
    /** Checks the parts. */
    public ConfusedPair {
      Objects.requireNonNull(consensus, "consensus");
      Objects.requireNonNull(given, "given");
      if (consensus.equals(given)) {
        throw new IllegalArgumentException("a confused pair needs two labels, got " + given);
      }
    }
  }
}
