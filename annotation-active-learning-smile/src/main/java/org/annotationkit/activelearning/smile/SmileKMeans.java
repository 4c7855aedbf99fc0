package org.annotationkit.activelearning.smile;

import java.util.List;
import java.util.Objects;
import org.annotationkit.activelearning.Embeddings;
import org.annotationkit.activelearning.Pick;
import org.annotationkit.activelearning.TopK;
import smile.clustering.CentroidClustering;
import smile.clustering.KMeans;
import smile.math.MathEx;

/**
 * Cluster-based diversity with Smile's k-means: cluster the candidates into {@code k} groups and
 * pick from each group the item of highest utility (the most uncertain item of each cluster, say),
 * the clusters ranked by the utility of their pick. Smile seeds k-means++ from its per-thread
 * generator, which this class seeds from the given seed on the calling thread.
 *
 * @since 0.1.0
 */
public final class SmileKMeans {
  private SmileKMeans() {}

  /**
   * Picks one item per cluster.
   *
   * @param pool the candidates' embeddings
   * @param utility each candidate's utility
   * @param k the number of clusters and picks
   * @param seed the seed of the clustering
   * @return the picks in rank order
   */
  public static List<Pick> select(Embeddings pool, double[] utility, int k, long seed) {
    Objects.requireNonNull(pool, "pool");
    int n = pool.items();
    if (utility.length != n) {
      throw new IllegalArgumentException(utility.length + " utilities for " + n + " items");
    }
    if (k < 1 || k > n) {
      throw new IllegalArgumentException("k must be in [1, " + n + "], got " + k);
    }
    int d = pool.dimensions();
    double[][] x = new double[n][d];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < d; j++) {
        x[i][j] = pool.get(i, j);
      }
    }
    MathEx.setSeed(seed);
    CentroidClustering<double[], double[]> clusters = KMeans.fit(x, k, 100);
    int[] best = new int[clusters.k()];
    java.util.Arrays.fill(best, -1);
    for (int i = 0; i < n; i++) {
      int g = clusters.group(i);
      if (best[g] < 0 || utility[i] > utility[best[g]]) {
        best[g] = i;
      }
    }
    TopK top = new TopK(k, pool.ids());
    for (int b : best) {
      if (b >= 0) {
        top.add(b, utility[b]);
      }
    }
    return top.finish();
  }
}
