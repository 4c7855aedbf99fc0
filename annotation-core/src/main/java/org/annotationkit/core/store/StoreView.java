package org.annotationkit.core.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.annotationkit.core.annotation.Annotation;
import org.annotationkit.core.task.Lease;
import org.annotationkit.core.task.Project;
import org.annotationkit.core.task.Submission;
import org.annotationkit.core.task.Task;
import org.annotationkit.core.task.TaskStatus;

/**
 * A consistent read of a store's state, valid for one {@link Decision} or one {@link
 * WorkflowStore#read query}. Each method is a query a SQL store answers with one statement.
 *
 * @since 0.1.0
 */
public interface StoreView {

  /**
   * The store's project.
   *
   * @return the project, or empty before {@link StoreEvent.ProjectCreated}
   */
  Optional<Project> project();

  /**
   * A task and its counts.
   *
   * @param taskId the task's id
   * @return the status, or empty when there is no such task
   */
  Optional<TaskStatus> task(String taskId);

  /**
   * Every task, in the order added.
   *
   * @return the statuses
   */
  List<TaskStatus> tasks();

  /**
   * The known answer of a gold task.
   *
   * @param taskId the task's id
   * @return the answer, or empty for a regular or unknown task
   */
  Optional<Annotation> goldAnswer(String taskId);

  /**
   * The highest-priority task (ties in the order added) that an annotator may take now: of the kind
   * asked for (gold or regular), not complete, with a free slot, whose required skills the
   * annotator has, and that the annotator never had a lease on.
   *
   * @param annotatorId the annotator
   * @param skills the annotator's skills
   * @param gold whether to look among gold tasks or regular ones
   * @return the task, or empty when there is none
   */
  Optional<Task> nextTask(String annotatorId, Set<String> skills, boolean gold);

  /**
   * Whether an annotator ever had a lease on a task (open, ended or submitted).
   *
   * @param taskId the task
   * @param annotatorId the annotator
   * @return whether they had it
   */
  boolean had(String taskId, String annotatorId);

  /**
   * An annotator's open lease on a task.
   *
   * @param taskId the task
   * @param annotatorId the annotator
   * @return the lease, or empty when it is not open
   */
  Optional<Lease> openLease(String taskId, String annotatorId);

  /**
   * Every open lease, by expiry (then task id and annotator id).
   *
   * @return the leases
   */
  List<Lease> openLeases();

  /**
   * Open leases that lapsed at an instant, by expiry.
   *
   * @param now the instant
   * @param limit the most to return, {@code >= 1}
   * @return the leases with {@code expiresAt <= now}
   */
  List<Lease> overdueLeases(Instant now, int limit);

  /**
   * A submission by its annotation's id.
   *
   * @param annotationId the id
   * @return the submission, or empty
   */
  Optional<Submission> submission(String annotationId);

  /**
   * Whether an annotation id is used by a submission or by a reviewer's correction.
   *
   * @param annotationId the id
   * @return whether it is taken
   */
  boolean annotationIdTaken(String annotationId);

  /**
   * Every submission, in the order stored.
   *
   * @return the submissions
   */
  List<Submission> submissions();

  /**
   * The submissions of a task, in the order stored.
   *
   * @param taskId the task
   * @return the submissions
   */
  List<Submission> submissionsOf(String taskId);

  /**
   * What the store knows of an annotator.
   *
   * @param annotatorId the annotator
   * @return the state, or empty before their first lease
   */
  Optional<AnnotatorState> annotator(String annotatorId);

  /**
   * Every annotator seen, by id.
   *
   * @return the states
   */
  List<AnnotatorState> annotators();

  /**
   * Says which reads a decision is about to make, so that a store over a network may send them to
   * its server together (one round trip rather than one each) and answer them from what it got. A
   * hint only: the decision then makes the reads through the methods above as it would without it,
   * and each answers as a read at the time of the hint would (a row such a read locks stays as
   * read). The default does nothing, as the in-memory stores need nothing.
   *
   * @param reads the reads, in the order the decision makes them
   * @since 0.2.0
   */
  default void prefetch(List<Read> reads) {}

  /**
   * Whether {@link #prefetch} may do anything on this view, so that a decision can skip making the
   * list of its reads when it would not. True by default, so that a store that overrides {@code
   * prefetch} need not say so; a store whose {@code prefetch} does nothing returns false.
   *
   * @return false when hints are ignored
   * @since 0.2.0
   */
  default boolean prefetches() {
    return true;
  }

  /**
   * One read of {@link #prefetch}: the arguments of a method of the view.
   *
   * @since 0.2.0
   */
  sealed interface Read {

    /**
     * {@link #submission} of the id, then {@link #annotationIdTaken} of it.
     *
     * @param annotationId the id
     */
    record SubmissionOf(String annotationId) implements Read {}

    /**
     * {@link #task} of the id.
     *
     * @param taskId the task's id
     */
    record TaskOf(String taskId) implements Read {}

    /**
     * {@link #openLease} of the pair, then {@link #annotator} of the annotator.
     *
     * @param taskId the task
     * @param annotatorId the annotator
     */
    record OpenLeaseOf(String taskId, String annotatorId) implements Read {}

    /**
     * {@link #annotator} of the id.
     *
     * @param annotatorId the annotator
     */
    record AnnotatorOf(String annotatorId) implements Read {}

    /**
     * {@link #nextTask} of the arguments.
     *
     * @param annotatorId the annotator
     * @param skills the annotator's skills, copied
     * @param gold whether among gold tasks
     */
    record NextTaskFor(String annotatorId, Set<String> skills, boolean gold) implements Read {
      /** Copies the skills. */
      public NextTaskFor {
        skills = Set.copyOf(skills);
      }
    }
  }
}
