package org.annotationkit.core.accumulator;

import java.util.Arrays;
import java.util.Objects;
import org.annotationkit.core.coding.LabelCoding;
import org.annotationkit.core.internal.Require;
import org.jspecify.annotations.Nullable;

/**
 * How often each code of a {@link LabelCoding} occurred, as a {@link CodeCounter} finishes it.
 * Immutable.
 *
 * @since 0.1.0
 */
public final class CodeCounts {

  /** How many labels {@link #toString()} shows. */
  private static final int SHOWN = 20;

  private final LabelCoding coding;
  private final long[] counts;
  private final long total;

  /** Takes the array, which the caller no longer changes. */
  CodeCounts(LabelCoding coding, long[] counts) {
    this.coding = coding;
    this.counts = counts;
    long sum = 0;
    for (long count : counts) {
      sum += count;
    }
    this.total = sum;
  }

  /**
   * The coding whose codes were counted.
   *
   * @return the coding
   */
  public LabelCoding coding() {
    return coding;
  }

  /**
   * How often a code occurred.
   *
   * @param code a code of the coding
   * @return the count, {@code >= 0}
   * @throws IndexOutOfBoundsException if the code is out of range
   */
  public long count(int code) {
    return counts[Objects.checkIndex(code, counts.length)];
  }

  /**
   * How often a label occurred.
   *
   * @param label a label of the coding
   * @return the count, {@code >= 0}
   * @throws org.annotationkit.core.coding.UnknownLabelException if the label is not in the coding
   */
  public long count(String label) {
    return counts[coding.code(label)];
  }

  /**
   * The sum of all counts.
   *
   * @return the total
   */
  public long total() {
    return total;
  }

  /**
   * The counts in code order.
   *
   * @return a new array: element {@code c} is the count of code {@code c}
   */
  public long[] toArray() {
    return counts.clone();
  }

  /**
   * Whether the other object holds the same counts over an equal coding.
   *
   * @param other the object to compare with
   * @return whether the two are equal
   */
  @Override
  public boolean equals(@Nullable Object other) {
    return other instanceof CodeCounts that
        && coding.equals(that.coding)
        && Arrays.equals(counts, that.counts);
  }

  /**
   * A hash code of the coding and the counts.
   *
   * @return the hash code
   */
  @Override
  public int hashCode() {
    return 31 * coding.hashCode() + Arrays.hashCode(counts);
  }

  /**
   * The counts by label, the first twenty, for debugging: {@code CodeCounts['cat'=3, 'dog'=0]}.
   *
   * @return the description
   */
  @Override
  public String toString() {
    StringBuilder out = new StringBuilder("CodeCounts[");
    int shown = Math.min(counts.length, SHOWN);
    for (int c = 0; c < shown; c++) {
      out.append(c == 0 ? "" : ", ")
          .append(Require.quote(coding.label(c)))
          .append('=')
          .append(counts[c]);
    }
    if (counts.length > shown) {
      out.append(", … ").append(counts.length - shown).append(" more");
    }
    return out.append(']').toString();
  }
}
