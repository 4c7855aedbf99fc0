package org.annotationkit.core.task;

import static org.annotationkit.core.task.Fixtures.choice;
import static org.annotationkit.core.task.Fixtures.human;
import static org.annotationkit.core.task.Fixtures.image;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.random.RandomGenerator;
import java.util.stream.Stream;
import org.annotationkit.core.annotation.Annotation;
import org.annotationkit.core.annotation.Annotator;
import org.annotationkit.core.dataset.Dataset;
import org.annotationkit.core.store.InMemoryStore;
import org.annotationkit.core.store.StoreEvent;
import org.annotationkit.core.testing.Seeds;
import org.annotationkit.core.validation.ValidationException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Random sequences of next, submit (valid, invalid, retried), clock moves (lapsing leases), skip,
 * release, review and reopen (rebuilding the store from the events its hook saw, as a journal
 * would), checked against a model the test keeps of its own after every step.
 */
class WorkflowPropertiesTest {

  static Stream<Long> seeds() {
    return Seeds.seeds(60);
  }

  private static final Duration LEASE = Duration.ofSeconds(60);

  /** The test's own account of one run. */
  private static final class Run {
    final RandomGenerator random;
    final ManualClock clock = new ManualClock();
    final ProjectSettings settings;
    final List<StoreEvent> journal = new ArrayList<>();
    final Map<String, Task> tasks = new HashMap<>();
    final Set<String> gold = new HashSet<>();
    final List<Annotator> annotators = new ArrayList<>();
    final Set<String> seen = new HashSet<>();
    final List<Assignment> held = new ArrayList<>();
    final List<Annotation> stored = new ArrayList<>();
    final Set<String> suspended = new HashSet<>();
    final Map<String, Receipt> receipts = new HashMap<>();
    int ids;
    Workflow wf;

    Run(long seed) {
      random = Seeds.random(seed);
      settings =
          Fixtures.settings()
              .overlap(1 + random.nextInt(3))
              .review(random.nextBoolean())
              .gold(random.nextInt(3) * 0.25, random.nextLong())
              .leaseDuration(LEASE)
              .build();
      InMemoryStore store = InMemoryStore.create(journal::addAll);
      Workflow.createProject(store, new Project("p", Fixtures.SCHEMA, settings));
      wf = open(store);
      int regular = 3 + random.nextInt(15);
      List<Task> list = new ArrayList<>();
      for (int i = 0; i < regular; i++) {
        Set<String> skills = random.nextInt(5) == 0 ? Set.of("expert") : Set.of();
        Task task =
            new Task(image("t" + i), settings.overlap(), random.nextInt(4), skills, List.of());
        list.add(task);
        tasks.put(task.id(), task);
      }
      wf.addTasks(list);
      int golds = random.nextInt(5);
      for (int i = 0; i < golds; i++) {
        Task task = Task.of(image("g" + i), 1);
        wf.addGoldTask(task, choice("k" + i, task.id(), "owner", pick(Fixtures.KINDS)));
        tasks.put(task.id(), task);
        gold.add(task.id());
      }
      int people = 2 + random.nextInt(5);
      for (int i = 0; i < people; i++) {
        annotators.add(random.nextInt(3) == 0 ? human("a" + i, "expert") : human("a" + i));
      }
      wf.setPriorities(Map.of(list.get(0).id(), -1.0));
      tasks.put(list.get(0).id(), list.get(0).withPriority(-1));
    }

    Workflow open(InMemoryStore store) {
      return Workflow.builder(store)
          .clock(clock)
          .goldPolicy(GoldPolicy.suspendBelow(0.5, 2))
          .listener(
              new WorkflowListener() {
                @Override
                public void leaseExpired(Lease lease) {
                  assertThat(held.removeIf(a -> a.lease().equals(lease))).isTrue();
                }

                @Override
                public void annotatorFlagged(GoldStanding standing, GoldPolicy.Flag flag) {
                  suspended.add(standing.annotatorId());
                }
              })
          .build();
    }

    <T> T pick(List<T> values) {
      return values.get(random.nextInt(values.size()));
    }

    void step() {
      int action = random.nextInt(100);
      if (action < 35) {
        next();
      } else if (action < 60 && !held.isEmpty()) {
        submit(held.get(random.nextInt(held.size())), true);
      } else if (action < 65 && !held.isEmpty()) {
        submit(held.get(random.nextInt(held.size())), false);
      } else if (action < 70 && !stored.isEmpty()) {
        Annotation again = pick(stored);
        assertThat(wf.submit(again)).isEqualTo(receipts.get(again.id()));
      } else if (action < 78) {
        clock.advance(Duration.ofSeconds(random.nextInt(40)));
        int unused = wf.expireLeases();
      } else if (action < 84 && !held.isEmpty()) {
        Assignment a = held.remove(random.nextInt(held.size()));
        if (random.nextBoolean()) {
          wf.skip(a.annotatorId(), a.taskId());
        } else {
          wf.release(a.annotatorId(), a.taskId());
        }
      } else if (action < 96) {
        review();
      } else {
        reopen();
      }
    }

    void next() {
      Annotator annotator = pick(annotators);
      Instant now = clock.instant();
      Optional<Assignment> got = wf.next(annotator);
      if (suspended.contains(annotator.id())) {
        assertThat(got).isEmpty();
        return;
      }
      if (got.isEmpty()) {
        return;
      }
      Assignment a = got.get();
      assertThat(seen.add(annotator.id() + "|" + a.taskId()))
          .as("%s sees %s a second time", annotator.id(), a.taskId())
          .isTrue();
      Task task = java.util.Objects.requireNonNull(tasks.get(a.taskId()), a.taskId());
      assertThat(annotator.skills()).containsAll(task.requiredSkills());
      // Gold or not, the assignment is made from the task as added and the lease alone.
      assertThat(a)
          .isEqualTo(
              Assignment.of(task, new Lease(task.id(), annotator.id(), now, now.plus(LEASE))));
      held.add(a);
    }

    void submit(Assignment a, boolean valid) {
      String id = "s" + ids++;
      Annotation annotation =
          choice(id, a.taskId(), a.annotatorId(), valid ? pick(Fixtures.KINDS) : "lion");
      int before = wf.submissions().size();
      if (!valid) {
        assertThatThrownBy(() -> wf.submit(annotation)).isInstanceOf(ValidationException.class);
        assertThat(wf.submissions()).hasSize(before);
        return;
      }
      if (a.lease().expiredAt(clock.instant())) {
        assertThatThrownBy(() -> wf.submit(annotation)).isInstanceOf(IllegalStateException.class);
        assertThat(wf.submissions()).hasSize(before);
        return;
      }
      Receipt receipt = wf.submit(annotation);
      assertThat(receipt.taskId()).isEqualTo(a.taskId());
      receipts.put(id, receipt);
      stored.add(annotation);
      held.remove(a);
    }

    void review() {
      List<Submission> pending = wf.pendingReviews();
      if (pending.isEmpty()) {
        return;
      }
      Submission s = pick(pending);
      assertThat(gold).doesNotContain(s.taskId());
      switch (random.nextInt(3)) {
        case 0 ->
            assertThat(wf.accept(s.id(), "rev").status()).isEqualTo(Submission.Status.ACCEPTED);
        case 1 ->
            assertThat(wf.reject(s.id(), "rev", "no").status())
                .isEqualTo(Submission.Status.REJECTED);
        default ->
            assertThat(
                    wf.correct(s.id(), "rev", choice("c" + ids++, s.taskId(), "rev", "cat"))
                        .status())
                .isEqualTo(Submission.Status.CORRECTED);
      }
    }

    void reopen() {
      List<TaskStatus> tasksBefore = wf.tasks();
      List<Submission> submissionsBefore = wf.submissions();
      InMemoryStore store = InMemoryStore.replay(List.copyOf(journal), journal::addAll);
      wf = open(store);
      assertThat(wf.tasks()).isEqualTo(tasksBefore);
      assertThat(wf.submissions()).isEqualTo(submissionsBefore);
    }

    void checkInvariants() {
      Map<String, Integer> counting = new HashMap<>();
      for (Submission s : wf.submissions()) {
        if (s.counts()) {
          counting.merge(s.taskId(), 1, Integer::sum);
        }
        if (gold.contains(s.taskId())) {
          assertThat(s.awaitingReview()).isFalse();
          assertThat(s.gold()).isNotEqualTo(Submission.GoldOutcome.NOT_GOLD);
        } else {
          assertThat(s.gold()).isEqualTo(Submission.GoldOutcome.NOT_GOLD);
        }
      }
      int open = 0;
      for (TaskStatus status : wf.tasks()) {
        String id = status.task().id();
        open += status.openLeases();
        assertThat(status.gold()).isEqualTo(gold.contains(id));
        assertThat(status.counted()).isEqualTo(counting.getOrDefault(id, 0));
        if (status.gold()) {
          assertThat(status.complete()).isFalse();
          continue;
        }
        int k = status.task().overlap();
        assertThat(status.counted() + status.pending() + status.openLeases())
            .as("task %s: counted, pending and leased within its overlap %s", id, k)
            .isLessThanOrEqualTo(k);
        assertThat(status.complete()).as("task %s complete", id).isEqualTo(status.counted() == k);
      }
      assertThat(open).isEqualTo(held.size());
    }

    void checkExport() {
      Dataset dataset = wf.export();
      int counted = 0;
      for (TaskStatus status : wf.tasks()) {
        if (!status.gold()) {
          counted += status.counted();
        }
      }
      assertThat(dataset.annotations()).hasSize(counted);
      assertThat(dataset.items()).noneMatch(item -> gold.contains(item.id()));
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void randomActionsKeepEveryInvariant(long seed) {
    Run run = new Run(seed);
    for (int i = 0; i < 300; i++) {
      run.step();
      run.checkInvariants();
    }
    run.checkExport();
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void workingTheQueueDryCompletesEveryTaskWithExactlyK(long seed) {
    Run run = new Run(seed);
    for (int i = 0; i < 100; i++) {
      run.step();
    }
    // Fresh annotators with every skill, no more skips: all regular work can now be done.
    for (int round = 0; round < 10; round++) {
      run.annotators.add(human("late" + round, "expert"));
    }
    boolean progress = true;
    while (progress) {
      progress = false;
      run.clock.advance(LEASE);
      int unused = run.wf.expireLeases();
      for (Annotator annotator : List.copyOf(run.annotators)) {
        if (run.suspended.contains(annotator.id())) {
          continue;
        }
        Optional<Assignment> a = run.wf.next(annotator);
        if (a.isPresent()) {
          run.held.add(a.get());
          run.submit(a.get(), true);
          progress = true;
        }
      }
      for (Submission s : run.wf.pendingReviews()) {
        Submission unused2 = run.wf.accept(s.id(), "rev");
        progress = true;
      }
      run.checkInvariants();
    }
    for (TaskStatus status : run.wf.tasks()) {
      if (!status.gold()) {
        assertThat(status.complete()).as("task %s", status.task().id()).isTrue();
        assertThat(status.counted()).isEqualTo(status.task().overlap());
      }
    }
    run.checkExport();
  }
}
