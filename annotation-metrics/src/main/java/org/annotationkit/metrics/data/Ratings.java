package org.annotationkit.metrics.data;

import com.google.errorprone.annotations.CanIgnoreReturnValue;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;
import java.util.function.Function;
import org.annotationkit.core.coding.LabelCoding;
import org.annotationkit.core.io.FormatException;
import org.annotationkit.core.table.CsvReader;

/**
 * Numeric answers: which number each annotator gave each item (a rating, a score, a measurement),
 * grouped by item. The numeric twin of {@link Answers}, for interval and ratio agreement,
 * intraclass correlation and numeric aggregation, where values are not categories (a million
 * distinct values cost a {@code double} each, not a label).
 *
 * <p>Answer {@code k} is annotator {@link #annotator(int) annotator(k)}'s value {@link #value(int)
 * value(k)} for item {@link #item(int) item(k)}; the answers of item {@code u} are {@code start(u)
 * <= k < end(u)}, in annotator order; items and annotators are coded in sorted order of their ids
 * (see the {@linkplain org.annotationkit.metrics.data package description}). Values are finite.
 *
 * <p>Immutable and thread-safe. The accessors are array reads; the {@code ...Codes()} and {@link
 * #values()} methods copy.
 *
 * @since 0.1.0
 */
public final class Ratings {
  private final Layout layout;
  private final double[] value;

  private Ratings(Layout layout, double[] value) {
    this.layout = layout;
    this.value = value;
  }

  static Ratings of(Layout layout, double[] value) {
    return new Ratings(layout, value);
  }

  /**
   * Starts a table in which an annotator rates an item at most once.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder(false);
  }

  /**
   * Starts a table.
   *
   * @param allowRepeats whether an annotator may rate an item more than once
   * @return a builder
   */
  public static Builder builder(boolean allowRepeats) {
    return new Builder(allowRepeats);
  }

  /**
   * Reads a CSV file in the long layout ({@code item,annotator,label} or {@code
   * item,annotator,value}) or the wide one ({@code unit,<annotator>,...}), told apart by the
   * header; empty cells are missing answers, every other one a decimal number.
   *
   * @param file the CSV file, UTF-8
   * @param allowRepeats whether an annotator may rate an item more than once
   * @return the ratings
   * @throws FormatException naming the file, line and column of what is wrong: a header of neither
   *     layout, a cell that is not a finite number, a repeated rating
   * @throws java.io.UncheckedIOException if the file cannot be read
   */
  public static Ratings read(Path file, boolean allowRepeats) {
    Objects.requireNonNull(file, "file");
    try (CsvReader in = CsvReader.open(file)) {
      return read(in, allowRepeats);
    }
  }

  /**
   * Reads the rest of a CSV table in either layout (see {@link #read(Path, boolean)}). The reader
   * is not closed.
   *
   * @param in a reader positioned before its first row
   * @param allowRepeats whether an annotator may rate an item more than once
   * @return the ratings
   * @throws FormatException naming the line and column of what is wrong
   */
  public static Ratings read(CsvReader in, boolean allowRepeats) {
    Objects.requireNonNull(in, "in");
    Builder builder = builder(allowRepeats);
    Tables.read(
        in,
        (item, annotator, column) -> {
          double number = in.getDouble(column);
          if (!Double.isFinite(number)) {
            throw in.cellError(column, "expected a finite number, found " + in.get(column));
          }
          builder.add(item, annotator, number, in.line());
        });
    return builder.build(Tables.repeatError(in));
  }

  /**
   * The number of answers.
   *
   * @return the count
   */
  public int size() {
    return layout.size();
  }

  /**
   * The items that have answers, coded in sorted order of their ids.
   *
   * @return the coding
   */
  public LabelCoding items() {
    return layout.items;
  }

  /**
   * The annotators, coded in sorted order of their ids.
   *
   * @return the coding
   */
  public LabelCoding annotators() {
    return layout.annotators;
  }

  /**
   * The number of items, {@code items().size()}.
   *
   * @return the count
   */
  public int itemCount() {
    return layout.items.size();
  }

  /**
   * The number of annotators, {@code annotators().size()}.
   *
   * @return the count
   */
  public int annotatorCount() {
    return layout.annotators.size();
  }

  /**
   * The item of an answer.
   *
   * @param answer the answer's position, {@code 0 <= answer < size()}
   * @return the item's code
   */
  public int item(int answer) {
    return layout.item[answer];
  }

  /**
   * The annotator of an answer.
   *
   * @param answer the answer's position
   * @return the annotator's code
   */
  public int annotator(int answer) {
    return layout.annotator[answer];
  }

  /**
   * The value of an answer.
   *
   * @param answer the answer's position
   * @return the value, finite
   */
  public double value(int answer) {
    return value[answer];
  }

  /**
   * Where the answers of an item start.
   *
   * @param item the item's code
   * @return the position of its first answer
   */
  public int start(int item) {
    return layout.itemStart[item];
  }

  /**
   * Where the answers of an item end.
   *
   * @param item the item's code
   * @return the position after its last answer
   */
  public int end(int item) {
    return layout.itemStart[item + 1];
  }

  /**
   * Where the answers of an annotator start in the by-annotator order (see {@link #answerOf(int)}).
   *
   * @param annotator the annotator's code
   * @return the index of its first answer in that order
   */
  public int annotatorStart(int annotator) {
    return layout.annotatorStart[annotator];
  }

  /**
   * Where the answers of an annotator end in the by-annotator order.
   *
   * @param annotator the annotator's code
   * @return the index after its last answer in that order
   */
  public int annotatorEnd(int annotator) {
    return layout.annotatorStart[annotator + 1];
  }

  /**
   * The answer at an index of the by-annotator order: answers sorted by annotator, then item.
   *
   * @param index the index, {@code 0 <= index < size()}
   * @return the answer's position
   */
  public int answerOf(int index) {
    return layout.byAnnotator[index];
  }

  /**
   * The item code of every answer, a copy.
   *
   * @return {@code size()} codes, ascending
   */
  public int[] itemCodes() {
    return Layout.copy(layout.item);
  }

  /**
   * The annotator code of every answer, a copy.
   *
   * @return {@code size()} codes
   */
  public int[] annotatorCodes() {
    return Layout.copy(layout.annotator);
  }

  /**
   * Where the answers of each item start, a copy: item {@code u}'s answers are {@code starts[u]} to
   * {@code starts[u + 1] - 1}.
   *
   * @return {@code itemCount() + 1} positions
   */
  public int[] itemStarts() {
    return Layout.copy(layout.itemStart);
  }

  /**
   * The value of every answer, a copy.
   *
   * @return {@code size()} values
   */
  public double[] values() {
    return Arrays.copyOf(value, value.length);
  }

  /**
   * A summary for debugging: {@code Ratings[120 answers, 40 items, 3 annotators]}.
   *
   * @return the summary
   */
  @Override
  public String toString() {
    return "Ratings["
        + size()
        + " answers, "
        + itemCount()
        + " items, "
        + annotatorCount()
        + " annotators]";
  }

  /**
   * Collects numeric answers one at a time, in any order; {@link #build()} codes and sorts them.
   * Not thread-safe.
   *
   * @since 0.1.0
   */
  public static final class Builder {
    private final boolean allowRepeats;
    private final Rows rows = new Rows();
    private double[] value = new double[16];

    private Builder(boolean allowRepeats) {
      this.allowRepeats = allowRepeats;
    }

    /**
     * Adds an answer.
     *
     * @param item the item's id, non-empty
     * @param annotator the annotator's id, non-empty
     * @param value the value, finite
     * @return this builder
     * @throws IllegalArgumentException if an id is empty or the value is not finite
     */
    @CanIgnoreReturnValue
    public Builder add(String item, String annotator, double value) {
      return add(item, annotator, value, 0);
    }

    @CanIgnoreReturnValue
    Builder add(String item, String annotator, double number, long line) {
      Objects.requireNonNull(item, "item");
      Objects.requireNonNull(annotator, "annotator");
      if (!Double.isFinite(number)) {
        throw new IllegalArgumentException(
            "the value of annotator '"
                + annotator
                + "' for item '"
                + item
                + "' must be finite, got "
                + number);
      }
      int position = rows.add(item, annotator, line);
      value = Rows.room(value, position);
      value[position] = number;
      return this;
    }

    /**
     * Codes and sorts the answers.
     *
     * @return the table
     * @throws IllegalArgumentException naming the annotator and item of a repeated answer, when
     *     repeats are not allowed
     */
    public Ratings build() {
      return build(IllegalArgumentException::new);
    }

    Ratings build(Function<String, ? extends RuntimeException> repeatError) {
      double[] byInput = value;
      Layout.Sorted sorted = rows.sort((a, b) -> Double.compare(byInput[a], byInput[b]));
      if (!allowRepeats) {
        rows.checkRepeats(sorted, "rated", repeatError);
      }
      double[] out = new double[rows.size];
      for (int k = 0; k < out.length; k++) {
        out[k] = byInput[sorted.order()[k]];
      }
      return new Ratings(sorted.layout(), out);
    }
  }
}
