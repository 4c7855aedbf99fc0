package org.annotationkit.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.annotationkit.core.annotation.Annotation;
import org.annotationkit.core.io.FormatException;
import org.annotationkit.core.item.Item;
import org.annotationkit.core.item.TextItem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 5: messages that leaked jackson-core's internals or lost the place. Each test reads or
 * writes the way a user would and checks the message a person gets: {@code FILE:LINE:COLUMN at
 * POINTER: problem}, in our words.
 */
class Issue5MessagesTest {
  private static final JsonCodec<Item> ITEMS = CanonicalJson.items();
  private static final JsonCodec<Annotation> ANNOTATIONS = CanonicalJson.annotations();

  @TempDir Path folder;

  private static String textItem(String id, String text) {
    return ITEMS.write(new TextItem(id, text));
  }

  private static void assertNoInternals(Throwable e) {
    assertThat(e.getMessage())
        .doesNotContain("StreamReadFeature")
        .doesNotContain("StreamReadConstraints")
        .doesNotContain("#UNKNOWN")
        .doesNotContain("Source:")
        .doesNotContain("Exception");
  }

  @Test
  void prettyPrintedJsonGivenAsJsonLinesSaysExpectedOneRecordPerLine() throws IOException {
    Annotation annotation = Samples.annotations().get(0);
    Path file = folder.resolve("pretty.jsonl");
    Files.writeString(file, ANNOTATIONS.writePretty(annotation) + "\n", StandardCharsets.UTF_8);
    try (JsonLinesReader<Annotation> reader = ANNOTATIONS.readLines(file)) {
      FormatException e = catchThrowableOfType(FormatException.class, reader::next);
      assertThat(e.problem()).startsWith("expected one record per line");
      assertThat(e.getMessage()).startsWith(file + ":1:1 at /: expected one record per line");
      assertNoInternals(e);
      assertThat(reader.lineNumber()).isEqualTo(1);
    }
  }

  @Test
  void aRecordThatGoesOnPastItsLineIsAnErrorAndTheNextLinesStillRead() {
    String cut = textItem("t1", "cut").replace("\"text\":\"cut\"}", "\"text\":");
    String input = textItem("t0", "a") + "\n" + cut + "\n" + textItem("t2", "b") + "\n";
    try (JsonLinesReader<Item> reader = ITEMS.readLines(new StringReader(input), "x.jsonl")) {
      assertThat(reader.next().id()).isEqualTo("t0");
      FormatException e = catchThrowableOfType(FormatException.class, reader::next);
      // The parser would take the object on line 3 as the value of "text": the record goes on.
      assertThat(e.getMessage()).startsWith("x.jsonl:2:1 at /: expected one record per line");
      assertThat(reader.next().id()).isEqualTo("t2");
      assertThat(reader.lineNumber()).isEqualTo(3);
      assertThat(reader.hasNext()).isFalse();
    }
  }

  @Test
  void aPrettyRecordThatLacksAFieldStillSaysExpectedOneRecordPerLine() {
    String pretty = ITEMS.writePretty(new TextItem("t0", "a")).replace(",\n  \"text\": \"a\"", "");
    try (JsonLinesReader<Item> reader = ITEMS.readLines(new StringReader(pretty), "x.jsonl")) {
      FormatException e = catchThrowableOfType(FormatException.class, reader::next);
      assertThat(e.getMessage()).startsWith("x.jsonl:1:1 at /: expected one record per line");
    }
    // As one document it is read in full, and what is wrong with it is said.
    FormatException alone = catchThrowableOfType(FormatException.class, () -> ITEMS.read(pretty));
    assertThat(alone.problem()).contains("missing required field \"text\"");
  }

  @Test
  void aTooLongNumberSaysSoWithItsLineAndNotJacksonsSetting() {
    String line = "{\"annotationkit\":\"item\",\"version\":1,\"type\":\"image\",\"id\":\"i\",";
    String bad = line + "\"uri\":\"a.jpg\",\"width\":" + "1".repeat(1001) + ",\"height\":1}";
    String input = textItem("t0", "a") + "\n" + bad + "\n" + textItem("t2", "b") + "\n";
    try (JsonLinesReader<Item> reader = ITEMS.readLines(new StringReader(input), "x.jsonl")) {
      assertThat(reader.next().id()).isEqualTo("t0");
      FormatException e = catchThrowableOfType(FormatException.class, reader::next);
      assertThat(e.line()).hasValue(2);
      assertThat(e.getMessage()).startsWith("x.jsonl:2:");
      assertThat(e.problem()).contains("a number longer than 1000 characters");
      assertNoInternals(e);
      assertThat(reader.next().id()).isEqualTo("t2");
    }
    FormatException alone = catchThrowableOfType(FormatException.class, () -> ITEMS.read(bad));
    assertThat(alone.line()).hasValue(1);
    assertNoInternals(alone);
  }

  @Test
  void latin1InputSaysNotUtf8WithItsByteOffsetLineAndColumn() throws IOException {
    byte[] first = (textItem("t0", "a") + "\n").getBytes(StandardCharsets.UTF_8);
    byte[] latin1 = (textItem("t1", "café") + "\n").getBytes(StandardCharsets.ISO_8859_1);
    byte[] last = (textItem("t2", "é") + "\n").getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    all.write(first);
    all.write(latin1);
    all.write(last);
    Path file = folder.resolve("latin1.jsonl");
    Files.write(file, all.toByteArray());
    int column = textItem("t1", "café").indexOf('é') + 1;
    long offset = (long) first.length + column - 1;
    try (JsonLinesReader<Item> reader = ITEMS.readLines(file)) {
      assertThat(reader.next().id()).isEqualTo("t0");
      FormatException e = catchThrowableOfType(FormatException.class, reader::next);
      assertThat(e.getMessage())
          .isEqualTo(
              file
                  + ":2:"
                  + column
                  + " at /text: the input is not UTF-8 text: byte 0xE9 at byte offset "
                  + offset
                  + " is not valid UTF-8 (is the file in another encoding, such as Latin-1? save"
                  + " it as UTF-8)");
      assertThat(reader.next()).isEqualTo(new TextItem("t2", "é"));
      assertThat(reader.hasNext()).isFalse();
    }
    Path alone = folder.resolve("latin1.json");
    Files.write(alone, latin1);
    FormatException e = catchThrowableOfType(FormatException.class, () -> ITEMS.read(alone));
    assertThat(e.getMessage())
        .startsWith(alone + ":1:" + column + " at /text: the input is not UTF-8 text: byte 0xE9")
        .contains("byte offset " + (column - 1));
  }

  @Test
  void aBadByteAfterAGoodRecordOnItsLineFailsThatLine() throws IOException {
    byte[] good = (textItem("t0", "a") + " ").getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    all.write(good);
    all.write(0xFF);
    all.write(("\n" + textItem("t1", "b") + "\n").getBytes(StandardCharsets.UTF_8));
    Path file = folder.resolve("trailing.jsonl");
    Files.write(file, all.toByteArray());
    try (JsonLinesReader<Item> reader = ITEMS.readLines(file)) {
      FormatException e = catchThrowableOfType(FormatException.class, reader::next);
      assertThat(e.getMessage())
          .startsWith(
              file + ":1:" + (good.length + 1) + " at /: the input is not UTF-8 text: byte 0xFF");
      assertThat(reader.next().id()).isEqualTo("t1");
    }
  }

  @Test
  void readingAFolderNamesThePath() {
    Throwable lines = catchThrowable(() -> ITEMS.readLines(folder).hasNext());
    assertThat(lines)
        .isInstanceOf(UncheckedIOException.class)
        .hasMessage("cannot read " + folder + ": it is a folder, not a file");
    Throwable one = catchThrowable(() -> ITEMS.read(folder));
    assertThat(one)
        .isInstanceOf(UncheckedIOException.class)
        .hasMessage("cannot read " + folder + ": it is a folder, not a file");
  }

  @Test
  void writingIntoAMissingFolderNamesTheTargetFileNotTheTemporaryFile() {
    Path target = folder.resolve("missing").resolve("items.jsonl");
    Throwable e = catchThrowable(() -> ITEMS.writeLines(target, List.of(new TextItem("t", "x"))));
    assertThat(e)
        .isInstanceOf(UncheckedIOException.class)
        .hasMessage(
            "cannot write "
                + target
                + ": the folder "
                + target.toAbsolutePath().getParent()
                + " does not exist");
    assertThat(e.getMessage()).doesNotContain(".tmp");
  }

  @Test
  void writingALoneSurrogateNamesTheFileAndTheRecord() throws IOException {
    Path target = folder.resolve("items.jsonl");
    List<Item> items = List.of(new TextItem("t0", "fine 😀"), new TextItem("t1", "half \uD83D"));
    Throwable e = catchThrowable(() -> ITEMS.writeLines(target, items));
    assertThat(e)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "cannot write "
                + target
                + ": record 2 (item 't1', line 2) holds a lone surrogate U+D83D, half of a UTF-16"
                + " pair, which UTF-8 cannot encode");
    assertThat(Files.exists(target)).isFalse();
    assertThat(folder.toFile().list()).isEmpty();
  }

  @Test
  void aLoneSurrogateInReadTextIsReportedAtItsLine() {
    String input =
        textItem("t0", "a") + "\n" + textItem("t1", "x\uD800y") + "\n" + textItem("t2", "b");
    try (JsonLinesReader<Item> reader = ITEMS.readLines(new StringReader(input), "x.jsonl")) {
      assertThat(reader.next().id()).isEqualTo("t0");
      FormatException e = catchThrowableOfType(FormatException.class, reader::next);
      assertThat(e.line()).hasValue(2);
      assertThat(e.problem()).contains("lone surrogate");
      assertThat(reader.next().id()).isEqualTo("t2");
    }
  }

  @Test
  void columnsCountCharactersNotBytes() {
    String bad =
        "{\"annotationkit\":\"item\",\"version\":1,\"type\":\"text\",\"id\":\"é😀\",\"text\":7}";
    try (JsonLinesReader<Item> reader =
        ITEMS.readLines(
            new java.io.ByteArrayInputStream(bad.getBytes(StandardCharsets.UTF_8)), "x.jsonl")) {
      FormatException e = catchThrowableOfType(FormatException.class, reader::next);
      assertThat(e.column()).hasValue(bad.indexOf("7}") + 1);
    }
  }
}
