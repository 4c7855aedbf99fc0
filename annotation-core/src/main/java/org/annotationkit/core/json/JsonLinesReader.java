package org.annotationkit.core.json;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.annotationkit.core.io.FormatException;

/**
 * Reads JSON Lines one record at a time: each non-blank line holds one record of compact JSON. Only
 * the current line is in memory, so inputs of any length stream through. Get one from {@link
 * JsonCodec#readLines(Reader, String)} or {@link JsonCodec#readLines(java.nio.file.Path)}.
 *
 * <p>Lines are ended by {@code \n}, {@code \r\n} or {@code \r}; lines holding only spaces and tabs
 * are skipped; a byte order mark at the very start is ignored. A malformed line raises a {@link
 * FormatException} from {@link #next()} whose line is the line's number in the input (counting the
 * blank lines) and whose column and pointer are within the line. The line is consumed all the same,
 * so a caller that wants to skip bad records can catch the exception and go on.
 *
 * <p>Not thread-safe. I/O failures raise {@link UncheckedIOException}.
 *
 * @param <T> the type of the values
 * @since 0.1.0
 */
public final class JsonLinesReader<T> implements Iterator<T>, Closeable {
  private static final char BYTE_ORDER_MARK = '\uFEFF';

  private final JsonCodec<T> codec;
  private final LineSource in;
  private final Optional<String> source;

  private long linesRead;
  private long recordLine;
  // The line read ahead by hasNext(), as a range of in.chars(); valid until the next readLine().
  private boolean pending;
  private int pendingStart;
  private int pendingLength;
  private long pendingLine;
  private boolean closed;

  /** Reads lines of text from a reader. */
  JsonLinesReader(JsonCodec<T> codec, Reader in, String source) {
    this.codec = codec;
    this.in = new CharLines(in);
    this.source = Optional.of(source);
  }

  /** Reads lines of UTF-8 bytes, decoding each line alone so that bad bytes name their line. */
  JsonLinesReader(JsonCodec<T> codec, InputStream in, String source) {
    this.codec = codec;
    this.in = new Utf8Lines(in);
    this.source = Optional.of(source);
  }

  /**
   * Whether another record follows; reads ahead to the next non-blank line.
   *
   * @return true if {@link #next()} has a record to read
   * @throws UncheckedIOException if the input fails
   * @throws IllegalStateException if the reader is closed
   */
  @Override
  public boolean hasNext() {
    if (pending) {
      return true;
    }
    if (closed) {
      throw new IllegalStateException("the reader is closed");
    }
    while (true) {
      if (!readPhysicalLine()) {
        return false;
      }
      char[] chars = in.chars();
      int length = in.length();
      int start = 0;
      if (linesRead == 1 && length > 0 && chars[0] == BYTE_ORDER_MARK) {
        start = 1;
      }
      if (!isBlank(chars, start, length)) {
        pending = true;
        pendingStart = start;
        pendingLength = length - start;
        pendingLine = linesRead;
        return true;
      }
    }
  }

  /** Reads the next physical line into {@link LineSource#chars()}; false at the end. */
  private boolean readPhysicalLine() {
    try {
      return in.readLine();
    } catch (CharacterCodingException e) {
      if (in.exactLines()) {
        throw JsonCodec.readFailure(e, source, in.lines());
      }
      throw FormatException.at(
          "the input is not UTF-8 text after line " + linesRead + " (" + e + ")",
          new FormatException.Location(source, 0, 0, Optional.empty()),
          e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      linesRead = in.lines();
    }
  }

  private static boolean isBlank(char[] chars, int start, int end) {
    for (int i = start; i < end; i++) {
      char c = chars[i];
      if (c != ' ' && c != '\t') {
        return false;
      }
    }
    return true;
  }

  /**
   * Reads the next record.
   *
   * @return its value
   * @throws NoSuchElementException if there is no more record
   * @throws FormatException if the line is not one valid record; the line is consumed
   * @throws UncheckedIOException if the input fails
   */
  @Override
  public T next() {
    if (!hasNext()) {
      throw new NoSuchElementException("no more records after line " + linesRead);
    }
    pending = false;
    recordLine = pendingLine;
    return codec.readLine(in.chars(), pendingStart, pendingLength, source, recordLine);
  }

  /**
   * The line number (1-based, counting blank lines) of the record last read by {@link #next()},
   * whether it was returned or refused with a {@link FormatException}; 0 before the first.
   *
   * @return the line number
   */
  public long lineNumber() {
    return recordLine;
  }

  /**
   * The remaining records as a sequential stream; closing the stream closes this reader.
   *
   * @return the records
   */
  public Stream<T> stream() {
    return StreamSupport.stream(
            Spliterators.spliteratorUnknownSize(this, Spliterator.ORDERED | Spliterator.NONNULL),
            false)
        .onClose(this::close);
  }

  /**
   * Closes the underlying reader. Closing twice does nothing.
   *
   * @throws UncheckedIOException if closing fails
   */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    pending = false;
    try {
      in.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Where lines come from: one line at a time, in a buffer that the next line reuses. */
  private sealed interface LineSource extends Closeable permits CharLines, Utf8Lines {
    /** Reads the next line, without its terminator, into {@link #chars()}; false at the end. */
    boolean readLine() throws IOException;

    /** The characters of the line last read, from index 0 to {@link #length()}. */
    char[] chars();

    /** The number of characters of the line last read. */
    int length();

    /** The number of lines consumed so far, including one that failed to decode. */
    long lines();

    /** Whether a decoding failure belongs to the line just consumed. */
    boolean exactLines();
  }

  /**
   * Lines of an already decoded text, ended by {@code \n}, {@code \r\n} or {@code \r} (as {@link
   * java.io.BufferedReader#readLine()} ends them).
   */
  private static final class CharLines implements LineSource {
    private final Reader in;
    private final char[] buffer = new char[8192];
    private int position;
    private int limit;
    private char[] line = new char[256];
    private int length;
    private boolean skipLineFeed;
    private boolean ended;
    private long lines;

    CharLines(Reader in) {
      this.in = in;
    }

    @Override
    public boolean readLine() throws IOException {
      length = 0;
      boolean any = false;
      while (true) {
        if (position == limit) {
          if (ended || !fill()) {
            ended = true;
            if (!any) {
              return false;
            }
            break;
          }
        }
        if (skipLineFeed) {
          skipLineFeed = false;
          if (buffer[position] == '\n') {
            position++;
            continue;
          }
        }
        any = true;
        int start = position;
        int end = start;
        char c = 0;
        while (end < limit) {
          c = buffer[end];
          if (c == '\n' || c == '\r') {
            break;
          }
          end++;
        }
        append(start, end);
        if (end < limit) {
          position = end + 1;
          skipLineFeed = c == '\r';
          break;
        }
        position = end;
      }
      lines++;
      return true;
    }

    private void append(int start, int end) {
      int n = end - start;
      if (length + n > line.length) {
        line = Arrays.copyOf(line, Math.max(line.length * 2, length + n));
      }
      System.arraycopy(buffer, start, line, length, n);
      length += n;
    }

    private boolean fill() throws IOException {
      int n = in.read(buffer, 0, buffer.length);
      while (n == 0) {
        n = in.read(buffer, 0, buffer.length);
      }
      if (n < 0) {
        return false;
      }
      position = 0;
      limit = n;
      return true;
    }

    @Override
    public char[] chars() {
      return line;
    }

    @Override
    public int length() {
      return length;
    }

    @Override
    public long lines() {
      return lines;
    }

    @Override
    public boolean exactLines() {
      return false;
    }

    @Override
    public void close() throws IOException {
      in.close();
    }
  }

  /**
   * Lines of UTF-8 bytes, ended by {@code \n}, {@code \r\n} or {@code \r}; each decoded alone and
   * strictly.
   */
  private static final class Utf8Lines implements LineSource {
    private final InputStream in;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder();
    private final byte[] buffer = new byte[64 * 1024];
    private int position;
    private int limit;
    private byte[] line = new byte[256];
    private char[] chars = new char[256];
    private int charLength;
    private boolean skipLineFeed;
    private boolean ended;
    private long lines;

    Utf8Lines(InputStream in) {
      this.in = in;
    }

    @Override
    public boolean readLine() throws IOException {
      int length = 0;
      boolean any = false;
      charLength = 0;
      while (true) {
        if (position == limit) {
          if (ended || !fill()) {
            ended = true;
            if (!any) {
              return false;
            }
            break;
          }
        }
        byte b = buffer[position++];
        if (skipLineFeed) {
          skipLineFeed = false;
          if (b == '\n') {
            continue;
          }
        }
        any = true;
        if (b == '\n') {
          break;
        }
        if (b == '\r') {
          skipLineFeed = true;
          break;
        }
        if (length == line.length) {
          line = Arrays.copyOf(line, length * 2);
        }
        line[length++] = b;
      }
      lines++;
      decode(length);
      return true;
    }

    /**
     * Decodes the line's bytes strictly into {@link #chars}, which has room for them all: UTF-8
     * never gives more characters than bytes. Throws what {@link CharsetDecoder#decode(ByteBuffer)}
     * throws.
     */
    private void decode(int length) throws CharacterCodingException {
      if (chars.length < length) {
        chars = new char[Math.max(chars.length * 2, length)];
      }
      CharBuffer out = CharBuffer.wrap(chars);
      decoder.reset();
      CoderResult result = decoder.decode(ByteBuffer.wrap(line, 0, length), out, true);
      if (result.isUnderflow()) {
        result = decoder.flush(out);
      }
      if (!result.isUnderflow()) {
        result.throwException();
      }
      charLength = out.position();
    }

    private boolean fill() throws IOException {
      int n = in.read(buffer);
      while (n == 0) {
        n = in.read(buffer);
      }
      if (n < 0) {
        return false;
      }
      position = 0;
      limit = n;
      return true;
    }

    @Override
    public char[] chars() {
      return chars;
    }

    @Override
    public int length() {
      return charLength;
    }

    @Override
    public long lines() {
      return lines;
    }

    @Override
    public boolean exactLines() {
      return true;
    }

    @Override
    public void close() throws IOException {
      in.close();
    }
  }
}
