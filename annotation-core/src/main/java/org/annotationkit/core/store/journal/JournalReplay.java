package org.annotationkit.core.store.journal;

import java.util.function.BiConsumer;

/**
 * Receives a journal's content when it opens: first the latest snapshot, if there is one, then
 * every record after it, in the order they were appended. The journal calls it on the opening
 * thread, before {@link Journal#open} returns.
 *
 * <p>An exception thrown here aborts the opening: the journal is closed again (its lock released)
 * and the exception reaches the caller of {@link Journal#open}.
 *
 * @since 0.1.0
 */
public interface JournalReplay {

  /**
   * Restores the state that a snapshot saved.
   *
   * @param coveredRecords how many records the snapshot covers: those with sequence numbers below
   *     this come from the snapshot, not from {@link #record}
   * @param state the bytes the owner wrote, the caller's own array
   */
  void snapshot(long coveredRecords, byte[] state);

  /**
   * Applies one record.
   *
   * @param sequence the record's sequence number: 0 for the first record ever appended, one more
   *     for each next
   * @param payload the record's bytes, the caller's own array
   */
  void record(long sequence, byte[] payload);

  /**
   * A replay from two functions.
   *
   * @param snapshot receives the snapshot (covered records, state)
   * @param record receives each record (sequence number, payload)
   * @return the replay
   */
  static JournalReplay of(BiConsumer<Long, byte[]> snapshot, BiConsumer<Long, byte[]> record) {
    java.util.Objects.requireNonNull(snapshot, "snapshot");
    java.util.Objects.requireNonNull(record, "record");
    return new JournalReplay() {
      @Override
      public void snapshot(long coveredRecords, byte[] state) {
        snapshot.accept(coveredRecords, state);
      }

      @Override
      public void record(long sequence, byte[] payload) {
        record.accept(sequence, payload);
      }
    };
  }
}
