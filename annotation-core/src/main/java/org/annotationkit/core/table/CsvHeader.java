package org.annotationkit.core.table;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import org.annotationkit.core.internal.Hints;
import org.annotationkit.core.internal.Require;
import org.annotationkit.core.io.FormatException;
import org.annotationkit.core.io.FormatException.Location;

/**
 * The header row of a CSV table: the names of its columns, in order, and lookups by name that
 * report a missing column as a {@link FormatException} listing what was expected and what was
 * found. Names are compared exactly (case and spaces count); no two columns share a name. A table
 * read without a header has an empty header. Immutable.
 *
 * @since 0.1.0
 */
public final class CsvHeader {

  private final List<String> names;
  private final Map<String, Integer> columns;
  private final String source;
  private final long line;

  CsvHeader(List<String> names, String source, long line) {
    this.names = List.copyOf(names);
    this.source = source;
    this.line = line;
    Map<String, Integer> index = HashMap.newHashMap(names.size());
    for (int i = 0; i < this.names.size(); i++) {
      index.putIfAbsent(this.names.get(i), i);
    }
    this.columns = index;
  }

  /**
   * The column names, in order.
   *
   * @return the names, unmodifiable; empty for a table without a header
   */
  public List<String> names() {
    return names;
  }

  /**
   * The number of columns the header names.
   *
   * @return the number of columns
   */
  public int size() {
    return names.size();
  }

  /**
   * The name of a column.
   *
   * @param column the 0-based column index
   * @return the name
   * @throws IndexOutOfBoundsException if the header has no such column
   */
  public String name(int column) {
    return names.get(Objects.checkIndex(column, names.size()));
  }

  /**
   * The index of a column, if the header has it.
   *
   * @param name the column's name
   * @return its 0-based index, or empty when there is no such column
   */
  public OptionalInt indexOf(String name) {
    Integer column = columns.get(Objects.requireNonNull(name, "name"));
    return column == null ? OptionalInt.empty() : OptionalInt.of(column);
  }

  /**
   * The index of a column that must be present.
   *
   * @param name the column's name
   * @return its 0-based index
   * @throws FormatException at the header line if the column is missing, listing the header's names
   *     and the closest one
   */
  public int require(String name) {
    return require(new String[] {Objects.requireNonNull(name, "name")})[0];
  }

  /**
   * The indexes of columns that must all be present, in any order and among any others, such as
   * {@code require("item", "annotator", "label")}.
   *
   * @param names the columns' names
   * @return their 0-based indexes, in the order of {@code names}
   * @throws FormatException at the header line if any is missing, naming every missing column, the
   *     expected and the found names, and the closest name when one column is missing
   */
  public int[] require(String... names) {
    Objects.requireNonNull(names, "names");
    int[] indexes = new int[names.length];
    List<String> missing = new ArrayList<>();
    for (int i = 0; i < names.length; i++) {
      Integer column = columns.get(Objects.requireNonNull(names[i], "name"));
      if (column == null) {
        missing.add(names[i]);
      } else {
        indexes[i] = column;
      }
    }
    if (!missing.isEmpty()) {
      throw error(
          (missing.size() == 1 ? "missing column " : "missing columns ")
              + Hints.listing(missing)
              + "; expected columns "
              + Hints.listing(Arrays.asList(names))
              + ", found "
              + found()
              + (missing.size() == 1 ? Hints.didYouMean(missing.get(0), this.names) : ""));
    }
    return indexes;
  }

  /**
   * The names of the value columns of a table laid out as leading key columns, then one column per
   * value, such as {@code id,<class>,<class>,...} ({@code requireLeading("id")}) or {@code
   * id,member,<class>,...} ({@code requireLeading("id", "member")}).
   *
   * @param leading the names the header must start with, in order
   * @return the names of the columns after them, at least one, unmodifiable
   * @throws FormatException at the header line if the header does not start with {@code leading},
   *     or has no column after them
   */
  public List<String> requireLeading(String... leading) {
    Objects.requireNonNull(leading, "leading");
    boolean starts = names.size() >= leading.length;
    for (int i = 0; starts && i < leading.length; i++) {
      starts = names.get(i).equals(Objects.requireNonNull(leading[i], "leading name"));
    }
    String expected =
        "expected the header to start with "
            + Hints.listing(Arrays.asList(leading))
            + " and then one column per value, found "
            + found();
    if (!starts) {
      throw error(expected);
    }
    if (names.size() == leading.length) {
      throw error(expected + ": no value columns");
    }
    return names.subList(leading.length, names.size());
  }

  private String found() {
    return names.isEmpty() ? "no header" : Hints.listing(names);
  }

  /**
   * An error about the header as a whole, located at its line: for a caller whose layout the header
   * does not fit.
   *
   * @param problem what is wrong, naming what was expected and what was found
   * @return the exception, to throw
   */
  public FormatException error(String problem) {
    return FormatException.at(problem, Location.of(source, line, 0));
  }

  /**
   * The names, for debugging: {@code CsvHeader['item', 'annotator', 'label']}.
   *
   * @return the description
   */
  @Override
  public String toString() {
    StringBuilder out = new StringBuilder("CsvHeader[");
    for (int i = 0; i < names.size(); i++) {
      out.append(i == 0 ? "" : ", ").append(Require.quote(names.get(i)));
    }
    return out.append(']').toString();
  }
}
