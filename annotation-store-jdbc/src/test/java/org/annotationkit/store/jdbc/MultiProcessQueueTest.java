package org.annotationkit.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.annotationkit.core.store.AnnotatorState;
import org.annotationkit.core.task.Submission;
import org.annotationkit.core.task.TaskStatus;
import org.annotationkit.core.task.Workflow;
import org.junit.jupiter.api.Test;

/**
 * Four JVMs of four annotator threads each work one PostgreSQL queue with overlap 3 to the end: no
 * slot is handed out twice, no acknowledged submission is lost or stored twice, and every task
 * completes with exactly three distinct annotators. The default size (system property {@code
 * ak.pg.tasks}, 1,000 tasks) keeps the build fast; the 20,000 tasks run with {@code
 * -Pfull-size} (or {@code -Dak.pg.tasks=20000}).
 */
class MultiProcessQueueTest {

  private static final int PROCESSES = 4;
  private static final int THREADS = 4;
  private static final int OVERLAP = 3;

  @Test
  void fourProcessesOfFourAnnotatorsWorkOneQueueToTheEnd() throws Exception {
    int tasks = Integer.getInteger("ak.pg.tasks", 1000);
    String schema = Stores.freshSchema();
    try (JdbcStore store = Stores.open(schema)) {
      Workflow unused = Stores.fillQueue(store, "queue", OVERLAP, tasks);
    }
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<Process> processes = new ArrayList<>();
    List<CompletableFuture<List<String>>> outputs = new ArrayList<>();
    for (int p = 0; p < PROCESSES; p++) {
      Process process =
          new ProcessBuilder(
                  java,
                  "-cp",
                  System.getProperty("java.class.path"),
                  QueueWorker.class.getName(),
                  PostgresServer.get().url(),
                  schema,
                  Integer.toString(p),
                  Integer.toString(THREADS))
              .redirectError(ProcessBuilder.Redirect.INHERIT)
              .start();
      processes.add(process);
      outputs.add(CompletableFuture.supplyAsync(() -> lines(process)));
    }
    List<String> acked = new ArrayList<>();
    for (int p = 0; p < PROCESSES; p++) {
      // The timeout only keeps a broken build from hanging; the assertions judge.
      assertThat(processes.get(p).waitFor(10, TimeUnit.MINUTES)).isTrue();
      assertThat(processes.get(p).exitValue()).as("process %d", p).isZero();
      for (String line : outputs.get(p).get()) {
        if (line.startsWith("ack ")) {
          acked.add(line.substring(4));
        }
      }
    }
    assertThat(new HashSet<>(acked)).as("no submission acknowledged twice").hasSize(acked.size());
    assertThat(acked).hasSize(tasks * OVERLAP);
    try (JdbcStore store = Stores.open(schema)) {
      Workflow wf = Workflow.builder(store).build();
      List<Submission> stored = wf.submissions();
      Set<String> storedIds = new HashSet<>();
      Map<String, Set<String>> annotatorsOf = new HashMap<>();
      for (Submission s : stored) {
        storedIds.add(s.id());
        annotatorsOf
            .computeIfAbsent(s.taskId(), k -> new HashSet<>())
            .add(s.annotation().annotatorId());
      }
      assertThat(storedIds).as("every acknowledged submission stored once").hasSize(stored.size());
      // as sets (acked has no duplicates, checked above): AssertJ's any-order check of lists is
      // quadratic, minutes at the full size's 60,000 ids
      assertThat(storedIds)
          .as("the stored ids are the acknowledged ids")
          .isEqualTo(new HashSet<>(acked));
      int leases = 0;
      for (AnnotatorState a : wf.annotators()) {
        leases += a.assignments();
      }
      assertThat(leases)
          .as("no slot handed out twice: one lease per submission")
          .isEqualTo(stored.size());
      List<org.annotationkit.core.task.Lease> open = store.read(v -> v.openLeases());
      assertThat(open).isEmpty();
      for (TaskStatus t : wf.tasks()) {
        assertThat(t.complete()).as("task %s", t.task().id()).isTrue();
        assertThat(t.counted()).isEqualTo(OVERLAP);
        assertThat(annotatorsOf.get(t.task().id())).hasSize(OVERLAP);
      }
    }
  }

  private static List<String> lines(Process process) {
    List<String> lines = new ArrayList<>();
    try (BufferedReader in =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        lines.add(line);
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return lines;
  }
}
