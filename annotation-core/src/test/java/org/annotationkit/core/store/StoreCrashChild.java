package org.annotationkit.core.store;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.annotationkit.core.annotation.Annotation;
import org.annotationkit.core.annotation.Annotator;
import org.annotationkit.core.annotation.ChoiceValue;
import org.annotationkit.core.item.TextItem;
import org.annotationkit.core.schema.Field;
import org.annotationkit.core.schema.FieldKind;
import org.annotationkit.core.schema.Schema;
import org.annotationkit.core.store.journal.JournalOptions;
import org.annotationkit.core.task.Assignment;
import org.annotationkit.core.task.Project;
import org.annotationkit.core.task.ProjectSettings;
import org.annotationkit.core.task.Task;
import org.annotationkit.core.task.Workflow;

/**
 * The program that {@link JournalStoreCrashTest} runs in a separate JVM: {@code run DIR RUN} opens
 * a journal store (snapshots every 64 records, small segments), creates its project and tasks when
 * missing, prints {@code ready}, then has four annotators take and submit tasks forever, printing
 * each annotation id once {@code submit} returned, that is once it is durable.
 */
final class StoreCrashChild {
  private StoreCrashChild() {}

  static final int TASKS = 20_000;

  static final Project PROJECT =
      new Project(
          "crash",
          Schema.of(
              "pets", Field.builder("kind", FieldKind.SINGLE_CHOICE).labels("cat", "dog").build()),
          ProjectSettings.builder().overlap(3).leaseDuration(Duration.ofHours(1)).build());

  static JournalStore.Options options() {
    return new JournalStore.Options(JournalOptions.defaults().withSegmentBytes(256 << 10), 64);
  }

  public static void main(String[] args) throws Exception {
    Path directory = Path.of(args[1]);
    String run = args[2];
    PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
    JournalStore store = JournalStore.open(directory, options());
    Workflow.createProject(store, PROJECT);
    Workflow wf = Workflow.builder(store).build();
    int have = wf.tasks().size();
    for (int start = have; start < TASKS; start += 1000) {
      List<Task> batch = new ArrayList<>();
      for (int i = start; i < Math.min(TASKS, start + 1000); i++) {
        batch.add(Task.of(new TextItem("t" + i, "text " + i), 3));
      }
      wf.addTasks(batch);
    }
    out.println("ready");
    out.flush();
    for (int t = 0; t < 4; t++) {
      Annotator annotator = new Annotator(run + "-" + t, Annotator.Kind.HUMAN);
      Thread worker =
          new Thread(() -> {
            for (long i = 0; ; i++) {
              Optional<Assignment> next = wf.next(annotator);
              if (next.isEmpty()) {
                return;
              }
              Annotation a =
                  Annotation.builder(annotator.id() + "." + i, next.get().taskId(), annotator.id())
                      .result("r", "kind", new ChoiceValue(i % 2 == 0 ? "cat" : "dog"))
                      .build();
              var unused = wf.submit(a);
              synchronized (out) {
                out.println(a.id());
                out.flush();
              }
            }
          });
      worker.start();
    }
    Thread.sleep(Long.MAX_VALUE);
  }
}
