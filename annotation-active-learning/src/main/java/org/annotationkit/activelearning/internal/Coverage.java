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

  private final float[] x;
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

  /** Makes item {@code item} a center, updating every item's distance. */
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
      update(a, between, 0, n);
      return;
    }
    int parts = threads * 2;
    List<Future<?>> futures = new ArrayList<>(parts);
    for (int p = 0; p < parts; p++) {
      int from = (int) ((long) n * p / parts);
      int to = (int) ((long) n * (p + 1) / parts);
      futures.add(pool.submit(() -> update(a, between, from, to)));
    }
    join(futures);
  }

  private void update(int a, float[] between, int from, int to) {
    int co = a * d;
    for (int i = from; i < to; i++) {
      float current = distance[i];
      int c = nearest[i];
      if (c >= 0 && between[c] >= 2 * current * SLACK) {
        continue;
      }
      float dist = (float) Math.sqrt(distance2(x, i * d, centers, co, d));
      if (dist < current) {
        distance[i] = dist;
        nearest[i] = a;
      }
    }
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

  private static void join(List<Future<?>> futures) {
    for (Future<?> f : futures) {
      get(f);
    }
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
