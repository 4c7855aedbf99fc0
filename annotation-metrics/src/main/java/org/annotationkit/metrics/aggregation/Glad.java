package org.annotationkit.metrics.aggregation;

import java.util.Arrays;
import java.util.Objects;
import org.annotationkit.metrics.agreement.RatingTable;
import org.annotationkit.metrics.data.Answers;

/**
 * GLAD, the generative model of labels, abilities and difficulties: annotator {@code j} answers
 * item {@code i} correctly with probability {@code sigma(alpha_j * beta_i)}, where {@code alpha_j}
 * is its ability (negative for an adversary) and {@code beta_i > 0} the item's inverse difficulty,
 * and otherwise gives one of the other {@code K - 1} categories uniformly.
 *
 * <p>J. Whitehill, P. Ruvolo, T. Wu, J. Bergsma and J. Movellan, "Whose Vote Should Count More:
 * Optimal Integration of Labels from Labelers of Unknown Expertise", NIPS 22, 2009.
 *
 * <p>As crowd-kit's {@code GLAD}: {@code beta_i = exp(b_i)}; {@code alpha_j} and {@code b_i} have
 * independent normal priors of mean 1 and variance 1 and start at 1; the class priors are fixed and
 * uniform over the categories; EM alternates an E-step (the posterior of every item) with an M-step
 * that raises {@code Q}, the posterior-expected log-likelihood of the answers plus the log priors
 * of the parameters; the iteration stops when {@code Q} divided by {@code K} times the number of
 * answers grew by less than the tolerance ({@code 1e-5}), or after 100 iterations. The labels and
 * posteriors are those of the last E-step.
 *
 * <p>crowd-kit's M-step runs SciPy's conjugate gradient over all parameters at once (at most 25
 * iterations, gradient tolerance {@code 1e-2}). Here the M-step is exact block-coordinate ascent:
 * given the difficulties every ability is an independent one-dimensional concave problem, and given
 * the abilities every difficulty is an independent one-dimensional problem, each taken by a
 * safeguarded Newton step (halved until {@code Q} does not decrease); sweeps stop when no partial
 * derivative of {@code Q} exceeds the M-step tolerance ({@code 1e-2}) in magnitude, or after 25.
 * Both climb {@code Q} and reach the same fixed point, the maximum of the marginal posterior of the
 * parameters; one pass over the answers per block keeps each sweep linear in the answers.
 *
 * <p>An annotator's {@linkplain Aggregation#skill(int) skill} is its ability {@code alpha}; the
 * item difficulties are not kept, but the {@linkplain Aggregation#priors() priors} are (uniform).
 * With one category every item gets it with probability 1 and every ability is its prior mean, 1.
 *
 * @since 0.1.0
 */
public final class Glad implements Aggregator {
  private static final Glad DEFAULTS = new Glad(100, 1e-5, 25, 1e-2);
  private static final double HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);

  private final int maxIterations;
  private final double tolerance;
  private final int mStepIterations;
  private final double mStepTolerance;

  private Glad(int maxIterations, double tolerance, int mStepIterations, double mStepTolerance) {
    this.maxIterations = maxIterations;
    this.tolerance = tolerance;
    this.mStepIterations = mStepIterations;
    this.mStepTolerance = mStepTolerance;
  }

  /**
   * GLAD with crowd-kit's defaults: 100 EM iterations, tolerance {@code 1e-5}, M-steps of at most
   * 25 sweeps with gradient tolerance {@code 1e-2}.
   *
   * @return the aggregator, named {@code glad}
   */
  public static Glad defaults() {
    return DEFAULTS;
  }

  /**
   * This aggregator with another EM iteration cap.
   *
   * @param maxIterations {@code >= 1}
   * @return a new aggregator
   */
  public Glad withMaxIterations(int maxIterations) {
    Em.checkIterations(maxIterations);
    return new Glad(maxIterations, tolerance, mStepIterations, mStepTolerance);
  }

  /**
   * This aggregator with another tolerance on the growth of {@code Q} per answer and category.
   *
   * @param tolerance finite; a negative tolerance runs to the cap
   * @return a new aggregator
   */
  public Glad withTolerance(double tolerance) {
    Em.checkTolerance(tolerance);
    return new Glad(maxIterations, tolerance, mStepIterations, mStepTolerance);
  }

  /**
   * This aggregator with another M-step.
   *
   * @param maxSweeps the most sweeps over abilities and difficulties, {@code >= 1}
   * @param gradientTolerance the largest partial derivative of {@code Q} that ends the sweeps,
   *     finite and {@code >= 0}
   * @return a new aggregator
   */
  public Glad withMStep(int maxSweeps, double gradientTolerance) {
    Em.checkIterations(maxSweeps);
    if (!(gradientTolerance >= 0) || Double.isInfinite(gradientTolerance)) {
      throw new IllegalArgumentException(
          "gradientTolerance must be finite and >= 0, got " + gradientTolerance);
    }
    return new Glad(maxIterations, tolerance, maxSweeps, gradientTolerance);
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
    return new Fit(d).run();
  }

  /** The posteriors of the first E-step, at the starting abilities and difficulties. */
  double[] firstPosteriors(AnswerArrays d) {
    Fit fit = new Fit(d);
    double unused = fit.eStep();
    return fit.posteriors.clone();
  }

  /** The state of one fit. */
  private final class Fit {
    final AnswerArrays d;
    final int n;
    final int m;
    final int k;
    final double logOthers;
    final double[] alpha;
    final double[] b;
    final double[] posteriors;

    /** The posterior of the answered category, per answer. */
    final double[] right;

    final int[] byAnnotator;
    final int[] annotatorStart;

    Fit(AnswerArrays d) {
      this.d = d;
      this.n = d.itemCount;
      this.m = d.annotatorCount;
      this.k = d.categoryCount;
      this.logOthers = Math.log(k - 1);
      this.alpha = new double[m];
      this.b = new double[n];
      Arrays.fill(alpha, 1.0);
      Arrays.fill(b, 1.0);
      this.posteriors = new double[n * k];
      this.right = new double[d.size];
      int[][] by = d.byAnnotator();
      this.byAnnotator = by[0];
      this.annotatorStart = by[1];
    }

    Aggregation run() {
      Aggregation.Builder result = Aggregation.builder("glad", d);
      double[] priors = new double[k];
      Arrays.fill(priors, k == 0 ? 0 : 1.0 / k);
      result.priors = priors;
      if (k < 2 || d.size == 0) {
        for (int u = 0; u < n; u++) {
          if (d.answered(u)) {
            posteriors[u * k] = 1.0;
          }
        }
        result.skills = alpha.clone();
        return result.scores(posteriors, true);
      }
      double perAnswer = (double) d.size * k;
      double objective = eStep() / perAnswer;
      int iterations = 0;
      boolean converged = false;
      while (iterations < maxIterations) {
        iterations++;
        mStep();
        double next = eStep() / perAnswer;
        if (next - objective < tolerance) {
          converged = true;
          break;
        }
        objective = next;
      }
      result.skills = alpha.clone();
      result.iterations = iterations;
      result.converged = converged;
      return result.scores(posteriors, true);
    }

    /** Sets the posteriors; returns the log marginal posterior of the parameters. */
    double eStep() {
      double objective = 0;
      for (int a = 0; a < m; a++) {
        objective += logNormal(alpha[a] - 1);
      }
      for (int u = 0; u < n; u++) {
        objective += logNormal(b[u] - 1);
      }
      int[] start = d.itemStart;
      double logPrior = -Math.log(k);
      for (int u = 0; u < n; u++) {
        if (start[u + 1] == start[u]) {
          continue;
        }
        int row = u * k;
        double beta = Math.exp(b[u]);
        double wrong = 0;
        for (int i = start[u]; i < start[u + 1]; i++) {
          wrong += -softplus(alpha[d.annotator[i]] * beta) - logOthers;
        }
        Arrays.fill(posteriors, row, row + k, logPrior + wrong);
        for (int i = start[u]; i < start[u + 1]; i++) {
          double z = alpha[d.annotator[i]] * beta;
          posteriors[row + d.label[i]] += -softplus(-z) + softplus(z) + logOthers;
        }
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < k; c++) {
          max = Math.max(max, posteriors[row + c]);
        }
        double sum = 0;
        for (int c = 0; c < k; c++) {
          double v = Math.exp(posteriors[row + c] - max);
          posteriors[row + c] = v;
          sum += v;
        }
        for (int c = 0; c < k; c++) {
          posteriors[row + c] /= sum;
        }
        objective += max + Math.log(sum);
      }
      for (int i = 0; i < d.size; i++) {
        right[i] = posteriors[d.item[i] * k + d.label[i]];
      }
      return objective;
    }

    /** The expected log-likelihood of one answer at {@code z = alpha * beta}. */
    double term(int i, double z) {
      double t = right[i];
      return -t * softplus(-z) + (1 - t) * (-softplus(z) - logOthers);
    }

    void mStep() {
      for (int sweep = 0; sweep < mStepIterations; sweep++) {
        double gradient = Math.max(abilities(), difficulties());
        if (gradient < mStepTolerance) {
          return;
        }
      }
    }

    /** One Newton step per ability; returns the largest partial derivative met. */
    double abilities() {
      double largest = 0;
      for (int a = 0; a < m; a++) {
        int from = annotatorStart[a];
        int to = annotatorStart[a + 1];
        double x = alpha[a];
        double f = logNormal(x - 1);
        double g = -(x - 1);
        double h = -1;
        for (int j = from; j < to; j++) {
          int i = byAnnotator[j];
          double beta = Math.exp(b[d.item[i]]);
          double z = x * beta;
          double s = sigmoid(z);
          f += term(i, z);
          g += (right[i] - s) * beta;
          h -= s * (1 - s) * beta * beta;
        }
        largest = Math.max(largest, Math.abs(g));
        double step = -g / h;
        for (int halving = 0; halving < 60 && step != 0; halving++) {
          double y = x + step;
          double fy = logNormal(y - 1);
          for (int j = from; j < to; j++) {
            int i = byAnnotator[j];
            fy += term(i, y * Math.exp(b[d.item[i]]));
          }
          if (fy >= f) {
            alpha[a] = y;
            break;
          }
          step *= 0.5;
        }
      }
      return largest;
    }

    /** One safeguarded Newton step per log inverse difficulty; the largest derivative met. */
    double difficulties() {
      double largest = 0;
      int[] start = d.itemStart;
      for (int u = 0; u < n; u++) {
        double x = b[u];
        double beta = Math.exp(x);
        double f = logNormal(x - 1);
        double g = -(x - 1);
        double h = -1;
        for (int i = start[u]; i < start[u + 1]; i++) {
          double z = alpha[d.annotator[i]] * beta;
          double s = sigmoid(z);
          f += term(i, z);
          g += (right[i] - s) * z;
          h += (right[i] - s) * z - s * (1 - s) * z * z;
        }
        largest = Math.max(largest, Math.abs(g));
        double step = h < 0 ? -g / h : g;
        for (int halving = 0; halving < 60 && step != 0; halving++) {
          double y = x + step;
          double by = Math.exp(y);
          double fy = logNormal(y - 1);
          for (int i = start[u]; i < start[u + 1]; i++) {
            fy += term(i, alpha[d.annotator[i]] * by);
          }
          if (fy >= f) {
            b[u] = y;
            break;
          }
          step *= 0.5;
        }
      }
      return largest;
    }
  }

  /** {@code log(1 + exp(x))} without overflow. */
  static double softplus(double x) {
    return x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x));
  }

  static double sigmoid(double x) {
    return x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x));
  }

  private static double logNormal(double x) {
    return -0.5 * x * x - HALF_LOG_TWO_PI;
  }

  @Override
  public String toString() {
    return "Glad[maxIterations="
        + maxIterations
        + ", tolerance="
        + tolerance
        + ", mStep="
        + mStepIterations
        + " sweeps, "
        + mStepTolerance
        + "]";
  }
}
