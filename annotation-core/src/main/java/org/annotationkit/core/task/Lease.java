package org.annotationkit.core.task;

import java.time.Instant;
import java.util.Objects;
import org.annotationkit.core.internal.Require;

/**
 * An annotator's hold on a task: granted at one instant, lapsing at another unless the annotator
 * submits, skips or releases first. A task and an annotator have at most one lease ever, since an
 * annotator never gets the same item twice; the pair is the lease's identity.
 *
 * @param taskId the task, non-empty
 * @param annotatorId the annotator, non-empty
 * @param grantedAt when the lease began
 * @param expiresAt when it lapses, after {@code grantedAt}
 * @since 0.1.0
 */
public record Lease(String taskId, String annotatorId, Instant grantedAt, Instant expiresAt) {
  /** Checks the parts. */
  public Lease {
    Require.nonEmpty(taskId, "taskId");
    Require.nonEmpty(annotatorId, "annotatorId");
    Objects.requireNonNull(grantedAt, "grantedAt");
    Objects.requireNonNull(expiresAt, "expiresAt");
    if (!expiresAt.isAfter(grantedAt)) {
      throw new IllegalArgumentException(
          "expiresAt must be after grantedAt " + grantedAt + ", got " + expiresAt);
    }
  }

  /**
   * Whether the lease has lapsed at an instant.
   *
   * @param now the instant
   * @return whether {@code now} is at or after {@link #expiresAt()}
   */
  public boolean expiredAt(Instant now) {
    return !now.isBefore(expiresAt);
  }
}
