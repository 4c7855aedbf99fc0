package org.annotationkit.core.accumulator;

import java.util.Objects;
import org.annotationkit.core.coding.LabelCoding;

/**
 * Counts how often each code of a {@link LabelCoding} occurs, into {@link CodeCounts}: the class
 * frequencies of a label column, the priors of an aggregation, the label distribution of a dataset.
 * {@link #add(int)} is an array increment.
 *
 * <p>Order-independent and exact: any split, merged in any order, gives the counts of the whole.
 * Only counters over equal codings merge. Not thread-safe.
 *
 * @since 0.1.0
 */
public final class CodeCounter implements Accumulator<CodeCounter, CodeCounts> {

  private final LabelCoding coding;
  private final long[] counts;

  /**
   * A counter of nothing yet over the codes of {@code coding}.
   *
   * @param coding the codes to count
   */
  public CodeCounter(LabelCoding coding) {
    this.coding = Objects.requireNonNull(coding, "coding");
    this.counts = new long[coding.size()];
  }

  /**
   * Counts one occurrence of a code.
   *
   * @param code a code of the coding
   * @throws IndexOutOfBoundsException if the code is out of range
   */
  public void add(int code) {
    counts[Objects.checkIndex(code, counts.length)]++;
  }

  /**
   * Counts {@code times} occurrences of a code.
   *
   * @param code a code of the coding
   * @param times how many, {@code >= 0}
   * @throws IndexOutOfBoundsException if the code is out of range
   * @throws IllegalArgumentException if {@code times} is negative
   */
  public void add(int code, long times) {
    Objects.checkIndex(code, counts.length);
    if (times < 0) {
      throw new IllegalArgumentException("times must be >= 0, got " + times);
    }
    counts[code] += times;
  }

  /**
   * Counts one occurrence of a label.
   *
   * @param label a label of the coding
   * @throws org.annotationkit.core.coding.UnknownLabelException if the label is not in the coding
   */
  public void add(String label) {
    counts[coding.code(label)]++;
  }

  /**
   * The coding whose codes are counted.
   *
   * @return the coding
   */
  public LabelCoding coding() {
    return coding;
  }

  /**
   * Adds another counter's counts to this one's.
   *
   * @param other a counter over an equal coding, not changed
   * @throws IllegalArgumentException if the other counter's coding differs
   */
  @Override
  public void merge(CodeCounter other) {
    Objects.requireNonNull(other, "other");
    if (!other.coding.equals(coding)) {
      throw new IllegalArgumentException(
          "cannot merge counts over different codings: " + coding + " and " + other.coding);
    }
    for (int c = 0; c < counts.length; c++) {
      counts[c] += other.counts[c];
    }
  }

  /**
   * The counts so far.
   *
   * @return an immutable copy of the counts
   */
  @Override
  public CodeCounts finish() {
    return new CodeCounts(coding, counts.clone());
  }

  /**
   * The counts so far, for debugging.
   *
   * @return the description of {@link #finish()}
   */
  @Override
  public String toString() {
    return finish().toString();
  }
}
