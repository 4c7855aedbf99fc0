package org.annotationkit.formats.yolo;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A scratch file of byte runs appended in one phase and read back at random in the next: the label
 * lines of an ungrouped source, kept out of the heap until each image's file is written.
 *
 * <p>Appends go through a buffer of {@value #BUFFER} bytes, so that a source of a million small
 * entries costs a few hundred writes, not a million. Reads map the file into memory (outside the
 * heap) in windows of up to {@value #WINDOW} bytes, so a read is a copy, not a system call; where a
 * file cannot be mapped, and on Windows (where a mapped file cannot be deleted until the mapping is
 * collected, and the spool lives in the output folder), reads are positional reads of the file. The
 * file is deleted when the spool is closed.
 */
final class Spool implements Closeable {
  /** The append buffer's size. */
  static final int BUFFER = 1 << 20;

  /** The largest part of the file mapped at once. */
  static final long WINDOW = 1L << 30;

  private static final boolean MAP =
      !System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");

  private final FileChannel channel;
  private final ByteBuffer buffer = ByteBuffer.allocate(BUFFER);
  private final boolean map;
  private long size;
  private long flushed;
  private List<MappedByteBuffer> windows = List.of();
  private boolean reading;

  private Spool(FileChannel channel, boolean map) {
    this.channel = channel;
    this.map = map;
  }

  /**
   * Creates the spool's file, which must not exist.
   *
   * @param file the file
   * @return the spool
   * @throws IOException if the file cannot be created
   */
  static Spool create(Path file) throws IOException {
    return create(file, MAP);
  }

  /** For tests: a spool that maps its file to read it, or one that reads it. */
  static Spool create(Path file, boolean map) throws IOException {
    return new Spool(
        FileChannel.open(
            file,
            StandardOpenOption.CREATE_NEW,
            StandardOpenOption.READ,
            StandardOpenOption.WRITE,
            StandardOpenOption.DELETE_ON_CLOSE),
        map);
  }

  /**
   * Appends bytes.
   *
   * @param bytes the bytes
   * @return the offset at which they start
   * @throws IOException if writing fails
   * @throws IllegalStateException once reading has begun
   */
  long append(byte[] bytes) throws IOException {
    if (reading) {
      throw new IllegalStateException("the spool is being read");
    }
    long at = size;
    int from = 0;
    while (from < bytes.length) {
      if (!buffer.hasRemaining()) {
        flush();
      }
      int n = Math.min(buffer.remaining(), bytes.length - from);
      buffer.put(bytes, from, n);
      from += n;
    }
    size += bytes.length;
    return at;
  }

  /**
   * The number of bytes appended.
   *
   * @return the size
   */
  long size() {
    return size;
  }

  /**
   * Reads {@code into.remaining()} bytes from {@code offset} into {@code into}; the first read ends
   * the appending.
   *
   * @param offset where in the spool to start
   * @param into where the bytes go, filled to its limit
   * @throws IOException if reading fails, or the spool holds fewer bytes
   */
  void read(long offset, ByteBuffer into) throws IOException {
    if (!reading) {
      flush();
      reading = true;
      if (map && size > 0) {
        windows = mapAll();
      }
    }
    if (offset < 0 || offset + into.remaining() > size) {
      throw new IOException(
          "the spool holds " + size + " bytes, not " + into.remaining() + " at " + offset);
    }
    if (!windows.isEmpty()) {
      long at = offset;
      while (into.hasRemaining()) {
        MappedByteBuffer window = windows.get((int) (at / WINDOW));
        int start = (int) (at % WINDOW);
        int n = Math.min(into.remaining(), window.limit() - start);
        into.put(into.position(), window, start, n);
        into.position(into.position() + n);
        at += n;
      }
      return;
    }
    long at = offset;
    while (into.hasRemaining()) {
      int read = channel.read(into, at);
      if (read < 0) {
        throw new IOException("the spool is cut short");
      }
      at += read;
    }
  }

  private List<MappedByteBuffer> mapAll() throws IOException {
    List<MappedByteBuffer> all = new ArrayList<>();
    try {
      for (long start = 0; start < size; start += WINDOW) {
        all.add(channel.map(FileChannel.MapMode.READ_ONLY, start, Math.min(WINDOW, size - start)));
      }
    } catch (IOException | UnsupportedOperationException e) {
      // Mapping is a speed-up only: read the file instead.
      System.getLogger(Spool.class.getName())
          .log(System.Logger.Level.DEBUG, "cannot map the spool, reading it instead", e);
      return List.of();
    }
    return all;
  }

  private void flush() throws IOException {
    buffer.flip();
    while (buffer.hasRemaining()) {
      flushed += channel.write(buffer, flushed);
    }
    buffer.clear();
  }

  @Override
  public void close() throws IOException {
    windows = List.of();
    channel.close();
  }
}
