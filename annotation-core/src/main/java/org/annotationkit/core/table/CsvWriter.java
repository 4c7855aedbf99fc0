package org.annotationkit.core.table;

import com.google.errorprone.annotations.CanIgnoreReturnValue;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;
import org.annotationkit.core.io.AtomicFiles;

/**
 * Writes a CSV table (RFC 4180) in UTF-8 without a byte order mark, row by row (a row reaches the
 * stream whole, when it ends, or not at all): each cell quoted only when it must be (it holds the
 * separator, a quote, CR or LF), or every cell when the format {@linkplain CsvFormat#quoteAll()
 * says so}; quotes inside doubled; rows ended as the format's {@linkplain CsvFormat#lineEnding()
 * line ending} says (LF by default), the last one too. What it writes, {@link CsvReader} reads back
 * as it was, cell for cell:
 *
 * <ul>
 *   <li>every row must have as many cells as the first (the header, when there is one);
 *   <li>a row of one empty cell is written {@code ""}, since an empty line would be skipped;
 *   <li>a first cell that starts with U+FEFF is quoted, since a reader drops a byte order mark;
 *   <li>numbers are written as {@link Double#toString(double)} and {@link Long#toString(long)}
 *       write them (the shortest text that reads back as the same double), {@code NaN} and {@code
 *       Infinity} as such.
 * </ul>
 *
 * {@snippet :
 * CsvWriter.write(Path.of("picks.csv"), CsvFormat.DEFAULT, out -> {
 *   out.row("rank", "id", "score");
 *   for (Pick pick : picks) {
 *     out.cell(pick.rank()).cell(pick.id()).cell(pick.score()).endRow();
 *   }
 * });
 * }
 *
 * <p>Not thread-safe. I/O failures raise {@link UncheckedIOException}.
 *
 * @since 0.1.0
 */
public final class CsvWriter implements Closeable, Flushable {

  private final Writer out;
  private final String target;
  private final char separator;
  private final String lineEnding;
  private final boolean quoteAll;

  private final StringBuilder row = new StringBuilder(256);
  private long rows;
  private int cellsInRow;
  private int rowLength = -1;
  private boolean rowStartedEmpty;
  private boolean closed;

  private CsvWriter(OutputStream out, String target, CsvFormat format) {
    this.out =
        new BufferedWriter(
            new OutputStreamWriter(out, StandardCharsets.UTF_8.newEncoder()), 1 << 16);
    this.target = target;
    this.separator = format.separator();
    this.lineEnding = format.lineEnding().text();
    this.quoteAll = format.quoteAll();
  }

  /**
   * A writer of CSV to a stream. Closing the writer closes the stream.
   *
   * @param out the stream; the writer buffers itself
   * @param format the dialect (separator, line ending, quoting)
   * @return the writer
   */
  public static CsvWriter to(OutputStream out, CsvFormat format) {
    Objects.requireNonNull(out, "out");
    Objects.requireNonNull(format, "format");
    return new CsvWriter(out, "the table", format);
  }

  /**
   * Writes a CSV file atomically: the rows go to a temporary file in the same folder, which then
   * replaces {@code file} in one step (see {@link AtomicFiles}). If {@code rows} throws, or writing
   * fails, {@code file} is left as it was and no temporary file remains.
   *
   * @param file the file to create or replace
   * @param format the dialect
   * @param rows writes the rows, such as {@code out -> out.row("id", "score")}
   * @throws UncheckedIOException if the file cannot be written, naming it
   * @throws RuntimeException whatever {@code rows} throws, such as an {@link
   *     IllegalArgumentException} for a row of the wrong length
   */
  public static void write(Path file, CsvFormat format, Consumer<? super CsvWriter> rows) {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(rows, "rows");
    AtomicFiles.write(
        file,
        stream -> {
          CsvWriter writer = new CsvWriter(stream, file.toString(), format);
          try {
            rows.accept(writer);
            writer.finish();
            writer.out.flush();
          } catch (UncheckedIOException e) {
            throw e.getCause();
          }
        });
  }

  /**
   * Appends a cell of text to the current row.
   *
   * @param text the text, any characters but unpaired surrogates
   * @return this writer
   * @throws IllegalArgumentException if the text holds an unpaired surrogate, naming the row,
   *     column and index; the row being written is dropped
   */
  @CanIgnoreReturnValue
  public CsvWriter cell(String text) {
    Objects.requireNonNull(text, "text");
    requireOpen();
    boolean quote = quoteAll || (rows == 0 && cellsInRow == 0 && text.startsWith("\uFEFF"));
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == separator || c == '"' || c == '\n' || c == '\r') {
        quote = true;
      } else if (Character.isSurrogate(c)) {
        if (Character.isHighSurrogate(c)
            && i + 1 < text.length()
            && Character.isLowSurrogate(text.charAt(i + 1))) {
          i++;
        } else {
          String problem =
              String.format(
                  Locale.ROOT,
                  "row %d, column %d: the text has an unpaired surrogate U+%04X at index %d",
                  rows + 1,
                  cellsInRow + 1,
                  (int) c,
                  i);
          dropRow();
          throw new IllegalArgumentException(problem);
        }
      }
    }
    if (cellsInRow > 0) {
      row.append(separator);
    } else {
      rowStartedEmpty = text.isEmpty() && !quote;
    }
    if (quote) {
      row.append('"');
      int from = 0;
      for (int q = text.indexOf('"'); q >= 0; q = text.indexOf('"', q + 1)) {
        row.append(text, from, q + 1).append('"');
        from = q + 1;
      }
      row.append(text, from, text.length()).append('"');
    } else {
      row.append(text);
    }
    cellsInRow++;
    return this;
  }

  /**
   * Appends a number to the current row, as {@link Double#toString(double)} writes it ({@code NaN},
   * {@code Infinity} and {@code -Infinity} included).
   *
   * @param value the number
   * @return this writer
   */
  @CanIgnoreReturnValue
  public CsvWriter cell(double value) {
    return cell(Double.toString(value));
  }

  /**
   * Appends an integer to the current row.
   *
   * @param value the integer
   * @return this writer
   */
  @CanIgnoreReturnValue
  public CsvWriter cell(long value) {
    return cell(Long.toString(value));
  }

  /**
   * Ends the current row.
   *
   * @return this writer
   * @throws IllegalArgumentException if the row has no cells, or another number of cells than the
   *     first row; nothing of the row is written then
   */
  @CanIgnoreReturnValue
  public CsvWriter endRow() {
    requireOpen();
    if (cellsInRow == 0) {
      throw new IllegalArgumentException("row " + (rows + 1) + " has no cells");
    }
    if (rowLength >= 0 && cellsInRow != rowLength) {
      int length = cellsInRow;
      dropRow();
      throw new IllegalArgumentException(
          "row "
              + (rows + 1)
              + " has "
              + length
              + (length == 1 ? " cell" : " cells")
              + ", but the first row has "
              + rowLength);
    }
    if (cellsInRow == 1 && rowStartedEmpty) {
      row.append("\"\"");
    }
    row.append(lineEnding);
    try {
      out.append(row);
    } catch (IOException e) {
      throw failure(e);
    } finally {
      rowLength = cellsInRow;
      dropRow();
    }
    rows++;
    return this;
  }

  private void dropRow() {
    row.setLength(0);
    cellsInRow = 0;
  }

  /**
   * Writes a whole row.
   *
   * @param cells the texts of the cells, at least one
   * @return this writer
   * @throws IllegalArgumentException as {@link #cell(String)} and {@link #endRow()} do
   * @throws IllegalStateException if a row was begun with {@link #cell(String)} and not ended
   */
  @CanIgnoreReturnValue
  public CsvWriter row(String... cells) {
    Objects.requireNonNull(cells, "cells");
    return row(List.of(cells));
  }

  /**
   * Writes a whole row.
   *
   * @param cells the texts of the cells, at least one
   * @return this writer
   * @throws IllegalArgumentException as {@link #cell(String)} and {@link #endRow()} do
   * @throws IllegalStateException if a row was begun with {@link #cell(String)} and not ended
   */
  @CanIgnoreReturnValue
  public CsvWriter row(List<String> cells) {
    Objects.requireNonNull(cells, "cells");
    if (cellsInRow > 0) {
      throw new IllegalStateException(
          "row " + (rows + 1) + " was begun cell by cell; end it with endRow() first");
    }
    for (String cell : cells) {
      cell(cell);
    }
    return endRow();
  }

  /**
   * The number of rows written so far.
   *
   * @return the number of rows
   */
  public long rows() {
    return rows;
  }

  private void requireOpen() {
    if (closed) {
      throw new IllegalStateException("the writer of " + target + " is closed");
    }
  }

  private UncheckedIOException failure(IOException e) {
    return new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
  }

  /** Ends a row begun and not ended. */
  private void finish() {
    if (cellsInRow > 0) {
      endRow();
    }
  }

  /**
   * Writes what is buffered to the stream.
   *
   * @throws UncheckedIOException if writing fails
   */
  @Override
  public void flush() {
    requireOpen();
    try {
      out.flush();
    } catch (IOException e) {
      throw failure(e);
    }
  }

  /**
   * Ends a row begun and not ended, flushes, and closes the stream.
   *
   * @throws UncheckedIOException if writing or closing fails
   */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    try {
      finish();
    } catch (RuntimeException e) {
      // The stream is closed all the same; a failure to close is then suppressed by this one.
      closed = true;
      try {
        out.close();
      } catch (IOException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    }
    closed = true;
    try {
      out.close();
    } catch (IOException e) {
      throw failure(e);
    }
  }
}
