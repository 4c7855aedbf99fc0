package org.annotationkit.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.random.RandomGenerator;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.annotationkit.core.annotation.Annotator;
import org.annotationkit.core.item.TextItem;
import org.annotationkit.core.store.journal.JournalOptions;
import org.annotationkit.core.task.Assignment;
import org.annotationkit.core.task.Project;
import org.annotationkit.core.task.ProjectSettings;
import org.annotationkit.core.task.Submission;
import org.annotationkit.core.task.Task;
import org.annotationkit.core.task.Workflow;
import org.annotationkit.core.testing.Seeds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link JournalStore.Options#leasesAwaitDurable()} off: leases ride on the next fsync. */
class JournalStoreLeasesTest {

  @TempDir Path dir;

  static JournalStore.Options relaxed() {
    return JournalStore.Options.defaults().withLeasesAwaitDurable(false);
  }

  @Test
  void leasesAwaitDurableByDefault() {
    assertThat(JournalStore.Options.defaults().leasesAwaitDurable()).isTrue();
    assertThat(new JournalStore.Options(JournalOptions.defaults(), 5).leasesAwaitDurable())
        .isTrue();
    assertThat(relaxed().withSnapshotEvery(3).leasesAwaitDurable()).isFalse();
    assertThat(relaxed().withSnapshotEvery(3).snapshotEvery()).isEqualTo(3);
  }

  @Test
  void theSameScriptGivesTheSameStateAsTheInMemoryStoreBeforeAndAfterReopen() {
    Instant start = Instant.parse("2026-03-01T09:00:00Z");
    InMemoryStore memory = InMemoryStore.create();
    JournalStoreTest.script(memory, start);
    try (JournalStore store = JournalStore.open(dir, relaxed())) {
      JournalStoreTest.script(store, start);
      assertThat(JournalStoreTest.dump(store)).isEqualTo(JournalStoreTest.dump(memory));
    }
    try (JournalStore store = JournalStore.open(dir, relaxed().withSnapshotEvery(2))) {
      assertThat(JournalStoreTest.dump(store)).isEqualTo(JournalStoreTest.dump(memory));
    }
  }

  /**
   * What a SIGKILL right after a submission returned leaves: the journal's files as they are then.
   * Every acknowledged submission is in them, with the lease it ended, though no lease waited.
   */
  @Test
  void anAcknowledgedSubmissionCarriesItsLeaseWithIt() throws IOException {
    Project project =
        new Project(
            "p",
            JournalStoreTest.SCHEMA,
            ProjectSettings.builder().overlap(2).leaseDuration(Duration.ofHours(1)).build());
    Path live = dir.resolve("live");
    List<String> acked = new ArrayList<>();
    try (JournalStore store = JournalStore.open(live, relaxed())) {
      Workflow.createProject(store, project);
      Workflow wf = Workflow.builder(store).build();
      List<Task> tasks = new ArrayList<>();
      for (int i = 0; i < 30; i++) {
        tasks.add(Task.of(new TextItem("t" + i, "text " + i), 2));
      }
      wf.addTasks(tasks);
      for (int n = 0; n < 40; n++) {
        Annotator who = new Annotator("a" + n % 3, Annotator.Kind.HUMAN);
        Optional<Assignment> got = wf.next(who);
        assertThat(got).isPresent();
        var unused =
            wf.submit(JournalStoreTest.choice("x" + n, got.get().taskId(), who.id(), "cat"));
        acked.add("x" + n);
        if (n % 7 == 3) {
          Path copy = dir.resolve("copy" + n);
          copyJournal(live, copy);
          try (JournalStore reopened = JournalStore.open(copy, relaxed())) {
            Set<String> stored =
                reopened.read(
                    v -> v.submissions().stream().map(Submission::id).collect(Collectors.toSet()));
            assertThat(stored).containsExactlyInAnyOrderElementsOf(acked);
            List<String> stillLeased =
                reopened.read(v ->
                    v.submissions().stream()
                        .filter(
                            s -> v.openLease(s.taskId(), s.annotation().annotatorId()).isPresent())
                        .map(Submission::id)
                        .toList());
            assertThat(stillLeased).as("a submission ends its lease").isEmpty();
          }
        }
      }
    }
  }

  private static void copyJournal(Path from, Path to) throws IOException {
    Files.createDirectories(to);
    try (Stream<Path> files = Files.list(from)) {
      for (Path file : files.toList()) {
        if (!file.getFileName().toString().equals("journal.lock")) {
          Files.copy(file, to.resolve(file.getFileName()));
        }
      }
    }
  }

  @Test
  void concurrentAnnotatorsLoseNothingAcrossReopen() throws Exception {
    long seed = Seeds.baseSeed();
    Project project =
        new Project(
            "p",
            JournalStoreTest.SCHEMA,
            ProjectSettings.builder().overlap(3).leaseDuration(Duration.ofHours(1)).build());
    Set<String> acked = ConcurrentHashMap.newKeySet();
    List<Object> before;
    try (JournalStore store = JournalStore.open(dir, relaxed().withSnapshotEvery(500))) {
      Workflow.createProject(store, project);
      Workflow wf = Workflow.builder(store).build();
      List<Task> tasks = new ArrayList<>();
      for (int i = 0; i < 300; i++) {
        tasks.add(Task.of(new TextItem("t" + i, "text " + i), 3));
      }
      wf.addTasks(tasks);
      List<Throwable> failures = new CopyOnWriteArrayList<>();
      List<Thread> workers = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        Annotator who = new Annotator("w" + t, Annotator.Kind.HUMAN);
        RandomGenerator random = Seeds.random(seed + t);
        Thread worker =
            new Thread(() -> {
              try {
                for (int n = 0; ; n++) {
                  Optional<Assignment> got = wf.next(who);
                  if (got.isEmpty()) {
                    return;
                  }
                  if (random.nextInt(10) == 0) {
                    wf.skip(who.id(), got.get().taskId());
                    continue;
                  }
                  String id = who.id() + "." + n;
                  var unused =
                      wf.submit(JournalStoreTest.choice(id, got.get().taskId(), who.id(), "dog"));
                  acked.add(id);
                }
              } catch (Throwable e) {
                failures.add(e);
              }
            });
        worker.start();
        workers.add(worker);
      }
      for (Thread worker : workers) {
        worker.join();
      }
      assertThat(failures).as("seed %d", seed).isEmpty();
      before = JournalStoreTest.dump(store);
    }
    try (JournalStore store = JournalStore.open(dir, relaxed())) {
      assertThat(JournalStoreTest.dump(store)).isEqualTo(before);
      Set<String> stored =
          store.read(v -> v.submissions().stream().map(Submission::id).collect(Collectors.toSet()));
      assertThat(stored).as("seed %d", seed).isEqualTo(acked);
    }
  }
}
