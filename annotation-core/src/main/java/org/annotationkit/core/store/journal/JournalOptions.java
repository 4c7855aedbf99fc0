package org.annotationkit.core.store.journal;

import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link Journal} batches and bounds its writes. {@link #defaults()} suits most owners; the
 * {@code with} methods return a copy with one setting changed.
 *
 * <p>Group commit: the journal's writer thread takes every record waiting when it is ready (at most
 * {@link #maxBatchRecords()} records and {@link #maxBatchBytes()} bytes, though always at least one
 * record), writes them with one write, makes them durable with one {@code fsync}, and only then
 * acknowledges them. Records that arrive during an {@code fsync} form the next batch, so the more
 * appenders wait, the larger the batches grow. With a zero {@link #batchDelay()} (the default) the
 * writer waits only for the appenders it has just acknowledged to come back: until as many records
 * are queued as its last batch held and as arrived during that batch's {@code fsync}, and no longer
 * than that batch's write and {@code fsync} took (2 ms at most), so that appenders that each wait
 * for their record share one {@code fsync} rather than alternate between two half-full ones; a
 * single appender is not delayed. A positive {@link #batchDelay()} makes the writer wait up to that
 * long for more records before it writes a batch that is not full: fewer, larger {@code fsync}s for
 * a little latency.
 *
 * @param maxRecordBytes the largest record accepted by {@link Journal#append(byte[])}, at most
 *     {@value JournalFormat#MAX_RECORD_BYTES}
 * @param maxBatchRecords the most records written and made durable together
 * @param maxBatchBytes the most bytes of records written together (a larger single record is
 *     written alone)
 * @param batchDelay how long the writer waits for more records before writing a batch that is not
 *     full; zero (the default) for only as long as the appenders of its last batch take to come
 *     back
 * @param maxPendingBytes how many bytes of records may wait for the writer before {@link
 *     Journal#append(byte[])} blocks its caller; at least {@code maxRecordBytes}
 * @param segmentBytes the size after which the writer starts a new segment file, at most {@value
 *     JournalFormat#MAX_SEGMENT_BYTES}
 * @since 0.1.0
 */
public record JournalOptions(
    int maxRecordBytes,
    int maxBatchRecords,
    int maxBatchBytes,
    Duration batchDelay,
    long maxPendingBytes,
    long segmentBytes) {

  /** The default {@link #maxRecordBytes()}: 16 MiB. */
  public static final int DEFAULT_MAX_RECORD_BYTES = 16 << 20;

  /** The default {@link #maxBatchRecords()}. */
  public static final int DEFAULT_MAX_BATCH_RECORDS = 8192;

  /** The default {@link #maxBatchBytes()}: 4 MiB. */
  public static final int DEFAULT_MAX_BATCH_BYTES = 4 << 20;

  /** The default {@link #maxPendingBytes()}: 64 MiB. */
  public static final long DEFAULT_MAX_PENDING_BYTES = 64L << 20;

  /** The default {@link #segmentBytes()}: 256 MiB. */
  public static final long DEFAULT_SEGMENT_BYTES = 256L << 20;

  /**
   * Checks the settings.
   *
   * @throws IllegalArgumentException if a setting is out of its range, naming it and its value
   */
  public JournalOptions {
    Objects.requireNonNull(batchDelay, "batchDelay");
    if (maxRecordBytes < 0 || maxRecordBytes > JournalFormat.MAX_RECORD_BYTES) {
      throw new IllegalArgumentException(
          "maxRecordBytes must be in [0, "
              + JournalFormat.MAX_RECORD_BYTES
              + "], got "
              + maxRecordBytes);
    }
    if (maxBatchRecords < 1) {
      throw new IllegalArgumentException(
          "maxBatchRecords must be at least 1, got " + maxBatchRecords);
    }
    if (maxBatchBytes < 1) {
      throw new IllegalArgumentException("maxBatchBytes must be at least 1, got " + maxBatchBytes);
    }
    if (batchDelay.isNegative()) {
      throw new IllegalArgumentException("batchDelay must not be negative, got " + batchDelay);
    }
    if (maxPendingBytes < maxRecordBytes) {
      throw new IllegalArgumentException(
          "maxPendingBytes must be at least maxRecordBytes ("
              + maxRecordBytes
              + "), got "
              + maxPendingBytes);
    }
    if (segmentBytes < 1 || segmentBytes > JournalFormat.MAX_SEGMENT_BYTES) {
      throw new IllegalArgumentException(
          "segmentBytes must be in [1, "
              + JournalFormat.MAX_SEGMENT_BYTES
              + "], got "
              + segmentBytes);
    }
  }

  /**
   * The default settings: records up to 16 MiB, batches up to 8192 records and 4 MiB with no added
   * delay, 64 MiB waiting at most, segments of 256 MiB.
   *
   * @return the defaults
   */
  public static JournalOptions defaults() {
    return new JournalOptions(
        DEFAULT_MAX_RECORD_BYTES,
        DEFAULT_MAX_BATCH_RECORDS,
        DEFAULT_MAX_BATCH_BYTES,
        Duration.ZERO,
        DEFAULT_MAX_PENDING_BYTES,
        DEFAULT_SEGMENT_BYTES);
  }

  /**
   * A copy with another {@link #maxRecordBytes()}.
   *
   * @param value the largest record accepted
   * @return the copy
   */
  public JournalOptions withMaxRecordBytes(int value) {
    return new JournalOptions(
        value,
        maxBatchRecords,
        maxBatchBytes,
        batchDelay,
        Math.max(maxPendingBytes, value),
        segmentBytes);
  }

  /**
   * A copy with another {@link #maxBatchRecords()}.
   *
   * @param value the most records per batch
   * @return the copy
   */
  public JournalOptions withMaxBatchRecords(int value) {
    return new JournalOptions(
        maxRecordBytes, value, maxBatchBytes, batchDelay, maxPendingBytes, segmentBytes);
  }

  /**
   * A copy with another {@link #maxBatchBytes()}.
   *
   * @param value the most bytes per batch
   * @return the copy
   */
  public JournalOptions withMaxBatchBytes(int value) {
    return new JournalOptions(
        maxRecordBytes, maxBatchRecords, value, batchDelay, maxPendingBytes, segmentBytes);
  }

  /**
   * A copy with another {@link #batchDelay()}.
   *
   * @param value how long to wait for more records
   * @return the copy
   */
  public JournalOptions withBatchDelay(Duration value) {
    return new JournalOptions(
        maxRecordBytes, maxBatchRecords, maxBatchBytes, value, maxPendingBytes, segmentBytes);
  }

  /**
   * A copy with another {@link #maxPendingBytes()}.
   *
   * @param value how many bytes may wait before appenders block
   * @return the copy
   */
  public JournalOptions withMaxPendingBytes(long value) {
    return new JournalOptions(
        maxRecordBytes, maxBatchRecords, maxBatchBytes, batchDelay, value, segmentBytes);
  }

  /**
   * A copy with another {@link #segmentBytes()}.
   *
   * @param value the size after which a new segment starts
   * @return the copy
   */
  public JournalOptions withSegmentBytes(long value) {
    return new JournalOptions(
        maxRecordBytes, maxBatchRecords, maxBatchBytes, batchDelay, maxPendingBytes, value);
  }
}
