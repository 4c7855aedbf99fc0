package org.annotationkit.core.task;

import static org.annotationkit.core.task.Fixtures.choice;
import static org.annotationkit.core.task.Fixtures.human;
import static org.annotationkit.core.task.Fixtures.image;
import static org.annotationkit.core.task.Fixtures.settings;
import static org.annotationkit.core.task.Fixtures.workflow;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.annotationkit.core.annotation.Annotation;
import org.annotationkit.core.annotation.Annotator;
import org.annotationkit.core.annotation.ChoiceValue;
import org.annotationkit.core.annotation.Origin;
import org.annotationkit.core.annotation.ReviewState;
import org.annotationkit.core.dataset.Dataset;
import org.annotationkit.core.json.CanonicalJson;
import org.annotationkit.core.store.InMemoryStore;
import org.annotationkit.core.store.StoreEvent;
import org.annotationkit.core.validation.ValidationException;
import org.annotationkit.core.validation.Violation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkflowTest {

  private final ManualClock clock = new ManualClock();

  @Test
  void highestPriorityFirstAndNeverTheSameItemTwice() {
    Workflow wf = workflow(settings().overlap(2).build(), clock);
    wf.addItems(List.of(image("a"), image("b"), image("c")));
    wf.setPriorities(Map.of("b", 5.0, "c", 1.0));
    Annotator alice = human("alice");

    List<String> got = new ArrayList<>();
    for (Optional<Assignment> a = wf.next(alice); a.isPresent(); a = wf.next(alice)) {
      got.add(a.get().taskId());
    }

    assertThat(got).containsExactly("b", "c", "a");
  }

  @Test
  void neverMoreOpenLeasesThanATaskNeeds() {
    Workflow wf = workflow(settings().overlap(2).build(), clock);
    wf.addItems(List.of(image("a")));

    assertThat(wf.next(human("u1"))).isPresent();
    assertThat(wf.next(human("u2"))).isPresent();
    assertThat(wf.next(human("u3"))).isEmpty();
    assertThat(wf.status("a").orElseThrow().openLeases()).isEqualTo(2);
  }

  @Test
  void tasksGoOnlyToAnnotatorsWithTheSkills() {
    Workflow wf = workflow(settings().build(), clock);
    wf.addTasks(List.of(new Task(image("x-ray"), 1, 9, Set.of("radiology"), List.of())));
    wf.addItems(List.of(image("plain")));

    assertThat(wf.next(human("novice")).orElseThrow().taskId()).isEqualTo("plain");
    assertThat(wf.next(human("doctor", "radiology")).orElseThrow().taskId()).isEqualTo("x-ray");
  }

  @Test
  void aLapsedLeaseReturnsTheTaskToTheQueueAndRefusesTheLateSubmission() {
    List<Lease> expired = new ArrayList<>();
    WorkflowListener listener =
        new WorkflowListener() {
          @Override
          public void leaseExpired(Lease lease) {
            expired.add(lease);
          }
        };
    Workflow wf =
        workflow(settings().leaseDuration(Duration.ofSeconds(30)).build(), clock, listener);
    wf.addItems(List.of(image("a")));
    Assignment first = wf.next(human("slow")).orElseThrow();
    assertThat(wf.next(human("quick"))).isEmpty();

    clock.advance(Duration.ofSeconds(29));
    assertThat(wf.expireLeases()).isZero();
    clock.advance(Duration.ofSeconds(1));
    Assignment second = wf.next(human("quick")).orElseThrow();

    assertThat(second.taskId()).isEqualTo("a");
    assertThat(expired).containsExactly(first.lease());
    assertThatThrownBy(() -> wf.submit(choice("late", "a", "slow", "cat")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("holds no open lease");
    assertThat(wf.next(human("slow"))).isEmpty();
  }

  @Test
  void aSubmissionAtTheExpiryInstantIsLate() {
    Workflow wf = workflow(settings().leaseDuration(Duration.ofSeconds(30)).build(), clock);
    wf.addItems(List.of(image("a")));
    assertThat(wf.next(human("u"))).isPresent();
    clock.advance(Duration.ofSeconds(30));

    assertThatThrownBy(() -> wf.submit(choice("x", "a", "u", "cat")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("lapsed");
    assertThat(wf.submissions()).isEmpty();
  }

  @Test
  void leadTimeIsMeasuredFromTheLeaseAndATaskCompletesWithKAnswers() {
    List<String> completed = new ArrayList<>();
    WorkflowListener listener =
        new WorkflowListener() {
          @Override
          public void taskCompleted(String taskId, java.time.Instant at) {
            completed.add(taskId);
          }
        };
    Workflow wf = workflow(settings().overlap(2).build(), clock, listener);
    wf.addItems(List.of(image("a")));
    assertThat(wf.next(human("u1"))).isPresent();
    clock.advance(Duration.ofMillis(42_500));
    Receipt receipt = wf.submit(choice("s1", "a", "u1", "cat"));

    assertThat(receipt.leadTimeSeconds()).isEqualTo(42.5);
    assertThat(wf.submission("s1").orElseThrow().annotation().leadTimeSeconds().getAsDouble())
        .isEqualTo(42.5);
    assertThat(completed).isEmpty();

    assertThat(wf.next(human("u2"))).isPresent();
    Receipt unused = wf.submit(choice("s2", "a", "u2", "dog"));
    assertThat(completed).containsExactly("a");
    assertThat(wf.status("a").orElseThrow().counted()).isEqualTo(2);
    assertThat(wf.status("a").orElseThrow().complete()).isTrue();
  }

  @Test
  void submittingTwiceIsIdempotentByAnnotationId() {
    Workflow wf = workflow(settings().build(), clock);
    wf.addItems(List.of(image("a")));
    assertThat(wf.next(human("u"))).isPresent();
    Receipt first = wf.submit(choice("s1", "a", "u", "cat"));
    clock.advance(Duration.ofSeconds(5));

    Receipt retry = wf.submit(choice("s1", "a", "u", "cat"));

    assertThat(retry).isEqualTo(first);
    assertThat(wf.submissions()).hasSize(1);
    assertThatThrownBy(() -> wf.submit(choice("s1", "a", "u", "dog")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("already used by another annotation");
  }

  @Test
  void anInvalidSubmissionIsRejectedWithEveryViolationAndStoresNothing() {
    Workflow wf = workflow(settings().build(), clock);
    wf.addItems(List.of(image("a")));
    assertThat(wf.next(human("u"))).isPresent();
    Annotation bad =
        Annotation.builder("s1", "a", "u")
            .result("r1", "kind", new ChoiceValue("lion"))
            .result("r2", "nothing", new ChoiceValue("cat"))
            .origin(new Origin.Model("detector", "1"))
            .build();

    assertThatThrownBy(() -> wf.submit(bad))
        .isInstanceOfSatisfying(
            ValidationException.class,
            e ->
                assertThat(e.violations())
                    .extracting(Violation::path, Violation::code)
                    .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                            "/results/0/value/label", Violation.Code.UNKNOWN_LABEL),
                        org.assertj.core.groups.Tuple.tuple(
                            "/results/1/field", Violation.Code.UNKNOWN_FIELD),
                        org.assertj.core.groups.Tuple.tuple(
                            "/origin", Violation.Code.ORIGIN_MISMATCH)));
    assertThat(wf.submissions()).isEmpty();
    assertThat(wf.status("a").orElseThrow().openLeases()).isEqualTo(1);
    Receipt fixed = wf.submit(choice("s1", "a", "u", "cat"));
    assertThat(fixed.annotationId()).isEqualTo("s1");
  }

  @Test
  void aModelAnnotatorSubmitsModelAnnotations() {
    Workflow wf = workflow(settings().build(), clock);
    wf.addItems(List.of(image("a")));
    Annotator model = new Annotator("detector", Annotator.Kind.MODEL);
    assertThat(wf.next(model)).isPresent();
    Annotation human = choice("s1", "a", "detector", "cat");

    assertThatThrownBy(() -> wf.submit(human)).isInstanceOf(ValidationException.class);
    Annotation byModel =
        Annotation.builder("s1", "a", "detector")
            .result("r1", "kind", new ChoiceValue("cat"))
            .origin(new Origin.Model("detector", "2"))
            .build();
    assertThat(wf.submit(byModel).annotationId()).isEqualTo("s1");
  }

  @Test
  void prelabelsAreShownAndKeptApartFromAnswers() {
    Workflow wf = workflow(settings().build(), clock);
    Annotation prelabel =
        Annotation.builder("pre-a", "a", "detector")
            .result("r1", "kind", new ChoiceValue("dog"))
            .origin(new Origin.Model("detector", "2", java.util.OptionalDouble.of(0.7)))
            .build();
    wf.addTasks(List.of(new Task(image("a"), 1, 0, Set.of(), List.of(prelabel))));

    Assignment a = wf.next(human("u")).orElseThrow();
    assertThat(a.prelabels()).containsExactly(prelabel);
    Receipt unused = wf.submit(choice("s1", "a", "u", "cat"));

    assertThat(wf.export().annotations()).extracting(Annotation::id).containsExactly("s1");
  }

  @Test
  void skipAndReleaseReturnTheTaskToOthersButNotToTheSameAnnotator() {
    Workflow wf = workflow(settings().build(), clock);
    wf.addItems(List.of(image("a"), image("b")));
    assertThat(wf.next(human("u")).orElseThrow().taskId()).isEqualTo("a");
    wf.skip("u", "a");
    assertThat(wf.next(human("u")).orElseThrow().taskId()).isEqualTo("b");
    wf.release("u", "b");
    assertThat(wf.next(human("u"))).isEmpty();
    assertThat(wf.next(human("v")).orElseThrow().taskId()).isEqualTo("a");
    assertThatThrownBy(() -> wf.skip("u", "a"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("holds no open lease on task");
  }

  @Test
  void reviewAcceptsRejectsAndCorrectsBesideTheOriginal() {
    Workflow wf = workflow(settings().overlap(2).review(true).build(), clock);
    wf.addItems(List.of(image("a")));
    assertThat(wf.next(human("u1"))).isPresent();
    assertThat(wf.next(human("u2"))).isPresent();
    Receipt r1 = wf.submit(choice("s1", "a", "u1", "cat"));
    Receipt r2 = wf.submit(choice("s2", "a", "u2", "dog"));
    assertThat(wf.pendingReviews()).extracting(Submission::id).containsExactly("s1", "s2");
    assertThat(wf.next(human("u3"))).isEmpty();

    Submission rejected = wf.reject("s2", "rev", "not a dog");
    assertThat(rejected.status()).isEqualTo(Submission.Status.REJECTED);
    Assignment third = wf.next(human("u3")).orElseThrow();
    assertThat(third.taskId()).isEqualTo("a");
    Receipt r3 = wf.submit(choice("s3", "a", "u3", "bird"));

    Submission accepted = wf.accept("s1", "rev");
    assertThat(wf.accept("s1", "rev")).isEqualTo(accepted);
    assertThat(wf.status("a").orElseThrow().complete()).isFalse();
    Submission corrected = wf.correct("s3", "rev", choice("s3-fixed", "a", "u3", "cat"));

    assertThat(corrected.status()).isEqualTo(Submission.Status.CORRECTED);
    assertThat(corrected.annotation()).isEqualTo(wf.submission("s3").orElseThrow().annotation());
    assertThat(corrected.annotation().results().get(0).value()).isEqualTo(new ChoiceValue("bird"));
    assertThat(wf.status("a").orElseThrow().complete()).isTrue();
    Dataset exported = wf.export();
    assertThat(exported.annotations())
        .extracting(Annotation::id, Annotation::reviewState)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("s1", ReviewState.ACCEPTED),
            org.assertj.core.groups.Tuple.tuple("s3-fixed", ReviewState.CORRECTED));
    assertThatThrownBy(() -> wf.reject("s1", "rev", "changed my mind"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("already reviewed");
    assertThatThrownBy(() -> wf.accept("s2", "u2")).isInstanceOf(IllegalStateException.class);
    assertThat(List.of(r1, r2, r3)).extracting(Receipt::taskId).containsOnly("a");
  }

  @Test
  void aReviewerCannotReviewTheirOwnWork() {
    Workflow wf = workflow(settings().review(true).build(), clock);
    wf.addItems(List.of(image("a")));
    assertThat(wf.next(human("u"))).isPresent();
    Receipt unused = wf.submit(choice("s1", "a", "u", "cat"));

    assertThatThrownBy(() -> wf.accept("s1", "u"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("own work");
  }

  @Test
  void exportWritesCanonicalJsonLinesThatReadBack(@TempDir Path dir) {
    Workflow wf = workflow(settings().build(), clock);
    wf.addItems(List.of(image("a"), image("b")));
    assertThat(wf.next(human("u"))).isPresent();
    Receipt unused = wf.submit(choice("s1", "a", "u", "cat"));
    Path file = dir.resolve("export.jsonl");

    wf.exportJsonLines(file);

    assertThat(CanonicalJson.readDataset(file)).isEqualTo(wf.export());
    assertThat(wf.export().items()).hasSize(2);
  }

  @Test
  void exportWithGoldMarksTheGoldSetOfTheProjectAndReviewsByReviewState() {
    Workflow wf = workflow(settings().review(true).gold(1.0, 1).build(), clock);
    wf.addItems(List.of(image("a")));
    Annotation known = choice("gold", "g", "owner", "cat");
    wf.addGoldTask(Task.of(image("g"), 1), known);
    // a gold rate of 1: the gold task comes first, while regular work is left
    assertThat(wf.next(human("u1")).orElseThrow().taskId()).isEqualTo("g");
    Receipt unused = wf.submit(choice("u1-g", "g", "u1", "dog"));
    assertThat(wf.next(human("u1")).orElseThrow().taskId()).isEqualTo("a");
    unused = wf.submit(choice("s1", "a", "u1", "cat"));
    wf.accept("s1", "rev");

    Dataset all = wf.exportWithGold();

    assertThat(all.items())
        .extracting(i -> i.id() + " " + i.metadata())
        .containsExactly("a {}", "g {annotationkit.gold_answer=gold}");
    assertThat(all.annotations())
        .extracting(a -> a.id() + " " + a.itemId() + " " + a.reviewState().jsonName())
        .containsExactly("s1 a accepted", "gold g unreviewed", "u1-g g unreviewed");
    assertThat(all.annotations().get(1)).isEqualTo(known);
    // export() is the regular part alone
    assertThat(wf.export().items()).extracting(i -> i.id()).containsExactly("a");
  }

  @Test
  void aKnownAnswersIdIsReservedInTheProject() {
    Workflow wf = workflow(settings().build(), clock);
    wf.addItems(List.of(image("a"), image("b")));
    wf.addGoldTask(Task.of(image("g"), 1), choice("gold", "g", "owner", "cat"));
    assertThatThrownBy(() -> wf.importAnnotation(choice("gold", "a", "u", "cat")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("'gold' is already used");
    Receipt unused = wf.importAnnotation(choice("s1", "a", "u", "cat"));
    assertThatThrownBy(
            () -> wf.addGoldTask(Task.of(image("h"), 1), choice("s1", "h", "owner", "dog")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'s1' is already used");
    assertThatThrownBy(
            () -> wf.addGoldTask(Task.of(image("h"), 1), choice("k2", "a", "owner", "dog")))
        .isInstanceOf(ValidationException.class)
        .hasMessageContaining("/item: annotation is for item 'a' but was checked against item 'h'");
  }

  @Test
  void replayingTheEventsOfEveryDecisionRebuildsTheState() {
    List<StoreEvent> journal = new ArrayList<>();
    InMemoryStore store = InMemoryStore.create(journal::addAll);
    Workflow.createProject(
        store, new Project("p", Fixtures.SCHEMA, settings().overlap(2).review(true).build()));
    Workflow wf = Workflow.builder(store).clock(clock).build();
    wf.addItems(List.of(image("a"), image("b")));
    wf.addGoldTask(Task.of(image("g"), 1), choice("gold", "g", "owner", "cat"));
    assertThat(wf.next(human("u1"))).isPresent();
    Receipt unused = wf.submit(choice("s1", "a", "u1", "cat"));
    Submission s = wf.reject("s1", "rev", "no");
    assertThat(wf.next(human("u2"))).isPresent();
    clock.advance(Duration.ofMinutes(5));
    assertThat(wf.expireLeases()).isEqualTo(1);

    InMemoryStore copy = InMemoryStore.replay(journal, events -> {});
    Workflow again = Workflow.builder(copy).clock(clock).build();

    assertThat(again.tasks()).isEqualTo(wf.tasks());
    assertThat(again.submissions()).isEqualTo(wf.submissions());
    assertThat(again.annotators()).isEqualTo(wf.annotators());
    assertThat(s.status()).isEqualTo(Submission.Status.REJECTED);
  }

  @Test
  void replayRefusesAnEventThatDoesNotFit() {
    List<StoreEvent> journal = new ArrayList<>();
    InMemoryStore store = InMemoryStore.create(journal::addAll);
    Workflow.createProject(store, new Project("p", Fixtures.SCHEMA, settings().build()));
    Workflow wf = Workflow.builder(store).clock(clock).build();
    wf.addItems(List.of(image("a")));
    assertThat(wf.next(human("u1"))).isPresent();
    journal.add(journal.get(journal.size() - 1));

    assertThatThrownBy(() -> InMemoryStore.replay(journal, events -> {}))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("event 3 (LeaseGranted)")
        .hasMessageContaining("already had task a");
  }

  @Test
  void aHookThatFailsLeavesTheStoreUnchanged() {
    InMemoryStore store =
        InMemoryStore.create(events -> {
          if (events.get(0) instanceof StoreEvent.LeaseGranted) {
            throw new IllegalStateException("disk full");
          }
        });
    Workflow.createProject(store, new Project("p", Fixtures.SCHEMA, settings().build()));
    Workflow wf = Workflow.builder(store).clock(clock).build();
    wf.addItems(List.of(image("a")));

    assertThatThrownBy(() -> wf.next(human("u"))).hasMessage("disk full");
    assertThat(wf.status("a").orElseThrow().openLeases()).isZero();
  }

  @Test
  void anotherProjectInTheStoreIsAnError() {
    InMemoryStore store = InMemoryStore.create();
    Workflow.createProject(store, new Project("p", Fixtures.SCHEMA, settings().build()));
    Workflow.createProject(store, new Project("p", Fixtures.SCHEMA, settings().build()));

    assertThatThrownBy(() ->
            Workflow.createProject(
                store, new Project("p", Fixtures.SCHEMA, settings().overlap(3).build())))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("other settings");
    assertThatThrownBy(() -> Workflow.builder(InMemoryStore.create()).build())
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void addingATaskTwiceIsAnError() {
    Workflow wf = workflow(settings().build(), clock);
    wf.addItems(List.of(image("a")));

    assertThatThrownBy(() -> wf.addItems(List.of(image("b"), image("a"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'a' is already in the project");
    assertThat(wf.status("b")).isEmpty();
    assertThatThrownBy(() -> wf.setPriorities(Map.of("zzz", 1.0)))
        .hasMessageContaining("no task 'zzz'");
  }
}
