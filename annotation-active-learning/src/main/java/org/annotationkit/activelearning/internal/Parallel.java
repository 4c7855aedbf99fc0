package org.annotationkit.activelearning.internal;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import org.annotationkit.activelearning.TopK;

/**
 * Runs the parts of a pool on a given number of threads and merges their top-k selections. A
 * selection on every processor runs on the common fork-join pool (with the calling thread), so
 * repeated selections start no threads; another number of threads gets a pool of its own for the
 * call.
 */
public final class Parallel {
  /** The fewest items a part holds, so that a part's work outweighs its scheduling. */
  public static final int MIN_PART = 1 << 15;

  private Parallel() {}

  /**
   * The number of threads to use for a request: {@code 0} means every available processor.
   *
   * @param threads the number asked for, {@code >= 0}
   * @return the number to use, {@code >= 1}
   */
  public static int threads(int threads) {
    if (threads < 0) {
      throw new IllegalArgumentException(
          "threads must be >= 0 (0: all processors), got " + threads);
    }
    return threads == 0 ? Runtime.getRuntime().availableProcessors() : threads;
  }

  /**
   * Splits {@code [0, n)} into parts, selects over each on {@code threads} threads, and merges the
   * parts in order.
   *
   * @param n the number of items
   * @param threads the number of threads, {@code >= 1}
   * @param part the selection over items {@code [from, to)}: {@code part.apply(from, to)}
   * @param empty an empty selection
   * @return the merged selection
   */
  public static TopK topK(
      int n, int threads, java.util.function.BiFunction<Integer, Integer, TopK> part, TopK empty) {
    Objects.requireNonNull(part, "part");
    return topK(n, threads, (from, to, floor) -> part.apply(from, to), empty);
  }

  /** The selection over a part of a pool, given the floor that all parts of the pool share. */
  @FunctionalInterface
  public interface Part {
    /**
     * Selects over items {@code [from, to)}.
     *
     * @param from the first item
     * @param to the item after the last
     * @param floor the pool's shared floor, to raise and to skip by (see {@link Floor})
     * @return the selection over the part
     */
    TopK select(int from, int to, Floor floor);
  }

  /**
   * Splits {@code [0, n)} into parts, selects over each on {@code threads} threads with one {@link
   * Floor} shared by all parts, and merges the parts in order.
   *
   * @param n the number of items
   * @param threads the number of threads, {@code >= 1}
   * @param part the selection over a part
   * @param empty an empty selection
   * @return the merged selection
   */
  public static TopK topK(int n, int threads, Part part, TopK empty) {
    Objects.requireNonNull(part, "part");
    Floor floor = new Floor();
    int parts = Math.max(1, Math.min(threads * 4, n / MIN_PART));
    if (threads == 1 || parts == 1) {
      TopK whole = part.select(0, n, floor);
      empty.merge(whole);
      return empty;
    }
    IntFunction<TopK> run =
        i -> part.select((int) ((long) n * i / parts), (int) ((long) n * (i + 1) / parts), floor);
    List<TopK> results;
    if (threads == ForkJoinPool.getCommonPoolParallelism() + 1) {
      // Every processor: the common pool's workers and the calling thread, no pool to start.
      results = IntStream.range(0, parts).parallel().mapToObj(run).toList();
    } else {
      results = onOwnPool(threads, parts, run);
    }
    for (TopK result : results) {
      empty.merge(result);
    }
    return empty;
  }

  private static List<TopK> onOwnPool(int threads, int parts, IntFunction<TopK> run) {
    try (ForkJoinPool pool = new ForkJoinPool(threads)) {
      return pool.submit(() -> IntStream.range(0, parts).parallel().mapToObj(run).toList()).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while selecting", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException(e.getCause());
    }
  }
}
