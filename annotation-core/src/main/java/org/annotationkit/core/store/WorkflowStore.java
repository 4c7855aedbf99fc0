package org.annotationkit.core.store;

import java.util.function.Function;

/**
 * Keeps a workflow's state: the SPI a store implements (in memory, a journal on disk, a SQL
 * database shared by several processes).
 *
 * <p>A store holds one project. It must run each {@link Decision} against a view that stays
 * consistent while the decision runs and apply the events it returns atomically and in order (all
 * or none), serialized with every other decision on the same store, in this process or another. A
 * store may run a decision again after a conflict; it must not apply events that fail its own
 * checks of the state (a lease on a full task, a second submission by an annotator). Stores are
 * thread-safe.
 *
 * @since 0.1.0
 */
public interface WorkflowStore extends AutoCloseable {

  /**
   * Runs a decision and applies its events, atomically.
   *
   * @param decision the decision
   * @param <T> the type of its result
   * @return the decision's result, once its events are applied (durably, for a durable store)
   * @throws RuntimeException whatever the decision throws, with nothing applied
   * @throws IllegalStateException if an event does not fit the state, or the store is closed
   */
  <T> T decide(Decision<T> decision);

  /**
   * Reads the state.
   *
   * @param query a function of a consistent view; it must not keep the view
   * @param <T> the type of the answer
   * @return the query's answer
   * @throws IllegalStateException if the store is closed
   */
  <T> T read(Function<StoreView, T> query);

  /** Closes the store; later calls throw {@link IllegalStateException}. Closing twice is fine. */
  @Override
  void close();
}
