package org.annotationkit.core.store.journal;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32C;

/**
 * The on-disk format, version 1: file names, headers, record frames. Described for people in the
 * package documentation and in {@code docs/journal.md}; every number here is big-endian.
 */
final class JournalFormat {

  private JournalFormat() {}

  /** The format version this code writes and the only one it reads. */
  static final int VERSION = 1;

  /** "AKJL": the first four bytes of a segment file. */
  static final int SEGMENT_MAGIC = 0x414B_4A4C;

  /** "AKJS": the first four bytes of a snapshot file. */
  static final int SNAPSHOT_MAGIC = 0x414B_4A53;

  /** Segment header: magic, version (u16), reserved (u16, zero), first sequence (u64), CRC32C. */
  static final int SEGMENT_HEADER_BYTES = 20;

  /** Snapshot header: magic, version (u16), reserved (u16, zero), covered records (u64). */
  static final int SNAPSHOT_HEADER_BYTES = 16;

  /** Snapshot trailer: state length (u64), CRC32C of everything before it. */
  static final int SNAPSHOT_TRAILER_BYTES = 12;

  /** Record frame: payload length (u32), CRC32C of the length's four bytes and the payload. */
  static final int FRAME_HEADER_BYTES = 8;

  /** The largest payload of one record: 256 MiB. */
  static final int MAX_RECORD_BYTES = 1 << 28;

  /** The largest segment size setting: 1 GiB. */
  static final long MAX_SEGMENT_BYTES = 1L << 30;

  /** The lock file's name. */
  static final String LOCK_FILE = "journal.lock";

  private static final Pattern SEGMENT_NAME = Pattern.compile("journal-(\\d{20})\\.akj");
  private static final Pattern SNAPSHOT_NAME = Pattern.compile("snapshot-(\\d{20})\\.aks");

  /** What {@link org.annotationkit.core.io.AtomicFiles} leaves behind when it dies mid-write. */
  private static final Pattern TEMPORARY_NAME =
      Pattern.compile("\\.(journal-\\d{20}\\.akj|snapshot-\\d{20}\\.aks)\\..*\\.tmp");

  static String segmentName(long firstSequence) {
    return String.format(Locale.ROOT, "journal-%020d.akj", firstSequence);
  }

  static String snapshotName(long coveredRecords) {
    return String.format(Locale.ROOT, "snapshot-%020d.aks", coveredRecords);
  }

  static OptionalLong segmentNumber(String fileName) {
    return number(SEGMENT_NAME.matcher(fileName));
  }

  static OptionalLong snapshotNumber(String fileName) {
    return number(SNAPSHOT_NAME.matcher(fileName));
  }

  static boolean isTemporary(String fileName) {
    return TEMPORARY_NAME.matcher(fileName).matches();
  }

  private static OptionalLong number(Matcher matcher) {
    if (!matcher.matches()) {
      return OptionalLong.empty();
    }
    try {
      return OptionalLong.of(Long.parseLong(matcher.group(1)));
    } catch (NumberFormatException tooLarge) {
      return OptionalLong.empty();
    }
  }

  static byte[] segmentHeader(long firstSequence) {
    ByteBuffer header = ByteBuffer.allocate(SEGMENT_HEADER_BYTES).order(ByteOrder.BIG_ENDIAN);
    header.putInt(SEGMENT_MAGIC).putShort((short) VERSION).putShort((short) 0);
    header.putLong(firstSequence);
    header.putInt(crc(header.array(), 0, 16));
    return header.array();
  }

  /**
   * Checks a segment header.
   *
   * @return an empty string when it is valid, else what is wrong with it
   */
  static String segmentHeaderProblem(byte[] header, long expectedFirstSequence) {
    ByteBuffer in = ByteBuffer.wrap(header).order(ByteOrder.BIG_ENDIAN);
    int magic = in.getInt();
    if (magic != SEGMENT_MAGIC) {
      return String.format(
          Locale.ROOT,
          "not a journal segment: expected magic 0x%08X (\"AKJL\"), found 0x%08X",
          SEGMENT_MAGIC,
          magic);
    }
    int version = Short.toUnsignedInt(in.getShort());
    if (version != VERSION) {
      return "unsupported format version " + version + ", this code reads version " + VERSION;
    }
    in.getShort();
    long first = in.getLong();
    int stored = in.getInt();
    int computed = crc(header, 0, 16);
    if (stored != computed) {
      return String.format(
          Locale.ROOT,
          "header checksum mismatch: stored 0x%08X, computed 0x%08X",
          stored,
          computed);
    }
    if (first != expectedFirstSequence) {
      return "header says the first record is "
          + first
          + " but the file name says "
          + expectedFirstSequence;
    }
    return "";
  }

  static byte[] snapshotHeader(long coveredRecords) {
    ByteBuffer header = ByteBuffer.allocate(SNAPSHOT_HEADER_BYTES).order(ByteOrder.BIG_ENDIAN);
    header.putInt(SNAPSHOT_MAGIC).putShort((short) VERSION).putShort((short) 0);
    header.putLong(coveredRecords);
    return header.array();
  }

  static int crc(byte[] bytes, int offset, int length) {
    CRC32C crc = new CRC32C();
    crc.update(bytes, offset, length);
    return (int) crc.getValue();
  }

  /** The checksum of a frame: over the four bytes of its length, then its payload. */
  static int frameCrc(int length, byte[] payload, int offset) {
    CRC32C crc = new CRC32C();
    crc.update(length >>> 24);
    crc.update(length >>> 16);
    crc.update(length >>> 8);
    crc.update(length);
    crc.update(payload, offset, length);
    return (int) crc.getValue();
  }
}
