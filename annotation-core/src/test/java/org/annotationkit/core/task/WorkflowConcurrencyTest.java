package org.annotationkit.core.task;

import static org.annotationkit.core.task.Fixtures.choice;
import static org.annotationkit.core.task.Fixtures.human;
import static org.annotationkit.core.task.Fixtures.image;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.random.RandomGenerator;
import org.annotationkit.core.annotation.Annotator;
import org.annotationkit.core.item.Item;
import org.annotationkit.core.store.InMemoryStore;
import org.annotationkit.core.testing.Seeds;
import org.junit.jupiter.api.Test;

/**
 * Eight annotator threads work one queue to the end, skipping some tasks and (with review)
 * reviewing each other; then no assignment is lost or duplicated and every task completes with
 * exactly k.
 *
 * <p>A build runs 3,000 tasks (600 with review); the system property {@value #TASKS_PROPERTY} runs
 * the full size instead, for example {@code ./mvnw -B -pl annotation-core -am verify
 * -Dak.workflow.concurrencyTasks=100000 -Dtest=WorkflowConcurrencyTest
 * -Dsurefire.failIfNoSpecifiedTests=false} (the run with review takes a fifth of that many).
 */
class WorkflowConcurrencyTest {

  private static final int THREADS = 8;

  /** The system property that sets how many tasks the run without review has. */
  static final String TASKS_PROPERTY = "ak.workflow.concurrencyTasks";

  private static final int TASKS = Integer.getInteger(TASKS_PROPERTY, 3000);

  private record Outcome(List<String> leased, int skipped, int submitted) {}

  private static void run(boolean review, int tasks, int overlap) throws Exception {
    ManualClock clock = new ManualClock();
    InMemoryStore store = InMemoryStore.create();
    ProjectSettings settings =
        Fixtures.settings()
            .overlap(overlap)
            .review(review)
            .gold(0.1, 3)
            .leaseDuration(java.time.Duration.ofHours(1))
            .build();
    Workflow.createProject(store, new Project("p", Fixtures.SCHEMA, settings));
    Set<String> completed = ConcurrentHashMap.newKeySet();
    AtomicInteger completions = new AtomicInteger();
    Workflow wf =
        Workflow.builder(store)
            .clock(clock)
            .listener(
                new WorkflowListener() {
                  @Override
                  public void taskCompleted(String taskId, java.time.Instant at) {
                    completions.incrementAndGet();
                    completed.add(taskId);
                  }
                })
            .build();
    List<Item> items = new ArrayList<>();
    for (int i = 0; i < tasks; i++) {
      items.add(image("t" + i));
    }
    wf.addItems(items);
    for (int i = 0; i < 20; i++) {
      wf.addGoldTask(Task.of(image("g" + i), 1), choice("k" + i, "g" + i, "owner", "cat"));
    }
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    List<Future<Outcome>> futures = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      int thread = t;
      futures.add(
          pool.submit(() -> {
            RandomGenerator random = Seeds.random(Seeds.baseSeed() + thread);
            Annotator me = human("a" + thread);
            List<String> leased = new ArrayList<>();
            int skipped = 0;
            int submitted = 0;
            start.await();
            // The deadline only keeps a broken build from hanging; the assertions below judge.
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.MINUTES.toNanos(3);
            while (completions.get() < tasks && System.nanoTime() < deadline) {
              Optional<Assignment> a = wf.next(me);
              if (a.isPresent()) {
                leased.add(a.get().taskId());
                if (random.nextInt(50) == 0) {
                  wf.skip(me.id(), a.get().taskId());
                  skipped++;
                } else {
                  Receipt unused =
                      wf.submit(
                          choice(
                              me.id() + "-" + a.get().taskId(), a.get().taskId(), me.id(), "cat"));
                  submitted++;
                }
                continue;
              }
              if (review) {
                List<Submission> pending = wf.pendingReviews();
                if (!pending.isEmpty()) {
                  Submission s = pending.get(random.nextInt(pending.size()));
                  try {
                    Submission unused =
                        random.nextInt(25) == 0
                            ? wf.reject(s.id(), "rev" + thread, "no")
                            : wf.accept(s.id(), "rev" + thread);
                  } catch (IllegalStateException raced) {
                    // another thread reviewed it first
                  }
                }
              }
              Thread.onSpinWait();
            }
            return new Outcome(leased, skipped, submitted);
          }));
    }
    start.countDown();
    List<Outcome> outcomes = new ArrayList<>();
    for (Future<Outcome> f : futures) {
      outcomes.add(f.get(5, java.util.concurrent.TimeUnit.MINUTES));
    }
    pool.shutdown();

    int leasedTotal = 0;
    int endedTotal = 0;
    for (Outcome o : outcomes) {
      assertThat(new HashSet<>(o.leased()))
          .as("no item twice to one annotator")
          .hasSize(o.leased().size());
      leasedTotal += o.leased().size();
      endedTotal += o.skipped() + o.submitted();
    }
    assertThat(endedTotal)
        .as("every lease ended by a skip, release or submission")
        .isEqualTo(leasedTotal);
    int annotatorLeases = 0;
    for (var state : wf.annotators()) {
      annotatorLeases += state.assignments();
    }
    assertThat(annotatorLeases).as("no assignment lost or duplicated").isEqualTo(leasedTotal);
    Map<String, Integer> counting = new HashMap<>();
    for (Submission s : wf.submissions()) {
      if (s.counts()) {
        counting.merge(s.taskId(), 1, Integer::sum);
      }
    }
    assertThat(wf.submissions()).hasSize(outcomes.stream().mapToInt(Outcome::submitted).sum());
    for (TaskStatus status : wf.tasks()) {
      assertThat(status.openLeases()).isZero();
      assertThat(status.pending()).isZero();
      if (status.gold()) {
        assertThat(status.complete()).isFalse();
        continue;
      }
      assertThat(status.complete()).as("task %s", status.task().id()).isTrue();
      assertThat(status.counted()).isEqualTo(overlap);
      assertThat(counting.get(status.task().id())).isEqualTo(overlap);
    }
    assertThat(completions.get()).isEqualTo(tasks);
    assertThat(completed).hasSize(tasks);
  }

  @Test
  void eightAnnotatorsWorkTheQueueToTheEnd() throws Exception {
    run(false, TASKS, 3);
  }

  @Test
  void eightAnnotatorsAndReviewersWorkTheQueueToTheEnd() throws Exception {
    run(true, Math.max(1, TASKS / 5), 3);
  }
}
