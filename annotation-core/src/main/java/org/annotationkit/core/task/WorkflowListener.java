package org.annotationkit.core.task;

import java.time.Instant;

/**
 * Hears what happens in a workflow. Each method is called after the change it reports is stored, on
 * the thread that caused it, outside any lock; listeners of concurrent calls may run concurrently
 * and must be thread-safe. An exception thrown by a listener is logged and does not undo the
 * change.
 *
 * @since 0.1.0
 */
public interface WorkflowListener {

  /**
   * A regular task got its last needed accepted annotation.
   *
   * @param taskId the task
   * @param at when
   */
  default void taskCompleted(String taskId, Instant at) {}

  /**
   * A regular task needs more annotators: its overlap grew (a consensus policy asked for one more
   * annotator, or {@link Workflow#requestAnotherAnnotator}) and it is back in the queue.
   *
   * @param taskId the task
   * @param overlap its new overlap
   * @param at when
   */
  default void overlapRaised(String taskId, int overlap, Instant at) {}

  /**
   * An annotator answered a gold task.
   *
   * @param annotationId the answer
   * @param taskId the gold task
   * @param correct whether the answer matched the known answer
   * @param standing the annotator's gold record with this answer
   */
  default void goldAnswered(
      String annotationId, String taskId, boolean correct, GoldStanding standing) {}

  /**
   * The gold policy flagged an annotator.
   *
   * @param standing the annotator's gold record
   * @param flag the reason, and whether the annotator was suspended
   */
  default void annotatorFlagged(GoldStanding standing, GoldPolicy.Flag flag) {}

  /**
   * A lease lapsed and its task went back to the queue.
   *
   * @param lease the lease
   */
  default void leaseExpired(Lease lease) {}
}
