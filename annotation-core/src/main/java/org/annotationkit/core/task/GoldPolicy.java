package org.annotationkit.core.task;

import java.util.Objects;
import java.util.Optional;
import org.annotationkit.core.internal.Require;

/**
 * What to do about an annotator after each gold answer: nothing, flag them, or flag and suspend
 * them (a suspended annotator gets no more work until {@linkplain Workflow#reinstate reinstated}).
 * Called inside the decision that stores the gold answer, with the standing that answer makes; it
 * must be a pure function of the standing.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface GoldPolicy {

  /**
   * Judges a standing.
   *
   * @param standing the annotator's gold record, the new answer included
   * @return a flag, or empty to do nothing
   */
  Optional<Flag> judge(GoldStanding standing);

  /**
   * A policy that never flags anybody.
   *
   * @return the policy
   */
  static GoldPolicy none() {
    return standing -> Optional.empty();
  }

  /**
   * Suspends an annotator whose gold accuracy is under a minimum once they answered enough gold:
   * {@code suspendBelow(0.8, 10)} suspends whoever has less than 80% right after 10 gold items.
   *
   * @param minAccuracy the least accuracy kept, in {@code [0, 1]}
   * @param minAnswered how many gold answers before the policy judges, {@code >= 1}
   * @return the policy
   */
  static GoldPolicy suspendBelow(double minAccuracy, int minAnswered) {
    if (!(minAccuracy >= 0 && minAccuracy <= 1)) {
      throw new IllegalArgumentException("minAccuracy must be in [0, 1], got " + minAccuracy);
    }
    Require.positive(minAnswered, "minAnswered");
    return standing -> {
      if (standing.answered() < minAnswered) {
        return Optional.empty();
      }
      double accuracy = standing.accuracy().orElse(1);
      if (accuracy >= minAccuracy) {
        return Optional.empty();
      }
      return Optional.of(
          new Flag(
              "gold accuracy "
                  + standing.correct()
                  + "/"
                  + standing.answered()
                  + " is under "
                  + minAccuracy
                  + " after "
                  + standing.answered()
                  + " gold items",
              true));
    };
  }

  /**
   * What the policy decided.
   *
   * @param reason why, for people, non-empty
   * @param suspend whether the annotator gets no more work
   * @since 0.1.0
   */
  record Flag(String reason, boolean suspend) {
    /** Checks the reason. */
    public Flag {
      Require.nonEmpty(Objects.requireNonNull(reason, "reason"), "reason");
    }
  }
}
