package org.annotationkit.core.task;

import static org.annotationkit.core.task.Fixtures.choice;
import static org.annotationkit.core.task.Fixtures.human;
import static org.annotationkit.core.task.Fixtures.image;
import static org.annotationkit.core.task.Fixtures.settings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.annotationkit.core.annotation.Annotation;
import org.annotationkit.core.annotation.ChoiceValue;
import org.annotationkit.core.store.InMemoryStore;
import org.annotationkit.core.store.JournalStore;
import org.annotationkit.core.store.StoreEvent;
import org.annotationkit.core.store.WorkflowStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The consensus hook: a task whose answers disagree gets one more annotator, up to a cap. */
class ConsensusTest {

  @TempDir Path temp;

  private final ManualClock clock = new ManualClock();

  /** One more annotator while the accepted labels are not unanimous, at most {@code cap}. */
  private static ConsensusPolicy unanimous(int cap) {
    ConsensusPolicy p =
        check ->
            check.accepted().stream()
                        .map(a -> ((ChoiceValue) a.results().get(0).value()).label())
                        .distinct()
                        .count()
                    > 1
                ? ConsensusPolicy.Verdict.ONE_MORE
                : ConsensusPolicy.Verdict.COMPLETE;
    return p.upTo(cap);
  }

  private Workflow workflow(
      WorkflowStore store, ProjectSettings s, ConsensusPolicy policy, Log log) {
    Workflow.createProject(store, new Project("p", Fixtures.SCHEMA, s));
    return Workflow.builder(store).clock(clock).consensusPolicy(policy).listener(log).build();
  }

  /** What the listener heard, in order. */
  static final class Log implements WorkflowListener {
    final List<String> heard = new ArrayList<>();

    @Override
    public synchronized void taskCompleted(String taskId, Instant at) {
      heard.add("completed " + taskId);
    }

    @Override
    public synchronized void overlapRaised(String taskId, int overlap, Instant at) {
      heard.add("raised " + taskId + " to " + overlap);
    }
  }

  private static void answer(Workflow wf, String who, String label) {
    Assignment a = wf.next(human(who)).orElseThrow();
    Receipt unused = wf.submit(choice(who + "-" + a.taskId(), a.taskId(), who, label));
  }

  @Test
  void disagreementAsksForOneMoreUntilUnanimousOrTheCap() {
    Log log = new Log();
    Workflow wf =
        workflow(InMemoryStore.create(), settings().overlap(2).build(), unanimous(4), log);
    wf.addItems(List.of(image("x"), image("y")));

    answer(wf, "a", "cat"); // x, the first in the queue
    answer(wf, "b", "dog"); // x: cat, dog -> one more annotator
    TaskStatus x = wf.status("x").orElseThrow();
    assertThat(x.task().overlap()).isEqualTo(3);
    assertThat(x.complete()).isFalse();
    assertThat(x.freeSlots()).isEqualTo(1);
    answer(wf, "c", "cat"); // x: cat, dog, cat -> still split: one more
    x = wf.status("x").orElseThrow();
    assertThat(x.task().overlap()).isEqualTo(4);
    assertThat(x.complete()).isFalse();
    answer(wf, "d", "dog"); // x: split at the cap of 4 -> complete
    x = wf.status("x").orElseThrow();
    assertThat(x.task().overlap()).isEqualTo(4);
    assertThat(x.complete()).isTrue();
    assertThat(x.counted()).isEqualTo(4);
    answer(wf, "e", "cat"); // y
    answer(wf, "a", "cat"); // y: cat, cat -> complete at 2
    TaskStatus y = wf.status("y").orElseThrow();
    assertThat(y.complete()).isTrue();
    assertThat(y.task().overlap()).isEqualTo(2);
    assertThat(wf.next(human("f"))).isEmpty();
    assertThat(log.heard)
        .containsExactly("raised x to 3", "raised x to 4", "completed x", "completed y");
  }

  @Test
  void aReviewersAcceptOrCorrectionIsWhatThePolicyJudges() {
    Log log = new Log();
    Workflow wf =
        workflow(
            InMemoryStore.create(), settings().overlap(2).review(true).build(), unanimous(3), log);
    wf.addItems(List.of(image("x")));
    answer(wf, "a", "cat");
    answer(wf, "b", "dog");
    wf.accept("a-x", "r");
    // b said dog, the reviewer corrects it to cat: unanimous, so x completes at 2
    Submission unused = wf.correct("b-x", "r", choice("b-x-fixed", "x", "b", "cat"));
    assertThat(wf.status("x").orElseThrow().complete()).isTrue();
    assertThat(wf.status("x").orElseThrow().task().overlap()).isEqualTo(2);

    wf.addItems(List.of(image("y")));
    answer(wf, "a", "cat");
    answer(wf, "b", "dog");
    wf.accept("a-y", "r");
    wf.accept("b-y", "r");
    assertThat(wf.status("y").orElseThrow().task().overlap()).isEqualTo(3);
    assertThat(wf.status("y").orElseThrow().complete()).isFalse();
    assertThat(log.heard).containsExactly("completed x", "raised y to 3");
  }

  @Test
  void importsAreJudgedToo() {
    Workflow wf =
        workflow(InMemoryStore.create(), settings().overlap(2).build(), unanimous(3), new Log());
    wf.addItems(List.of(image("x")));
    Receipt unused = wf.importAnnotation(choice("i1", "x", "a", "cat"));
    unused = wf.importAnnotation(choice("i2", "x", "b", "bird"));
    assertThat(wf.status("x").orElseThrow().task().overlap()).isEqualTo(3);
    unused = wf.importAnnotation(choice("i3", "x", "c", "bird"));
    assertThat(wf.status("x").orElseThrow().complete()).isTrue();
    assertThatThrownBy(() -> wf.importAnnotation(choice("i4", "x", "d", "bird")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("needs no more annotations");
  }

  @Test
  void thePolicySeesTheTasksAndTheProjectsAcceptedAnswers() {
    List<String> seen = new ArrayList<>();
    ConsensusPolicy spy =
        check -> {
          seen.add(
              check.task().id()
                  + " "
                  + check.accepted().stream().map(Annotation::id).toList()
                  + " "
                  + check.projectAnswers().stream().map(Annotation::id).toList());
          return ConsensusPolicy.Verdict.COMPLETE;
        };
    Workflow wf = workflow(InMemoryStore.create(), settings().overlap(2).build(), spy, new Log());
    wf.addItems(List.of(image("x"), image("y")));
    wf.addGoldTask(Task.of(image("g"), 1), choice("known", "g", "o", "cat"));
    Receipt unused = wf.importAnnotation(choice("g1", "g", "a", "cat"));
    unused = wf.importAnnotation(choice("x1", "x", "a", "cat"));
    unused = wf.importAnnotation(choice("y1", "y", "a", "cat"));
    unused = wf.importAnnotation(choice("x2", "x", "b", "dog"));
    unused = wf.importAnnotation(choice("y2", "y", "b", "dog"));
    assertThat(seen).containsExactly("x [x1, x2] [x1, y1, x2]", "y [y1, y2] [x1, y1, x2, y2]");
  }

  @Test
  void theOwnerCanReopenACompleteTaskUpToACap() {
    Log log = new Log();
    Workflow wf =
        workflow(
            InMemoryStore.create(), settings().overlap(1).build(), ConsensusPolicy.none(), log);
    wf.addItems(List.of(image("x")));
    answer(wf, "a", "cat");
    assertThat(wf.status("x").orElseThrow().complete()).isTrue();
    assertThat(wf.requestAnotherAnnotator("x", 2)).isTrue();
    TaskStatus x = wf.status("x").orElseThrow();
    assertThat(x.complete()).isFalse();
    assertThat(x.task().overlap()).isEqualTo(2);
    assertThat(wf.requestAnotherAnnotator("x", 2)).isFalse();
    assertThat(wf.next(human("a"))).as("never to the annotator who had it").isEmpty();
    answer(wf, "b", "dog");
    assertThat(wf.status("x").orElseThrow().complete()).isTrue();
    assertThat(wf.costReport().completedTasks()).isEqualTo(1);
    assertThat(log.heard).containsExactly("completed x", "raised x to 2", "completed x");
    assertThatThrownBy(() -> wf.requestAnotherAnnotator("nope", 3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no task");
  }

  @Test
  void aRaisedOverlapSurvivesReopeningTheJournal() {
    Path dir = temp.resolve("store");
    try (JournalStore store = JournalStore.open(dir)) {
      Workflow wf = workflow(store, settings().overlap(2).build(), unanimous(3), new Log());
      wf.addItems(List.of(image("x")));
      answer(wf, "a", "cat");
      answer(wf, "b", "dog");
    }
    try (JournalStore store = JournalStore.open(dir)) {
      TaskStatus x = store.read(v -> v.task("x")).orElseThrow();
      assertThat(x.task().overlap()).isEqualTo(3);
      assertThat(x.complete()).isFalse();
      store.snapshot();
    }
    try (JournalStore store = JournalStore.open(dir)) {
      assertThat(store.read(v -> v.task("x")).orElseThrow().task().overlap()).isEqualTo(3);
    }
  }

  @Test
  void theStoreRefusesARaiseThatDoesNotFit() {
    InMemoryStore store = InMemoryStore.create();
    Workflow wf = workflow(store, settings().overlap(2).build(), ConsensusPolicy.none(), new Log());
    wf.addItems(List.of(image("x")));
    wf.addGoldTask(Task.of(image("g"), 1), choice("known", "g", "o", "cat"));
    Instant now = clock.instant();
    for (StoreEvent bad :
        List.of(
            new StoreEvent.OverlapRaised("x", 2, now),
            new StoreEvent.OverlapRaised("g", 3, now),
            new StoreEvent.OverlapRaised("nope", 3, now))) {
      assertThatThrownBy(() ->
              InMemoryStore.replay(
                  List.of(
                      new StoreEvent.ProjectCreated(wf.project()),
                      new StoreEvent.TaskAdded(Task.of(image("x"), 2), java.util.Optional.empty()),
                      new StoreEvent.TaskAdded(
                          Task.of(image("g"), 1),
                          java.util.Optional.of(choice("known", "g", "o", "cat"))),
                      bad),
                  events -> {}))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("event 3 (OverlapRaised)");
    }
  }

  @Test
  void upToNeverAsksThePolicyAtTheCap() {
    ConsensusPolicy always = check -> ConsensusPolicy.Verdict.ONE_MORE;
    Task at3 = Task.of(image("x"), 3);
    List<Annotation> three =
        List.of(
            choice("1", "x", "a", "cat"),
            choice("2", "x", "b", "dog"),
            choice("3", "x", "c", "cat"));
    assertThat(always.upTo(3).judge(ConsensusCheck.of(at3, three, three)))
        .isEqualTo(ConsensusPolicy.Verdict.COMPLETE);
    assertThat(always.upTo(4).judge(ConsensusCheck.of(at3, three, three)))
        .isEqualTo(ConsensusPolicy.Verdict.ONE_MORE);
    assertThatThrownBy(() -> always.upTo(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ConsensusCheck.of(at3, List.of(choice("1", "y", "a", "cat")), three))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("of item y");
  }
}
