package org.annotationkit.formats.nlp;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.annotationkit.formats.internal.IoMessages;

/**
 * The lines of a UTF-8 input as ranges of bytes in one large buffer, without decoding them: what
 * {@link java.io.BufferedReader#readLine} over a strict UTF-8 decoder gives, line for line, but as
 * bytes. A line ends at {@code \n}, {@code \r} or {@code \r\n} (the terminator is not part of it);
 * a last line without a terminator is a line; a byte order mark at the start of the input is
 * skipped. Each line is checked to be well-formed UTF-8 (the strict decoder's rules: no overlong
 * form, no surrogate, nothing above U+10FFFF), and whether it is all ASCII is recorded, so that
 * callers can count code points as bytes. The buffer holds at least the longest line, and is
 * reused: a line's bytes are valid until the next call of {@link #next}.
 */
final class Utf8Lines implements Closeable {
  private static final int BUFFER = 1 << 18;

  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private static final long ONES = 0x0101_0101_0101_0101L;
  private static final long HIGHS = 0x8080_8080_8080_8080L;
  private static final long LFS = ONES * '\n';
  private static final long CRS = ONES * '\r';

  private final InputStream in;
  private final String source;
  private byte[] buf;

  /**
   * The bytes read into {@link #buf} are {@code [0, limit)}; the unread ones {@code [pos, limit)}.
   */
  private int limit;

  private int pos;
  private boolean eof;

  /**
   * Whether the last line ended with {@code \r}, so that a {@code \n} right after belongs to it.
   */
  private boolean skipLf;

  private long line;
  private int start;
  private int end;
  private boolean ascii;

  Utf8Lines(InputStream in, String source) {
    this(in, source, BUFFER);
  }

  /** Lines over a buffer of the given initial size (small ones in tests, to split lines). */
  Utf8Lines(InputStream in, String source, int buffer) {
    this.in = in;
    this.source = source;
    this.buf = new byte[Math.max(1, buffer)];
  }

  /**
   * Moves to the next line.
   *
   * @return false at the end of the input
   * @throws org.annotationkit.core.io.FormatException if the line is not UTF-8
   */
  boolean next() {
    if (skipLf) {
      if (pos == limit && !eof) {
        fill();
      }
      if (pos < limit && buf[pos] == '\n') {
        pos++;
      }
      skipLf = false;
    }
    int scan = pos;
    while (true) {
      byte[] b = buf;
      int i = scan;
      int n = limit;
      long high = 0;
      // Eight bytes at a time: the lowest byte flagged by the zero-byte test of w ^ LF (or w ^ CR)
      // is the first LF (or CR); only the bytes before it count towards the ASCII test.
      while (i + 8 <= n) {
        long w = (long) LONGS.get(b, i);
        long lf = w ^ LFS;
        long cr = w ^ CRS;
        long ends = ((lf - ONES) & ~lf | (cr - ONES) & ~cr) & HIGHS;
        if (ends != 0) {
          int bits = Long.numberOfTrailingZeros(ends) & ~7;
          high |= w & ((1L << bits) - 1);
          i += bits >>> 3;
          break;
        }
        high |= w;
        i += 8;
      }
      high &= HIGHS;
      while (i < n) {
        byte c = b[i];
        if (c == '\n' || c == '\r') {
          break;
        }
        high |= c & 0x80;
        i++;
      }
      if (i < n) {
        start = pos;
        end = i;
        pos = i + 1;
        skipLf = b[i] == '\r';
        return found(high != 0 || hasHigh(scan));
      }
      if (eof) {
        if (pos == limit) {
          return false;
        }
        start = pos;
        end = limit;
        pos = limit;
        return found(high != 0 || hasHigh(scan));
      }
      int scanned = i - pos;
      fill();
      scan = pos + scanned;
    }
  }

  /**
   * Whether the bytes of the current line before {@code scan} (already looked at) are not ASCII.
   */
  private boolean hasHigh(int scan) {
    for (int i = start; i < scan; i++) {
      if (buf[i] < 0) {
        return true;
      }
    }
    return false;
  }

  private boolean found(boolean high) {
    line++;
    ascii = !high;
    if (high) {
      int bad = malformed(buf, start, end);
      if (bad >= 0) {
        throw Texts.at(
            source,
            line,
            "the file is not UTF-8: Input length = " + malformedLength(buf, bad, end));
      }
      if (line == 1
          && end - start >= 3
          && buf[start] == (byte) 0xEF
          && buf[start + 1] == (byte) 0xBB
          && buf[start + 2] == (byte) 0xBF) {
        start += 3;
        ascii = firstHigh(buf, start, end) < 0;
      }
    }
    return true;
  }

  /** Keeps the unread bytes, moved to the start of the buffer (grown when full), and reads more. */
  private void fill() {
    int kept = limit - pos;
    if (pos > 0) {
      System.arraycopy(buf, pos, buf, 0, kept);
    } else if (kept == buf.length) {
      buf = Arrays.copyOf(buf, buf.length * 2);
    }
    pos = 0;
    limit = kept;
    try {
      while (limit < buf.length) {
        int read = in.read(buf, limit, buf.length - limit);
        if (read < 0) {
          eof = true;
          return;
        }
        limit += read;
        if (read == 0) {
          return;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + source + ": " + IoMessages.reason(e), e);
    }
  }

  /** The buffer that holds the current line. */
  byte[] buffer() {
    return buf;
  }

  /** The first byte of the current line (after a byte order mark on the first line). */
  int start() {
    return start;
  }

  /** The byte after the current line, before its terminator. */
  int end() {
    return end;
  }

  /** Whether the current line is all ASCII, one byte per code point. */
  boolean ascii() {
    return ascii;
  }

  /** The 1-based number of the current line. */
  long line() {
    return line;
  }

  @Override
  public void close() {
    try {
      in.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot close " + source + ": " + IoMessages.reason(e), e);
    }
  }

  /** The index of the first byte that is not ASCII in {@code [from, to)}, or -1. */
  private static int firstHigh(byte[] b, int from, int to) {
    for (int i = from; i < to; i++) {
      if (b[i] < 0) {
        return i;
      }
    }
    return -1;
  }

  /**
   * The index of the first byte in {@code [from, to)} that starts an ill-formed UTF-8 sequence
   * (Unicode's table 3-7, as Java's decoder reads it), or -1 if the range is well-formed.
   */
  static int malformed(byte[] b, int from, int to) {
    int i = from;
    while (i < to) {
      int c = b[i];
      if (c >= 0) {
        i++;
        continue;
      }
      int length = sequenceLength(b, i, to);
      if (length < 0) {
        return i;
      }
      i += length;
    }
    return -1;
  }

  /** The length of the well-formed sequence that starts at {@code i}, or -1 if it is ill-formed. */
  private static int sequenceLength(byte[] b, int i, int to) {
    int c = b[i] & 0xFF;
    if (c < 0xC2 || c > 0xF4) {
      return -1;
    }
    if (i + 1 >= to) {
      return -1;
    }
    int c1 = b[i + 1] & 0xFF;
    if (c < 0xE0) {
      return (c1 & 0xC0) == 0x80 ? 2 : -1;
    }
    int low = 0x80;
    int high = 0xBF;
    if (c == 0xE0) {
      low = 0xA0;
    } else if (c == 0xED) {
      high = 0x9F;
    } else if (c == 0xF0) {
      low = 0x90;
    } else if (c == 0xF4) {
      high = 0x8F;
    }
    if (c1 < low || c1 > high) {
      return -1;
    }
    int length = c < 0xF0 ? 3 : 4;
    if (i + length > to) {
      return -1;
    }
    for (int k = 2; k < length; k++) {
      if ((b[i + k] & 0xC0) != 0x80) {
        return -1;
      }
    }
    return length;
  }

  /** How many bytes the decoder reports as malformed at {@code i}: those of the broken prefix. */
  private static int malformedLength(byte[] b, int i, int to) {
    int c = b[i] & 0xFF;
    if (c < 0xC2 || c > 0xF4 || i + 1 >= to) {
      return 1;
    }
    int length = 1;
    int c1 = b[i + 1] & 0xFF;
    boolean secondOk =
        (c1 & 0xC0) == 0x80
            && !(c == 0xE0 && c1 < 0xA0)
            && !(c == 0xED && c1 > 0x9F)
            && !(c == 0xF0 && c1 < 0x90)
            && !(c == 0xF4 && c1 > 0x8F);
    if (!secondOk) {
      return length;
    }
    length++;
    int full = c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    while (length < full && i + length < to && (b[i + length] & 0xC0) == 0x80) {
      length++;
    }
    return length;
  }
}
