package org.annotationkit.store.jdbc;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.annotationkit.core.annotation.Annotator;
import org.annotationkit.core.task.Assignment;
import org.annotationkit.core.task.Receipt;
import org.annotationkit.core.task.Workflow;

/**
 * One process of {@link MultiProcessQueueTest}: {@code threads} annotators take and submit tasks
 * from the shared store until nothing is left for them, printing {@code ack ID} for every
 * acknowledged submission. Arguments: URL, schema, process number, threads.
 */
public final class QueueWorker {
  private QueueWorker() {}

  public static void main(String[] args) throws Exception {
    String url = args[0];
    String schema = args[1];
    int process = Integer.parseInt(args[2]);
    int threads = Integer.parseInt(args[3]);
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    try (JdbcStore store =
        JdbcStore.open(url, new Properties(), JdbcStore.Options.defaults().withSchema(schema))) {
      Workflow wf = Workflow.builder(store).build();
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      List<Future<Integer>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        Annotator me = new Annotator("p" + process + "-a" + t, Annotator.Kind.HUMAN);
        done.add(
            pool.submit(() -> {
              int n = 0;
              while (true) {
                Optional<Assignment> a = wf.next(me);
                if (a.isEmpty()) {
                  return n;
                }
                String task = a.get().taskId();
                Receipt r =
                    wf.submit(JdbcStoreTest.choice(me.id() + "/" + task, task, me.id(), "cat"));
                synchronized (out) {
                  out.println("ack " + r.annotationId());
                }
                n++;
              }
            }));
      }
      for (Future<Integer> f : done) {
        int unused = f.get();
      }
      pool.shutdown();
    }
  }
}
