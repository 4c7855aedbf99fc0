package org.annotationkit.core.table;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import java.util.stream.Stream;
import org.annotationkit.core.testing.Seeds;
import org.annotationkit.core.testing.TableGenerator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Generated tables, with quotes, separators, CR, LF, CRLF, byte order marks, empty cells and
 * non-ASCII text (supplementary characters included) in every position, read back cell for cell:
 * written by {@link CsvWriter} in every dialect, and written by an independent always-quoting
 * encoder with every kind of line break, empty lines, a byte order mark or none and a last line
 * with or without its break. Every table is read through a stream that hands over a few bytes at a
 * time into a reader whose buffer starts tiny, so that rows, quotes, line breaks and UTF-8
 * sequences are cut at every possible place.
 */
class CsvRoundTripTest {

  private static final char[] SEPARATORS = {',', ';', '\t', '|'};

  static Stream<Long> seeds() {
    return Seeds.seeds(300);
  }

  /** A stream that returns 1 to 7 bytes per read and never says more are available. */
  static InputStream trickle(byte[] bytes, RandomGenerator random) {
    return new InputStream() {
      private int position;

      @Override
      public int read() {
        return position < bytes.length ? bytes[position++] & 0xFF : -1;
      }

      @Override
      public int read(byte[] b, int off, int len) {
        if (position >= bytes.length) {
          return -1;
        }
        int n = Math.min(Math.min(len, 1 + random.nextInt(7)), bytes.length - position);
        System.arraycopy(bytes, position, b, off, n);
        position += n;
        return n;
      }
    };
  }

  /** Every row the reader gives, the header first. */
  static List<List<String>> readAll(CsvReader in) {
    List<List<String>> rows = new ArrayList<>();
    rows.add(in.header().names());
    while (in.next()) {
      rows.add(in.cells());
    }
    return rows;
  }

  private static CsvReader reader(byte[] bytes, CsvFormat format, RandomGenerator random) {
    return new CsvReader(
        trickle(bytes, random), "table.csv", format, 1 + random.nextInt(16), 1 << 20);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void writtenTablesReadBackCellForCell(long seed) {
    RandomGenerator random = Seeds.random(seed);
    List<List<String>> table =
        new TableGenerator(random).table(random.nextInt(1, 6), random.nextInt(0, 25));
    CsvFormat format =
        CsvFormat.DEFAULT
            .withSeparator(SEPARATORS[random.nextInt(SEPARATORS.length)])
            .withLineEnding(
                random.nextBoolean() ? CsvFormat.LineEnding.LF : CsvFormat.LineEnding.CRLF);
    if (random.nextBoolean()) {
      format = format.withQuoteAll();
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (CsvWriter out = CsvWriter.to(bytes, format)) {
      table.forEach(out::row);
    }
    byte[] written = bytes.toByteArray();
    String text = new String(written, StandardCharsets.UTF_8);
    if (random.nextBoolean()) {
      // A last line without its line break.
      text = text.substring(0, text.length() - format.lineEnding().text().length());
    }
    if (random.nextBoolean()) {
      text = "\uFEFF" + text;
    }
    try (CsvReader in = reader(text.getBytes(StandardCharsets.UTF_8), format, random)) {
      assertThat(readAll(in)).isEqualTo(table);
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void independentlyEncodedTablesReadBackWithTheirLines(long seed) {
    RandomGenerator random = Seeds.random(seed);
    List<List<String>> table =
        new TableGenerator(random).table(random.nextInt(1, 6), random.nextInt(0, 25));
    char separator = SEPARATORS[random.nextInt(SEPARATORS.length)];
    String[] breaks = {"\n", "\r\n", "\r"};
    StringBuilder text = new StringBuilder(random.nextBoolean() ? "\uFEFF" : "");
    List<Integer> rowStarts = new ArrayList<>();
    for (int r = 0; r < table.size(); r++) {
      String lineBreak = breaks[random.nextInt(breaks.length)];
      if (random.nextInt(4) == 0) {
        // Empty lines, which a reader skips; the same break so that CR then LF is not one break.
        text.append(lineBreak.repeat(random.nextInt(1, 3)));
      }
      rowStarts.add(text.length());
      List<String> row = table.get(r);
      for (int c = 0; c < row.size(); c++) {
        text.append(c == 0 ? "" : String.valueOf(separator))
            .append('"')
            .append(row.get(c).replace("\"", "\"\""))
            .append('"');
      }
      if (r < table.size() - 1 || random.nextBoolean()) {
        text.append(lineBreak);
      }
    }
    String csv = text.toString();
    CsvFormat format = CsvFormat.DEFAULT.withSeparator(separator);
    try (CsvReader in = reader(csv.getBytes(StandardCharsets.UTF_8), format, random)) {
      List<List<String>> rows = new ArrayList<>();
      rows.add(in.header().names());
      int r = 1;
      while (in.next()) {
        rows.add(in.cells());
        assertThat(in.line()).as("line of row %d", r).isEqualTo(lineOf(csv, rowStarts.get(r)));
        assertThat(in.rowNumber()).isEqualTo(r);
        r++;
      }
      assertThat(rows).isEqualTo(table);
    }
  }

  /** The 1-based line of the character at {@code offset}, counting CRLF, CR and LF as breaks. */
  private static long lineOf(String text, int offset) {
    long line = 1;
    for (int i = 0; i < offset; i++) {
      char c = text.charAt(i);
      if (c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
        line++;
      }
    }
    return line;
  }
}
