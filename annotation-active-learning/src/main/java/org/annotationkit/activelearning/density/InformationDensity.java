package org.annotationkit.activelearning.density;

import java.util.Objects;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;
import org.annotationkit.activelearning.Embeddings;

/**
 * Information density (Settles and Craven 2008): an item's utility weighted by how representative
 * it is, {@code u(x) * density(x)^beta}, with {@code density(x)} the mean similarity of {@code x}
 * to the pool. Computing it against the whole pool is N x N; here it is estimated against a seeded
 * uniform sample of at most {@code reference} items (all of them when the pool is smaller, which is
 * exact), so a million-item pool costs {@code n x reference} similarities.
 *
 * @since 0.1.0
 */
public final class InformationDensity {
  private final Similarity similarity;
  private final double beta;
  private final int reference;
  private final long seed;

  /** A similarity between two embeddings, higher for closer items. */
  @FunctionalInterface
  public interface Similarity {
    /**
     * The similarity of items {@code a} and {@code b}.
     *
     * @param pool the embeddings
     * @param a one item
     * @param b another
     * @return their similarity, {@code >= 0}
     */
    double between(Embeddings pool, int a, int b);

    /**
     * Cosine similarity shifted to [0, 1]: {@code (1 + cos) / 2}.
     *
     * @return the similarity
     */
    static Similarity cosine() {
      return (pool, a, b) -> {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int j = 0; j < pool.dimensions(); j++) {
          double x = pool.get(a, j);
          double y = pool.get(b, j);
          dot += x * y;
          na += x * x;
          nb += y * y;
        }
        return na == 0 || nb == 0 ? 0.5 : (1 + dot / Math.sqrt(na * nb)) / 2;
      };
    }

    /**
     * {@code 1 / (1 + euclidean distance)}.
     *
     * @return the similarity
     */
    static Similarity inverseDistance() {
      return (pool, a, b) -> 1 / (1 + pool.distance(a, b));
    }
  }

  private InformationDensity(Similarity similarity, double beta, int reference, long seed) {
    this.similarity = Objects.requireNonNull(similarity, "similarity");
    if (!(beta >= 0) || Double.isInfinite(beta)) {
      throw new IllegalArgumentException("beta must be >= 0, got " + beta);
    }
    if (reference < 1) {
      throw new IllegalArgumentException("reference must be >= 1, got " + reference);
    }
    this.beta = beta;
    this.reference = reference;
    this.seed = seed;
  }

  /**
   * A weighting.
   *
   * @param similarity the similarity
   * @param beta the weight of density, {@code >= 0} (1 in Settles and Craven)
   * @param reference the most items densities are measured against
   * @param seed the seed of that sample
   * @return the weighting
   */
  public static InformationDensity of(
      Similarity similarity, double beta, int reference, long seed) {
    return new InformationDensity(similarity, beta, reference, seed);
  }

  /**
   * Each item's density: its mean similarity to the reference items.
   *
   * @param pool the embeddings
   * @return one density per item
   */
  public double[] densities(Embeddings pool) {
    int n = pool.items();
    int[] refs;
    if (n <= reference) {
      refs = java.util.stream.IntStream.range(0, n).toArray();
    } else {
      RandomGenerator random = RandomGeneratorFactory.of("L64X128MixRandom").create(seed);
      refs = random.ints(0, n).distinct().limit(reference).toArray();
    }
    double[] out = new double[n];
    for (int i = 0; i < n; i++) {
      double s = 0;
      for (int r : refs) {
        s += similarity.between(pool, i, r);
      }
      out[i] = refs.length == 0 ? 0 : s / refs.length;
    }
    return out;
  }

  /**
   * The weighted utilities {@code u(x) * density(x)^beta}.
   *
   * @param pool the embeddings
   * @param utility each item's utility
   * @return the weighted utilities
   */
  public double[] weigh(Embeddings pool, double[] utility) {
    if (utility.length != pool.items()) {
      throw new IllegalArgumentException(
          utility.length + " utilities for " + pool.items() + " items");
    }
    double[] d = densities(pool);
    double[] out = new double[d.length];
    for (int i = 0; i < d.length; i++) {
      out[i] = utility[i] * Math.pow(d[i], beta);
    }
    return out;
  }
}
