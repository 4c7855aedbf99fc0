package org.annotationkit.core.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.testing.NullPointerTester;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.annotationkit.core.io.AtomicFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvWriterTest {

  private static String written(CsvFormat format, Consumer<CsvWriter> rows) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (CsvWriter out = CsvWriter.to(bytes, format)) {
      rows.accept(out);
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void quotesOnlyWhatMustBeQuoted() {
    assertThat(
            written(
                CsvFormat.DEFAULT,
                out -> {
                  out.row("a", "b,c", "d\"e", "", "line\nbreak", "cr\r", " spaced ", "é😀");
                  out.row("1", "2", "3", "4", "5", "6", "7", "8");
                }))
        .isEqualTo(
            "a,\"b,c\",\"d\"\"e\",,\"line\nbreak\",\"cr\r\", spaced ,é😀\n1,2,3,4,5,6,7,8\n");
  }

  @Test
  void quotesEverythingAndEndsLinesWithCrlfWhenAsked() {
    CsvFormat format =
        CsvFormat.DEFAULT
            .withQuoteAll()
            .withLineEnding(CsvFormat.LineEnding.CRLF)
            .withSeparator(';');
    assertThat(written(format, out -> out.row("a", "", "x;y"))).isEqualTo("\"a\";\"\";\"x;y\"\r\n");
    assertThat(written(CsvFormat.DEFAULT.withSeparator('\t'), out -> out.row("a,b", "c\td")))
        .isEqualTo("a,b\t\"c\td\"\n");
  }

  @Test
  void aRowOfOneEmptyCellAndALeadingByteOrderMarkAreQuoted() {
    assertThat(written(CsvFormat.DEFAULT, out -> out.row("").row("x"))).isEqualTo("\"\"\nx\n");
    assertThat(written(CsvFormat.DEFAULT, out -> out.row("\uFEFFid", "\uFEFF").row("\uFEFF", "b")))
        .isEqualTo("\"\uFEFFid\",\uFEFF\n\uFEFF,b\n");
  }

  @Test
  void numbersAreWrittenAsJavaWritesThem() {
    assertThat(
            written(
                CsvFormat.DEFAULT,
                out ->
                    out.cell(0.1)
                        .cell(1e-5)
                        .cell(Double.NaN)
                        .cell(Double.NEGATIVE_INFINITY)
                        .cell(42)
                        .cell(-7L)
                        .endRow()))
        .isEqualTo("0.1,1.0E-5,NaN,-Infinity,42,-7\n");
  }

  @Test
  void badRowsAreRefusedAndNotWritten() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    CsvWriter out = CsvWriter.to(bytes, CsvFormat.DEFAULT);
    out.row("a", "b", "c");
    assertThatThrownBy(() -> out.row("1", "2"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("row 2 has 2 cells, but the first row has 3");
    assertThatThrownBy(() -> out.cell("x").cell("y").cell("z\uD83Dw"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("row 2, column 3: the text has an unpaired surrogate U+D83D at index 1");
    assertThatThrownBy(out::endRow)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("row 2 has no cells");
    out.cell("p");
    assertThatThrownBy(() -> out.row("q"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("row 2 was begun cell by cell; end it with endRow() first");
    out.cell("q").cell("r");
    assertThat(out.rows()).isEqualTo(1);
    out.close();
    assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo("a,b,c\np,q,r\n");
    assertThatThrownBy(() -> out.cell("x"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("the writer of the table is closed");
  }

  @Test
  void aFileIsWrittenWhole(@TempDir Path folder) throws Exception {
    Path file = folder.resolve("picks.csv");
    CsvWriter.write(file, CsvFormat.DEFAULT, out -> out.row("rank", "id").row("1", "x"));
    assertThat(Files.readString(file)).isEqualTo("rank,id\n1,x\n");
    try (CsvReader in = CsvReader.open(file)) {
      assertThat(in.header().names()).containsExactly("rank", "id");
    }
  }

  @Test
  void aFailedWriteLeavesTheOldFileAndNoTemporaryFile(@TempDir Path folder) throws Exception {
    Path file = folder.resolve("picks.csv");
    Files.writeString(file, "old\n");
    assertThatThrownBy(() ->
            CsvWriter.write(
                file,
                CsvFormat.DEFAULT,
                out -> {
                  out.row("rank", "id");
                  out.row("1");
                }))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("row 2 has 1 cell, but the first row has 2");
    assertThat(Files.readString(file)).isEqualTo("old\n");
    try (Stream<Path> files = Files.list(folder)) {
      assertThat(files).containsExactly(file);
    }
    Path fresh = folder.resolve("fresh.csv");
    assertThatThrownBy(() ->
            CsvWriter.write(
                fresh,
                CsvFormat.DEFAULT,
                out -> {
                  throw new IllegalStateException("boom");
                }))
        .hasMessage("boom");
    assertThat(fresh).doesNotExist();
    try (Stream<Path> files = Files.list(folder)) {
      assertThat(files).containsExactly(file);
    }
  }

  @Test
  void writeErrorsNameTheTargetNotTheTemporaryFile(@TempDir Path folder) {
    Path missing = folder.resolve("no-such-folder").resolve("x.csv");
    assertThatThrownBy(() -> CsvWriter.write(missing, CsvFormat.DEFAULT, out -> out.row("a")))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessage(
            "cannot write "
                + missing
                + ": the folder "
                + folder.resolve("no-such-folder").toAbsolutePath()
                + " does not exist");
    assertThatThrownBy(() -> CsvWriter.write(folder, CsvFormat.DEFAULT, out -> out.row("a")))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessage("cannot write " + folder + ": it is a folder, not a file");
    assertThatThrownBy(() ->
            AtomicFiles.write(
                folder.resolve("y.bin"),
                out -> {
                  throw new java.io.IOException("disk full");
                }))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessage("cannot write " + folder.resolve("y.bin") + ": disk full");
  }

  @Test
  void formatsRefuseSeparatorsThatCannotWork() {
    for (char bad : new char[] {'"', '\r', '\n', 0, 'é'}) {
      assertThatThrownBy(() -> CsvFormat.DEFAULT.withSeparator(bad))
          .isInstanceOf(IllegalArgumentException.class);
    }
    assertThatThrownBy(() -> CsvFormat.DEFAULT.withSeparator('"'))
        .hasMessage("separator must not be a quote, CR, LF or NUL, got U+0022");
    assertThat(CsvFormat.DEFAULT.withoutHeader().header()).isFalse();
  }

  @Test
  void nullArgumentsAreRefused() {
    NullPointerTester tester =
        new NullPointerTester()
            .setDefault(CsvFormat.class, CsvFormat.DEFAULT)
            .setDefault(String.class, "a")
            .setDefault(String[].class, new String[] {"a"})
            .setDefault(InputStream.class, new ByteArrayInputStream(new byte[] {'a', '\n'}))
            .setDefault(List.class, List.of("a"));
    assertThatCode(() -> tester.testAllPublicStaticMethods(CsvWriter.class))
        .doesNotThrowAnyException();
    assertThatCode(() -> tester.testAllPublicStaticMethods(CsvReader.class))
        .doesNotThrowAnyException();
    assertThatCode(() -> tester.testAllPublicStaticMethods(AtomicFiles.class))
        .doesNotThrowAnyException();
    assertThatCode(() ->
            tester.testAllPublicInstanceMethods(
                CsvWriter.to(new ByteArrayOutputStream(), CsvFormat.DEFAULT)))
        .doesNotThrowAnyException();
    CsvReader reader =
        CsvReader.open(
            new ByteArrayInputStream("a\n1\n".getBytes(StandardCharsets.UTF_8)),
            "t",
            CsvFormat.DEFAULT);
    assertThat(reader.next()).isTrue();
    assertThatCode(() -> tester.testAllPublicInstanceMethods(reader)).doesNotThrowAnyException();
    assertThatCode(() -> tester.testAllPublicInstanceMethods(reader.header()))
        .doesNotThrowAnyException();
    assertThatCode(() -> tester.testAllPublicInstanceMethods(CsvFormat.DEFAULT))
        .doesNotThrowAnyException();
  }
}
