package org.annotationkit.core.store;

import java.util.List;
import java.util.Objects;

/**
 * What a {@link Decision} decided: its result, and the events that a store applies atomically, in
 * order, before it hands the result back.
 *
 * @param result what the caller gets
 * @param events the changes, possibly none; copied
 * @param <T> the type of the result
 * @since 0.1.0
 */
public record Decided<T>(T result, List<StoreEvent> events) {
  /** Checks and copies the parts. */
  public Decided {
    Objects.requireNonNull(result, "result");
    events = List.copyOf(events);
  }
}
