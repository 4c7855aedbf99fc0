package org.annotationkit.store.jdbc;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import org.annotationkit.core.item.Item;
import org.annotationkit.core.item.TextItem;
import org.annotationkit.core.task.PayPolicy;
import org.annotationkit.core.task.Project;
import org.annotationkit.core.task.ProjectSettings;
import org.annotationkit.core.task.Workflow;

/** Fresh stores on the tests' server, each in a schema of its own. */
final class Stores {
  private Stores() {}

  private static final AtomicInteger COUNT = new AtomicInteger();

  /** A schema name no other test of any JVM uses. */
  static String freshSchema() {
    return "t_" + ProcessHandle.current().pid() + "_" + COUNT.incrementAndGet();
  }

  /**
   * Creates a project in the store (an hour's lease, 0.01 a task) with a queue of text items {@code
   * t0}, {@code t1}, ... as tasks, the queue the restart and multi-process tests work.
   *
   * @return a workflow over the store
   */
  static Workflow fillQueue(JdbcStore store, String projectId, int overlap, int tasks) {
    Workflow.createProject(
        store,
        new Project(
            projectId,
            JdbcStoreTest.SCHEMA,
            ProjectSettings.builder()
                .overlap(overlap)
                .leaseDuration(Duration.ofHours(1))
                .pay(PayPolicy.perTask("0.01"))
                .build()));
    Workflow wf = Workflow.builder(store).build();
    List<Item> items = new ArrayList<>();
    for (int i = 0; i < tasks; i++) {
      items.add(new TextItem("t" + i, "text " + i));
    }
    wf.addItems(items);
    return wf;
  }

  static JdbcStore open(String schema) {
    return JdbcStore.open(
        PostgresServer.get().url(),
        new Properties(),
        JdbcStore.Options.defaults().withSchema(schema));
  }
}
