package org.annotationkit.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.annotationkit.core.annotation.Annotation;
import org.annotationkit.core.annotation.Annotator;
import org.annotationkit.core.annotation.ChoiceValue;
import org.annotationkit.core.item.TextItem;
import org.annotationkit.core.schema.Field;
import org.annotationkit.core.schema.FieldKind;
import org.annotationkit.core.schema.Schema;
import org.annotationkit.core.store.InMemoryStore;
import org.annotationkit.core.store.JournalStore;
import org.annotationkit.core.store.WorkflowStore;
import org.annotationkit.core.store.journal.JournalRecovery;
import org.annotationkit.core.task.Assignment;
import org.annotationkit.core.task.Project;
import org.annotationkit.core.task.ProjectSettings;
import org.annotationkit.core.task.Receipt;
import org.annotationkit.core.task.Task;
import org.annotationkit.core.task.Workflow;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The labeling workflow's hot paths (issue 6):
 *
 * <ul>
 *   <li>{@link #inMemoryNextSubmit}: one {@code next} and one {@code submit} on an {@link
 *       InMemoryStore}, on one thread (target: at least 1,000,000 pairs per second).
 *   <li>{@link #durableNextSubmit}: the same pair on a {@link JournalStore}, from 8 threads at
 *       once, each submission acknowledged only once it is fsynced (target: at least 50,000
 *       acknowledged submissions per second on this machine's disk).
 *   <li>{@link Reopen#reopen}: opening a journal store of {@link Reopen#annotations} imported
 *       annotations, with or without a snapshot covering them, single shot.
 * </ul>
 *
 * <p>Every task has a large overlap and each annotator id does every task once before the next id
 * takes over, so the queue never runs dry during an iteration. Run it from the repository root:
 *
 * {@snippet lang = "shell" :
 * benchmarks/run WorkflowStore -f 1 -wi 2 -i 3
 * }
 */
@Fork(1)
@Warmup(iterations = 2, time = 3, timeUnit = TimeUnit.SECONDS)
@Measurement(iterations = 3, time = 3, timeUnit = TimeUnit.SECONDS)
public class WorkflowStoreBenchmark {

  /** Creates the benchmark; JMH calls this. */
  public WorkflowStoreBenchmark() {}

  static final Schema SCHEMA =
      Schema.of(
          "pets", Field.builder("kind", FieldKind.SINGLE_CHOICE).labels("cat", "dog").build());

  static final InstantSource CLOCK = InstantSource.fixed(Instant.parse("2026-03-01T09:00:00Z"));

  static Project project(int overlap) {
    return new Project(
        "bench",
        SCHEMA,
        ProjectSettings.builder().overlap(overlap).leaseDuration(Duration.ofHours(1)).build());
  }

  static Workflow workflow(WorkflowStore store, int tasks, int overlap) {
    Workflow.createProject(store, project(overlap));
    Workflow wf = Workflow.builder(store).clock(CLOCK).build();
    List<Task> batch = new ArrayList<>();
    for (int i = 0; i < tasks; i++) {
      batch.add(Task.of(new TextItem("t" + i, "text " + i), overlap));
      if (batch.size() == 10_000) {
        wf.addTasks(batch);
        batch.clear();
      }
    }
    wf.addTasks(batch);
    return wf;
  }

  static Annotation answer(String id, String task, String who) {
    return Annotation.builder(id, task, who).result("r", "kind", new ChoiceValue("cat")).build();
  }

  static void deleteTree(Path root) {
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One annotator at a time, moving to a fresh id when it has done every task. */
  @State(Scope.Thread)
  public static class Worker {
    private static final AtomicInteger THREADS = new AtomicInteger();
    private final String prefix = "w" + THREADS.getAndIncrement() + "-";
    private int generation;
    private long submissions;
    private Annotator annotator = new Annotator(prefix + "0", Annotator.Kind.HUMAN);

    /** Creates the state; JMH calls this. */
    public Worker() {}

    Receipt nextAndSubmit(Workflow wf) {
      while (true) {
        Optional<Assignment> next = wf.next(annotator);
        if (next.isPresent()) {
          return wf.submit(
              answer(annotator.id() + "." + submissions++, next.get().taskId(), annotator.id()));
        }
        annotator = new Annotator(prefix + ++generation, Annotator.Kind.HUMAN);
      }
    }
  }

  /** An in-memory workflow. */
  @State(Scope.Thread)
  public static class Memory {
    /** How many tasks the queue holds. */
    @Param("100000")
    public int tasks;

    Workflow wf;

    /** Creates the state; JMH calls this. */
    public Memory() {}

    /** A fresh store for each iteration. */
    @Setup(Level.Iteration)
    public void setUp() {
      wf = workflow(InMemoryStore.create(), tasks, 1_000);
    }
  }

  /** A durable workflow in a temporary directory. */
  @State(Scope.Benchmark)
  public static class Durable {
    /** How many tasks the queue holds. */
    @Param("100000")
    public int tasks;

    /**
     * Whether {@code next} waits for its lease to be durable (the default), or only the submission
     * does ({@link JournalStore.Options#leasesAwaitDurable()}).
     */
    @Param({"true", "false"})
    public boolean leasesAwaitDurable;

    Path dir;
    JournalStore store;
    Workflow wf;

    /** Creates the state; JMH calls this. */
    public Durable() {}

    /** A fresh store for each trial. */
    @Setup(Level.Trial)
    public void setUp() throws IOException {
      dir = Files.createTempDirectory("workflow-bench");
      store =
          JournalStore.open(
              dir.resolve("store"),
              JournalStore.Options.defaults().withLeasesAwaitDurable(leasesAwaitDurable));
      wf = workflow(store, tasks, 1_000);
    }

    /** Closes and deletes the store. */
    @TearDown(Level.Trial)
    public void tearDown() {
      store.close();
      deleteTree(dir);
    }
  }

  /**
   * One next and one submit in memory.
   *
   * @param memory the workflow
   * @param worker the annotator
   * @return the receipt
   */
  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  public Receipt inMemoryNextSubmit(Memory memory, Worker worker) {
    return worker.nextAndSubmit(memory.wf);
  }

  /**
   * One next and one acknowledged submit on the durable store, 8 threads at once.
   *
   * @param durable the workflow
   * @param worker this thread's annotator
   * @return the receipt
   */
  @Benchmark
  @Threads(8)
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  public Receipt durableNextSubmit(Durable durable, Worker worker) {
    return worker.nextAndSubmit(durable.wf);
  }

  /** A journal store of many annotations, built once, and its reopening. */
  @State(Scope.Benchmark)
  @BenchmarkMode(Mode.SingleShotTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  @Warmup(iterations = 1)
  @Measurement(iterations = 5)
  public static class Reopen {
    /** How many annotations the store holds. */
    @Param("1000000")
    public int annotations;

    /** Whether a snapshot covers them all, or every record is replayed. */
    @Param({"true", "false"})
    public boolean snapshot;

    private Path dir;

    /** Creates the state; JMH calls this. */
    public Reopen() {}

    /**
     * Builds the store: annotations imported by 64 threads (so that group commit shares the
     * fsyncs), over tasks of overlap 10.
     *
     * @throws Exception if building fails
     */
    @Setup(Level.Trial)
    public void setUp() throws Exception {
      dir = Files.createTempDirectory("workflow-reopen");
      int overlap = 10;
      int tasks = Math.max(1, annotations / overlap);
      JournalStore.Options options =
          JournalStore.Options.defaults().withSnapshotEvery(Long.MAX_VALUE);
      try (JournalStore store = JournalStore.open(dir, options)) {
        Workflow wf = workflow(store, tasks, overlap);
        ExecutorService pool = Executors.newFixedThreadPool(64);
        try {
          List<Future<?>> done = new ArrayList<>();
          for (int s = 0; s < 64; s++) {
            int slice = s;
            done.add(
                pool.submit(() -> {
                  for (int i = slice; i < annotations; i += 64) {
                    String who = "a" + i % overlap;
                    Receipt unused = wf.importAnnotation(answer("x" + i, "t" + i / overlap, who));
                  }
                }));
          }
          for (Future<?> f : done) {
            f.get();
          }
        } finally {
          pool.shutdown();
        }
        if (snapshot) {
          store.snapshot();
        }
      }
    }

    /** Deletes the store. */
    @TearDown(Level.Trial)
    public void tearDown() {
      deleteTree(dir);
    }

    /**
     * Opens and closes the store.
     *
     * @return what opening found
     */
    @Benchmark
    public JournalRecovery reopen() {
      JournalStore.Options options =
          JournalStore.Options.defaults().withSnapshotEvery(Long.MAX_VALUE);
      try (JournalStore store = JournalStore.open(dir, options)) {
        return store.recovery();
      }
    }
  }
}
