package org.annotationkit.core.table;

import com.google.errorprone.annotations.CanIgnoreReturnValue;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.annotationkit.core.internal.IoProblems;
import org.annotationkit.core.internal.Require;
import org.annotationkit.core.io.FormatException;
import org.annotationkit.core.io.FormatException.Location;

/**
 * Reads a CSV table row by row (RFC 4180), keeping only the current row in memory, so tables of any
 * length stream through. The reader is a cursor: {@link #next()} moves to the next row, and the
 * accessors read its cells.
 *
 * {@snippet :
 * try (CsvReader in = CsvReader.open(Path.of("labels.csv"))) {
 *   int[] columns = in.header().require("item", "annotator", "label");
 *   while (in.next()) {
 *     String item = in.get(columns[0]);
 *     String annotator = in.get(columns[1]);
 *     if (!in.isEmpty(columns[2])) {
 *       String label = in.get(columns[2]);
 *       // ...
 *     }
 *   }
 * }
 * }
 *
 * <p><b>What it reads.</b> UTF-8, with or without a byte order mark; cells separated by the
 * {@linkplain CsvFormat#separator() separator}; rows ended by LF, CRLF or CR, the last one with or
 * without an ending. A cell is either unquoted (anything but the separator, a quote and a line
 * break) or quoted in {@code "}, inside which separators and line breaks are content and a quote is
 * written twice. Nothing is trimmed: spaces belong to the cell (the numeric accessors alone ignore
 * spaces and tabs around a number). Empty lines are skipped; every other row must have as many
 * cells as the header (or, without a header, as the first row). An empty cell ({@code a,,c} or
 * {@code a,"",c}) is present and {@linkplain #isEmpty(int) empty}, which is how a table leaves a
 * value out; a column the header does not name is absent, which {@link CsvHeader#indexOf(String)}
 * tells.
 *
 * <p><b>Numbers.</b> {@link #getDouble(int)}, {@link #getInt(int)} and {@link #getLong(int)} parse
 * the cell's bytes where they lie, without making a string: decimals such as {@code 0.25}, {@code
 * -1.5e-3}, {@code .5}, {@code 5.} and {@code +2} (and, for doubles, {@code NaN}, {@code inf} and
 * {@code Infinity} in any case, with a sign), with the value that {@link
 * Double#parseDouble(String)} gives for the same text.
 *
 * <p><b>Errors</b> are {@link FormatException}s whose location is the file, the physical line
 * (counting the line breaks inside quoted cells) and the character column (in code points) of the
 * offending character or cell, and whose problem names the table column by number and header name:
 * {@code column 3 (score): expected a number, found 'abc'}. A row with the wrong number of cells is
 * consumed before its error is raised, and a bad number leaves the row intact, so a caller may
 * report and go on; after any other error (an unterminated quote, a stray quote, invalid UTF-8) the
 * reader is broken and {@link #next()} throws {@link IllegalStateException}.
 *
 * <p>Not thread-safe. I/O failures raise {@link UncheckedIOException}.
 *
 * @since 0.1.0
 */
public final class CsvReader implements Closeable {

  /** The buffer a reader starts with; it grows to hold the longest row. */
  static final int INITIAL_BUFFER = 1 << 16;

  /** The longest row a reader holds before it gives up: 64 MiB. */
  static final int MAX_ROW_BYTES = 64 << 20;

  private static final byte QUOTE = '"';
  private static final byte LF = '\n';
  private static final byte CR = '\r';

  /** Cell flags: the cell was quoted; its content holds doubled quotes. */
  private static final byte QUOTED = 1;

  private static final byte ESCAPED = 2;

  private final InputStream in;
  private final String source;
  private final byte separator;
  private final int maxRowBytes;

  /** Bytes that stop the scan of an unquoted cell: separator, quote, CR, LF and non-ASCII. */
  private final boolean[] stops = new boolean[256];

  private byte[] buffer;
  private int limit;
  private int position;
  private long bufferOffset;
  private boolean endOfInput;
  private long line = 1;

  private int rowStart;
  private long rowLine;
  private long rowNumber;
  private int cellCount;
  private int[] starts = new int[16];
  private int[] ends = new int[16];
  private int[] lineDeltas = new int[16];
  private byte[] flags = new byte[16];

  private CsvHeader header;
  private int expectedCells = -1;
  private boolean onRow;
  private boolean broken;
  private boolean closed;

  private final Decimals decimals = new Decimals();

  CsvReader(InputStream in, String source, CsvFormat format, int initialBuffer, int maxRowBytes) {
    this.in = in;
    this.source = source;
    this.separator = (byte) format.separator();
    this.maxRowBytes = maxRowBytes;
    this.buffer = new byte[initialBuffer];
    stops[separator & 0xFF] = true;
    stops[QUOTE] = true;
    stops[CR] = true;
    stops[LF] = true;
    for (int b = 0x80; b < 0x100; b++) {
      stops[b] = true;
    }
    this.header = new CsvHeader(List.of(), source, 0);
    skipByteOrderMark();
    if (format.header()) {
      if (!readRow()) {
        throw FormatException.at(
            "the table is empty: expected a header row", Location.of(source, 1, 0));
      }
      onRow = true;
      List<String> names = cells();
      onRow = false;
      for (int i = 0; i < names.size(); i++) {
        int first = names.indexOf(names.get(i));
        if (first < i) {
          throw broken(
              cellError(
                  i,
                  "the header names "
                      + Require.quote(names.get(i))
                      + " twice (also column "
                      + (first + 1)
                      + ")",
                  false));
        }
      }
      this.header = new CsvHeader(names, source, rowLine);
      this.expectedCells = names.size();
    }
  }

  /**
   * Opens a UTF-8 CSV file in the {@linkplain CsvFormat#DEFAULT default format} (comma-separated,
   * first row a header) and reads its header.
   *
   * @param file the file
   * @return a reader before the first data row; close it
   * @throws FormatException if the header is malformed, or the file is empty
   * @throws UncheckedIOException if the file cannot be read, naming it
   */
  public static CsvReader open(Path file) {
    return open(file, CsvFormat.DEFAULT);
  }

  /**
   * Opens a UTF-8 CSV file and, if the format has one, reads its header.
   *
   * @param file the file
   * @param format the dialect
   * @return a reader before the first data row; close it
   * @throws FormatException if the header is malformed, or the file is empty and a header expected
   * @throws UncheckedIOException if the file cannot be read, naming it
   */
  public static CsvReader open(Path file, CsvFormat format) {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(format, "format");
    IoProblems.requireReadableFile(file);
    InputStream in;
    try {
      in = Files.newInputStream(file);
    } catch (IOException e) {
      throw IoProblems.failure("read", file, e);
    }
    try {
      return new CsvReader(in, file.toString(), format, INITIAL_BUFFER, MAX_ROW_BYTES);
    } catch (RuntimeException e) {
      closeQuietly(in, e);
      throw e;
    }
  }

  /**
   * Reads UTF-8 CSV from a stream and, if the format has one, reads its header. Closing the reader
   * closes the stream.
   *
   * @param in the bytes; the reader buffers them itself
   * @param sourceName the name of the file or stream, for error messages
   * @param format the dialect
   * @return a reader before the first data row
   * @throws FormatException if the header is malformed, or the input is empty and a header expected
   * @throws UncheckedIOException if the stream fails
   */
  public static CsvReader open(InputStream in, String sourceName, CsvFormat format) {
    Objects.requireNonNull(in, "in");
    Objects.requireNonNull(sourceName, "sourceName");
    Objects.requireNonNull(format, "format");
    return new CsvReader(in, sourceName, format, INITIAL_BUFFER, MAX_ROW_BYTES);
  }

  private static void closeQuietly(InputStream in, RuntimeException failure) {
    try {
      in.close();
    } catch (IOException e) {
      failure.addSuppressed(e);
    }
  }

  // ------------------------------------------------------------------ rows

  /**
   * The name of the file or stream, as the locations of errors give it.
   *
   * @return the source name
   */
  public String source() {
    return source;
  }

  /**
   * The header row; empty when the format has none.
   *
   * @return the header
   */
  public CsvHeader header() {
    return header;
  }

  /**
   * Moves to the next data row, skipping empty lines.
   *
   * @return true if there is one; false at the end of the table
   * @throws FormatException if the row is malformed, or has another number of cells than the header
   *     (that row is skipped, and the next call goes on after it)
   * @throws IllegalStateException if the reader is closed, or broken by an earlier error
   * @throws UncheckedIOException if the input fails
   */
  public boolean next() {
    if (closed) {
      throw new IllegalStateException("the reader of " + source + " is closed");
    }
    if (broken) {
      throw new IllegalStateException(
          "the reader of " + source + " stopped at an earlier format error");
    }
    onRow = false;
    if (!readRow()) {
      return false;
    }
    rowNumber++;
    if (expectedCells < 0) {
      expectedCells = cellCount;
    } else if (cellCount != expectedCells) {
      throw wrongCellCount();
    }
    onRow = true;
    return true;
  }

  /** Scans the next non-empty row into the cell arrays; false at the end of the input. */
  private boolean readRow() {
    try {
      while (true) {
        if (position >= limit) {
          rowStart = position;
          if (!fill()) {
            return false;
          }
          continue;
        }
        byte b = buffer[position];
        if (b == LF) {
          position++;
          line++;
        } else if (b == CR) {
          if (position + 1 >= limit && !endOfInput) {
            rowStart = position;
            fill();
            continue;
          }
          position += position + 1 < limit && buffer[position + 1] == LF ? 2 : 1;
          line++;
        } else {
          break;
        }
      }
      rowStart = position;
      rowLine = line;
      while (!scanRow()) {
        fill();
      }
      return true;
    } catch (FormatException e) {
      throw broken(e);
    }
  }

  private FormatException broken(FormatException e) {
    broken = true;
    return e;
  }

  /**
   * Reads more input after the bytes from {@link #rowStart}, which move to the start of the buffer;
   * false (and {@link #endOfInput} set) when the input has ended.
   */
  @CanIgnoreReturnValue
  private boolean fill() {
    if (endOfInput) {
      return false;
    }
    if (rowStart > 0) {
      int kept = limit - rowStart;
      System.arraycopy(buffer, rowStart, buffer, 0, kept);
      position -= rowStart;
      bufferOffset += rowStart;
      limit = kept;
      rowStart = 0;
    }
    if (limit == buffer.length) {
      if (buffer.length >= maxRowBytes) {
        throw broken(rowTooLong());
      }
      buffer = Arrays.copyOf(buffer, (int) Math.min((long) buffer.length * 2, maxRowBytes));
    }
    try {
      int n;
      do {
        n = in.read(buffer, limit, buffer.length - limit);
      } while (n == 0);
      if (n < 0) {
        endOfInput = true;
        return false;
      }
      limit += n;
      // Take what is there without blocking, so that a long row is scanned again less often.
      while (limit < buffer.length && in.available() > 0) {
        n = in.read(buffer, limit, buffer.length - limit);
        if (n < 0) {
          endOfInput = true;
          break;
        }
        limit += n;
      }
      return true;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + source + ": " + e.getMessage(), e);
    }
  }

  private FormatException rowTooLong() {
    String size = maxRowBytes >= 1 << 20 ? (maxRowBytes >> 20) + " MiB" : maxRowBytes + " bytes";
    for (int p = rowStart; p < limit; p++) {
      if (buffer[p] == QUOTE) {
        // A row this long is almost always a quote that never closes.
        long[] at = lineAndColumn(p);
        return FormatException.at(
            "the row is longer than "
                + size
                + "; the quoted cell that starts here may lack its closing quote",
            Location.of(source, at[0], at[1]));
      }
    }
    return FormatException.at(
        "the row that starts here is longer than " + size, Location.of(source, rowLine, 1));
  }

  private void skipByteOrderMark() {
    rowStart = 0;
    while (limit < 3 && fill()) {
      // read until three bytes are there, or the input ends
    }
    if (limit >= 3
        && buffer[0] == (byte) 0xEF
        && buffer[1] == (byte) 0xBB
        && buffer[2] == (byte) 0xBF) {
      position = 3;
    } else if (limit >= 2
        && ((buffer[0] == (byte) 0xFE && buffer[1] == (byte) 0xFF)
            || (buffer[0] == (byte) 0xFF && buffer[1] == (byte) 0xFE))) {
      broken = true;
      throw FormatException.at(
          "the table is UTF-16 (it starts with a UTF-16 byte order mark); save it as UTF-8",
          Location.of(source, 1, 1));
    }
  }

  /**
   * Scans the row from {@link #rowStart}: true when it is complete ({@link #position} after its
   * line break), false when the buffer ends before the row does and more input may follow. Only the
   * cell arrays change until the row is complete, so a scan can start again after {@link #fill()}.
   */
  private boolean scanRow() {
    byte[] buf = buffer;
    int end = limit;
    boolean atEnd = endOfInput;
    int p = rowStart;
    long ln = rowLine;
    cellCount = 0;
    while (true) {
      int delta = (int) (ln - rowLine);
      if (p >= end) {
        if (!atEnd) {
          return false;
        }
        addCell(p, p, (byte) 0, delta);
        position = p;
        line = ln;
        return true;
      }
      if (buf[p] == QUOTE) {
        int open = p;
        long openLine = ln;
        byte cellFlags = QUOTED;
        int q = p + 1;
        int contentEnd;
        while (true) {
          if (q >= end) {
            if (!atEnd) {
              return false;
            }
            throw unterminated(open, openLine);
          }
          byte c = buf[q];
          if (c == QUOTE) {
            if (q + 1 >= end && !atEnd) {
              return false;
            }
            if (q + 1 < end && buf[q + 1] == QUOTE) {
              cellFlags = ESCAPED | QUOTED;
              q += 2;
              continue;
            }
            contentEnd = q;
            q++;
            break;
          } else if (c == LF) {
            ln++;
            q++;
          } else if (c == CR) {
            if (q + 1 >= end && !atEnd) {
              return false;
            }
            q += q + 1 < end && buf[q + 1] == LF ? 2 : 1;
            ln++;
          } else if (c < 0) {
            q = utf8(q, ln);
            if (q < 0) {
              return false;
            }
          } else {
            q++;
          }
        }
        addCell(open + 1, contentEnd, cellFlags, delta);
        p = q;
        if (p >= end) {
          if (!atEnd) {
            return false;
          }
          position = p;
          line = ln;
          return true;
        }
        byte c = buf[p];
        if (c == separator) {
          p++;
          continue;
        }
        if (c == LF || c == CR) {
          return endRow(p, ln);
        }
        throw afterClosingQuote(p, ln);
      }
      int start = p;
      int q = p;
      while (true) {
        while (q < end && !stops[buf[q] & 0xFF]) {
          q++;
        }
        if (q >= end) {
          break;
        }
        byte c = buf[q];
        if (c == separator || c == LF || c == CR) {
          break;
        }
        if (c == QUOTE) {
          throw quoteInUnquotedCell(q, ln);
        }
        q = utf8(q, ln);
        if (q < 0) {
          return false;
        }
      }
      if (q >= end && !atEnd) {
        return false;
      }
      addCell(start, q, (byte) 0, delta);
      if (q >= end) {
        position = q;
        line = ln;
        return true;
      }
      if (buf[q] == separator) {
        p = q + 1;
        continue;
      }
      return endRow(q, ln);
    }
  }

  /** Completes a row at the line break at {@code p}; false if a CR may be followed by an LF. */
  private boolean endRow(int p, long ln) {
    int q = p;
    if (buffer[q] == CR) {
      if (q + 1 >= limit && !endOfInput) {
        return false;
      }
      q += q + 1 < limit && buffer[q + 1] == LF ? 2 : 1;
    } else {
      q++;
    }
    position = q;
    line = ln + 1;
    return true;
  }

  private void addCell(int start, int end, byte cellFlags, int delta) {
    if (cellCount == starts.length) {
      int n = cellCount * 2;
      starts = Arrays.copyOf(starts, n);
      ends = Arrays.copyOf(ends, n);
      lineDeltas = Arrays.copyOf(lineDeltas, n);
      flags = Arrays.copyOf(flags, n);
    }
    starts[cellCount] = start;
    ends[cellCount] = end;
    lineDeltas[cellCount] = delta;
    flags[cellCount] = cellFlags;
    cellCount++;
  }

  /**
   * Checks the UTF-8 sequence whose lead byte is at {@code q}: the index after it, or -1 when it
   * runs past the buffer and more input may follow.
   */
  private int utf8(int q, long ln) {
    int lead = buffer[q] & 0xFF;
    int need;
    int low = 0x80;
    int high = 0xBF;
    if (lead >= 0xC2 && lead <= 0xDF) {
      need = 1;
    } else if (lead == 0xE0) {
      need = 2;
      low = 0xA0;
    } else if ((lead >= 0xE1 && lead <= 0xEC) || lead == 0xEE || lead == 0xEF) {
      need = 2;
    } else if (lead == 0xED) {
      need = 2;
      high = 0x9F;
    } else if (lead == 0xF0) {
      need = 3;
      low = 0x90;
    } else if (lead >= 0xF1 && lead <= 0xF3) {
      need = 3;
    } else if (lead == 0xF4) {
      need = 3;
      high = 0x8F;
    } else {
      throw invalidUtf8(q, q, ln);
    }
    for (int k = 1; k <= need; k++) {
      if (q + k >= limit) {
        if (!endOfInput) {
          return -1;
        }
        throw invalidUtf8(q, q + k, ln);
      }
      int b = buffer[q + k] & 0xFF;
      if (k == 1 ? b < low || b > high : b < 0x80 || b > 0xBF) {
        throw invalidUtf8(q, q + k, ln);
      }
    }
    return q + need + 1;
  }

  // ------------------------------------------------------------------ cells

  private void requireRow() {
    if (!onRow) {
      throw new IllegalStateException(
          closed
              ? "the reader of " + source + " is closed"
              : "no current row: call next() first, and only while it returns true");
    }
  }

  /**
   * The number of cells of the current row, the same for every row of the table.
   *
   * @return the number of cells
   */
  public int cellCount() {
    requireRow();
    return cellCount;
  }

  /**
   * The physical line on which the current row starts (1-based; the header is line 1, unless empty
   * lines come first).
   *
   * @return the line
   */
  public long line() {
    requireRow();
    return rowLine;
  }

  /**
   * The number of the current row among the data rows: 1 for the first row after the header.
   *
   * @return the row number
   */
  public long rowNumber() {
    requireRow();
    return rowNumber;
  }

  /**
   * The text of a cell, without its quotes, doubled quotes made single.
   *
   * @param column the 0-based column
   * @return the text; empty for an empty cell
   * @throws IndexOutOfBoundsException if the row has no such column
   */
  public String get(int column) {
    requireRow();
    Objects.checkIndex(column, cellCount);
    int start = starts[column];
    int end = ends[column];
    if ((flags[column] & ESCAPED) == 0) {
      return new String(buffer, start, end - start, StandardCharsets.UTF_8);
    }
    byte[] text = new byte[end - start];
    int n = 0;
    for (int p = start; p < end; p++) {
      text[n++] = buffer[p];
      if (buffer[p] == QUOTE) {
        p++;
      }
    }
    return new String(text, 0, n, StandardCharsets.UTF_8);
  }

  /**
   * Whether a cell is empty ({@code ,,} or {@code ,"",}), as a table leaves out a value.
   *
   * @param column the 0-based column
   * @return whether the cell holds no text
   * @throws IndexOutOfBoundsException if the row has no such column
   */
  public boolean isEmpty(int column) {
    requireRow();
    Objects.checkIndex(column, cellCount);
    return starts[column] == ends[column];
  }

  /**
   * The texts of every cell of the current row.
   *
   * @return the cells, unmodifiable
   */
  public List<String> cells() {
    requireRow();
    List<String> texts = new ArrayList<>(cellCount);
    for (int i = 0; i < cellCount; i++) {
      texts.add(get(i));
    }
    return List.copyOf(texts);
  }

  /**
   * The number in a cell, as a double. Spaces and tabs around it are ignored.
   *
   * @param column the 0-based column
   * @return the value {@link Double#parseDouble(String)} gives for the cell's text
   * @throws FormatException naming the line, column and text if the cell is empty or not a decimal
   *     number, {@code NaN} or an infinity
   * @throws IndexOutOfBoundsException if the row has no such column
   */
  public double getDouble(int column) {
    requireRow();
    Objects.checkIndex(column, cellCount);
    int start = trimStart(column);
    int end = trimEnd(column, start);
    if ((flags[column] & ESCAPED) == 0 && start < end) {
      double value = decimals.parseDouble(buffer, start, end);
      if (!Double.isNaN(value) || Decimals.isNaN(buffer, start, end)) {
        return value;
      }
    }
    throw notANumber(column, "a number");
  }

  /**
   * The integer in a cell, as an {@code int}. Spaces and tabs around it are ignored.
   *
   * @param column the 0-based column
   * @return the value
   * @throws FormatException naming the line, column and text if the cell is empty, not an integer
   *     (digits with an optional sign) or out of the range of {@code int}
   * @throws IndexOutOfBoundsException if the row has no such column
   */
  public int getInt(int column) {
    return (int) integer(column, Integer.MIN_VALUE, Integer.MAX_VALUE);
  }

  /**
   * The integer in a cell, as a {@code long}. Spaces and tabs around it are ignored.
   *
   * @param column the 0-based column
   * @return the value
   * @throws FormatException naming the line, column and text if the cell is empty, not an integer
   *     (digits with an optional sign) or out of the range of {@code long}
   * @throws IndexOutOfBoundsException if the row has no such column
   */
  public long getLong(int column) {
    return integer(column, Long.MIN_VALUE, Long.MAX_VALUE);
  }

  private int trimStart(int column) {
    int start = starts[column];
    int end = ends[column];
    while (start < end && (buffer[start] == ' ' || buffer[start] == '\t')) {
      start++;
    }
    return start;
  }

  private int trimEnd(int column, int start) {
    int end = ends[column];
    while (end > start && (buffer[end - 1] == ' ' || buffer[end - 1] == '\t')) {
      end--;
    }
    return end;
  }

  private long integer(int column, long min, long max) {
    requireRow();
    Objects.checkIndex(column, cellCount);
    int start = trimStart(column);
    int end = trimEnd(column, start);
    if ((flags[column] & ESCAPED) == 0) {
      long value = decimals.parseLong(buffer, start, end, min, max);
      if (decimals.status == Decimals.OK) {
        return value;
      }
      if (decimals.status == Decimals.OUT_OF_RANGE) {
        throw cellError(
            column,
            "the integer "
                + Require.quote(get(column))
                + " is out of range for "
                + (min == Integer.MIN_VALUE ? "an int" : "a long"),
            true);
      }
    }
    throw notANumber(column, "an integer");
  }

  // ------------------------------------------------------------------ errors

  /**
   * An error about a cell of the current row, at the cell's line and column, for a caller that
   * finds its content wrong: {@code in.cellError(2, "unknown label 'cra'")} gives {@code FILE:7:15:
   * column 3 (label): unknown label 'cra'}.
   *
   * @param column the 0-based column
   * @param problem what is wrong with the cell
   * @return the exception, to throw
   * @throws IndexOutOfBoundsException if the row has no such column
   */
  public FormatException cellError(int column, String problem) {
    Objects.requireNonNull(problem, "problem");
    requireRow();
    Objects.checkIndex(column, cellCount);
    return cellError(column, problem, true);
  }

  private FormatException cellError(int column, String problem, boolean named) {
    int at = (flags[column] & QUOTED) != 0 ? starts[column] - 1 : starts[column];
    long[] where = lineAndColumn(at);
    return FormatException.at(
        columnName(column, named) + ": " + problem, Location.of(source, where[0], where[1]));
  }

  /**
   * An error about the current row as a whole, at the line where it starts: {@code FILE:7:1: row 6:
   * item 'x' appears twice}.
   *
   * @param problem what is wrong with the row
   * @return the exception, to throw
   */
  public FormatException rowError(String problem) {
    Objects.requireNonNull(problem, "problem");
    requireRow();
    return FormatException.at("row " + rowNumber + ": " + problem, Location.of(source, rowLine, 1));
  }

  /** {@code column 3 (score)}, or {@code column 3} when the header does not name it. */
  private String columnName(int column, boolean named) {
    if (!named || column >= header.size()) {
      return "column " + (column + 1);
    }
    String quoted = Require.quote(header.name(column));
    return "column " + (column + 1) + " (" + quoted.substring(1, quoted.length() - 1) + ")";
  }

  private FormatException notANumber(int column, String expected) {
    String found = isEmpty(column) ? "an empty cell" : Require.quote(get(column));
    return cellError(column, "expected " + expected + ", found " + found, true);
  }

  private FormatException wrongCellCount() {
    String expected =
        "expected "
            + expectedCells
            + (expectedCells == 1 ? " cell" : " cells")
            + (header.size() > 0 ? " as the header has" : " as the first row has")
            + ", found "
            + cellCount;
    long[] where;
    if (cellCount > expectedCells) {
      int extra = expectedCells;
      int at = (flags[extra] & QUOTED) != 0 ? starts[extra] - 1 : starts[extra];
      where = lineAndColumn(at);
    } else {
      int last = cellCount - 1;
      int at = (flags[last] & QUOTED) != 0 ? ends[last] + 1 : ends[last];
      where = lineAndColumn(at);
    }
    return FormatException.at(
        "row " + rowNumber + ": " + expected, Location.of(source, where[0], where[1]));
  }

  /** An error at the byte {@code p} of the current row, which is on line {@code ln}. */
  private FormatException at(int p, long ln, String problem) {
    return FormatException.at(problem, Location.of(source, ln, lineAndColumn(p)[1]));
  }

  private FormatException unterminated(int open, long openLine) {
    return at(
        open,
        openLine,
        "column "
            + (cellCount + 1)
            + ": a quoted cell starts here and has no closing quote before the end of the input");
  }

  private FormatException afterClosingQuote(int p, long ln) {
    return at(
        p,
        ln,
        "column "
            + cellCount
            + ": "
            + describeByte(p)
            + " after the closing quote of a quoted cell; a quote inside a quoted cell must be"
            + " doubled (\"\")");
  }

  private FormatException quoteInUnquotedCell(int q, long ln) {
    return at(
        q,
        ln,
        "column "
            + (cellCount + 1)
            + ": a quote inside an unquoted cell; quote the whole cell and double the quotes"
            + " inside it (\"a \"\"b\"\" c\")");
  }

  private FormatException invalidUtf8(int lead, int bad, long ln) {
    StringBuilder bytes = new StringBuilder();
    for (int p = lead; p <= bad && p < limit; p++) {
      bytes.append(p == lead ? "" : " ").append(String.format(Locale.ROOT, "0x%02X", buffer[p]));
    }
    String what =
        bad >= limit
            ? "the input ends inside the character that starts with " + bytes
            : bytes + " is not a UTF-8 character";
    return at(
        lead,
        ln,
        "invalid UTF-8 at byte offset "
            + (bufferOffset + lead)
            + ": "
            + what
            + " (is the table in another encoding, such as Latin-1 or Windows-1252? save it as"
            + " UTF-8)");
  }

  private String describeByte(int p) {
    int b = buffer[p] & 0xFF;
    return b >= 0x20 && b < 0x7F
        ? "unexpected " + Require.quote(String.valueOf((char) b))
        : "unexpected byte " + String.format(Locale.ROOT, "0x%02X", b);
  }

  /**
   * The physical line and the 1-based column (in code points) of the byte at {@code p} of the
   * current row. Lines start at the row's start or after a line break inside it.
   */
  private long[] lineAndColumn(int p) {
    int lineStart = rowStart;
    long ln = rowLine;
    for (int i = rowStart; i < p && i < limit; i++) {
      byte b = buffer[i];
      if (b == LF || (b == CR && (i + 1 >= limit || buffer[i + 1] != LF))) {
        ln++;
        lineStart = i + 1;
      }
    }
    long column = 1;
    for (int i = lineStart; i < p && i < limit; i++) {
      if ((buffer[i] & 0xC0) != 0x80) {
        column++;
      }
    }
    return new long[] {ln, column};
  }

  /**
   * Closes the input.
   *
   * @throws UncheckedIOException if closing fails
   */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    onRow = false;
    try {
      in.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot close " + source + ": " + e.getMessage(), e);
    }
  }
}
