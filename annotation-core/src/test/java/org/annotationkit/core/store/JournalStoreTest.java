package org.annotationkit.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.annotationkit.core.annotation.Annotation;
import org.annotationkit.core.annotation.Annotator;
import org.annotationkit.core.annotation.ChoiceValue;
import org.annotationkit.core.item.TextItem;
import org.annotationkit.core.schema.Field;
import org.annotationkit.core.schema.FieldKind;
import org.annotationkit.core.schema.Schema;
import org.annotationkit.core.store.journal.Journal;
import org.annotationkit.core.store.journal.JournalCorruptedException;
import org.annotationkit.core.store.journal.JournalLockedException;
import org.annotationkit.core.store.journal.JournalOptions;
import org.annotationkit.core.task.Assignment;
import org.annotationkit.core.task.PayPolicy;
import org.annotationkit.core.task.Project;
import org.annotationkit.core.task.ProjectSettings;
import org.annotationkit.core.task.Task;
import org.annotationkit.core.task.Workflow;
import org.annotationkit.core.testing.LogCapture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class JournalStoreTest {

  @TempDir Path dir;

  /** The journal's warning of a torn tail, kept out of the build's output and checked. */
  @RegisterExtension final LogCapture log = LogCapture.of(Journal.class);

  static final Schema SCHEMA =
      Schema.of(
          "pets", Field.builder("kind", FieldKind.SINGLE_CHOICE).labels("cat", "dog").build());

  static Project project(boolean review) {
    return new Project(
        "p",
        SCHEMA,
        ProjectSettings.builder()
            .overlap(2)
            .review(review)
            .gold(0.3, 7)
            .leaseDuration(Duration.ofMinutes(5))
            .pay(PayPolicy.perTask("0.05"))
            .build());
  }

  static Annotation choice(String id, String item, String who, String label) {
    return Annotation.builder(id, item, who).result("r", "kind", new ChoiceValue(label)).build();
  }

  /** What a view shows, to compare two stores. */
  static List<Object> dump(WorkflowStore store) {
    return store.read(v ->
        List.of(
            v.project(),
            v.tasks(),
            v.submissions(),
            v.openLeases(),
            v.annotators(),
            v.nextTask("alice", Set.of(), false),
            v.nextTask("zed", Set.of(), true)));
  }

  /** The same script of decisions, on any store. */
  static void script(WorkflowStore store, Instant start) {
    Instant[] now = {start};
    InstantSource clock = () -> now[0];
    Workflow.createProject(store, project(true));
    Workflow wf = Workflow.builder(store).clock(clock).build();
    for (int i = 0; i < 6; i++) {
      wf.addTasks(List.of(Task.of(new TextItem("t" + i, "text " + i), 2)));
    }
    wf.addGoldTask(Task.of(new TextItem("g", "gold"), 1), choice("gold", "g", "owner", "cat"));
    int n = 0;
    for (String who : List.of("alice", "bob", "carol")) {
      Annotator a = new Annotator(who, Annotator.Kind.HUMAN);
      for (int k = 0; k < 3; k++) {
        Optional<Assignment> got = wf.next(a);
        if (got.isEmpty()) {
          break;
        }
        String task = got.get().taskId();
        if (k == 2 && who.equals("carol")) {
          wf.skip(who, task);
          continue;
        }
        now[0] = now[0].plusSeconds(30);
        var unused = wf.submit(choice("a" + n++, task, who, k % 2 == 0 ? "cat" : "dog"));
      }
    }
    for (var pending : wf.pendingReviews().subList(0, 2)) {
      wf.accept(pending.id(), "rev");
    }
    wf.reject(wf.pendingReviews().get(0).id(), "rev", "sloppy");
    var unused = wf.next(new Annotator("dave", Annotator.Kind.HUMAN));
  }

  @Test
  void reopeningGivesTheSameStateAsTheInMemoryStore() {
    Instant start = Instant.parse("2026-03-01T09:00:00Z");
    InMemoryStore memory = InMemoryStore.create();
    script(memory, start);
    try (JournalStore store = JournalStore.open(dir)) {
      script(store, start);
      assertThat(dump(store)).isEqualTo(dump(memory));
    }
    try (JournalStore store = JournalStore.open(dir)) {
      assertThat(dump(store)).isEqualTo(dump(memory));
      assertThat(store.recovery().tornTail()).isEmpty();
    }
  }

  static Stream<Long> intervals() {
    return Stream.of(1L, 2L, 3L, 7L);
  }

  @org.junit.jupiter.params.ParameterizedTest(name = "snapshot every {0} records")
  @org.junit.jupiter.params.provider.MethodSource("intervals")
  void snapshotsGiveTheSameStateAsReplay(long every) throws IOException {
    Instant start = Instant.parse("2026-03-01T09:00:00Z");
    InMemoryStore memory = InMemoryStore.create();
    script(memory, start);
    JournalStore.Options options = JournalStore.Options.defaults().withSnapshotEvery(every);
    try (JournalStore store = JournalStore.open(dir, options)) {
      script(store, start);
    }
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .anyMatch(name -> name.startsWith("snapshot-"));
    }
    try (JournalStore store = JournalStore.open(dir, options)) {
      assertThat(dump(store)).isEqualTo(dump(memory));
      store.snapshot();
    }
    try (JournalStore store = JournalStore.open(dir, options)) {
      assertThat(dump(store)).isEqualTo(dump(memory));
      assertThat(store.recovery().nextSequence() - store.recovery().snapshotRecords()).isZero();
    }
  }

  @Test
  void aSecondOpenerIsRefusedAtOnce() {
    JournalStore store = JournalStore.open(dir);
    try {
      assertThatThrownBy(() -> JournalStore.open(dir)).isInstanceOf(JournalLockedException.class);
    } finally {
      store.close();
    }
  }

  @Test
  void aTornTailIsDroppedAndAFlippedByteInTheMiddleIsAnError() throws IOException {
    Instant start = Instant.parse("2026-03-01T09:00:00Z");
    try (JournalStore store = JournalStore.open(dir, options())) {
      script(store, start);
    }
    Path segment;
    try (Stream<Path> files = Files.list(dir)) {
      segment = files.filter(p -> p.toString().endsWith(".akj")).findFirst().orElseThrow();
    }
    byte[] bytes = Files.readAllBytes(segment);
    // a torn tail: the last record cut in half
    Files.write(segment, java.util.Arrays.copyOf(bytes, bytes.length - 40));
    int before;
    try (JournalStore store = JournalStore.open(dir, options())) {
      assertThat(store.recovery().tornTail()).isPresent();
      assertThat(log.warnings())
          .singleElement()
          .asString()
          .contains("dropped a torn last record in " + segment.getFileName())
          .contains("at byte offset " + store.recovery().tornTail().orElseThrow().offset());
      before = store.read(v -> v.submissions().size());
      assertThat(before).isPositive();
    }
    byte[] cut = Files.readAllBytes(segment);
    cut[cut.length / 2] ^= 0x10;
    Files.write(segment, cut);
    assertThatThrownBy(() -> JournalStore.open(dir, options()))
        .isInstanceOf(JournalCorruptedException.class)
        .hasMessageContaining(segment.getFileName().toString());
  }

  private static JournalStore.Options options() {
    return new JournalStore.Options(JournalOptions.defaults(), Long.MAX_VALUE);
  }
}
