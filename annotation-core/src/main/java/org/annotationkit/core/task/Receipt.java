package org.annotationkit.core.task;

import java.time.Instant;
import org.annotationkit.core.internal.Require;

/**
 * What an annotator gets back for a stored submission. The same for gold and regular tasks, and for
 * a retry of a submission already stored.
 *
 * @param annotationId the annotation stored
 * @param taskId its task
 * @param submittedAt when it was first stored
 * @param leadTimeSeconds the time from lease to submission, as the workflow measured it
 * @since 0.1.0
 */
public record Receipt(
    String annotationId, String taskId, Instant submittedAt, double leadTimeSeconds) {
  /** Checks the parts. */
  public Receipt {
    Require.nonEmpty(annotationId, "annotationId");
    Require.nonEmpty(taskId, "taskId");
    java.util.Objects.requireNonNull(submittedAt, "submittedAt");
    Require.finiteNonNegative(leadTimeSeconds, "leadTimeSeconds");
  }
}
