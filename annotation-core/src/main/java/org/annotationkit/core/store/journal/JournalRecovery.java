package org.annotationkit.core.store.journal;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link Journal#open} found: where the replay started, how much it replayed, and whether a
 * torn last record was dropped.
 *
 * @param snapshotRecords the records the loaded snapshot covered, 0 when there was none
 * @param replayedRecords the records replayed after the snapshot
 * @param segments the segment files read
 * @param tornTail the incomplete last record that was cut off, if any
 * @since 0.1.0
 */
public record JournalRecovery(
    long snapshotRecords, long replayedRecords, int segments, Optional<TornTail> tornTail) {

  /**
   * Checks the counts.
   *
   * @throws IllegalArgumentException if a count is negative
   */
  public JournalRecovery {
    Objects.requireNonNull(tornTail, "tornTail");
    if (snapshotRecords < 0 || replayedRecords < 0 || segments < 0) {
      throw new IllegalArgumentException(
          "counts must not be negative, got snapshotRecords "
              + snapshotRecords
              + ", replayedRecords "
              + replayedRecords
              + ", segments "
              + segments);
    }
  }

  /**
   * The journal's length after recovery: the sequence number of the next record.
   *
   * @return {@code snapshotRecords + replayedRecords}
   */
  public long nextSequence() {
    return snapshotRecords + replayedRecords;
  }

  /**
   * The end of the last segment that a crash left incomplete: a record whose frame was cut short or
   * whose checksum failed, with nothing valid after it. It was never acknowledged (its fsync had
   * not returned), so dropping it loses nothing that an appender was told was safe.
   *
   * @param file the segment file that was truncated
   * @param offset the byte offset where the dropped bytes started, the file's new length
   * @param droppedBytes how many bytes were cut off
   * @since 0.1.0
   */
  public record TornTail(Path file, long offset, long droppedBytes) {
    /**
     * Checks the offsets.
     *
     * @throws IllegalArgumentException if the offset is negative or nothing was dropped
     */
    public TornTail {
      Objects.requireNonNull(file, "file");
      if (offset < 0 || droppedBytes < 1) {
        throw new IllegalArgumentException(
            "offset must be >= 0 and droppedBytes >= 1, got " + offset + " and " + droppedBytes);
      }
    }
  }
}
