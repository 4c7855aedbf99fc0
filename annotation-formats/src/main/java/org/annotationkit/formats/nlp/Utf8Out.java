package org.annotationkit.formats.nlp;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.MalformedInputException;

/**
 * A UTF-8 writer into one byte buffer: characters are encoded as they are appended (ASCII one byte
 * each, without a call per character), and the buffer goes to the stream when full. An unpaired
 * surrogate fails as a strict encoder fails, with a {@link MalformedInputException}.
 */
final class Utf8Out implements Closeable {
  private static final int BUFFER = 1 << 16;

  private final OutputStream out;
  private final byte[] buf = new byte[BUFFER];
  private int size;

  Utf8Out(OutputStream out) {
    this.out = out;
  }

  /** Appends an ASCII character. */
  void ascii(char c) throws IOException {
    if (size == buf.length) {
      flushBuffer();
    }
    buf[size++] = (byte) c;
  }

  /** Appends a whole string. */
  void write(String text) throws IOException {
    write(text, 0, text.length());
  }

  /** Appends the UTF-16 units {@code [from, to)} of a string. */
  void write(String text, int from, int to) throws IOException {
    int i = from;
    while (i < to) {
      // ASCII runs: as many as the buffer holds, one byte each.
      int room = buf.length - size;
      if (room < 4) {
        flushBuffer();
        room = buf.length;
      }
      int stop = Math.min(to, i + room - 3);
      byte[] b = buf;
      int n = size;
      while (i < stop) {
        char c = text.charAt(i);
        if (c >= 0x80) {
          break;
        }
        b[n++] = (byte) c;
        i++;
      }
      size = n;
      if (i < stop) {
        i = encode(text, i, to);
      }
    }
  }

  /** Encodes the character at {@code i} (not ASCII; room for 4 bytes); returns the index after. */
  private int encode(String text, int i, int to) throws IOException {
    char c = text.charAt(i);
    byte[] b = buf;
    if (c < 0x800) {
      b[size++] = (byte) (0xC0 | c >> 6);
      b[size++] = (byte) (0x80 | (c & 0x3F));
      return i + 1;
    }
    if (!Character.isSurrogate(c)) {
      b[size++] = (byte) (0xE0 | c >> 12);
      b[size++] = (byte) (0x80 | (c >> 6 & 0x3F));
      b[size++] = (byte) (0x80 | (c & 0x3F));
      return i + 1;
    }
    if (Character.isHighSurrogate(c)
        && i + 1 < to
        && Character.isLowSurrogate(text.charAt(i + 1))) {
      int cp = Character.toCodePoint(c, text.charAt(i + 1));
      b[size++] = (byte) (0xF0 | cp >> 18);
      b[size++] = (byte) (0x80 | (cp >> 12 & 0x3F));
      b[size++] = (byte) (0x80 | (cp >> 6 & 0x3F));
      b[size++] = (byte) (0x80 | (cp & 0x3F));
      return i + 2;
    }
    throw new MalformedInputException(1);
  }

  private void flushBuffer() throws IOException {
    if (size > 0) {
      out.write(buf, 0, size);
      size = 0;
    }
  }

  @Override
  public void close() throws IOException {
    try (OutputStream stream = out) {
      flushBuffer();
    }
  }
}
