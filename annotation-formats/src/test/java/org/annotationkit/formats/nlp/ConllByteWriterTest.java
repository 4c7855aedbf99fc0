package org.annotationkit.formats.nlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.annotationkit.core.annotation.Annotation;
import org.annotationkit.core.annotation.SpanValue;
import org.annotationkit.core.dataset.Dataset;
import org.annotationkit.core.item.TextItem;
import org.annotationkit.core.schema.Field;
import org.annotationkit.core.schema.FieldKind;
import org.annotationkit.core.schema.Schema;
import org.annotationkit.formats.FormatOptions;
import org.annotationkit.formats.Loss;
import org.annotationkit.formats.text.Alignment;
import org.annotationkit.formats.text.SpanBridge;
import org.annotationkit.formats.text.TagScheme;
import org.annotationkit.formats.text.TagSequences;
import org.annotationkit.formats.text.Tokenization;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pins the byte writer of {@code conll} ({@link Utf8Out}, tokens and columns written from ranges of
 * their strings, whitespace judged from token offsets) against the writer it replaced, kept here as
 * the reference: tokens as substrings, {@code String.join} to judge whitespace, {@code
 * String.split} for the columns, a {@link java.io.Writer} with the JDK's UTF-8 encoder. Items are
 * generated from a fixed seed: single and odd whitespace (tabs, U+3000, runs), tokens that are
 * {@code -DOCSTART-}, emoji and other multi-byte characters, other columns whose counts match or
 * not, documents, spans that align or not.
 */
class ConllByteWriterTest {
  private static final long SEED = 20_261_207L;

  private static final String[] WORDS = {
    "the", "Zürich", "東京", "😀", "e\u0301", "-DOCSTART-", "👍🏽", "a", ",", "Ω", "𝔘", "x"
  };

  private static final String[] GAPS = {" ", " ", " ", " ", "  ", "\t", "\u3000", "\n", " \u2028 "};

  @TempDir Path dir;

  /** The writer's output before the byte writer, for one item: the reference. */
  private static void referenceSentence(
      StringWriter out,
      TextItem item,
      Tokenization tokens,
      List<String> tags,
      List<String> losses) {
    if (!tokens.text().equals(String.join(" ", tokens.tokens()))) {
      losses.add(item.id() + " original whitespace lost");
    }
    List<String[]> columns = referenceColumns(item, tokens.size());
    for (int t = 0; t < tokens.size(); t++) {
      String token = tokens.token(t);
      if (token.codePoints().anyMatch(Character::isWhitespace) || token.equals("-DOCSTART-")) {
        String replaced = token.equals("-DOCSTART-") ? "_DOCSTART-" : token.replaceAll("\\s", "_");
        losses.add(item.id() + " token changed " + tokens.start(t) + "-" + tokens.end(t));
        token = replaced;
      }
      out.write(token);
      for (String[] column : columns) {
        out.write(' ');
        out.write(column[t]);
      }
      out.write(' ');
      out.write(tags.get(t));
      out.write('\n');
    }
  }

  private static List<String[]> referenceColumns(TextItem item, int tokenCount) {
    List<String[]> columns = new ArrayList<>();
    for (int c = 2; ; c++) {
      String values = item.metadata().get("column-" + c);
      if (values == null) {
        break;
      }
      String[] split = values.split(" ", -1);
      if (split.length != tokenCount) {
        return List.of();
      }
      columns.add(split);
    }
    return columns;
  }

  private static String reference(
      List<TextItem> items, List<List<SpanValue>> spans, List<String> losses) {
    StringWriter out = new StringWriter();
    String document = null;
    boolean first = true;
    FormatOptions options = FormatOptions.none();
    for (int i = 0; i < items.size(); i++) {
      TextItem item = items.get(i);
      Tokenization tokens = Texts.tokens(item, options);
      if (tokens.size() == 0) {
        losses.add(item.id() + " empty text skipped");
        continue;
      }
      String itemDocument = item.metadata().get("document");
      if (itemDocument != null && !itemDocument.equals(document)) {
        if (!first) {
          out.write('\n');
        }
        out.write("-DOCSTART-");
        for (int c = 0; c < referenceColumns(item, tokens.size()).size(); c++) {
          out.write(" -X-");
        }
        out.write(" O\n");
        first = false;
      }
      document = itemDocument;
      var aligned = SpanBridge.toTokens(tokens, spans.get(i), Alignment.STRICT, false);
      for (var problem : aligned.problems()) {
        losses.add(item.id() + " span " + problem.kind());
      }
      List<String> tags = TagSequences.encode(aligned.spans(), tokens.size(), TagScheme.IOB2);
      if (!first) {
        out.write('\n');
      }
      first = false;
      referenceSentence(out, item, tokens, tags, losses);
    }
    return out.toString();
  }

  @Test
  void writesGeneratedItemsAsTheReferenceWriterDoes() {
    Random random = new Random(SEED);
    Schema schema =
        Schema.of("s", Field.builder("entities", FieldKind.SPAN).labels("PER", "LOC").build());
    for (int round = 0; round < 200; round++) {
      List<TextItem> items = new ArrayList<>();
      List<List<SpanValue>> spans = new ArrayList<>();
      Dataset.Builder dataset = Dataset.builder(schema);
      int count = 1 + random.nextInt(8);
      int document = 1;
      for (int i = 0; i < count; i++) {
        String id = String.format("t%03d", i);
        StringBuilder text = new StringBuilder();
        List<String> words = new ArrayList<>();
        boolean odd = random.nextInt(3) == 0;
        int tokens = random.nextInt(7);
        for (int t = 0; t < tokens; t++) {
          if (t > 0) {
            text.append(odd ? GAPS[random.nextInt(GAPS.length)] : " ");
          }
          String word = WORDS[random.nextInt(WORDS.length)];
          words.add(word);
          text.append(word);
        }
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("tokenizer", "whitespace");
        if (random.nextBoolean()) {
          if (random.nextInt(3) == 0) {
            document++;
          }
          metadata.put("document", Integer.toString(document));
        }
        int columns = random.nextInt(3);
        for (int c = 0; c < columns; c++) {
          List<String> values = new ArrayList<>();
          int n = random.nextInt(4) == 0 ? words.size() + 1 : words.size();
          for (int v = 0; v < n; v++) {
            values.add(random.nextInt(5) == 0 ? "" : WORDS[random.nextInt(WORDS.length)]);
          }
          metadata.put("column-" + (c + 2), String.join(" ", values));
        }
        TextItem item = new TextItem(id, text.toString(), Optional.empty(), metadata);
        List<SpanValue> itemSpans = new ArrayList<>();
        Annotation.Builder annotation = Annotation.builder("a" + i, id, "alice");
        int length = text.codePointCount(0, text.length());
        for (int s = 0; s < random.nextInt(3) && length > 0; s++) {
          int start = random.nextInt(length);
          int end = start + 1 + random.nextInt(length - start);
          SpanValue span = new SpanValue(random.nextBoolean() ? "PER" : "LOC", start, end);
          itemSpans.add(span);
          annotation.result("r" + s, "entities", span);
        }
        items.add(item);
        spans.add(itemSpans);
        dataset.item(item);
        if (!itemSpans.isEmpty()) {
          dataset.annotation(annotation.build());
        }
      }
      List<String> expectedLosses = new ArrayList<>();
      String expected = reference(items, spans, expectedLosses);
      Io.Written written =
          Io.write(
              new ConllFormat(), dataset.build(), dir.resolve("w" + round + ".conll"), Map.of());
      assertThat(written.text()).as("round %d", round).isEqualTo(expected);
      List<String> losses = new ArrayList<>();
      for (Loss loss : written.report().losses()) {
        String object = loss.object().item().orElseThrow();
        switch (loss.what()) {
          case "token changed" ->
              losses.add(object + " token changed " + loss.object().span().orElseThrow());
          case "original whitespace lost", "empty text skipped" ->
              losses.add(object + " " + loss.what());
          default -> losses.add(object + " span " + kind(loss.what()));
        }
      }
      assertThat(losses).as("round %d", round).isEqualTo(expectedLosses);
    }
  }

  private static String kind(String what) {
    return switch (what) {
      case "span not on token boundaries dropped" -> "MISALIGNED";
      case "span without a token dropped" -> "NO_TOKEN";
      case "overlapping span dropped" -> "OVERLAPS";
      case "span outside the text dropped" -> "OUTSIDE_TEXT";
      default -> what;
    };
  }

  @Test
  void encodesAsTheJdkEncoderDoes() throws IOException {
    Random random = new Random(SEED + 1);
    for (int round = 0; round < 3_000; round++) {
      StringBuilder text = new StringBuilder();
      int length = random.nextInt(round % 100 == 0 ? 200_000 : 30);
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
      int from = s.isEmpty() ? 0 : random.nextInt(s.length());
      if (from > 0 && Character.isLowSurrogate(s.charAt(from))) {
        from--;
      }
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (Utf8Out out = new Utf8Out(bytes)) {
        out.write(s, 0, from);
        out.ascii('|');
        out.write(s.substring(from));
      }
      String expected = s.substring(0, from) + "|" + s.substring(from);
      assertThat(bytes.toByteArray()).isEqualTo(expected.getBytes(StandardCharsets.UTF_8));
    }
  }

  @Test
  void anUnpairedSurrogateFailsAsTheStrictEncoderDoes() {
    for (String bad : new String[] {"a\uD83D", "\uDE00b", "x\uD83Dy", "\uDE00\uD83D"}) {
      assertThatThrownBy(
              () -> {
                try (Utf8Out out = new Utf8Out(new ByteArrayOutputStream())) {
                  out.write(bad);
                }
              })
          .isInstanceOf(MalformedInputException.class);
    }
  }
}
