package org.annotationkit.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.annotationkit.core.store.journal.Journal;
import org.annotationkit.core.store.journal.JournalOptions;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Durable appends to a {@link Journal} from 8 threads at once, each waiting for its record's
 * acknowledgement (the {@code fsync} covering it) before the next: the throughput of acknowledged
 * records that group commit gives, the figure behind issue 6's "acknowledged submissions per second
 * on the durable store with 8 concurrent submitters". The journal lives in a fresh folder under
 * {@code java.io.tmpdir}, so that is the disk measured; point it elsewhere with {@code -jvmArgs
 * -Djava.io.tmpdir=...}.
 *
 * <p>{@link #recordBytes} is the size of each record; {@link #batchDelayMicros} the writer's
 * {@linkplain JournalOptions#batchDelay() batch delay}. Results are acknowledged appends per
 * second, summed over the threads. Run it from the repository root with:
 *
 * {@snippet lang = "shell" :
 * benchmarks/run JournalAppend -f 1 -wi 2 -i 3
 * }
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(8)
@Fork(1)
@Warmup(iterations = 2, time = 5, timeUnit = TimeUnit.SECONDS)
@Measurement(iterations = 3, time = 5, timeUnit = TimeUnit.SECONDS)
public class JournalAppendBenchmark {
  /** The seed of the record bytes. */
  private static final long SEED = 20_261_204L;

  /** Bytes per record: an annotation's canonical JSON is a few hundred. */
  @Param({"100", "1000"})
  public int recordBytes;

  /** How long the writer waits for more records before a batch that is not full, in µs. */
  @Param({"0", "200"})
  public int batchDelayMicros;

  private Path directory;
  private Journal journal;
  private byte[] record;

  /** Creates the benchmark; JMH calls this. */
  public JournalAppendBenchmark() {}

  /** Opens an empty journal in a fresh folder. */
  @Setup(Level.Trial)
  public void setUp() throws IOException {
    record = new byte[recordBytes];
    Seeds.random(SEED).nextBytes(record);
    directory = Files.createTempDirectory("journal-benchmark");
    JournalOptions options =
        JournalOptions.defaults().withBatchDelay(Duration.ofNanos(batchDelayMicros * 1_000L));
    journal = Journal.open(directory, options, JournalReplay.of((c, s) -> {}, (q, p) -> {}));
  }

  /** Closes the journal and deletes its folder. */
  @TearDown(Level.Trial)
  public void tearDown() {
    journal.close();
    deleteTree(directory);
  }

  /**
   * Appends one record and waits until it is durable.
   *
   * @return the record's sequence number
   */
  @Benchmark
  public long appendAndWait() {
    return journal.appendAndWait(record);
  }

  static void deleteTree(Path directory) {
    try (Stream<Path> files = Files.walk(directory)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(file);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
