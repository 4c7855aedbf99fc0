package org.annotationkit.metrics.quality;

import java.util.Arrays;
import java.util.Objects;
import java.util.OptionalDouble;
import org.annotationkit.core.coding.LabelCoding;
import org.jspecify.annotations.Nullable;

/**
 * Counts of answers by reference label (rows) and given label (columns): an annotator's answers
 * against gold, or against the consensus.
 *
 * <p>Immutable; {@link #counts()} copies.
 *
 * @since 0.1.0
 */
public final class ConfusionMatrix {
  private final LabelCoding categories;
  private final long[] counts;

  private ConfusionMatrix(LabelCoding categories, long[] counts) {
    this.categories = categories;
    this.counts = counts;
  }

  /**
   * A matrix of counts.
   *
   * @param categories the labels of rows and columns
   * @param counts row-major {@code size x size} counts, {@code >= 0}; copied
   * @return the matrix
   * @throws IllegalArgumentException if the length is not the square of the categories' size or a
   *     count is negative
   */
  public static ConfusionMatrix of(LabelCoding categories, long[] counts) {
    Objects.requireNonNull(categories, "categories");
    Objects.requireNonNull(counts, "counts");
    int k = categories.size();
    if (counts.length != k * k) {
      throw new IllegalArgumentException(
          "counts must have " + k * k + " cells for " + k + " categories, got " + counts.length);
    }
    for (int i = 0; i < counts.length; i++) {
      if (counts[i] < 0) {
        throw new IllegalArgumentException(
            "count at row " + i / k + ", column " + i % k + " is negative: " + counts[i]);
      }
    }
    return new ConfusionMatrix(categories, counts.clone());
  }

  /**
   * The labels of rows and columns.
   *
   * @return the coding
   */
  public LabelCoding categories() {
    return categories;
  }

  /**
   * How many answers gave label {@code given} where the reference is {@code reference}.
   *
   * @param reference the row's category code
   * @param given the column's category code
   * @return the count
   */
  public long count(int reference, int given) {
    int k = categories.size();
    Objects.checkIndex(reference, k);
    Objects.checkIndex(given, k);
    return counts[reference * k + given];
  }

  /**
   * How many answers gave label {@code given} where the reference is {@code reference}.
   *
   * @param reference the row's label
   * @param given the column's label
   * @return the count
   * @throws org.annotationkit.core.coding.UnknownLabelException if a label is not a category
   */
  public long count(String reference, String given) {
    return count(categories.code(reference), categories.code(given));
  }

  /**
   * Every count, a copy.
   *
   * @return row-major {@code size x size} counts
   */
  public long[] counts() {
    return counts.clone();
  }

  /**
   * The number of answers counted.
   *
   * @return the sum of all cells
   */
  public long total() {
    long sum = 0;
    for (long c : counts) {
      sum += c;
    }
    return sum;
  }

  /**
   * The number of answers that match the reference.
   *
   * @return the sum of the diagonal
   */
  public long correct() {
    int k = categories.size();
    long sum = 0;
    for (int c = 0; c < k; c++) {
      sum += counts[c * k + c];
    }
    return sum;
  }

  /**
   * The share of answers that match the reference.
   *
   * @return {@code correct() / total()}, or empty when nothing was counted
   */
  public OptionalDouble accuracy() {
    long total = total();
    return total == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) correct() / total);
  }

  @Override
  public boolean equals(@Nullable Object other) {
    return other instanceof ConfusionMatrix m
        && categories.equals(m.categories)
        && Arrays.equals(counts, m.counts);
  }

  @Override
  public int hashCode() {
    return 31 * categories.hashCode() + Arrays.hashCode(counts);
  }

  /**
   * The matrix as rows: {@code ConfusionMatrix[a, b; [3, 1], [0, 4]]}.
   *
   * @return the summary
   */
  @Override
  public String toString() {
    int k = categories.size();
    StringBuilder b = new StringBuilder("ConfusionMatrix[");
    b.append(String.join(", ", categories.labels())).append(';');
    for (int t = 0; t < k; t++) {
      b.append(t == 0 ? " " : ", ")
          .append(Arrays.toString(Arrays.copyOfRange(counts, t * k, t * k + k)));
    }
    return b.append(']').toString();
  }
}
