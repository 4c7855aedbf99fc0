package org.annotationkit.core.table;

import java.util.Locale;
import java.util.Objects;

/**
 * The dialect of a CSV table: the separator, whether the first row is a header, and how a writer
 * ends lines and quotes cells. {@link #DEFAULT} is RFC 4180 with a header and LF line endings.
 *
 * @param separator the cell separator, an ASCII character other than a quote, CR or LF ({@code ','}
 *     by default, {@code '\t'} for tab-separated values)
 * @param header whether the first row of the table names its columns (reading only: a writer writes
 *     the rows it is given)
 * @param lineEnding how a writer ends each row (a reader accepts LF, CRLF and CR alike)
 * @param quoteAll whether a writer quotes every cell, rather than only those that need it
 * @since 0.1.0
 */
public record CsvFormat(char separator, boolean header, LineEnding lineEnding, boolean quoteAll) {

  /**
   * Comma-separated, a header row, LF line endings, cells quoted only when they must be.
   *
   * <p>RFC 4180 asks for CRLF; the default is LF because every CSV reader in use (Python's {@code
   * csv} and pandas, R, Excel, Apache Commons CSV, this one) reads LF, Unix tools and version
   * control show CR as noise, and the canonical JSON Lines of this library end lines with LF too.
   * Choose {@link LineEnding#CRLF} with {@link #withLineEnding(LineEnding)} for a consumer that
   * insists on the RFC.
   */
  public static final CsvFormat DEFAULT = new CsvFormat(',', true, LineEnding.LF, false);

  /** Checks the separator and the line ending. */
  public CsvFormat {
    Objects.requireNonNull(lineEnding, "lineEnding");
    if (separator == '"' || separator == '\r' || separator == '\n' || separator == 0) {
      throw new IllegalArgumentException(
          "separator must not be a quote, CR, LF or NUL, got " + describe(separator));
    }
    if (separator > 0x7F) {
      throw new IllegalArgumentException(
          "separator must be an ASCII character, got " + describe(separator));
    }
  }

  private static String describe(char c) {
    return String.format(Locale.ROOT, "U+%04X", (int) c);
  }

  /**
   * This format with another separator.
   *
   * @param separator an ASCII character other than a quote, CR, LF or NUL
   * @return the new format
   */
  public CsvFormat withSeparator(char separator) {
    return new CsvFormat(separator, header, lineEnding, quoteAll);
  }

  /**
   * This format for tables whose first row is data, not a header.
   *
   * @return the new format
   */
  public CsvFormat withoutHeader() {
    return new CsvFormat(separator, false, lineEnding, quoteAll);
  }

  /**
   * This format with the given line ending for writing.
   *
   * @param lineEnding LF or CRLF
   * @return the new format
   */
  public CsvFormat withLineEnding(LineEnding lineEnding) {
    return new CsvFormat(separator, header, lineEnding, quoteAll);
  }

  /**
   * This format with every written cell quoted.
   *
   * @return the new format
   */
  public CsvFormat withQuoteAll() {
    return new CsvFormat(separator, header, lineEnding, true);
  }

  /**
   * How a writer ends rows.
   *
   * @since 0.1.0
   */
  public enum LineEnding {
    /** {@code \n}, as Unix tools write. */
    LF("\n"),
    /** {@code \r\n}, as RFC 4180 and Windows tools write. */
    CRLF("\r\n");

    private final String text;

    LineEnding(String text) {
      this.text = text;
    }

    /**
     * The characters that end a row.
     *
     * @return {@code "\n"} or {@code "\r\n"}
     */
    public String text() {
      return text;
    }
  }
}
