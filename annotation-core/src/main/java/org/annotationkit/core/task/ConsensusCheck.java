package org.annotationkit.core.task;

import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.annotationkit.core.annotation.Annotation;
import org.jspecify.annotations.Nullable;

/**
 * What a {@link ConsensusPolicy} judges: a regular task that just got as many accepted annotations
 * as its overlap, those annotations, and (read only when asked for) every accepted annotation of
 * the project's regular tasks, from which a policy can estimate the annotators' skills.
 *
 * <p>Inside a workflow the lists are read from the store's view of the deciding decision and
 * include the annotation being stored (a reviewer's correction in place of its original); a check
 * is valid only during the {@link ConsensusPolicy#judge} call it is given to. {@link #of} makes one
 * from plain lists, to test a policy.
 *
 * @since 0.1.0
 */
public final class ConsensusCheck {
  private final Task task;
  private final Supplier<List<Annotation>> accepted;
  private final Supplier<List<Annotation>> project;
  private @Nullable List<Annotation> acceptedList;
  private @Nullable List<Annotation> projectList;

  private ConsensusCheck(
      Task task, Supplier<List<Annotation>> accepted, Supplier<List<Annotation>> project) {
    this.task = Objects.requireNonNull(task, "task");
    this.accepted = accepted;
    this.project = project;
  }

  /** A check whose lists are read when first asked for, for the workflow. */
  static ConsensusCheck lazy(
      Task task, Supplier<List<Annotation>> accepted, Supplier<List<Annotation>> project) {
    return new ConsensusCheck(task, accepted, project);
  }

  /**
   * A check from plain lists.
   *
   * @param task the task, with the overlap it has now
   * @param accepted the task's accepted annotations, as many as its overlap; copied
   * @param projectAnswers every accepted annotation of the project's regular tasks, these included;
   *     copied
   * @return the check
   * @throws IllegalArgumentException if an accepted annotation is of another item
   */
  public static ConsensusCheck of(
      Task task, List<Annotation> accepted, List<Annotation> projectAnswers) {
    Objects.requireNonNull(task, "task");
    List<Annotation> a = List.copyOf(accepted);
    List<Annotation> p = List.copyOf(projectAnswers);
    for (Annotation annotation : a) {
      if (!annotation.itemId().equals(task.id())) {
        throw new IllegalArgumentException(
            "accepted annotation "
                + annotation.id()
                + " is of item "
                + annotation.itemId()
                + ", not of task "
                + task.id());
      }
    }
    return new ConsensusCheck(task, () -> a, () -> p);
  }

  /**
   * The task, with the overlap it has now (before the policy's verdict).
   *
   * @return the task
   */
  public Task task() {
    return task;
  }

  /**
   * The task's accepted annotations (as submitted, or a reviewer's correction in place of the
   * original), in the order stored: as many as the task's overlap.
   *
   * @return the annotations
   */
  public List<Annotation> accepted() {
    List<Annotation> list = acceptedList;
    if (list == null) {
      list = List.copyOf(accepted.get());
      acceptedList = list;
    }
    return list;
  }

  /**
   * Every accepted annotation of the project's regular tasks (gold answers left out), in the order
   * stored, this task's included. Reading it costs a pass over the project's submissions, so a
   * policy that needs no project-wide estimate should not ask.
   *
   * @return the annotations
   */
  public List<Annotation> projectAnswers() {
    List<Annotation> list = projectList;
    if (list == null) {
      list = List.copyOf(project.get());
      projectList = list;
    }
    return list;
  }

  @Override
  public String toString() {
    return "ConsensusCheck[task " + task.id() + ", overlap " + task.overlap() + "]";
  }
}
