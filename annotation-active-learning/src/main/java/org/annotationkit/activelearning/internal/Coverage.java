package org.annotationkit.activelearning.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;
import org.annotationkit.activelearning.Embeddings;
import org.jspecify.annotations.Nullable;

/**
 * The distance of every item to its nearest center (labeled or picked items), kept up to date as
 * centers are added: one array of distances and one of nearest-center numbers, never an N x N
 * matrix. Adding a center skips, by the triangle inequality, every item whose nearest center is at
 * least twice its distance away from the new one ({@code d(x, new) >= d(c, new) - d(x, c) >= d(x,
 * c)}), so on structured data most items cost a comparison instead of a distance. Work is split
 * over threads by ranges of items. Not thread-safe; machinery the diversity and batch samplers
 * share.
 */
public final class Coverage implements AutoCloseable {
  /** Relative slack on the triangle test, for the float rounding of distances. */
  private static final float SLACK = 1.0001f;

  /** Items per tile of the blocked copy: the tile kernel's inner loop, which the JIT vectorises. */
  static final int TILE = 256;

  /**
   * Below this many items of a tile to measure, they are measured one by one on the row-major
   * values rather than by the tile kernel, which reads the whole tile.
   */
  private static final int SPARSE = 8;

  /** Relative slack on the coarse bound, far above the float rounding of a distance. */
  private static final float LOOSE = 1e-3f;

  private final float[] x;

  /**
   * The values again, coarsely: each dimension's range in 256 steps, stored as signed bytes in
   * tiles of {@link #TILE} items, dimension-major inside a tile ({@code codes[(t * d + j) * TILE +
   * l]} is dimension {@code j} of item {@code t * TILE + l}), zero-padded. A quarter of the bytes
   * of the values, read in vector steps: the coarse distance less the item's {@link #residual}
   * bounds the true distance from below, and most items are ruled out by that bound without reading
   * their row.
   */
  private final byte[] codes;

  /** The width of each dimension's step. */
  private final float[] step;

  /** The value of code 0 in each dimension. */
  private final float[] zero;

  /** Per item, at least the distance of its values from their coarse version. */
  private final float[] residual;

  /**
   * An absolute slack on the coarse bound: a few units in the last place of the largest magnitude
   * in the values, per dimension, for the rounding of differences of large values.
   */
  private float absolute;

  private final int tileCount;
  private int farthest = -1;
  private final int d;
  private final int n;
  public final float[] distance;
  private final int[] nearest;
  public final boolean[] taken;
  private float[] centers;
  private int centerCount;
  private final int threads;
  private final @Nullable ForkJoinPool pool;

  public Coverage(Embeddings embeddings, int threads) {
    this.x = embeddings.values();
    this.d = embeddings.dimensions();
    this.n = embeddings.items();
    this.tileCount = (n + TILE - 1) / TILE;
    this.codes = new byte[Math.multiplyExact(Math.multiplyExact(tileCount, TILE), d)];
    this.step = new float[d];
    this.zero = new float[d];
    this.residual = new float[n];
    quantize();
    this.distance = new float[n];
    Arrays.fill(distance, Float.POSITIVE_INFINITY);
    this.nearest = new int[n];
    Arrays.fill(nearest, -1);
    this.taken = new boolean[n];
    this.centers = new float[16 * d];
    this.threads = threads;
    this.pool = threads > 1 && n >= 1 << 14 ? new ForkJoinPool(threads) : null;
  }

  public int items() {
    return n;
  }

  public int centers() {
    return centerCount;
  }

  /**
   * Makes item {@code item} a center, updating every item's distance, and finds the untaken item
   * farthest from every center ({@link #farthest()}) in the same pass.
   */
  public void add(int item) {
    taken[item] = true;
    if ((centerCount + 1) * d > centers.length) {
      centers = Arrays.copyOf(centers, centers.length * 2);
    }
    int a = centerCount++;
    System.arraycopy(x, item * d, centers, a * d, d);
    float[] between = new float[a];
    for (int b = 0; b < a; b++) {
      between[b] = (float) Math.sqrt(distance2(centers, b * d, centers, a * d, d));
    }
    if (pool == null) {
      farthest = (int) update(a, between, 0, tileCount);
      return;
    }
    int parts = threads * 2;
    List<Future<Long>> futures = new ArrayList<>(parts);
    for (int p = 0; p < parts; p++) {
      int from = (int) ((long) tileCount * p / parts);
      int to = (int) ((long) tileCount * (p + 1) / parts);
      futures.add(pool.submit(() -> update(a, between, from, to)));
    }
    // Parts in item order, a later one only when strictly farther: ties go to the earliest item.
    int best = -1;
    for (Future<Long> f : futures) {
      long r = get(f);
      int i = (int) r;
      if (i >= 0 && (best < 0 || distance[i] > distance[best])) {
        best = i;
      }
    }
    farthest = best;
  }

  /**
   * The untaken item farthest from every center after the last {@link #add}, the earliest of equal
   * ones; -1 when every item is taken or there is no center.
   */
  public int farthest() {
    return farthest;
  }

  /**
   * Updates the items of tiles [fromTile, toTile) for new center {@code a}; returns the farthest
   * untaken item among them (-1 if none).
   */
  private long update(int a, float[] between, int fromTile, int toTile) {
    int co = a * d;
    float[] center = centers;
    float[] shift = new float[d];
    for (int j = 0; j < d; j++) {
      shift[j] = zero[j] - center[co + j];
    }
    float[] acc = new float[TILE];
    int[] measure = new int[TILE];
    int best = -1;
    float bestDistance = 0;
    for (int t = fromTile; t < toTile; t++) {
      int first = t * TILE;
      int last = Math.min(n, first + TILE);
      int count = 0;
      for (int i = first; i < last; i++) {
        int c = nearest[i];
        if (c >= 0 && between[c] >= 2 * distance[i] * SLACK) {
          continue;
        }
        measure[count++] = i;
      }
      if (count >= SPARSE) {
        coarse(codes, t * d * TILE, step, shift, d, acc);
        int kept = 0;
        for (int m = 0; m < count; m++) {
          int i = measure[m];
          // A lower bound on the distance, shrunk for the rounding of the float sums.
          float bound = (float) Math.sqrt(acc[i - first]) * (1 - LOOSE) - residual[i] - absolute;
          if (!(bound >= distance[i] * (1 + LOOSE))) {
            measure[kept++] = i;
          }
        }
        count = kept;
      }
      for (int m = 0; m < count; m++) {
        int i = measure[m];
        float dist = (float) Math.sqrt(sequential2(x, i * d, center, co, d));
        if (dist < distance[i]) {
          distance[i] = dist;
          nearest[i] = a;
        }
      }
      for (int i = first; i < last; i++) {
        float dist = distance[i];
        if (!taken[i] && (best < 0 || dist > bestDistance)) {
          best = i;
          bestDistance = dist;
        }
      }
    }
    return best;
  }

  /** Fills {@link #codes}, {@link #step}, {@link #zero} and {@link #residual}. */
  private void quantize() {
    float[] lo = new float[d];
    float[] hi = new float[d];
    Arrays.fill(lo, Float.POSITIVE_INFINITY);
    Arrays.fill(hi, Float.NEGATIVE_INFINITY);
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < d; j++) {
        float v = x[i * d + j];
        lo[j] = Math.min(lo[j], v);
        hi[j] = Math.max(hi[j], v);
      }
    }
    float magnitude = 0;
    for (int j = 0; j < d; j++) {
      magnitude = Math.max(magnitude, Math.max(Math.abs(lo[j]), Math.abs(hi[j])));
    }
    absolute = (float) (Math.sqrt(d) * magnitude * 1e-5);
    for (int j = 0; j < d; j++) {
      float width = (hi[j] - lo[j]) / 255f;
      step[j] = Float.isFinite(width) ? width : 0f;
      zero[j] = Float.isFinite(lo[j]) ? lo[j] + 128 * step[j] : 0f;
    }
    for (int i = 0; i < n; i++) {
      int base = (i / TILE) * d * TILE + i % TILE;
      double r = 0;
      for (int j = 0; j < d; j++) {
        float v = x[i * d + j];
        int code = 0;
        if (step[j] > 0) {
          code = Math.max(-128, Math.min(127, Math.round((v - zero[j]) / step[j])));
        }
        codes[base + j * TILE] = (byte) code;
        double e = (double) v - (code * step[j] + zero[j]);
        r += e * e;
      }
      // NaN or infinite values: no bound, the item is always measured.
      float bound = (float) Math.sqrt(r);
      residual[i] = Float.isFinite(bound) ? Math.nextUp(bound) : Float.POSITIVE_INFINITY;
    }
  }

  /**
   * The squared coarse distances of a tile's items to a center into {@code acc}: {@code (code x
   * step + zero - center)} per dimension, {@code shift} holding {@code zero - center}.
   */
  private static void coarse(
      byte[] codes, int to, float[] step, float[] shift, int d, float[] acc) {
    Arrays.fill(acc, 0f);
    for (int j = 0; j < d; j++) {
      float s = step[j];
      float b = shift[j];
      int o = to + j * TILE;
      for (int l = 0; l < TILE; l++) {
        float e = codes[o + l] * s + b;
        acc[l] += e * e;
      }
    }
  }

  /** The squared distance of two rows, summed over the dimensions in order. */
  static float sequential2(float[] a, int ao, float[] b, int bo, int d) {
    float s = 0;
    for (int j = 0; j < d; j++) {
      float e = a[ao + j] - b[bo + j];
      s += e * e;
    }
    return s;
  }

  /**
   * The untaken item of the highest {@code utility}, the earliest of equal ones; -1 when every item
   * is taken.
   */
  public int argmax(Utility utility) {
    if (pool == null) {
      return (int) best(utility, 0, n)[0];
    }
    int parts = threads * 2;
    List<Future<double[]>> futures = new ArrayList<>(parts);
    for (int p = 0; p < parts; p++) {
      int from = (int) ((long) n * p / parts);
      int to = (int) ((long) n * (p + 1) / parts);
      futures.add(pool.submit(() -> best(utility, from, to)));
    }
    int bestItem = -1;
    double bestScore = Double.NEGATIVE_INFINITY;
    for (Future<double[]> f : futures) {
      double[] r = get(f);
      if (r[0] >= 0 && (bestItem < 0 || r[1] > bestScore)) {
        bestItem = (int) r[0];
        bestScore = r[1];
      }
    }
    return bestItem;
  }

  private double[] best(Utility utility, int from, int to) {
    int bestItem = -1;
    double bestScore = Double.NEGATIVE_INFINITY;
    for (int i = from; i < to; i++) {
      if (taken[i]) {
        continue;
      }
      double s = utility.score(i, distance[i]);
      if (bestItem < 0 || s > bestScore) {
        bestItem = i;
        bestScore = s;
      }
    }
    return new double[] {bestItem, bestScore};
  }

  static float distance2(float[] a, int ao, float[] b, int bo, int d) {
    float s0 = 0;
    float s1 = 0;
    float s2 = 0;
    float s3 = 0;
    int j = 0;
    for (; j + 3 < d; j += 4) {
      float e0 = a[ao + j] - b[bo + j];
      float e1 = a[ao + j + 1] - b[bo + j + 1];
      float e2 = a[ao + j + 2] - b[bo + j + 2];
      float e3 = a[ao + j + 3] - b[bo + j + 3];
      s0 += e0 * e0;
      s1 += e1 * e1;
      s2 += e2 * e2;
      s3 += e3 * e3;
    }
    for (; j < d; j++) {
      float e = a[ao + j] - b[bo + j];
      s0 += e * e;
    }
    return (s0 + s1) + (s2 + s3);
  }

  private static <T> T get(Future<T> f) {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  @Override
  public void close() {
    if (pool != null) {
      pool.close();
    }
  }

  /** The utility of an untaken item given its distance to the nearest center. */
  @FunctionalInterface
  public interface Utility {
    double score(int item, float distance);
  }
}
