package org.annotationkit.core.store.journal;

import static org.annotationkit.core.store.journal.JournalFiles.files;
import static org.annotationkit.core.store.journal.JournalFiles.reopen;
import static org.annotationkit.core.store.journal.JournalFiles.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import java.util.stream.Stream;
import org.annotationkit.core.testing.LogCapture;
import org.annotationkit.core.testing.Seeds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class JournalRecoveryTest {

  @TempDir Path dir;

  /** The journal's warning of each torn tail, kept out of the build's output and checked. */
  @RegisterExtension final LogCapture log = LogCapture.of(Journal.class);

  private static final List<String> RECORDS =
      List.of(
          "first", "", "third record", "x".repeat(300), "fifth", "the last record, 30 bytes long");

  private static int[] lengths() {
    return RECORDS.stream().mapToInt(r -> utf8(r).length).toArray();
  }

  private Path writeRecords() {
    try (Journal journal = Journal.open(dir, new JournalFiles.Collected())) {
      for (String record : RECORDS) {
        journal.appendAndWait(utf8(record));
      }
    }
    return JournalFiles.onlySegment(dir);
  }

  @Test
  void tornTailAtEveryByteOfTheLastRecordRecoversExactlyTheRecordsBefore() throws IOException {
    Path segment = writeRecords();
    byte[] whole = Files.readAllBytes(segment);
    long[] offsets = JournalFiles.offsets(lengths());
    int last = RECORDS.size() - 1;
    assertThat(whole.length).isEqualTo(offsets[last + 1]);
    int lastStart = (int) offsets[last];
    for (int cut = lastStart; cut < whole.length; cut++) {
      Files.write(segment, java.util.Arrays.copyOf(whole, cut));
      JournalFiles.Collected replayed = new JournalFiles.Collected();
      log.clear();
      try (Journal journal = Journal.open(dir, replayed)) {
        assertThat(replayed.texts()).as("cut at %d", cut).isEqualTo(RECORDS.subList(0, last));
        if (cut == lastStart) {
          assertThat(journal.recovery().tornTail()).isEmpty();
          assertThat(log.warnings()).as("cut at %d", cut).isEmpty();
        } else {
          assertThat(journal.recovery().tornTail())
              .as("cut at %d", cut)
              .contains(new JournalRecovery.TornTail(segment, lastStart, cut - lastStart));
          assertThat(log.warnings())
              .as("cut at %d", cut)
              .singleElement()
              .asString()
              .contains("dropped a torn last record in " + segment.getFileName())
              .contains("at byte offset " + lastStart + " (" + (cut - lastStart) + " bytes: ")
              .endsWith("it had not been acknowledged");
        }
        assertThat(Files.size(segment)).isEqualTo(lastStart);
        assertThat(journal.appendAndWait(utf8("appended after recovery"))).isEqualTo(last);
      }
      List<String> expected = new ArrayList<>(RECORDS.subList(0, last));
      expected.add("appended after recovery");
      assertThat(reopen(dir).texts()).as("cut at %d", cut).isEqualTo(expected);
    }
  }

  @Test
  void aBadChecksumInTheLastRecordIsATornTail() throws IOException {
    Path segment = writeRecords();
    byte[] whole = Files.readAllBytes(segment);
    long[] offsets = JournalFiles.offsets(lengths());
    int last = RECORDS.size() - 1;
    for (long at = offsets[last]; at < whole.length; at++) {
      byte[] damaged = whole.clone();
      damaged[(int) at] ^= 0x10;
      Files.write(segment, damaged);
      JournalFiles.Collected replayed = new JournalFiles.Collected();
      log.clear();
      try (Journal journal = Journal.open(dir, replayed)) {
        assertThat(replayed.texts()).as("flip at %d", at).isEqualTo(RECORDS.subList(0, last));
        assertThat(journal.recovery().tornTail().orElseThrow().offset()).isEqualTo(offsets[last]);
        assertThat(log.warnings())
            .as("flip at %d", at)
            .singleElement()
            .asString()
            .contains("at byte offset " + offsets[last] + " (");
      }
    }
  }

  static Stream<Long> seeds() {
    return Seeds.seeds(40);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void aBitFlipInAnEarlierRecordIsAnErrorNamingFileAndOffset(long seed) throws IOException {
    RandomGenerator random = Seeds.random(seed);
    Path segment = writeRecords();
    byte[] whole = Files.readAllBytes(segment);
    long[] offsets = JournalFiles.offsets(lengths());
    int record = random.nextInt(RECORDS.size() - 1);
    int at = (int) (offsets[record] + random.nextLong(offsets[record + 1] - offsets[record]));
    byte[] damaged = whole.clone();
    damaged[at] ^= (byte) (1 << random.nextInt(8));
    Files.write(segment, damaged);
    assertThatThrownBy(() -> Journal.open(dir, new JournalFiles.Collected()))
        .isInstanceOfSatisfying(
            JournalCorruptedException.class,
            e -> {
              assertThat(e.file()).isEqualTo(segment);
              assertThat(e.offset())
                  .as("flip at byte %d of record %d", at, record)
                  .isEqualTo(offsets[record]);
              assertThat(e.directory()).isEqualTo(dir);
            })
        .hasMessageStartingWith(
            "corrupt journal file " + segment + " at byte offset " + offsets[record] + ": ")
        .hasMessageContaining("a valid record follows at byte offset ");
    assertThat(Files.readAllBytes(segment)).as("nothing repaired").isEqualTo(damaged);
    // the error leaves the journal closed: a fixed file opens at once
    Files.write(segment, whole);
    assertThat(reopen(dir).texts()).isEqualTo(RECORDS);
  }

  @Test
  void damageInAnOlderSegmentIsAnErrorEvenAtItsEnd() throws IOException {
    JournalOptions options = JournalOptions.defaults().withSegmentBytes(60);
    try (Journal journal = Journal.open(dir, options, new JournalFiles.Collected())) {
      for (int i = 0; i < 10; i++) {
        journal.appendAndWait(utf8("record number " + i));
      }
    }
    List<Path> segments = files(dir, ".akj");
    assertThat(segments).hasSizeGreaterThan(2);
    Path older = segments.get(1);
    long size = Files.size(older);
    try (var channel =
        java.nio.channels.FileChannel.open(older, java.nio.file.StandardOpenOption.WRITE)) {
      channel.truncate(size - 1);
    }
    assertThatThrownBy(() -> Journal.open(dir, options, new JournalFiles.Collected()))
        .isInstanceOfSatisfying(
            JournalCorruptedException.class, e -> assertThat(e.file()).isEqualTo(older))
        .hasMessageContaining("complete and durable before the next one began");
  }

  @Test
  void aMissingSegmentIsAnError() throws IOException {
    JournalOptions options = JournalOptions.defaults().withSegmentBytes(60);
    try (Journal journal = Journal.open(dir, options, new JournalFiles.Collected())) {
      for (int i = 0; i < 10; i++) {
        journal.appendAndWait(utf8("record number " + i));
      }
    }
    List<Path> segments = files(dir, ".akj");
    Files.delete(segments.get(1));
    assertThatThrownBy(() -> Journal.open(dir, options, new JournalFiles.Collected()))
        .isInstanceOfSatisfying(
            JournalCorruptedException.class, e -> assertThat(e.file()).isEqualTo(segments.get(2)))
        .hasMessageContaining("a segment is missing");
    Files.delete(segments.get(0));
    assertThatThrownBy(() -> Journal.open(dir, options, new JournalFiles.Collected()))
        .isInstanceOf(JournalCorruptedException.class)
        .hasMessageContaining("there is no snapshot");
  }

  @Test
  void aDamagedHeaderIsAnErrorAtOffsetZero() throws IOException {
    Path segment = writeRecords();
    byte[] bytes = Files.readAllBytes(segment);
    bytes[5] = 2; // version 2
    Files.write(segment, bytes);
    assertThatThrownBy(() -> Journal.open(dir, new JournalFiles.Collected()))
        .isInstanceOfSatisfying(
            JournalCorruptedException.class, e -> assertThat(e.offset()).isZero())
        .hasMessageContaining("unsupported format version 2, this code reads version 1");
    bytes[5] = 1;
    bytes[0] = 'X';
    Files.write(segment, bytes);
    assertThatThrownBy(() -> Journal.open(dir, new JournalFiles.Collected()))
        .hasMessageContaining("not a journal segment");
  }

  @Test
  void aDamagedSnapshotIsAnErrorNamingIt() throws IOException {
    try (Journal journal = Journal.open(dir, new JournalFiles.Collected())) {
      journal.appendAndWait(utf8("r0"));
      journal.snapshot(1, out -> out.write(utf8("the state")));
    }
    Path snapshot = files(dir, ".aks").get(0);
    byte[] bytes = Files.readAllBytes(snapshot);
    bytes[18] ^= 1;
    Files.write(snapshot, bytes);
    assertThatThrownBy(() -> Journal.open(dir, new JournalFiles.Collected()))
        .isInstanceOfSatisfying(
            JournalCorruptedException.class,
            e -> {
              assertThat(e.file()).isEqualTo(snapshot);
              assertThat(e.offset()).isEqualTo(bytes.length - 4);
            })
        .hasMessageContaining("snapshot checksum mismatch");
  }

  @Test
  void leftoversOfAnInterruptedCompactionAreCleanedUp() throws IOException {
    try (Journal journal = Journal.open(dir, new JournalFiles.Collected())) {
      journal.appendAndWait(utf8("r0"));
      journal.appendAndWait(utf8("r1"));
    }
    Path oldSegment = JournalFiles.onlySegment(dir);
    byte[] oldBytes = Files.readAllBytes(oldSegment);
    try (Journal journal = Journal.open(dir, new JournalFiles.Collected())) {
      journal.snapshot(2, out -> out.write(utf8("two")));
      journal.appendAndWait(utf8("r2"));
    }
    // as if the process died after the snapshot, before deleting: the old segment is back,
    // with an older snapshot and a temporary file of an unfinished write
    Files.write(oldSegment, oldBytes);
    Files.write(dir.resolve("snapshot-00000000000000000001.aks"), new byte[] {1, 2, 3});
    Path temporary = dir.resolve(".snapshot-00000000000000000009.aks.1234.tmp");
    Files.write(temporary, new byte[] {1});
    JournalFiles.Collected replayed = reopen(dir);
    assertThat(replayed.snapshotCovered).isEqualTo(2);
    assertThat(replayed.texts()).containsExactly("r2");
    assertThat(files(dir, ".akj")).hasSize(1);
    assertThat(files(dir, ".aks")).hasSize(1);
    assertThat(temporary).doesNotExist();
  }
}
