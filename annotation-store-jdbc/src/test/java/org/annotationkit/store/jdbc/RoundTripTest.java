package org.annotationkit.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.annotationkit.core.annotation.Annotator;
import org.annotationkit.core.item.Item;
import org.annotationkit.core.item.TextItem;
import org.annotationkit.core.task.Assignment;
import org.annotationkit.core.task.Project;
import org.annotationkit.core.task.ProjectSettings;
import org.annotationkit.core.task.Receipt;
import org.annotationkit.core.task.TaskStatus;
import org.annotationkit.core.task.Workflow;
import org.junit.jupiter.api.Test;

/**
 * How many round trips to the server a {@code next} and a {@code submit} take, counted on the wire
 * by {@link RoundTripCounter}: the store's cost per pair that does not depend on the machine. A
 * {@code next} is one read for lapsed leases (outside a transaction when none has lapsed), then a
 * decision of three statements (the annotator, the queue, the grant with the commit); a {@code
 * submit} is a decision of three reads (the submission and its id, the task, the lease and its
 * annotator) and one statement for the events with the commit. Before this budget a next took 10
 * and a submit 13 (14 when it completed its task).
 */
class RoundTripTest {

  private static final int NEXT = 3;
  private static final int SUBMIT = 2;

  @Test
  void aNextAndASubmitTakeFourRoundTripsEach() throws Exception {
    try (RoundTripCounter counter = RoundTripCounter.before(PostgresServer.get().url());
        JdbcStore store =
            JdbcStore.open(
                counter.url(),
                new Properties(),
                JdbcStore.Options.defaults().withSchema(Stores.freshSchema()))) {
      Workflow.createProject(
          store,
          new Project(
              "trips",
              JdbcStoreTest.SCHEMA,
              ProjectSettings.builder().overlap(3).leaseDuration(Duration.ofHours(1)).build()));
      Workflow wf = Workflow.builder(store).build();
      List<Item> items = new ArrayList<>();
      for (int i = 0; i < 10; i++) {
        items.add(new TextItem("t" + i, "text " + i));
      }
      wf.addItems(items);
      // warm: the project and the statements, two tasks done by six annotators
      for (int w = 0; w < 6; w++) {
        pair(wf, new Annotator("w" + w, Annotator.Kind.HUMAN));
      }
      List<String> seen = new ArrayList<>();
      for (String who : List.of("bob", "carol", "dave")) {
        Annotator a = new Annotator(who, Annotator.Kind.HUMAN);
        long before = counter.roundTrips();
        Assignment assignment = wf.next(a).orElseThrow();
        long next = counter.roundTrips() - before;
        before = counter.roundTrips();
        String task = assignment.taskId();
        Receipt unused = wf.submit(JdbcStoreTest.choice(who + "/" + task, task, who, "cat"));
        long submit = counter.roundTrips() - before;
        seen.add(who + " on " + task + ": next " + next + ", submit " + submit);
        seen.add(
            String.join(
                "\n",
                counter
                    .trace()
                    .subList(Math.max(0, counter.trace().size() - 60), counter.trace().size())));
        assertThat(next).as("round trips of a next: %s", seen).isLessThanOrEqualTo(NEXT);
        assertThat(submit).as("round trips of a submit: %s", seen).isLessThanOrEqualTo(SUBMIT);
      }
      // dave's submission was the task's third: it completed it in the same round trips
      TaskStatus t2 = wf.status("t2").orElseThrow();
      assertThat(t2.complete()).as("%s", seen).isTrue();
      assertThat(t2.counted()).isEqualTo(3);
    }
  }

  private static void pair(Workflow wf, Annotator a) {
    String task = wf.next(a).orElseThrow().taskId();
    Receipt unused = wf.submit(JdbcStoreTest.choice(a.id() + "/" + task, task, a.id(), "cat"));
  }
}
