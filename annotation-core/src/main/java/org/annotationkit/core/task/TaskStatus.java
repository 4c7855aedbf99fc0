package org.annotationkit.core.task;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.annotationkit.core.internal.Require;

/**
 * Where a task stands, for the project's owner (never shown to annotators: it says whether the task
 * is gold).
 *
 * @param task the task
 * @param gold whether it is a gold task
 * @param counted how many submissions count (accepted or corrected)
 * @param pending how many wait for review
 * @param openLeases how many leases on it are open
 * @param completedAt when it got its last needed annotation; always empty for gold tasks
 * @since 0.1.0
 */
public record TaskStatus(
    Task task,
    boolean gold,
    int counted,
    int pending,
    int openLeases,
    Optional<Instant> completedAt) {
  /** Checks the parts. */
  public TaskStatus {
    Objects.requireNonNull(task, "task");
    Require.nonNegative(counted, "counted");
    Require.nonNegative(pending, "pending");
    Require.nonNegative(openLeases, "openLeases");
    Objects.requireNonNull(completedAt, "completedAt");
  }

  /**
   * How many more leases the task can take now: its overlap less what counts, waits for review or
   * is leased; unbounded ({@link Integer#MAX_VALUE}) for gold tasks.
   *
   * @return the free slots, {@code >= 0}
   */
  public int freeSlots() {
    if (gold) {
      return Integer.MAX_VALUE;
    }
    return Math.max(0, task.overlap() - counted - pending - openLeases);
  }

  /**
   * Whether the task is complete.
   *
   * @return whether {@link #completedAt()} is present
   */
  public boolean complete() {
    return completedAt.isPresent();
  }
}
