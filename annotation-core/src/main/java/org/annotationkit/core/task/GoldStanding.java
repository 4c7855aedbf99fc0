package org.annotationkit.core.task;

import java.util.OptionalDouble;
import org.annotationkit.core.internal.Require;

/**
 * An annotator's record on gold tasks so far.
 *
 * @param annotatorId the annotator
 * @param answered how many gold tasks the annotator answered, {@code >= 0}
 * @param correct how many of those matched the known answer, in {@code [0, answered]}
 * @since 0.1.0
 */
public record GoldStanding(String annotatorId, int answered, int correct) {
  /** Checks the parts. */
  public GoldStanding {
    Require.nonEmpty(annotatorId, "annotatorId");
    Require.nonNegative(answered, "answered");
    if (correct < 0 || correct > answered) {
      throw new IllegalArgumentException(
          "correct must be in [0, " + answered + "], got " + correct);
    }
  }

  /**
   * The share of gold answers that were correct.
   *
   * @return {@code correct / answered}, or empty before the first gold answer
   */
  public OptionalDouble accuracy() {
    return answered == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) correct / answered);
  }
}
