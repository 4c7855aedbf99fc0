package org.annotationkit.core.annotation;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.annotationkit.core.internal.Require;
import org.annotationkit.core.schema.FieldKind;

/**
 * An order of the responses of a comparison, best first: a result of a {@link FieldKind#RANKING}
 * field. The validator checks that the ids are the item's responses.
 *
 * @param order response ids, best first: at least one, non-empty and unique each
 * @since 0.1.0
 */
public record RankingValue(List<String> order) implements Value {
  /** Checks and copies the order. */
  public RankingValue {
    order = Require.copyEach(order, "order", Require::nonEmpty);
    Require.unique(order, id -> id, id -> "order must be unique, got " + id + " twice");
    if (order.isEmpty()) {
      throw new IllegalArgumentException("order must not be empty");
    }
  }

  /**
   * The ranking of the given response ids, best first.
   *
   * @param order response ids, best first, unique
   * @return the value
   */
  public static RankingValue of(String... order) {
    return new RankingValue(Arrays.asList(Objects.requireNonNull(order, "order")));
  }

  /**
   * Returns {@link FieldKind#RANKING}.
   *
   * @return the field kind
   */
  @Override
  public FieldKind kind() {
    return FieldKind.RANKING;
  }
}
