package org.annotationkit.metrics.aggregation;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import org.annotationkit.core.coding.LabelCoding;
import org.annotationkit.metrics.agreement.RatingTable;
import org.jspecify.annotations.Nullable;

/**
 * What an {@link Aggregator} made of the answers: per item the label, its posterior distribution
 * (where the method has one) and a confidence; per annotator the estimated skill or confusion
 * matrix; the class priors; and, for iterative methods, how many iterations ran and whether they
 * converged.
 *
 * <p>Items, annotators and categories are coded as in the answer table the method read ({@link
 * #items()}, {@link #annotators()}, {@link #categories()}). The label of an item is the category
 * with the highest score; when several share it, the lowest category code wins and {@link
 * #tied(int)} says so. An item nobody answered has label {@link RatingTable#MISSING} and confidence
 * {@code 0}.
 *
 * <p>Immutable; the array accessors copy.
 *
 * @since 0.1.0
 */
public final class Aggregation {
  private final String method;
  private final LabelCoding items;
  private final LabelCoding annotators;
  private final LabelCoding categories;
  private final int[] labels;
  private final double[] confidence;
  private final boolean[] tied;
  private final double @Nullable [] posteriors;
  private final double @Nullable [] priors;
  private final double @Nullable [] skills;
  private final double @Nullable [] confusions;
  private final double @Nullable [] spamming;
  private final double @Nullable [] strategies;
  private final int iterations;
  private final boolean converged;

  private Aggregation(Builder b, int[] labels, double[] confidence, boolean[] tied) {
    this.method = b.method;
    this.items = b.answers.items;
    this.annotators = b.answers.annotators;
    this.categories = b.answers.categories;
    this.labels = labels;
    this.confidence = confidence;
    this.tied = tied;
    this.posteriors = b.posteriors;
    this.priors = b.priors;
    this.skills = b.skills;
    this.confusions = b.confusions;
    this.spamming = b.spamming;
    this.strategies = b.strategies;
    this.iterations = b.iterations;
    this.converged = b.converged;
  }

  static Builder builder(String method, AnswerArrays answers) {
    return new Builder(method, answers);
  }

  /** Collects the parts of a result; {@link #scores} decides labels, ties and confidence. */
  static final class Builder {
    final String method;
    final AnswerArrays answers;
    double @Nullable [] posteriors;
    double @Nullable [] priors;
    double @Nullable [] skills;
    double @Nullable [] confusions;

    /** MACE: {@code [2a]} spamming, {@code [2a + 1]} knowing (crowd-kit's {@code spamming_}). */
    double @Nullable [] spamming;

    /** MACE: {@code [a * K + c]} the spamming strategy (crowd-kit's {@code thetas_}). */
    double @Nullable [] strategies;

    int iterations;
    boolean converged = true;

    Builder(String method, AnswerArrays answers) {
      this.method = method;
      this.answers = answers;
    }

    /**
     * The result whose labels are the argmax of the scores (lowest code on ties) and whose
     * confidence is the score of the label; the scores are kept as posteriors when {@code
     * posterior}.
     */
    Aggregation scores(double[] scores, boolean posterior) {
      int n = answers.itemCount;
      int k = answers.categoryCount;
      int[] labels = new int[n];
      double[] confidence = new double[n];
      boolean[] tied = new boolean[n];
      for (int u = 0; u < n; u++) {
        if (!answers.answered(u)) {
          labels[u] = RatingTable.MISSING;
          continue;
        }
        int row = u * k;
        int best = 0;
        boolean tie = false;
        for (int c = 1; c < k; c++) {
          double s = scores[row + c];
          if (s > scores[row + best]) {
            best = c;
            tie = false;
          } else if (s == scores[row + best]) {
            tie = true;
          }
        }
        labels[u] = best;
        confidence[u] = scores[row + best];
        tied[u] = tie;
      }
      if (posterior) {
        posteriors = scores;
      }
      return new Aggregation(this, labels, confidence, tied);
    }
  }

  /**
   * The method that made this result, as the CLI names it ({@code dawid-skene}, {@code wawa}, ...).
   *
   * @return the name
   */
  public String method() {
    return method;
  }

  /**
   * The items, coded as in the answer table.
   *
   * @return the coding
   */
  public LabelCoding items() {
    return items;
  }

  /**
   * The annotators, coded as in the answer table.
   *
   * @return the coding
   */
  public LabelCoding annotators() {
    return annotators;
  }

  /**
   * The categories, coded as in the answer table.
   *
   * @return the coding
   */
  public LabelCoding categories() {
    return categories;
  }

  /**
   * The number of items.
   *
   * @return the count
   */
  public int itemCount() {
    return labels.length;
  }

  /**
   * The category code an item was given.
   *
   * @param item the item's code
   * @return the code, {@link RatingTable#MISSING} when nobody answered
   */
  public int label(int item) {
    return labels[item];
  }

  /**
   * The label of every item, a copy.
   *
   * @return one category code per item
   */
  public int[] labels() {
    return labels.clone();
  }

  /**
   * How sure the method is of an item's label: the posterior probability of the label where the
   * method has posteriors, the (weighted) share of votes for the vote methods.
   *
   * @param item the item's code
   * @return in {@code [0, 1]}, {@code 0} when nobody answered
   */
  public double confidence(int item) {
    return confidence[item];
  }

  /**
   * Whether another category scored exactly as high as the label (the lowest code won).
   *
   * @param item the item's code
   * @return whether the item was a tie
   */
  public boolean tied(int item) {
    return tied[item];
  }

  /**
   * Whether this result has a distribution over the categories for every item.
   *
   * @return whether {@link #posterior(int)} is present
   */
  public boolean hasPosteriors() {
    return posteriors != null;
  }

  /**
   * An item's distribution over the categories.
   *
   * @param item the item's code
   * @return the probability of each category code, summing to 1 (all zero for an item nobody
   *     answered), or empty when the method has none
   */
  public Optional<double[]> posterior(int item) {
    Objects.checkIndex(item, labels.length);
    if (posteriors == null) {
      return Optional.empty();
    }
    int k = categories.size();
    return Optional.of(Arrays.copyOfRange(posteriors, item * k, item * k + k));
  }

  /**
   * The estimated share of each category among the items.
   *
   * @return the prior of each category code, or empty when the method does not estimate them
   */
  public Optional<double[]> priors() {
    return priors == null ? Optional.empty() : Optional.of(priors.clone());
  }

  /**
   * An annotator's skill: the given or estimated weight of its answers (for Dawid-Skene, the
   * prior-weighted probability of answering correctly; for GLAD its ability; for MACE its
   * probability of not spamming).
   *
   * @param annotator the annotator's code
   * @return the skill, or empty when the method has none
   */
  public OptionalDouble skill(int annotator) {
    Objects.checkIndex(annotator, annotators.size());
    return skills == null ? OptionalDouble.empty() : OptionalDouble.of(skills[annotator]);
  }

  /**
   * Every annotator's skill, a copy.
   *
   * @return one skill per annotator code, or empty when the method has none
   */
  public Optional<double[]> skills() {
    return skills == null ? Optional.empty() : Optional.of(skills.clone());
  }

  /**
   * Whether this result has a confusion matrix per annotator.
   *
   * @return whether {@link #confusion(int)} is present
   */
  public boolean hasConfusions() {
    return confusions != null;
  }

  /**
   * An annotator's confusion matrix: row {@code t}, column {@code c} is the probability that the
   * annotator answers category {@code c} when the true category is {@code t}.
   *
   * @param annotator the annotator's code
   * @return {@code categoryCount} rows of {@code categoryCount} probabilities, or empty when the
   *     method has none
   */
  public Optional<double[][]> confusion(int annotator) {
    Objects.checkIndex(annotator, annotators.size());
    if (confusions == null) {
      return Optional.empty();
    }
    int k = categories.size();
    double[][] matrix = new double[k][];
    for (int t = 0; t < k; t++) {
      int from = (annotator * k + t) * k;
      matrix[t] = Arrays.copyOfRange(confusions, from, from + k);
    }
    return Optional.of(matrix);
  }

  /**
   * MACE's competence of an annotator: {@code theta_j} of Hovy et al. (2013), the weight of knowing
   * the answer rather than spamming, as the last M-step left it (crowd-kit's {@code spamming_[j,
   * 1]}). Under variational Bayes the two weights of an annotator need not sum to 1; {@link
   * #skill(int)} is this weight normalised by their sum.
   *
   * @param annotator the annotator's code
   * @return the competence, or empty for methods other than MACE
   */
  public OptionalDouble competence(int annotator) {
    Objects.checkIndex(annotator, annotators.size());
    return spamming == null
        ? OptionalDouble.empty()
        : OptionalDouble.of(spamming[2 * annotator + 1]);
  }

  /**
   * MACE's two weights of an annotator, as the last M-step left them: spamming, then knowing (its
   * {@linkplain #competence(int) competence}); crowd-kit's row {@code spamming_[j]}.
   *
   * @param annotator the annotator's code
   * @return two weights, or empty for methods other than MACE
   */
  public Optional<double[]> spamming(int annotator) {
    Objects.checkIndex(annotator, annotators.size());
    if (spamming == null) {
      return Optional.empty();
    }
    return Optional.of(Arrays.copyOfRange(spamming, 2 * annotator, 2 * annotator + 2));
  }

  /**
   * MACE's spamming strategy of an annotator: {@code xi_j}, the distribution over the categories it
   * draws its answer from when it does not know (crowd-kit calls these {@code thetas_}; they are
   * not the paper's {@code theta}, which is {@link #competence(int)}).
   *
   * @param annotator the annotator's code
   * @return one probability per category code, or empty for methods other than MACE
   */
  public Optional<double[]> strategy(int annotator) {
    Objects.checkIndex(annotator, annotators.size());
    if (strategies == null) {
      return Optional.empty();
    }
    int k = categories.size();
    return Optional.of(Arrays.copyOfRange(strategies, annotator * k, annotator * k + k));
  }

  /**
   * The number of iterations an iterative method ran ({@code 0} for the one-pass methods).
   *
   * @return the count
   */
  public int iterations() {
    return iterations;
  }

  /**
   * Whether the iterative method met its tolerance before its iteration cap ({@code true} for the
   * one-pass methods).
   *
   * @return whether it converged
   */
  public boolean converged() {
    return converged;
  }

  @Override
  public String toString() {
    return "Aggregation["
        + method
        + ", "
        + labels.length
        + " items, "
        + annotators.size()
        + " annotators, "
        + categories.size()
        + " categories, "
        + iterations
        + " iterations"
        + (converged ? "" : ", not converged")
        + "]";
  }
}
