package org.annotationkit.metrics.agreement;

import org.annotationkit.core.accumulator.Accumulator;

/**
 * Accumulates one {@code q x q} contingency table per pair of raters (the units both rated) and
 * each rater's category counts: the sufficient statistics of Cohen's and weighted kappa, Scott's
 * pi, Light's kappa and the chance term of Conger's kappa. Counts are integers, so merging is
 * exact. Not thread-safe.
 *
 * @since 0.1.0
 */
public final class RaterPairsAccumulator implements Accumulator<RaterPairsAccumulator, RaterPairs> {
  private final int r;
  private final int q;
  private final long[] tables;
  private final long[] margins;

  /**
   * An empty accumulator.
   *
   * @param raters the number of raters, {@code >= 1}
   * @param categories the number of categories, {@code >= 1}
   */
  public RaterPairsAccumulator(int raters, int categories) {
    if (raters < 1 || categories < 1) {
      throw new IllegalArgumentException(
          "need at least one rater and one category, got " + raters + " and " + categories);
    }
    if ((long) categories * categories > UnitCountsAccumulator.MAX_SQUARE) {
      throw new IllegalArgumentException(
          categories
              + " categories are too many for the q x q contingency tables of the kappas; for"
              + " continuous values use interval or ordinal alpha or the ICC");
    }
    this.r = raters;
    this.q = categories;
    this.tables = new long[Math.multiplyExact(raters * (raters - 1) / 2, categories * categories)];
    this.margins = new long[raters * categories];
  }

  /**
   * The number of raters.
   *
   * @return the count
   */
  public int raterCount() {
    return r;
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
   * Adds one unit: the codes of the {@code raterCount()} raters at {@code codes[from..from+r)}.
   *
   * @param codes category codes, {@link RatingTable#MISSING} for none
   * @param from the position of the first rater's code
   */
  public void addUnit(int[] codes, int from) {
    int qq = q * q;
    int pair = 0;
    for (int a = 0; a < r; a++) {
      int ca = codes[from + a];
      if (ca == RatingTable.MISSING) {
        pair += r - 1 - a;
        continue;
      }
      check(ca);
      margins[a * q + ca]++;
      for (int b = a + 1; b < r; b++, pair++) {
        int cb = codes[from + b];
        if (cb != RatingTable.MISSING) {
          check(cb);
          tables[pair * qq + ca * q + cb]++;
        }
      }
    }
  }

  private void check(int code) {
    if (code < 0 || code >= q) {
      throw new IllegalArgumentException(
          "code " + code + " is outside the " + q + " categories (-1 is a missing rating)");
    }
  }

  /**
   * Adds every unit of a table.
   *
   * @param table the table, of {@link #raterCount()} raters over {@link #categoryCount()}
   *     categories
   */
  public void addTable(RatingTable table) {
    if (table.raterCount() != r || table.categoryCount() != q) {
      throw new IllegalArgumentException(
          "the table has "
              + table.raterCount()
              + " raters and "
              + table.categoryCount()
              + " categories, the accumulator "
              + r
              + " and "
              + q);
    }
    int[] cells = table.cells();
    for (int u = 0; u < table.unitCount(); u++) {
      addUnit(cells, u * r);
    }
  }

  @Override
  public void merge(RaterPairsAccumulator other) {
    if (other.r != r || other.q != q) {
      throw new IllegalArgumentException(
          "cannot merge pairs of "
              + other.r
              + " raters over "
              + other.q
              + " categories into pairs of "
              + r
              + " raters over "
              + q);
    }
    for (int i = 0; i < tables.length; i++) {
      tables[i] += other.tables[i];
    }
    for (int i = 0; i < margins.length; i++) {
      margins[i] += other.margins[i];
    }
  }

  @Override
  public RaterPairs finish() {
    return new RaterPairs(r, q, tables.clone(), margins.clone());
  }

  @Override
  public String toString() {
    return "RaterPairsAccumulator[" + r + " raters, " + q + " categories]";
  }
}
