package org.annotationkit.core.task;

import java.util.Objects;

/**
 * Decides, when a regular task gets the last accepted annotation its overlap asks for, whether the
 * task is complete or needs one more annotator: the workflow's hook for consensus checking. A
 * policy that asks for one more raises the task's overlap by one ({@link
 * org.annotationkit.core.store.StoreEvent.OverlapRaised}) in the same decision that stores the
 * annotation, so the task goes back to the queue for a new annotator instead of completing; when
 * that annotator's answer counts, the policy is asked again.
 *
 * <p>Called inside a store's decision, which a store may run again: a policy must be a pure
 * function of the {@link ConsensusCheck} (no clock, no randomness without a fixed seed, no state
 * kept between calls), fast enough to run under the store's lock, and thread-safe. It must also
 * stop: a policy that never says {@link Verdict#COMPLETE} keeps a task open as long as there are
 * annotators, so bound it with {@link #upTo(int)}.
 *
 * <p>Core's policies look at nothing but the answers; annotation-metrics has one that weighs them
 * by the annotators' estimated skills ({@code
 * org.annotationkit.metrics.quality.ConsensusOverlapPolicy}).
 *
 * {@snippet :
 * // ask for more annotators (up to 5) until every accepted answer of an item gives the same values
 * ConsensusPolicy untilUnanimous =
 *     check -> check.accepted().stream()
 *                 .map(a -> a.results().stream().map(Result::value).toList())
 *                 .distinct().count() > 1
 *         ? ConsensusPolicy.Verdict.ONE_MORE
 *         : ConsensusPolicy.Verdict.COMPLETE;
 * Workflow workflow = Workflow.builder(store).consensusPolicy(untilUnanimous.upTo(5)).build();
 * }
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface ConsensusPolicy {

  /**
   * Judges a task that got as many accepted annotations as its overlap.
   *
   * @param check the task and its accepted annotations (and the project's, for skill estimates)
   * @return whether the task is complete or needs one more annotator
   */
  Verdict judge(ConsensusCheck check);

  /**
   * The policy of a workflow that checks no consensus: every task completes with its overlap.
   *
   * @return the policy
   */
  static ConsensusPolicy none() {
    return check -> Verdict.COMPLETE;
  }

  /**
   * This policy, but never past a maximum overlap: a task whose overlap is already {@code
   * maxOverlap} or more completes whatever this policy says (and this policy is not asked).
   *
   * @param maxOverlap the most distinct annotators a task may be given, {@code >= 1}
   * @return the bounded policy
   */
  default ConsensusPolicy upTo(int maxOverlap) {
    if (maxOverlap < 1) {
      throw new IllegalArgumentException("maxOverlap must be >= 1, got " + maxOverlap);
    }
    ConsensusPolicy inner = this;
    return check ->
        check.task().overlap() >= maxOverlap
            ? Verdict.COMPLETE
            : Objects.requireNonNull(inner.judge(check), "the policy's verdict");
  }

  /**
   * What a policy decided about a task.
   *
   * @since 0.1.0
   */
  enum Verdict {
    /** The task is complete with the annotations it has. */
    COMPLETE,
    /** The task needs one more distinct annotator: its overlap grows by one. */
    ONE_MORE
  }
}
