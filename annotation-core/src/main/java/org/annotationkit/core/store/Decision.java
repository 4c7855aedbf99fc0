package org.annotationkit.core.store;

/**
 * One decision of a workflow: reads a consistent view of the state and says what to change. It must
 * be a pure function of the view (the time and any randomness come in from outside), because a
 * store may run it again, on a fresh view, after a conflict with another process. Throwing an
 * exception rejects the decision: nothing is applied.
 *
 * @param <T> what the decision gives its caller
 * @since 0.1.0
 */
@FunctionalInterface
public interface Decision<T> {

  /**
   * Decides.
   *
   * @param view the state, consistent for the whole decision
   * @return the result and the events to apply
   */
  Decided<T> decide(StoreView view);
}
