package org.annotationkit.metrics.data;

import com.google.errorprone.annotations.CanIgnoreReturnValue;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.annotationkit.core.coding.LabelCoding;
import org.annotationkit.core.coding.UnknownLabelException;
import org.annotationkit.core.io.FormatException;
import org.annotationkit.core.table.CsvReader;

/**
 * Categorical answers: which label each annotator gave each item, coded and grouped by item.
 *
 * <p>Answer {@code k} (for {@code 0 <= k < size()}) is annotator {@link #annotator(int)
 * annotator(k)}'s label {@link #label(int) label(k)} for item {@link #item(int) item(k)}; the
 * answers of item {@code u} are {@code start(u) <= k < end(u)}, in annotator order, and those of
 * annotator {@code a} are {@code answerOf(annotatorStart(a)) .. answerOf(annotatorEnd(a) - 1)}, in
 * item order. Items, annotators and labels are {@link LabelCoding codings}: items and annotators
 * sorted, labels in the declared or {@linkplain CategoryOrder natural} order (see the {@linkplain
 * org.annotationkit.metrics.data package description}). An item appears only when it has at least
 * one answer.
 *
 * {@snippet :
 * Answers answers = Answers.read(Path.of("labels.csv"), AnswerOptions.DEFAULT);
 * int[] votes = new int[answers.labelCount()];
 * for (int u = 0; u < answers.itemCount(); u++) {
 *   Arrays.fill(votes, 0);
 *   for (int k = answers.start(u); k < answers.end(u); k++) {
 *     votes[answers.label(k)]++;
 *   }
 * }
 * }
 *
 * <p>Immutable and thread-safe. The accessors are array reads; the {@code ...Codes()} methods copy.
 *
 * @since 0.1.0
 */
public final class Answers {
  private final Layout layout;
  private final LabelCoding labels;
  private final int[] label;

  private Answers(Layout layout, LabelCoding labels, int[] label) {
    this.layout = layout;
    this.labels = labels;
    this.label = label;
  }

  /**
   * Starts a table with the default options (categories as seen, in natural order; no repeats).
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder(AnswerOptions.DEFAULT);
  }

  /**
   * Starts a table.
   *
   * @param options the categories and whether repeats are allowed
   * @return a builder
   */
  public static Builder builder(AnswerOptions options) {
    return new Builder(options);
  }

  /**
   * Reads a CSV file in the long layout ({@code item,annotator,label}) or the wide one ({@code
   * unit,<annotator>,...}), told apart by the header; empty label cells are missing answers.
   *
   * @param file the CSV file, UTF-8
   * @param options the categories and whether repeats are allowed
   * @return the answers
   * @throws FormatException naming the file, line and column of what is wrong: a header of neither
   *     layout, a row of the wrong length, a label outside the declared categories, a repeated
   *     answer
   * @throws java.io.UncheckedIOException if the file cannot be read
   */
  public static Answers read(Path file, AnswerOptions options) {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(options, "options");
    try (CsvReader in = CsvReader.open(file)) {
      return read(in, options);
    }
  }

  /**
   * Reads the rest of a CSV table in either layout (see {@link #read(Path, AnswerOptions)}). The
   * reader is not closed.
   *
   * @param in a reader positioned before its first row
   * @param options the categories and whether repeats are allowed
   * @return the answers
   * @throws FormatException naming the line and column of what is wrong
   */
  public static Answers read(CsvReader in, AnswerOptions options) {
    Objects.requireNonNull(in, "in");
    Builder builder = builder(options);
    Tables.read(
        in,
        (item, annotator, column) -> {
          String text = in.get(column);
          try {
            builder.add(item, annotator, text, in.line());
          } catch (UnknownLabelException e) {
            throw in.cellError(column, e.getMessage());
          }
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
   * The categories: the declared ones, or those seen in the options' order.
   *
   * @return the coding
   */
  public LabelCoding labels() {
    return labels;
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
   * The number of categories, {@code labels().size()}.
   *
   * @return the count
   */
  public int labelCount() {
    return labels.size();
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
   * The label of an answer.
   *
   * @param answer the answer's position
   * @return the label's code
   */
  public int label(int answer) {
    return label[answer];
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
   * The label code of every answer, a copy.
   *
   * @return {@code size()} codes
   */
  public int[] labelCodes() {
    return Layout.copy(label);
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
   * How many answers of each item have each label: the items-by-categories count table that Fleiss'
   * kappa and majority vote read, row-major.
   *
   * @return {@code itemCount() * labelCount()} counts; item {@code u}'s count of label {@code c} is
   *     at {@code u * labelCount() + c}
   */
  public int[] counts() {
    int categories = labels.size();
    int[] counts = new int[Math.multiplyExact(itemCount(), categories)];
    for (int u = 0; u < itemCount(); u++) {
      int row = u * categories;
      for (int k = layout.itemStart[u]; k < layout.itemStart[u + 1]; k++) {
        counts[row + label[k]]++;
      }
    }
    return counts;
  }

  /**
   * The numeric value of each category, when every label is a decimal number ({@code 1}, {@code
   * -0.5}): what weighted kappa "by value" and interval agreement over categories use.
   *
   * @return the values by label code, or empty when a label is not a number
   */
  public Optional<double[]> categoryValues() {
    double[] values = new double[labels.size()];
    for (int c = 0; c < values.length; c++) {
      var number = CategoryOrder.number(labels.label(c));
      if (number == null) {
        return Optional.empty();
      }
      values[c] = number.doubleValue();
    }
    return Optional.of(values);
  }

  /**
   * The same answers coded over another category set, which must hold every label used (such as the
   * full label set of a field, when some labels were never chosen).
   *
   * @param categories the categories and their codes
   * @return the recoded answers
   * @throws UnknownLabelException naming a label used here that {@code categories} lacks
   */
  public Answers withCategories(LabelCoding categories) {
    Objects.requireNonNull(categories, "categories");
    int[] map = labels.remapTo(categories, -1);
    int[] recoded = new int[label.length];
    for (int k = 0; k < label.length; k++) {
      int code = map[label[k]];
      // code() throws for the label the categories lack, naming it.
      recoded[k] = code >= 0 ? code : categories.code(labels.label(label[k]));
    }
    return new Answers(layout, categories, recoded);
  }

  /**
   * The answers as numbers, when every category is a decimal number.
   *
   * @return the ratings, with each label's value
   * @throws IllegalStateException naming a label that is not a number
   */
  public Ratings toRatings() {
    double[] values =
        categoryValues()
            .orElseThrow(() ->
                new IllegalStateException(
                    "the labels are not all numbers: " + String.join(", ", labels.labels())));
    double[] value = new double[label.length];
    for (int k = 0; k < label.length; k++) {
      value[k] = values[label[k]];
    }
    return Ratings.of(layout, value);
  }

  /**
   * A summary for debugging: {@code Answers[120 answers, 40 items, 3 annotators, labels a, b]}.
   *
   * @return the summary
   */
  @Override
  public String toString() {
    return "Answers["
        + size()
        + " answers, "
        + itemCount()
        + " items, "
        + annotatorCount()
        + " annotators, labels "
        + String.join(", ", labels.labels())
        + "]";
  }

  /**
   * Collects answers one at a time, in any order; {@link #build()} codes and sorts them. Not
   * thread-safe.
   *
   * @since 0.1.0
   */
  public static final class Builder {
    private final AnswerOptions options;
    private final Rows rows = new Rows();
    private final LabelCoding.Builder seenLabels = LabelCoding.builder();
    private int[] label = new int[16];

    private Builder(AnswerOptions options) {
      this.options = Objects.requireNonNull(options, "options");
    }

    /**
     * Adds an answer.
     *
     * @param item the item's id, non-empty
     * @param annotator the annotator's id, non-empty
     * @param label the label, non-empty
     * @return this builder
     * @throws UnknownLabelException if categories were declared and the label is not one
     * @throws IllegalArgumentException if an id or the label is empty
     */
    @CanIgnoreReturnValue
    public Builder add(String item, String annotator, String label) {
      return add(item, annotator, label, 0);
    }

    @CanIgnoreReturnValue
    Builder add(String item, String annotator, String labelText, long line) {
      Objects.requireNonNull(item, "item");
      Objects.requireNonNull(annotator, "annotator");
      Objects.requireNonNull(labelText, "label");
      int code =
          options.categories().isPresent()
              ? options.categories().get().code(labelText)
              : seenLabels.encode(labelText);
      int position = rows.add(item, annotator, line);
      label = Rows.room(label, position);
      label[position] = code;
      return this;
    }

    /**
     * Codes and sorts the answers.
     *
     * @return the table
     * @throws IllegalArgumentException naming the annotator and item of a repeated answer, when
     *     repeats are not allowed
     */
    public Answers build() {
      return build(IllegalArgumentException::new);
    }

    Answers build(Function<String, ? extends RuntimeException> repeatError) {
      LabelCoding labels;
      int[] byInput = Arrays.copyOf(label, rows.size);
      if (options.categories().isPresent()) {
        labels = options.categories().get();
      } else {
        LabelCoding seen = seenLabels.build();
        labels = options.order().code(seen.labels());
        int[] map = seen.remapTo(labels);
        for (int i = 0; i < byInput.length; i++) {
          byInput[i] = map[byInput[i]];
        }
      }
      Layout.Sorted sorted = rows.sort((a, b) -> Integer.compare(byInput[a], byInput[b]));
      if (!options.allowRepeats()) {
        rows.checkRepeats(sorted, "answered", repeatError);
      }
      int[] out = new int[rows.size];
      for (int k = 0; k < out.length; k++) {
        out[k] = byInput[sorted.order()[k]];
      }
      return new Answers(sorted.layout(), labels, out);
    }
  }
}
