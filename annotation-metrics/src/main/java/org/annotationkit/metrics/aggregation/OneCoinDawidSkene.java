package org.annotationkit.metrics.aggregation;

import java.util.Map;
import java.util.Objects;
import org.annotationkit.metrics.agreement.RatingTable;
import org.annotationkit.metrics.data.Answers;

/**
 * One-coin Dawid-Skene: each annotator answers correctly with probability {@code s} (its skill)
 * whatever the true category, and otherwise picks one of the other {@code K - 1} categories
 * uniformly. Fitted by the same EM iteration as {@link DawidSkene}, whose M-step here sets each
 * skill to the mean posterior of the answers the annotator gave; confusion entries are kept within
 * {@code [1e-10, 1 - 1e-10]}.
 *
 * <p>Y. Zhang, X. Chen, D. Zhou and M. I. Jordan, "Spectral Methods Meet EM: A Provably Optimal
 * Algorithm for Crowdsourcing", Journal of Machine Learning Research 17, 2016. As crowd-kit's
 * {@code OneCoinDawidSkene}: majority-vote start, at most 100 iterations, tolerance {@code 1e-5};
 * gold labels, which crowd-kit's one-coin model lacks, work as in {@link DawidSkene}.
 *
 * @since 0.1.0
 */
public final class OneCoinDawidSkene implements Aggregator {
  private static final OneCoinDawidSkene DEFAULTS = new OneCoinDawidSkene(100, 1e-5, Map.of());

  private final int maxIterations;
  private final double tolerance;
  private final Map<String, String> gold;

  private OneCoinDawidSkene(int maxIterations, double tolerance, Map<String, String> gold) {
    this.maxIterations = maxIterations;
    this.tolerance = tolerance;
    this.gold = gold;
  }

  /**
   * One-coin Dawid-Skene with crowd-kit's defaults: 100 iterations, tolerance {@code 1e-5}.
   *
   * @return the aggregator, named {@code one-coin}
   */
  public static OneCoinDawidSkene defaults() {
    return DEFAULTS;
  }

  /**
   * This aggregator with another iteration cap.
   *
   * @param maxIterations {@code >= 1}
   * @return a new aggregator
   */
  public OneCoinDawidSkene withMaxIterations(int maxIterations) {
    Em.checkIterations(maxIterations);
    return new OneCoinDawidSkene(maxIterations, tolerance, gold);
  }

  /**
   * This aggregator with another tolerance on the growth of the lower bound per answer.
   *
   * @param tolerance finite
   * @return a new aggregator
   */
  public OneCoinDawidSkene withTolerance(double tolerance) {
    Em.checkTolerance(tolerance);
    return new OneCoinDawidSkene(maxIterations, tolerance, gold);
  }

  /**
   * This aggregator with gold labels that fix some items' categories.
   *
   * @param gold the known label of some items, by item id
   * @return a new aggregator
   */
  public OneCoinDawidSkene withGold(Map<String, String> gold) {
    return new OneCoinDawidSkene(maxIterations, tolerance, Map.copyOf(gold));
  }

  /**
   * {@inheritDoc}
   *
   * @throws org.annotationkit.core.coding.UnknownLabelException if a gold label is not a category
   */
  @Override
  public Aggregation aggregate(Answers answers) {
    return run(AnswerArrays.of(answers));
  }

  /**
   * {@inheritDoc}
   *
   * @throws org.annotationkit.core.coding.UnknownLabelException if a gold label is not a category
   */
  @Override
  public Aggregation aggregate(RatingTable table) {
    return run(AnswerArrays.of(table));
  }

  Aggregation run(AnswerArrays d) {
    Objects.requireNonNull(d, "answers");
    return new Em(d, Em.goldCodes(d, gold), maxIterations, tolerance, 0.0, true).fit("one-coin");
  }

  @Override
  public String toString() {
    return "OneCoinDawidSkene[maxIterations=" + maxIterations + ", tolerance=" + tolerance + "]";
  }
}
