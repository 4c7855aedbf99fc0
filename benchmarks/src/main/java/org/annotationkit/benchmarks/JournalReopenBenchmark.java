package org.annotationkit.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.annotationkit.core.store.journal.Journal;
import org.annotationkit.core.store.journal.JournalReplay;
import org.annotationkit.core.testing.Seeds;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * Opening a {@link Journal} of {@link #records} records of {@link #recordBytes} bytes: checking
 * every frame and handing every record to the replay ({@code snapshot = false}), or loading one
 * snapshot of the same bytes and no records ({@code snapshot = true}). The files are written once
 * and stay in the page cache, so this measures the journal's own work, not the disk.
 *
 * {@snippet lang = "shell" :
 * benchmarks/run JournalReopen -f 1 -wi 1 -i 3
 * }
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 1, time = 5, timeUnit = TimeUnit.SECONDS)
@Measurement(iterations = 3, time = 5, timeUnit = TimeUnit.SECONDS)
public class JournalReopenBenchmark {
  private static final long SEED = 20_261_204L;

  /** How many records the journal holds. */
  @Param("1000000")
  public int records;

  /** Bytes per record. */
  @Param("300")
  public int recordBytes;

  /** Whether one snapshot covers every record. */
  @Param({"false", "true"})
  public boolean snapshot;

  private Path directory;

  /** Creates the benchmark; JMH calls this. */
  public JournalReopenBenchmark() {}

  /** Writes the journal once. */
  @Setup(Level.Trial)
  public void setUp() throws IOException {
    directory = Files.createTempDirectory("journal-reopen-benchmark");
    byte[] record = new byte[recordBytes];
    Seeds.random(SEED).nextBytes(record);
    try (Journal journal = Journal.open(directory, JournalReplay.of((c, s) -> {}, (q, p) -> {}))) {
      CompletableFuture<Long> last = CompletableFuture.completedFuture(0L);
      for (int i = 0; i < records; i++) {
        last = journal.append(record);
      }
      last.join();
      if (snapshot) {
        journal.snapshot(
            records,
            out -> {
              for (int i = 0; i < records; i++) {
                out.write(record);
              }
            });
      }
    }
  }

  /** Deletes the journal. */
  @TearDown(Level.Trial)
  public void tearDown() {
    JournalAppendBenchmark.deleteTree(directory);
  }

  /**
   * Opens the journal, replays it and closes it.
   *
   * @return the bytes replayed
   */
  @Benchmark
  public long reopen() {
    long[] bytes = new long[1];
    try (Journal journal =
        Journal.open(
            directory,
            JournalReplay.of(
                (covered, state) -> bytes[0] += state.length,
                (sequence, payload) -> bytes[0] += payload.length))) {
      return bytes[0] + journal.recovery().nextSequence();
    }
  }
}
