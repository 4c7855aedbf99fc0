package org.annotationkit.metrics.aggregation;

import java.util.Objects;
import org.annotationkit.metrics.agreement.RatingTable;
import org.annotationkit.metrics.data.Answers;

/**
 * Worker agreement with aggregate (Wawa): each annotator's skill is its share of answers that agree
 * with the plain majority vote, and the labels are the majority vote weighted by those skills.
 *
 * <p>As crowd-kit's {@code Wawa}; ties of the first vote are broken by the lowest category code
 * (see {@link WeightedMajorityVote}). The reported skills are those weights; the confidence is the
 * label's share of the weighted votes.
 *
 * @since 0.1.0
 */
public final class Wawa implements Aggregator {
  private static final Wawa INSTANCE = new Wawa();

  private Wawa() {}

  /**
   * The aggregator.
   *
   * @return Wawa, named {@code wawa}
   */
  public static Wawa defaults() {
    return INSTANCE;
  }

  @Override
  public Aggregation aggregate(Answers answers) {
    return run(AnswerArrays.of(answers));
  }

  @Override
  public Aggregation aggregate(RatingTable table) {
    return run(AnswerArrays.of(table));
  }

  Aggregation run(AnswerArrays d) {
    Objects.requireNonNull(d, "answers");
    double[] skills = Votes.accuracy(d, Votes.argmax(d, d.voteShares(null)));
    double[] weights = skills.clone();
    for (int a = 0; a < weights.length; a++) {
      if (Double.isNaN(weights[a])) {
        weights[a] = 0;
      }
    }
    Aggregation.Builder b = Aggregation.builder("wawa", d);
    b.skills = skills;
    return b.scores(d.voteShares(weights), true);
  }

  @Override
  public String toString() {
    return "Wawa";
  }
}
