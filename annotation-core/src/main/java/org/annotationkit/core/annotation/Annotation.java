package org.annotationkit.core.annotation;

import com.google.errorprone.annotations.CanIgnoreReturnValue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import org.annotationkit.core.internal.Require;

/**
 * What one annotator said about one item: a list of results, one or more per schema field, with who
 * made them, when, how long it took, and where the annotation stands in review.
 *
 * <p>Build one with {@link #builder(String, String, String)}:
 *
 * {@snippet :
 * Annotation annotation =
 *     Annotation.builder("a1", "image-17", "alice")
 *         .result("r1", "objects", new BoxValue("car", Box.of(10, 20, 200, 100)))
 *         .result("r2", "objects", new BoxValue("person", Box.of(300, 40, 60, 180)))
 *         .createdAt(Instant.parse("2026-03-01T09:30:00Z"))
 *         .leadTimeSeconds(42.5)
 *         .build();
 * }
 *
 * @param id the annotation's id, non-empty
 * @param itemId the id of the item annotated, non-empty
 * @param annotatorId the id of the annotator, non-empty
 * @param results the results, with unique ids, copied
 * @param origin a person, or the model that produced the annotation
 * @param createdAt when the annotation was made, if recorded
 * @param leadTimeSeconds how long the annotator took, if recorded (finite and {@code >= 0})
 * @param reviewState where the annotation stands in review
 * @since 0.1.0
 */
public record Annotation(
    String id,
    String itemId,
    String annotatorId,
    List<Result> results,
    Origin origin,
    Optional<Instant> createdAt,
    OptionalDouble leadTimeSeconds,
    ReviewState reviewState) {
  /** Checks and copies the parts. */
  public Annotation {
    Require.nonEmpty(id, "id");
    Require.nonEmpty(itemId, "itemId");
    Require.nonEmpty(annotatorId, "annotatorId");
    results = List.copyOf(Objects.requireNonNull(results, "results"));
    Require.requireUnique(
        results,
        Result::id,
        repeated -> "results must have unique ids, got " + repeated + " twice");
    Objects.requireNonNull(origin, "origin");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(leadTimeSeconds, "leadTimeSeconds");
    leadTimeSeconds.ifPresent(seconds -> Require.finiteNonNegative(seconds, "leadTimeSeconds"));
    Objects.requireNonNull(reviewState, "reviewState");
  }

  /**
   * Starts an annotation by a person, unreviewed, with no results, and no creation time and no lead
   * time until set.
   *
   * @param id the annotation's id, non-empty
   * @param itemId the id of the item annotated, non-empty
   * @param annotatorId the id of the annotator, non-empty
   * @return a new builder
   */
  public static Builder builder(String id, String itemId, String annotatorId) {
    return new Builder(id, itemId, annotatorId);
  }

  /**
   * Finds a result by id.
   *
   * @param resultId the result's id
   * @return the result, or empty when none has that id
   */
  public Optional<Result> result(String resultId) {
    Objects.requireNonNull(resultId, "resultId");
    for (Result result : results) {
      if (result.id().equals(resultId)) {
        return Optional.of(result);
      }
    }
    return Optional.empty();
  }

  /**
   * Collects the parts of an {@link Annotation}. A setter called twice keeps the last value;
   * results accumulate in the order added. Not thread-safe; {@link #build()} checks everything and
   * may be called more than once.
   *
   * @since 0.1.0
   */
  public static final class Builder {
    private final String id;
    private final String itemId;
    private final String annotatorId;
    private final List<Result> results = new ArrayList<>();
    private Origin origin = Origin.HUMAN;
    private Optional<Instant> createdAt = Optional.empty();
    private OptionalDouble leadTimeSeconds = OptionalDouble.empty();
    private ReviewState reviewState = ReviewState.UNREVIEWED;

    private Builder(String id, String itemId, String annotatorId) {
      Require.nonEmpty(id, "id");
      Require.nonEmpty(itemId, "itemId");
      Require.nonEmpty(annotatorId, "annotatorId");
      this.id = id;
      this.itemId = itemId;
      this.annotatorId = annotatorId;
    }

    /**
     * Adds a result.
     *
     * @param result the result
     * @return this builder
     */
    @CanIgnoreReturnValue
    public Builder result(Result result) {
      results.add(Objects.requireNonNull(result, "result"));
      return this;
    }

    /**
     * Adds a result without a score.
     *
     * @param resultId the result's id, non-empty
     * @param field the name of the schema field answered, non-empty
     * @param value the answer
     * @return this builder
     */
    @CanIgnoreReturnValue
    public Builder result(String resultId, String field, Value value) {
      return result(Result.of(resultId, field, value));
    }

    /**
     * Adds results, in order, after those added before.
     *
     * @param results the results
     * @return this builder
     */
    @CanIgnoreReturnValue
    public Builder results(List<Result> results) {
      Objects.requireNonNull(results, "results");
      for (Result result : results) {
        result(result);
      }
      return this;
    }

    /**
     * Sets who made the annotation (default {@link Origin#HUMAN}).
     *
     * @param origin a person, or a model
     * @return this builder
     */
    @CanIgnoreReturnValue
    public Builder origin(Origin origin) {
      this.origin = Objects.requireNonNull(origin, "origin");
      return this;
    }

    /**
     * Sets when the annotation was made (default: not recorded).
     *
     * @param createdAt the instant
     * @return this builder
     */
    @CanIgnoreReturnValue
    public Builder createdAt(Instant createdAt) {
      this.createdAt = Optional.of(Objects.requireNonNull(createdAt, "createdAt"));
      return this;
    }

    /**
     * Sets how long the annotator took (default: not recorded).
     *
     * @param seconds the lead time in seconds, finite and {@code >= 0}
     * @return this builder
     * @throws IllegalArgumentException if the time is negative, NaN or infinite
     */
    @CanIgnoreReturnValue
    public Builder leadTimeSeconds(double seconds) {
      Require.finiteNonNegative(seconds, "leadTimeSeconds");
      this.leadTimeSeconds = OptionalDouble.of(seconds);
      return this;
    }

    /**
     * Sets where the annotation stands in review (default {@link ReviewState#UNREVIEWED}).
     *
     * @param reviewState the state
     * @return this builder
     */
    @CanIgnoreReturnValue
    public Builder reviewState(ReviewState reviewState) {
      this.reviewState = Objects.requireNonNull(reviewState, "reviewState");
      return this;
    }

    /**
     * Builds the annotation.
     *
     * @return the annotation
     * @throws IllegalArgumentException if two results share an id
     */
    public Annotation build() {
      return new Annotation(
          id, itemId, annotatorId, results, origin, createdAt, leadTimeSeconds, reviewState);
    }
  }
}
