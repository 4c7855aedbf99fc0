package org.annotationkit.core.task;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.annotationkit.core.internal.Require;

/**
 * What a project's work cost so far, under its pay policy. Amounts have {@value #SCALE} decimal
 * places, rounded half-even once per annotator (hourly pay: the annotator's total seconds times the
 * rate over 3600).
 *
 * @param pay the policy the costs were computed under
 * @param annotators one line per annotator who submitted anything, by annotator id
 * @param total the sum of the annotators' costs
 * @param completedTasks how many regular tasks are complete
 * @param costPerCompletedTask {@code total / completedTasks}, empty while none is complete
 * @since 0.1.0
 */
public record CostReport(
    PayPolicy pay,
    List<AnnotatorCost> annotators,
    BigDecimal total,
    int completedTasks,
    Optional<BigDecimal> costPerCompletedTask) {

  /** The decimal places of every amount. */
  public static final int SCALE = 6;

  /** Checks and copies the parts. */
  public CostReport {
    Objects.requireNonNull(pay, "pay");
    annotators = List.copyOf(annotators);
    Objects.requireNonNull(total, "total");
    Require.nonNegative(completedTasks, "completedTasks");
    Objects.requireNonNull(costPerCompletedTask, "costPerCompletedTask");
  }

  /**
   * One annotator's work and pay.
   *
   * @param annotatorId the annotator
   * @param submissions how many annotations they submitted
   * @param counted how many count (accepted, corrected, or gold answers)
   * @param rejected how many a reviewer rejected
   * @param seconds their total lead time
   * @param cost what they earned
   * @since 0.1.0
   */
  public record AnnotatorCost(
      String annotatorId,
      int submissions,
      int counted,
      int rejected,
      double seconds,
      BigDecimal cost) {
    /** Checks the parts. */
    public AnnotatorCost {
      Require.nonEmpty(annotatorId, "annotatorId");
      Require.nonNegative(submissions, "submissions");
      Require.nonNegative(counted, "counted");
      Require.nonNegative(rejected, "rejected");
      Require.finiteNonNegative(seconds, "seconds");
      Objects.requireNonNull(cost, "cost");
    }
  }
}
