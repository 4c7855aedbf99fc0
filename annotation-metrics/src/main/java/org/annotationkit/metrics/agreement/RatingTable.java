package org.annotationkit.metrics.agreement;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.annotationkit.core.coding.LabelCoding;
import org.annotationkit.metrics.data.Answers;
import org.jspecify.annotations.Nullable;

/**
 * A units-by-raters table of category codes with missing cells: what every coefficient of this
 * package reads. Row-major: the code of rater {@code r} for unit {@code u} is {@link #code(int,
 * int) code(u, r)}, {@link #MISSING} when that rater gave none. A missing cell is never a category.
 *
 * <p>Immutable; {@link #codes()} copies. Made from {@link Answers} (one answer per annotator and
 * item), or from a plain array for a caller who codes its own data.
 *
 * @since 0.1.0
 */
public final class RatingTable {
  /** The code of a missing rating. */
  public static final int MISSING = -1;

  private final LabelCoding units;
  private final LabelCoding raters;
  private final LabelCoding categories;
  private final int[] codes;
  private final double @Nullable [] values;

  private RatingTable(
      LabelCoding units,
      LabelCoding raters,
      LabelCoding categories,
      int[] codes,
      double @Nullable [] values) {
    this.units = units;
    this.raters = raters;
    this.categories = categories;
    this.codes = codes;
    this.values = values;
  }

  /**
   * The table of categorical answers: one row per item, one column per annotator.
   *
   * @param answers the answers, at most one per annotator and item
   * @return the table; the categories keep the answers' coding, and their numeric values when every
   *     label is a number
   * @throws IllegalArgumentException if an annotator answered an item twice
   */
  public static RatingTable of(Answers answers) {
    Objects.requireNonNull(answers, "answers");
    int n = answers.itemCount();
    int r = answers.annotatorCount();
    int[] codes = new int[Math.multiplyExact(n, r)];
    Arrays.fill(codes, MISSING);
    for (int u = 0; u < n; u++) {
      for (int k = answers.start(u); k < answers.end(u); k++) {
        int cell = u * r + answers.annotator(k);
        if (codes[cell] != MISSING) {
          throw new IllegalArgumentException(
              "annotator '"
                  + answers.annotators().label(answers.annotator(k))
                  + "' gave item '"
                  + answers.items().label(u)
                  + "' two answers; agreement needs one answer per annotator and item");
        }
        codes[cell] = answers.label(k);
      }
    }
    return new RatingTable(
        answers.items(),
        answers.annotators(),
        answers.labels(),
        codes,
        answers.categoryValues().orElse(null));
  }

  /**
   * A table from codes, units and raters named by their positions ({@code "1"}, {@code "2"}, ...).
   *
   * @param raters the number of raters, {@code >= 1}
   * @param codes the codes, row-major, {@code units * raters} of them; {@link #MISSING} for none
   * @param categories the categories; every code is below its size
   * @return the table (the array is copied)
   * @throws IllegalArgumentException if the length is not a multiple of {@code raters} or a code is
   *     out of range
   */
  public static RatingTable of(int raters, int[] codes, LabelCoding categories) {
    Objects.requireNonNull(codes, "codes");
    Objects.requireNonNull(categories, "categories");
    if (raters < 1 || codes.length % raters != 0) {
      throw new IllegalArgumentException(
          "a table of "
              + raters
              + " raters needs a multiple of "
              + raters
              + " codes, got "
              + codes.length);
    }
    for (int i = 0; i < codes.length; i++) {
      if (codes[i] < MISSING || codes[i] >= categories.size()) {
        throw new IllegalArgumentException(
            "code "
                + codes[i]
                + " of unit "
                + (i / raters + 1)
                + ", rater "
                + (i % raters + 1)
                + " is outside the "
                + categories.size()
                + " categories (use -1 for a missing rating)");
      }
    }
    return new RatingTable(
        numbered(codes.length / raters),
        numbered(raters),
        categories,
        codes.clone(),
        numericValues(categories));
  }

  /**
   * A table from rows of labels, {@code null} for a missing rating; categories in natural order of
   * the labels seen (numbers by value). For tests and small examples.
   *
   * @param rows one array of labels per unit, all of the same length
   * @return the table
   */
  public static RatingTable ofLabels(String[]... rows) {
    Answers.Builder builder = Answers.builder();
    for (int u = 0; u < rows.length; u++) {
      for (int r = 0; r < rows[u].length; r++) {
        String label = rows[u][r];
        if (label != null) {
          builder.add(String.format("%06d", u + 1), String.format("%03d", r + 1), label);
        }
      }
    }
    RatingTable table = of(builder.build());
    int raters = rows.length == 0 ? 0 : rows[0].length;
    if (table.raterCount() == raters && table.unitCount() == rows.length) {
      return table;
    }
    // Keep raters or units that gave no rating at all: re-lay the table over all of them.
    int[] codes = new int[rows.length * raters];
    Arrays.fill(codes, MISSING);
    for (int u = 0; u < rows.length; u++) {
      for (int r = 0; r < raters; r++) {
        if (rows[u][r] != null) {
          codes[u * raters + r] = table.categories.code(rows[u][r]);
        }
      }
    }
    return new RatingTable(
        numbered(rows.length), numbered(raters), table.categories, codes, table.values);
  }

  private static double @Nullable [] numericValues(LabelCoding categories) {
    double[] values = new double[categories.size()];
    for (int c = 0; c < values.length; c++) {
      try {
        values[c] = Double.parseDouble(categories.label(c));
      } catch (NumberFormatException e) {
        return null;
      }
      if (!Double.isFinite(values[c])) {
        return null;
      }
    }
    return values;
  }

  private static LabelCoding numbered(int count) {
    List<String> names = new ArrayList<>(count);
    for (int i = 1; i <= count; i++) {
      names.add(Integer.toString(i));
    }
    return LabelCoding.of(names);
  }

  /**
   * The same table over another category set that holds every category used (the declared set of a
   * field, with categories nobody chose).
   *
   * @param declared the categories
   * @return the recoded table
   * @throws org.annotationkit.core.coding.UnknownLabelException naming a category used here that
   *     {@code declared} lacks
   */
  public RatingTable withCategories(LabelCoding declared) {
    Objects.requireNonNull(declared, "declared");
    int[] map = new int[categories.size()];
    for (int c = 0; c < map.length; c++) {
      map[c] = declared.code(categories.label(c));
    }
    int[] recoded = new int[codes.length];
    for (int i = 0; i < codes.length; i++) {
      recoded[i] = codes[i] == MISSING ? MISSING : map[codes[i]];
    }
    return new RatingTable(units, raters, declared, recoded, numericValues(declared));
  }

  /**
   * The table of some of the units, in the given order, repeats allowed (a bootstrap sample).
   *
   * @param rows the unit positions
   * @return the table
   */
  RatingTable rows(int[] rows) {
    int r = raters.size();
    int[] picked = new int[rows.length * r];
    List<String> ids = new ArrayList<>(rows.length);
    for (int i = 0; i < rows.length; i++) {
      System.arraycopy(codes, rows[i] * r, picked, i * r, r);
      ids.add(Integer.toString(i + 1));
    }
    return new RatingTable(LabelCoding.of(ids), raters, categories, picked, values);
  }

  /**
   * The table of two raters.
   *
   * @param a a rater's position
   * @param b another rater's position
   * @return the two-column table, all units kept
   */
  RatingTable raters(int a, int b) {
    int r = raters.size();
    int n = unitCount();
    int[] picked = new int[n * 2];
    for (int u = 0; u < n; u++) {
      picked[2 * u] = codes[u * r + a];
      picked[2 * u + 1] = codes[u * r + b];
    }
    return new RatingTable(
        units, LabelCoding.of(raters.label(a), raters.label(b)), categories, picked, values);
  }

  /**
   * The units, in row order.
   *
   * @return the coding
   */
  public LabelCoding units() {
    return units;
  }

  /**
   * The raters, in column order.
   *
   * @return the coding
   */
  public LabelCoding raters() {
    return raters;
  }

  /**
   * The categories.
   *
   * @return the coding
   */
  public LabelCoding categories() {
    return categories;
  }

  /**
   * The number of rows.
   *
   * @return the count
   */
  public int unitCount() {
    return units.size();
  }

  /**
   * The number of columns.
   *
   * @return the count
   */
  public int raterCount() {
    return raters.size();
  }

  /**
   * The number of categories.
   *
   * @return the count
   */
  public int categoryCount() {
    return categories.size();
  }

  /**
   * The code of a cell.
   *
   * @param unit the row
   * @param rater the column
   * @return the category code, or {@link #MISSING}
   */
  public int code(int unit, int rater) {
    return codes[
        Objects.checkIndex(unit, unitCount()) * raterCount()
            + Objects.checkIndex(rater, raterCount())];
  }

  /**
   * Every cell, row-major, a copy.
   *
   * @return {@code unitCount() * raterCount()} codes
   */
  public int[] codes() {
    return codes.clone();
  }

  /** The cells without a copy, for this package's passes. */
  int[] cells() {
    return codes;
  }

  /**
   * The numeric value of each category, when every category label is a number.
   *
   * @return the values by code, a copy
   */
  public Optional<double[]> categoryValues() {
    return values == null ? Optional.empty() : Optional.of(values.clone());
  }

  /**
   * The number of ratings (cells that are not missing).
   *
   * @return the count
   */
  public long ratingCount() {
    long count = 0;
    for (int code : codes) {
      if (code != MISSING) {
        count++;
      }
    }
    return count;
  }

  @Override
  public String toString() {
    return "RatingTable["
        + unitCount()
        + " units, "
        + raterCount()
        + " raters, "
        + categoryCount()
        + " categories, "
        + ratingCount()
        + " ratings]";
  }
}
