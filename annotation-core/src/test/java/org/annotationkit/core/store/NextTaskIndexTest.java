package org.annotationkit.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.annotationkit.core.annotation.Annotation;
import org.annotationkit.core.annotation.Annotator;
import org.annotationkit.core.annotation.ChoiceValue;
import org.annotationkit.core.item.TextItem;
import org.annotationkit.core.schema.Field;
import org.annotationkit.core.schema.FieldKind;
import org.annotationkit.core.schema.Schema;
import org.annotationkit.core.task.Lease;
import org.annotationkit.core.task.Project;
import org.annotationkit.core.task.ProjectSettings;
import org.annotationkit.core.task.Submission;
import org.annotationkit.core.task.Task;
import org.annotationkit.core.task.TaskStatus;
import org.junit.jupiter.api.Test;

/**
 * The in-memory store's {@code nextTask}, which resumes each annotator's search where the last one
 * stopped, against a brute-force scan of every task: seeded random runs of leases, ends,
 * submissions, priority changes, completions, raised overlaps and new tasks (some in batches larger
 * than the store remembers insertions for), with annotators whose skills change between calls.
 */
class NextTaskIndexTest {

  private static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");
  private static final List<Set<String>> SKILLS =
      List.of(Set.of(), Set.of("a"), Set.of("b"), Set.of("a", "b"));
  private static final double[] PRIORITIES = {-1, 0, 0, 1, 2.5};

  /** The first task by a scan of every status, as the view's contract words it. */
  private static Optional<String> bruteForce(
      StoreView view, String annotatorId, Set<String> skills, boolean gold) {
    TaskStatus best = null;
    for (TaskStatus s : view.tasks()) {
      if (s.gold() == gold
          && !s.complete()
          && s.freeSlots() > 0
          && skills.containsAll(s.task().requiredSkills())
          && !view.had(s.task().id(), annotatorId)
          && (best == null || s.task().priority() > best.task().priority())) {
        best = s;
      }
    }
    return best == null ? Optional.empty() : Optional.of(best.task().id());
  }

  private static Annotation answer(String id, String taskId, String annotatorId) {
    return Annotation.builder(id, taskId, annotatorId)
        .result("r", "kind", new ChoiceValue("cat"))
        .build();
  }

  private static final class Run {
    final Random random;
    final InMemoryStore store = InMemoryStore.create();
    final Map<String, Boolean> goldTasks = new HashMap<>();
    int tasks;
    int answers;

    Run(long seed) {
      random = new Random(seed);
      Schema schema =
          Schema.of("pets", Field.builder("kind", FieldKind.SINGLE_CHOICE).labels("cat").build());
      apply(
          new StoreEvent.ProjectCreated(
              new Project(
                  "p",
                  schema,
                  ProjectSettings.builder().leaseDuration(Duration.ofHours(1)).build())));
    }

    void apply(StoreEvent... events) {
      Boolean unused = store.decide(view -> new Decided<>(true, List.of(events)));
    }

    <T> T read(java.util.function.Function<StoreView, T> query) {
      return store.read(query);
    }

    void addTask() {
      String id = "t" + tasks++;
      Set<String> required = SKILLS.get(random.nextInt(SKILLS.size()));
      Task task =
          new Task(
              new TextItem(id, "text"),
              1 + random.nextInt(3),
              PRIORITIES[random.nextInt(PRIORITIES.length)],
              required,
              List.of());
      boolean gold = random.nextInt(5) == 0;
      goldTasks.put(id, gold);
      apply(
          new StoreEvent.TaskAdded(
              task, gold ? Optional.of(answer("gold-" + id, id, "owner")) : Optional.empty()));
    }

    void step() {
      int op = random.nextInt(12);
      if (op < 5) {
        String who = "ann" + random.nextInt(4);
        Set<String> skills = SKILLS.get(random.nextInt(SKILLS.size()));
        boolean gold = random.nextInt(4) == 0;
        Optional<String> expected = read(v -> bruteForce(v, who, skills, gold));
        Optional<String> actual = read(v -> v.nextTask(who, skills, gold).map(Task::id));
        assertThat(actual)
            .as("next %s task of %s with %s", gold ? "gold" : "regular", who, skills)
            .isEqualTo(expected);
        if (actual.isPresent() && random.nextInt(10) < 7) {
          apply(
              new StoreEvent.LeaseGranted(
                  new Lease(actual.get(), who, T0, T0.plusSeconds(3600)),
                  new Annotator(who, Annotator.Kind.HUMAN, skills)));
        }
      } else if (op < 7) {
        List<Lease> open = read(StoreView::openLeases);
        if (!open.isEmpty()) {
          Lease lease = open.get(random.nextInt(open.size()));
          if (op == 5) {
            apply(
                new StoreEvent.LeaseEnded(
                    lease.taskId(), lease.annotatorId(), T0, StoreEvent.EndReason.SKIPPED));
          } else {
            boolean gold = java.util.Objects.requireNonNull(goldTasks.get(lease.taskId()));
            Submission s =
                new Submission(
                    answer("x" + answers++, lease.taskId(), lease.annotatorId()),
                    T0,
                    1.0,
                    !gold && random.nextInt(4) == 0,
                    gold ? Submission.GoldOutcome.CORRECT : Submission.GoldOutcome.NOT_GOLD,
                    Optional.empty());
            apply(new StoreEvent.Submitted(s));
          }
        }
      } else if (op == 7) {
        Map<String, Double> priorities = new HashMap<>();
        for (int i = random.nextInt(3); i >= 0; i--) {
          priorities.put(
              "t" + random.nextInt(tasks), PRIORITIES[random.nextInt(PRIORITIES.length)]);
        }
        apply(new StoreEvent.PrioritiesSet(priorities));
      } else if (op == 8) {
        List<TaskStatus> done =
            read(v ->
                v.tasks().stream()
                    .filter(s -> !s.gold() && !s.complete() && s.counted() == s.task().overlap())
                    .toList());
        if (!done.isEmpty()) {
          apply(
              new StoreEvent.TaskCompleted(done.get(random.nextInt(done.size())).task().id(), T0));
        }
      } else if (op == 9) {
        String id = "t" + random.nextInt(tasks);
        TaskStatus s = read(v -> v.task(id).orElseThrow());
        if (!s.gold()) {
          apply(new StoreEvent.OverlapRaised(id, s.task().overlap() + 1, T0));
        }
      } else if (op == 10) {
        addTask();
      } else if (random.nextInt(8) == 0) {
        List<StoreEvent> batch = new ArrayList<>();
        for (int i = 0; i < 70; i++) {
          String id = "t" + tasks++;
          goldTasks.put(id, false);
          batch.add(
              new StoreEvent.TaskAdded(
                  new Task(new TextItem(id, "text"), 1, -1, Set.of(), List.of()),
                  Optional.empty()));
        }
        apply(batch.toArray(StoreEvent[]::new));
      }
    }
  }

  @Test
  void resumedSearchFindsWhatAFullScanFinds() {
    for (long seed = 0; seed < 60; seed++) {
      Run run = new Run(seed);
      for (int i = 0; i < 30; i++) {
        run.addTask();
      }
      for (int i = 0; i < 400; i++) {
        run.step();
      }
    }
  }

  @Test
  void anAnnotatorWorkingThroughALongQueueGetsEveryTaskInOrder() {
    Run run = new Run(99);
    List<StoreEvent> batch = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      batch.add(
          new StoreEvent.TaskAdded(
              new Task(new TextItem("q" + i, "text"), 5, 0, Set.of(), List.of()),
              Optional.empty()));
    }
    run.apply(batch.toArray(StoreEvent[]::new));
    for (int i = 0; i < 500; i++) {
      Optional<String> next = run.read(v -> v.nextTask("solo", Set.of(), false).map(Task::id));
      assertThat(next).contains("q" + i);
      run.apply(
          new StoreEvent.LeaseGranted(
              new Lease("q" + i, "solo", T0, T0.plusSeconds(60)),
              new Annotator("solo", Annotator.Kind.HUMAN, Set.of())));
    }
    Optional<Task> none = run.read(v -> v.nextTask("solo", Set.of(), false));
    assertThat(none).isEmpty();
    Optional<String> other = run.read(v -> v.nextTask("other", Set.of(), false).map(Task::id));
    assertThat(other).contains("q0");
  }
}
