package org.annotationkit.activelearning.diversity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import java.util.stream.Stream;
import org.annotationkit.activelearning.Embeddings;
import org.annotationkit.activelearning.ItemIds;
import org.annotationkit.activelearning.Pick;
import org.annotationkit.activelearning.batch.RankedBatch;
import org.annotationkit.core.testing.Seeds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * k-center greedy against a brute-force farthest-first in doubles; k-means++ and ranked batches.
 */
class KCenterGreedyTest {
  static Stream<Long> seeds() {
    return Seeds.seeds(20);
  }

  @Test
  void onALineItTakesTheEndsThenTheMiddle() {
    Embeddings pool =
        Embeddings.ofRows(new double[][] {{0}, {1}, {2}, {3}, {10}}, ItemIds.positions(5));
    List<Pick> picks = KCenterGreedy.onThreads(1).select(pool, List.of(0), 3);
    assertThat(picks).extracting(Pick::id).containsExactly("4", "3", "1");
    assertThat(picks).extracting(Pick::score).containsExactly(10.0, 3.0, 1.0);
    // Nothing labeled: the first pick is the farthest from the mean 3.2.
    assertThat(KCenterGreedy.onThreads(1).select(pool, List.of(), 2))
        .extracting(Pick::id)
        .containsExactly("4", "0");
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void equalsBruteForceFarthestFirst(long seed) {
    RandomGenerator random = Seeds.random(seed);
    int n = 200 + random.nextInt(20_000);
    int d = 1 + random.nextInt(20);
    int clusters = 1 + random.nextInt(30);
    double[][] rows = clustered(random, n, d, clusters);
    Embeddings pool = Embeddings.ofRows(rows, ItemIds.positions(n));
    List<Integer> labeled = new ArrayList<>();
    for (int i = 0; i < random.nextInt(5); i++) {
      labeled.add(random.nextInt(n));
    }
    int k = 1 + random.nextInt(40);
    List<Pick> expected = bruteForce(pool, labeled, k);
    for (int threads : new int[] {1, 3}) {
      List<Pick> picks = KCenterGreedy.onThreads(threads).select(pool, labeled, k);
      assertThat(picks).extracting(Pick::id).isEqualTo(expected.stream().map(Pick::id).toList());
      for (int r = 0; r < picks.size(); r++) {
        assertThat(picks.get(r).score()).isCloseTo(expected.get(r).score(), within(1e-3));
      }
    }
  }

  static double[][] clustered(RandomGenerator random, int n, int d, int clusters) {
    double[][] centers = new double[clusters][d];
    for (double[] c : centers) {
      for (int j = 0; j < d; j++) {
        c[j] = 10 * random.nextGaussian();
      }
    }
    double[][] rows = new double[n][d];
    for (int i = 0; i < n; i++) {
      double[] c = centers[random.nextInt(clusters)];
      for (int j = 0; j < d; j++) {
        rows[i][j] = c[j] + random.nextGaussian();
      }
    }
    return rows;
  }

  private static List<Pick> bruteForce(Embeddings pool, List<Integer> labeled, int k) {
    int n = pool.items();
    double[] min = new double[n];
    java.util.Arrays.fill(min, Double.POSITIVE_INFINITY);
    boolean[] taken = new boolean[n];
    for (int c : labeled) {
      taken[c] = true;
      for (int i = 0; i < n; i++) {
        min[i] = Math.min(min[i], pool.distance(i, c));
      }
    }
    List<Pick> picks = new ArrayList<>();
    while (picks.size() < k) {
      int best = -1;
      double score = Double.NaN;
      for (int i = 0; i < n; i++) {
        if (!taken[i] && (best < 0 || min[i] > min[best])) {
          best = i;
        }
      }
      if (labeled.isEmpty() && picks.isEmpty()) {
        double[] mean = KCenterGreedy.mean(pool);
        double far = -1;
        for (int i = 0; i < n; i++) {
          double s = 0;
          for (int j = 0; j < pool.dimensions(); j++) {
            double e = pool.get(i, j) - mean[j];
            s += e * e;
          }
          if (s > far) {
            far = s;
            best = i;
          }
        }
        score = Math.sqrt(far);
      } else {
        score = min[best];
      }
      picks.add(new Pick(picks.size() + 1, String.valueOf(best), best, score));
      taken[best] = true;
      for (int i = 0; i < n; i++) {
        min[i] = Math.min(min[i], pool.distance(i, best));
      }
    }
    return picks;
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void kMeansPlusPlusIsSeededAndDistinct(long seed) {
    RandomGenerator random = Seeds.random(seed);
    int n = 50 + random.nextInt(500);
    Embeddings pool = Embeddings.ofRows(clustered(random, n, 3, 5), ItemIds.positions(n));
    List<Pick> first = KMeansPlusPlus.seeded(seed).select(pool, List.of(), 20);
    assertThat(KMeansPlusPlus.seeded(seed).select(pool, List.of(), 20)).isEqualTo(first);
    assertThat(first.stream().map(Pick::id).distinct().count()).isEqualTo(20);
  }

  @Test
  void rankedBatchStartsWithTheMostUncertainThenSpreads() {
    Embeddings pool =
        Embeddings.ofRows(new double[][] {{0}, {0.1}, {5}, {5.1}}, ItemIds.positions(4));
    double[] u = {0.5, 0.6, 0.1, 0.2};
    List<Pick> picks = RankedBatch.onThreads(1).select(pool, u, List.of(), 3);
    // 1 is the most uncertain; then 3 is far (alpha 3/4) and more uncertain than 2.
    assertThat(picks).extracting(Pick::id).containsExactly("1", "3", "0");
  }
}
