/**
 * CSV tables: {@link org.annotationkit.core.table.CsvReader} streams a table row by row with cells
 * and numbers read in place, {@link org.annotationkit.core.table.CsvWriter} writes one (atomically
 * to a file), {@link org.annotationkit.core.table.CsvHeader} finds columns by name, and {@link
 * org.annotationkit.core.table.CsvFormat} names the dialect. They follow RFC 4180 (quoting, doubled
 * quotes, separators and line breaks inside quoted cells, a header row) in UTF-8 with or without a
 * byte order mark, with LF, CRLF or CR line breaks.
 *
 * <p>These are the tables that the command line reads and writes ({@code item,annotator,label};
 * {@code unit,<rater>,...} with empty cells for missing ratings; {@code id,<class>,...} of
 * probabilities; {@code file_name,width,height}) and the formats that are tables:
 *
 * {@snippet :
 * try (CsvReader in = CsvReader.open(Path.of("probabilities.csv"))) {
 *   List<String> classes = in.header().requireLeading("id");   // id, then one column per class
 *   LabelCoding coding = LabelCoding.of(classes);
 *   while (in.next()) {
 *     String id = in.get(0);
 *     for (int c = 0; c < coding.size(); c++) {
 *       double p = in.getDouble(c + 1);   // parsed where it lies, no String made
 *     }
 *   }
 * }
 * }
 *
 * <h2>Why a reader of our own</h2>
 *
 * Core depends on nothing outside the JDK but jackson-core, so Apache Commons CSV, the well-kept
 * library for this, would be a new dependency of every module, and it would still not do what these
 * tables need: it decodes characters before it parses (so invalid UTF-8 surfaces as a decoder error
 * without a position), makes a {@code String} of every cell of every row (a 10-million-row
 * probability table would make a hundred million strings only to parse them as numbers again), and
 * reports a malformed row with its line but not its column. The reader here works on the UTF-8
 * bytes: the structure of CSV is ASCII, and UTF-8 never uses ASCII bytes inside a multi-byte
 * character, so it scans cells as byte ranges, checks UTF-8 as it goes (naming the byte offset of a
 * bad byte), makes strings only of the cells asked for, and parses numbers from the bytes (exactly,
 * with jackson-core's FastDoubleParser where the simple fast path is not exact). Its errors name
 * the file, the line, the character column and the table column with its header name.
 *
 * @since 0.1.0
 */
@NullMarked
@CheckReturnValue
package org.annotationkit.core.table;

import com.google.errorprone.annotations.CheckReturnValue;
import org.jspecify.annotations.NullMarked;
