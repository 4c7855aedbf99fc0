package org.annotationkit.core.task;

import static org.assertj.core.api.Assertions.assertThatCode;

import com.google.common.testing.NullPointerTester;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.annotationkit.core.annotation.Annotation;
import org.annotationkit.core.annotation.Annotator;
import org.annotationkit.core.item.Item;
import org.annotationkit.core.schema.Schema;
import org.annotationkit.core.store.AnnotatorState;
import org.annotationkit.core.store.Decided;
import org.annotationkit.core.store.InMemoryStore;
import org.annotationkit.core.store.StoreEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TaskNullPointerTest {

  private static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");

  private static NullPointerTester tester() {
    return new NullPointerTester()
        .setDefault(String.class, "a")
        .setDefault(Item.class, Fixtures.image("a"))
        .setDefault(Schema.class, Fixtures.SCHEMA)
        .setDefault(Task.class, Task.of(Fixtures.image("a"), 1))
        .setDefault(Annotation.class, Fixtures.choice("s", "a", "u", "cat"))
        .setDefault(Annotator.class, Fixtures.human("u"))
        .setDefault(ProjectSettings.class, ProjectSettings.builder().build())
        .setDefault(
            Project.class, new Project("p", Fixtures.SCHEMA, ProjectSettings.builder().build()))
        .setDefault(PayPolicy.class, PayPolicy.perTask("1"))
        .setDefault(BigDecimal.class, BigDecimal.ONE)
        .setDefault(Duration.class, Duration.ofSeconds(1))
        .setDefault(Instant.class, T0)
        .setDefault(Lease.class, new Lease("a", "u", T0, T0.plusSeconds(1)))
        .setDefault(GoldPolicy.Flag.class, new GoldPolicy.Flag("low", true))
        .setDefault(Review.Verdict.class, Review.Verdict.ACCEPT)
        .setDefault(StoreEvent.EndReason.class, StoreEvent.EndReason.SKIPPED)
        .setDefault(Submission.GoldOutcome.class, Submission.GoldOutcome.NOT_GOLD)
        .setDefault(
            Submission.class,
            new Submission(
                Fixtures.choice("s", "a", "u", "cat"),
                T0,
                1,
                false,
                Submission.GoldOutcome.NOT_GOLD,
                Optional.empty()));
  }

  @ParameterizedTest
  @ValueSource(
      classes = {
        PayPolicy.class,
        PayPolicy.PerTask.class,
        PayPolicy.Hourly.class,
        ProjectSettings.class,
        ProjectSettings.Builder.class,
        Project.class,
        Task.class,
        Lease.class,
        Assignment.class,
        Receipt.class,
        Submission.class,
        GoldStanding.class,
        GoldPolicy.class,
        GoldPolicy.Flag.class,
        GoldMatcher.class,
        TaskStatus.class,
        CostReport.class,
        CostReport.AnnotatorCost.class,
        Workflow.class,
        InMemoryStore.class,
        AnnotatorState.class,
        Decided.class,
        StoreEvent.ProjectCreated.class,
        StoreEvent.TaskAdded.class,
        StoreEvent.PrioritiesSet.class,
        StoreEvent.LeaseGranted.class,
        StoreEvent.LeaseEnded.class,
        StoreEvent.Submitted.class,
        StoreEvent.Reviewed.class,
        StoreEvent.TaskCompleted.class,
        StoreEvent.OverlapRaised.class,
        ConsensusCheck.class,
        StoreEvent.AnnotatorFlagged.class,
        StoreEvent.AnnotatorReinstated.class
      })
  void staticMethodsAndConstructors(Class<?> type) {
    NullPointerTester tester = tester();
    assertThatCode(() -> tester.testAllPublicStaticMethods(type)).doesNotThrowAnyException();
    assertThatCode(() -> tester.testAllPublicConstructors(type)).doesNotThrowAnyException();
  }

  @Test
  void instanceMethods() {
    Workflow wf =
        Fixtures.workflow(ProjectSettings.builder().review(true).build(), new ManualClock());
    wf.addItems(List.of(Fixtures.image("a")));
    NullPointerTester tester = tester();
    assertThatCode(() -> tester.testAllPublicInstanceMethods(wf)).doesNotThrowAnyException();
    assertThatCode(() -> tester.testAllPublicInstanceMethods(InMemoryStore.create()))
        .doesNotThrowAnyException();
    assertThatCode(() -> tester.testAllPublicInstanceMethods(GoldMatcher.standard()))
        .doesNotThrowAnyException();
    assertThatCode(() -> tester.testAllPublicInstanceMethods(ProjectSettings.builder()))
        .doesNotThrowAnyException();
  }
}
