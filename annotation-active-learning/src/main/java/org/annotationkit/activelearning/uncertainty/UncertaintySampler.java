package org.annotationkit.activelearning.uncertainty;

import java.util.List;
import java.util.Objects;
import org.annotationkit.activelearning.Layout;
import org.annotationkit.activelearning.Pick;
import org.annotationkit.activelearning.Probabilities;
import org.annotationkit.activelearning.TopK;
import org.annotationkit.activelearning.internal.Floor;
import org.annotationkit.activelearning.internal.Parallel;

/**
 * Picks the {@code k} most uncertain items of a pool by one {@link Uncertainty} score, in one fused
 * pass over each row and a bounded heap ({@link TopK}): the pool is never sorted, and only the
 * items that beat the heap's threshold touch it. Entropy is computed exactly, but only for rows
 * whose largest probability leaves room to beat the threshold (the entropy of a row is at most that
 * of a row with the same largest probability and the rest spread evenly), so most rows of a large
 * pool cost a maximum and a sum. The threshold that decides which rows are skipped is the higher of
 * the part's own and a {@linkplain Floor floor} that the parts of a pool share while they run, so a
 * part that starts late skips as much as one that has seen most of the pool: without it each part
 * would compute the entropy of every row until its own heap had filled and risen, and the parts
 * together would do several times the work of one thread. The floor only ever skips rows whose
 * entropy is below that of {@code k} rows of the pool, so the picks do not depend on it.
 *
 * <p>Values must be probabilities, non-negative: the float loops order values by their bit
 * patterns, which is the numeric order of non-negative floats (and puts NaN above every number, so
 * a row holding NaN gets a NaN score and is never picked).
 *
 * <p>Picks come in rank order (highest utility first; of equal utilities the earlier item). {@link
 * #select(Probabilities, int, int)} runs parts of the pool on several threads and merges their
 * selections, with the same result as one thread; {@link #accumulate(Probabilities, int, long)}
 * gives the mergeable selection over one part of a pool held elsewhere. Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class UncertaintySampler {
  /**
   * How far below the threshold a bound must fall before a row is skipped. A row whose sum is off 1
   * by {@code d} may exceed the bound by at most {@code d (|ln r| + 1)} for the rest {@code r} of
   * its mass, under {@code 5e-6 x 105} for the rows the bound is used on (the sum within {@link
   * #SUM_TOLERANCE} of 1, plus the rounding of the sum itself; {@code |ln r| < 104} for floats).
   */
  private static final double BOUND_MARGIN = 1e-3;

  /** How far from 1 a row's sum may be for the entropy bound to be used; others are computed. */
  private static final float SUM_TOLERANCE = 4e-6f;

  /** Items per block when class-major values are turned into rows. */
  private static final int BLOCK = 512;

  /** A part reads the shared floor when its row index has these bits clear (every 4,096 rows). */
  private static final int FLOOR_EVERY = (1 << 12) - 1;

  private final Uncertainty uncertainty;

  private UncertaintySampler(Uncertainty uncertainty) {
    this.uncertainty = Objects.requireNonNull(uncertainty, "uncertainty");
  }

  /**
   * A sampler by the given score.
   *
   * @param uncertainty the score
   * @return the sampler
   */
  public static UncertaintySampler of(Uncertainty uncertainty) {
    return new UncertaintySampler(uncertainty);
  }

  /**
   * The score this sampler ranks by.
   *
   * @return the score
   */
  public Uncertainty uncertainty() {
    return uncertainty;
  }

  /**
   * The {@code k} most uncertain items, on the calling thread.
   *
   * @param pool the pool's probabilities
   * @param k how many to pick, {@code >= 0} (fewer when the pool is smaller)
   * @return the picks in rank order
   */
  public List<Pick> select(Probabilities pool, int k) {
    return select(pool, k, 1);
  }

  /**
   * The {@code k} most uncertain items, the pool split over {@code threads} threads.
   *
   * @param pool the pool's probabilities
   * @param k how many to pick, {@code >= 0}
   * @param threads how many threads, {@code 0} for every available processor
   * @return the picks in rank order, the same for any number of threads
   */
  public List<Pick> select(Probabilities pool, int k, int threads) {
    Objects.requireNonNull(pool, "pool");
    int t = Parallel.threads(threads);
    Cuts cuts = uncertainty == Uncertainty.ENTROPY ? new Cuts(pool.classes()) : Cuts.NONE;
    return Parallel.topK(
            pool.items(),
            t,
            (from, to, floor) -> scan(pool, k, from, to, 0, floor, cuts),
            new TopK(k, pool.ids()))
        .finish();
  }

  /**
   * The mergeable selection over a part of a larger pool: the part's items are at positions {@code
   * firstPosition, firstPosition + 1, ...} of the whole, which break ties between parts.
   *
   * @param part the part's probabilities, with its items' identifiers
   * @param k how many to keep
   * @param firstPosition the position of the part's first item in the whole pool
   * @return the selection, to {@linkplain TopK#merge(TopK) merge} with the other parts'
   */
  public TopK accumulate(Probabilities part, int k, long firstPosition) {
    Objects.requireNonNull(part, "part");
    if (firstPosition < 0) {
      throw new IllegalArgumentException("firstPosition must be >= 0, got " + firstPosition);
    }
    Cuts cuts = uncertainty == Uncertainty.ENTROPY ? new Cuts(part.classes()) : Cuts.NONE;
    return scan(part, k, 0, part.items(), firstPosition, new Floor(), cuts);
  }

  /** The selection over items [from, to) of a pool, at positions shifted by {@code shift}. */
  private TopK scan(
      Probabilities pool, int k, int from, int to, long shift, Floor floor, Cuts cuts) {
    TopK top = new TopK(k, position -> pool.ids().id(Math.toIntExact(position - shift)));
    int c = pool.classes();
    if (pool.layout() == Layout.ROW_MAJOR) {
      if (pool.isFloat()) {
        Kernels.floats(uncertainty, pool.floats(), c, from, to, shift, top, floor, cuts);
      } else {
        Kernels.doubles(uncertainty, pool.doubles(), c, from, to, shift, top, floor, cuts);
      }
      return top;
    }
    double[] block = new double[BLOCK * c];
    int n = pool.items();
    for (int start = from; start < to; start += BLOCK) {
      int end = Math.min(to, start + BLOCK);
      int len = end - start;
      if (pool.isFloat()) {
        float[] v = pool.floats();
        for (int j = 0; j < c; j++) {
          int base = j * n;
          for (int i = 0; i < len; i++) {
            block[i * c + j] = v[base + start + i];
          }
        }
      } else {
        double[] v = pool.doubles();
        for (int j = 0; j < c; j++) {
          int base = j * n;
          for (int i = 0; i < len; i++) {
            block[i * c + j] = v[base + start + i];
          }
        }
      }
      Kernels.doubles(uncertainty, block, c, 0, len, shift + start, top, floor, cuts);
    }
    return top;
  }

  /**
   * {@link Kernels#cut(double, int)} from a table, without a logarithm: a selection changes its
   * threshold thousands of times, and each exact cut is a bisection of 50 steps with two logarithms
   * each. The table holds the entropy bound at {@link #STEPS} + 1 evenly spaced largest
   * probabilities from {@code 1/c} to 1, each raised to the largest bound at or after it (so the
   * table falls, whatever the rounding); the cut of a threshold is the first tabled probability
   * whose bound is at or below it less {@link #BOUND_MARGIN}. That is at or above the exact cut and
   * at most one step (under {@code 1/}{@value #STEPS}) past it: a few more rows are computed, never
   * one too few skipped. Immutable, shared by the parts of a selection.
   */
  static final class Cuts {
    /** The number of steps of the table. */
    static final int STEPS = 2048;

    /** No table: for the scores that do not skip by a bound. */
    static final Cuts NONE = new Cuts(1);

    private final double[] largest;
    private final double[] bounds;

    Cuts(int classes) {
      if (classes < 2) {
        largest = new double[0];
        bounds = new double[0];
        return;
      }
      largest = new double[STEPS + 1];
      bounds = new double[STEPS + 1];
      double lo = 1.0 / classes;
      for (int i = 0; i <= STEPS; i++) {
        largest[i] = i == STEPS ? 1.0 : lo + (1.0 - lo) * i / STEPS;
        bounds[i] = Kernels.bound(largest[i], classes);
      }
      for (int i = STEPS - 1; i >= 0; i--) {
        bounds[i] = Math.max(bounds[i], bounds[i + 1]);
      }
    }

    /**
     * The largest probability above which a row (summing to 1) cannot reach entropy {@code t}.
     *
     * @param t the threshold
     * @return the cut, positive infinity when nothing can be skipped
     */
    double cut(double t) {
      double target = t - BOUND_MARGIN;
      if (bounds.length == 0 || !(target > 0) || Double.isInfinite(t)) {
        return Double.POSITIVE_INFINITY;
      }
      if (target >= bounds[0]) {
        return largest[0];
      }
      // The first index whose bound is <= target: bounds fall, and bounds[STEPS] is 0 < target.
      int lo = 0;
      int hi = STEPS;
      while (hi - lo > 1) {
        int mid = (lo + hi) >>> 1;
        if (bounds[mid] <= target) {
          hi = mid;
        } else {
          lo = mid;
        }
      }
      return largest[hi];
    }
  }

  /** The fused per-row loops, one per score and element type. */
  static final class Kernels {
    private Kernels() {}

    static void floats(
        Uncertainty u,
        float[] v,
        int c,
        int from,
        int to,
        long shift,
        TopK top,
        Floor floor,
        Cuts cuts) {
      switch (u) {
        case LEAST_CONFIDENCE -> leastConfidence(v, c, from, to, shift, top);
        case MARGIN, RATIO -> topTwo(u, v, c, from, to, shift, top);
        case ENTROPY -> entropy(v, c, from, to, shift, top, floor, cuts);
      }
    }

    static void doubles(
        Uncertainty u,
        double[] v,
        int c,
        int from,
        int to,
        long shift,
        TopK top,
        Floor floor,
        Cuts cuts) {
      switch (u) {
        case LEAST_CONFIDENCE -> leastConfidence(v, c, from, to, shift, top);
        case MARGIN, RATIO -> topTwo(u, v, c, from, to, shift, top);
        case ENTROPY -> entropy(v, c, from, to, shift, top, floor, cuts);
      }
    }

    /**
     * The largest value and the sum of {@code v[o .. o + c)}, packed as the bits of two floats
     * (largest in the high half). Non-negative floats order as their bit patterns do as ints, so
     * the maximum is taken over ints, which the JIT turns into conditional moves without branches;
     * the values are read in groups of four whose maxima form a tree, not one long chain.
     */
    static long maxSum(float[] v, int o, int c) {
      int end = o + c;
      int m = Integer.MIN_VALUE;
      float s = 0;
      int j = o;
      for (; j + 3 < end; j += 4) {
        float a0 = v[j];
        float a1 = v[j + 1];
        float a2 = v[j + 2];
        float a3 = v[j + 3];
        m =
            Math.max(
                m,
                Math.max(
                    Math.max(Float.floatToRawIntBits(a0), Float.floatToRawIntBits(a1)),
                    Math.max(Float.floatToRawIntBits(a2), Float.floatToRawIntBits(a3))));
        s += (a0 + a1) + (a2 + a3);
      }
      for (; j < end; j++) {
        float a = v[j];
        m = Math.max(m, Float.floatToRawIntBits(a));
        s += a;
      }
      return ((long) m << 32) | (Float.floatToRawIntBits(s) & 0xFFFFFFFFL);
    }

    /**
     * The two largest values of {@code v[o .. o + c)} (the second equal to the first when the
     * largest occurs twice), packed as float bits, by the same int ordering as {@link #maxSum}: a
     * pair's larger and smaller values, merged pair by pair without a branch.
     */
    static long topTwo(float[] v, int o, int c) {
      int end = o + c;
      int h = Integer.MIN_VALUE;
      int l = Integer.MIN_VALUE;
      int j = o;
      for (; j + 3 < end; j += 4) {
        int a0 = Float.floatToRawIntBits(v[j]);
        int a1 = Float.floatToRawIntBits(v[j + 1]);
        int a2 = Float.floatToRawIntBits(v[j + 2]);
        int a3 = Float.floatToRawIntBits(v[j + 3]);
        int h1 = Math.max(a0, a1);
        int l1 = Math.min(a0, a1);
        int h2 = Math.max(a2, a3);
        int l2 = Math.min(a2, a3);
        int hh = Math.max(h1, h2);
        int ll = Math.max(Math.min(h1, h2), Math.max(l1, l2));
        l = Math.max(Math.min(h, hh), Math.max(l, ll));
        h = Math.max(h, hh);
      }
      for (; j < end; j++) {
        int a = Float.floatToRawIntBits(v[j]);
        l = Math.max(l, Math.min(h, a));
        h = Math.max(h, a);
      }
      return ((long) h << 32) | (l & 0xFFFFFFFFL);
    }

    static float high(long packed) {
      return Float.intBitsToFloat((int) (packed >>> 32));
    }

    static float low(long packed) {
      return Float.intBitsToFloat((int) packed);
    }

    private static void leastConfidence(float[] v, int c, int from, int to, long shift, TopK top) {
      double t = top.threshold();
      int o = from * c;
      for (int r = from; r < to; r++, o += c) {
        double s = 1.0 - high(maxSum(v, o, c));
        if (s > t) {
          top.add(r + shift, s);
          t = top.threshold();
        }
      }
    }

    private static void leastConfidence(double[] v, int c, int from, int to, long shift, TopK top) {
      double t = top.threshold();
      int o = from * c;
      for (int r = from; r < to; r++, o += c) {
        double m = v[o];
        for (int j = o + 1; j < o + c; j++) {
          double x = v[j];
          m = x > m ? x : m;
        }
        double s = 1.0 - m;
        if (s > t) {
          top.add(r + shift, s);
          t = top.threshold();
        }
      }
    }

    /** Margin and ratio from the exact two largest values of each row. */
    private static void topTwo(
        Uncertainty u, float[] v, int c, int from, int to, long shift, TopK top) {
      boolean margin = u == Uncertainty.MARGIN;
      double t = top.threshold();
      int o = from * c;
      for (int r = from; r < to; r++, o += c) {
        long two = topTwo(v, o, c);
        double m1 = high(two);
        // One class: no second value (its bits stay Integer.MIN_VALUE, which is -0.0f).
        double m2 = c == 1 ? 0.0 : low(two);
        double s = margin ? 1.0 - (m1 - m2) : u.fromTopTwo(m1, m2);
        if (s > t) {
          top.add(r + shift, s);
          t = top.threshold();
        }
      }
    }

    private static void topTwo(
        Uncertainty u, double[] v, int c, int from, int to, long shift, TopK top) {
      boolean margin = u == Uncertainty.MARGIN;
      double t = top.threshold();
      int o = from * c;
      for (int r = from; r < to; r++, o += c) {
        double m1 = Double.NEGATIVE_INFINITY;
        double m2 = c == 1 ? 0.0 : Double.NEGATIVE_INFINITY;
        for (int j = o; j < o + c; j++) {
          double x = v[j];
          double lo = x > m1 ? m1 : x;
          m1 = x > m1 ? x : m1;
          m2 = lo > m2 ? lo : m2;
        }
        double s = margin ? 1.0 - (m1 - m2) : u.fromTopTwo(m1, m2);
        if (s > t) {
          top.add(r + shift, s);
          t = top.threshold();
        }
      }
    }

    /**
     * Entropy over float rows. {@code t} is the part's own threshold, {@code f} the pool's floor as
     * last read; a row is skipped when its bound is below the higher of the two, and offered when
     * its entropy beats {@code t} and reaches {@code f}.
     */
    private static void entropy(
        float[] v, int c, int from, int to, long shift, TopK top, Floor floor, Cuts cuts) {
      double t = top.threshold();
      double f = floor.get();
      double cut = cuts.cut(Math.max(t, f));
      int o = from * c;
      for (int r = from; r < to; r++, o += c) {
        if ((r & FLOOR_EVERY) == 0) {
          double now = floor.get();
          if (now > f) {
            f = now;
            cut = cuts.cut(Math.max(t, f));
          }
        }
        long ms = maxSum(v, o, c);
        if (high(ms) > cut && Math.abs(low(ms) - 1f) <= SUM_TOLERANCE) {
          continue;
        }
        double h = 0;
        for (int j = o; j < o + c; j++) {
          double p = v[j];
          if (p > 0) {
            h -= p * Math.log(p);
          }
        }
        if (h > t && h >= f) {
          top.add(r + shift, h);
          t = top.threshold();
          floor.raise(t);
          cut = cuts.cut(Math.max(t, f));
        }
      }
    }

    /**
     * Entropy over double rows, as {@link #entropy(float[], int, int, int, long, TopK, Floor,
     * Cuts)}.
     */
    private static void entropy(
        double[] v, int c, int from, int to, long shift, TopK top, Floor floor, Cuts cuts) {
      double t = top.threshold();
      double f = floor.get();
      double cut = cuts.cut(Math.max(t, f));
      int o = from * c;
      for (int r = from; r < to; r++, o += c) {
        if ((r & FLOOR_EVERY) == 0) {
          double now = floor.get();
          if (now > f) {
            f = now;
            cut = cuts.cut(Math.max(t, f));
          }
        }
        double m = v[o];
        double sum = m;
        for (int j = o + 1; j < o + c; j++) {
          double x = v[j];
          m = x > m ? x : m;
          sum += x;
        }
        if (m > cut && Math.abs(sum - 1.0) <= SUM_TOLERANCE) {
          continue;
        }
        double h = 0;
        for (int j = o; j < o + c; j++) {
          double p = v[j];
          if (p > 0) {
            h -= p * Math.log(p);
          }
        }
        if (h > t && h >= f) {
          top.add(r + shift, h);
          t = top.threshold();
          floor.raise(t);
          cut = cuts.cut(Math.max(t, f));
        }
      }
    }

    /**
     * The largest probability above which a row cannot reach entropy {@code t}: the bound {@code -m
     * ln m - (1 - m) ln((1 - m) / (c - 1))} is the entropy of the most even row whose largest
     * probability is {@code m}, and falls from {@code ln c} at {@code m = 1/c} to 0 at {@code m =
     * 1}. Positive infinity when nothing can be skipped.
     */
    static double cut(double t, int c) {
      double target = t - BOUND_MARGIN;
      if (c < 2 || !(target > 0) || Double.isInfinite(t)) {
        return Double.POSITIVE_INFINITY;
      }
      double lo = 1.0 / c;
      if (target >= Math.log(c)) {
        return lo;
      }
      double hi = 1.0;
      for (int i = 0; i < 50; i++) {
        double mid = 0.5 * (lo + hi);
        if (bound(mid, c) > target) {
          lo = mid;
        } else {
          hi = mid;
        }
      }
      return hi;
    }

    static double bound(double m, int c) {
      double rest = 1.0 - m;
      double h = m > 0 ? -m * Math.log(m) : 0;
      if (rest > 0) {
        h -= rest * Math.log(rest / (c - 1));
      }
      return h;
    }
  }
}
