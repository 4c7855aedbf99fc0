package org.annotationkit.core.store;

import java.util.Objects;

/**
 * What became of one decision of {@link WorkflowStore#decideEach}: applied with its result, or
 * refused with what it threw (and then nothing of it was applied).
 *
 * @param <T> the type of the decision's result
 * @since 0.1.0
 */
public sealed interface Outcome<T> {

  /**
   * The decision was applied (durably, for a durable store).
   *
   * @param result what the decision gave
   * @param <T> the type of the result
   * @since 0.1.0
   */
  record Applied<T>(T result) implements Outcome<T> {
    /** Checks the part. */
    public Applied {
      Objects.requireNonNull(result, "result");
    }
  }

  /**
   * The decision threw, or its events did not fit the state: nothing of it was applied.
   *
   * @param reason what it threw
   * @param <T> the type of the result it would have given
   * @since 0.1.0
   */
  record Refused<T>(RuntimeException reason) implements Outcome<T> {
    /** Checks the part. */
    public Refused {
      Objects.requireNonNull(reason, "reason");
    }
  }
}
