package org.annotationkit.core.store.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Test helpers: what a journal replays, and the files it leaves, computed independently. */
final class JournalFiles {

  private JournalFiles() {}

  /** The header of a segment: 4 magic, 2 version, 2 reserved, 8 first sequence, 4 CRC. */
  static final int HEADER = 4 + 2 + 2 + 8 + 4;

  /** A frame: 4 length, 4 CRC, then the payload. */
  static final int FRAME = 4 + 4;

  /** Collects what a journal replays. */
  static final class Collected implements JournalReplay {
    final List<Long> sequences = new ArrayList<>();
    final List<byte[]> payloads = new ArrayList<>();
    long snapshotCovered = -1;
    byte[] snapshotState = new byte[0];

    @Override
    public void snapshot(long coveredRecords, byte[] state) {
      assertThat(snapshotCovered).as("one snapshot at most").isEqualTo(-1);
      assertThat(sequences).as("the snapshot comes first").isEmpty();
      snapshotCovered = coveredRecords;
      snapshotState = state;
    }

    @Override
    public void record(long sequence, byte[] payload) {
      sequences.add(sequence);
      payloads.add(payload);
    }

    List<String> texts() {
      return payloads.stream().map(p -> new String(p, StandardCharsets.UTF_8)).toList();
    }
  }

  static Collected reopen(Path directory) {
    Collected collected = new Collected();
    try (Journal journal = Journal.open(directory, collected)) {
      assertThat(journal.nextSequence()).isEqualTo(journal.recovery().nextSequence());
    }
    return collected;
  }

  static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  static List<Path> files(Path directory, String suffix) {
    try (Stream<Path> files = Files.list(directory)) {
      return files.filter(f -> f.getFileName().toString().endsWith(suffix)).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Path onlySegment(Path directory) {
    List<Path> segments = files(directory, ".akj");
    assertThat(segments).hasSize(1);
    return segments.get(0);
  }

  /** The byte offset of each record in a segment holding payloads of these lengths. */
  static long[] offsets(int... lengths) {
    long[] offsets = new long[lengths.length + 1];
    offsets[0] = HEADER;
    for (int i = 0; i < lengths.length; i++) {
      offsets[i + 1] = offsets[i] + FRAME + lengths[i];
    }
    return offsets;
  }
}
