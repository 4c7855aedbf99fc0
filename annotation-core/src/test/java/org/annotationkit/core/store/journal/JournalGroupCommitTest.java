package org.annotationkit.core.store.journal;

import static org.annotationkit.core.store.journal.JournalFiles.reopen;
import static org.annotationkit.core.store.journal.JournalFiles.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.locks.LockSupport;
import java.util.random.RandomGenerator;
import org.annotationkit.core.testing.Seeds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Group commit with appenders that each wait for their record before appending the next, at seeded
 * random pauses, some of them stopping early: nothing is lost and the journal keeps each appender's
 * order.
 */
class JournalGroupCommitTest {

  @TempDir java.nio.file.Path dir;

  @Test
  void appendersThatWaitInTurnAndStopAtRandomAreAllAckedInOrder() throws Exception {
    long seed = Seeds.baseSeed();
    int threads = 8;
    ConcurrentHashMap<Long, String> acked = new ConcurrentHashMap<>();
    CountDownLatch start = new CountDownLatch(1);
    List<Throwable> failures = new CopyOnWriteArrayList<>();
    int[] counts = new int[threads];
    RandomGenerator plan = Seeds.random(seed);
    for (int t = 0; t < threads; t++) {
      // some stop after a few records, others go on
      counts[t] = plan.nextInt(5) == 0 ? plan.nextInt(1, 20) : plan.nextInt(200, 400);
    }
    int total = 0;
    for (int count : counts) {
      total += count;
    }
    try (Journal journal = Journal.open(dir, new JournalFiles.Collected())) {
      List<Thread> workers = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int thread = t;
        RandomGenerator random = Seeds.random(seed + 1 + t);
        Thread worker =
            new Thread(() -> {
              try {
                start.await();
                for (int i = 0; i < counts[thread]; i++) {
                  String text = "t" + thread + "-" + i;
                  String before = acked.put(journal.appendAndWait(utf8(text)), text);
                  assertThat(before).as("seed %d: a sequence number given twice", seed).isNull();
                  if (random.nextInt(8) == 0) {
                    LockSupport.parkNanos(random.nextLong(2_000_000));
                  }
                }
              } catch (Throwable e) {
                failures.add(e);
              }
            });
        worker.start();
        workers.add(worker);
      }
      start.countDown();
      for (Thread worker : workers) {
        worker.join();
      }
      assertThat(failures).as("seed %d", seed).isEmpty();
      assertThat(journal.durableRecords()).isEqualTo(total);
      // a lone appender after the crowd is acknowledged too
      assertThat(journal.appendAndWait(utf8("last"))).isEqualTo(total);
      acked.put((long) total, "last");
    }
    JournalFiles.Collected replayed = reopen(dir);
    assertThat(replayed.sequences).hasSize(total + 1);
    for (int i = 0; i <= total; i++) {
      assertThat(replayed.sequences.get(i)).isEqualTo(i);
      assertThat(replayed.texts().get(i))
          .as("seed %d, record %d", seed, i)
          .isEqualTo(acked.get((long) i));
    }
    // each appender's records in the order it appended them
    for (int t = 0; t < threads; t++) {
      String prefix = "t" + t + "-";
      List<String> mine = replayed.texts().stream().filter(s -> s.startsWith(prefix)).toList();
      List<String> expected = new ArrayList<>();
      for (int i = 0; i < counts[t]; i++) {
        expected.add(prefix + i);
      }
      assertThat(mine).isEqualTo(expected);
    }
  }
}
