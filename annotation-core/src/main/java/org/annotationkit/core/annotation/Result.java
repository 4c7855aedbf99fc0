package org.annotationkit.core.annotation;

import java.util.Objects;
import java.util.OptionalDouble;
import org.annotationkit.core.internal.Require;

/**
 * One answer within an annotation: a value for one field of the schema, with an id that relations
 * and transcriptions can point to.
 *
 * @param id the result's id, non-empty and unique within its annotation
 * @param field the name of the schema field answered, non-empty
 * @param value the answer, of the field's kind
 * @param score a model's confidence in the result, if any (finite when present)
 * @since 0.1.0
 */
public record Result(String id, String field, Value value, OptionalDouble score) {
  /** Checks the parts. */
  public Result {
    Require.nonEmpty(id, "id");
    Require.nonEmpty(field, "field");
    Objects.requireNonNull(value, "value");
    Require.finite(score, "score");
  }

  /**
   * A result without a score, as a person gives it.
   *
   * @param id the result's id, non-empty
   * @param field the name of the schema field answered, non-empty
   * @param value the answer
   * @return the result
   */
  public static Result of(String id, String field, Value value) {
    return new Result(id, field, value, OptionalDouble.empty());
  }
}
