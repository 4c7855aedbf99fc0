package org.annotationkit.core.json;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.CharBuffer;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CoderResult;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import org.annotationkit.core.io.FormatException;

/**
 * The UTF-8 bytes of a JSON Lines input, handed to one jackson-core byte parser as an {@link
 * InputStream}, with what that parser cannot do itself: checking that the bytes are UTF-8
 * (strictly, as {@link java.nio.charset.CharsetDecoder} does: no overlong forms, no surrogates,
 * nothing above U+10FFFF), and keeping the bytes of the current record's line so that the reader
 * can find where the next line starts after a bad record, start a new parser there, and turn the
 * parser's byte columns into character columns.
 *
 * <p>The bytes from the {@linkplain #mark(long) mark} on are kept; the ones before it may be
 * dropped. Offsets are counted from the start of the input, byte order mark included. The parser is
 * only ever given bytes that are valid UTF-8: at the first invalid byte the stream ends for it,
 * {@link #invalidOffset()} says where, and the reader reports it once the parser has used up the
 * bytes before it.
 */
abstract sealed class LineInput extends InputStream permits LineInput.Bytes, LineInput.Text {
  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long HIGH_BITS = 0x8080808080808080L;

  /** The least room a read from the source is given: enough for any character's bytes. */
  private static final int MIN_READ = 16;

  private byte[] buffer = new byte[64 * 1024];

  /** The input offset of {@code buffer[0]}. */
  private long base;

  /** The index of the mark: bytes before it are not needed any more. */
  private int keep;

  /** The index of the next byte to give the parser. */
  private int handed;

  /** The bytes before this index are checked: valid UTF-8, or {@link #invalid} is at it. */
  private int checked;

  /** The bytes before this index were read from the source. */
  private int filled;

  private boolean ended;

  /** The index of the first invalid byte, or -1. */
  private int invalid = -1;

  private boolean started;

  private final byte[] one = new byte[1];

  /** Bytes read from an input stream, which must be UTF-8. */
  static final class Bytes extends LineInput {
    private final InputStream in;

    Bytes(InputStream in) {
      this.in = in;
    }

    @Override
    int readSource(byte[] into, int offset, int length) throws IOException {
      return in.read(into, offset, length);
    }

    @Override
    boolean isText() {
      return false;
    }

    @Override
    public void close() throws IOException {
      in.close();
    }
  }

  /**
   * Characters read from a reader, encoded to UTF-8 as they come; a lone surrogate becomes the
   * invalid byte {@code 0xFF}, which is reported like bad bytes of a file.
   */
  static final class Text extends LineInput {
    private final Reader in;
    private final CharsetEncoder encoder = StandardCharsets.UTF_8.newEncoder();
    private final CharBuffer chars = CharBuffer.allocate(8192);
    private boolean charsEnded;

    Text(Reader in) {
      this.in = in;
      chars.flip();
    }

    @Override
    int readSource(byte[] into, int offset, int length) throws IOException {
      ByteBuffer out = ByteBuffer.wrap(into, offset, length);
      while (out.position() == offset) {
        if (chars.remaining() < 2) {
          var unused = refill();
        }
        if (charsEnded && !chars.hasRemaining()) {
          return -1;
        }
        CoderResult result = encoder.encode(chars, out, charsEnded);
        if (result.isError()) {
          // a lone surrogate: one invalid byte in its place
          chars.position(chars.position() + result.length());
          out.put((byte) 0xFF);
        } else if (result.isOverflow() && out.position() == offset) {
          throw new IllegalStateException("no room for one character");
        }
      }
      return out.position() - offset;
    }

    /** Reads more characters; false at the end of the reader. */
    private boolean refill() throws IOException {
      if (charsEnded) {
        return false;
      }
      chars.compact();
      int n = in.read(chars);
      while (n == 0) {
        n = in.read(chars);
      }
      chars.flip();
      if (n < 0) {
        charsEnded = true;
        return false;
      }
      return true;
    }

    @Override
    boolean isText() {
      return true;
    }

    @Override
    public void close() throws IOException {
      in.close();
    }
  }

  /** Reads up to {@code length} bytes from the source into the array; -1 at its end. */
  abstract int readSource(byte[] into, int offset, int length) throws IOException;

  /** Whether the input is text (a reader), so that bad input is a lone surrogate, not bad bytes. */
  abstract boolean isText();

  // ------------------------------------------------------------------ the parser's side

  @Override
  public int read() throws IOException {
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0] & 0xFF;
  }

  @Override
  public int read(byte[] into, int offset, int length) throws IOException {
    if (length == 0) {
      return 0;
    }
    if (!started) {
      start();
    }
    while (handed == checked) {
      if (invalid >= 0 || !more()) {
        return -1;
      }
    }
    int n = Math.min(length, checked - handed);
    System.arraycopy(buffer, handed, into, offset, n);
    handed += n;
    return n;
  }

  /** Skips a UTF-8 byte order mark at the very start. */
  private void start() throws IOException {
    started = true;
    while (filled < 3 && !ended) {
      fill();
    }
    if (filled >= 3
        && buffer[0] == (byte) 0xEF
        && buffer[1] == (byte) 0xBB
        && buffer[2] == (byte) 0xBF) {
      handed = 3;
      checked = 3;
      keep = 3;
    }
  }

  /**
   * Checks more bytes, reading them first if need be.
   *
   * @return false at the end of the input with nothing more to check
   */
  private boolean more() throws IOException {
    if (checked == filled || incompleteAtEnd()) {
      if (ended) {
        if (checked < filled) {
          invalid = checked; // a sequence cut short by the end of the input
          return true;
        }
        return false;
      }
      fill();
    }
    check();
    return true;
  }

  /** Whether what is left unchecked is the start of a sequence that more bytes could complete. */
  private boolean incompleteAtEnd() {
    return checked < filled && filled - checked < 4 && sequenceEnd(checked, filled) == -2;
  }

  /** Reads more bytes from the source, making room first. */
  private void fill() throws IOException {
    if (buffer.length - filled < MIN_READ) {
      if (keep > 0) {
        int shift = keep;
        System.arraycopy(buffer, shift, buffer, 0, filled - shift);
        base += shift;
        keep = 0;
        handed -= shift;
        checked -= shift;
        filled -= shift;
        if (invalid >= 0) {
          invalid -= shift;
        }
      }
      if (filled > buffer.length / 2) {
        buffer = Arrays.copyOf(buffer, buffer.length * 2);
      }
    }
    int n = readSource(buffer, filled, buffer.length - filled);
    while (n == 0) {
      n = readSource(buffer, filled, buffer.length - filled);
    }
    if (n < 0) {
      ended = true;
    } else {
      filled += n;
    }
  }

  /** Checks the bytes from {@link #checked} to {@link #filled}, stopping at an invalid one. */
  private void check() {
    int i = checked;
    int end = filled;
    byte[] b = buffer;
    while (i < end) {
      if (i + 8 <= end && ((long) LONGS.get(b, i) & HIGH_BITS) == 0) {
        i += 8;
        continue;
      }
      if (b[i] >= 0) {
        i++;
        continue;
      }
      int next = sequenceEnd(i, end);
      if (next == -2) {
        if (ended) {
          invalid = i;
        }
        break;
      }
      if (next < 0) {
        invalid = i;
        break;
      }
      i = next;
    }
    checked = i;
  }

  /**
   * The end of the UTF-8 sequence of more than one byte that starts at {@code i}: -1 if it is
   * invalid, -2 if it may be valid but {@code end} cuts it short.
   */
  private int sequenceEnd(int i, int end) {
    byte[] b = buffer;
    int lead = b[i] & 0xFF;
    int length;
    int low = 0x80;
    int high = 0xBF;
    if (lead < 0x80) {
      return i + 1;
    } else if (lead >= 0xC2 && lead <= 0xDF) {
      length = 2;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
      length = 3;
      if (lead == 0xE0) {
        low = 0xA0;
      } else if (lead == 0xED) {
        high = 0x9F;
      }
    } else if (lead >= 0xF0 && lead <= 0xF4) {
      length = 4;
      if (lead == 0xF0) {
        low = 0x90;
      } else if (lead == 0xF4) {
        high = 0x8F;
      }
    } else {
      return -1;
    }
    for (int k = 1; k < length; k++) {
      if (i + k >= end) {
        return -2;
      }
      int c = b[i + k] & 0xFF;
      if (c < low || c > high) {
        return -1;
      }
      low = 0x80;
      high = 0xBF;
    }
    return i + length;
  }

  // ------------------------------------------------------------------ the reader's side

  /**
   * Keeps the bytes from this offset on (the start of the current record's line); the ones before
   * it may be dropped.
   */
  final void mark(long offset) {
    int index = (int) (offset - base);
    if (index > keep && index <= filled) {
      keep = index;
    }
  }

  /** The offset of the first invalid byte, or -1 while none has been found. */
  final long invalidOffset() {
    return invalid < 0 ? -1 : base + invalid;
  }

  /** The invalid byte at {@link #invalidOffset()}, 0 to 255. */
  final int invalidByte() {
    return buffer[invalid] & 0xFF;
  }

  /**
   * Where the line after the one that starts at {@code lineStart} starts: after its next {@code
   * \n}, {@code \r\n} or {@code \r}, or at the end of the input. Reads on as far as needed.
   */
  final long nextLineStart(long lineStart) throws IOException {
    int i = Math.max((int) (lineStart - base), keep);
    while (true) {
      while (i < filled) {
        byte c = buffer[i];
        if (c == '\n') {
          return base + i + 1;
        }
        if (c == '\r') {
          if (i + 1 == filled && !ended) {
            long at = base + i;
            fill();
            i = (int) (at - base);
          }
          return base + i + (i + 1 < filled && buffer[i + 1] == '\n' ? 2 : 1);
        }
        i++;
      }
      if (ended) {
        return base + filled;
      }
      long at = base + i;
      fill();
      i = (int) (at - base);
    }
  }

  /**
   * Makes {@code offset}, the start of a line at or after the mark, the next byte to hand out to a
   * new parser; forgets an invalid byte before it.
   */
  final void restartAt(long offset) {
    int index = (int) (offset - base);
    keep = index;
    handed = index;
    checked = index;
    invalid = -1;
  }

  /**
   * The 1-based column, counted in UTF-16 characters, of the byte at {@code offset} on the line
   * that starts at {@code lineStart}; 0 if those bytes are no longer kept.
   */
  final long charColumn(long lineStart, long offset) {
    int from = (int) (lineStart - base);
    int to = (int) (offset - base);
    if (from < 0 || to > filled || from > to) {
      return 0;
    }
    long column = 1;
    for (int i = from; i < to; i++) {
      int c = buffer[i] & 0xFF;
      if (c < 0x80 || c >= 0xC0) {
        column += c >= 0xF0 ? 2 : 1;
      }
    }
    return column;
  }

  /** The line (counted from {@code line} at {@code lineStart}) on which the byte at offset is. */
  final long lineOf(long lineStart, long line, long offset) {
    int from = Math.max((int) (lineStart - base), 0);
    int to = (int) Math.min(offset - base, filled);
    long n = line;
    for (int i = from; i < to; i++) {
      byte c = buffer[i];
      if (c == '\n' || (c == '\r' && !(i + 1 < filled && buffer[i + 1] == '\n'))) {
        n++;
      }
    }
    return n;
  }

  /** The start of the line on which the byte at {@code offset} is, searching back to the mark. */
  final long lineStartOf(long offset) {
    int i = (int) Math.min(offset - base, filled);
    while (i > keep) {
      byte c = buffer[i - 1];
      if (c == '\n' || c == '\r') {
        break;
      }
      i--;
    }
    return base + i;
  }

  /**
   * The error for the first invalid byte, at its line and column, counting lines from a line start
   * that is still kept ({@code lineStart} of line {@code line}), with the pointer of the value that
   * the parser was reading when the bytes ran out.
   */
  final FormatException notUtf8(
      Optional<String> source, long lineStart, long line, String pointer) {
    long offset = invalidOffset();
    long invalidLine = lineOf(lineStart, line, offset);
    long column = charColumn(lineStartOf(offset), offset);
    String problem =
        isText()
            ? "the text holds a lone surrogate (half of a UTF-16 pair), which JSON text in UTF-8"
                + " cannot hold"
            : String.format(
                Locale.ROOT,
                "the input is not UTF-8 text: byte 0x%02X at byte offset %d is not valid UTF-8"
                    + " (is the file in another encoding, such as Latin-1? save it as UTF-8)",
                invalidByte(),
                offset);
    // The cause says what kind of failure this is (the bytes are not text), as the JDK's decoder
    // would have said it.
    return FormatException.at(
        problem,
        new FormatException.Location(source, invalidLine, column, Optional.of(pointer)),
        new MalformedInputException(1));
  }
}
