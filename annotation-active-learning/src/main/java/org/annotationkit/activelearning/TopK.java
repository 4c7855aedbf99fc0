package org.annotationkit.activelearning;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.LongFunction;
import org.annotationkit.core.accumulator.Accumulator;
import org.jspecify.annotations.Nullable;

/**
 * The {@code k} best-scoring items seen so far, as a mergeable {@linkplain Accumulator
 * accumulator}: a bounded heap of (score, position) pairs, so selecting from a pool of {@code n}
 * items costs {@code O(n log k)} and never sorts the pool. Higher scores rank first; of equal
 * scores the earlier position wins; NaN scores are never kept.
 *
 * <p>Positions are those of the whole pool, so selections over parts of a pool (threads, or the
 * workers of a distributed engine) merge into the selection over the whole, in any order: the
 * result depends only on the set of (position, score) pairs added. Identifiers are looked up
 * through the function given at construction, once an item is in a result (or merged into another
 * accumulator), never for the items that do not make it.
 *
 * <p>Mutable and not thread-safe; give each thread its own and merge them.
 *
 * @since 0.1.0
 */
public final class TopK implements Accumulator<TopK, List<Pick>> {
  private final int k;
  private final LongFunction<String> ids;
  private final double[] scores;
  private final long[] positions;
  private final @Nullable String[] names;
  private int size;

  /**
   * An empty selection of at most {@code k} items.
   *
   * @param k how many items to keep, {@code >= 0}
   * @param ids the identifier of the item at a position of the whole pool
   */
  public TopK(int k, LongFunction<String> ids) {
    if (k < 0) {
      throw new IllegalArgumentException("k must be >= 0, got " + k);
    }
    this.k = k;
    this.ids = Objects.requireNonNull(ids, "ids");
    this.scores = new double[k];
    this.positions = new long[k];
    this.names = new String[k];
  }

  /**
   * An empty selection over a pool's identifiers, positions counted from 0.
   *
   * @param k how many items to keep
   * @param ids the pool's identifiers
   */
  public TopK(int k, ItemIds ids) {
    this(k, position -> ids.id(Math.toIntExact(position)));
  }

  /**
   * How many items are kept at most.
   *
   * @return {@code k}
   */
  public int capacity() {
    return k;
  }

  /**
   * How many items are kept now.
   *
   * @return the number of items, at most {@code k}
   */
  public int size() {
    return size;
  }

  /**
   * The score an item must beat to get in: the lowest kept score once {@code k} items are kept (an
   * item with that score gets in only if it comes earlier than the kept one), else negative
   * infinity.
   *
   * @return the threshold
   */
  public double threshold() {
    return size < k ? Double.NEGATIVE_INFINITY : (k == 0 ? Double.POSITIVE_INFINITY : scores[0]);
  }

  /**
   * Offers an item.
   *
   * @param position its position in the whole pool, {@code >= 0}
   * @param score its utility (NaN is ignored)
   * @return whether it was kept (it may be pushed out later)
   */
  public boolean add(long position, double score) {
    return offer(position, score, null);
  }

  private boolean offer(long position, double score, @Nullable String name) {
    if (Double.isNaN(score) || k == 0) {
      return false;
    }
    if (size < k) {
      int at = size++;
      scores[at] = score;
      positions[at] = position;
      names[at] = name;
      siftUp(at);
      return true;
    }
    if (!better(score, position, scores[0], positions[0])) {
      return false;
    }
    scores[0] = score;
    positions[0] = position;
    names[0] = name;
    siftDown(0);
    return true;
  }

  /** Whether (s, p) ranks before (t, q): higher score, or the same score and earlier. */
  private static boolean better(double s, long p, double t, long q) {
    return s > t || (s == t && p < q);
  }

  private void siftUp(int at) {
    int i = at;
    while (i > 0) {
      int parent = (i - 1) >>> 1;
      if (!better(scores[parent], positions[parent], scores[i], positions[i])) {
        break;
      }
      swap(i, parent);
      i = parent;
    }
  }

  private void siftDown(int at) {
    int i = at;
    while (true) {
      int left = 2 * i + 1;
      if (left >= size) {
        return;
      }
      int worst = left;
      int right = left + 1;
      if (right < size && better(scores[left], positions[left], scores[right], positions[right])) {
        worst = right;
      }
      if (!better(scores[i], positions[i], scores[worst], positions[worst])) {
        return;
      }
      swap(i, worst);
      i = worst;
    }
  }

  private void swap(int a, int b) {
    double s = scores[a];
    scores[a] = scores[b];
    scores[b] = s;
    long p = positions[a];
    positions[a] = positions[b];
    positions[b] = p;
    String n = names[a];
    names[a] = names[b];
    names[b] = n;
  }

  private String name(int at) {
    String name = names[at];
    if (name == null) {
      name = Objects.requireNonNull(ids.apply(positions[at]), "ids gave null");
      names[at] = name;
    }
    return name;
  }

  @Override
  public void merge(TopK other) {
    Objects.requireNonNull(other, "other");
    if (other.k != k) {
      throw new IllegalArgumentException(
          "cannot merge a top-" + other.k + " selection into a top-" + k + " one");
    }
    for (int i = 0; i < other.size; i++) {
      if (size < k || better(other.scores[i], other.positions[i], scores[0], positions[0])) {
        offer(other.positions[i], other.scores[i], other.name(i));
      }
    }
  }

  @Override
  public List<Pick> finish() {
    Integer[] order = new Integer[size];
    for (int i = 0; i < size; i++) {
      order[i] = i;
    }
    Arrays.sort(
        order,
        (a, b) ->
            better(scores[a], positions[a], scores[b], positions[b])
                ? -1
                : better(scores[b], positions[b], scores[a], positions[a]) ? 1 : 0);
    List<Pick> picks = new ArrayList<>(size);
    for (int r = 0; r < size; r++) {
      int at = order[r];
      picks.add(new Pick(r + 1, name(at), positions[at], scores[at]));
    }
    return List.copyOf(picks);
  }

  @Override
  public String toString() {
    return "TopK[" + size + " of " + k + "]";
  }
}
