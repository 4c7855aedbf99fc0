package org.annotationkit.core.store.journal;

import static org.annotationkit.core.store.journal.JournalFiles.reopen;
import static org.annotationkit.core.store.journal.JournalFiles.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;
import java.util.stream.Stream;
import java.util.zip.CRC32C;
import org.annotationkit.core.testing.LogCapture;
import org.annotationkit.core.testing.Seeds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The zero bytes a journal writes ahead of its records (so that a batch's data sync need not change
 * the file's size): present while it is open, cut off on close, and told apart from records and
 * from torn or damaged ones on open after a crash.
 */
class JournalPreallocationTest {

  @TempDir Path dir;

  @RegisterExtension final LogCapture log = LogCapture.of(Journal.class);

  @Test
  void zerosAreWrittenAheadWhileOpenAndCutOffOnClose() throws IOException {
    List<String> records = List.of("one", "two", "three");
    Path segment;
    try (Journal journal = Journal.open(dir, new JournalFiles.Collected())) {
      for (String record : records) {
        journal.appendAndWait(utf8(record));
      }
      segment = JournalFiles.onlySegment(dir);
      byte[] open = Files.readAllBytes(segment);
      long end = JournalFiles.offsets(3, 3, 5)[3];
      assertThat((long) open.length).as("zeros written ahead").isGreaterThan(end);
      assertThat(open.length % 4096).as("to a page boundary").isZero();
      for (long at = end; at < open.length; at++) {
        assertThat(open[(int) at]).as("byte %d", at).isZero();
      }
    }
    assertThat(Files.size(segment)).isEqualTo(JournalFiles.offsets(3, 3, 5)[3]);
    assertThat(reopen(dir).texts()).isEqualTo(records);
    assertThat(log.warnings()).isEmpty();
  }

  static Stream<Long> seeds() {
    return Seeds.seeds(60);
  }

  /**
   * A crash image: the acknowledged records, then maybe a prefix of one more record (a torn write),
   * then the zeros written ahead, as the file was while open. Reopening yields exactly the whole
   * records; the torn prefix is reported when it holds a nonzero byte (a prefix of zeros is
   * indistinguishable from the space ahead, and holds nothing).
   */
  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void aCrashAtAnyPointOverTheZerosAheadKeepsEveryAcknowledgedRecord(long seed) throws IOException {
    RandomGenerator random = Seeds.random(seed);
    int count = 1 + random.nextInt(12);
    List<String> records = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      int length = random.nextInt(4) == 0 ? random.nextInt(3) : random.nextInt(400);
      StringBuilder text = new StringBuilder();
      for (int c = 0; c < length; c++) {
        text.append((char) ('a' + random.nextInt(26)));
      }
      records.add(text.toString());
    }
    Path segment;
    byte[] image;
    try (Journal journal = Journal.open(dir, new JournalFiles.Collected())) {
      for (String record : records) {
        journal.appendAndWait(utf8(record));
      }
      segment = JournalFiles.onlySegment(dir);
      image = Files.readAllBytes(segment);
    }
    long[] offsets = JournalFiles.offsets(records.stream().mapToInt(r -> utf8(r).length).toArray());
    assertThat((long) image.length).isGreaterThan(offsets[count]);

    int kept = random.nextInt(count + 1);
    int start = (int) offsets[kept];
    int torn = kept == count ? 0 : random.nextInt((int) (offsets[kept + 1] - start));
    byte[] crashed = image.clone();
    Arrays.fill(crashed, start + torn, crashed.length, (byte) 0);
    boolean tornBytes = false;
    for (int i = start; i < start + torn; i++) {
      tornBytes |= crashed[i] != 0;
    }
    Files.write(segment, crashed);

    JournalFiles.Collected replayed = new JournalFiles.Collected();
    try (Journal journal = Journal.open(dir, replayed)) {
      assertThat(replayed.texts())
          .as("kept %d, torn %d bytes", kept, torn)
          .isEqualTo(records.subList(0, kept));
      if (tornBytes) {
        assertThat(journal.recovery().tornTail().orElseThrow().offset()).isEqualTo(start);
        assertThat(log.warnings())
            .singleElement()
            .asString()
            .contains("dropped a torn last record in " + segment.getFileName())
            .contains("at byte offset " + start + " (");
      } else {
        assertThat(journal.recovery().tornTail()).isEmpty();
        assertThat(log.warnings()).isEmpty();
      }
      assertThat(journal.appendAndWait(utf8("after the crash"))).isEqualTo(kept);
    }
    List<String> expected = new ArrayList<>(records.subList(0, kept));
    expected.add("after the crash");
    assertThat(reopen(dir).texts()).isEqualTo(expected);
    assertThat(Files.size(segment)).isEqualTo(offsets[kept] + 8 + "after the crash".length());
  }

  @Test
  void aValidRecordAfterZerosIsDamageNotSpaceAhead() throws IOException {
    Path segment;
    byte[] image;
    try (Journal journal = Journal.open(dir, new JournalFiles.Collected())) {
      journal.appendAndWait(utf8("first"));
      journal.appendAndWait(utf8("second"));
      segment = JournalFiles.onlySegment(dir);
      image = Files.readAllBytes(segment);
    }
    long[] offsets = JournalFiles.offsets(5, 6);
    // the second record zeroed, as if lost, and a valid frame further on in the space ahead
    byte[] damaged = image.clone();
    Arrays.fill(damaged, (int) offsets[1], (int) offsets[2], (byte) 0);
    int later = (int) offsets[2] + 100;
    byte[] frame = frame(utf8("a later record"));
    System.arraycopy(frame, 0, damaged, later, frame.length);
    Files.write(segment, damaged);
    assertThatThrownBy(() -> Journal.open(dir, new JournalFiles.Collected()))
        .isInstanceOfSatisfying(
            JournalCorruptedException.class,
            e -> {
              assertThat(e.file()).isEqualTo(segment);
              assertThat(e.offset()).isEqualTo(offsets[1]);
            })
        .hasMessageContaining("a valid record follows at byte offset " + later);
    assertThat(Files.readAllBytes(segment)).as("nothing repaired").isEqualTo(damaged);
  }

  @Test
  void zerosAheadOfARolledSegmentAreCutOffBeforeTheNextBegins() throws IOException {
    JournalOptions options = JournalOptions.defaults().withSegmentBytes(200);
    List<String> written = new ArrayList<>();
    try (Journal journal = Journal.open(dir, options, new JournalFiles.Collected())) {
      for (int i = 0; i < 20; i++) {
        String record = "record number " + i;
        journal.appendAndWait(utf8(record));
        written.add(record);
      }
      List<Path> segments = JournalFiles.files(dir, ".akj");
      assertThat(segments).hasSizeGreaterThan(2);
      for (Path older : segments.subList(0, segments.size() - 1)) {
        byte[] bytes = Files.readAllBytes(older);
        assertThat(bytes[bytes.length - 1]).as("%s ends with a record", older).isNotZero();
      }
    }
    try (Journal journal = Journal.open(dir, options, new JournalFiles.Collected())) {
      assertThat(journal.recovery().tornTail()).isEmpty();
    }
    JournalFiles.Collected replayed = new JournalFiles.Collected();
    try (Journal journal = Journal.open(dir, options, replayed)) {
      assertThat(replayed.texts()).isEqualTo(written);
    }
  }

  /** A record's frame, built from the documented format. */
  private static byte[] frame(byte[] payload) {
    CRC32C crc = new CRC32C();
    ByteBuffer length = ByteBuffer.allocate(4).putInt(payload.length);
    crc.update(length.array());
    crc.update(payload);
    return ByteBuffer.allocate(8 + payload.length)
        .putInt(payload.length)
        .putInt((int) crc.getValue())
        .put(payload)
        .array();
  }
}
