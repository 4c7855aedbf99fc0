package org.annotationkit.core.task;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.annotationkit.core.annotation.Annotation;
import org.annotationkit.core.internal.Require;
import org.annotationkit.core.item.Item;

/**
 * What an annotator gets from {@link Workflow#next}: the item to label, the model pre-labels to
 * start from, and until when the lease holds. A gold task's assignment is made the same way from
 * the same parts as any other: nothing in it tells that the item is gold.
 *
 * @param taskId the task's id (its item's id)
 * @param annotatorId the annotator holding the lease
 * @param item the item
 * @param prelabels model annotations to start from, possibly none
 * @param grantedAt when the lease began
 * @param expiresAt when the lease lapses
 * @since 0.1.0
 */
public record Assignment(
    String taskId,
    String annotatorId,
    Item item,
    List<Annotation> prelabels,
    Instant grantedAt,
    Instant expiresAt) {
  /** Checks and copies the parts. */
  public Assignment {
    Require.nonEmpty(taskId, "taskId");
    Require.nonEmpty(annotatorId, "annotatorId");
    Objects.requireNonNull(item, "item");
    prelabels = List.copyOf(Objects.requireNonNull(prelabels, "prelabels"));
    Objects.requireNonNull(grantedAt, "grantedAt");
    Objects.requireNonNull(expiresAt, "expiresAt");
  }

  /**
   * The assignment of a task under a lease.
   *
   * @param task the task
   * @param lease the annotator's lease on it
   * @return the assignment
   */
  public static Assignment of(Task task, Lease lease) {
    if (!task.id().equals(lease.taskId())) {
      throw new IllegalArgumentException(
          "lease is of task " + lease.taskId() + ", expected " + task.id());
    }
    return new Assignment(
        task.id(),
        lease.annotatorId(),
        task.item(),
        task.prelabels(),
        lease.grantedAt(),
        lease.expiresAt());
  }

  /**
   * The lease this assignment is held under.
   *
   * @return the lease
   */
  public Lease lease() {
    return new Lease(taskId, annotatorId, grantedAt, expiresAt);
  }
}
