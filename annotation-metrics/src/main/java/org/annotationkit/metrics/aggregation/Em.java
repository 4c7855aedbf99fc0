package org.annotationkit.metrics.aggregation;

import java.util.Arrays;
import java.util.Map;
import org.annotationkit.core.coding.LabelCoding;

/**
 * The EM iteration of Dawid-Skene and of its one-coin variant, over primitive arrays: posteriors
 * {@code T[u * K + c]}, priors {@code p[c]}, and confusion entries {@code e[(a * K + obs) * K +
 * true]} (answer-major, so the E-step reads one contiguous run of {@code K} per answer).
 */
final class Em {
  /** crowd-kit's floor on probabilities ({@code _EPS}). */
  static final double EPS = 1e-10;

  private final AnswerArrays d;
  private final int[] gold;
  private final int maxIterations;
  private final double tolerance;
  private final double smoothing;
  private final boolean oneCoin;
  private final int n;
  private final int k;
  private final int m;
  private final double[] posteriors;
  private final double[] priors;
  private final double[] errors;
  private final double[] logErrors;
  private final boolean[] used;
  private final double[] skills;

  Em(
      AnswerArrays d,
      int[] gold,
      int maxIterations,
      double tolerance,
      double smoothing,
      boolean oneCoin) {
    this.d = d;
    this.gold = gold;
    this.maxIterations = maxIterations;
    this.tolerance = tolerance;
    this.smoothing = smoothing;
    this.oneCoin = oneCoin;
    this.n = d.itemCount;
    this.k = d.categoryCount;
    this.m = d.annotatorCount;
    this.posteriors = d.voteShares(null);
    this.priors = new double[k];
    this.errors = new double[m * k * k];
    this.logErrors = new double[m * k * k];
    this.used = new boolean[m * k];
    for (int i = 0; i < d.size; i++) {
      used[d.annotator[i] * k + d.label[i]] = true;
    }
    this.skills = new double[m];
  }

  static void checkIterations(int maxIterations) {
    if (maxIterations < 1) {
      throw new IllegalArgumentException("maxIterations must be >= 1, got " + maxIterations);
    }
  }

  static void checkTolerance(double tolerance) {
    if (!Double.isFinite(tolerance)) {
      throw new IllegalArgumentException("tolerance must be finite, got " + tolerance);
    }
  }

  /** The category code of each item's gold label, {@code -1} for none. */
  static int[] goldCodes(AnswerArrays d, Map<String, String> gold) {
    int[] codes = new int[d.itemCount];
    Arrays.fill(codes, -1);
    LabelCoding items = d.items;
    for (Map.Entry<String, String> e : gold.entrySet()) {
      int code = d.categories.code(e.getValue());
      int u = items.indexOf(e.getKey());
      if (u >= 0 && d.answered(u)) {
        codes[u] = code;
      }
    }
    return codes;
  }

  Aggregation fit(String method) {
    if (d.size == 0 || k == 0) {
      Aggregation.Builder empty = Aggregation.builder(method, d);
      empty.priors = new double[k];
      empty.confusions = new double[m * k * k];
      empty.skills = new double[m];
      return empty.scores(new double[n * k], true);
    }
    applyGold();
    updatePriors();
    mStep();
    double loss = Double.NEGATIVE_INFINITY;
    int iterations = 0;
    boolean converged = false;
    while (iterations < maxIterations) {
      iterations++;
      eStep();
      applyGold();
      updatePriors();
      mStep();
      double next = lowerBound() / d.size;
      if (next - loss < tolerance) {
        converged = true;
        break;
      }
      loss = next;
    }
    Aggregation.Builder b = Aggregation.builder(method, d);
    b.priors = priors.clone();
    b.confusions = confusions();
    b.skills = oneCoin ? skills.clone() : dawidSkeneSkills(b.confusions);
    b.iterations = iterations;
    b.converged = converged;
    return b.scores(posteriors, true);
  }

  private void applyGold() {
    for (int u = 0; u < n; u++) {
      if (gold[u] >= 0) {
        Arrays.fill(posteriors, u * k, u * k + k, 0.0);
        posteriors[u * k + gold[u]] = 1.0;
      }
    }
  }

  private void updatePriors() {
    Arrays.fill(priors, 0.0);
    int answered = 0;
    for (int u = 0; u < n; u++) {
      if (d.answered(u)) {
        answered++;
        int row = u * k;
        for (int c = 0; c < k; c++) {
          priors[c] += posteriors[row + c];
        }
      }
    }
    for (int c = 0; c < k; c++) {
      priors[c] = Math.max(EPS, (priors[c] + smoothing) / (answered + k * smoothing));
    }
  }

  private void mStep() {
    if (oneCoin) {
      oneCoinStep();
      return;
    }
    double[] e = errors;
    Arrays.fill(e, 0.0);
    int[] item = d.item;
    int[] annotator = d.annotator;
    int[] label = d.label;
    for (int i = 0; i < d.size; i++) {
      int base = (annotator[i] * k + label[i]) * k;
      int row = item[i] * k;
      for (int c = 0; c < k; c++) {
        e[base + c] += posteriors[row + c];
      }
    }
    double[] sums = new double[k];
    for (int a = 0; a < m; a++) {
      Arrays.fill(sums, 0.0);
      for (int obs = 0; obs < k; obs++) {
        int base = (a * k + obs) * k;
        if (smoothing > 0) {
          for (int c = 0; c < k; c++) {
            e[base + c] += smoothing;
          }
        } else if (used[a * k + obs]) {
          for (int c = 0; c < k; c++) {
            e[base + c] = Math.max(EPS, e[base + c]);
          }
        }
        for (int c = 0; c < k; c++) {
          sums[c] += e[base + c];
        }
      }
      for (int obs = 0; obs < k; obs++) {
        int base = (a * k + obs) * k;
        for (int c = 0; c < k; c++) {
          if (sums[c] > 0) {
            e[base + c] /= sums[c];
          }
        }
      }
    }
  }

  /** One coin per annotator: its skill is the mean posterior of the answers it gave. */
  private void oneCoinStep() {
    Arrays.fill(skills, 0.0);
    int[] counts = new int[m];
    for (int i = 0; i < d.size; i++) {
      skills[d.annotator[i]] += posteriors[d.item[i] * k + d.label[i]];
      counts[d.annotator[i]]++;
    }
    for (int a = 0; a < m; a++) {
      double s = counts[a] == 0 ? 0.0 : skills[a] / counts[a];
      skills[a] = s;
      double right = Math.min(1 - EPS, Math.max(EPS, k == 1 ? 1.0 : s));
      double wrong = Math.min(1 - EPS, Math.max(EPS, k == 1 ? 0.0 : (1 - s) / (k - 1)));
      for (int obs = 0; obs < k; obs++) {
        int base = (a * k + obs) * k;
        for (int c = 0; c < k; c++) {
          errors[base + c] = obs == c ? right : wrong;
        }
      }
    }
  }

  private void eStep() {
    for (int i = 0; i < errors.length; i++) {
      logErrors[i] = Math.log(errors[i]);
    }
    double[] logPriors = new double[k];
    for (int c = 0; c < k; c++) {
      logPriors[c] = Math.log(priors[c]);
    }
    int[] annotator = d.annotator;
    int[] label = d.label;
    int[] start = d.itemStart;
    double[] t = posteriors;
    for (int u = 0; u < n; u++) {
      if (start[u + 1] == start[u]) {
        continue;
      }
      int row = u * k;
      System.arraycopy(logPriors, 0, t, row, k);
      for (int i = start[u]; i < start[u + 1]; i++) {
        int base = (annotator[i] * k + label[i]) * k;
        for (int c = 0; c < k; c++) {
          t[row + c] += logErrors[base + c];
        }
      }
      double max = Double.NEGATIVE_INFINITY;
      for (int c = 0; c < k; c++) {
        max = Math.max(max, t[row + c]);
      }
      double sum = 0;
      for (int c = 0; c < k; c++) {
        double v = Math.exp(t[row + c] - max);
        t[row + c] = v;
        sum += v;
      }
      for (int c = 0; c < k; c++) {
        t[row + c] /= sum;
      }
    }
  }

  /**
   * crowd-kit's evidence lower bound: per answer, the posterior-weighted log of the confusion entry
   * plus the log prior, and the entropy of the posteriors (floored at {@code 1e-10}).
   */
  private double lowerBound() {
    double[] logPriors = new double[k];
    for (int c = 0; c < k; c++) {
      logPriors[c] = Math.log(priors[c]);
    }
    double joint = 0;
    for (int i = 0; i < d.size; i++) {
      int base = (d.annotator[i] * k + d.label[i]) * k;
      int row = d.item[i] * k;
      for (int c = 0; c < k; c++) {
        double e = errors[base + c];
        double p = posteriors[row + c];
        if (p != 0) {
          joint += p * (Math.log(e) + logPriors[c]);
        }
      }
    }
    double entropy = 0;
    for (int u = 0; u < n; u++) {
      if (d.answered(u)) {
        for (int c = 0; c < k; c++) {
          double p = Math.max(EPS, posteriors[u * k + c]);
          entropy -= p * Math.log(p);
        }
      }
    }
    return joint + entropy;
  }

  /** The confusion matrices true-major: {@code [(a * K + true) * K + obs]}. */
  private double[] confusions() {
    double[] out = new double[m * k * k];
    for (int a = 0; a < m; a++) {
      for (int obs = 0; obs < k; obs++) {
        for (int c = 0; c < k; c++) {
          out[(a * k + c) * k + obs] = errors[(a * k + obs) * k + c];
        }
      }
    }
    return out;
  }

  private double[] dawidSkeneSkills(double[] confusions) {
    double[] out = new double[m];
    for (int a = 0; a < m; a++) {
      double s = 0;
      for (int c = 0; c < k; c++) {
        s += priors[c] * confusions[(a * k + c) * k + c];
      }
      out[a] = s;
    }
    return out;
  }
}
