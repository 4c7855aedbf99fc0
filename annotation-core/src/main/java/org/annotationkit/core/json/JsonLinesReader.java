package org.annotationkit.core.json;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.annotationkit.core.internal.IoProblems;
import org.annotationkit.core.io.FormatException;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.JacksonIOException;

/**
 * Reads JSON Lines one record at a time: each non-blank line holds one record of compact JSON. The
 * input streams through in constant memory (the current line and a buffer). Get one from {@link
 * JsonCodec#readLines(Reader, String)} or {@link JsonCodec#readLines(java.nio.file.Path)}.
 *
 * <p>Lines are ended by {@code \n}, {@code \r\n} or {@code \r}; lines holding only spaces and tabs
 * are skipped; a byte order mark at the very start is ignored. One record per line is the rule: a
 * record that goes on past the end of its line (a pretty-printed file, or a line cut short) is an
 * error ("expected one record per line"), and so is anything after the record on its line. A
 * malformed line raises a {@link FormatException} from {@link #next()} whose line is the line's
 * number in the input (counting the blank lines), whose column is within the line (in characters)
 * and whose pointer is within the record. The line is consumed all the same, so a caller that wants
 * to skip bad records can catch the exception and go on with the next line.
 *
 * <p>A file is read as UTF-8, strictly: a byte that is not UTF-8 is reported at its line, column
 * and byte offset, and the reading goes on with the next line.
 *
 * <p>Not thread-safe. I/O failures raise {@link UncheckedIOException}.
 *
 * @param <T> the type of the values
 * @since 0.1.0
 */
public final class JsonLinesReader<T> implements Iterator<T>, Closeable {
  // How it works: one jackson-core UTF-8 byte parser reads the records one after the other from a
  // LineInput, and the line numbers come from the parser's locations. After a bad record the
  // parser's state is of no use; a new parser starts at the next line, whose bytes LineInput kept.

  private final RecordReader<T> codec;
  private final LineInput input;
  private final Optional<String> source;

  private JsonParser parser;
  private JsonIn in;

  /** The input line of the parser's first line, and the input offset of its first byte. */
  private long parserLine;

  private long parserOffset;

  /** The parser is on the first token of the next record, which is on this line. */
  private boolean peeked;

  private long peekLine;
  private long peekLineStart;
  private long peekColumn;

  /** The error that the next call of {@link #next()} raises, for a line read ahead. */
  private @Nullable FormatException pending;

  private boolean ended;
  private boolean closed;
  private long recordLine;
  private long recordColumn;

  /** Reads lines of text from a reader. */
  JsonLinesReader(RecordReader<T> codec, Reader in, String source) {
    this(codec, new LineInput.Text(in), source);
  }

  /** Reads lines of UTF-8 bytes. */
  JsonLinesReader(RecordReader<T> codec, InputStream in, String source) {
    this(codec, new LineInput.Bytes(in), source);
  }

  private JsonLinesReader(RecordReader<T> codec, LineInput input, String source) {
    this.codec = codec;
    this.input = input;
    this.source = Optional.of(source);
    this.parserLine = 1;
    this.parser = JsonEngine.parser(input);
    this.in = new JsonIn(parser, this.source, 1, input, 0);
  }

  /**
   * Whether another record (or malformed line) follows; reads ahead to the next non-blank line.
   *
   * @return true if {@link #next()} has a record to read
   * @throws UncheckedIOException if the input fails
   * @throws IllegalStateException if the reader is closed
   */
  @Override
  public boolean hasNext() {
    if (peeked || pending != null) {
      return true;
    }
    if (closed) {
      throw new IllegalStateException("the reader is closed");
    }
    if (ended) {
      return false;
    }
    try {
      // Nothing can be on the same line as a record before the first one: no error comes back.
      var unused = advance(0, 0);
    } catch (JacksonIOException e) {
      throw ioFailure(JsonCodec.ioCause(e));
    }
    return peeked || pending != null;
  }

  /**
   * Moves the parser to the first token of the next record, or to the end, after a record that
   * ended on line {@code after} (0 for none): sets {@link #peeked}, {@link #pending} or {@link
   * #ended}. Returns the error for that record's line if something follows it on the same line.
   */
  private @Nullable FormatException advance(long after, long afterLineStart) {
    JsonToken token;
    try {
      token = parser.nextToken();
    } catch (JacksonIOException e) {
      throw e;
    } catch (JacksonException e) {
      FormatException problem = in.malformed(e);
      long line = problem.line().orElse(parserLine);
      long lineStart = lineStartOf(e, problem);
      if (line == after) {
        return problem;
      }
      pending = lineFailure(problem, line, lineStart);
      return null;
    }
    if (token == null) {
      if (input.invalidOffset() >= 0) {
        long from = after > 0 ? afterLineStart : parserOffset;
        long line = after > 0 ? after : parserLine;
        FormatException invalid = notUtf8(from, line);
        if (invalid.line().orElse(0) == after) {
          return invalid;
        }
        pending = invalid;
        restart(
            invalid.line().orElse(line) + 1,
            nextLineStart(input.lineStartOf(input.invalidOffset())));
        return null;
      }
      ended = true;
      return null;
    }
    TokenStreamLocation location = parser.currentTokenLocation();
    long line = in.inputLine(location.getLineNr());
    if (line == after) {
      return in.error("expected the end of the line after the record, found " + in.found());
    }
    peeked = true;
    peekLine = line;
    peekLineStart = in.inputOffset(location.getByteOffset()) - (location.getColumnNr() - 1);
    // Only spaces and tabs come before a record on its line: its byte column is its column.
    peekColumn = location.getColumnNr();
    input.mark(peekLineStart);
    return null;
  }

  /** The input offset of the start of the line of a parser failure. */
  private long lineStartOf(JacksonException e, FormatException problem) {
    TokenStreamLocation where = e.getLocation();
    if (where == null || where.getLineNr() <= 0) {
      where = parser.currentLocation();
    }
    long offset = in.inputOffset(Math.max(where.getByteOffset(), 0));
    return problem.line().isPresent()
        ? offset - Math.max(where.getColumnNr() - 1, 0)
        : input.lineStartOf(offset);
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
      throw new NoSuchElementException("no more records after line " + recordLine);
    }
    FormatException failed = pending;
    if (failed != null) {
      pending = null;
      recordLine = failed.line().orElse(recordLine);
      recordColumn = failed.column().orElse(1);
      throw failed;
    }
    peeked = false;
    long line = peekLine;
    long lineStart = peekLineStart;
    recordLine = line;
    recordColumn = peekColumn;
    try {
      T value;
      FormatException after;
      try {
        value = codec.readRecord(in);
        TokenStreamLocation end = parser.currentTokenLocation();
        if (in.inputLine(end.getLineNr()) != line) {
          throw onePerLine(line, lineStart);
        }
        after = advance(line, lineStart);
      } catch (JacksonIOException e) {
        throw e;
      } catch (JacksonException e) {
        throw in.malformed(e);
      }
      if (after != null) {
        throw after;
      }
      return value;
    } catch (FormatException e) {
      throw recordFailure(e, line, lineStart);
    } catch (JacksonIOException e) {
      throw ioFailure(JsonCodec.ioCause(e));
    }
  }

  /**
   * The error to report for a record that failed, and a new start on the next line: bytes that are
   * not UTF-8 on its line come first, then a record that does not end on its line, then what went
   * wrong.
   */
  private FormatException recordFailure(FormatException e, long line, long lineStart) {
    FormatException reported = e;
    if (input.invalidOffset() >= 0) {
      FormatException invalid = notUtf8(lineStart, line);
      if (invalid.line().orElse(0) == line) {
        reported = invalid;
      }
    }
    if (reported == e && (e.line().orElse(line) > line || parserLineNow() > line)) {
      // The record went on past its line, whatever went wrong first: say so.
      reported = onePerLine(line, lineStart);
    }
    restart(line + 1, nextLineStart(lineStart));
    return reported;
  }

  /** The input line where the parser is now. */
  private long parserLineNow() {
    try {
      return in.inputLine(parser.currentLocation().getLineNr());
    } catch (JacksonException e) {
      return 0;
    }
  }

  /** Starts again on the line after a line that failed before its record started. */
  private FormatException lineFailure(FormatException e, long line, long lineStart) {
    FormatException reported = e;
    if (input.invalidOffset() >= 0) {
      FormatException invalid = notUtf8(lineStart, line);
      if (invalid.line().orElse(0) == line) {
        reported = invalid;
      }
    }
    restart(line + 1, nextLineStart(lineStart));
    return reported;
  }

  private FormatException onePerLine(long line, long lineStart) {
    return FormatException.at(
        "expected one record per line, but the record that starts on line "
            + line
            + " does not end on it (is the file pretty-printed JSON rather than JSON Lines, or is"
            + " the line cut short?)",
        new FormatException.Location(
            source, line, Math.max(input.charColumn(lineStart, lineStart), 1), Optional.of("")));
  }

  private FormatException notUtf8(long lineStart, long line) {
    return input.notUtf8(source, lineStart, line, in.pointer());
  }

  private long nextLineStart(long lineStart) {
    try {
      return input.nextLineStart(lineStart);
    } catch (IOException e) {
      throw ioFailure(e);
    }
  }

  /** A new parser from the start of the given line. */
  @SuppressWarnings("EmptyCatch") // a failed parser is dropped; its own failure was reported
  private void restart(long line, long offset) {
    try {
      parser.close();
    } catch (JacksonException e) {
      // closing a parser that failed: nothing of it is needed any more
    }
    input.restartAt(offset);
    parserLine = line;
    parserOffset = offset;
    parser = JsonEngine.parser(input);
    in = new JsonIn(parser, source, line, input, offset);
    peeked = false;
  }

  /** The name of the input, as given; for messages. */
  Optional<String> source() {
    return source;
  }

  private UncheckedIOException ioFailure(IOException e) {
    return IoProblems.failure("read", source.orElse("the input"), e);
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
   * The column (1-based, in characters) at which the record last read by {@link #next()} starts: 1
   * unless spaces or tabs come before it on its line; 0 before the first. With {@link
   * #lineNumber()} it gives the place of a problem found in the record later, such as a violation
   * of its schema: {@code FILE:LINE:COLUMN at POINTER}.
   *
   * @return the column
   */
  public long columnNumber() {
    return recordColumn;
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
   * Closes the underlying reader or stream. Closing twice does nothing.
   *
   * @throws UncheckedIOException if closing fails
   */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    peeked = false;
    pending = null;
    closeParser();
    try {
      input.close();
    } catch (IOException e) {
      throw ioFailure(e);
    }
  }

  @SuppressWarnings("EmptyCatch") // the parser holds nothing that must be written or released
  private void closeParser() {
    try {
      parser.close();
    } catch (JacksonException e) {
      // nothing to do: the reader is closed either way
    }
  }

  @Override
  public String toString() {
    return "JsonLinesReader[" + Objects.requireNonNull(source.orElse("?")) + "]";
  }
}
