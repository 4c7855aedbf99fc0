package org.annotationkit.metrics.aggregation;

import java.util.Map;
import java.util.Objects;
import org.annotationkit.metrics.agreement.RatingTable;
import org.annotationkit.metrics.data.Answers;

/**
 * Dawid and Skene's model: each annotator has a full confusion matrix (the probability of each
 * answer given each true category), fitted with the EM algorithm together with the class priors and
 * each item's posterior over the categories.
 *
 * <p>A. P. Dawid and A. M. Skene, "Maximum Likelihood Estimation of Observer Error-Rates Using the
 * EM Algorithm", Journal of the Royal Statistical Society C 28(1), 1979, 20-28.
 *
 * <p>The iteration follows crowd-kit's {@code DawidSkene}, so that both give the same answers:
 *
 * <ol>
 *   <li>the posteriors start as each item's shares of votes (majority vote), gold items as their
 *       known category with probability 1;
 *   <li>M-step: the priors are the mean posterior (at least {@code 1e-10}); an annotator's
 *       confusion row for a true category is the posterior mass of the items it answered, per
 *       answer, each answer it gave at least once clipped below at {@code 1e-10} and the row
 *       normalised (an answer it never gave has probability 0);
 *   <li>E-step: the posterior of an item is proportional to the prior times the product of its
 *       answers' confusion entries (computed in logs); gold items are reset;
 *   <li>after each E and M step the evidence lower bound per answer is computed; the iteration
 *       stops when it grew by less than the tolerance ({@linkplain Aggregation#converged()
 *       converged}) or after the iteration cap.
 * </ol>
 *
 * <p>Defaults are crowd-kit's: at most 100 iterations, tolerance {@code 1e-5}, no smoothing. With
 * {@linkplain #withSmoothing(double) smoothing} {@code s > 0}, {@code s} pseudo-counts are added to
 * every confusion cell and every class count (the MAP estimate under symmetric Dirichlet priors;
 * {@code s = 1} is Laplace's rule), which keeps answers an annotator never gave possible.
 *
 * <p>An annotator's {@linkplain Aggregation#skill(int) skill} is its prior-weighted probability of
 * a correct answer, {@code sum_t prior[t] * confusion[t][t]}.
 *
 * @since 0.1.0
 */
public final class DawidSkene implements Aggregator {
  private static final DawidSkene DEFAULTS = new DawidSkene(100, 1e-5, 0.0, Map.of());

  private final int maxIterations;
  private final double tolerance;
  private final double smoothing;
  private final Map<String, String> gold;

  private DawidSkene(
      int maxIterations, double tolerance, double smoothing, Map<String, String> gold) {
    this.maxIterations = maxIterations;
    this.tolerance = tolerance;
    this.smoothing = smoothing;
    this.gold = gold;
  }

  /**
   * Dawid-Skene with crowd-kit's defaults: 100 iterations, tolerance {@code 1e-5}, no smoothing, no
   * gold.
   *
   * @return the aggregator
   */
  public static DawidSkene defaults() {
    return DEFAULTS;
  }

  /**
   * This aggregator with another iteration cap.
   *
   * @param maxIterations the most EM iterations, {@code >= 1}
   * @return a new aggregator
   */
  public DawidSkene withMaxIterations(int maxIterations) {
    Em.checkIterations(maxIterations);
    return new DawidSkene(maxIterations, tolerance, smoothing, gold);
  }

  /**
   * This aggregator with another tolerance on the growth of the evidence lower bound per answer.
   *
   * @param tolerance finite; a negative tolerance runs to the cap
   * @return a new aggregator
   */
  public DawidSkene withTolerance(double tolerance) {
    Em.checkTolerance(tolerance);
    return new DawidSkene(maxIterations, tolerance, smoothing, gold);
  }

  /**
   * This aggregator with Dirichlet smoothing of the confusion matrices and priors.
   *
   * @param smoothing the pseudo-count added to every cell, {@code >= 0}; {@code 0} is crowd-kit's
   *     plain maximum likelihood, {@code 1} Laplace's rule
   * @return a new aggregator
   */
  public DawidSkene withSmoothing(double smoothing) {
    if (!(smoothing >= 0) || Double.isInfinite(smoothing)) {
      throw new IllegalArgumentException("smoothing must be finite and >= 0, got " + smoothing);
    }
    return new DawidSkene(maxIterations, tolerance, smoothing, gold);
  }

  /**
   * This aggregator with gold labels: those items keep their known category throughout (their
   * posterior is 1 on it) and so anchor the confusion matrices. Gold items without answers are
   * ignored.
   *
   * @param gold the known label of some items, by item id
   * @return a new aggregator
   */
  public DawidSkene withGold(Map<String, String> gold) {
    return new DawidSkene(maxIterations, tolerance, smoothing, Map.copyOf(gold));
  }

  /**
   * The iteration cap.
   *
   * @return the most EM iterations
   */
  public int maxIterations() {
    return maxIterations;
  }

  /**
   * The tolerance.
   *
   * @return the least growth of the lower bound per answer that continues the iteration
   */
  public double tolerance() {
    return tolerance;
  }

  /**
   * The smoothing pseudo-count.
   *
   * @return {@code >= 0}
   */
  public double smoothing() {
    return smoothing;
  }

  /**
   * The gold labels.
   *
   * @return by item id, unmodifiable
   */
  public Map<String, String> gold() {
    return gold;
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
    return new Em(d, Em.goldCodes(d, gold), maxIterations, tolerance, smoothing, false)
        .fit("dawid-skene");
  }

  @Override
  public String toString() {
    return "DawidSkene[maxIterations="
        + maxIterations
        + ", tolerance="
        + tolerance
        + ", smoothing="
        + smoothing
        + ", gold="
        + gold.size()
        + " items]";
  }
}
