package org.annotationkit.core.task;

import static org.annotationkit.core.task.Fixtures.choice;
import static org.annotationkit.core.task.Fixtures.human;
import static org.annotationkit.core.task.Fixtures.image;
import static org.annotationkit.core.task.Fixtures.settings;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class CostTest {

  private final ManualClock clock = new ManualClock();

  private void work(Workflow wf, String annotator, String task, String id, long seconds) {
    assertThat(wf.next(human(annotator)).orElseThrow().taskId()).isEqualTo(task);
    clock.advance(Duration.ofSeconds(seconds));
    Receipt unused = wf.submit(choice(id, task, annotator, "cat"));
  }

  @Test
  void perTaskPayCountsAcceptedWorkOnly() {
    Workflow wf =
        Fixtures.workflow(
            settings().overlap(2).review(true).pay(PayPolicy.perTask("0.05")).build(), clock);
    wf.addItems(List.of(image("a"), image("b")));
    work(wf, "alice", "a", "s1", 40);
    work(wf, "alice", "b", "s2", 20);
    work(wf, "bob", "a", "s3", 30);
    work(wf, "bob", "b", "s4", 10);
    wf.accept("s1", "rev");
    wf.accept("s2", "rev");
    wf.accept("s3", "rev");
    wf.reject("s4", "rev", "wrong");

    CostReport report = wf.costReport();

    // alice: 2 accepted x 0.05 = 0.10; bob: 1 accepted x 0.05 = 0.05; one task (a) complete.
    assertThat(report.annotators())
        .extracting(CostReport.AnnotatorCost::annotatorId, CostReport.AnnotatorCost::cost)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("alice", new BigDecimal("0.100000")),
            org.assertj.core.groups.Tuple.tuple("bob", new BigDecimal("0.050000")));
    assertThat(report.annotators().get(1).rejected()).isEqualTo(1);
    assertThat(report.total()).isEqualByComparingTo("0.15");
    assertThat(report.completedTasks()).isEqualTo(1);
    assertThat(report.costPerCompletedTask()).hasValue(new BigDecimal("0.150000"));
  }

  @Test
  void hourlyPayCountsEveryLeadTime() {
    Workflow wf =
        Fixtures.workflow(
            settings().overlap(1).review(true).pay(PayPolicy.hourly("30")).build(), clock);
    wf.addItems(List.of(image("a"), image("b"), image("c")));
    work(wf, "alice", "a", "s1", 42);
    work(wf, "alice", "b", "s2", 18);
    work(wf, "alice", "c", "s3", 50);
    wf.accept("s1", "rev");
    wf.reject("s2", "rev", "no");

    CostReport report = wf.costReport();

    // 42 + 18 + 50 = 110 s at 30 per hour: 110 * 30 / 3600 = 0.916666...; one task complete.
    assertThat(report.annotators().get(0).seconds()).isEqualTo(110.0);
    assertThat(report.total()).isEqualTo(new BigDecimal("0.916667"));
    assertThat(report.costPerCompletedTask()).hasValue(new BigDecimal("0.916667"));
  }

  @Test
  void noCompletedTaskGivesNoCostPerTask() {
    Workflow wf = Fixtures.workflow(settings().build(), clock);
    wf.addItems(List.of(image("a")));

    CostReport report = wf.costReport();

    assertThat(report.annotators()).isEmpty();
    assertThat(report.total()).isEqualByComparingTo("0");
    assertThat(report.costPerCompletedTask()).isEmpty();
  }
}
