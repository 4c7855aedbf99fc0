package org.annotationkit.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import org.annotationkit.core.annotation.Annotator;
import org.annotationkit.core.item.Item;
import org.annotationkit.core.item.TextItem;
import org.annotationkit.core.task.Assignment;
import org.annotationkit.core.task.Project;
import org.annotationkit.core.task.ProjectSettings;
import org.annotationkit.core.task.Receipt;
import org.annotationkit.core.task.Workflow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The load harness of {@code docs/store-jdbc.md}: next+submit pairs per second on the tests' server
 * (the throwaway cluster, or {@code -Dak.pg.url}) with 1, 2, 4, 8 and 16 concurrent annotators in
 * one process, the workload of {@code JdbcStoreBenchmark} (overlap 3, one single-choice answer per
 * task). Each level gets a fresh schema and queue, a short warm-up, then a measured run; it prints
 * one line per level and writes them to {@code target/jdbc-load.txt}. Off by default (a minute and
 * a half of both cores):
 *
 * {@snippet lang = "shell" :
 * ./mvnw -B -o -pl annotation-store-jdbc -am test -Dtest=JdbcStoreLoadTest \
 *     -Dsurefire.failIfNoSpecifiedTests=false -Dak.jdbc.load=true
 * }
 *
 * <p>Options: {@code -Dak.jdbc.load.seconds=10} (measured per level), {@code
 * -Dak.jdbc.load.warmup=2}, {@code -Dak.jdbc.load.annotators=1,2,4,8,16}, {@code
 * -Dak.jdbc.load.tasks=12000} (per level), {@code -Dak.jdbc.load.synchronousCommit=off} (the
 * sessions' {@code synchronous_commit}; the server's default otherwise), {@code
 * -Dak.jdbc.load.serverPid=N} (the postmaster of a server of yours, on this machine, for the CPU
 * figures).
 *
 * <p>Each line also gives the CPU time a pair cost over the measured seconds: this JVM's, and the
 * server's (its postmaster and the processes under it, when the server is the tests' own or {@code
 * serverPid} names it). On a machine that other work shares, pairs per second are what the store
 * got of it; CPU per pair is what the store asks.
 */
@EnabledIfSystemProperty(named = "ak.jdbc.load", matches = "true")
class JdbcStoreLoadTest {

  @Test
  void pairsPerSecondFromOneToSixteenAnnotators() throws Exception {
    double seconds = Double.parseDouble(System.getProperty("ak.jdbc.load.seconds", "10"));
    double warmup = Double.parseDouble(System.getProperty("ak.jdbc.load.warmup", "2"));
    int tasks = Integer.getInteger("ak.jdbc.load.tasks", 12_000);
    String synchronousCommit = System.getProperty("ak.jdbc.load.synchronousCommit", "");
    List<String> lines = new ArrayList<>();
    lines.add(
        "next+submit pairs per second, "
            + seconds
            + " s per level after "
            + warmup
            + " s warm-up, "
            + tasks
            + " tasks of overlap 3 per level, synchronous_commit "
            + (synchronousCommit.isEmpty() ? "(server default)" : synchronousCommit)
            + ", "
            + Runtime.getRuntime().availableProcessors()
            + " cores");
    System.out.println(lines.get(0));
    for (String level :
        System.getProperty("ak.jdbc.load.annotators", "1,2,4,8,16").split(",", -1)) {
      if (level.isBlank()) {
        continue;
      }
      int annotators = Integer.parseInt(level.strip());
      String line = run(annotators, tasks, warmup, seconds, synchronousCommit);
      System.out.println(line);
      lines.add(line);
    }
    Path out = Path.of("target", "jdbc-load.txt");
    try {
      Files.write(out, lines, StandardCharsets.UTF_8);
    } catch (IOException e) {
      // the lines went to the console
    }
    assertThat(lines).hasSizeGreaterThan(1);
  }

  private static String perPair(long nanos, long pairs) {
    return nanos < 0 ? "?" : String.format(java.util.Locale.ROOT, "%.3f ms", nanos / 1e6 / pairs);
  }

  /**
   * The CPU time this JVM and the server used from {@code from} to {@code until} ({@link
   * System#nanoTime()}): nanoseconds, -1 where unknown.
   */
  private static long[] cpuBetween(long from, long until) throws InterruptedException {
    sleepUntil(from);
    long jvm0 = cpu(ProcessHandle.current());
    long server0 = serverCpu();
    sleepUntil(until);
    long jvm1 = cpu(ProcessHandle.current());
    long server1 = serverCpu();
    return new long[] {
      jvm0 < 0 || jvm1 < 0 ? -1 : jvm1 - jvm0, server0 < 0 || server1 < 0 ? -1 : server1 - server0
    };
  }

  private static void sleepUntil(long at) throws InterruptedException {
    long left = at - System.nanoTime();
    if (left > 0) {
      java.util.concurrent.TimeUnit.NANOSECONDS.sleep(left);
    }
  }

  /** The server's CPU so far (its live processes): nanoseconds, or -1. */
  private static long serverCpu() {
    Optional<Long> pid =
        System.getProperty("ak.jdbc.load.serverPid", "").isEmpty()
            ? PostgresServer.get().pid()
            : Optional.of(Long.parseLong(System.getProperty("ak.jdbc.load.serverPid")));
    Optional<ProcessHandle> postmaster = pid.flatMap(ProcessHandle::of);
    if (postmaster.isEmpty()) {
      return -1;
    }
    long total = cpu(postmaster.get());
    for (ProcessHandle child : postmaster.get().descendants().toList()) {
      long c = cpu(child);
      total += Math.max(0, c);
    }
    return total;
  }

  private static long cpu(ProcessHandle process) {
    return process.info().totalCpuDuration().map(Duration::toNanos).orElse(-1L);
  }

  private static String run(
      int annotators, int tasks, double warmup, double seconds, String synchronousCommit)
      throws Exception {
    Properties properties = new Properties();
    if (!synchronousCommit.isEmpty()) {
      properties.setProperty("options", "-c synchronous_commit=" + synchronousCommit);
    }
    String schema = Stores.freshSchema();
    try (JdbcStore store =
        JdbcStore.open(
            PostgresServer.get().url(),
            properties,
            JdbcStore.Options.defaults().withSchema(schema))) {
      Workflow.createProject(
          store,
          new Project(
              "bench",
              JdbcStoreTest.SCHEMA,
              ProjectSettings.builder().overlap(3).leaseDuration(Duration.ofHours(1)).build()));
      Workflow wf = Workflow.builder(store).build();
      List<Item> batch = new ArrayList<>();
      for (int i = 0; i < tasks; i++) {
        batch.add(new TextItem("t" + i, "text " + i));
        if (batch.size() == 5_000) {
          wf.addItems(batch);
          batch.clear();
        }
      }
      if (!batch.isEmpty()) {
        wf.addItems(batch);
      }
      long start = System.nanoTime();
      long from = start + (long) (warmup * 1e9);
      long until = from + (long) (seconds * 1e9);
      LongAdder pairs = new LongAdder();
      AtomicBoolean ranOut = new AtomicBoolean();
      ExecutorService pool = Executors.newFixedThreadPool(annotators + 1);
      Future<long[]> cpu = pool.submit(() -> cpuBetween(from, until));
      try {
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < annotators; t++) {
          Annotator me = new Annotator("a" + t, Annotator.Kind.HUMAN);
          done.add(
              pool.submit(() -> {
                for (int n = 0; System.nanoTime() < until; n++) {
                  Optional<Assignment> a = wf.next(me);
                  if (a.isEmpty()) {
                    ranOut.set(true);
                    return;
                  }
                  String task = a.get().taskId();
                  Receipt unused =
                      wf.submit(JdbcStoreTest.choice(me.id() + "-" + n, task, me.id(), "cat"));
                  long now = System.nanoTime();
                  if (now >= from && now < until) {
                    pairs.increment();
                  }
                }
              }));
        }
        for (Future<?> f : done) {
          f.get();
        }
      } finally {
        pool.shutdownNow();
      }
      double measured = (Math.min(System.nanoTime(), until) - from) / 1e9;
      long[] used = ranOut.get() ? new long[] {-1, -1} : cpu.get();
      long n = Math.max(1, pairs.sum());
      return String.format(
          java.util.Locale.ROOT,
          "annotators %2d: %7d pairs in %5.1f s = %7.0f pairs/s; CPU per pair: JVM %s, server %s%s",
          annotators,
          pairs.sum(),
          measured,
          pairs.sum() / measured,
          perPair(used[0], n),
          perPair(used[1], n),
          ranOut.get() ? " (the queue ran out: raise -Dak.jdbc.load.tasks)" : "");
    }
  }
}
