package org.annotationkit.metrics.aggregation;

import java.util.Arrays;
import java.util.Objects;
import org.annotationkit.metrics.agreement.RatingTable;
import org.annotationkit.metrics.data.Answers;

/**
 * MACE, multi-annotator competence estimation: on each item an annotator either knows the answer
 * and gives the true category, or spams and draws its answer from its own strategy distribution
 * {@code xi_j}; it knows with probability {@code theta_j}. The true categories are uniform.
 *
 * <p>D. Hovy, T. Berg-Kirkpatrick, A. Vaswani and E. Hovy, "Learning Whom to Trust with MACE",
 * NAACL-HLT 2013, 1120-1130.
 *
 * <p>As crowd-kit's {@code MACE}: variational Bayes by default, with symmetric {@code Beta(0.5,
 * 0.5)} priors on the knowing probabilities and {@code Dirichlet(10)} priors on the strategies (the
 * variational M-step sets each parameter to {@code exp(digamma(count + prior)) / exp(digamma(sum of
 * counts + priors))}), or plain EM whose M-step adds {@code 0.01 / K} to every expected count
 * before normalising; 50 iterations per start and 10 random starts, keeping the start whose log
 * marginal likelihood ({@code sum_i log(P(answers of i) + 1e-8)}) is highest (the earliest on
 * ties). A start draws, per annotator in the table's canonical order, knowing and strategy weights
 * uniform in {@code [1, 2.5)} and normalises them, from NumPy's legacy generator seeded with {@code
 * seed + r} for start {@code r} (seed {@code 0} by default, so start 0 is crowd-kit's).
 *
 * <p>Two documented differences: crowd-kit seeds every start alike, so its 10 starts are one; and
 * it assigns the random starts, and reads its expected counts back, by the order in which
 * annotators and labels first appear in the input, so its answer changes when the rows are
 * shuffled. Here every start differs and nothing depends on the row order. The iteration also stops
 * early, {@linkplain Aggregation#converged() converged}, when no parameter moves by more than the
 * tolerance ({@code 0} by default: only at a fixed point, which changes nothing).
 *
 * <p>The posteriors are the normalised marginals {@code P(true category, answers)} of the best
 * start; an annotator's {@linkplain Aggregation#skill(int) skill} is its probability of knowing,
 * {@code theta / (theta + (1 - theta))} as the M-step left it (variational weights need not sum to
 * 1). The fitted parameters themselves are in the result: each annotator's {@linkplain
 * Aggregation#competence(int) competence} {@code theta_j} and {@linkplain Aggregation#spamming(int)
 * both weights} (crowd-kit's {@code spamming_}), and its {@linkplain Aggregation#strategy(int)
 * spamming strategy} {@code xi_j} (crowd-kit's {@code thetas_}). The class priors are uniform.
 *
 * @since 0.1.0
 */
public final class Mace implements Aggregator {
  /** How the parameters are fitted. */
  public enum Training {
    /** Variational Bayes with Beta and Dirichlet priors (crowd-kit's {@code "vb"}, the default). */
    VARIATIONAL_BAYES,
    /** Expectation-maximisation with additive smoothing (crowd-kit's {@code "em"}). */
    EXPECTATION_MAXIMISATION
  }

  private static final Mace DEFAULTS = new Mace(Training.VARIATIONAL_BAYES, 10, 50, 0.0, 0);
  private static final double KNOWING_PRIOR = 0.5;
  private static final double STRATEGY_PRIOR = 10.0;

  private final Training training;
  private final int restarts;
  private final int maxIterations;
  private final double tolerance;
  private final long seed;

  private Mace(Training training, int restarts, int maxIterations, double tolerance, long seed) {
    this.training = training;
    this.restarts = restarts;
    this.maxIterations = maxIterations;
    this.tolerance = tolerance;
    this.seed = seed;
  }

  /**
   * MACE with crowd-kit's defaults: variational Bayes, 10 starts of 50 iterations, seed 0.
   *
   * @return the aggregator, named {@code mace}
   */
  public static Mace defaults() {
    return DEFAULTS;
  }

  /**
   * This aggregator with another way of fitting.
   *
   * @param training variational Bayes or EM
   * @return a new aggregator
   */
  public Mace withTraining(Training training) {
    return new Mace(
        Objects.requireNonNull(training, "training"), restarts, maxIterations, tolerance, seed);
  }

  /**
   * This aggregator with another number of random starts.
   *
   * @param restarts {@code >= 1}
   * @return a new aggregator
   */
  public Mace withRestarts(int restarts) {
    if (restarts < 1) {
      throw new IllegalArgumentException("restarts must be >= 1, got " + restarts);
    }
    return new Mace(training, restarts, maxIterations, tolerance, seed);
  }

  /**
   * This aggregator with another iteration cap per start.
   *
   * @param maxIterations {@code >= 1}
   * @return a new aggregator
   */
  public Mace withMaxIterations(int maxIterations) {
    Em.checkIterations(maxIterations);
    return new Mace(training, restarts, maxIterations, tolerance, seed);
  }

  /**
   * This aggregator with another tolerance on the largest change of a parameter.
   *
   * @param tolerance finite
   * @return a new aggregator
   */
  public Mace withTolerance(double tolerance) {
    Em.checkTolerance(tolerance);
    return new Mace(training, restarts, maxIterations, tolerance, seed);
  }

  /**
   * This aggregator with another seed of the random starts.
   *
   * @param seed any; start {@code r} draws what NumPy's {@code RandomState(seed + r)} draws
   * @return a new aggregator
   */
  public Mace withSeed(long seed) {
    return new Mace(training, restarts, maxIterations, tolerance, seed);
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
    int n = d.itemCount;
    int m = d.annotatorCount;
    int k = d.categoryCount;
    Aggregation.Builder b = Aggregation.builder("mace", d);
    double[] priors = new double[k];
    Arrays.fill(priors, k == 0 ? 0 : 1.0 / k);
    b.priors = priors;
    if (d.size == 0) {
      b.skills = new double[m];
      b.spamming = new double[2 * m];
      b.strategies = new double[m * k];
      return b.scores(new double[n * k], true);
    }
    Fit best = new Fit(d);
    best.start(seed);
    best.iterate();
    for (int r = 1; r < restarts; r++) {
      Fit fit = new Fit(d);
      fit.start(seed + r);
      fit.iterate();
      if (fit.logLikelihood > best.logLikelihood) {
        best = fit;
      }
    }
    double[] skills = new double[m];
    for (int a = 0; a < m; a++) {
      double total = best.spam[2 * a] + best.spam[2 * a + 1];
      skills[a] = total > 0 ? best.spam[2 * a + 1] / total : 0;
    }
    b.skills = skills;
    b.spamming = best.spam.clone();
    b.strategies = best.theta.clone();
    b.iterations = best.iterations;
    b.converged = best.converged;
    double[] posteriors = new double[n * k];
    System.arraycopy(best.posteriors, 0, posteriors, 0, posteriors.length);
    return b.scores(posteriors, true);
  }

  /** One start: the parameters, the expected counts and the posteriors they give. */
  private final class Fit {
    final AnswerArrays d;
    final int m;
    final int k;

    /** {@code [2a]} spamming, {@code [2a + 1]} knowing. */
    final double[] spam;

    /** {@code [a * K + c]} the strategy. */
    final double[] theta;

    final double[] knowingCounts;
    final double[] strategyCounts;
    final double[] posteriors;
    double logLikelihood;
    int iterations;
    boolean converged;

    Fit(AnswerArrays d) {
      this.d = d;
      this.m = d.annotatorCount;
      this.k = d.categoryCount;
      this.spam = new double[2 * m];
      this.theta = new double[m * k];
      this.knowingCounts = new double[2 * m];
      this.strategyCounts = new double[m * k];
      this.posteriors = new double[d.itemCount * k];
    }

    void start(long startSeed) {
      NumpyRandom random = new NumpyRandom(startSeed);
      for (int i = 0; i < spam.length; i++) {
        spam[i] = random.nextDouble() * 1.5 + 1;
      }
      random = new NumpyRandom(startSeed);
      for (int i = 0; i < theta.length; i++) {
        theta[i] = random.nextDouble() * 1.5 + 1;
      }
      normaliseRows(spam, 2);
      normaliseRows(theta, k);
    }

    void iterate() {
      eStep();
      double[] before = new double[spam.length + theta.length];
      while (iterations < maxIterations) {
        iterations++;
        System.arraycopy(spam, 0, before, 0, spam.length);
        System.arraycopy(theta, 0, before, spam.length, theta.length);
        if (training == Training.VARIATIONAL_BAYES) {
          variational(knowingCounts, spam, 2, KNOWING_PRIOR);
          variational(strategyCounts, theta, k, STRATEGY_PRIOR);
        } else {
          smoothed(knowingCounts, spam, 2, 0.01 / k);
          smoothed(strategyCounts, theta, k, 0.01 / k);
        }
        eStep();
        double change = 0;
        for (int i = 0; i < spam.length; i++) {
          change = Math.max(change, Math.abs(spam[i] - before[i]));
        }
        for (int i = 0; i < theta.length; i++) {
          change = Math.max(change, Math.abs(theta[i] - before[spam.length + i]));
        }
        if (change <= tolerance) {
          converged = true;
          return;
        }
      }
    }

    void eStep() {
      Arrays.fill(knowingCounts, 0.0);
      Arrays.fill(strategyCounts, 0.0);
      double logLik = 0;
      double logK = Math.log(k);
      double logFloor = Math.log(1e-8);
      int[] start = d.itemStart;
      for (int u = 0; u < d.itemCount; u++) {
        if (start[u + 1] == start[u]) {
          continue;
        }
        int row = u * k;
        double base = -logK;
        for (int i = start[u]; i < start[u + 1]; i++) {
          base += Math.log(spamAnswer(i));
        }
        Arrays.fill(posteriors, row, row + k, base);
        for (int i = start[u]; i < start[u + 1]; i++) {
          double s = spamAnswer(i);
          posteriors[row + d.label[i]] += Math.log(s + spam[2 * d.annotator[i] + 1]) - Math.log(s);
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
        double logZ = max + Math.log(sum);
        double hi = Math.max(logZ, logFloor);
        logLik += hi + Math.log1p(Math.exp(Math.min(logZ, logFloor) - hi));
        for (int i = start[u]; i < start[u + 1]; i++) {
          int a = d.annotator[i];
          double s = spamAnswer(i);
          double knowing = spam[2 * a + 1];
          double know = posteriors[row + d.label[i]] * knowing / (s + knowing);
          knowingCounts[2 * a + 1] += know;
          knowingCounts[2 * a] += 1 - know;
          strategyCounts[a * k + d.label[i]] += 1 - know;
        }
      }
      logLikelihood = logLik;
    }

    /** The probability that answer {@code i} comes from spamming: spam times the strategy. */
    double spamAnswer(int i) {
      int a = d.annotator[i];
      return Math.max(Double.MIN_NORMAL, spam[2 * a] * theta[a * k + d.label[i]]);
    }
  }

  private static void normaliseRows(double[] values, int width) {
    for (int from = 0; from < values.length; from += width) {
      double sum = 0;
      for (int c = 0; c < width; c++) {
        sum += values[from + c];
      }
      for (int c = 0; c < width; c++) {
        values[from + c] /= sum;
      }
    }
  }

  /**
   * crowd-kit's {@code normalize}: add the smoothing, divide by the row sum (rows near 0 give 0).
   */
  private static void smoothed(double[] counts, double[] out, int width, double smoothing) {
    for (int from = 0; from < counts.length; from += width) {
      double norm = 0;
      for (int c = 0; c < width; c++) {
        norm += counts[from + c] + smoothing;
      }
      boolean zero = Math.abs(norm) <= 1e-8;
      for (int c = 0; c < width; c++) {
        out[from + c] = zero ? 0 : (counts[from + c] + smoothing) / norm;
      }
    }
  }

  /** crowd-kit's {@code variational_normalize} with a symmetric prior. */
  private static void variational(double[] counts, double[] out, int width, double prior) {
    for (int from = 0; from < counts.length; from += width) {
      double norm = 0;
      for (int c = 0; c < width; c++) {
        norm += counts[from + c] + prior;
      }
      double denominator = Math.exp(digamma(norm));
      boolean zero = Math.abs(denominator) <= 1e-8;
      for (int c = 0; c < width; c++) {
        out[from + c] = zero ? 0 : Math.exp(digamma(counts[from + c] + prior)) / denominator;
      }
    }
  }

  /**
   * The digamma function for {@code x > 0}: the recurrence {@code psi(x) = psi(x + 1) - 1/x} up to
   * {@code x >= 12}, then the asymptotic series through {@code x^-12} (error below {@code 1e-16}).
   */
  static double digamma(double x) {
    double result = 0;
    while (x < 12) {
      result -= 1 / x;
      x += 1;
    }
    double inv = 1 / x;
    double inv2 = inv * inv;
    double series =
        inv2
            * (1.0 / 12
                - inv2
                    * (1.0 / 120
                        - inv2
                            * (1.0 / 252
                                - inv2 * (1.0 / 240 - inv2 * (1.0 / 132 - inv2 * 691.0 / 32760)))));
    return result + Math.log(x) - 0.5 * inv - series;
  }

  @Override
  public String toString() {
    return "Mace["
        + training
        + ", restarts="
        + restarts
        + ", maxIterations="
        + maxIterations
        + ", tolerance="
        + tolerance
        + ", seed="
        + seed
        + "]";
  }
}
