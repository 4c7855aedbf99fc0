package org.annotationkit.activelearning.batch;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.annotationkit.activelearning.Embeddings;
import org.annotationkit.activelearning.Pick;
import org.annotationkit.activelearning.internal.Coverage;
import org.annotationkit.activelearning.internal.Parallel;

/**
 * Ranked batch-mode selection (Cardoso et al., <i>Ranked batch-mode active learning</i>,
 * Information Sciences 2017): picks one item at a time by {@code alpha (1 - s(x)) + (1 - alpha)
 * u(x)}, where {@code u} is the item's uncertainty, {@code s(x) = 1 / (1 + d(x))} its similarity to
 * the nearest labeled or already picked item (Euclidean distance {@code d}), and {@code alpha =
 * |unlabeled| / (|unlabeled| + |labeled|)}, counting picks as labeled, so the batch leans on
 * diversity while little is labeled and on uncertainty later. With nothing labeled, the first pick
 * is the most uncertain item. The result is a ranking: a batch of any size is a prefix of it. A
 * pick's score is its combined utility when picked. Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class RankedBatch {
  private final int threads;

  private RankedBatch(int threads) {
    this.threads = Parallel.threads(threads);
  }

  /**
   * A sampler on the given number of threads.
   *
   * @param threads how many threads, {@code 0} for every processor
   * @return the sampler
   */
  public static RankedBatch onThreads(int threads) {
    return new RankedBatch(threads);
  }

  /**
   * Ranks {@code k} items.
   *
   * @param pool the embeddings of every item
   * @param uncertainty each item's uncertainty, in [0, 1] (least confidence, say)
   * @param labeled the positions of labeled items
   * @param k how many
   * @return the picks in rank order
   */
  public List<Pick> select(
      Embeddings pool, double[] uncertainty, Collection<Integer> labeled, int k) {
    Objects.requireNonNull(pool, "pool");
    Objects.requireNonNull(uncertainty, "uncertainty");
    if (uncertainty.length != pool.items()) {
      throw new IllegalArgumentException(
          uncertainty.length + " uncertainties for " + pool.items() + " items");
    }
    List<Pick> picks = new ArrayList<>();
    try (Coverage coverage = new Coverage(pool, threads)) {
      for (int item : labeled) {
        coverage.add(Objects.checkIndex(item, pool.items()));
      }
      int n = pool.items();
      while (picks.size() < k) {
        int done = coverage.centers();
        int next;
        if (done == 0) {
          next = coverage.argmax((item, distance) -> uncertainty[item]);
        } else {
          double alpha = (double) (n - done) / n;
          next =
              coverage.argmax((item, distance) ->
                  alpha * (1 - 1 / (1 + (double) distance)) + (1 - alpha) * uncertainty[item]);
        }
        if (next < 0) {
          break;
        }
        double alpha = done == 0 ? 0 : (double) (n - done) / n;
        double score =
            done == 0
                ? uncertainty[next]
                : alpha * (1 - 1 / (1 + (double) coverage.distance[next]))
                    + (1 - alpha) * uncertainty[next];
        picks.add(new Pick(picks.size() + 1, pool.ids().id(next), next, score));
        coverage.add(next);
      }
    }
    return List.copyOf(picks);
  }
}
