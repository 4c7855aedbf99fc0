package org.annotationkit.metrics.aggregation;

import java.util.Arrays;
import java.util.Objects;
import org.annotationkit.metrics.agreement.RatingTable;
import org.annotationkit.metrics.data.Answers;

/**
 * Karger, Oh and Shah's iterative message passing for binary labels: each answer {@code A = +1} or
 * {@code -1} carries a message from the item to the annotator (the evidence of the other annotators
 * of the item, {@code x(i->j) = sum_{j' != j} A(i,j') y(j'->i)}) and one from the annotator to the
 * item (the annotator's reliability judged on its other items, {@code y(j->i) = sum_{i' != i}
 * A(i',j) x(i'->j)}); an item's label is the sign of {@code sum_j A(i,j) y(j->i)}.
 *
 * <p>D. R. Karger, S. Oh and D. Shah, "Budget-Optimal Task Allocation for Reliable Crowdsourcing
 * Systems", Operations Research 62(1), 2014, 1-38 (arXiv:1110.3564).
 *
 * <p>As crowd-kit's {@code KOS}: the reliability messages start as independent normal draws of mean
 * 1 and standard deviation 1, seeded (seed {@code 0} by default, NumPy's legacy generator, one draw
 * per answer in the table's canonical order, so the row order of the input does not matter), and
 * 100 iterations run. The category of code {@code 0} is {@code +1}. Two documented differences:
 *
 * <ul>
 *   <li>the messages are divided by their largest magnitude after every iteration; the algorithm is
 *       linear, so no sign changes, but the messages no longer overflow (crowd-kit stops when a sum
 *       exceeds {@code 1e300}, before its iterations are done);
 *   <li>an item whose sum is exactly 0 is a {@linkplain Aggregation#tied(int) tie} given the lowest
 *       code (crowd-kit fails there).
 * </ul>
 *
 * <p>KOS has no posterior. The {@linkplain Aggregation#confidence(int) confidence} of a label is
 * its share of the reliability-weighted votes: the sum of {@code |y(j->i)|} over the answers that
 * vote for it (an answer of a negatively reliable annotator votes for the other label) over the sum
 * over all the item's answers. An annotator's {@linkplain Aggregation#skill(int) skill} is its
 * reliability {@code sum_i A(i,j) x(i->j)} over its items, divided by the largest magnitude among
 * annotators: in {@code [-1, 1]}, negative for an annotator who answers against the consensus. The
 * iteration stops early, {@linkplain Aggregation#converged() converged}, when no normalised message
 * moves by more than the tolerance ({@code 0} by default: only at a fixed point).
 *
 * <p>Only for two categories: answers with more raise an exception; when every answer has the same
 * category, every item gets it with confidence 1. When the messages vanish (no annotator shares an
 * item with another, for example a single annotator), every answer weighs 1: the plain vote.
 *
 * @since 0.1.0
 */
public final class Kos implements Aggregator {
  private static final Kos DEFAULTS = new Kos(100, 0.0, 0);

  private final int maxIterations;
  private final double tolerance;
  private final long seed;

  private Kos(int maxIterations, double tolerance, long seed) {
    this.maxIterations = maxIterations;
    this.tolerance = tolerance;
    this.seed = seed;
  }

  /**
   * KOS with crowd-kit's defaults: 100 iterations, seed {@code 0}.
   *
   * @return the aggregator, named {@code kos}
   */
  public static Kos defaults() {
    return DEFAULTS;
  }

  /**
   * This aggregator with another iteration cap.
   *
   * @param maxIterations {@code >= 1}
   * @return a new aggregator
   */
  public Kos withMaxIterations(int maxIterations) {
    Em.checkIterations(maxIterations);
    return new Kos(maxIterations, tolerance, seed);
  }

  /**
   * This aggregator with another tolerance on the largest change of a normalised message.
   *
   * @param tolerance finite
   * @return a new aggregator
   */
  public Kos withTolerance(double tolerance) {
    Em.checkTolerance(tolerance);
    return new Kos(maxIterations, tolerance, seed);
  }

  /**
   * This aggregator with another seed of the initial messages.
   *
   * @param seed any; seeds in {@code [0, 2^32)} draw what NumPy's {@code RandomState(seed)} draws
   * @return a new aggregator
   */
  public Kos withSeed(long seed) {
    return new Kos(maxIterations, tolerance, seed);
  }

  /**
   * {@inheritDoc}
   *
   * @throws IllegalArgumentException if the answers use more than two categories
   */
  @Override
  public Aggregation aggregate(Answers answers) {
    return run(AnswerArrays.of(answers));
  }

  /**
   * {@inheritDoc}
   *
   * @throws IllegalArgumentException if the answers use more than two categories
   */
  @Override
  public Aggregation aggregate(RatingTable table) {
    return run(AnswerArrays.of(table));
  }

  Aggregation run(AnswerArrays d) {
    Objects.requireNonNull(d, "answers");
    int k = d.categoryCount;
    int[] used = usedCodes(d);
    Aggregation.Builder b = Aggregation.builder("kos", d);
    double[] scores = new double[d.itemCount * k];
    if (used.length < 2) {
      for (int u = 0; u < d.itemCount; u++) {
        if (d.answered(u)) {
          scores[u * k + used[0]] = 1.0;
        }
      }
      b.skills = new double[d.annotatorCount];
      Arrays.fill(b.skills, 1.0);
      return b.scores(scores, false);
    }
    int positive = used[0];
    int negative = used[1];
    int size = d.size;
    double[] sign = new double[size];
    for (int i = 0; i < size; i++) {
      sign[i] = d.label[i] == positive ? 1.0 : -1.0;
    }
    NumpyRandom random = new NumpyRandom(seed);
    double[] y = new double[size];
    for (int i = 0; i < size; i++) {
      y[i] = 1.0 + random.nextGaussian();
    }
    double[] x = new double[size];
    double[] itemSum = new double[d.itemCount];
    double[] annotatorSum = new double[d.annotatorCount];
    normalise(y);
    int iterations = 0;
    boolean converged = false;
    while (iterations < maxIterations) {
      iterations++;
      Arrays.fill(itemSum, 0.0);
      for (int i = 0; i < size; i++) {
        itemSum[d.item[i]] += sign[i] * y[i];
      }
      for (int i = 0; i < size; i++) {
        x[i] = itemSum[d.item[i]] - sign[i] * y[i];
      }
      Arrays.fill(annotatorSum, 0.0);
      for (int i = 0; i < size; i++) {
        annotatorSum[d.annotator[i]] += sign[i] * x[i];
      }
      double change = 0;
      double scale = 0;
      double[] next = new double[size];
      for (int i = 0; i < size; i++) {
        next[i] = annotatorSum[d.annotator[i]] - sign[i] * x[i];
        scale = Math.max(scale, Math.abs(next[i]));
      }
      if (scale == 0) {
        Arrays.fill(y, 1.0);
        converged = true;
        break;
      }
      for (int i = 0; i < size; i++) {
        next[i] /= scale;
        change = Math.max(change, Math.abs(next[i] - y[i]));
      }
      y = next;
      if (change <= tolerance) {
        converged = true;
        break;
      }
    }
    for (int u = 0; u < d.itemCount; u++) {
      double total = 0;
      double forPositive = 0;
      for (int i = d.itemStart[u]; i < d.itemStart[u + 1]; i++) {
        double vote = sign[i] * y[i];
        total += Math.abs(vote);
        if (vote > 0) {
          forPositive += vote;
        }
      }
      if (!d.answered(u)) {
        continue;
      }
      if (total == 0) {
        scores[u * k + positive] = 0.5;
        scores[u * k + negative] = 0.5;
      } else {
        scores[u * k + positive] = forPositive / total;
        scores[u * k + negative] = (total - forPositive) / total;
      }
    }
    Arrays.fill(itemSum, 0.0);
    for (int i = 0; i < size; i++) {
      itemSum[d.item[i]] += sign[i] * y[i];
    }
    double[] skills = new double[d.annotatorCount];
    for (int i = 0; i < size; i++) {
      skills[d.annotator[i]] += sign[i] * (itemSum[d.item[i]] - sign[i] * y[i]);
    }
    normalise(skills);
    b.skills = skills;
    b.iterations = iterations;
    b.converged = converged;
    return b.scores(scores, false);
  }

  /** The category codes some answer uses, in code order; at most two. */
  static int[] usedCodes(AnswerArrays d) {
    boolean[] seen = new boolean[d.categoryCount];
    for (int i = 0; i < d.size; i++) {
      seen[d.label[i]] = true;
    }
    int[] codes = new int[2];
    int count = 0;
    StringBuilder names = new StringBuilder();
    for (int c = 0; c < seen.length; c++) {
      if (seen[c]) {
        if (count < 2) {
          codes[count] = c;
        }
        count++;
        names.append(names.isEmpty() ? "" : ", ").append(d.categories.label(c));
      }
    }
    if (count > 2) {
      throw new IllegalArgumentException(
          "KOS is for two categories, the answers use " + count + ": " + names);
    }
    return Arrays.copyOf(codes, Math.max(count, 1));
  }

  private static void normalise(double[] values) {
    double scale = 0;
    for (double v : values) {
      scale = Math.max(scale, Math.abs(v));
    }
    if (scale > 0) {
      for (int i = 0; i < values.length; i++) {
        values[i] /= scale;
      }
    }
  }

  @Override
  public String toString() {
    return "Kos[maxIterations="
        + maxIterations
        + ", tolerance="
        + tolerance
        + ", seed="
        + seed
        + "]";
  }
}
