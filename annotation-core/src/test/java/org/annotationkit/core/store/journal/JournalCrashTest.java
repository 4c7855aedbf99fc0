package org.annotationkit.core.store.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
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
import org.annotationkit.core.testing.Seeds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a separate JVM that appends to a journal (and snapshots it) with SIGKILL at random moments,
 * and checks after each kill that reopening yields every record it had acknowledged, whole.
 */
class JournalCrashTest {

  @TempDir Path dir;

  /** A child JVM running {@link CrashChild}, with its standard output collected as it comes. */
  private static final class Child implements AutoCloseable {
    final Process process;
    private final ByteArrayOutputStream output = new ByteArrayOutputStream();
    private final Thread reader;

    Child(String... args) throws IOException {
      String java = ProcessHandle.current().info().command().orElse("java");
      List<String> command = new ArrayList<>();
      command.add(java);
      command.add("-Xmx128m");
      command.add("-XX:TieredStopAtLevel=1");
      command.add("-XX:+UseSerialGC");
      command.add("-cp");
      command.add(System.getProperty("java.class.path"));
      command.add(CrashChild.class.getName());
      command.addAll(List.of(args));
      process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
      InputStream in = process.getInputStream();
      reader =
          new Thread(() -> {
            byte[] buffer = new byte[8192];
            try {
              for (int n; (n = in.read(buffer)) >= 0; ) {
                synchronized (output) {
                  output.write(buffer, 0, n);
                  output.notifyAll();
                }
              }
            } catch (IOException ignored) {
              // the process died: what was read is all there is
            }
          });
      reader.setDaemon(true);
      reader.start();
    }

    /** The complete lines printed so far; a last line cut off by the kill is left out. */
    List<String> lines() {
      String text;
      synchronized (output) {
        text = output.toString(StandardCharsets.UTF_8);
      }
      int end = text.lastIndexOf('\n');
      return end < 0 ? List.of() : List.of(text.substring(0, end).split("\n"));
    }

    void awaitLine(String prefix) throws InterruptedException {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
      synchronized (output) {
        while (lines().stream().noneMatch(l -> l.startsWith(prefix))) {
          long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
          if (left <= 0
              || (!process.isAlive() && lines().stream().noneMatch(l -> l.startsWith(prefix)))) {
            throw new AssertionError(
                "the child did not print " + prefix + "; it printed " + lines());
          }
          output.wait(Math.min(left, 50));
        }
      }
    }

    /** Waits until the child has printed at least {@code count} lines. */
    void awaitLines(int count) throws InterruptedException {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
      synchronized (output) {
        while (lines().size() < count) {
          long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
          if (left <= 0 || (!process.isAlive() && lines().size() < count)) {
            throw new AssertionError(
                "the child printed " + lines().size() + " lines, not " + count);
          }
          output.wait(Math.min(left, 50));
        }
      }
    }

    void kill() throws InterruptedException {
      process.destroyForcibly();
      process.waitFor();
      reader.join();
    }

    @Override
    public void close() {
      if (process.isAlive()) {
        try {
          kill();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted while stopping the child", e);
        }
      }
    }
  }

  @Test
  void everyAcknowledgedRecordSurvivesSigkillAtRandomMoments() throws Exception {
    RandomGenerator random = Seeds.random(Seeds.baseSeed());
    Map<Long, String> acked = new HashMap<>();
    int kills = 22;
    long recovered = 0;
    int minimumAcked = 0;
    for (int run = 0; run < kills; run++) {
      // A quarter of the kills come at a random time after start, often during start-up or
      // recovery; the others once the child has acknowledged a random number of records (so
      // that the test does the same work however slow the machine), plus a random pause.
      boolean early = random.nextInt(4) == 0;
      int records = early ? 0 : random.nextInt(1, 80);
      long delay = early ? random.nextLong(400) : random.nextLong(30);
      minimumAcked += records;
      try (Child child = new Child("append", dir.toString(), "run" + run)) {
        if (!early) {
          child.awaitLine("ready");
          child.awaitLines(1 + records);
        }
        Thread.sleep(delay);
        child.kill();
        for (String line : child.lines()) {
          if (!line.equals("ready")) {
            String[] parts = line.split(" ", -1);
            String before = acked.put(Long.parseLong(parts[0]), parts[1]);
            assertThat(before).as("sequence %s acknowledged twice", parts[0]).isNull();
          }
        }
      }
      List<String> present = new ArrayList<>();
      JournalReplay replay =
          JournalReplay.of(
              (covered, state) -> {
                List<String> ids = CrashChild.snapshotIds(state);
                assertThat(ids).as("snapshot of %d records", covered).hasSize((int) (long) covered);
                present.addAll(ids);
              },
              (sequence, payload) -> {
                assertThat(sequence).isEqualTo(present.size());
                present.add(CrashChild.id(payload));
              });
      try (Journal journal = Journal.open(dir, replay)) {
        assertThat(journal.recovery().nextSequence()).isEqualTo(present.size());
      }
      Set<String> unique = new HashSet<>(present);
      assertThat(unique).as("no record twice after run %d", run).hasSize(present.size());
      for (Map.Entry<Long, String> ack : acked.entrySet()) {
        assertThat(ack.getKey()).as("acknowledged after run %d", run).isLessThan(present.size());
        assertThat(present.get((int) (long) ack.getKey()))
            .as("record %d after run %d", ack.getKey(), run)
            .isEqualTo(ack.getValue());
      }
      assertThat(present.size()).isGreaterThanOrEqualTo((int) recovered);
      recovered = present.size();
    }
    assertThat(acked).as("acknowledged before the kills").hasSizeGreaterThanOrEqualTo(minimumAcked);
  }

  @Test
  void aSecondOpenerInAnotherProcessGetsAClearErrorNotAHang() throws Exception {
    try (Child child = new Child("hold", dir.toString())) {
      child.awaitLine("locked");
      assertThatThrownBy(() -> Journal.open(dir, new JournalFiles.Collected()))
          .isInstanceOf(JournalLockedException.class)
          .hasMessageContaining(dir.toString())
          .hasMessageContaining("open in another process (process " + child.process.pid() + ")");
      child.process.getOutputStream().close();
      assertThat(child.process.waitFor(20, TimeUnit.SECONDS)).isTrue();
    } catch (UncheckedIOException e) {
      throw new AssertionError(e);
    }
    try (Journal journal = Journal.open(dir, new JournalFiles.Collected())) {
      assertThat(journal.recovery().nextSequence()).isZero();
    }
  }

  @Test
  void aRefusedSecondOpenerInThisProcessDoesNotReleaseTheLock() throws Exception {
    try (Journal journal = Journal.open(dir, new JournalFiles.Collected())) {
      assertThatThrownBy(() -> Journal.open(dir, new JournalFiles.Collected()))
          .isInstanceOf(JournalLockedException.class);
      assertThatThrownBy(() -> Journal.open(dir.resolve("."), new JournalFiles.Collected()))
          .isInstanceOf(JournalLockedException.class);
      try (Child child = new Child("try", dir.toString())) {
        assertThat(child.process.waitFor(20, TimeUnit.SECONDS)).isTrue();
        child.kill();
        assertThat(child.lines()).singleElement().asString().startsWith("refused ");
      }
      assertThat(journal.appendAndWait(JournalFiles.utf8("still the owner"))).isZero();
    }
    try (Child child = new Child("try", dir.toString())) {
      assertThat(child.process.waitFor(20, TimeUnit.SECONDS)).isTrue();
      child.kill();
      assertThat(child.lines()).singleElement().asString().startsWith("opened ");
    }
  }
}
