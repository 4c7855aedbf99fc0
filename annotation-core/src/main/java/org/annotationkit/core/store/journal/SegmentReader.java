package org.annotationkit.core.store.journal;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;

/** Reads the records of one segment file, stopping at the first frame that is not valid. */
final class SegmentReader {

  private SegmentReader() {}

  /**
   * What a segment held.
   *
   * @param records how many valid records it has
   * @param validEnd the byte offset after its last valid record
   * @param size the file's size
   * @param problem why the frame at {@code validEnd} is not valid, empty when the records end
   *     there: at the end of the file, or where only zero bytes follow (space written ahead for
   *     later records)
   */
  record Result(long records, long validEnd, long size, String problem) {}

  /**
   * Reads every valid record of a segment whose header names {@code firstSequence}, handing those
   * at or above {@code replayFrom} to {@code replay}.
   *
   * @throws JournalCorruptedException if the header is damaged
   */
  static Result read(
      Path directory,
      Path file,
      FileChannel channel,
      long firstSequence,
      long replayFrom,
      JournalReplay replay)
      throws IOException {
    long size = channel.size();
    if (size < JournalFormat.SEGMENT_HEADER_BYTES) {
      throw new JournalCorruptedException(
          directory,
          file,
          0,
          "the file has "
              + size
              + " bytes, fewer than the "
              + JournalFormat.SEGMENT_HEADER_BYTES
              + " of a segment header");
    }
    channel.position(0);
    InputStream in = new BufferedInputStream(Channels.newInputStream(channel), 1 << 20);
    byte[] header = in.readNBytes(JournalFormat.SEGMENT_HEADER_BYTES);
    String headerProblem = JournalFormat.segmentHeaderProblem(header, firstSequence);
    if (!headerProblem.isEmpty()) {
      throw new JournalCorruptedException(directory, file, 0, headerProblem);
    }
    long offset = JournalFormat.SEGMENT_HEADER_BYTES;
    long records = 0;
    byte[] frame = new byte[JournalFormat.FRAME_HEADER_BYTES];
    ByteBuffer frameView = ByteBuffer.wrap(frame);
    while (offset < size) {
      long left = size - offset;
      if (left < JournalFormat.FRAME_HEADER_BYTES) {
        return new Result(
            records,
            offset,
            size,
            "an incomplete frame header: "
                + left
                + " of "
                + JournalFormat.FRAME_HEADER_BYTES
                + " bytes");
      }
      if (in.readNBytes(frame, 0, frame.length) != frame.length) {
        throw new IOException("the file " + file + " shrank while it was read");
      }
      int length = frameView.getInt(0);
      int stored = frameView.getInt(4);
      if (length == 0 && stored == 0) {
        // no frame has this header (the checksum of a length of zero is not zero): it is space
        // written ahead, when only zeros follow
        long nonzero = firstNonzero(in, offset + JournalFormat.FRAME_HEADER_BYTES, size);
        if (nonzero < 0) {
          return new Result(records, offset, size, "");
        }
        return new Result(
            records,
            offset,
            size,
            "a frame header of zero bytes, which is space written ahead for later records, but"
                + " a nonzero byte follows at byte offset "
                + nonzero);
      }
      if (length < 0 || length > JournalFormat.MAX_RECORD_BYTES) {
        return new Result(
            records,
            offset,
            size,
            "record length "
                + Integer.toUnsignedString(length)
                + " is over the format's limit of "
                + JournalFormat.MAX_RECORD_BYTES);
      }
      if (length > left - JournalFormat.FRAME_HEADER_BYTES) {
        return new Result(
            records,
            offset,
            size,
            "a record of "
                + length
                + " bytes runs past the end of the file ("
                + (left - JournalFormat.FRAME_HEADER_BYTES)
                + " bytes left)");
      }
      byte[] payload = in.readNBytes(length);
      if (payload.length != length) {
        throw new IOException("the file " + file + " shrank while it was read");
      }
      int computed = JournalFormat.frameCrc(length, payload, 0);
      if (computed != stored) {
        return new Result(
            records,
            offset,
            size,
            String.format(
                java.util.Locale.ROOT,
                "record checksum mismatch: stored 0x%08X, computed 0x%08X",
                stored,
                computed));
      }
      long sequence = firstSequence + records;
      if (sequence >= replayFrom) {
        replay.record(sequence, payload);
      }
      records++;
      offset += JournalFormat.FRAME_HEADER_BYTES + length;
    }
    return new Result(records, offset, size, "");
  }

  /** The offset of the first nonzero byte the stream holds from {@code from} on, or -1. */
  private static long firstNonzero(InputStream in, long from, long size) throws IOException {
    byte[] chunk = new byte[1 << 16];
    long at = from;
    while (at < size) {
      int n = in.read(chunk, 0, (int) Math.min(chunk.length, size - at));
      if (n < 0) {
        throw new IOException("unexpected end of file at byte offset " + at);
      }
      for (int i = 0; i < n; i++) {
        if (chunk[i] != 0) {
          return at + i;
        }
      }
      at += n;
    }
    return -1;
  }

  /**
   * The offset of the first valid frame that starts after {@code from}, or -1 when there is none: a
   * valid frame after a bad one means the bad one is damage, not a torn last write.
   */
  static long findValidFrame(FileChannel channel, long from, long size) throws IOException {
    final int chunkBytes = 1 << 20;
    byte[] chunk = new byte[chunkBytes];
    ByteBuffer view = ByteBuffer.wrap(chunk);
    long start = from + 1;
    while (start + JournalFormat.FRAME_HEADER_BYTES <= size) {
      int n = (int) Math.min(chunkBytes, size - start);
      readFully(channel, ByteBuffer.wrap(chunk, 0, n), start);
      for (int i = 0; i + JournalFormat.FRAME_HEADER_BYTES <= n; i++) {
        long at = start + i;
        int length = view.getInt(i);
        if (length == 0 && view.getInt(i + 4) == 0) {
          continue; // zeros are never a frame
        }
        if (length < 0
            || length > JournalFormat.MAX_RECORD_BYTES
            || length > size - at - JournalFormat.FRAME_HEADER_BYTES) {
          continue;
        }
        int stored = view.getInt(i + 4);
        int computed;
        if (i + JournalFormat.FRAME_HEADER_BYTES + length <= n) {
          computed = JournalFormat.frameCrc(length, chunk, i + JournalFormat.FRAME_HEADER_BYTES);
        } else {
          byte[] payload = new byte[length];
          readFully(channel, ByteBuffer.wrap(payload), at + JournalFormat.FRAME_HEADER_BYTES);
          computed = JournalFormat.frameCrc(length, payload, 0);
        }
        if (computed == stored) {
          return at;
        }
      }
      start += Math.max(1, n - JournalFormat.FRAME_HEADER_BYTES + 1);
    }
    return -1;
  }

  private static void readFully(FileChannel channel, ByteBuffer buffer, long position)
      throws IOException {
    long at = position;
    while (buffer.hasRemaining()) {
      int read = channel.read(buffer, at);
      if (read < 0) {
        throw new IOException("unexpected end of file at byte offset " + at);
      }
      at += read;
    }
  }
}
