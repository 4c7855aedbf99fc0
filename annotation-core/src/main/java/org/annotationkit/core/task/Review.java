package org.annotationkit.core.task;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.annotationkit.core.annotation.Annotation;
import org.annotationkit.core.annotation.ReviewState;
import org.annotationkit.core.internal.Require;

/**
 * A reviewer's verdict on a submission. A correction is a new annotation kept beside the original,
 * never over it: the original stays stored as submitted.
 *
 * @param annotationId the submission reviewed
 * @param reviewerId who reviewed, non-empty, not the annotator of the submission
 * @param verdict accept, reject or correct
 * @param correction the corrected annotation, present exactly when the verdict is {@link
 *     Verdict#CORRECT}, with review state {@link ReviewState#CORRECTED} and another id
 * @param comment the reviewer's note, if any
 * @param reviewedAt when the verdict was recorded
 * @since 0.1.0
 */
public record Review(
    String annotationId,
    String reviewerId,
    Verdict verdict,
    Optional<Annotation> correction,
    Optional<String> comment,
    Instant reviewedAt) {

  /** Checks the parts. */
  public Review {
    Require.nonEmpty(annotationId, "annotationId");
    Require.nonEmpty(reviewerId, "reviewerId");
    Objects.requireNonNull(verdict, "verdict");
    Objects.requireNonNull(correction, "correction");
    Objects.requireNonNull(comment, "comment");
    Objects.requireNonNull(reviewedAt, "reviewedAt");
    if (correction.isPresent() != (verdict == Verdict.CORRECT)) {
      throw new IllegalArgumentException(
          "a correction must come with verdict CORRECT and only with it, got verdict "
              + verdict
              + (correction.isPresent() ? " with a correction" : " without a correction"));
    }
    correction.ifPresent(c -> {
      if (c.reviewState() != ReviewState.CORRECTED) {
        throw new IllegalArgumentException(
            "correction " + c.id() + " must have review state CORRECTED, got " + c.reviewState());
      }
      if (c.id().equals(annotationId)) {
        throw new IllegalArgumentException(
            "correction must have another id than the original " + annotationId);
      }
    });
  }

  /**
   * A reviewer's verdict.
   *
   * @since 0.1.0
   */
  public enum Verdict {
    /** The submission counts as it is. */
    ACCEPT,
    /** The submission does not count; the task goes back to the queue for another annotator. */
    REJECT,
    /** The reviewer's corrected version counts in its place. */
    CORRECT
  }
}
