package org.annotationkit.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.annotationkit.core.annotation.Annotator;
import org.annotationkit.core.task.Assignment;
import org.annotationkit.core.task.Receipt;
import org.annotationkit.core.task.Submission;
import org.annotationkit.core.task.TaskStatus;
import org.annotationkit.core.task.Workflow;
import org.junit.jupiter.api.Test;

/**
 * The server is stopped (immediately: an abort, as a crash) and started again while an annotator
 * submits: the store reports the outage as a {@link StoreUnavailableException}, the same store
 * object recovers once the server is back (no restart of the app), a retried submission is stored
 * once, and every acknowledged submission survives.
 */
class ServerRestartTest {

  @Test
  void acknowledgedSubmissionsSurviveARestartAndTheStoreRecovers() throws Exception {
    PostgresServer server = PostgresServer.get();
    assumeThat(server.own()).as("needs the tests' own server (not -Dak.pg.url)").isTrue();
    String schema = Stores.freshSchema();
    int tasks = 300;
    AtomicInteger outages = new AtomicInteger();
    Set<String> acked = new HashSet<>();
    try (JdbcStore store = Stores.open(schema)) {
      Workflow wf = Stores.fillQueue(store, "restart", 1, tasks);
      Annotator me = new Annotator("ann", Annotator.Kind.HUMAN);
      AtomicBoolean started = new AtomicBoolean();
      CompletableFuture<Void> worker =
          CompletableFuture.runAsync(() -> {
            while (true) {
              Optional<Assignment> a = retry(() -> wf.next(me), outages);
              if (a.isEmpty()) {
                return;
              }
              String task = a.get().taskId();
              Receipt r =
                  retry(
                      () -> wf.submit(JdbcStoreTest.choice("s-" + task, task, "ann", "dog")),
                      outages);
              synchronized (acked) {
                acked.add(r.annotationId());
              }
              started.set(true);
            }
          });
      while (!started.get() && !worker.isDone()) {
        Thread.onSpinWait();
      }
      if (worker.isDone()) {
        worker.join(); // a worker that failed before its first submission fails the test here
      }
      TimeUnit.MILLISECONDS.sleep(300);
      server.stop("immediate");
      TimeUnit.MILLISECONDS.sleep(500);
      server.start();
      worker.get(5, TimeUnit.MINUTES);
      assertThat(outages.get()).as("the outage was reported").isPositive();
      // the same store object works again, without reopening
      List<Submission> stored = wf.submissions();
      Set<String> ids = new HashSet<>();
      for (Submission s : stored) {
        ids.add(s.id());
      }
      assertThat(ids).hasSize(stored.size()).containsAll(acked);
      assertThat(acked).hasSize(stored.size());
      int completed = 0;
      for (TaskStatus t : wf.tasks()) {
        assertThat(t.counted()).isLessThanOrEqualTo(1);
        completed += t.complete() ? 1 : 0;
      }
      assertThat(completed).isEqualTo(stored.size());
    }
    try (JdbcStore again = Stores.open(schema)) {
      Set<String> ids = new HashSet<>();
      for (Submission s : Workflow.builder(again).build().submissions()) {
        ids.add(s.id());
      }
      assertThat(ids).containsAll(acked);
    }
  }

  /** Retries a call while the server is away, counting the outages it reported. */
  private static <T> T retry(Supplier<T> call, AtomicInteger outages) {
    while (true) {
      try {
        return call.get();
      } catch (StoreUnavailableException e) {
        assertThat(e).hasMessageContaining("unavailable");
        outages.incrementAndGet();
        try {
          TimeUnit.MILLISECONDS.sleep(100);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException(interrupted);
        }
      }
    }
  }
}
