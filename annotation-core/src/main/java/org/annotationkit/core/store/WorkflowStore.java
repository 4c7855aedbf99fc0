package org.annotationkit.core.store;

import java.util.ArrayList;
import java.util.List;
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
   * Runs decisions one after the other, each atomic on its own as {@link #decide} runs it: a
   * decision that throws is refused and applies nothing, and the ones after it still run (on a view
   * that holds every decision applied before them). Returns once every applied decision is durable,
   * so a durable store may make them durable together (one group commit instead of one per
   * decision); an application that acknowledges work only after this returns acknowledges nothing
   * that a crash can lose, and a crash loses whole decisions only, never part of one.
   *
   * <p>The default runs {@link #decide} for each; a store overrides it when it can share the cost
   * of durability (the journal store shares {@code fsync}s, a SQL store could run each decision in
   * a savepoint of one transaction). In the default, a store that is closed refuses each decision
   * with the {@link IllegalStateException} of {@code decide}.
   *
   * @param decisions the decisions, in order
   * @param <T> the type of their results
   * @return what became of each, in the same order
   * @throws IllegalStateException if the store is closed, or failed so that applied decisions may
   *     not be durable (then none of them should be acknowledged)
   */
  default <T> List<Outcome<T>> decideEach(List<? extends Decision<T>> decisions) {
    List<Outcome<T>> outcomes = new ArrayList<>(decisions.size());
    for (Decision<T> decision : decisions) {
      try {
        outcomes.add(new Outcome.Applied<>(decide(decision)));
      } catch (RuntimeException e) {
        outcomes.add(new Outcome.Refused<>(e));
      }
    }
    return List.copyOf(outcomes);
  }

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
