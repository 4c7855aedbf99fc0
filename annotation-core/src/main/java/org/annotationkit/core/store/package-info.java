/**
 * Where a labeling workflow keeps its state: the store SPI, an in-memory store and a durable one.
 *
 * <p>Every state change is an explicit immutable {@link org.annotationkit.core.store.StoreEvent}:
 * what a journal persists and replays, and what a SQL store executes. Every decision of the
 * workflow (which task to lease, whether a submission is stored) is a {@link
 * org.annotationkit.core.store.Decision}: a pure function from a consistent {@link
 * org.annotationkit.core.store.StoreView} to a result and the events to apply, which a {@link
 * org.annotationkit.core.store.WorkflowStore} runs atomically. A SQL store runs each decision in
 * one transaction (its view reading with {@code SELECT ... FOR UPDATE}, its events as {@code
 * INSERT}s and {@code UPDATE}s) and may run it again after a serialization failure; nothing in the
 * SPI relies on locks or objects of one JVM.
 *
 * <p>{@link org.annotationkit.core.store.InMemoryStore} keeps the state in memory; its {@link
 * org.annotationkit.core.store.CommitHook} sees each decision's events before they are applied (to
 * persist them), and {@link org.annotationkit.core.store.InMemoryStore#replay} rebuilds the state
 * from a sequence of events. {@link org.annotationkit.core.store.JournalStore} is the durable
 * embedded store: the same state, made durable by a journal, one record per decision (its encoding
 * is described there and in {@code docs/store.md}).
 *
 * @since 0.1.0
 */
@NullMarked
@CheckReturnValue
package org.annotationkit.core.store;

import com.google.errorprone.annotations.CheckReturnValue;
import org.jspecify.annotations.NullMarked;
