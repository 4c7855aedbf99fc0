package org.annotationkit.metrics.agreement;

import java.util.Arrays;
import org.annotationkit.core.accumulator.Accumulator;
import org.jspecify.annotations.Nullable;

/**
 * Accumulates, for each number {@code m} of ratings a unit has, how many units had {@code m}
 * ratings, their category counts and their pair counts ({@code n_uc * n_uk} for two categories,
 * {@code n_uc * (n_uc - 1)} for one): the sufficient statistics of Krippendorff's alpha (the
 * coincidence matrix is {@code sum_m pairs_m / (m - 1)}), Fleiss' kappa, Gwet's AC1/AC2,
 * Brennan-Prediger and percent agreement (Gwet's generalisation weighs unit {@code u} by {@code 1 /
 * (m_u (m_u - 1))}).
 *
 * <p>Every statistic is an integer count, so merging is exact: any split of the units, merged in
 * any order, gives the same {@link UnitCounts}. Which rater gave which rating does not matter here
 * (see {@link RaterPairsAccumulator} for the coefficients where it does). Units without ratings are
 * skipped. Not thread-safe.
 *
 * {@snippet :
 * UnitCountsAccumulator left = new UnitCountsAccumulator(categories);
 * left.addRows(codes, raters, 0, half);          // one thread
 * UnitCountsAccumulator right = new UnitCountsAccumulator(categories);
 * right.addRows(codes, raters, half, units);     // another
 * left.merge(right);
 * Agreement alpha = left.finish().alpha(Level.NOMINAL);
 * }
 *
 * @since 0.1.0
 */
public final class UnitCountsAccumulator implements Accumulator<UnitCountsAccumulator, UnitCounts> {
  private final int q;

  /** Units with m ratings, by m. */
  private long[] units = new long[4];

  /** Category counts of the units with m ratings: {@code marginals[m][c]}. */
  private long[][] marginals = new long[4][];

  /** Pair counts of the units with m ratings, row-major {@code q * q}. */
  private long[][] pairs = new long[4][];

  /** Scratch: the count of each category in the current unit, and the categories it touched. */
  private final int[] count;

  private final int[] touched;

  /** The largest number of ratings a unit may have in the pattern table, or 0 without one. */
  private final int patternRatings;

  /**
   * For a unit of at most {@link #patternRatings} ratings, its category counts written as the
   * digits of one number in base {@code patternRatings + 1}: {@code patternDigit[c + 1]} is the
   * place value of category c (0 for a missing rating). Counting units by that number costs one
   * addition per rating and one increment per unit; the numbers are decoded in {@link #flush()}.
   */
  private final int[] patternDigit;

  private long @Nullable [] patterns;

  /** The most entries a pair-count matrix may have. */
  static final long MAX_SQUARE = 1L << 24;

  /** Pattern tables larger than this are not worth it. */
  private static final int MAX_PATTERNS = 1 << 16;

  /**
   * An empty accumulator over {@code categories} categories.
   *
   * @param categories the number of categories, {@code >= 1}
   */
  public UnitCountsAccumulator(int categories) {
    this(categories, 0);
  }

  /**
   * An empty accumulator over {@code categories} categories for units of at most {@code
   * maxRatingsPerUnit} ratings (the number of raters), which it counts faster when {@code
   * (maxRatingsPerUnit + 1)^categories} is small. Units with more ratings are still counted.
   *
   * @param categories the number of categories, {@code >= 1}
   * @param maxRatingsPerUnit the number of raters, or 0 for no hint
   */
  public UnitCountsAccumulator(int categories, int maxRatingsPerUnit) {
    if (categories < 1) {
      throw new IllegalArgumentException("need at least one category, got " + categories);
    }
    if ((long) categories * categories > MAX_SQUARE) {
      throw new IllegalArgumentException(
          categories
              + " categories are too many for the q x q pair counts of the kappa family; for"
              + " continuous values use interval or ordinal alpha or the ICC");
    }
    this.q = categories;
    this.count = new int[categories];
    this.touched = new int[categories];
    this.patternDigit = new int[categories + 1];
    long size = 1;
    for (int c = 0; c < categories && maxRatingsPerUnit > 0 && size <= MAX_PATTERNS; c++) {
      size *= maxRatingsPerUnit + 1;
    }
    if (maxRatingsPerUnit > 0 && size <= MAX_PATTERNS) {
      this.patternRatings = maxRatingsPerUnit;
      int place = 1;
      for (int c = 0; c < categories; c++) {
        patternDigit[c + 1] = place;
        place *= maxRatingsPerUnit + 1;
      }
    } else {
      this.patternRatings = 0;
    }
  }

  /**
   * The number of categories.
   *
   * @return the count
   */
  public int categoryCount() {
    return q;
  }

  /**
   * Adds one unit: the codes {@code codes[from..to)}, {@link RatingTable#MISSING} for none.
   *
   * @param codes category codes
   * @param from the first position
   * @param to the position after the last
   * @throws IllegalArgumentException if a code is outside the categories
   */
  public void addUnit(int[] codes, int from, int to) {
    if (to - from <= patternRatings) {
      addPattern(codes, from, to);
      return;
    }
    int distinct = 0;
    int m = 0;
    for (int i = from; i < to; i++) {
      int c = codes[i];
      if (c == RatingTable.MISSING) {
        continue;
      }
      if (c < 0 || c >= q) {
        clear(distinct);
        throw new IllegalArgumentException(
            "code " + c + " is outside the " + q + " categories (-1 is a missing rating)");
      }
      if (count[c]++ == 0) {
        touched[distinct++] = c;
      }
      m++;
    }
    record(m, distinct);
  }

  private void addPattern(int[] codes, int from, int to) {
    int key = 0;
    for (int i = from; i < to; i++) {
      int c = codes[i];
      if (c < RatingTable.MISSING || c >= q) {
        throw new IllegalArgumentException(
            "code " + c + " is outside the " + q + " categories (-1 is a missing rating)");
      }
      key += patternDigit[c + 1];
    }
    long[] table = patterns;
    if (table == null) {
      int size = patternDigit[q] * (patternRatings + 1);
      table = new long[size];
      patterns = table;
    }
    table[key]++;
  }

  /** Decodes the pattern table into the per-m statistics and empties it. */
  private void flush() {
    long[] table = patterns;
    if (table == null) {
      return;
    }
    patterns = null;
    decode(table);
  }

  private void decode(long[] table) {
    int base = patternRatings + 1;
    for (int key = 1; key < table.length; key++) {
      long times = table[key];
      if (times == 0) {
        continue;
      }
      int rest = key;
      int distinct = 0;
      int m = 0;
      for (int c = 0; c < q; c++) {
        int n = rest % base;
        rest /= base;
        if (n > 0) {
          count[c] = n;
          touched[distinct++] = c;
          m += n;
        }
      }
      record(m, distinct, times);
    }
  }

  /**
   * Adds one unit given as its count of ratings in each category (a row of a category-count table,
   * as Fleiss' kappa is often given).
   *
   * @param counts {@code categoryCount()} non-negative counts
   */
  public void addCounts(int[] counts) {
    if (counts.length != q) {
      throw new IllegalArgumentException(
          "a unit's counts need " + q + " entries, got " + counts.length);
    }
    int distinct = 0;
    int m = 0;
    for (int c = 0; c < q; c++) {
      if (counts[c] < 0) {
        clear(distinct);
        throw new IllegalArgumentException("counts must be >= 0, got " + counts[c]);
      }
      if (counts[c] > 0) {
        count[c] = counts[c];
        touched[distinct++] = c;
        m += counts[c];
      }
    }
    record(m, distinct);
  }

  /**
   * Adds the rows {@code [fromUnit, toUnit)} of a row-major table.
   *
   * @param codes the table, {@code raters} codes per unit
   * @param raters the row length
   * @param fromUnit the first row
   * @param toUnit the row after the last
   */
  public void addRows(int[] codes, int raters, int fromUnit, int toUnit) {
    if (raters <= patternRatings) {
      for (int u = fromUnit; u < toUnit; u++) {
        addPattern(codes, u * raters, u * raters + raters);
      }
      return;
    }
    for (int u = fromUnit; u < toUnit; u++) {
      addUnit(codes, u * raters, u * raters + raters);
    }
  }

  /**
   * Adds every unit of a table.
   *
   * @param table the table, over {@link #categoryCount()} categories
   */
  public void addTable(RatingTable table) {
    if (table.categoryCount() != q) {
      throw new IllegalArgumentException(
          "the table has " + table.categoryCount() + " categories, the accumulator " + q);
    }
    addRows(table.cells(), table.raterCount(), 0, table.unitCount());
  }

  private void clear(int distinct) {
    for (int i = 0; i < distinct; i++) {
      count[touched[i]] = 0;
    }
  }

  private void record(int m, int distinct) {
    record(m, distinct, 1);
  }

  private void record(int m, int distinct, long times) {
    if (m == 0) {
      clear(distinct);
      return;
    }
    ensure(m);
    units[m] += times;
    long[] marginal = marginals[m];
    long[] pair = m >= 2 ? pairs[m] : null;
    for (int i = 0; i < distinct; i++) {
      int c = touched[i];
      int nc = count[c];
      marginal[c] += nc * times;
      if (pair != null) {
        int row = c * q;
        pair[row + c] += (long) nc * (nc - 1) * times;
        for (int j = 0; j < distinct; j++) {
          if (j != i) {
            int k = touched[j];
            pair[row + k] += (long) nc * count[k] * times;
          }
        }
      }
    }
    clear(distinct);
  }

  private void ensure(int m) {
    if (m >= units.length) {
      int size = Math.max(m + 1, units.length * 2);
      units = Arrays.copyOf(units, size);
      marginals = Arrays.copyOf(marginals, size);
      pairs = Arrays.copyOf(pairs, size);
    }
    if (marginals[m] == null) {
      marginals[m] = new long[q];
      if (m >= 2) {
        pairs[m] = new long[q * q];
      }
    }
  }

  @Override
  public void merge(UnitCountsAccumulator other) {
    if (other.q != q) {
      throw new IllegalArgumentException(
          "cannot merge counts over " + other.q + " categories into counts over " + q);
    }
    long[] theirs = other.patterns;
    if (theirs != null) {
      if (patternRatings == other.patternRatings) {
        long[] mine = patterns;
        if (mine == null) {
          patterns = theirs.clone();
        } else {
          for (int i = 0; i < mine.length; i++) {
            mine[i] += theirs[i];
          }
        }
      } else {
        // Decode their patterns with their base, through a scratch accumulator.
        UnitCountsAccumulator scratch = new UnitCountsAccumulator(q, other.patternRatings);
        scratch.decode(theirs);
        merge(scratch);
      }
    }
    for (int m = 1; m < other.units.length; m++) {
      if (other.units[m] == 0 && other.marginals[m] == null) {
        continue;
      }
      ensure(m);
      units[m] += other.units[m];
      add(marginals[m], other.marginals[m]);
      if (m >= 2) {
        add(pairs[m], other.pairs[m]);
      }
    }
  }

  private static void add(long[] into, long @Nullable [] from) {
    if (from != null) {
      for (int i = 0; i < into.length; i++) {
        into[i] += from[i];
      }
    }
  }

  @Override
  public UnitCounts finish() {
    flush();
    int top = 0;
    for (int m = 1; m < units.length; m++) {
      if (units[m] > 0) {
        top = m;
      }
    }
    long[] u = Arrays.copyOf(units, top + 1);
    long[][] marg = new long[top + 1][];
    long[][] pair = new long[top + 1][];
    for (int m = 1; m <= top; m++) {
      marg[m] = marginals[m] == null ? new long[q] : marginals[m].clone();
      if (m >= 2) {
        pair[m] = pairs[m] == null ? new long[q * q] : pairs[m].clone();
      }
    }
    return new UnitCounts(q, u, marg, pair);
  }

  @Override
  public String toString() {
    return "UnitCountsAccumulator[" + q + " categories]";
  }
}
