package org.annotationkit.core.store;

import java.util.List;

/**
 * Sees the events of each decision of an {@link InMemoryStore} before the store applies them, while
 * the store is locked: where a durable store persists them. If the hook throws, nothing is applied
 * and the exception reaches the caller of the decision.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface CommitHook {

  /**
   * Called with the events of one decision, never empty, in order.
   *
   * @param events the events
   */
  void beforeApply(List<StoreEvent> events);
}
