package org.annotationkit.metrics.aggregation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.annotationkit.metrics.agreement.RatingTable;
import org.annotationkit.metrics.data.Answers;

/**
 * M-MSR, the matrix mean-subsequence-reduced algorithm: under the one-coin model the scaled
 * agreement {@code C} between two annotators has expectation {@code s_i s_j}, where {@code s} is
 * the annotators' reliability ({@code 0} for a random annotator, {@code 1} for a perfect one), so
 * {@code s} is found by robust rank-one completion of {@code C}: alternately, every entry of {@code
 * u} and {@code v} becomes the mean of the ratios {@code |C(i, j)| / v(j)} (or {@code / u}) left
 * after removing the {@code F} largest and smallest, {@code F = floor(d / 2) - 1} with {@code d}
 * the fewest annotators any annotator shares an item with; signs then come from the graph of
 * negative and positive correlations.
 *
 * <p>Q. Ma and A. Olshevsky, "Adversarial Crowdsourcing Through Robust Rank-One Matrix Completion",
 * NeurIPS 2020 (arXiv:2010.12181).
 *
 * <p>As crowd-kit's {@code MMSR}: {@code C(i, j) = (K / (K - 1)) * agree(i, j) - 1 / (K - 1)} with
 * {@code agree} the share of common items answered alike ({@code 0} without any; {@code K} the
 * categories answered); {@code u} and {@code v} both start as the same uniform draws, seeded
 * ({@code 0} by default, NumPy's legacy generator, in annotator code order); at most 10,000
 * iterations, stopping when the Frobenius norm of the change of {@code u v^T} is below the
 * tolerance {@code 1e-10}; the reliability {@code s = u / sqrt(|u| / |v|)} with signs from the
 * eigenvector of the smallest eigenvalue of the random-walk matrix of the sign graph (computed here
 * by Jacobi rotations, or for large graphs by power iteration), clipped to {@code [-1 / (K - 1) + 1
 * / sqrt(n), 1 - 1 / sqrt(n)]} for {@code n} items, and turned into the probability of a right
 * answer {@code p = s (K - 1) / K + 1 / K}. An annotator's {@linkplain Aggregation#skill(int)
 * skill} is crowd-kit's weight {@code log((K - 1) p / (1 - p))}.
 *
 * <p>Labels: the category with the largest sum of the skills of the annotators who chose it, among
 * all categories (an unchosen one sums to 0), and the posterior is the one-coin model's given those
 * skills, {@code P(c) proportional to exp(sum of the skills that chose c)}. crowd-kit instead
 * divides the sums of the chosen categories by their total and takes the largest ratio, which
 * inverts the order whenever the total is negative (adversaries outweigh the rest); on other items
 * both agree. With one category answered every item gets it with confidence 1 and there are no
 * skills.
 *
 * <p>Memory grows with the square of the number of annotators (the agreement matrix).
 *
 * @since 0.1.0
 */
public final class Mmsr implements Aggregator {
  private static final Mmsr DEFAULTS = new Mmsr(10_000, 1e-10, 0);

  /**
   * The largest sign graph whose eigenvector Jacobi rotations find; larger ones power iteration.
   */
  static final int DENSE_LIMIT = 300;

  private final int maxIterations;
  private final double tolerance;
  private final long seed;

  private Mmsr(int maxIterations, double tolerance, long seed) {
    this.maxIterations = maxIterations;
    this.tolerance = tolerance;
    this.seed = seed;
  }

  /**
   * M-MSR with crowd-kit's defaults: 10,000 iterations, tolerance {@code 1e-10}, seed 0.
   *
   * @return the aggregator, named {@code mmsr}
   */
  public static Mmsr defaults() {
    return DEFAULTS;
  }

  /**
   * This aggregator with another iteration cap.
   *
   * @param maxIterations {@code >= 1}
   * @return a new aggregator
   */
  public Mmsr withMaxIterations(int maxIterations) {
    Em.checkIterations(maxIterations);
    return new Mmsr(maxIterations, tolerance, seed);
  }

  /**
   * This aggregator with another tolerance on the change of {@code u v^T}.
   *
   * @param tolerance finite
   * @return a new aggregator
   */
  public Mmsr withTolerance(double tolerance) {
    Em.checkTolerance(tolerance);
    return new Mmsr(maxIterations, tolerance, seed);
  }

  /**
   * This aggregator with another seed of the starting vectors.
   *
   * @param seed any; seeds in {@code [0, 2^32)} draw what NumPy's {@code RandomState(seed)} draws
   * @return a new aggregator
   */
  public Mmsr withSeed(long seed) {
    return new Mmsr(maxIterations, tolerance, seed);
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
    Aggregation.Builder b = Aggregation.builder("mmsr", d);
    int labels = Votes.usedCategories(d);
    if (labels < 2) {
      return b.scores(d.voteShares(null), true);
    }
    int tasks = 0;
    for (int u = 0; u < n; u++) {
      if (d.answered(u)) {
        tasks++;
      }
    }
    double[] c = covariation(d, labels);
    int[] common = commonItems(d);
    int sparsity = Integer.MAX_VALUE;
    for (int j = 0; j < m; j++) {
      int count = 0;
      for (int i = 0; i < m; i++) {
        if (common[i * m + j] != 0) {
          count++;
        }
      }
      sparsity = Math.min(sparsity, count);
    }
    int f = Math.floorDiv(sparsity, 2) - 1;
    double[] u = new double[m];
    NumpyRandom random = new NumpyRandom(seed);
    for (int i = 0; i < m; i++) {
      u[i] = random.nextDouble();
    }
    double[] v = u.clone();
    double[] target = new double[m];
    int iterations = 0;
    boolean converged = false;
    while (iterations < maxIterations) {
      iterations++;
      double[] uPrev = u.clone();
      double[] vPrev = v.clone();
      for (int j = 0; j < m; j++) {
        int count = 0;
        for (int i = 0; i < m; i++) {
          if (common[i * m + j] != 0) {
            target[count++] = Math.abs(c[i * m + j]) / u[i];
          }
        }
        v[j] = trimmedMean(target, count, f, v[j], tasks);
      }
      for (int i = 0; i < m; i++) {
        int count = 0;
        for (int j = 0; j < m; j++) {
          if (common[i * m + j] != 0) {
            target[count++] = Math.abs(c[i * m + j]) / v[j];
          }
        }
        u[i] = trimmedMean(target, count, f, u[i], tasks);
      }
      double loss = 0;
      for (int i = 0; i < m; i++) {
        for (int j = 0; j < m; j++) {
          double e = u[i] * v[j] - uPrev[i] * vPrev[j];
          loss += e * e;
        }
      }
      if (Math.sqrt(loss) < tolerance) {
        converged = true;
        break;
      }
    }
    double scale = Math.sqrt(norm(u) / norm(v));
    double[] s = new double[m];
    for (int i = 0; i < m; i++) {
      s[i] = u[i] / scale;
    }
    s = signs(c, m, s);
    double[] skills = new double[m];
    double root = Math.sqrt(tasks);
    for (int i = 0; i < m; i++) {
      double x = Math.min(s[i], 1 - 1 / root);
      x = Math.max(x, -1.0 / (labels - 1) + 1 / root);
      double p = x * (labels - 1) / labels + 1.0 / labels;
      skills[i] = Math.log(p * (labels - 1) / (1 - p));
    }
    double[] posteriors = new double[n * k];
    for (int item = 0; item < n; item++) {
      if (!d.answered(item)) {
        continue;
      }
      int row = item * k;
      for (int i = d.itemStart[item]; i < d.itemStart[item + 1]; i++) {
        posteriors[row + d.label[i]] += skills[d.annotator[i]];
      }
      double max = Double.NEGATIVE_INFINITY;
      for (int cat = 0; cat < k; cat++) {
        max = Math.max(max, posteriors[row + cat]);
      }
      double sum = 0;
      for (int cat = 0; cat < k; cat++) {
        double e = Math.exp(posteriors[row + cat] - max);
        posteriors[row + cat] = e;
        sum += e;
      }
      for (int cat = 0; cat < k; cat++) {
        posteriors[row + cat] /= sum;
      }
    }
    b.skills = skills;
    b.iterations = iterations;
    b.converged = converged;
    return b.scores(posteriors, true);
  }

  /** How many items each pair of annotators shares, {@code [i * m + j]}, 0 on the diagonal. */
  private static int[] commonItems(AnswerArrays d) {
    int m = d.annotatorCount;
    int[] common = new int[m * m];
    for (int u = 0; u < d.itemCount; u++) {
      for (int i = d.itemStart[u]; i < d.itemStart[u + 1]; i++) {
        for (int j = d.itemStart[u]; j < d.itemStart[u + 1]; j++) {
          if (i != j) {
            common[d.annotator[i] * m + d.annotator[j]]++;
          }
        }
      }
    }
    return common;
  }

  /** crowd-kit's covariation matrix, diagonal included ({@code -1 / (K - 1)} there). */
  static double[] covariation(AnswerArrays d, int labels) {
    int m = d.annotatorCount;
    int[] common = commonItems(d);
    int[] agree = new int[m * m];
    for (int u = 0; u < d.itemCount; u++) {
      for (int i = d.itemStart[u]; i < d.itemStart[u + 1]; i++) {
        for (int j = d.itemStart[u]; j < d.itemStart[u + 1]; j++) {
          if (i != j && d.label[i] == d.label[j]) {
            agree[d.annotator[i] * m + d.annotator[j]]++;
          }
        }
      }
    }
    double[] c = new double[m * m];
    for (int i = 0; i < m * m; i++) {
      double share = common[i] == 0 ? 0.0 : (double) agree[i] / common[i];
      c[i] = share * labels / (labels - 1) - 1.0 / (labels - 1);
    }
    return c;
  }

  /**
   * crowd-kit's {@code _remove_largest_and_smallest_F_value} followed by the mean: sorts the
   * values, drops the {@code f} smallest unless fewer than {@code f} are below {@code a} (then it
   * keeps those at least {@code a}), then likewise the {@code f} largest, with Python's slicing (so
   * {@code f = -1} keeps only the largest value); a lone {@code 0} counts as {@code 1 /
   * sqrt(tasks)}. Returns {@code a} when nothing is left.
   */
  static double trimmedMean(double[] values, int count, int f, double a, int tasks) {
    double[] y = Arrays.copyOf(values, count);
    Arrays.sort(y);
    int below = 0;
    for (double x : y) {
      if (x < a) {
        below++;
      }
    }
    if (below < f) {
      y = filter(y, a, true);
    } else {
      y = Arrays.copyOfRange(y, sliceIndex(f, y.length), y.length);
    }
    int above = 0;
    for (double x : y) {
      if (x > a) {
        above++;
      }
    }
    if (above < f) {
      y = filter(y, a, false);
    } else {
      y = Arrays.copyOfRange(y, 0, sliceIndex(y.length - f, y.length));
    }
    if (y.length == 0) {
      return a;
    }
    if (y.length == 1 && y[0] == 0) {
      return 1 / Math.sqrt(tasks);
    }
    double sum = 0;
    for (double x : y) {
      sum += x;
    }
    return sum / y.length;
  }

  /** A Python slice bound: negative counts from the end, then clipped to {@code [0, length]}. */
  private static int sliceIndex(int index, int length) {
    int i = index < 0 ? index + length : index;
    return Math.max(0, Math.min(length, i));
  }

  private static double[] filter(double[] y, double a, boolean atLeast) {
    int count = 0;
    double[] out = new double[y.length];
    for (double x : y) {
      if (atLeast ? x >= a : x <= a) {
        out[count++] = x;
      }
    }
    return Arrays.copyOf(out, count);
  }

  private static double norm(double[] x) {
    double sum = 0;
    for (double v : x) {
      sum += v * v;
    }
    return Math.sqrt(sum);
  }

  /**
   * crowd-kit's {@code _sign_determination_valid}: annotators whose row of {@code C} sums to
   * nonzero are nodes, joined directly where {@code C < 0} (the diagonal included) and through a
   * new node for every pair {@code i <= j} with {@code C > 0}; the signs of the eigenvector of the
   * smallest eigenvalue of the random-walk matrix, oriented so that the annotators' signs sum to a
   * positive number, give the signs of {@code |s|}; other annotators get 0.
   */
  static double[] signs(double[] c, int m, double[] magnitude) {
    List<Integer> valid = new ArrayList<>();
    for (int i = 0; i < m; i++) {
      double sum = 0;
      for (int j = 0; j < m; j++) {
        sum += c[i * m + j];
      }
      if (sum != 0) {
        valid.add(i);
      }
    }
    int k = valid.size();
    List<int[]> positive = new ArrayList<>();
    for (int a = 0; a < k; a++) {
      for (int b = a; b < k; b++) {
        if (c[valid.get(a) * m + valid.get(b)] > 0) {
          positive.add(new int[] {a, b});
        }
      }
    }
    int size = k + positive.size();
    // adjacency lists of the symmetric graph, self-loops included
    List<List<Integer>> adjacency = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      adjacency.add(new ArrayList<>());
    }
    for (int a = 0; a < k; a++) {
      for (int b = 0; b < k; b++) {
        if (c[valid.get(a) * m + valid.get(b)] < 0) {
          adjacency.get(a).add(b);
        }
      }
    }
    for (int e = 0; e < positive.size(); e++) {
      int node = k + e;
      int[] pair = positive.get(e);
      adjacency.get(node).add(pair[0]);
      adjacency.get(node).add(pair[1]);
      adjacency.get(pair[0]).add(node);
      adjacency.get(pair[1]).add(node);
    }
    double[] vector = smallestEigenvector(adjacency);
    double orientation = 0;
    for (int a = 0; a < k; a++) {
      orientation += Math.signum(vector[a]);
    }
    double sign = Math.signum(orientation);
    double[] out = new double[m];
    for (int a = 0; a < k; a++) {
      int i = valid.get(a);
      out[i] = sign * magnitude[i] * Math.signum(vector[a]);
    }
    return out;
  }

  /**
   * The eigenvector of the smallest eigenvalue of {@code D^-1 A} for a symmetric 0/1 adjacency
   * {@code A} without isolated nodes: {@code D^-1/2 z} for the eigenvector {@code z} of the
   * symmetric {@code D^-1/2 A D^-1/2} (only the signs are used, which both share).
   */
  static double[] smallestEigenvector(List<List<Integer>> adjacency) {
    int size = adjacency.size();
    double[] degree = new double[size];
    for (int i = 0; i < size; i++) {
      degree[i] = adjacency.get(i).size();
    }
    if (size == 0) {
      return new double[0];
    }
    if (size <= DENSE_LIMIT) {
      double[] a = new double[size * size];
      for (int i = 0; i < size; i++) {
        for (int j : adjacency.get(i)) {
          a[i * size + j] += 1 / Math.sqrt(degree[i] * degree[j]);
        }
      }
      return Jacobi.smallest(a, size);
    }
    // power iteration on I - N, whose largest eigenvalue is 1 - the smallest of N
    double[] z = new double[size];
    NumpyRandom random = new NumpyRandom(size);
    for (int i = 0; i < size; i++) {
      z[i] = random.nextDouble() - 0.5;
    }
    double[] next = new double[size];
    for (int iteration = 0; iteration < 100_000; iteration++) {
      for (int i = 0; i < size; i++) {
        double sum = 0;
        for (int j : adjacency.get(i)) {
          sum += z[j] / Math.sqrt(degree[i] * degree[j]);
        }
        next[i] = z[i] - sum;
      }
      double length = norm(next);
      double change = 0;
      for (int i = 0; i < size; i++) {
        next[i] /= length;
        change = Math.max(change, Math.abs(next[i] - z[i]));
      }
      double[] swap = z;
      z = next;
      next = swap;
      if (change < 1e-12) {
        break;
      }
    }
    return z;
  }

  @Override
  public String toString() {
    return "Mmsr[maxIterations="
        + maxIterations
        + ", tolerance="
        + tolerance
        + ", seed="
        + seed
        + "]";
  }
}
