package org.annotationkit.core.schema;

import java.util.Objects;
import java.util.OptionalInt;
import org.annotationkit.core.internal.Require;

/**
 * How many results a field takes in one annotation, and whether they may overlap.
 *
 * <p>The count is the number of results of the field in one annotation; for a {@link
 * FieldKind#MULTIPLE_CHOICE} field it is the number of labels chosen. A field that is not required
 * may be left out (count 0); once answered, and always when required, its count must lie within
 * {@code [max(minCount, required ? 1 : 0), maxCount]}. See {@link #allowsCount(int)}.
 *
 * @param required whether every annotation must answer the field (at least one result)
 * @param minCount the least number of results when the field is answered, {@code >= 0}
 * @param maxCount the greatest number of results, if bounded; {@code >= max(minCount, 1)}
 * @param allowOverlap whether two results of the field may overlap; {@code false} is meaningful
 *     only for {@link FieldKind#SPAN} and {@link FieldKind#TIME_SEGMENT} fields (a {@link Field} of
 *     another kind rejects it)
 * @since 0.1.0
 */
public record Constraints(
    boolean required, int minCount, OptionalInt maxCount, boolean allowOverlap) {

  /** No constraint: optional, any number of results, overlaps allowed. */
  public static final Constraints NONE = new Constraints(false, 0, OptionalInt.empty(), true);

  /**
   * Validates the components.
   *
   * @throws IllegalArgumentException when {@code minCount < 0} or {@code maxCount < max(minCount,
   *     1)}
   */
  public Constraints {
    Objects.requireNonNull(maxCount, "maxCount");
    Require.nonNegative(minCount, "minCount");
    if (maxCount.isPresent() && maxCount.getAsInt() < Math.max(minCount, 1)) {
      throw new IllegalArgumentException(
          "maxCount must be >= max(minCount, 1) = "
              + Math.max(minCount, 1)
              + ", got "
              + maxCount.getAsInt());
    }
  }

  /**
   * Whether an annotation may hold this many results of the field: 0 when the field is not
   * required, or a count within {@code [max(minCount, required ? 1 : 0), maxCount]}.
   *
   * @param count the number of results (for multiple choice, of labels chosen)
   * @return whether the count is allowed
   */
  public boolean allowsCount(int count) {
    if (count < 0) {
      return false;
    }
    if (count == 0 && !required) {
      return true;
    }
    int least = Math.max(minCount, required ? 1 : 0);
    return count >= least && (maxCount.isEmpty() || count <= maxCount.getAsInt());
  }
}
