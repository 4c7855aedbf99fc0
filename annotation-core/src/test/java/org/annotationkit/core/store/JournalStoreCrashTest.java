package org.annotationkit.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import org.annotationkit.core.store.journal.Journal;
import org.annotationkit.core.task.Submission;
import org.annotationkit.core.task.TaskStatus;
import org.annotationkit.core.testing.LogCapture;
import org.annotationkit.core.testing.Seeds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a separate JVM that runs a workflow on a {@link JournalStore}, submitting continuously,
 * with SIGKILL at seeded random moments, and checks after each kill that reopening yields every
 * submission the child had printed as acknowledged, and a consistent state (nothing partial).
 *
 * <p>A kill comes either early (at a random time, perhaps before the child is ready) or after the
 * child has acknowledged a random number of submissions and a short random delay more: counting
 * acknowledgements instead of waiting a fixed time keeps the test meaningful on a loaded machine.
 */
class JournalStoreCrashTest {

  @TempDir Path dir;

  /** The journal's warning of each torn tail, kept out of the build's output and checked. */
  @RegisterExtension final LogCapture log = LogCapture.of(Journal.class);

  @Test
  void everyAcknowledgedSubmissionSurvivesSigkill() throws Exception {
    long seed = Seeds.baseSeed();
    RandomGenerator random = Seeds.random(seed);
    Set<String> acked = new HashSet<>();
    int kills = 22;
    int minimumAcked = 0;
    for (int run = 0; run < kills; run++) {
      boolean early = random.nextInt(5) == 0;
      int submissions = early ? 0 : random.nextInt(1, 40);
      long delay = early ? random.nextLong(600) : random.nextLong(30);
      minimumAcked += submissions;
      List<String> lines = runAndKill(run, submissions, early, delay);
      for (String line : lines) {
        if (!line.equals("ready")) {
          acked.add(line);
        }
      }
      log.clear();
      try (JournalStore store = JournalStore.open(dir, StoreCrashChild.options())) {
        int r = run;
        var torn = store.recovery().tornTail();
        assertThat(log.warnings())
            .as("seed %d run %d: one warning for each torn tail dropped", seed, r)
            .hasSize(torn.isPresent() ? 1 : 0)
            .allMatch(w -> w.contains("at byte offset " + torn.orElseThrow().offset()));
        var unused =
            store.read(view -> {
              Map<String, Submission> byId = new HashMap<>();
              for (Submission s : view.submissions()) {
                assertThat(byId.put(s.id(), s))
                    .as("seed %d run %d: %s once", seed, r, s.id())
                    .isNull();
                assertThat(view.openLease(s.taskId(), s.annotation().annotatorId()))
                    .as("a submission ended its lease")
                    .isEmpty();
              }
              assertThat(byId.keySet())
                  .as("seed %d: every acknowledged submission after run %d", seed, r)
                  .containsAll(acked);
              int counted = 0;
              for (TaskStatus t : view.tasks()) {
                List<Submission> of = view.submissionsOf(t.task().id());
                assertThat(t.counted()).isEqualTo(of.size());
                assertThat(t.counted() + t.openLeases()).isLessThanOrEqualTo(3);
                assertThat(t.complete()).isEqualTo(t.counted() == 3);
                Set<String> who = new HashSet<>();
                of.forEach(s -> assertThat(who.add(s.annotation().annotatorId())).isTrue());
                counted += t.counted();
              }
              assertThat(counted).isEqualTo(byId.size());
              return Boolean.TRUE;
            });
      }
    }
    assertThat(acked).as("the children got work done").hasSizeGreaterThanOrEqualTo(minimumAcked);
  }

  private List<String> runAndKill(int run, int submissions, boolean early, long delay)
      throws Exception {
    String java = ProcessHandle.current().info().command().orElse("java");
    List<String> command =
        List.of(
            java,
            "-Xmx256m",
            "-XX:TieredStopAtLevel=1",
            "-XX:+UseSerialGC",
            "-cp",
            System.getProperty("java.class.path"),
            StoreCrashChild.class.getName(),
            "run",
            dir.toString(),
            "r" + run);
    Process process =
        new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    ByteArrayOutputStream output = new ByteArrayOutputStream();
    InputStream in = process.getInputStream();
    Thread reader =
        new Thread(() -> {
          byte[] buffer = new byte[8192];
          try {
            for (int n; (n = in.read(buffer)) >= 0; ) {
              synchronized (output) {
                output.write(buffer, 0, n);
              }
            }
          } catch (IOException ignored) {
            // the process died
          }
        });
    reader.setDaemon(true);
    reader.start();
    try {
      if (!early) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!text(output).startsWith("ready\n") || acknowledged(text(output)) < submissions) {
          if (System.nanoTime() > deadline || !process.isAlive()) {
            throw new AssertionError(
                "the child did not acknowledge " + submissions + " submissions: " + text(output));
          }
          Thread.sleep(1);
        }
      }
      Thread.sleep(delay);
    } finally {
      process.destroyForcibly();
      process.waitFor();
      reader.join();
    }
    String text = text(output);
    int end = text.lastIndexOf('\n');
    return end < 0 ? List.of() : new ArrayList<>(List.of(text.substring(0, end).split("\n")));
  }

  /** The number of complete lines after {@code ready}. */
  private static long acknowledged(String text) {
    return text.chars().filter(c -> c == '\n').count() - 1;
  }

  private static String text(ByteArrayOutputStream output) {
    synchronized (output) {
      return output.toString(StandardCharsets.UTF_8);
    }
  }
}
