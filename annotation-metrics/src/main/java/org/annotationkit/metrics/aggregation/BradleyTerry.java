package org.annotationkit.metrics.aggregation;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Bradley-Terry scores from pairwise comparisons with ties, fitted by the MM algorithm of Hunter
 * (2004), ties per Rao and Kupper (1967).
 *
 * <p>The model: player {@code i} has a score {@code g[i] > 0}, and there is one tie parameter
 * {@code theta >= 1}; {@code i} beats {@code j} with probability {@code g[i] / (g[i] + theta *
 * g[j])} and they tie with probability {@code (theta^2 - 1) g[i] g[j] / ((g[i] + theta g[j]) (theta
 * g[i] + g[j]))}. Without ties {@code theta = 1} and this is the plain Bradley-Terry model.
 * Rao-Kupper was chosen over Davidson (1970) because Hunter derives its MM updates, which increase
 * the likelihood at every step:
 *
 * <ul>
 *   <li>{@code g[i] <- s[i] / sum_j (c[i][j] / (g[i] + theta g[j]) + theta c[j][i] / (theta g[i] +
 *       g[j]))}, where {@code s[i]} counts {@code i}'s wins and ties and {@code c[i][j]} the wins
 *       of {@code i} over {@code j} plus their ties (all players at once, from the previous
 *       scores); the scores are then normalised to sum to 1;
 *   <li>{@code theta <- T / C + sqrt(1 + T^2 / C^2)}, with {@code T} the number of ties and {@code
 *       C = sum_ij c[i][j] g[j] / (g[i] + theta g[j])}.
 * </ul>
 *
 * <p>The iteration starts from equal scores and {@code theta = 1.5} (1 when there are no ties), and
 * stops, {@linkplain BradleyTerryScores#converged() converged}, when no score nor {@code theta}
 * changed by more than the tolerance relative to its value, or after the iteration cap (defaults:
 * {@code 1e-10} and 10,000). The maximum-likelihood scores exist only when the comparisons are
 * {@linkplain BradleyTerryScores#identifiable() identifiable}: for every split of the players into
 * two groups, someone of each group beat or tied someone of the other (Hunter's Assumption 1), and,
 * with ties, some comparison was not a tie. Otherwise some scores drift towards 0 and the result
 * says so; a {@linkplain #withPseudoCount(double) pseudo-count} of virtual wins in both directions
 * for every compared pair makes every connected set of comparisons identifiable.
 *
 * <p>D. R. Hunter, "MM algorithms for generalized Bradley-Terry models", The Annals of Statistics
 * 32(1), 2004, 384-406. P. V. Rao and L. L. Kupper, "Ties in paired-comparison experiments: a
 * generalization of the Bradley-Terry model", JASA 62, 1967, 194-204.
 *
 * <p>Immutable and thread-safe; deterministic (no seed needed): the same comparisons in any order
 * give the same bits.
 *
 * @since 0.1.0
 */
public final class BradleyTerry {
  private static final BradleyTerry DEFAULTS = new BradleyTerry(10_000, 1e-10, 0);

  private final int maxIterations;
  private final double tolerance;
  private final double pseudoCount;

  private BradleyTerry(int maxIterations, double tolerance, double pseudoCount) {
    this.maxIterations = maxIterations;
    this.tolerance = tolerance;
    this.pseudoCount = pseudoCount;
  }

  /**
   * The fit with its defaults: at most 10,000 iterations, tolerance {@code 1e-10}, no pseudo-count.
   *
   * @return the method
   */
  public static BradleyTerry defaults() {
    return DEFAULTS;
  }

  /**
   * This fit with another iteration cap.
   *
   * @param maxIterations the most MM iterations, {@code >= 1}
   * @return a new method
   * @throws IllegalArgumentException if the cap is below 1
   */
  public BradleyTerry withMaxIterations(int maxIterations) {
    Em.checkIterations(maxIterations);
    return new BradleyTerry(maxIterations, tolerance, pseudoCount);
  }

  /**
   * This fit with another tolerance on the relative change of the scores and {@code theta}.
   *
   * @param tolerance finite and {@code >= 0}
   * @return a new method
   * @throws IllegalArgumentException if the tolerance is negative or not finite
   */
  public BradleyTerry withTolerance(double tolerance) {
    if (!(tolerance >= 0 && Double.isFinite(tolerance))) {
      throw new IllegalArgumentException("tolerance must be finite and >= 0, got " + tolerance);
    }
    return new BradleyTerry(maxIterations, tolerance, pseudoCount);
  }

  /**
   * This fit with virtual wins added in both directions to every pair that was compared at least
   * once (a regularisation that keeps every score positive when some player never won).
   *
   * @param pseudoCount the virtual wins of each player of a compared pair over the other, finite
   *     and {@code >= 0}
   * @return a new method
   * @throws IllegalArgumentException if the count is negative or not finite
   */
  public BradleyTerry withPseudoCount(double pseudoCount) {
    if (!(pseudoCount >= 0 && Double.isFinite(pseudoCount))) {
      throw new IllegalArgumentException("pseudoCount must be finite and >= 0, got " + pseudoCount);
    }
    return new BradleyTerry(maxIterations, tolerance, pseudoCount);
  }

  /**
   * Fits the scores.
   *
   * @param comparisons the counted comparisons
   * @return the scores, the tie parameter and how the iteration ended
   */
  public BradleyTerryScores fit(PairwiseComparisons comparisons) {
    Objects.requireNonNull(comparisons, "comparisons");
    int n = comparisons.players.size();
    int pairs = comparisons.low.length;
    int[] lo = comparisons.low;
    int[] hi = comparisons.high;
    double[] wl = new double[pairs];
    double[] wh = new double[pairs];
    double[] t = comparisons.ties.clone();
    double totalTies = 0;
    double totalWins = 0;
    double[] s = new double[n];
    for (int p = 0; p < pairs; p++) {
      wl[p] = comparisons.lowWins[p] + pseudoCount;
      wh[p] = comparisons.highWins[p] + pseudoCount;
      totalTies += t[p];
      totalWins += wl[p] + wh[p];
      s[lo[p]] += wl[p] + t[p];
      s[hi[p]] += wh[p] + t[p];
    }
    boolean identifiable =
        stronglyConnected(n, lo, hi, wl, wh, t) && (totalTies == 0 || totalWins > 0);
    double[] g = new double[n];
    Arrays.fill(g, n == 0 ? 0 : 1.0 / n);
    double theta = totalTies > 0 ? 1.5 : 1.0;
    double[] denominator = new double[n];
    double[] next = new double[n];
    int iterations = 0;
    boolean converged = n <= 1;
    while (!converged && iterations < maxIterations) {
      iterations++;
      Arrays.fill(denominator, 0);
      for (int p = 0; p < pairs; p++) {
        int i = lo[p];
        int j = hi[p];
        double cij = wl[p] + t[p];
        double cji = wh[p] + t[p];
        double ij = g[i] + theta * g[j];
        double ji = g[j] + theta * g[i];
        denominator[i] += cij / ij + theta * cji / ji;
        denominator[j] += cji / ji + theta * cij / ij;
      }
      double sum = 0;
      for (int i = 0; i < n; i++) {
        next[i] = s[i] == 0 ? 0 : s[i] / denominator[i];
        sum += next[i];
      }
      double change = 0;
      for (int i = 0; i < n; i++) {
        next[i] /= sum;
        if (next[i] != g[i]) {
          change = Math.max(change, Math.abs(next[i] - g[i]) / Math.max(next[i], g[i]));
        }
      }
      double[] swap = g;
      g = next;
      next = swap;
      if (totalTies > 0) {
        double c = 0;
        for (int p = 0; p < pairs; p++) {
          int i = lo[p];
          int j = hi[p];
          c += (wl[p] + t[p]) * g[j] / (g[i] + theta * g[j]);
          c += (wh[p] + t[p]) * g[i] / (g[j] + theta * g[i]);
        }
        double ratio = totalTies / c;
        double updated = ratio + Math.sqrt(1 + ratio * ratio);
        change = Math.max(change, Math.abs(updated - theta) / updated);
        theta = updated;
      }
      converged = change <= tolerance;
    }
    double logLikelihood = 0;
    for (int p = 0; p < pairs; p++) {
      int i = lo[p];
      int j = hi[p];
      double ij = g[i] + theta * g[j];
      double ji = g[j] + theta * g[i];
      logLikelihood += term(wl[p], g[i] / ij) + term(wh[p], g[j] / ji);
      if (t[p] > 0) {
        logLikelihood += term(t[p], (theta * theta - 1) * g[i] * g[j] / (ij * ji));
      }
    }
    return new BradleyTerryScores(
        comparisons.players, g, theta, logLikelihood, iterations, converged, identifiable);
  }

  private static double term(double count, double probability) {
    return count == 0 ? 0 : count * Math.log(probability);
  }

  /**
   * Whether every player reaches every other along "beat or tied" edges (Kosaraju: one search
   * forwards and one backwards from player 0 must reach everyone).
   */
  private static boolean stronglyConnected(
      int n, int[] lo, int[] hi, double[] wl, double[] wh, double[] t) {
    if (n <= 1) {
      return true;
    }
    List<List<Integer>> forward = new ArrayList<>();
    List<List<Integer>> backward = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      forward.add(new ArrayList<>());
      backward.add(new ArrayList<>());
    }
    for (int p = 0; p < lo.length; p++) {
      if (wl[p] + t[p] > 0) { // lo beat or tied hi
        forward.get(lo[p]).add(hi[p]);
        backward.get(hi[p]).add(lo[p]);
      }
      if (wh[p] + t[p] > 0) {
        forward.get(hi[p]).add(lo[p]);
        backward.get(lo[p]).add(hi[p]);
      }
    }
    return reachesAll(forward) && reachesAll(backward);
  }

  private static boolean reachesAll(List<List<Integer>> edges) {
    boolean[] seen = new boolean[edges.size()];
    ArrayDeque<Integer> queue = new ArrayDeque<>();
    queue.add(0);
    seen[0] = true;
    int count = 1;
    while (!queue.isEmpty()) {
      for (int j : edges.get(queue.poll())) {
        if (!seen[j]) {
          seen[j] = true;
          count++;
          queue.add(j);
        }
      }
    }
    return count == edges.size();
  }

  @Override
  public String toString() {
    return "BradleyTerry[maxIterations="
        + maxIterations
        + ", tolerance="
        + tolerance
        + ", pseudoCount="
        + pseudoCount
        + "]";
  }
}
