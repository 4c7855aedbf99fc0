package org.annotationkit.core.task;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.annotationkit.core.annotation.Annotation;
import org.annotationkit.core.annotation.ReviewState;
import org.annotationkit.core.internal.Require;

/**
 * An annotation stored for a task, with how it was received and where it stands. Immutable: a
 * review gives a new submission ({@link #withReview(Review)}) that keeps the original annotation.
 *
 * @param annotation the annotation as stored (its lead time and creation time filled in from the
 *     workflow's clock when the annotator gave none)
 * @param submittedAt when it was stored
 * @param leadTimeSeconds the time from lease to submission as the workflow measured it
 * @param awaitingReview whether it needed a reviewer's verdict when stored (review on, not gold)
 * @param gold the outcome on a gold task, or {@link GoldOutcome#NOT_GOLD}
 * @param review the reviewer's verdict, once given
 * @since 0.1.0
 */
public record Submission(
    Annotation annotation,
    Instant submittedAt,
    double leadTimeSeconds,
    boolean awaitingReview,
    GoldOutcome gold,
    Optional<Review> review) {

  /** Checks the parts. */
  public Submission {
    Objects.requireNonNull(annotation, "annotation");
    Objects.requireNonNull(submittedAt, "submittedAt");
    Require.finiteNonNegative(leadTimeSeconds, "leadTimeSeconds");
    Objects.requireNonNull(gold, "gold");
    Objects.requireNonNull(review, "review");
    if (gold != GoldOutcome.NOT_GOLD && awaitingReview) {
      throw new IllegalArgumentException("a gold answer is scored, never awaits review");
    }
    review.ifPresent(r -> {
      if (!r.annotationId().equals(annotation.id())) {
        throw new IllegalArgumentException(
            "review is of annotation " + r.annotationId() + ", expected " + annotation.id());
      }
      if (!awaitingReview) {
        throw new IllegalArgumentException(
            "annotation " + annotation.id() + " was not awaiting review");
      }
    });
  }

  /**
   * The task's id: the annotation's item id.
   *
   * @return the task id
   */
  public String taskId() {
    return annotation.itemId();
  }

  /**
   * The submission's id: its annotation's id.
   *
   * @return the annotation id
   */
  public String id() {
    return annotation.id();
  }

  /**
   * Where the submission stands.
   *
   * @return pending review, accepted, rejected or corrected
   */
  public Status status() {
    if (review.isPresent()) {
      return switch (review.get().verdict()) {
        case ACCEPT -> Status.ACCEPTED;
        case REJECT -> Status.REJECTED;
        case CORRECT -> Status.CORRECTED;
      };
    }
    return awaitingReview ? Status.PENDING_REVIEW : Status.ACCEPTED;
  }

  /**
   * Whether the submission counts towards its task's overlap: accepted, or replaced by a
   * correction.
   *
   * @return whether it counts
   */
  public boolean counts() {
    Status status = status();
    return status == Status.ACCEPTED || status == Status.CORRECTED;
  }

  /**
   * The annotation that counts for this submission: the correction when there is one, else the
   * annotation with the review state of its verdict ({@link ReviewState#ACCEPTED}, or {@link
   * ReviewState#UNREVIEWED} when the project has no review).
   *
   * @return the annotation, or empty when the submission does not count
   */
  public Optional<Annotation> effectiveAnnotation() {
    return switch (status()) {
      case PENDING_REVIEW, REJECTED -> Optional.empty();
      case CORRECTED -> review.flatMap(Review::correction);
      case ACCEPTED ->
          Optional.of(
              review.isPresent()
                  ? Annotations.withReviewState(annotation, ReviewState.ACCEPTED)
                  : annotation);
    };
  }

  /**
   * This submission with a reviewer's verdict.
   *
   * @param verdict the review
   * @return the reviewed submission
   */
  public Submission withReview(Review verdict) {
    return new Submission(
        annotation, submittedAt, leadTimeSeconds, awaitingReview, gold, Optional.of(verdict));
  }

  /**
   * Where a submission stands.
   *
   * @since 0.1.0
   */
  public enum Status {
    /** Waiting for a reviewer. */
    PENDING_REVIEW,
    /** Counts as it is. */
    ACCEPTED,
    /** Does not count. */
    REJECTED,
    /** A reviewer's correction counts in its place. */
    CORRECTED
  }

  /**
   * How a submission fared on a gold task.
   *
   * @since 0.1.0
   */
  public enum GoldOutcome {
    /** The task is not gold. */
    NOT_GOLD,
    /** The answer matched the known answer. */
    CORRECT,
    /** The answer did not match the known answer. */
    INCORRECT
  }
}
