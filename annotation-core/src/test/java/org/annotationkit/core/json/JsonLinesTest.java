package org.annotationkit.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.stream.Stream;
import org.annotationkit.core.annotation.Annotation;
import org.annotationkit.core.io.FormatException;
import org.annotationkit.core.item.ImageItem;
import org.annotationkit.core.item.Item;
import org.annotationkit.core.item.TextItem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonLinesTest {
  private static final JsonCodec<Item> ITEMS = CanonicalJson.items();
  private static final JsonCodec<Annotation> ANNOTATIONS = CanonicalJson.annotations();

  private static String textItemLine(long i) {
    return "{\"annotationkit\":\"item\",\"version\":1,\"type\":\"text\",\"id\":\"t"
        + i
        + "\",\"text\":\"line "
        + i
        + "\"}";
  }

  /** A reader that makes up {@code lines} item records as they are read, never all at once. */
  private static final class GeneratedLines extends Reader {
    private final long lines;
    private long next;
    private String current = "";
    private int position;
    long charsServed;
    boolean closed;

    GeneratedLines(long lines) {
      this.lines = lines;
    }

    @Override
    public int read(char[] buffer, int offset, int length) {
      if (position == current.length()) {
        if (next == lines) {
          return -1;
        }
        current = textItemLine(next++) + "\n";
        position = 0;
      }
      int n = Math.min(length, current.length() - position);
      current.getChars(position, position + n, buffer, offset);
      position += n;
      charsServed += n;
      return n;
    }

    @Override
    public void close() {
      closed = true;
    }
  }

  @Test
  void readsTwoHundredThousandLinesOneAtATime() {
    int lines = 200_000;
    GeneratedLines input = new GeneratedLines(lines);
    try (JsonLinesReader<Item> reader = ITEMS.readLines(input, "generated.jsonl")) {
      assertThat(reader.lineNumber()).isZero();
      Item first = reader.next();
      assertThat(first).isEqualTo(new TextItem("t0", "line 0"));
      // Only about one buffer of the input has been produced, not the ~15 MB of all lines.
      assertThat(input.charsServed).isLessThan(64 * 1024);
      long count = 1;
      while (reader.hasNext()) {
        Item item = reader.next();
        assertThat(item.id()).isEqualTo("t" + count);
        count++;
        assertThat(reader.lineNumber()).isEqualTo(count);
      }
      assertThat(count).isEqualTo(lines);
      assertThat(input.charsServed).isGreaterThan(lines * 60L);
    }
    assertThat(input.closed).isTrue();
  }

  @Test
  void anErrorOnLineThreeReportsLineThreeAndReadingGoesOn() {
    String bad =
        "{\"annotationkit\":\"item\",\"version\":1,\"type\":\"text\",\"id\":\"t2\",\"text\":7}";
    String input =
        String.join("\n", textItemLine(0), textItemLine(1), bad, textItemLine(3), textItemLine(4))
            + "\n";
    try (JsonLinesReader<Item> reader = ITEMS.readLines(new StringReader(input), "items.jsonl")) {
      assertThat(reader.next().id()).isEqualTo("t0");
      assertThat(reader.next().id()).isEqualTo("t1");
      FormatException e = catchThrowableOfType(FormatException.class, reader::next);
      assertThat(e.problem()).isEqualTo("expected a string, found the number 7");
      assertThat(e.source()).hasValue("items.jsonl");
      assertThat(e.line()).hasValue(3);
      assertThat(e.column()).hasValue(bad.indexOf("7}") + 1);
      assertThat(e.pointer()).hasValue("/text");
      assertThat(e.getMessage())
          .isEqualTo(
              "items.jsonl:3:"
                  + (bad.indexOf("7}") + 1)
                  + " at /text: expected a string, found the number 7");
      assertThat(reader.lineNumber()).isEqualTo(3);
      assertThat(reader.next().id()).isEqualTo("t3");
      assertThat(reader.lineNumber()).isEqualTo(4);
      assertThat(reader.next().id()).isEqualTo("t4");
      assertThat(reader.hasNext()).isFalse();
      assertThatThrownBy(reader::next).isInstanceOf(NoSuchElementException.class);
    }
  }

  @Test
  void aLineCutShortIsOneRecordThatDoesNotEndOnItsLineAndTheNextLineStillReads() {
    String input = textItemLine(0) + "\n\n{\"annotationkit\":\"item\",\n" + textItemLine(3);
    try (JsonLinesReader<Item> reader = ITEMS.readLines(new StringReader(input), "x.jsonl")) {
      assertThat(reader.next().id()).isEqualTo("t0");
      FormatException e = catchThrowableOfType(FormatException.class, reader::next);
      assertThat(e.problem()).startsWith("expected one record per line");
      assertThat(e.line()).hasValue(3);
      assertThat(e.column()).hasValue(1);
      assertThat(e.getMessage()).startsWith("x.jsonl:3:1 at /: expected one record per line");
      assertThat(reader.next().id()).isEqualTo("t3");
    }
  }

  @Test
  void twoRecordsOnOneLineAreRefused() {
    String input = textItemLine(0) + " " + textItemLine(1) + "\n";
    try (JsonLinesReader<Item> reader = ITEMS.readLines(new StringReader(input), "x.jsonl")) {
      FormatException e = catchThrowableOfType(FormatException.class, reader::next);
      assertThat(e.problem())
          .isEqualTo("expected the end of the line after the record, found an object");
      assertThat(e.line()).hasValue(1);
      assertThat(e.column()).hasValue(textItemLine(0).length() + 2);
    }
  }

  @Test
  void blankLinesAreSkippedButCounted() {
    String input =
        "\uFEFF\n  \n" + textItemLine(0) + "\r\n\t\n" + textItemLine(1) + "\r" + textItemLine(2);
    try (JsonLinesReader<Item> reader = ITEMS.readLines(new StringReader(input), "x.jsonl")) {
      assertThat(reader.next().id()).isEqualTo("t0");
      assertThat(reader.lineNumber()).isEqualTo(3);
      assertThat(reader.next().id()).isEqualTo("t1");
      assertThat(reader.lineNumber()).isEqualTo(5);
      assertThat(reader.next().id()).isEqualTo("t2");
      assertThat(reader.lineNumber()).isEqualTo(6);
      assertThat(reader.hasNext()).isFalse();
    }
  }

  @Test
  void closingTheStreamClosesTheReader() {
    GeneratedLines input = new GeneratedLines(10);
    JsonLinesReader<Item> reader = ITEMS.readLines(input, "generated.jsonl");
    try (Stream<Item> items = reader.stream()) {
      assertThat(items.limit(3).map(Item::id)).containsExactly("t0", "t1", "t2");
    }
    assertThat(input.closed).isTrue();
    assertThatThrownBy(reader::hasNext).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void writerWritesOneRecordPerLine() {
    List<Item> items = Samples.itemOfEveryType();
    StringWriter out = new StringWriter();
    try (JsonLinesWriter<Item> writer = ITEMS.writeLines(out)) {
      for (Item item : items) {
        writer.write(item);
      }
    }
    String text = out.toString();
    assertThat(text).endsWith("\n");
    assertThat(text.split("\n", -1)).hasSize(items.size() + 1);
    assertThat(text.lines().toList()).isEqualTo(items.stream().map(ITEMS::write).toList());
    try (JsonLinesReader<Item> reader = ITEMS.readLines(new StringReader(text), "x")) {
      assertThat(reader.stream().toList()).isEqualTo(items);
    }
  }

  @Test
  void writerClosesItsTargetAndRefusesLaterWrites() throws IOException {
    boolean[] closed = {false};
    StringWriter target = new StringWriter();
    Writer watched =
        new Writer() {
          @Override
          public void write(char[] buffer, int offset, int length) {
            target.write(buffer, offset, length);
          }

          @Override
          public void flush() {}

          @Override
          public void close() {
            closed[0] = true;
          }
        };
    JsonLinesWriter<Item> writer = ITEMS.writeLines(watched);
    Item item = new ImageItem("i", URI.create("a.jpg"), 1, 1);
    writer.write(item);
    writer.flush();
    assertThat(target.toString()).isEqualTo(ITEMS.write(item) + "\n");
    writer.close();
    assertThat(closed[0]).isTrue();
    assertThatThrownBy(() -> writer.write(item))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("the writer is closed");
    writer.close();
  }

  @Test
  void writerReportsIoFailures() {
    Writer failing =
        new Writer() {
          @Override
          public void write(char[] buffer, int offset, int length) throws IOException {
            throw new IOException("disk full");
          }

          @Override
          public void flush() throws IOException {
            throw new IOException("disk full");
          }

          @Override
          public void close() {}
        };
    JsonLinesWriter<Item> writer = ITEMS.writeLines(failing);
    writer.write(new ImageItem("i", URI.create("a.jpg"), 1, 1));
    assertThatThrownBy(writer::flush)
        .isInstanceOf(UncheckedIOException.class)
        .hasRootCauseMessage("disk full");
  }

  @Test
  void filesRoundTrip(@TempDir Path folder) {
    Path file = folder.resolve("annotations.jsonl");
    List<Annotation> annotations = Samples.annotations();
    ANNOTATIONS.writeLines(file, annotations);
    try (JsonLinesReader<Annotation> reader = ANNOTATIONS.readLines(file)) {
      assertThat(reader.stream().toList()).isEqualTo(annotations);
    }
    assertThat(folder.toFile().list()).containsExactly("annotations.jsonl");
  }

  @Test
  void fileIsUtf8(@TempDir Path folder) throws IOException {
    Path file = folder.resolve("items.jsonl");
    Item item = new TextItem("t", "é😀");
    ITEMS.writeLines(file, List.of(item));
    assertThat(Files.readAllBytes(file))
        .isEqualTo((ITEMS.write(item) + "\n").getBytes(StandardCharsets.UTF_8));
    assertThat(ITEMS.read(Files.readString(file))).isEqualTo(item);
  }

  /** Values that fail after the first two (as an {@link Iterable}: {@code ::failingAfterTwo}). */
  private static Iterator<Item> failingAfterTwo() {
    return new Iterator<>() {
      private int served;

      @Override
      public boolean hasNext() {
        return true;
      }

      @Override
      public Item next() {
        if (served == 2) {
          throw new IllegalStateException("source broke");
        }
        return new TextItem("t" + served++, "x");
      }
    };
  }

  @Test
  void aFailedWriteLeavesNoFileAndNoTemporaryFile(@TempDir Path folder) {
    Path file = folder.resolve("items.jsonl");
    assertThatThrownBy(() -> ITEMS.writeLines(file, JsonLinesTest::failingAfterTwo))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("source broke");
    assertThat(folder.toFile().list()).isEmpty();
  }

  @Test
  void aFailedWriteLeavesTheOldFileAsItWas(@TempDir Path folder) throws IOException {
    Path file = folder.resolve("items.jsonl");
    ITEMS.writeLines(file, List.of(new TextItem("old", "kept")));
    String before = Files.readString(file);
    assertThatThrownBy(() -> ITEMS.writeLines(file, JsonLinesTest::failingAfterTwo))
        .hasMessage("source broke");
    assertThat(Files.readString(file)).isEqualTo(before);
    assertThat(folder.toFile().list()).containsExactly("items.jsonl");
    ITEMS.writeLines(file, List.of(new TextItem("new", "replaced")));
    assertThat(ITEMS.readLines(file).stream().map(Item::id)).containsExactly("new");
  }

  @Test
  void missingFilesRaiseUncheckedIoExceptions(@TempDir Path folder) {
    Path missing = folder.resolve("missing.jsonl");
    assertThatThrownBy(() -> ITEMS.readLines(missing))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining("missing.jsonl");
    assertThatThrownBy(() -> ITEMS.read(missing)).isInstanceOf(UncheckedIOException.class);
    assertThatThrownBy(
            () -> ITEMS.writeLines(folder.resolve("no/such/folder/x.jsonl"), List.<Item>of()))
        .isInstanceOf(UncheckedIOException.class);
  }

  @Test
  void invalidUtf8LineIsAFormatErrorAtItsLine(@TempDir Path folder) throws IOException {
    Path file = folder.resolve("bad.jsonl");
    byte[] good = (textItemLine(0) + "\r\n").getBytes(StandardCharsets.UTF_8);
    byte[] bad = {'{', '"', (byte) 0xFF, '"', '}', '\n'};
    byte[] after = (textItemLine(2) + "\n").getBytes(StandardCharsets.UTF_8);
    java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
    all.write(good);
    all.write(bad);
    all.write(after);
    Files.write(file, all.toByteArray());
    try (JsonLinesReader<Item> reader = ITEMS.readLines(file)) {
      assertThat(reader.next().id()).isEqualTo("t0");
      FormatException e = catchThrowableOfType(FormatException.class, reader::next);
      assertThat(e.problem()).startsWith("the input is not UTF-8 text");
      assertThat(e.source()).hasValue(file.toString());
      assertThat(e.line()).hasValue(2);
      assertThat(reader.next().id()).isEqualTo("t2");
      assertThat(reader.lineNumber()).isEqualTo(3);
      assertThat(reader.hasNext()).isFalse();
    }
  }

  @Test
  void fileLinesMayEndInAnyWay(@TempDir Path folder) throws IOException {
    Path file = folder.resolve("mixed.jsonl");
    String text =
        "\uFEFF" + textItemLine(0) + "\r\n\r" + textItemLine(1) + "\r" + textItemLine(2) + "\n\n";
    Files.writeString(file, text, StandardCharsets.UTF_8);
    try (JsonLinesReader<Item> reader = ITEMS.readLines(file)) {
      assertThat(reader.next().id()).isEqualTo("t0");
      assertThat(reader.lineNumber()).isEqualTo(1);
      assertThat(reader.next().id()).isEqualTo("t1");
      assertThat(reader.lineNumber()).isEqualTo(3);
      assertThat(reader.next().id()).isEqualTo("t2");
      assertThat(reader.lineNumber()).isEqualTo(4);
      assertThat(reader.hasNext()).isFalse();
    }
  }

  @Test
  void longLinesFromFilesReadWhole(@TempDir Path folder) {
    Path file = folder.resolve("long.jsonl");
    String text = "x".repeat(200_000) + "é";
    ITEMS.writeLines(file, List.of(new TextItem("long", text), new TextItem("short", "s")));
    try (JsonLinesReader<Item> reader = ITEMS.readLines(file)) {
      assertThat(reader.next()).isEqualTo(new TextItem("long", text));
      assertThat(reader.next()).isEqualTo(new TextItem("short", "s"));
    }
  }
}
