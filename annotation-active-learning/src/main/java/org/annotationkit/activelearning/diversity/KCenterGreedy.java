package org.annotationkit.activelearning.diversity;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.annotationkit.activelearning.Embeddings;
import org.annotationkit.activelearning.Pick;
import org.annotationkit.activelearning.internal.Coverage;

/**
 * Core-set selection by k-center greedy (Sener and Savarese, <i>Active Learning for Convolutional
 * Neural Networks: A Core-Set Approach</i>, ICLR 2018): each pick is the item farthest from every
 * labeled and already picked item, so the picks cover the pool. A pick's score is that distance
 * (Euclidean), which never grows from one pick to the next. With nothing labeled, the first pick is
 * the item farthest from the pool's mean (no randomness, so no seed).
 *
 * <p>Memory is one distance and one center number per item, never N x N, plus a coarse copy of the
 * embeddings at one byte per value (a quarter of their size); time is about {@code (labeled + k) x
 * n x d}, less where the triangle inequality or the coarse copy's lower bound rules items out
 * (which reads a quarter of the bytes, and the exact row only of the items it cannot rule out).
 * Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class KCenterGreedy {
  private final int threads;

  private KCenterGreedy(int threads) {
    this.threads = org.annotationkit.activelearning.internal.Parallel.threads(threads);
  }

  /**
   * A sampler on the given number of threads.
   *
   * @param threads how many threads, {@code 0} for every processor
   * @return the sampler
   */
  public static KCenterGreedy onThreads(int threads) {
    return new KCenterGreedy(threads);
  }

  /**
   * Picks {@code k} items.
   *
   * @param pool the embeddings of every item, labeled ones included
   * @param labeled the positions of the labeled items
   * @param k how many to pick (fewer if the pool runs out)
   * @return the picks in order
   */
  public List<Pick> select(Embeddings pool, Collection<Integer> labeled, int k) {
    Objects.requireNonNull(pool, "pool");
    if (k < 0) {
      throw new IllegalArgumentException("k must be >= 0, got " + k);
    }
    List<Pick> picks = new ArrayList<>();
    try (Coverage coverage = new Coverage(pool, threads)) {
      for (int item : labeled) {
        Objects.checkIndex(item, pool.items());
        coverage.add(item);
      }
      if (coverage.centers() == 0 && k > 0 && pool.items() > 0) {
        int first = farthestFromMean(pool);
        picks.add(new Pick(1, pool.ids().id(first), first, distanceToMean(pool, first)));
        coverage.add(first);
      }
      while (picks.size() < k) {
        int next = coverage.farthest();
        if (next < 0) {
          break;
        }
        picks.add(new Pick(picks.size() + 1, pool.ids().id(next), next, coverage.distance[next]));
        coverage.add(next);
      }
    }
    return List.copyOf(picks);
  }

  static double[] mean(Embeddings pool) {
    int d = pool.dimensions();
    double[] mean = new double[d];
    float[] v = pool.values();
    for (int i = 0; i < pool.items(); i++) {
      for (int j = 0; j < d; j++) {
        mean[j] += v[i * d + j];
      }
    }
    for (int j = 0; j < d; j++) {
      mean[j] /= pool.items();
    }
    return mean;
  }

  private static int farthestFromMean(Embeddings pool) {
    double[] mean = mean(pool);
    int best = 0;
    double bestDistance = -1;
    for (int i = 0; i < pool.items(); i++) {
      double s = squaredTo(pool, i, mean);
      if (s > bestDistance) {
        best = i;
        bestDistance = s;
      }
    }
    return best;
  }

  private static double distanceToMean(Embeddings pool, int item) {
    return Math.sqrt(squaredTo(pool, item, mean(pool)));
  }

  private static double squaredTo(Embeddings pool, int item, double[] point) {
    int d = pool.dimensions();
    float[] v = pool.values();
    double s = 0;
    for (int j = 0; j < d; j++) {
      double e = v[item * d + j] - point[j];
      s += e * e;
    }
    return s;
  }
}
