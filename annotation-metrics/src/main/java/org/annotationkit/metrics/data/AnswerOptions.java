package org.annotationkit.metrics.data;

import java.util.Objects;
import java.util.Optional;
import org.annotationkit.core.coding.LabelCoding;

/**
 * How an answer table is built: which categories there are and in what order, and whether an
 * annotator may answer one item more than once.
 *
 * @param categories the categories and their codes, when the caller declares them (a field's labels
 *     in schema order, or a command's {@code --categories}); a label outside them is then an error.
 *     When empty, the categories are the labels seen, coded in {@code order}
 * @param order how the labels seen are coded when {@code categories} is empty
 * @param allowRepeats whether an annotator may give several answers for one item (multi-label
 *     answers); when false, a repeat is an error naming both answers
 * @since 0.1.0
 */
public record AnswerOptions(
    Optional<LabelCoding> categories, CategoryOrder order, boolean allowRepeats) {

  /** Categories as seen in natural order, no repeats. */
  public static final AnswerOptions DEFAULT =
      new AnswerOptions(Optional.empty(), CategoryOrder.NATURAL, false);

  /** Checks the parts. */
  public AnswerOptions {
    Objects.requireNonNull(categories, "categories");
    Objects.requireNonNull(order, "order");
  }

  /**
   * These options with declared categories.
   *
   * @param categories the categories, in code order
   * @return new options
   */
  public AnswerOptions withCategories(LabelCoding categories) {
    return new AnswerOptions(
        Optional.of(Objects.requireNonNull(categories, "categories")), order, allowRepeats);
  }

  /**
   * These options with another order for the categories seen.
   *
   * @param order the order
   * @return new options
   */
  public AnswerOptions withOrder(CategoryOrder order) {
    return new AnswerOptions(categories, order, allowRepeats);
  }

  /**
   * These options with repeated answers allowed or refused.
   *
   * @param allowRepeats whether an annotator may answer an item more than once
   * @return new options
   */
  public AnswerOptions withRepeats(boolean allowRepeats) {
    return new AnswerOptions(categories, order, allowRepeats);
  }
}
