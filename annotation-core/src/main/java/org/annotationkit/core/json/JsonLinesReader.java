package org.annotationkit.core.json;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.annotationkit.core.io.FormatException;
import org.jspecify.annotations.Nullable;

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
  private final JsonCodec<T> codec;
  private final LineSource in;
  private final Optional<String> source;

  private long linesRead;
  private long recordLine;
  private @Nullable String pending;
  private long pendingLine;
  private boolean closed;

  /** Reads lines of text from a reader. */
  JsonLinesReader(JsonCodec<T> codec, Reader in, String source) {
    this.codec = codec;
    this.in =
        new CharLines(in instanceof BufferedReader buffered ? buffered : new BufferedReader(in));
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
    if (pending != null) {
      return true;
    }
    if (closed) {
      throw new IllegalStateException("the reader is closed");
    }
    while (true) {
      String line = readPhysicalLine();
      if (line == null) {
        return false;
      }
      if (linesRead == 1 && !line.isEmpty() && line.charAt(0) == '\uFEFF') {
        line = line.substring(1);
      }
      if (!isBlank(line)) {
        pending = line;
        pendingLine = linesRead;
        return true;
      }
    }
  }

  private @Nullable String readPhysicalLine() {
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

  private static boolean isBlank(String line) {
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
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
    String line = Objects.requireNonNull(pending);
    pending = null;
    recordLine = pendingLine;
    return codec.readLine(line, source, recordLine);
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
    pending = null;
    try {
      in.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Where lines come from. */
  private sealed interface LineSource extends Closeable permits CharLines, Utf8Lines {
    /** The next line without its terminator, or null at the end. */
    @Nullable String readLine() throws IOException;

    /** The number of lines consumed so far, including one that failed to decode. */
    long lines();

    /** Whether a decoding failure belongs to the line just consumed. */
    boolean exactLines();
  }

  /** Lines of an already decoded text. */
  private static final class CharLines implements LineSource {
    private final BufferedReader in;
    private long lines;

    CharLines(BufferedReader in) {
      this.in = in;
    }

    @Override
    public @Nullable String readLine() throws IOException {
      String line = in.readLine();
      if (line != null) {
        lines++;
      }
      return line;
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
    private boolean skipLineFeed;
    private boolean ended;
    private long lines;

    Utf8Lines(InputStream in) {
      this.in = in;
    }

    @Override
    public @Nullable String readLine() throws IOException {
      int length = 0;
      boolean any = false;
      while (true) {
        if (position == limit) {
          if (ended || !fill()) {
            ended = true;
            if (!any) {
              return null;
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
      return decoder.decode(ByteBuffer.wrap(line, 0, length)).toString();
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
