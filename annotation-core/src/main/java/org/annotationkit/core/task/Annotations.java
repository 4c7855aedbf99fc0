package org.annotationkit.core.task;

import java.time.Instant;
import org.annotationkit.core.annotation.Annotation;
import org.annotationkit.core.annotation.ReviewState;

/** Copies of annotations with one part changed. */
final class Annotations {
  private Annotations() {}

  static Annotation withReviewState(Annotation a, ReviewState state) {
    return new Annotation(
        a.id(),
        a.itemId(),
        a.annotatorId(),
        a.results(),
        a.origin(),
        a.createdAt(),
        a.leadTimeSeconds(),
        state);
  }

  /** Fills in a creation time and lead time that the annotator did not give. */
  static Annotation withTiming(Annotation a, Instant now, double leadTimeSeconds) {
    return new Annotation(
        a.id(),
        a.itemId(),
        a.annotatorId(),
        a.results(),
        a.origin(),
        a.createdAt().isPresent() ? a.createdAt() : java.util.Optional.of(now),
        a.leadTimeSeconds().isPresent()
            ? a.leadTimeSeconds()
            : java.util.OptionalDouble.of(leadTimeSeconds),
        a.reviewState());
  }
}
