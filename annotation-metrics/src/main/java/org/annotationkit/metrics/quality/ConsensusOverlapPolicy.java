package org.annotationkit.metrics.quality;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.annotationkit.core.annotation.Annotation;
import org.annotationkit.core.annotation.ChoiceValue;
import org.annotationkit.core.annotation.Result;
import org.annotationkit.core.task.ConsensusCheck;
import org.annotationkit.core.task.ConsensusPolicy;
import org.annotationkit.metrics.aggregation.Aggregation;
import org.annotationkit.metrics.aggregation.Aggregator;
import org.annotationkit.metrics.aggregation.DawidSkene;
import org.annotationkit.metrics.aggregation.WeightedMajorityVote;
import org.annotationkit.metrics.data.Answers;

/**
 * A {@link ConsensusPolicy} that asks for one more annotator while the consensus on an item is
 * weak: when a task gets as many accepted answers as its overlap, an {@link Aggregator} aggregates
 * one single-choice field's answers, and the task completes only if the confidence of the item's
 * aggregated label (its posterior probability, or for majority vote its share of votes) is at least
 * a threshold, or the task already has the maximum overlap; otherwise its overlap grows by one.
 *
 * <p>With {@link Scope#PROJECT} (the default) the method sees every accepted answer of the
 * project's regular tasks so far, so a model-based method (Dawid-Skene, one-coin, GLAD, MACE)
 * weighs the item's answers by the annotators' skills as estimated over the whole project: two
 * reliable annotators who agree outweigh three who often err. {@link Scope#TASK} aggregates the
 * task's own answers only, which is all majority vote needs and costs nothing per project; with
 * project scope each completion costs one aggregation of the project's answers so far (for
 * Dawid-Skene, a few passes over them), which is fine for projects of some ten thousand answers and
 * grows with the project. Aggregators are deterministic and independent of the answers' order, so
 * the verdict is a pure function of the store's state, as a {@link ConsensusPolicy} must be.
 *
 * <p>An answer without a result for the field does not count as an answer of the item; an item
 * whose accepted annotations hold no answer for the field has confidence 0, and so asks for more
 * annotators up to the cap.
 *
 * {@snippet :
 * // Dawid-Skene over the project so far; complete at a posterior of 0.9, at most 5 annotators
 * ConsensusOverlapPolicy policy =
 *     ConsensusOverlapPolicy.of("kind", DawidSkene.defaults(), 0.9, 5);
 * Workflow workflow = Workflow.builder(store).consensusPolicy(policy).build();
 * // with overlap 3: an item answered cat, cat, dog by annotators the model trusts little gets a
 * // fourth annotator, then a fifth if its posterior is still under 0.9, and completes at 5
 * }
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class ConsensusOverlapPolicy implements ConsensusPolicy {

  /**
   * Which answers the method aggregates.
   *
   * @since 0.1.0
   */
  public enum Scope {
    /** Every accepted answer of the project's regular tasks so far (skills estimated over all). */
    PROJECT,
    /** The task's own accepted answers only. */
    TASK
  }

  private final String field;
  private final Aggregator method;
  private final double threshold;
  private final int maxOverlap;
  private final Scope scope;

  private ConsensusOverlapPolicy(
      String field, Aggregator method, double threshold, int maxOverlap, Scope scope) {
    this.field = field;
    this.method = method;
    this.threshold = threshold;
    this.maxOverlap = maxOverlap;
    this.scope = scope;
  }

  /**
   * A policy over the project's answers so far.
   *
   * @param field the single-choice field whose answers are aggregated, non-empty
   * @param method the aggregation method, such as {@link DawidSkene#defaults()}
   * @param threshold the least confidence at which a task completes, in {@code [0, 1]}
   * @param maxOverlap the most distinct annotators a task may be given, {@code >= 1}
   * @return the policy
   * @throws IllegalArgumentException if the field is empty, the threshold outside {@code [0, 1]} or
   *     the cap below 1
   */
  public static ConsensusOverlapPolicy of(
      String field, Aggregator method, double threshold, int maxOverlap) {
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(method, "method");
    if (field.isEmpty()) {
      throw new IllegalArgumentException("field must not be empty");
    }
    if (!(threshold >= 0 && threshold <= 1)) {
      throw new IllegalArgumentException("threshold must be in [0, 1], got " + threshold);
    }
    if (maxOverlap < 1) {
      throw new IllegalArgumentException("maxOverlap must be >= 1, got " + maxOverlap);
    }
    return new ConsensusOverlapPolicy(field, method, threshold, maxOverlap, Scope.PROJECT);
  }

  /**
   * Majority vote over the task's own answers: complete once the winning label has at least the
   * given share of the votes (a tie is under every threshold above one half).
   *
   * @param field the single-choice field, non-empty
   * @param threshold the least share of votes, in {@code [0, 1]}
   * @param maxOverlap the most distinct annotators a task may be given, {@code >= 1}
   * @return the policy
   */
  public static ConsensusOverlapPolicy majority(String field, double threshold, int maxOverlap) {
    return of(field, WeightedMajorityVote.unweighted(), threshold, maxOverlap)
        .withScope(Scope.TASK);
  }

  /**
   * This policy over other answers.
   *
   * @param newScope the project's answers so far, or the task's own
   * @return a new policy
   */
  public ConsensusOverlapPolicy withScope(Scope newScope) {
    return new ConsensusOverlapPolicy(
        field, method, threshold, maxOverlap, Objects.requireNonNull(newScope, "scope"));
  }

  @Override
  public Verdict judge(ConsensusCheck check) {
    Objects.requireNonNull(check, "check");
    if (check.task().overlap() >= maxOverlap) {
      return Verdict.COMPLETE;
    }
    return confidence(check) >= threshold ? Verdict.COMPLETE : Verdict.ONE_MORE;
  }

  /**
   * The confidence the method gives the task's item: what {@link #judge} compares with the
   * threshold.
   *
   * @param check the task and the answers
   * @return in {@code [0, 1]}; 0 when no accepted annotation of the task answers the field
   * @throws IllegalArgumentException if an annotation answers the field with something other than a
   *     single choice, naming the annotation
   */
  public double confidence(ConsensusCheck check) {
    Objects.requireNonNull(check, "check");
    List<Annotation> answers = scope == Scope.PROJECT ? check.projectAnswers() : check.accepted();
    Answers.Builder table = Answers.builder();
    boolean answered = false;
    for (Annotation annotation : answers) {
      Optional<String> label = label(annotation);
      if (label.isPresent()) {
        table.add(annotation.itemId(), annotation.annotatorId(), label.get());
        answered |= annotation.itemId().equals(check.task().id());
      }
    }
    if (!answered) {
      return 0;
    }
    Aggregation result = method.aggregate(table.build());
    return result.confidence(result.items().code(check.task().id()));
  }

  private Optional<String> label(Annotation annotation) {
    for (Result result : annotation.results()) {
      if (!result.field().equals(field)) {
        continue;
      }
      if (result.value() instanceof ChoiceValue choice) {
        return Optional.of(choice.label());
      }
      throw new IllegalArgumentException(
          "annotation '"
              + annotation.id()
              + "' answers field '"
              + field
              + "' with a "
              + result.value().getClass().getSimpleName()
              + "; the consensus policy aggregates single choices");
    }
    return Optional.empty();
  }

  @Override
  public String toString() {
    return "ConsensusOverlapPolicy["
        + field
        + ", "
        + method
        + ", threshold "
        + threshold
        + ", max overlap "
        + maxOverlap
        + ", scope "
        + scope
        + "]";
  }
}
