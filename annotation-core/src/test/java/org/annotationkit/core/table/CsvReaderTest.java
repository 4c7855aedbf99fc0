package org.annotationkit.core.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.annotationkit.core.io.FormatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the reader reads, and where its errors say the problem is. */
class CsvReaderTest {

  private static CsvReader read(String text) {
    return read(text.getBytes(StandardCharsets.UTF_8), CsvFormat.DEFAULT);
  }

  private static CsvReader read(byte[] bytes, CsvFormat format) {
    return CsvReader.open(new ByteArrayInputStream(bytes), "t.csv", format);
  }

  /** The error of reading every row of {@code text}. */
  private static FormatException errorOf(String text) {
    return errorOf(text.getBytes(StandardCharsets.UTF_8));
  }

  private static FormatException errorOf(byte[] bytes) {
    return catchThrowableOfType(
        FormatException.class,
        () -> {
          try (CsvReader in = read(bytes, CsvFormat.DEFAULT)) {
            while (in.next()) {
              for (int c = 0; c < in.cellCount(); c++) {
                String unused = in.get(c);
              }
            }
          }
        });
  }

  private static void assertAt(FormatException e, long line, long column, String problem) {
    assertThat(e).as("a FormatException").isNotNull();
    assertThat(e.source()).hasValue("t.csv");
    assertThat(e.problem()).isEqualTo(problem);
    assertThat(e.line()).hasValue(line);
    if (column == 0) {
      assertThat(e.column()).isEmpty();
    } else {
      assertThat(e.column()).hasValue(column);
    }
  }

  // ------------------------------------------------------------------ the command line's layouts

  @Test
  void itemAnnotatorLabelWithAnEmptyLabel() {
    try (CsvReader in = read("item,annotator,label\ni1,alice,cat\ni1,bob,\n")) {
      int[] columns = in.header().require("label", "item", "annotator");
      assertThat(columns).containsExactly(2, 0, 1);
      assertThat(in.header().indexOf("score")).isEmpty();
      assertThat(in.next()).isTrue();
      assertThat(in.get(0)).isEqualTo("i1");
      assertThat(in.get(2)).isEqualTo("cat");
      assertThat(in.isEmpty(2)).isFalse();
      assertThat(in.line()).isEqualTo(2);
      assertThat(in.rowNumber()).isEqualTo(1);
      assertThat(in.next()).isTrue();
      assertThat(in.isEmpty(2)).isTrue();
      assertThat(in.get(2)).isEmpty();
      assertThat(in.next()).isFalse();
      assertThat(in.next()).isFalse();
    }
  }

  @Test
  void unitsByRatersWithMissingRatings() {
    try (CsvReader in = read("unit,r1,r2,r3\r\nu1,a,,\"b\"\r\nu2,,\"\",c")) {
      assertThat(in.header().requireLeading("unit")).containsExactly("r1", "r2", "r3");
      assertThat(in.next()).isTrue();
      assertThat(in.cells()).containsExactly("u1", "a", "", "b");
      assertThat(in.isEmpty(2)).isTrue();
      assertThat(in.next()).isTrue();
      assertThat(in.isEmpty(1)).isTrue();
      assertThat(in.isEmpty(2)).isTrue();
      assertThat(in.get(3)).isEqualTo("c");
      assertThat(in.next()).isFalse();
    }
  }

  @Test
  void idThenOneColumnPerClass() {
    try (CsvReader in = read("id,member,cat,dog\nx1,0,0.25,0.75\nx1,1,1e-1,9E-1\n")) {
      assertThat(in.header().requireLeading("id", "member")).containsExactly("cat", "dog");
      assertThat(in.next()).isTrue();
      assertThat(in.getInt(1)).isZero();
      assertThat(in.getDouble(2)).isEqualTo(0.25);
      assertThat(in.getDouble(3)).isEqualTo(0.75);
      assertThat(in.next()).isTrue();
      assertThat(in.getDouble(2)).isEqualTo(0.1);
      assertThat(in.getDouble(3)).isEqualTo(0.9);
    }
  }

  @Test
  void fileNameWidthHeight() {
    try (CsvReader in = read("file_name,width,height\n\"a, b.jpg\",640, 480 \n")) {
      int[] columns = in.header().require("file_name", "width", "height");
      assertThat(in.next()).isTrue();
      assertThat(in.get(columns[0])).isEqualTo("a, b.jpg");
      assertThat(in.getInt(columns[1])).isEqualTo(640);
      assertThat(in.getLong(columns[2])).isEqualTo(480);
    }
  }

  // ------------------------------------------------------------------ the syntax

  @Test
  void quotedCellsHoldSeparatorsQuotesAndLineBreaks() {
    String text =
        "a,b\n\"x,y\",\"say \"\"hi\"\"\"\n\"two\r\nlines\",\"three\nlines\rhere\"\nlast,row\n";
    try (CsvReader in = read(text)) {
      assertThat(in.next()).isTrue();
      assertThat(in.cells()).containsExactly("x,y", "say \"hi\"");
      assertThat(in.next()).isTrue();
      assertThat(in.cells()).containsExactly("two\r\nlines", "three\nlines\rhere");
      assertThat(in.line()).isEqualTo(3);
      assertThat(in.next()).isTrue();
      assertThat(in.line()).isEqualTo(7);
      assertThat(in.cells()).containsExactly("last", "row");
    }
  }

  @Test
  void emptyLinesAreSkippedAndEveryLineBreakWorks() {
    try (CsvReader in = read("\n\na,b\r\r\n1,2\r3,4\n\n\n5,")) {
      assertThat(in.header().names()).containsExactly("a", "b");
      assertThat(in.next()).isTrue();
      assertThat(in.line()).isEqualTo(5);
      assertThat(in.cells()).containsExactly("1", "2");
      assertThat(in.next()).isTrue();
      assertThat(in.cells()).containsExactly("3", "4");
      assertThat(in.next()).isTrue();
      assertThat(in.line()).isEqualTo(9);
      assertThat(in.cells()).containsExactly("5", "");
      assertThat(in.next()).isFalse();
    }
  }

  @Test
  void spacesBelongToTheCell() {
    try (CsvReader in = read("a, b\n x ,\" y \"\n")) {
      assertThat(in.header().names()).containsExactly("a", " b");
      assertThat(in.next()).isTrue();
      assertThat(in.cells()).containsExactly(" x ", " y ");
    }
  }

  @Test
  void aByteOrderMarkIsDropped() {
    try (CsvReader in = read("\uFEFFid,x\n1,2\n")) {
      assertThat(in.header().names()).containsExactly("id", "x");
      assertThat(in.header().require("id")).isZero();
    }
  }

  @Test
  void withoutAHeaderTheFirstRowSetsTheWidth() {
    byte[] bytes = "1\t2\n3\t4\n5\n".getBytes(StandardCharsets.UTF_8);
    try (CsvReader in = read(bytes, CsvFormat.DEFAULT.withoutHeader().withSeparator('\t'))) {
      assertThat(in.header().names()).isEmpty();
      assertThat(in.next()).isTrue();
      assertThat(in.cells()).containsExactly("1", "2");
      assertThat(in.next()).isTrue();
      assertAt(
          catchThrowableOfType(FormatException.class, in::next),
          3,
          2,
          "row 3: expected 2 cells as the first row has, found 1");
    }
  }

  @Test
  void nonAsciiTextAndSupplementaryCharacters() {
    try (CsvReader in = read("名前,emoji\n日本語,\"😀,👩‍👩‍👧\"\n")) {
      assertThat(in.header().names()).containsExactly("名前", "emoji");
      assertThat(in.next()).isTrue();
      assertThat(in.cells()).containsExactly("日本語", "😀,👩‍👩‍👧");
    }
  }

  @Test
  void accessorsNeedACurrentRow() {
    CsvReader in = read("a\n1\n");
    assertThatThrownBy(() -> in.get(0))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("no current row: call next() first, and only while it returns true");
    assertThat(in.next()).isTrue();
    assertThatThrownBy(() -> in.get(1)).isInstanceOf(IndexOutOfBoundsException.class);
    in.close();
    assertThatThrownBy(in::next)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("the reader of t.csv is closed");
    in.close();
  }

  // ------------------------------------------------------------------ structural errors

  @Test
  void anUnterminatedQuoteNamesTheLineWhereTheCellBegan() {
    FormatException e = errorOf("a,b\n1,\"xyz\n2,3\n4,5\n");
    assertAt(
        e,
        2,
        3,
        "column 2: a quoted cell starts here and has no closing quote before the end of the input");
  }

  @Test
  void aQuoteInsideAnUnquotedCell() {
    assertAt(
        errorOf("a,b\n1,x\"y\n"),
        2,
        4,
        "column 2: a quote inside an unquoted cell; quote the whole cell and double the quotes"
            + " inside it (\"a \"\"b\"\" c\")");
  }

  @Test
  void textAfterAClosingQuote() {
    assertAt(
        errorOf("a,b\n1,\"x\"y\n"),
        2,
        6,
        "column 2: unexpected 'y' after the closing quote of a quoted cell; a quote inside a"
            + " quoted cell must be doubled (\"\")");
  }

  @Test
  void theReaderIsBrokenAfterAStructuralError() {
    CsvReader in = read("a\n\"x\"y\n1\n");
    assertThatThrownBy(in::next).isInstanceOf(FormatException.class);
    assertThatThrownBy(in::next)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("the reader of t.csv stopped at an earlier format error");
  }

  @Test
  void tooManyCellsPointsAtTheFirstExtraOneAndTheRowIsSkipped() {
    try (CsvReader in = read("a,b\n1,2,3\n4,5\n")) {
      assertAt(
          catchThrowableOfType(FormatException.class, in::next),
          2,
          5,
          "row 1: expected 2 cells as the header has, found 3");
      assertThat(in.next()).isTrue();
      assertThat(in.cells()).containsExactly("4", "5");
      assertThat(in.rowNumber()).isEqualTo(2);
    }
  }

  @Test
  void tooFewCellsPointsAtTheEndOfTheRow() {
    assertAt(
        errorOf("a,b,c\n1,\"2\"\n"), 2, 6, "row 1: expected 3 cells as the header has, found 2");
  }

  @Test
  void invalidUtf8NamesTheByteOffset() {
    byte[] latin1 = "id,name\n1,café\n".getBytes(StandardCharsets.ISO_8859_1);
    assertAt(
        errorOf(latin1),
        2,
        6,
        "invalid UTF-8 at byte offset 13: 0xE9 0x0A is not a UTF-8 character (is the table in"
            + " another encoding, such as Latin-1 or Windows-1252? save it as UTF-8)");
  }

  @Test
  void invalidUtf8InEveryShape() {
    assertThat(errorOf(bytes("id\n", 0xC0, 0x80)).problem())
        .startsWith("invalid UTF-8 at byte offset 3: 0xC0 is not a UTF-8 character");
    assertThat(errorOf(bytes("id\n", 0xED, 0xA0, 0x80)).problem())
        .startsWith("invalid UTF-8 at byte offset 3: 0xED 0xA0 is not a UTF-8 character");
    assertThat(errorOf(bytes("id\n\"ab", 0xF0, 0x9F, 0x98)).problem())
        .startsWith(
            "invalid UTF-8 at byte offset 6: the input ends inside the character that starts with"
                + " 0xF0 0x9F 0x98");
    assertThat(errorOf(bytes("id\n", 0x80)).problem())
        .startsWith("invalid UTF-8 at byte offset 3: 0x80 is not a UTF-8 character");
    FormatException inHeader = errorOf(bytes("i", 0xFF, 'd'));
    assertAt(inHeader, 1, 2, inHeader.problem());
  }

  private static byte[] bytes(String prefix, int... more) {
    byte[] head = prefix.getBytes(StandardCharsets.UTF_8);
    byte[] all = new byte[head.length + more.length];
    System.arraycopy(head, 0, all, 0, head.length);
    for (int i = 0; i < more.length; i++) {
      all[head.length + i] = (byte) more[i];
    }
    return all;
  }

  @Test
  void utf16IsRecognised() {
    assertAt(
        errorOf("\uFEFFid\n".getBytes(StandardCharsets.UTF_16BE)),
        1,
        1,
        "the table is UTF-16 (it starts with a UTF-16 byte order mark); save it as UTF-8");
    assertThat(errorOf("\uFEFFid\n".getBytes(StandardCharsets.UTF_16LE)).problem())
        .startsWith("the table is UTF-16");
  }

  @Test
  void anEmptyTableHasNoHeader() {
    assertAt(errorOf(""), 1, 0, "the table is empty: expected a header row");
    FormatException blank = errorOf("\n\r\n");
    assertThat(blank.problem()).isEqualTo("the table is empty: expected a header row");
    try (CsvReader in = read("a,b\n")) {
      assertThat(in.next()).isFalse();
    }
  }

  @Test
  void aRepeatedHeaderNameIsAnError() {
    assertAt(
        errorOf("\uFEFFa,b,a\n"), 1, 5, "column 3: the header names 'a' twice (also column 1)");
  }

  @Test
  void aRowLongerThanTheLimitIsAnError() {
    byte[] bytes = ("a,b\n1,\"" + "x".repeat(200)).getBytes(StandardCharsets.UTF_8);
    CsvReader in =
        new CsvReader(new ByteArrayInputStream(bytes), "t.csv", CsvFormat.DEFAULT, 8, 64);
    assertAt(
        catchThrowableOfType(FormatException.class, in::next),
        2,
        3,
        "the row is longer than 64 bytes; the quoted cell that starts here may lack its closing"
            + " quote");
  }

  // ------------------------------------------------------------------ cell errors

  @Test
  void aCellThatIsNotANumberNamesItsLineColumnAndHeader() {
    String text =
        "id,label,score\ni1,cat,0.5\ni2,cat,0.5\ni3,cat,0.5\ni4,cat,0.5\ni5,cat,0.5\ni6,cat,abc\n";
    try (CsvReader in = read(text)) {
      for (int i = 0; i < 5; i++) {
        assertThat(in.next()).isTrue();
        assertThat(in.getDouble(2)).isEqualTo(0.5);
      }
      assertThat(in.next()).isTrue();
      FormatException e = catchThrowableOfType(FormatException.class, () -> in.getDouble(2));
      assertAt(e, 7, 8, "column 3 (score): expected a number, found 'abc'");
      assertThat(in.get(2)).isEqualTo("abc");
      assertThat(in.next()).isFalse();
    }
  }

  @Test
  void numberErrorsSayWhatWasFound() {
    try (CsvReader in = read("w,h,q\n,3000000000,\"1\"\"2\"\n")) {
      assertThat(in.next()).isTrue();
      assertAt(
          catchThrowableOfType(FormatException.class, () -> in.getDouble(0)),
          2,
          1,
          "column 1 (w): expected a number, found an empty cell");
      assertAt(
          catchThrowableOfType(FormatException.class, () -> in.getInt(1)),
          2,
          2,
          "column 2 (h): the integer '3000000000' is out of range for an int");
      assertThat(in.getLong(1)).isEqualTo(3_000_000_000L);
      assertAt(
          catchThrowableOfType(FormatException.class, () -> in.getInt(2)),
          2,
          13,
          "column 3 (q): expected an integer, found '1\"2'");
    }
  }

  @Test
  void aCellOnALaterLineOfAMultiLineRow() {
    try (CsvReader in = read("id,text,score\n1,\"two\nlines\",x\n")) {
      assertThat(in.next()).isTrue();
      assertAt(
          catchThrowableOfType(FormatException.class, () -> in.getDouble(2)),
          3,
          8,
          "column 3 (score): expected a number, found 'x'");
    }
  }

  @Test
  void callersReportTheirOwnProblemsAtACellOrARow() {
    try (CsvReader in = read("item,annotator,label\ni1,alice,cra\n")) {
      assertThat(in.next()).isTrue();
      assertAt(
          in.cellError(2, "unknown label 'cra'; did you mean 'car'?"),
          2,
          10,
          "column 3 (label): unknown label 'cra'; did you mean 'car'?");
      assertAt(in.rowError("item 'i1' appears twice"), 2, 1, "row 1: item 'i1' appears twice");
    }
  }

  // ------------------------------------------------------------------ the header

  @Test
  void aMissingColumnListsExpectedAndFoundAndTheClosest() {
    try (CsvReader in = read("item,annotator,lable\n")) {
      assertAt(
          catchThrowableOfType(
              FormatException.class, () -> in.header().require("item", "annotator", "label")),
          1,
          0,
          "missing column 'label'; expected columns 'item', 'annotator', 'label', found 'item',"
              + " 'annotator', 'lable'; did you mean 'lable'?");
      assertThat(
              catchThrowableOfType(FormatException.class, () -> in.header().require("x", "y"))
                  .problem())
          .isEqualTo(
              "missing columns 'x', 'y'; expected columns 'x', 'y', found 'item', 'annotator',"
                  + " 'lable'");
      assertThat(in.header().require("annotator")).isEqualTo(1);
      assertThat(in.header().name(2)).isEqualTo("lable");
      assertThat(in.header().size()).isEqualTo(3);
      assertThat(in.header()).hasToString("CsvHeader['item', 'annotator', 'lable']");
    }
  }

  @Test
  void leadingColumnsAndValueColumns() {
    try (CsvReader in = read("id,cat,dog\n")) {
      assertAt(
          catchThrowableOfType(
              FormatException.class, () -> in.header().requireLeading("id", "member")),
          1,
          0,
          "expected the header to start with 'id', 'member' and then one column per value, found"
              + " 'id', 'cat', 'dog'");
    }
    try (CsvReader in = read("id\n")) {
      assertThat(
              catchThrowableOfType(FormatException.class, () -> in.header().requireLeading("id"))
                  .problem())
          .endsWith(": no value columns");
    }
  }

  // ------------------------------------------------------------------ files

  @Test
  void filesThatCannotBeReadAreNamed(@TempDir Path folder) throws Exception {
    Path missing = folder.resolve("missing.csv");
    assertThatThrownBy(() -> CsvReader.open(missing))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessage("cannot read " + missing + ": no such file");
    assertThatThrownBy(() -> CsvReader.open(folder))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessage("cannot read " + folder + ": it is a folder, not a file");
    Path file = folder.resolve("ok.csv");
    Files.writeString(file, "a,b\n1,2\n");
    try (CsvReader in = CsvReader.open(file)) {
      assertThat(in.next()).isTrue();
      assertThat(in.cells()).isEqualTo(List.of("1", "2"));
    }
    Files.writeString(file, "a,a\n");
    FormatException e = catchThrowableOfType(FormatException.class, () -> CsvReader.open(file));
    assertThat(e.source()).hasValue(file.toString());
  }
}
