package org.annotationkit.core.store.journal;

import static org.annotationkit.core.store.journal.JournalFiles.files;
import static org.annotationkit.core.store.journal.JournalFiles.reopen;
import static org.annotationkit.core.store.journal.JournalFiles.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.testing.NullPointerTester;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.stream.IntStream;
import org.annotationkit.core.testing.LogCapture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class JournalTest {

  @TempDir Path dir;

  /** What the journal logs (a failed writer), kept out of the build's output and checked. */
  @RegisterExtension final LogCapture log = LogCapture.of(Journal.class);

  @Test
  void roundTripKeepsOrderAndSequenceNumbers() throws Exception {
    List<String> written = new ArrayList<>();
    try (Journal journal = Journal.open(dir, new JournalFiles.Collected())) {
      assertThat(journal.recovery().nextSequence()).isZero();
      for (int i = 0; i < 100; i++) {
        String text = "record " + i + " " + "x".repeat(i);
        written.add(text);
        assertThat(journal.append(utf8(text)).get()).isEqualTo(i);
      }
      assertThat(journal.appendAndWait(new byte[0])).isEqualTo(100);
      written.add("");
      assertThat(journal.durableRecords()).isEqualTo(101);
    }
    JournalFiles.Collected replayed = reopen(dir);
    assertThat(replayed.texts()).isEqualTo(written);
    assertThat(replayed.sequences)
        .isEqualTo(IntStream.range(0, 101).asLongStream().boxed().toList());
    assertThat(replayed.snapshotCovered).isEqualTo(-1);

    try (Journal journal = Journal.open(dir, new JournalFiles.Collected())) {
      assertThat(journal.recovery().replayedRecords()).isEqualTo(101);
      assertThat(journal.recovery().tornTail()).isEmpty();
      assertThat(journal.appendAndWait(utf8("after reopen"))).isEqualTo(101);
    }
    assertThat(reopen(dir).texts()).endsWith("after reopen").hasSize(102);
  }

  /**
   * The bytes of a segment with two records, "hi" and "", against the format in package-info, with
   * the checksums from {@link #crc32c}, a bitwise CRC32C of our own, not the JDK's.
   */
  @Test
  void writesTheDocumentedFormat() {
    try (Journal journal = Journal.open(dir, new JournalFiles.Collected())) {
      journal.appendAndWait(utf8("hi"));
      journal.appendAndWait(new byte[0]);
    }
    Path segment = JournalFiles.onlySegment(dir);
    assertThat(segment.getFileName().toString()).isEqualTo("journal-00000000000000000000.akj");
    HexFormat hex = HexFormat.of();
    String header = "414b4a4c" + "0001" + "0000" + "0000000000000000";
    String first = "00000002";
    String second = "00000000";
    String expected =
        header
            + crc32c(hex.parseHex(header))
            + first
            + crc32c(hex.parseHex(first + "6869"))
            + "6869"
            + second
            + crc32c(hex.parseHex(second));
    assertThat(hex.formatHex(read(segment))).isEqualTo(expected);
  }

  /** RFC 3720 appendix B.4 test vectors and the catalogue's check value for "123456789". */
  @Test
  void ourReferenceCrc32cMatchesPublishedVectors() {
    byte[] increasing = new byte[32];
    for (int i = 0; i < 32; i++) {
      increasing[i] = (byte) i;
    }
    byte[] ones = new byte[32];
    java.util.Arrays.fill(ones, (byte) 0xFF);
    assertThat(crc32c(new byte[32])).isEqualTo("8a9136aa");
    assertThat(crc32c(ones)).isEqualTo("62a8ab43");
    assertThat(crc32c(increasing)).isEqualTo("46dd794e");
    assertThat(crc32c(utf8("123456789"))).isEqualTo("e3069283");
  }

  /** CRC-32C (Castagnoli), reflected polynomial 0x82F63B78, bit by bit, as 8 hex digits. */
  static String crc32c(byte[] bytes) {
    int crc = 0xFFFFFFFF;
    for (byte b : bytes) {
      crc ^= b & 0xFF;
      for (int k = 0; k < 8; k++) {
        crc = (crc & 1) != 0 ? (crc >>> 1) ^ 0x82F63B78 : crc >>> 1;
      }
    }
    return String.format("%08x", ~crc);
  }

  static byte[] read(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void aSecondOpenerInTheSameProcessGetsAClearErrorNamingTheDirectory() {
    try (Journal journal = Journal.open(dir, new JournalFiles.Collected())) {
      assertThatThrownBy(() -> Journal.open(dir, new JournalFiles.Collected()))
          .isInstanceOf(JournalLockedException.class)
          .hasMessageContaining(dir.toString())
          .hasMessageContaining("already open in this process")
          .satisfies(e -> assertThat(((JournalLockedException) e).directory()).isEqualTo(dir));
      assertThat(journal.appendAndWait(utf8("still mine"))).isZero();
    }
    assertThat(reopen(dir).texts()).containsExactly("still mine");
  }

  @Test
  void closedJournalRefusesAppendsAndClosesTwiceQuietly() {
    Journal journal = Journal.open(dir, new JournalFiles.Collected());
    CompletableFuture<Long> pending = journal.append(utf8("last"));
    journal.close();
    assertThat(pending).isCompletedWithValue(0L);
    journal.close();
    assertThatThrownBy(() -> journal.append(utf8("late")))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("closed")
        .hasMessageContaining(dir.toString());
    assertThatThrownBy(() -> journal.snapshot(0, out -> {}))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void refusesRecordsOverTheLimit() {
    JournalOptions options = JournalOptions.defaults().withMaxRecordBytes(10);
    try (Journal journal = Journal.open(dir, options, new JournalFiles.Collected())) {
      journal.appendAndWait(new byte[10]);
      assertThatThrownBy(() -> journal.append(new byte[11]))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("a record of 11 bytes is larger than maxRecordBytes 10");
    }
  }

  @Test
  void optionsRejectOutOfRangeSettings() {
    JournalOptions defaults = JournalOptions.defaults();
    assertThatThrownBy(() -> defaults.withMaxBatchRecords(0))
        .hasMessage("maxBatchRecords must be at least 1, got 0");
    assertThatThrownBy(() -> defaults.withMaxRecordBytes(-1))
        .hasMessageContaining("maxRecordBytes must be in [0, 268435456], got -1");
    assertThatThrownBy(() -> defaults.withBatchDelay(Duration.ofMillis(-1)))
        .hasMessageContaining("batchDelay must not be negative");
    assertThatThrownBy(() -> defaults.withMaxPendingBytes(1))
        .hasMessageContaining("maxPendingBytes must be at least maxRecordBytes");
    assertThatThrownBy(() -> defaults.withSegmentBytes(0)).hasMessageContaining("segmentBytes");
    assertThat(defaults.withMaxRecordBytes(100 << 20).maxPendingBytes()).isEqualTo(100 << 20);
  }

  @Test
  void callingBackIntoTheJournalFromTheWriterThreadFailsInsteadOfHanging() throws Exception {
    try (Journal journal = Journal.open(dir, new JournalFiles.Collected())) {
      CompletableFuture<Object> inner =
          journal
              .append(utf8("a"))
              .thenApply(seq -> {
                try {
                  return journal.appendAndWait(utf8("b"));
                } catch (IllegalStateException e) {
                  return e;
                }
              });
      Object result = inner.get();
      if (result instanceof IllegalStateException e) {
        assertThat(e).hasMessageContaining("writer thread");
      } else {
        // the future completed before thenApply was chained: the action ran on this thread
        assertThat(result).isEqualTo(1L);
      }
    }
  }

  @Test
  void segmentsRollAtTheConfiguredSizeAndReplayInOrder() {
    JournalOptions options = JournalOptions.defaults().withSegmentBytes(200);
    List<String> written = new ArrayList<>();
    try (Journal journal = Journal.open(dir, options, new JournalFiles.Collected())) {
      for (int i = 0; i < 60; i++) {
        written.add("segment test " + i);
        journal.appendAndWait(utf8(written.get(i)));
      }
    }
    assertThat(files(dir, ".akj")).hasSizeGreaterThan(5);
    JournalFiles.Collected replayed = reopen(dir);
    assertThat(replayed.texts()).isEqualTo(written);
    try (Journal journal = Journal.open(dir, options, new JournalFiles.Collected())) {
      assertThat(journal.recovery().segments()).isEqualTo(files(dir, ".akj").size());
    }
  }

  @Test
  void snapshotCompactsAndReopenLoadsItThenTheLaterRecords() {
    JournalOptions options = JournalOptions.defaults().withSegmentBytes(500);
    try (Journal journal = Journal.open(dir, options, new JournalFiles.Collected())) {
      for (int i = 0; i < 100; i++) {
        journal.appendAndWait(utf8("r" + i));
      }
      journal.snapshot(100, out -> out.write(utf8("state after 100")));
      for (int i = 100; i < 150; i++) {
        journal.append(utf8("r" + i));
      }
    }
    assertThat(files(dir, ".aks"))
        .extracting(p -> p.getFileName().toString())
        .containsExactly("snapshot-00000000000000000100.aks");
    assertThat(files(dir, ".akj").get(0).getFileName().toString())
        .isEqualTo("journal-00000000000000000100.akj");
    JournalFiles.Collected replayed = reopen(dir);
    assertThat(replayed.snapshotCovered).isEqualTo(100);
    assertThat(new String(replayed.snapshotState, StandardCharsets.UTF_8))
        .isEqualTo("state after 100");
    assertThat(replayed.sequences)
        .isEqualTo(IntStream.range(100, 150).asLongStream().boxed().toList());
    assertThat(replayed.texts().get(0)).isEqualTo("r100");

    try (Journal journal = Journal.open(dir, options, new JournalFiles.Collected())) {
      assertThat(journal.recovery().snapshotRecords()).isEqualTo(100);
      assertThat(journal.recovery().replayedRecords()).isEqualTo(50);
      assertThatThrownBy(() -> journal.snapshot(99, out -> {}))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("[100, 150]");
      assertThatThrownBy(() -> journal.snapshot(151, out -> {}))
          .isInstanceOf(IllegalArgumentException.class);
      journal.snapshot(150, out -> out.write(utf8("state after 150")));
    }
    assertThat(files(dir, ".aks")).hasSize(1);
    assertThat(files(dir, ".akj")).hasSize(1);
    JournalFiles.Collected last = reopen(dir);
    assertThat(last.snapshotCovered).isEqualTo(150);
    assertThat(last.payloads).isEmpty();
  }

  @Test
  void snapshotBehindTheEndKeepsTheSegmentWithTheUncoveredRecords() {
    try (Journal journal = Journal.open(dir, new JournalFiles.Collected())) {
      for (int i = 0; i < 10; i++) {
        journal.appendAndWait(utf8("r" + i));
      }
      // the owner's state covered 6 records when it was copied; 4 more came in since
      journal.snapshot(6, out -> out.write(utf8("six")));
      journal.appendAndWait(utf8("r10"));
    }
    assertThat(files(dir, ".akj")).hasSize(2);
    JournalFiles.Collected replayed = reopen(dir);
    assertThat(replayed.snapshotCovered).isEqualTo(6);
    assertThat(replayed.texts()).containsExactly("r6", "r7", "r8", "r9", "r10");
    assertThat(replayed.sequences).containsExactly(6L, 7L, 8L, 9L, 10L);
  }

  @Test
  void aFailingSnapshotWriterLeavesTheJournalAsItWas() {
    try (Journal journal = Journal.open(dir, new JournalFiles.Collected())) {
      journal.appendAndWait(utf8("r0"));
      assertThatThrownBy(() ->
              journal.snapshot(
                  1,
                  out -> {
                    out.write(1);
                    throw new IllegalStateException("owner failed");
                  }))
          .hasMessage("owner failed");
      journal.appendAndWait(utf8("r1"));
    }
    assertThat(files(dir, ".aks")).isEmpty();
    assertThat(files(dir, ".tmp")).isEmpty();
    assertThat(reopen(dir).texts()).containsExactly("r0", "r1");
  }

  @Test
  void eightConcurrentAppendersAllAckedRecordsArePresentAfterReopen() throws Exception {
    int threads = 8;
    int perThread = 1_000;
    ConcurrentHashMap<Long, String> acked = new ConcurrentHashMap<>();
    CountDownLatch start = new CountDownLatch(1);
    JournalOptions options = JournalOptions.defaults().withSegmentBytes(64 << 10);
    try (Journal journal = Journal.open(dir, options, new JournalFiles.Collected())) {
      List<Thread> workers = new ArrayList<>();
      List<Throwable> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
      for (int t = 0; t < threads; t++) {
        int thread = t;
        Thread worker =
            new Thread(() -> {
              try {
                start.await();
                List<CompletableFuture<Void>> mine = new ArrayList<>();
                for (int i = 0; i < perThread; i++) {
                  String text = "t" + thread + "-" + i;
                  if (i % 10 == 0) {
                    acked.put(journal.appendAndWait(utf8(text)), text);
                  } else {
                    mine.add(journal.append(utf8(text)).thenAccept(s -> acked.put(s, text)));
                  }
                }
                CompletableFuture.allOf(mine.toArray(CompletableFuture[]::new)).join();
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
      assertThat(failures).isEmpty();
    }
    assertThat(acked).hasSize(threads * perThread);
    JournalFiles.Collected replayed = reopen(dir);
    assertThat(replayed.payloads).hasSize(threads * perThread);
    for (int i = 0; i < replayed.sequences.size(); i++) {
      long sequence = replayed.sequences.get(i);
      assertThat(sequence).isEqualTo(i);
      assertThat(replayed.texts().get(i)).isEqualTo(acked.get(sequence));
    }
  }

  @Test
  void batchDelayAndSmallBatchesStillWriteEverything() {
    JournalOptions options =
        JournalOptions.defaults()
            .withBatchDelay(Duration.ofMillis(2))
            .withMaxBatchRecords(3)
            .withMaxBatchBytes(40)
            .withMaxRecordBytes(100)
            .withMaxPendingBytes(100);
    List<CompletableFuture<Long>> futures = new ArrayList<>();
    try (Journal journal = Journal.open(dir, options, new JournalFiles.Collected())) {
      for (int i = 0; i < 200; i++) {
        futures.add(journal.append(utf8("batched " + i)));
      }
    }
    for (int i = 0; i < futures.size(); i++) {
      assertThat(futures.get(i)).isCompletedWithValue((long) i);
    }
    assertThat(reopen(dir).texts()).hasSize(200).startsWith("batched 0").endsWith("batched 199");
  }

  @Test
  void nullArguments() {
    NullPointerTester tester = new NullPointerTester();
    tester.setDefault(JournalOptions.class, JournalOptions.defaults());
    tester.setDefault(Path.class, dir);
    tester.setDefault(Duration.class, Duration.ZERO);
    tester.testAllPublicStaticMethods(Journal.class);
    tester.testAllPublicStaticMethods(JournalReplay.class);
    tester.testAllPublicInstanceMethods(JournalOptions.defaults());
    try (Journal journal = Journal.open(dir, new JournalFiles.Collected())) {
      tester.testAllPublicInstanceMethods(journal);
    }
  }

  @Test
  void aWriteFailureFailsThePendingAppendsAndEveryLaterCall() throws java.io.IOException {
    Path blocker = dir.resolve("journal-00000000000000000003.akj");
    try (Journal journal = Journal.open(dir, new JournalFiles.Collected())) {
      for (int i = 0; i < 3; i++) {
        journal.appendAndWait(utf8("r" + i));
      }
      // the next segment's name is taken by a folder, so starting it fails
      Files.createDirectory(blocker);
      assertThatThrownBy(() -> journal.snapshot(3, out -> {}))
          .isInstanceOf(java.io.UncheckedIOException.class)
          .hasMessageContaining(blocker.toString())
          .hasMessageContaining("folder");
      assertThatThrownBy(() -> journal.append(utf8("late")))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("failed and accepts nothing more");
    }
    assertThat(log.warnings())
        .singleElement()
        .asString()
        .startsWith("journal " + dir + " failed: cannot write " + blocker)
        .contains("it is a folder, not a file");
    Files.delete(blocker);
    assertThat(reopen(dir).texts()).containsExactly("r0", "r1", "r2");
  }
}
