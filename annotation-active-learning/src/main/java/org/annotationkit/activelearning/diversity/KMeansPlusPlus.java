package org.annotationkit.activelearning.diversity;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;
import org.annotationkit.activelearning.Embeddings;
import org.annotationkit.activelearning.Pick;
import org.annotationkit.activelearning.internal.Coverage;

/**
 * k-means++ seeding as a batch sampler (Arthur and Vassilvitskii 2007): the first pick uniform at
 * random (unless items are labeled), each next one drawn with probability proportional to its
 * squared distance to the nearest labeled or picked item. Diverse, like {@link KCenterGreedy}, but
 * less drawn to outliers. The score of a pick is its distance when it was drawn. Seeded: the same
 * seed gives the same picks (the {@code L64X128MixRandom} generator). Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class KMeansPlusPlus {
  private final long seed;

  private KMeansPlusPlus(long seed) {
    this.seed = seed;
  }

  /**
   * A sampler drawing from the given seed.
   *
   * @param seed the seed
   * @return the sampler
   */
  public static KMeansPlusPlus seeded(long seed) {
    return new KMeansPlusPlus(seed);
  }

  /**
   * Draws {@code k} items.
   *
   * @param pool the embeddings of every item
   * @param labeled the positions of labeled items
   * @param k how many
   * @return the picks in the order drawn
   */
  public List<Pick> select(Embeddings pool, Collection<Integer> labeled, int k) {
    Objects.requireNonNull(pool, "pool");
    RandomGenerator random = RandomGeneratorFactory.of("L64X128MixRandom").create(seed);
    List<Pick> picks = new ArrayList<>();
    try (Coverage coverage = new Coverage(pool, 1)) {
      for (int item : labeled) {
        coverage.add(Objects.checkIndex(item, pool.items()));
      }
      int n = pool.items();
      while (picks.size() < k) {
        int next;
        double score;
        if (coverage.centers() == 0) {
          if (n == 0) {
            break;
          }
          next = random.nextInt(n);
          score = Double.POSITIVE_INFINITY;
        } else {
          double total = 0;
          for (int i = 0; i < n; i++) {
            if (!coverage.taken[i]) {
              total += (double) coverage.distance[i] * coverage.distance[i];
            }
          }
          if (total <= 0) {
            next = coverage.argmax((item, distance) -> 0);
          } else {
            double u = random.nextDouble() * total;
            next = -1;
            for (int i = 0; i < n; i++) {
              if (!coverage.taken[i]) {
                next = i;
                u -= (double) coverage.distance[i] * coverage.distance[i];
                if (u < 0) {
                  break;
                }
              }
            }
          }
          if (next < 0) {
            break;
          }
          score = coverage.distance[next];
        }
        picks.add(new Pick(picks.size() + 1, pool.ids().id(next), next, score));
        coverage.add(next);
      }
    }
    return List.copyOf(picks);
  }
}
