package org.annotationkit.core.store;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.annotationkit.core.annotation.Annotation;
import org.annotationkit.core.annotation.Annotator;
import org.annotationkit.core.internal.Require;
import org.annotationkit.core.task.GoldPolicy;
import org.annotationkit.core.task.Lease;
import org.annotationkit.core.task.Project;
import org.annotationkit.core.task.Review;
import org.annotationkit.core.task.Submission;
import org.annotationkit.core.task.Task;

/**
 * One change of a workflow's state, as a store applies it. Events are immutable values made of
 * plain data (strings, numbers, instants, core's domain values), so a journal can persist them and
 * a SQL store can execute them; applying the same sequence to an empty store always gives the same
 * state.
 *
 * <p>Derived counts (how many submissions of a task count, how many leases are open) are not
 * events: a store keeps them from the events it applied.
 *
 * @since 0.1.0
 */
public sealed interface StoreEvent
    permits StoreEvent.ProjectCreated,
        StoreEvent.TaskAdded,
        StoreEvent.PrioritiesSet,
        StoreEvent.LeaseGranted,
        StoreEvent.LeaseEnded,
        StoreEvent.Submitted,
        StoreEvent.Reviewed,
        StoreEvent.TaskCompleted,
        StoreEvent.OverlapRaised,
        StoreEvent.AnnotatorFlagged,
        StoreEvent.AnnotatorReinstated {

  /**
   * The store's project was created; the first event of every store, and only once.
   *
   * @param project the project
   * @since 0.1.0
   */
  record ProjectCreated(Project project) implements StoreEvent {
    /** Checks the project. */
    public ProjectCreated {
      Objects.requireNonNull(project, "project");
    }
  }

  /**
   * A task was added: regular, or gold when it comes with its known answer.
   *
   * @param task the task; its id is new to the project
   * @param goldAnswer the known answer of a gold task, empty for a regular task
   * @since 0.1.0
   */
  record TaskAdded(Task task, Optional<Annotation> goldAnswer) implements StoreEvent {
    /** Checks the parts. */
    public TaskAdded {
      Objects.requireNonNull(task, "task");
      Objects.requireNonNull(goldAnswer, "goldAnswer");
    }
  }

  /**
   * Tasks got new priorities, all at once.
   *
   * @param priorities task id to new priority (finite), copied and sorted by id
   * @since 0.1.0
   */
  record PrioritiesSet(Map<String, Double> priorities) implements StoreEvent {
    /** Checks and copies the priorities. */
    public PrioritiesSet {
      priorities = Require.sortedCopy(priorities, "priorities");
      priorities.values().forEach(p -> Require.finite(p, "priority"));
    }
  }

  /**
   * An annotator was given a lease on a task. The annotator (with the skills they came with) is
   * recorded too, the first time and whenever it changes.
   *
   * @param lease the lease
   * @param annotator the annotator, whose id is the lease's
   * @since 0.1.0
   */
  record LeaseGranted(Lease lease, Annotator annotator) implements StoreEvent {
    /** Checks the parts. */
    public LeaseGranted {
      Objects.requireNonNull(lease, "lease");
      Objects.requireNonNull(annotator, "annotator");
      if (!lease.annotatorId().equals(annotator.id())) {
        throw new IllegalArgumentException(
            "lease is of annotator " + lease.annotatorId() + ", expected " + annotator.id());
      }
    }
  }

  /**
   * An open lease ended without a submission; its task goes back to the queue (but never to this
   * annotator).
   *
   * @param taskId the task
   * @param annotatorId the annotator
   * @param at when
   * @param reason skipped, released or expired
   * @since 0.1.0
   */
  record LeaseEnded(String taskId, String annotatorId, Instant at, EndReason reason)
      implements StoreEvent {
    /** Checks the parts. */
    public LeaseEnded {
      Require.nonEmpty(taskId, "taskId");
      Require.nonEmpty(annotatorId, "annotatorId");
      Objects.requireNonNull(at, "at");
      Objects.requireNonNull(reason, "reason");
    }
  }

  /**
   * Why a lease ended without a submission.
   *
   * @since 0.1.0
   */
  enum EndReason {
    /** The annotator will not do the task. */
    SKIPPED,
    /** The annotator gave the task back. */
    RELEASED,
    /** The lease lapsed. */
    EXPIRED
  }

  /**
   * An annotation was stored for a task, ending its annotator's open lease on it.
   *
   * @param submission the submission
   * @since 0.1.0
   */
  record Submitted(Submission submission) implements StoreEvent {
    /** Checks the submission. */
    public Submitted {
      Objects.requireNonNull(submission, "submission");
      if (submission.review().isPresent()) {
        throw new IllegalArgumentException("a new submission has no review yet");
      }
    }
  }

  /**
   * A reviewer gave a verdict on a submission awaiting review.
   *
   * @param review the review
   * @since 0.1.0
   */
  record Reviewed(Review review) implements StoreEvent {
    /** Checks the review. */
    public Reviewed {
      Objects.requireNonNull(review, "review");
    }
  }

  /**
   * A regular task got as many counted submissions as its overlap.
   *
   * @param taskId the task
   * @param at when
   * @since 0.1.0
   */
  record TaskCompleted(String taskId, Instant at) implements StoreEvent {
    /** Checks the parts. */
    public TaskCompleted {
      Require.nonEmpty(taskId, "taskId");
      Objects.requireNonNull(at, "at");
    }
  }

  /**
   * A regular task needs more distinct annotators than it had: its overlap grows to {@code
   * overlap}, and the task takes leases again for the new slots. A complete task is complete no
   * more (its completion instant is cleared) and goes back to the queue, never to the annotators
   * who had it; it completes again once as many submissions count as its new overlap. This is how
   * an item with weak consensus gets one more annotator ({@link
   * org.annotationkit.core.task.ConsensusPolicy}).
   *
   * @param taskId the task, regular (not gold)
   * @param overlap the new overlap, more than the task's overlap before the event
   * @param at when
   * @since 0.1.0
   */
  record OverlapRaised(String taskId, int overlap, Instant at) implements StoreEvent {
    /** Checks the parts. */
    public OverlapRaised {
      Require.nonEmpty(taskId, "taskId");
      Objects.requireNonNull(at, "at");
      if (overlap < 2) {
        throw new IllegalArgumentException("a raised overlap must be >= 2, got " + overlap);
      }
    }
  }

  /**
   * The gold policy flagged an annotator (and maybe suspended them).
   *
   * @param annotatorId the annotator
   * @param flag the reason and whether to suspend
   * @param at when
   * @since 0.1.0
   */
  record AnnotatorFlagged(String annotatorId, GoldPolicy.Flag flag, Instant at)
      implements StoreEvent {
    /** Checks the parts. */
    public AnnotatorFlagged {
      Require.nonEmpty(annotatorId, "annotatorId");
      Objects.requireNonNull(flag, "flag");
      Objects.requireNonNull(at, "at");
    }
  }

  /**
   * An annotator's flag and suspension were lifted.
   *
   * @param annotatorId the annotator
   * @param at when
   * @since 0.1.0
   */
  record AnnotatorReinstated(String annotatorId, Instant at) implements StoreEvent {
    /** Checks the parts. */
    public AnnotatorReinstated {
      Require.nonEmpty(annotatorId, "annotatorId");
      Objects.requireNonNull(at, "at");
    }
  }
}
