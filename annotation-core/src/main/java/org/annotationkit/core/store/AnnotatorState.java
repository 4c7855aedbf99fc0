package org.annotationkit.core.store;

import java.util.Objects;
import java.util.Optional;
import org.annotationkit.core.annotation.Annotator;
import org.annotationkit.core.internal.Require;
import org.annotationkit.core.task.GoldPolicy;
import org.annotationkit.core.task.GoldStanding;

/**
 * What a store knows about an annotator.
 *
 * @param annotator the annotator as last seen (id, kind, skills)
 * @param assignments how many leases they were given, gold included
 * @param goldAssignments how many of those were gold
 * @param goldAnswered how many gold tasks they answered
 * @param goldCorrect how many of those answers were correct
 * @param flag the gold policy's last flag, until reinstated
 * @since 0.1.0
 */
public record AnnotatorState(
    Annotator annotator,
    int assignments,
    int goldAssignments,
    int goldAnswered,
    int goldCorrect,
    Optional<GoldPolicy.Flag> flag) {
  /** Checks the parts. */
  public AnnotatorState {
    Objects.requireNonNull(annotator, "annotator");
    Require.nonNegative(assignments, "assignments");
    Require.nonNegative(goldAssignments, "goldAssignments");
    Require.nonNegative(goldAnswered, "goldAnswered");
    Require.nonNegative(goldCorrect, "goldCorrect");
    Objects.requireNonNull(flag, "flag");
  }

  /**
   * Whether the annotator is suspended: gets no work.
   *
   * @return whether the flag says to suspend
   */
  public boolean suspended() {
    return flag.map(GoldPolicy.Flag::suspend).orElse(false);
  }

  /**
   * The annotator's gold record.
   *
   * @return the standing
   */
  public GoldStanding standing() {
    return new GoldStanding(annotator.id(), goldAnswered, goldCorrect);
  }
}
