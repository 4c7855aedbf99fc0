package org.annotationkit.metrics.data;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.annotationkit.core.coding.LabelCoding;
import org.jspecify.annotations.Nullable;

/**
 * How the categories of an answer table are coded when the caller does not give them.
 *
 * @since 0.1.0
 */
public enum CategoryOrder {
  /**
   * By numeric value when every label is a decimal number ({@code 1, 2, 10} or {@code -0.5, 0.25}),
   * so that ordinal and interval statistics see the scale in its order; otherwise sorted by code
   * point, as {@link LabelCoding#sorted(Iterable)}. Labels that are equal numbers written
   * differently ({@code 1} and {@code 1.0}) stay two categories, ordered by their text.
   */
  NATURAL,
  /** Sorted by code point, as {@link LabelCoding#sorted(Iterable)}, numbers or not. */
  SORTED;

  /**
   * The coding of the given distinct labels in this order.
   *
   * @param labels the labels, distinct or not, in any order
   * @return the coding
   */
  public LabelCoding code(Collection<String> labels) {
    LabelCoding sorted = LabelCoding.sorted(labels);
    if (this == SORTED || sorted.size() < 2) {
      return sorted;
    }
    List<BigDecimal> values = new ArrayList<>(sorted.size());
    for (String label : sorted.labels()) {
      BigDecimal value = number(label);
      if (value == null) {
        return sorted;
      }
      values.add(value);
    }
    Integer[] order = new Integer[sorted.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    // A stable sort on the value keeps equal numbers (1 and 1.0) in code-point order.
    Arrays.sort(order, (a, b) -> values.get(a).compareTo(values.get(b)));
    List<String> labelsInOrder = new ArrayList<>(order.length);
    for (Integer index : order) {
      labelsInOrder.add(sorted.label(index));
    }
    return LabelCoding.of(labelsInOrder);
  }

  /** The label's value when it is a plain decimal number, else null. */
  static @Nullable BigDecimal number(String label) {
    int n = label.length();
    int i = 0;
    if (i < n && (label.charAt(i) == '-' || label.charAt(i) == '+')) {
      i++;
    }
    int digits = 0;
    boolean point = false;
    for (; i < n; i++) {
      char c = label.charAt(i);
      if (c >= '0' && c <= '9') {
        digits++;
      } else if (c == '.' && !point) {
        point = true;
      } else if ((c == 'e' || c == 'E') && digits > 0) {
        break;
      } else {
        return null;
      }
    }
    if (digits == 0) {
      return null;
    }
    try {
      return new BigDecimal(label);
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
