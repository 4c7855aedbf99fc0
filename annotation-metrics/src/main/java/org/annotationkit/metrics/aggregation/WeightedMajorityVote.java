package org.annotationkit.metrics.aggregation;

import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import org.annotationkit.metrics.agreement.RatingTable;
import org.annotationkit.metrics.data.Answers;
import org.jspecify.annotations.Nullable;

/**
 * Majority vote, plain or weighted by given annotator skills: an item's score for a category is the
 * summed weight of the annotators who chose it, its posterior the scores divided by their sum.
 *
 * <p>The label is the highest-scoring category; ties are {@linkplain Aggregation#tied(int)
 * reported} and broken by the lowest category code (crowd-kit silently takes the first label in
 * sorted order, METRICS.md convention 9). The confidence is the label's share of the (weighted)
 * votes. The estimated {@linkplain Aggregation#skill(int) skill} of an annotator is, as in
 * crowd-kit, its share of answers that agree with the aggregated label ({@code NaN} for an
 * annotator without answers).
 *
 * @since 0.1.0
 */
public final class WeightedMajorityVote implements Aggregator {
  private static final WeightedMajorityVote UNWEIGHTED =
      new WeightedMajorityVote(Map.of(), OptionalDouble.empty(), true);

  private final Map<String, Double> skills;
  private final OptionalDouble defaultSkill;
  private final boolean unweighted;

  private WeightedMajorityVote(
      Map<String, Double> skills, OptionalDouble defaultSkill, boolean unweighted) {
    this.skills = skills;
    this.defaultSkill = defaultSkill;
    this.unweighted = unweighted;
  }

  /**
   * Plain majority vote: every answer weighs 1.
   *
   * @return the aggregator, named {@code majority}
   */
  public static WeightedMajorityVote unweighted() {
    return UNWEIGHTED;
  }

  /**
   * Majority vote weighted by given skills.
   *
   * @param skills the weight of each annotator's answers, by annotator id, finite
   * @return the aggregator, named {@code weighted-majority}; it refuses answers of an annotator
   *     without a skill unless {@link #withDefaultSkill(double)} gives one
   * @throws IllegalArgumentException if a skill is not finite
   */
  public static WeightedMajorityVote withSkills(Map<String, Double> skills) {
    Map<String, Double> copy = Map.copyOf(skills);
    copy.forEach((annotator, skill) -> {
      if (!Double.isFinite(skill)) {
        throw new IllegalArgumentException(
            "the skill of annotator '" + annotator + "' must be finite, got " + skill);
      }
    });
    return new WeightedMajorityVote(copy, OptionalDouble.empty(), false);
  }

  /**
   * This aggregator with a skill for annotators that the given skills lack.
   *
   * @param skill finite
   * @return a new aggregator
   */
  public WeightedMajorityVote withDefaultSkill(double skill) {
    if (!Double.isFinite(skill)) {
      throw new IllegalArgumentException("the default skill must be finite, got " + skill);
    }
    return new WeightedMajorityVote(skills, OptionalDouble.of(skill), unweighted);
  }

  /**
   * {@inheritDoc}
   *
   * @throws IllegalArgumentException naming an annotator who has no skill (and no default is set)
   */
  @Override
  public Aggregation aggregate(Answers answers) {
    return run(AnswerArrays.of(answers));
  }

  /**
   * {@inheritDoc}
   *
   * @throws IllegalArgumentException naming an annotator who has no skill (and no default is set)
   */
  @Override
  public Aggregation aggregate(RatingTable table) {
    return run(AnswerArrays.of(table));
  }

  Aggregation run(AnswerArrays d) {
    Objects.requireNonNull(d, "answers");
    double[] weights = unweighted ? null : weights(d);
    return vote(unweighted ? "majority" : "weighted-majority", d, weights, 0, true);
  }

  /** The weighted vote; the skills reported are the annotators' accuracy against its labels. */
  static Aggregation vote(
      String method,
      AnswerArrays d,
      double @Nullable [] weights,
      int iterations,
      boolean converged) {
    double[] shares = d.voteShares(weights);
    Aggregation.Builder b = Aggregation.builder(method, d);
    b.skills = Votes.accuracy(d, Votes.argmax(d, shares));
    b.iterations = iterations;
    b.converged = converged;
    return b.scores(shares, true);
  }

  private double[] weights(AnswerArrays d) {
    double[] weights = new double[d.annotatorCount];
    int[] counts = d.answersPerAnnotator();
    for (int a = 0; a < weights.length; a++) {
      String id = d.annotators.label(a);
      Double skill = skills.get(id);
      if (skill != null) {
        weights[a] = skill;
      } else if (defaultSkill.isPresent()) {
        weights[a] = defaultSkill.getAsDouble();
      } else if (counts[a] > 0) {
        throw new IllegalArgumentException(
            "annotator '" + id + "' has answers but no skill; give one or a default skill");
      }
    }
    return weights;
  }

  @Override
  public String toString() {
    return unweighted
        ? "WeightedMajorityVote[unweighted]"
        : "WeightedMajorityVote[" + skills.size() + " skills]";
  }
}
