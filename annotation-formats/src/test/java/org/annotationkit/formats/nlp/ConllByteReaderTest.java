package org.annotationkit.formats.nlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.annotationkit.core.annotation.SpanValue;
import org.annotationkit.core.dataset.Dataset;
import org.annotationkit.core.io.FormatException;
import org.annotationkit.core.item.Item;
import org.annotationkit.core.item.TextItem;
import org.annotationkit.formats.Loss;
import org.annotationkit.formats.text.DecodedTags;
import org.annotationkit.formats.text.TagRepair;
import org.annotationkit.formats.text.TagScheme;
import org.annotationkit.formats.text.TagSequences;
import org.annotationkit.formats.text.TokenSpan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pins the byte scanner of the {@code conll} reader ({@link Utf8Lines}, bytes split into cells,
 * code points counted on bytes) against a simple reference reader over strings: the whole file
 * decoded by a strict UTF-8 decoder, split into lines with {@link String#split}, each line split
 * into columns with a regular expression, offsets counted with {@link String#codePointCount}. Files
 * are generated from a fixed seed with CRLF, lone CR and LF line ends, a byte order mark, tabs and
 * spaces (leading, trailing, runs), multi-byte and emoji tokens, runs of blank and whitespace-only
 * lines, {@code -DOCSTART-} lines and a last line with or without its newline.
 */
class ConllByteReaderTest {
  private static final long SEED = 20_261_206L;

  private static final String[] WORDS = {
    "the", "Zürich", "東京", "café", "😀", "naïve", "e\u0301", "👍🏽", "a", ",", "-X-", "Ω", "x_y",
    "𝔘"
  };

  private static final String[] TYPES = {"PER", "ORG", "LOC", "MISC", "É"};

  private static final String[] BLANKS = {" ", "\t", " \t", "  ", "\u000B", "\f", "\t\t "};

  private static final String[] ENDS = {"\n", "\r\n", "\r"};

  @TempDir Path dir;

  /** The lines of a text as a reader of lines sees them: the reference splits on strings. */
  private static List<String> referenceLines(String text) {
    if (text.isEmpty()) {
      return List.of();
    }
    List<String> lines = new ArrayList<>(List.of(text.split("\r\n|\r|\n", -1)));
    if (lines.get(lines.size() - 1).isEmpty()) {
      lines.remove(lines.size() - 1); // the terminator of the last line starts no line
    }
    return lines;
  }

  private static String decodeStrict(byte[] bytes) throws CharacterCodingException {
    return StandardCharsets.UTF_8
        .newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT)
        .decode(ByteBuffer.wrap(bytes))
        .toString();
  }

  /** What the reference reader expects of a file: its items, spans and the lines of repairs. */
  private record Expected(
      List<TextItem> items, Map<String, List<SpanValue>> spans, List<Long> lossLines) {}

  private static Expected reference(byte[] bytes, TagScheme scheme, boolean strict)
      throws CharacterCodingException {
    String text = decodeStrict(bytes);
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    List<TextItem> items = new ArrayList<>();
    Map<String, List<SpanValue>> spans = new LinkedHashMap<>();
    List<Long> lossLines = new ArrayList<>();
    List<String[]> sentence = new ArrayList<>();
    long sentenceLine = 0;
    int documents = 0;
    List<String> lines = new ArrayList<>(referenceLines(text));
    lines.add(""); // a blank line after the last closes its sentence
    for (int l = 0; l < lines.size(); l++) {
      String trimmed = lines.get(l).replaceAll("^[ \t\u000B\f\r]+|[ \t\u000B\f\r]+$", "");
      String[] cells = trimmed.isEmpty() ? new String[0] : trimmed.split("[ \t\u000B\f\r]+");
      boolean docstart = cells.length > 0 && cells[0].equals("-DOCSTART-");
      if (cells.length == 0 || docstart) {
        if (!sentence.isEmpty()) {
          String id = "sentence-" + (items.size() + 1);
          items.add(item(id, sentence, documents));
          spans.put(id, spans(sentence, scheme, strict, sentenceLine, lossLines));
          sentence.clear();
        }
        if (docstart) {
          documents++;
        }
        continue;
      }
      if (sentence.isEmpty()) {
        sentenceLine = l + 1;
      }
      sentence.add(cells);
    }
    return new Expected(items, spans, lossLines);
  }

  private static TextItem item(String id, List<String[]> sentence, int documents) {
    List<String> tokens = new ArrayList<>();
    for (String[] cells : sentence) {
      tokens.add(cells[0]);
    }
    Map<String, String> metadata = new LinkedHashMap<>();
    if (documents > 0) {
      metadata.put("document", Integer.toString(documents));
    }
    metadata.put("tokenizer", "whitespace");
    int columns = sentence.get(0).length;
    for (int c = 1; c < columns - 1; c++) {
      List<String> values = new ArrayList<>();
      for (String[] cells : sentence) {
        values.add(cells[c]);
      }
      metadata.put("column-" + (c + 1), String.join(" ", values));
    }
    return new TextItem(id, String.join(" ", tokens), Optional.empty(), metadata);
  }

  private static List<SpanValue> spans(
      List<String[]> sentence,
      TagScheme scheme,
      boolean strict,
      long sentenceLine,
      List<Long> lossLines) {
    List<String> tags = new ArrayList<>();
    List<String> tokens = new ArrayList<>();
    for (String[] cells : sentence) {
      tags.add(cells[cells.length - 1]);
      tokens.add(cells[0]);
    }
    String text = String.join(" ", tokens);
    int[] starts = new int[tokens.size()];
    int[] ends = new int[tokens.size()];
    int utf16 = 0;
    for (int t = 0; t < tokens.size(); t++) {
      starts[t] = text.codePointCount(0, utf16);
      utf16 += tokens.get(t).length();
      ends[t] = text.codePointCount(0, utf16);
      utf16++;
    }
    DecodedTags decoded = TagSequences.decode(tags, scheme, strict);
    for (TagRepair repair : decoded.repairs()) {
      lossLines.add(sentenceLine + repair.token());
    }
    List<SpanValue> out = new ArrayList<>();
    for (TokenSpan span : decoded.spans()) {
      int from = text.offsetByCodePoints(0, starts[span.start()]);
      int to = text.offsetByCodePoints(0, ends[span.end() - 1]);
      out.add(
          new SpanValue(
              span.label(),
              starts[span.start()],
              ends[span.end() - 1],
              Optional.of(text.substring(from, to))));
    }
    return out;
  }

  /** A generated file: sentences of tokens with the same number of columns, in odd layouts. */
  private static String generate(Random random, int sentences) {
    StringBuilder out = new StringBuilder();
    if (random.nextInt(3) == 0) {
      out.append('\uFEFF');
    }
    String end = ENDS[random.nextInt(ENDS.length)];
    boolean mixedEnds = random.nextBoolean();
    for (int s = 0; s < sentences; s++) {
      if (random.nextInt(6) == 0) {
        out.append(blanks(random)).append("-DOCSTART-");
        if (random.nextBoolean()) {
          out.append(blank(random)).append("-X- O");
        }
        out.append(blanks(random)).append(end(random, out, end, mixedEnds));
      }
      int runs = random.nextInt(3);
      for (int r = 0; r < runs; r++) {
        out.append(random.nextBoolean() ? "" : blanks(random))
            .append(end(random, out, end, mixedEnds));
      }
      int columns = 2 + random.nextInt(3);
      int tokens = 1 + random.nextInt(12);
      for (int t = 0; t < tokens; t++) {
        out.append(random.nextInt(4) == 0 ? blanks(random) : "");
        out.append(WORDS[random.nextInt(WORDS.length)]);
        for (int c = 2; c < columns; c++) {
          out.append(blank(random)).append(WORDS[random.nextInt(WORDS.length)]);
        }
        out.append(blank(random)).append(tag(random));
        out.append(random.nextInt(4) == 0 ? blanks(random) : "");
        if (s < sentences - 1 || t < tokens - 1 || random.nextBoolean()) {
          out.append(end(random, out, end, mixedEnds));
        }
      }
      if (s < sentences - 1) {
        out.append(end(random, out, end, mixedEnds));
      }
    }
    return out.toString();
  }

  private static String tag(Random random) {
    int kind = random.nextInt(6);
    if (kind < 2) {
      return "O";
    }
    return (kind < 4 ? "B-" : "I-") + TYPES[random.nextInt(TYPES.length)];
  }

  private static String blank(Random random) {
    return BLANKS[random.nextInt(BLANKS.length)];
  }

  private static String blanks(Random random) {
    return random.nextBoolean() ? "" : blank(random);
  }

  /**
   * A line end; after a lone CR, a lone LF would join it into one CRLF, so CRLF is written instead
   * (CR, then CRLF: two line ends, as meant).
   */
  private static String end(Random random, StringBuilder out, String end, boolean mixed) {
    String chosen = mixed ? ENDS[random.nextInt(ENDS.length)] : end;
    boolean afterCr = !out.isEmpty() && out.charAt(out.length() - 1) == '\r';
    return afterCr && chosen.equals("\n") ? "\r\n" : chosen;
  }

  private static List<SpanValue> spansOf(Dataset dataset, String itemId) {
    return dataset.annotationsOf(itemId).stream()
        .flatMap(a -> a.results().stream())
        .map(r -> (SpanValue) r.value())
        .toList();
  }

  @Test
  void readsGeneratedFilesAsTheReferenceReaderDoes() throws Exception {
    Random random = new Random(SEED);
    for (int round = 0; round < 300; round++) {
      int sentences = round % 50 == 0 ? 4_000 : 1 + random.nextInt(12);
      String content = generate(random, sentences);
      byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
      Path file = dir.resolve("g" + round + ".conll");
      Files.write(file, bytes);
      // IOB2 leniently, IOB2 strictly, BIOES leniently (the generated B- and I- tags are BIOES's).
      TagScheme scheme = round % 3 == 2 ? TagScheme.BIOES : TagScheme.IOB2;
      boolean strict = round % 3 == 1;
      Expected expected = reference(bytes, scheme, strict);
      Io.Read read =
          Io.read(
              new ConllFormat(),
              file,
              Map.of(
                  "scheme",
                  scheme.name().toLowerCase(java.util.Locale.ROOT),
                  "strict",
                  "" + strict));
      List<Item> items = read.dataset().items();
      assertThat(items).as("round %d", round).isEqualTo(expected.items());
      for (Map.Entry<String, List<SpanValue>> entry : expected.spans().entrySet()) {
        assertThat(spansOf(read.dataset(), entry.getKey()))
            .as("round %d, %s", round, entry.getKey())
            .isEqualTo(entry.getValue());
      }
      assertThat(read.report().losses())
          .extracting(l -> l.object().line().getAsLong())
          .as("round %d", round)
          .isEqualTo(expected.lossLines());
      Set<String> labels = new LinkedHashSet<>();
      expected.spans().values().forEach(list -> list.forEach(s -> labels.add(s.label())));
      if (!labels.isEmpty()) {
        assertThat(read.dataset().schema().field("entities").orElseThrow().labels())
            .as("round %d", round)
            .isEqualTo(org.annotationkit.core.schema.LabelSet.of(labels.toArray(String[]::new)));
      }
    }
  }

  @Test
  void malformedUtf8AndBadLinesFailAtTheirLineAsTheReferenceDoes() throws Exception {
    Random random = new Random(SEED + 1);
    byte[][] broken = {
      {(byte) 0xC0, (byte) 0x80}, // overlong
      {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, // a surrogate
      {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, // above U+10FFFF
      {(byte) 0xE2, (byte) 0x82}, // truncated
      {(byte) 0x80}, // a lone continuation
      {(byte) 0xFF}
    };
    for (int round = 0; round < 60; round++) {
      String content = generate(random, 1 + random.nextInt(6));
      byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
      int at = random.nextInt(bytes.length + 1);
      byte[] bad = broken[round % broken.length];
      byte[] file = new byte[bytes.length + bad.length];
      System.arraycopy(bytes, 0, file, 0, at);
      System.arraycopy(bad, 0, file, at, bad.length);
      System.arraycopy(bytes, at, file, at + bad.length, bytes.length - at);
      assertThatThrownBy(() -> decodeStrict(file)).isInstanceOf(CharacterCodingException.class);
      // The line of the bad bytes: count the line ends before them as the reference splits.
      String before = new String(file, 0, at, StandardCharsets.ISO_8859_1);
      long line = referenceLines(before + "x").size();
      Path path = dir.resolve("b" + round + ".conll");
      Files.write(path, file);
      assertThatThrownBy(() -> Io.read(new ConllFormat(), path, Map.of()))
          .as("round %d", round)
          .isInstanceOf(FormatException.class)
          .hasMessageContaining("not UTF-8")
          .satisfies(e -> assertThat(((FormatException) e).line()).hasValue(line));
    }
  }

  @Test
  void linesOverSmallBuffersAndShortReadsAreTheReferenceLines() throws Exception {
    Random random = new Random(SEED + 2);
    for (int round = 0; round < 400; round++) {
      String content = generate(random, 1 + random.nextInt(5));
      byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
      String text = content.startsWith("\uFEFF") ? content.substring(1) : content;
      List<String> expected = referenceLines(text);
      int buffer = 1 + random.nextInt(round % 2 == 0 ? 40 : 400);
      InputStream in = new ShortReads(bytes, random.nextLong());
      List<String> lines = new ArrayList<>();
      List<Boolean> ascii = new ArrayList<>();
      try (Utf8Lines reader = new Utf8Lines(in, "t", buffer)) {
        while (reader.next()) {
          assertThat(reader.line()).isEqualTo(lines.size() + 1);
          String line =
              new String(
                  reader.buffer(),
                  reader.start(),
                  reader.end() - reader.start(),
                  StandardCharsets.UTF_8);
          lines.add(line);
          ascii.add(reader.ascii());
        }
      }
      assertThat(lines).as("round %d, buffer %d", round, buffer).isEqualTo(expected);
      for (int l = 0; l < lines.size(); l++) {
        String line = lines.get(l);
        assertThat(ascii.get(l)).isEqualTo(line.chars().allMatch(c -> c < 128));
      }
    }
  }

  @Test
  void codePointsCountedOnBytesAreThoseOfTheString() {
    Random random = new Random(SEED + 3);
    for (int round = 0; round < 2_000; round++) {
      StringBuilder text = new StringBuilder();
      int length = random.nextInt(20);
      for (int i = 0; i < length; i++) {
        int cp =
            switch (random.nextInt(4)) {
              case 0 -> random.nextInt(0x80);
              case 1 -> 0x80 + random.nextInt(0x800 - 0x80);
              case 2 -> 0xE000 + random.nextInt(0x10000 - 0xE000);
              default -> 0x10000 + random.nextInt(0x110000 - 0x10000);
            };
        text.appendCodePoint(cp);
      }
      String s = text.toString();
      byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
      assertThat(ConllFormat.codePointCount(bytes, 0, bytes.length))
          .isEqualTo(s.codePointCount(0, s.length()));
      assertThat(Utf8Lines.malformed(bytes, 0, bytes.length)).isEqualTo(-1);
    }
  }

  @Test
  void everyTwoByteAndThreeByteSequenceIsJudgedAsTheDecoderDoes() {
    for (int a = 0x80; a < 0x100; a++) {
      for (int b = 0; b < 0x100; b++) {
        byte[] two = {(byte) a, (byte) b};
        assertThat(Utf8Lines.malformed(two, 0, 2) < 0)
            .as("%02x %02x", a, b)
            .isEqualTo(decodes(two));
        for (int c : new int[] {0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xFF}) {
          byte[] three = {(byte) a, (byte) b, (byte) c};
          assertThat(Utf8Lines.malformed(three, 0, 3) < 0)
              .as("%02x %02x %02x", a, b, c)
              .isEqualTo(decodes(three));
          byte[] four = {(byte) a, (byte) b, (byte) c, (byte) 0x80};
          assertThat(Utf8Lines.malformed(four, 0, 4) < 0)
              .as("%02x %02x %02x 80", a, b, c)
              .isEqualTo(decodes(four));
        }
      }
    }
  }

  private static boolean decodes(byte[] bytes) {
    try {
      decodeStrict(bytes);
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }

  @Test
  void oneColumnAndColumnCountErrorsNameTheirLine() throws Exception {
    Path file = dir.resolve("e.conll");
    Files.writeString(file, "\uFEFFa\tO\r\n\r\n\rb  B-PER\rlonely\n", StandardCharsets.UTF_8);
    assertThatThrownBy(() -> Io.read(new ConllFormat(), file, Map.of()))
        .isInstanceOf(FormatException.class)
        .hasMessageContaining("'lonely'")
        .satisfies(e -> assertThat(((FormatException) e).line()).hasValue(5));
    Files.writeString(file, "a O\r\nb x O\r\n", StandardCharsets.UTF_8);
    assertThatThrownBy(() -> Io.read(new ConllFormat(), file, Map.of()))
        .isInstanceOf(FormatException.class)
        .satisfies(e -> assertThat(((FormatException) e).line()).hasValue(2));
    Files.writeString(file, "😀 O\n\n东 I-É\n", StandardCharsets.UTF_8);
    Io.Read read = Io.read(new ConllFormat(), file, Map.of());
    assertThat(read.report().losses())
        .extracting(Loss::what)
        .containsExactly("invalid tags repaired");
    assertThat(read.report().losses().get(0).object().line()).hasValue(3);
  }

  /** An input stream that gives a few bytes at a time, as pipes and sockets may. */
  private static final class ShortReads extends InputStream {
    private final ByteArrayInputStream in;
    private final Random random;

    ShortReads(byte[] bytes, long seed) {
      this.in = new ByteArrayInputStream(bytes);
      this.random = new Random(seed);
    }

    @Override
    public int read() {
      return in.read();
    }

    @Override
    public int read(byte[] b, int off, int len) {
      if (len == 0) {
        return 0;
      }
      return in.read(b, off, Math.min(len, 1 + random.nextInt(7)));
    }
  }
}
