package org.annotationkit.benchmarks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import org.annotationkit.core.annotation.Annotation;
import org.annotationkit.core.annotation.Annotator;
import org.annotationkit.core.annotation.ChoiceValue;
import org.annotationkit.core.item.Item;
import org.annotationkit.core.item.TextItem;
import org.annotationkit.core.schema.Field;
import org.annotationkit.core.schema.FieldKind;
import org.annotationkit.core.schema.Schema;
import org.annotationkit.core.task.Assignment;
import org.annotationkit.core.task.Project;
import org.annotationkit.core.task.ProjectSettings;
import org.annotationkit.core.task.Receipt;
import org.annotationkit.core.task.Workflow;
import org.annotationkit.store.jdbc.JdbcStore;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * next+submit pairs per second on the PostgreSQL store, with 16 concurrent annotators (issue 7's
 * target: at least 5,000/s on one local server); run with {@code -t 1,2,4,8,16} to see how it
 * scales. The workload is the one of the store's load harness ({@code JdbcStoreLoadTest} in
 * annotation-store-jdbc, which starts a throwaway cluster itself: {@code docs/store-jdbc.md}): a
 * project of overlap 3 with an hour's lease, one annotator per thread, each pair a {@code next} and
 * the {@code submit} of one single-choice answer. The server is the one in the system property
 * {@code ak.pg.url} of the benchmark's JVM (JMH's {@code -jvmArgsAppend}; default {@code
 * jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres}); each trial uses a fresh schema, and
 * the store keeps up to 32 connections (more than the threads).
 *
 * {@snippet lang = "shell" :
 * benchmarks/run -jvmArgsAppend -Dak.pg.url=jdbc:postgresql://127.0.0.1:5432/bench?user=me \
 *     -t 16 JdbcStoreBenchmark
 * }
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@Fork(1)
@Threads(16)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 5, time = 5)
public class JdbcStoreBenchmark {

  /** How many tasks the queue starts with (overlap 3); more than a trial takes. */
  @Param({"200000"})
  public int tasks;

  private JdbcStore store;
  private Workflow workflow;
  private final AtomicInteger annotators = new AtomicInteger();

  /** One annotator per benchmark thread. */
  @State(Scope.Thread)
  public static class Me {
    Annotator annotator;
    int n;

    /** Takes the next annotator id. */
    @Setup
    public void setUp(JdbcStoreBenchmark bench) {
      annotator = new Annotator("a" + bench.annotators.incrementAndGet(), Annotator.Kind.HUMAN);
    }
  }

  /** A fresh schema with the queue filled. */
  @Setup
  public void setUp() {
    String url =
        System.getProperty("ak.pg.url", "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres");
    String schema = "bench_" + System.nanoTime();
    store = JdbcStore.open(url, new Properties(), JdbcStore.Options.defaults().withSchema(schema));
    Schema labels =
        Schema.of(
            "pets", Field.builder("kind", FieldKind.SINGLE_CHOICE).labels("cat", "dog").build());
    Workflow.createProject(
        store,
        new Project(
            "bench",
            labels,
            ProjectSettings.builder().overlap(3).leaseDuration(Duration.ofHours(1)).build()));
    workflow = Workflow.builder(store).build();
    List<Item> batch = new ArrayList<>();
    for (int i = 0; i < tasks; i++) {
      batch.add(new TextItem("t" + i, "text " + i));
      if (batch.size() == 10_000) {
        workflow.addItems(batch);
        batch.clear();
      }
    }
    if (!batch.isEmpty()) {
      workflow.addItems(batch);
    }
  }

  /** Closes the store (the schema stays, for inspection). */
  @TearDown
  public void tearDown() {
    store.close();
  }

  /** One next and one submit by this thread's annotator. */
  @Benchmark
  public Optional<Receipt> nextAndSubmit(Me me) {
    Optional<Assignment> a = workflow.next(me.annotator);
    if (a.isEmpty()) {
      return Optional.empty();
    }
    String task = a.get().taskId();
    Annotation answer =
        Annotation.builder(me.annotator.id() + "-" + me.n++, task, me.annotator.id())
            .result("r", "kind", new ChoiceValue("cat"))
            .build();
    return Optional.of(workflow.submit(answer));
  }
}
