package org.annotationkit.core.json;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Serial;
import java.io.Writer;

/**
 * Encodes characters as UTF-8 into a stream, and refuses a lone surrogate (half of a UTF-16 pair,
 * which UTF-8 cannot encode) with an {@link Unpaired} that says which character it was. Bytes go to
 * the stream when the buffer is full and on {@link #close()}; {@link #flush()} keeps them, so that
 * flushing a generator after each record costs no system call. Closing does not close the stream.
 */
final class Utf8Writer extends Writer {
  private final OutputStream out;
  private final byte[] buffer = new byte[64 * 1024];
  private int length;

  /** A high surrogate at the end of the last write, waiting for its low half; or -1. */
  private int high = -1;

  Utf8Writer(OutputStream out) {
    this.out = out;
  }

  /** A lone surrogate in the text. */
  static final class Unpaired extends IOException {
    @Serial private static final long serialVersionUID = 1L;

    private final char surrogate;

    Unpaired(char surrogate) {
      super(String.format(java.util.Locale.ROOT, "lone surrogate U+%04X", (int) surrogate));
      this.surrogate = surrogate;
    }

    /** The surrogate, for the message. */
    char surrogate() {
      return surrogate;
    }
  }

  @Override
  public void write(char[] chars, int offset, int count) throws IOException {
    java.util.Objects.checkFromIndexSize(offset, count, chars.length);
    int end = offset + count;
    for (int i = offset; i < end; i++) {
      encode(chars[i]);
    }
  }

  @Override
  public void write(String text, int offset, int count) throws IOException {
    java.util.Objects.checkFromIndexSize(offset, count, text.length());
    int end = offset + count;
    for (int i = offset; i < end; i++) {
      encode(text.charAt(i));
    }
  }

  @Override
  public void write(int c) throws IOException {
    encode((char) c);
  }

  private void encode(char c) throws IOException {
    if (length > buffer.length - 4) {
      drain();
    }
    if (high >= 0) {
      if (!Character.isLowSurrogate(c)) {
        throw new Unpaired((char) high);
      }
      int point = Character.toCodePoint((char) high, c);
      high = -1;
      buffer[length++] = (byte) (0xF0 | (point >> 18));
      buffer[length++] = (byte) (0x80 | ((point >> 12) & 0x3F));
      buffer[length++] = (byte) (0x80 | ((point >> 6) & 0x3F));
      buffer[length++] = (byte) (0x80 | (point & 0x3F));
    } else if (c < 0x80) {
      buffer[length++] = (byte) c;
    } else if (c < 0x800) {
      buffer[length++] = (byte) (0xC0 | (c >> 6));
      buffer[length++] = (byte) (0x80 | (c & 0x3F));
    } else if (Character.isHighSurrogate(c)) {
      high = c;
    } else if (Character.isLowSurrogate(c)) {
      throw new Unpaired(c);
    } else {
      buffer[length++] = (byte) (0xE0 | (c >> 12));
      buffer[length++] = (byte) (0x80 | ((c >> 6) & 0x3F));
      buffer[length++] = (byte) (0x80 | (c & 0x3F));
    }
  }

  private void drain() throws IOException {
    out.write(buffer, 0, length);
    length = 0;
  }

  /** Keeps the bytes in the buffer; they go out when it is full and on {@link #close()}. */
  @Override
  public void flush() {}

  /** Writes out the buffered bytes and flushes the stream, which stays open. */
  @Override
  public void close() throws IOException {
    if (high >= 0) {
      char surrogate = (char) high;
      high = -1;
      throw new Unpaired(surrogate);
    }
    drain();
    out.flush();
  }
}
