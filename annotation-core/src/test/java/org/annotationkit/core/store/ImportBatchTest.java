package org.annotationkit.core.store;

import static org.annotationkit.core.store.JournalStoreTest.SCHEMA;
import static org.annotationkit.core.store.JournalStoreTest.choice;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import java.util.stream.Stream;
import org.annotationkit.core.annotation.Annotation;
import org.annotationkit.core.item.TextItem;
import org.annotationkit.core.task.Project;
import org.annotationkit.core.task.ProjectSettings;
import org.annotationkit.core.task.Receipt;
import org.annotationkit.core.task.Task;
import org.annotationkit.core.task.Workflow;
import org.annotationkit.core.testing.Seeds;
import org.annotationkit.core.validation.ValidationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link Workflow#importAnnotations} over {@link WorkflowStore#decideEach}: a batch imports as the
 * same annotations imported one by one would, refusals apply nothing, and what a journal store
 * acknowledged survives reopening.
 */
class ImportBatchTest {

  @TempDir Path dir;

  private static Project project() {
    return new Project("p", SCHEMA, ProjectSettings.builder().overlap(2).build());
  }

  private static void tasks(Workflow wf, int n) {
    List<Task> tasks = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      tasks.add(Task.of(new TextItem("t" + i, "text " + i), 2));
    }
    wf.addTasks(tasks);
  }

  @Test
  void refusedImportsApplyNothingAndLaterOnesSeeEarlierOnes() {
    try (JournalStore store = JournalStore.open(dir)) {
      Workflow.createProject(store, project());
      Workflow wf = Workflow.builder(store).build();
      tasks(wf, 2);
      List<Outcome<Receipt>> outcomes =
          wf.importAnnotations(
              List.of(
                  choice("i1", "t0", "ann", "cat"),
                  choice("i2", "t0", "ann", "dog"), // ann already had t0, from i1
                  choice("i3", "t0", "bob", "horse"), // not a label
                  choice("i4", "t0", "bob", "dog"),
                  choice("i5", "t0", "carol", "dog"), // t0 is full with i1 and i4
                  choice("i6", "nowhere", "ann", "cat"),
                  choice("i1", "t0", "ann", "cat"))); // a retry: the first receipt
      assertThat(outcomes).hasSize(7);
      assertThat(outcomes.get(0)).isInstanceOf(Outcome.Applied.class);
      assertThat(((Outcome.Refused<Receipt>) outcomes.get(1)).reason())
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("already had task 't0'");
      assertThat(((Outcome.Refused<Receipt>) outcomes.get(2)).reason())
          .isInstanceOf(ValidationException.class);
      assertThat(outcomes.get(3)).isInstanceOf(Outcome.Applied.class);
      assertThat(((Outcome.Refused<Receipt>) outcomes.get(4)).reason())
          .hasMessageContaining("needs no more annotations");
      assertThat(((Outcome.Refused<Receipt>) outcomes.get(5)).reason())
          .isInstanceOf(IllegalArgumentException.class);
      assertThat(outcomes.get(6)).isEqualTo(outcomes.get(0));
      assertThat(wf.status("t0").orElseThrow().complete()).isTrue();
    }
    try (JournalStore store = JournalStore.open(dir)) {
      List<String> stored = store.read(v -> v.submissions().stream().map(s -> s.id()).toList());
      assertThat(stored).containsExactly("i1", "i4");
    }
  }

  static Stream<Long> seeds() {
    return Seeds.seeds(8);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void aBatchEndsInTheStateOfOneImportAtATime(long seed) {
    RandomGenerator random = Seeds.random(seed);
    List<Annotation> annotations = new ArrayList<>();
    String[] labels = {"cat", "dog", "horse"};
    for (int i = 0; i < 60; i++) {
      annotations.add(
          choice(
              "a" + random.nextInt(50),
              "t" + random.nextInt(12),
              "w" + random.nextInt(5),
              labels[random.nextInt(labels.length)]));
    }
    List<String> one = new ArrayList<>();
    List<Object> expected;
    try (InMemoryStore memory = InMemoryStore.create()) {
      Workflow.createProject(memory, project());
      Workflow wf = Workflow.builder(memory).clock(() -> java.time.Instant.EPOCH).build();
      tasks(wf, 10);
      for (Annotation a : annotations) {
        try {
          one.add("applied " + wf.importAnnotation(a).annotationId());
        } catch (RuntimeException e) {
          one.add("refused " + e.getClass().getSimpleName() + ": " + e.getMessage());
        }
      }
      expected = JournalStoreTest.dump(memory);
    }
    try (JournalStore store = JournalStore.open(dir)) {
      Workflow.createProject(store, project());
      Workflow wf = Workflow.builder(store).clock(() -> java.time.Instant.EPOCH).build();
      tasks(wf, 10);
      List<String> batch = new ArrayList<>();
      for (int from = 0; from < annotations.size(); from += 7) {
        List<Annotation> part = annotations.subList(from, Math.min(from + 7, annotations.size()));
        for (Outcome<Receipt> o : wf.importAnnotations(part)) {
          batch.add(
              switch (o) {
                case Outcome.Applied<Receipt> a -> "applied " + a.result().annotationId();
                case Outcome.Refused<Receipt> r ->
                    "refused "
                        + r.reason().getClass().getSimpleName()
                        + ": "
                        + r.reason().getMessage();
              });
        }
      }
      assertThat(batch).as("seed %d", seed).isEqualTo(one);
      assertThat(JournalStoreTest.dump(store)).as("seed %d", seed).isEqualTo(expected);
    }
    try (JournalStore store = JournalStore.open(dir)) {
      assertThat(JournalStoreTest.dump(store))
          .as("seed %d after reopening", seed)
          .isEqualTo(expected);
    }
  }
}
