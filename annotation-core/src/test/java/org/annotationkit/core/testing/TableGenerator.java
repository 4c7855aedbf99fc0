package org.annotationkit.core.testing;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * Random tables for CSV tests: cells that stress quoting and encoding (empty, separators, quotes,
 * CR, LF and CRLF, a byte order mark, spaces at the ends, accented, CJK and supplementary
 * characters, in every position of a cell), numbers written in every way a table may hold them, and
 * whole tables whose first row is a header of distinct names.
 *
 * <p>Deterministic in its generator; not thread-safe.
 *
 * @since 0.1.0
 */
public final class TableGenerator {

  /** Pieces that a cell is made of; each is hard for a CSV reader or writer in its own way. */
  private static final String[] PIECES = {
    "a",
    "word",
    "two words",
    ",",
    ";",
    "\t",
    "\"",
    "\"\"",
    "\n",
    "\r",
    "\r\n",
    "\uFEFF",
    " ",
    "é",
    "naïve",
    "日本語",
    "😀",
    "𝔘𝔫𝔦",
    "👩‍👩‍👧",
    "\u2028",
    "0.5",
    "-1e-3",
    "NaN",
    "'",
    "\\",
    "=1+1"
  };

  private final RandomGenerator random;
  private final DomainGenerator domain;

  /**
   * A generator drawing from {@code random}.
   *
   * @param random the source of randomness, typically {@link Seeds#random(long)}
   */
  public TableGenerator(RandomGenerator random) {
    this.random = Objects.requireNonNull(random, "random");
    this.domain = new DomainGenerator(random);
  }

  /**
   * A random cell: empty one time in six, else one to five pieces that stress CSV (separators,
   * quotes, line breaks, a byte order mark, spaces, non-ASCII and supplementary characters) in any
   * position.
   *
   * @return the text of the cell, never with an unpaired surrogate
   */
  public String cell() {
    if (random.nextInt(6) == 0) {
      return "";
    }
    int pieces = random.nextInt(1, 6);
    StringBuilder cell = new StringBuilder();
    for (int i = 0; i < pieces; i++) {
      cell.append(PIECES[random.nextInt(PIECES.length)]);
    }
    return cell.toString();
  }

  /**
   * A random number and a text of it in one of the forms tables hold: Java's and Python's shortest
   * form, fixed and scientific notation with up to 20 digits, integers, leading {@code +}, a
   * missing leading or trailing zero ({@code .5}, {@code 5.}), extremes and subnormals (and any
   * value of {@link DomainGenerator#anyDouble()}).
   *
   * @return the text of a number that {@link Double#parseDouble(String)} reads
   */
  public String numberText() {
    double value =
        switch (random.nextInt(6)) {
          case 0 -> random.nextDouble();
          case 1 -> random.nextDouble(-1e6, 1e6);
          case 2 -> random.nextInt(-1000, 1000);
          case 3 -> domain.anyDouble();
          case 4 -> Math.scalb(random.nextDouble(), random.nextInt(-1074, 1024));
          default -> random.nextInt(-5, 6) * Math.pow(10, random.nextInt(-30, 30));
        };
    return switch (random.nextInt(8)) {
      case 0 -> Double.toString(value);
      case 1 -> String.format(Locale.ROOT, "%." + random.nextInt(0, 21) + "f", value);
      case 2 -> String.format(Locale.ROOT, "%." + random.nextInt(0, 21) + "e", value);
      case 3 -> String.format(Locale.ROOT, "%." + random.nextInt(1, 21) + "g", value);
      case 4 -> (Double.toString(value).startsWith("-") ? "" : "+") + Double.toString(value);
      case 5 -> Double.toString(value).replace("0.", ".").replace("E", "e");
      case 6 -> Long.toString((long) value) + ".";
      default -> new java.math.BigDecimal(value).toPlainString();
    };
  }

  /**
   * A random header of distinct column names, which may themselves hold any of the cell pieces.
   *
   * @param columns the number of columns, {@code >= 1}
   * @return the names
   */
  public List<String> header(int columns) {
    if (columns < 1) {
      throw new IllegalArgumentException("columns must be >= 1, got " + columns);
    }
    Set<String> taken = new HashSet<>();
    List<String> names = new ArrayList<>(columns);
    while (names.size() < columns) {
      String name = random.nextBoolean() ? "col" + names.size() : cell();
      if (taken.add(name)) {
        names.add(name);
      }
    }
    return List.copyOf(names);
  }

  /**
   * A random table: a header of {@code columns} distinct names, then {@code rows} rows of random
   * cells.
   *
   * @param columns the number of columns, {@code >= 1}
   * @param rows the number of data rows, {@code >= 0}
   * @return the rows, the header first, each of {@code columns} cells
   */
  public List<List<String>> table(int columns, int rows) {
    if (rows < 0) {
      throw new IllegalArgumentException("rows must be >= 0, got " + rows);
    }
    List<List<String>> table = new ArrayList<>(rows + 1);
    table.add(header(columns));
    for (int r = 0; r < rows; r++) {
      List<String> row = new ArrayList<>(columns);
      for (int c = 0; c < columns; c++) {
        row.add(cell());
      }
      table.add(List.copyOf(row));
    }
    return List.copyOf(table);
  }
}
