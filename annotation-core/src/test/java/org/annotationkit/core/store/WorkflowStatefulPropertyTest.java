package org.annotationkit.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.random.RandomGenerator;
import java.util.stream.Stream;
import org.annotationkit.core.store.journal.Journal;
import org.annotationkit.core.testing.LogCapture;
import org.annotationkit.core.testing.WorkflowStoreProperty;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The shared {@link WorkflowStoreProperty} on a {@link JournalStore}: a crash may leave a torn tail
 * behind, which reopening drops.
 */
class WorkflowStatefulPropertyTest {

  @TempDir Path temp;

  /** The journal's warning of each torn tail, kept out of the build's output and checked. */
  @RegisterExtension final LogCapture log = LogCapture.of(Journal.class);

  static Stream<Long> seeds() {
    return WorkflowStoreProperty.seeds();
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void invariantsHoldAcrossCrashesAndReopens(long seed) {
    Path dir = temp.resolve("store");
    JournalStore.Options options =
        JournalStore.Options.defaults().withSnapshotEvery(1 + Math.floorMod(seed, 39));
    WorkflowStoreProperty.run(
        seed,
        new WorkflowStoreProperty.Durable() {
          @Override
          public WorkflowStore open() {
            log.clear();
            JournalStore store = JournalStore.open(dir, options);
            var torn = store.recovery().tornTail();
            assertThat(log.warnings())
                .as("seed %d: one warning for each torn tail dropped", seed)
                .hasSize(torn.isPresent() ? 1 : 0)
                .allMatch(w -> w.contains("at byte offset " + torn.orElseThrow().offset()));
            return store;
          }

          @Override
          public void crash(RandomGenerator random) {
            if (random.nextBoolean()) {
              tearTail(dir, random);
            }
          }
        });
  }

  /** Appends the start of a record that never finished, as a crash in mid-write leaves. */
  private static void tearTail(Path dir, RandomGenerator random) {
    try {
      Path last;
      try (Stream<Path> files = Files.list(dir)) {
        last =
            files
                .filter(p -> p.toString().endsWith(".akj"))
                .sorted()
                .reduce((a, b) -> b)
                .orElse(null);
      }
      if (last == null) {
        return;
      }
      byte[] garbage = new byte[random.nextInt(1, 30)];
      garbage[0] = 0;
      garbage[Math.min(1, garbage.length - 1)] = 0;
      for (int i = 2; i < garbage.length; i++) {
        garbage[i] = (byte) random.nextInt(256);
      }
      Files.write(last, garbage, StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
