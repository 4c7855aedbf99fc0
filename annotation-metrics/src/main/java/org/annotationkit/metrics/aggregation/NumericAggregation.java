package org.annotationkit.metrics.aggregation;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import org.annotationkit.core.coding.LabelCoding;
import org.jspecify.annotations.Nullable;

/**
 * What a numeric aggregation made of numeric answers: one consensus value per item, how many
 * answers it rests on, and, for the reliability-weighted mean, each annotator's estimated weight
 * and how the iteration ended.
 *
 * <p>Items and annotators are coded as in the {@link org.annotationkit.metrics.data.Ratings} the
 * method read (sorted ids), so the result does not depend on the order of the input rows.
 *
 * <p>Immutable; the array accessors copy.
 *
 * @since 0.1.0
 */
public final class NumericAggregation {
  private final String method;
  private final LabelCoding items;
  private final LabelCoding annotators;
  private final double[] values;
  private final int[] counts;
  private final double @Nullable [] weights;
  private final int iterations;
  private final boolean converged;

  NumericAggregation(
      String method,
      LabelCoding items,
      LabelCoding annotators,
      double[] values,
      int[] counts,
      double @Nullable [] weights,
      int iterations,
      boolean converged) {
    this.method = method;
    this.items = items;
    this.annotators = annotators;
    this.values = values;
    this.counts = counts;
    this.weights = weights;
    this.iterations = iterations;
    this.converged = converged;
  }

  /**
   * The method that made this result: {@code mean}, {@code median}, {@code trimmed-mean} or {@code
   * reliability-weighted-mean}.
   *
   * @return the name
   */
  public String method() {
    return method;
  }

  /**
   * The items, coded in sorted order of their ids.
   *
   * @return the coding
   */
  public LabelCoding items() {
    return items;
  }

  /**
   * The annotators, coded in sorted order of their ids.
   *
   * @return the coding
   */
  public LabelCoding annotators() {
    return annotators;
  }

  /**
   * The number of items.
   *
   * @return the count
   */
  public int itemCount() {
    return values.length;
  }

  /**
   * The consensus value of an item.
   *
   * @param item the item's code
   * @return the value, finite
   */
  public double value(int item) {
    return values[item];
  }

  /**
   * The consensus value of an item given by id.
   *
   * @param item the item's id
   * @return the value
   * @throws org.annotationkit.core.coding.UnknownLabelException if no answer names the item
   */
  public double value(String item) {
    Objects.requireNonNull(item, "item");
    return values[items.code(item)];
  }

  /**
   * Every item's consensus value, a copy.
   *
   * @return one value per item code
   */
  public double[] values() {
    return values.clone();
  }

  /**
   * The number of answers an item's value rests on.
   *
   * @param item the item's code
   * @return the count, {@code >= 1}
   */
  public int answerCount(int item) {
    return counts[item];
  }

  /**
   * An annotator's estimated weight (the reliability-weighted mean only): the inverse of its
   * estimated error variance, scaled so that the weights of all annotators average 1.
   *
   * @param annotator the annotator's code
   * @return the weight, or empty when the method weighs every answer alike
   */
  public OptionalDouble weight(int annotator) {
    Objects.checkIndex(annotator, annotators.size());
    return weights == null ? OptionalDouble.empty() : OptionalDouble.of(weights[annotator]);
  }

  /**
   * Every annotator's estimated weight, a copy.
   *
   * @return one weight per annotator code, or empty when the method has none
   */
  public Optional<double[]> weights() {
    return weights == null ? Optional.empty() : Optional.of(weights.clone());
  }

  /**
   * The number of iterations ({@code 0} for the one-pass methods).
   *
   * @return the count
   */
  public int iterations() {
    return iterations;
  }

  /**
   * Whether the iteration met its tolerance before its cap ({@code true} for the one-pass methods).
   *
   * @return whether it converged
   */
  public boolean converged() {
    return converged;
  }

  @Override
  public String toString() {
    return "NumericAggregation["
        + method
        + ", "
        + values.length
        + " items, "
        + annotators.size()
        + " annotators, "
        + iterations
        + " iterations"
        + (converged ? "" : ", not converged")
        + "]";
  }
}
