package org.annotationkit.metrics.data;

import java.util.Arrays;
import java.util.function.Function;
import org.annotationkit.core.coding.LabelCoding;

/**
 * The answers a builder has collected so far: first-seen codes of their items and annotators, and
 * the input line of each when they came from a file.
 */
final class Rows {
  final LabelCoding.Builder items = LabelCoding.builder();
  final LabelCoding.Builder annotators = LabelCoding.builder();
  int[] item = new int[16];
  int[] annotator = new int[16];
  long[] line = new long[16];
  int size;

  /** Adds an answer's item and annotator; returns its position. */
  int add(String itemId, String annotatorId, long lineNumber) {
    if (size == item.length) {
      int capacity = Math.max(16, size + (size >> 1));
      item = Arrays.copyOf(item, capacity);
      annotator = Arrays.copyOf(annotator, capacity);
      line = Arrays.copyOf(line, capacity);
    }
    item[size] = items.encode(itemId);
    annotator[size] = annotators.encode(annotatorId);
    line[size] = lineNumber;
    return size++;
  }

  /** Grows a payload array to hold the answer at {@code position}. */
  static int[] room(int[] values, int position) {
    return position < values.length
        ? values
        : Arrays.copyOf(values, Math.max(16, position * 3 / 2));
  }

  /** Grows a payload array to hold the answer at {@code position}. */
  static double[] room(double[] values, int position) {
    return position < values.length
        ? values
        : Arrays.copyOf(values, Math.max(16, position * 3 / 2));
  }

  Layout.Sorted sort(Layout.Tie tie) {
    return Layout.sort(items.build(), annotators.build(), item, annotator, size, tie);
  }

  /**
   * Throws for the first repeated answer of a sorted layout, naming the annotator, the item and,
   * when the answers came from a file, both lines.
   *
   * @param sorted the layout and where its answers came from
   * @param what what the annotator did, such as "answered" or "rated"
   * @param error makes the exception from the message
   */
  void checkRepeats(
      Layout.Sorted sorted, String what, Function<String, ? extends RuntimeException> error) {
    int k = Layout.repeatAt(sorted.layout());
    if (k < 0) {
      return;
    }
    Layout layout = sorted.layout();
    String message =
        "annotator "
            + quote(layout.annotators.label(layout.annotator[k]))
            + " "
            + what
            + " item "
            + quote(layout.items.label(layout.item[k]))
            + " twice";
    long first = line[sorted.order()[k - 1]];
    long second = line[sorted.order()[k]];
    if (first > 0 && second > 0) {
      message += ", on lines " + Math.min(first, second) + " and " + Math.max(first, second);
    }
    throw error.apply(message + " (allow repeats for multi-label answers)");
  }

  static String quote(String text) {
    return "'" + text + "'";
  }
}
