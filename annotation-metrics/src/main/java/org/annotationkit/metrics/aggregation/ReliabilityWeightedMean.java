package org.annotationkit.metrics.aggregation;

import java.util.Arrays;
import java.util.Objects;
import org.annotationkit.metrics.data.Ratings;

/**
 * The reliability-weighted mean of numeric answers: each annotator's answers count in inverse
 * proportion to how far that annotator strays from the consensus, the weights and the consensus
 * estimated together by iteration.
 *
 * <p>The model is {@code x[u][a] = mu[u] + e}, {@code e ~ N(0, sigma[a]^2)}: every annotator has
 * its own error variance. The iteration, a maximum-likelihood fixed point with the annotators'
 * variances shrunk towards the pooled one (in the spirit of CRH truth discovery):
 *
 * <ol>
 *   <li>the consensus {@code mu[u]} starts as the median of item {@code u}'s answers;
 *   <li>each annotator's squared deviation from the consensus is summed over the items that have at
 *       least two answers ({@code SS[a]} over {@code n[a]} answers; an item answered once says
 *       nothing about its annotator's error); the pooled variance is {@code s2 = sum SS / sum n};
 *   <li>{@code sigma[a]^2 = (SS[a] + lambda * s2) / (n[a] + lambda)}: the annotator's variance
 *       shrunk towards the pooled one by {@code lambda} pseudo-answers (the {@linkplain
 *       #withPriorStrength(double) prior strength}, default 1), so that an annotator who happens to
 *       agree exactly on few items does not get an infinite weight; the weight is {@code 1 /
 *       sigma[a]^2};
 *   <li>{@code mu[u]} is the weighted mean of item {@code u}'s answers (computed as the first
 *       answer plus the weighted mean deviation from it, so that unanimous answers give exactly
 *       their value);
 *   <li>the iteration stops, {@linkplain NumericAggregation#converged() converged}, when no
 *       consensus value moved by more than {@code tolerance * scale}, where {@code scale} is the
 *       square root of the pooled variance around the starting medians, or after the iteration cap.
 * </ol>
 *
 * <p>When every answer equals its item's median (the pooled variance is 0), every weight is 1 and
 * the consensus is that common value, after 0 iterations. The reported {@linkplain
 * NumericAggregation#weight(int) weights} are scaled to average 1 over the annotators. The method
 * is deterministic (it needs no seed): the same answers in any row order give the same bits.
 *
 * <p>Defaults: at most 100 iterations, tolerance {@code 1e-9}, prior strength 1. Immutable and
 * thread-safe.
 *
 * @since 0.1.0
 */
public final class ReliabilityWeightedMean {
  private static final ReliabilityWeightedMean DEFAULTS =
      new ReliabilityWeightedMean(100, 1e-9, 1.0);

  private final int maxIterations;
  private final double tolerance;
  private final double priorStrength;

  private ReliabilityWeightedMean(int maxIterations, double tolerance, double priorStrength) {
    this.maxIterations = maxIterations;
    this.tolerance = tolerance;
    this.priorStrength = priorStrength;
  }

  /**
   * The method with its defaults: 100 iterations, tolerance {@code 1e-9}, prior strength 1.
   *
   * @return the method
   */
  public static ReliabilityWeightedMean defaults() {
    return DEFAULTS;
  }

  /**
   * This method with another iteration cap.
   *
   * @param maxIterations the most iterations, {@code >= 1}
   * @return a new method
   * @throws IllegalArgumentException if the cap is below 1
   */
  public ReliabilityWeightedMean withMaxIterations(int maxIterations) {
    Em.checkIterations(maxIterations);
    return new ReliabilityWeightedMean(maxIterations, tolerance, priorStrength);
  }

  /**
   * This method with another tolerance, relative to the spread of the answers.
   *
   * @param tolerance the largest move of a consensus value that counts as converged, in units of
   *     the pooled standard deviation; finite and {@code >= 0}
   * @return a new method
   * @throws IllegalArgumentException if the tolerance is negative or not finite
   */
  public ReliabilityWeightedMean withTolerance(double tolerance) {
    if (!(tolerance >= 0 && Double.isFinite(tolerance))) {
      throw new IllegalArgumentException("tolerance must be finite and >= 0, got " + tolerance);
    }
    return new ReliabilityWeightedMean(maxIterations, tolerance, priorStrength);
  }

  /**
   * This method with another prior strength: how many pseudo-answers at the pooled variance each
   * annotator's variance is shrunk with.
   *
   * @param priorStrength the pseudo-answer count, finite and {@code > 0}
   * @return a new method
   * @throws IllegalArgumentException if the strength is not positive and finite
   */
  public ReliabilityWeightedMean withPriorStrength(double priorStrength) {
    if (!(priorStrength > 0 && Double.isFinite(priorStrength))) {
      throw new IllegalArgumentException(
          "priorStrength must be finite and > 0, got " + priorStrength);
    }
    return new ReliabilityWeightedMean(maxIterations, tolerance, priorStrength);
  }

  /**
   * Aggregates numeric answers.
   *
   * @param ratings the answers, grouped by item
   * @return one value per item, with each annotator's weight
   */
  public NumericAggregation aggregate(Ratings ratings) {
    Objects.requireNonNull(ratings, "ratings");
    int n = ratings.itemCount();
    int annotatorCount = ratings.annotatorCount();
    double[] x = ratings.values();
    int[] annotator = ratings.annotatorCodes();
    int[] start = ratings.itemStarts();
    double[] mu = new double[n];
    int[] counts = new int[n];
    for (int u = 0; u < n; u++) {
      counts[u] = start[u + 1] - start[u];
      mu[u] = NumericConsensus.median(Arrays.copyOfRange(x, start[u], start[u + 1]));
    }
    double[] weights = new double[annotatorCount];
    Arrays.fill(weights, 1.0);
    double[] ss = new double[annotatorCount];
    int[] used = new int[annotatorCount];
    double scale = Math.sqrt(deviations(x, annotator, start, mu, ss, used));
    if (scale == 0) {
      return new NumericAggregation(
          "reliability-weighted-mean",
          ratings.items(),
          ratings.annotators(),
          mu,
          counts,
          weights,
          0,
          true);
    }
    int iterations = 0;
    boolean converged = false;
    double pooled = scale * scale;
    while (iterations < maxIterations && !converged) {
      iterations++;
      for (int a = 0; a < annotatorCount; a++) {
        weights[a] = (used[a] + priorStrength) / (ss[a] + priorStrength * pooled);
      }
      double moved = 0;
      for (int u = 0; u < n; u++) {
        double first = x[start[u]];
        double sum = 0;
        double total = 0;
        for (int k = start[u]; k < start[u + 1]; k++) {
          double w = weights[annotator[k]];
          sum += w * (x[k] - first);
          total += w;
        }
        double next = first + sum / total;
        moved = Math.max(moved, Math.abs(next - mu[u]));
        mu[u] = next;
      }
      converged = moved <= tolerance * scale;
      pooled = deviations(x, annotator, start, mu, ss, used);
      if (pooled == 0) {
        converged = true;
      }
    }
    double mean = 0;
    for (double w : weights) {
      mean += w;
    }
    mean /= annotatorCount;
    for (int a = 0; a < annotatorCount; a++) {
      weights[a] /= mean;
    }
    return new NumericAggregation(
        "reliability-weighted-mean",
        ratings.items(),
        ratings.annotators(),
        mu,
        counts,
        weights,
        iterations,
        converged);
  }

  /**
   * Fills each annotator's sum of squared deviations from {@code mu} and its answer count, over the
   * items with at least two answers; returns the pooled variance ({@code 0} when no item has two
   * answers).
   */
  private static double deviations(
      double[] x, int[] annotator, int[] start, double[] mu, double[] ss, int[] used) {
    Arrays.fill(ss, 0);
    Arrays.fill(used, 0);
    double total = 0;
    long count = 0;
    for (int u = 0; u + 1 < start.length; u++) {
      if (start[u + 1] - start[u] < 2) {
        continue;
      }
      for (int k = start[u]; k < start[u + 1]; k++) {
        double d = x[k] - mu[u];
        ss[annotator[k]] += d * d;
        used[annotator[k]]++;
        total += d * d;
        count++;
      }
    }
    return count == 0 ? 0 : total / count;
  }

  @Override
  public String toString() {
    return "ReliabilityWeightedMean[maxIterations="
        + maxIterations
        + ", tolerance="
        + tolerance
        + ", priorStrength="
        + priorStrength
        + "]";
  }
}
