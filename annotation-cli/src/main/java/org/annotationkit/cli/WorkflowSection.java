package org.annotationkit.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.annotationkit.core.annotation.Annotation;
import org.annotationkit.core.annotation.Annotator;
import org.annotationkit.core.annotation.ChoiceValue;
import org.annotationkit.core.annotation.Origin;
import org.annotationkit.core.item.TextItem;
import org.annotationkit.core.schema.Field;
import org.annotationkit.core.schema.FieldKind;
import org.annotationkit.core.schema.Schema;
import org.annotationkit.core.store.AnnotatorState;
import org.annotationkit.core.store.InMemoryStore;
import org.annotationkit.core.task.Assignment;
import org.annotationkit.core.task.CostReport;
import org.annotationkit.core.task.PayPolicy;
import org.annotationkit.core.task.Project;
import org.annotationkit.core.task.ProjectSettings;
import org.annotationkit.core.task.Submission;
import org.annotationkit.core.task.Task;
import org.annotationkit.core.task.TaskStatus;
import org.annotationkit.core.task.Workflow;

/**
 * The demo's labeling workflow: a small project of its own (two texts to label by sentiment with
 * overlap 2, one gold text, review on, pay per task) run through the queue by two annotators on a
 * clock the demo moves, one task with a model's pre-label, a reviewer's verdicts, and the cost
 * report. Deterministic: the same output on every run.
 */
final class WorkflowSection implements DemoSection {

  @Override
  public String title() {
    return "Labeling workflow: a queue with overlap 2, a gold item, a model pre-label and review";
  }

  @Override
  public void print(SampleProject sample, PrintWriter out) {
    Schema schema =
        Schema.of(
            "sentiment",
            Field.builder("sentiment", FieldKind.SINGLE_CHOICE)
                .labels("positive", "negative")
                .build());
    Instant[] now = {Instant.parse("2026-03-02T09:00:00Z")};
    InstantSource clock = () -> now[0];
    try (InMemoryStore store = InMemoryStore.create()) {
      Workflow.createProject(
          store,
          new Project(
              "reviews",
              schema,
              ProjectSettings.builder()
                  .overlap(2)
                  .gold(1.0, 1)
                  .review(true)
                  .leaseDuration(Duration.ofMinutes(10))
                  .pay(PayPolicy.perTask("0.05"))
                  .build()));
      Workflow wf = Workflow.builder(store).clock(clock).build();
      TextItem great = new TextItem("r1", "Great battery, lasts all week.");
      Annotation prelabel =
          Annotation.builder("m-r1", "r1", "sentiment-model")
              .origin(new Origin.Model("sentiment-model", "2.1"))
              .result("p", "sentiment", new ChoiceValue("positive"))
              .build();
      wf.addTasks(
          List.of(
              new Task(great, 2, 0, java.util.Set.of(), List.of(prelabel)),
              Task.of(new TextItem("r2", "Broke after two days."), 2)));
      wf.addGoldTask(
          Task.of(new TextItem("g1", "Terrible, do not buy."), 1),
          answer("known-g1", "g1", "owner", "negative"));
      out.println(
          "  project 'reviews': 2 texts with overlap 2, 1 gold text (gold rate 1: gold comes first"
              + " while work is left), review on, 0.05 per accepted task");
      int n = 0;
      for (String who : List.of("alice", "bob")) {
        Annotator annotator = new Annotator(who, Annotator.Kind.HUMAN);
        for (Optional<Assignment> next = wf.next(annotator);
            next.isPresent();
            next = wf.next(annotator)) {
          Assignment a = next.get();
          boolean gold = wf.status(a.taskId()).map(TaskStatus::gold).orElse(false);
          String label = answerOf(who, a.taskId());
          now[0] = now[0].plusSeconds(20 + 10L * n);
          var unused = wf.submit(answer(who + "-" + a.taskId(), a.taskId(), who, label));
          out.printf(
              Locale.ROOT,
              "  %-5s gets %s%s%s, answers %s after %d s%n",
              who,
              a.taskId(),
              a.prelabels().isEmpty()
                  ? ""
                  : " with the pre-label "
                      + ((ChoiceValue) a.prelabels().get(0).results().get(0).value()).label()
                      + " by sentiment-model 2.1",
              gold ? " (gold: the owner knows, " + who + " cannot tell)" : "",
              label,
              20 + 10 * n);
          n++;
        }
      }
      for (Submission s : wf.pendingReviews()) {
        if (s.id().equals("bob-r2")) {
          continue;
        }
        wf.accept(s.id(), "rita");
        out.println("  rita accepts " + s.id());
      }
      wf.correct("bob-r2", "rita", answer("rita-r2", "r2", "rita", "negative"));
      out.println("  rita corrects bob-r2 (positive) as rita-r2 (negative), kept beside it");
      for (TaskStatus s : wf.tasks()) {
        out.printf(
            Locale.ROOT,
            "  task %s: %s, %d counted%n",
            s.task().id(),
            s.gold() ? "gold" : s.complete() ? "complete" : "open",
            s.counted());
      }
      for (AnnotatorState a : wf.annotators()) {
        out.printf(
            Locale.ROOT,
            "  %-5s gold %d/%d right%n",
            a.annotator().id(),
            a.goldCorrect(),
            a.goldAnswered());
      }
      CostReport cost = wf.costReport();
      for (CostReport.AnnotatorCost c : cost.annotators()) {
        out.printf(
            Locale.ROOT,
            "  cost %-5s %d submissions, %d counted, %.0f s, %s%n",
            c.annotatorId(),
            c.submissions(),
            c.counted(),
            c.seconds(),
            c.cost().stripTrailingZeros().toPlainString());
      }
      out.printf(
          Locale.ROOT,
          "  cost in all %s for %d completed tasks, %s per completed task%n",
          cost.total().stripTrailingZeros().toPlainString(),
          cost.completedTasks(),
          cost.costPerCompletedTask()
              .map(c -> c.stripTrailingZeros().toPlainString())
              .orElse("n/a"));
      out.println("  the same on disk, step by step: ./annotate project --help");
    }
  }

  /** What each demo annotator answers: bob misreads the gold text and the second review. */
  private static String answerOf(String who, String taskId) {
    return switch (taskId) {
      case "r1" -> "positive";
      default -> who.equals("bob") ? "positive" : "negative";
    };
  }

  private static Annotation answer(String id, String item, String who, String label) {
    return Annotation.builder(id, item, who)
        .result("a", "sentiment", new ChoiceValue(label))
        .build();
  }
}
