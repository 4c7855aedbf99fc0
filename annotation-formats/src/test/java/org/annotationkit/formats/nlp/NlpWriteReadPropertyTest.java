package org.annotationkit.formats.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.annotationkit.core.annotation.Annotation;
import org.annotationkit.core.annotation.Result;
import org.annotationkit.core.annotation.SpanValue;
import org.annotationkit.core.dataset.Dataset;
import org.annotationkit.core.item.Item;
import org.annotationkit.core.item.TextItem;
import org.annotationkit.core.item.TextOffsets;
import org.annotationkit.core.schema.Field;
import org.annotationkit.core.schema.FieldKind;
import org.annotationkit.core.schema.Schema;
import org.annotationkit.formats.Format;
import org.annotationkit.formats.Loss;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Seeded write-then-read properties of the span formats (CoNLL, spaCy, doccano, Prodigy), on random
 * documents whose words mix ASCII with emoji, astral letters, combining marks and CJK, so that code
 * points and UTF-16 units differ before most spans:
 *
 * <ul>
 *   <li>token-aligned spans that do not overlap come back exactly (text, label, code-point offsets)
 *       with nothing reported, in every format;
 *   <li>overlapping spans come back exactly where the format holds overlaps (doccano, Prodigy's
 *       {@code spans}); where it cannot (CoNLL tags, spaCy entities), no span is invented, each one
 *       that does not come back is reported.
 * </ul>
 *
 * Each case names its seed, so a failure reproduces.
 */
class NlpWriteReadPropertyTest {
  private static final String[] WORDS = {
    "Ann",
    "met",
    "Bob",
    "in",
    "\uD83D\uDE00",
    "\uD835\uDD18nit",
    "e\u0301te\u0301",
    "\u5317\u4eac",
    "caf\u00e9",
    "\uD83D\uDC69\u200D\uD83D\uDC67",
    "x",
    "Z\u00fcrich"
  };

  private static final String[] LABELS = {"PER", "LOC", "ORG"};

  private static final Schema SCHEMA =
      new Schema(
          "property",
          List.of(Field.builder(SpacyFormat.ENTITIES, FieldKind.SPAN).labels(LABELS).build()),
          Optional.empty());

  /** The formats, and whether each holds overlapping spans. */
  private static final List<Object[]> FORMATS =
      List.of(
          new Object[] {new ConllFormat(), false, "t.conll"},
          new Object[] {new SpacyFormat(), false, "t.jsonl"},
          new Object[] {new DoccanoFormat(), true, "t.jsonl"},
          new Object[] {new ProdigyFormat(), true, "t.jsonl"});

  static Stream<Arguments> cases() {
    List<Arguments> cases = new ArrayList<>();
    for (Object[] format : FORMATS) {
      for (int s = 0; s < 15; s++) {
        long seed = 20_261_204L + 7_919L * s;
        cases.add(Arguments.of(((Format) format[0]).name(), seed, format[0], format[1], format[2]));
      }
    }
    return cases.stream();
  }

  /** A span by token indices, end exclusive. */
  private record Planned(int from, int to, String label) {}

  /** One random document: its words and spans. */
  private record Doc(List<String> words, List<Planned> spans) {
    String text() {
      return String.join(" ", words);
    }

    /** The spans in code points over the text. */
    List<SpanValue> values() {
      int[] starts = new int[words.size()];
      int[] ends = new int[words.size()];
      int at = 0;
      for (int i = 0; i < words.size(); i++) {
        starts[i] = at;
        at += words.get(i).codePointCount(0, words.get(i).length());
        ends[i] = at;
        at++;
      }
      TextOffsets offsets = TextOffsets.of(text());
      List<SpanValue> values = new ArrayList<>();
      for (Planned p : spans) {
        int start = starts[p.from()];
        int end = ends[p.to() - 1];
        values.add(
            new SpanValue(p.label(), start, end, Optional.of(offsets.substring(start, end))));
      }
      return values;
    }
  }

  private static Doc doc(SplittableRandom random, boolean overlapping) {
    int n = 1 + random.nextInt(12);
    List<String> words = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      words.add(WORDS[random.nextInt(WORDS.length)]);
    }
    List<Planned> spans = new ArrayList<>();
    if (overlapping) {
      int count = random.nextInt(4);
      for (int k = 0; k < count; k++) {
        int from = random.nextInt(n);
        int to = from + 1 + random.nextInt(n - from);
        Planned p = new Planned(from, to, LABELS[random.nextInt(LABELS.length)]);
        if (spans.stream().noneMatch(q -> q.from() == from && q.to() == p.to())) {
          spans.add(p);
        }
      }
    } else {
      int t = 0;
      while (t < n) {
        if (random.nextInt(3) == 0) {
          int to = t + 1 + random.nextInt(Math.min(3, n - t));
          spans.add(new Planned(t, to, LABELS[random.nextInt(LABELS.length)]));
          t = to;
        } else {
          t++;
        }
      }
    }
    return new Doc(List.copyOf(words), List.copyOf(spans));
  }

  private static Dataset dataset(List<Doc> docs) {
    Dataset.Builder builder = Dataset.builder(SCHEMA);
    for (int d = 0; d < docs.size(); d++) {
      String id = Integer.toString(d + 1);
      builder.item(new TextItem(id, docs.get(d).text(), Optional.empty(), Map.of()));
      Annotation.Builder annotation = Annotation.builder("a" + id, id, "someone");
      List<SpanValue> values = docs.get(d).values();
      for (int k = 0; k < values.size(); k++) {
        annotation.result("s" + k, SpacyFormat.ENTITIES, values.get(k));
      }
      if (!values.isEmpty()) {
        builder.annotation(annotation.build());
      }
    }
    return builder.build();
  }

  private static final Comparator<SpanValue> ORDER =
      Comparator.comparingInt(SpanValue::start)
          .thenComparingInt(SpanValue::end)
          .thenComparing(SpanValue::label);

  /** Per item in order: its text, and its spans sorted. */
  private static List<Map.Entry<String, List<SpanValue>>> spans(Dataset dataset) {
    List<Map.Entry<String, List<SpanValue>>> out = new ArrayList<>();
    for (Item item : dataset.items()) {
      List<SpanValue> values = new ArrayList<>();
      for (Annotation annotation : dataset.annotationsOf(item.id())) {
        for (Result result : annotation.results()) {
          if (result.value() instanceof SpanValue span) {
            values.add(new SpanValue(span.label(), span.start(), span.end(), Optional.empty()));
          }
        }
      }
      values.sort(ORDER);
      out.add(Map.entry(((TextItem) item).text(), values));
    }
    return out;
  }

  private static List<Map.Entry<String, List<SpanValue>>> planned(List<Doc> docs) {
    List<Map.Entry<String, List<SpanValue>>> out = new ArrayList<>();
    for (Doc doc : docs) {
      List<SpanValue> values = new ArrayList<>();
      for (SpanValue v : doc.values()) {
        values.add(new SpanValue(v.label(), v.start(), v.end(), Optional.empty()));
      }
      values.sort(ORDER);
      out.add(Map.entry(doc.text(), values));
    }
    return out;
  }

  private record Trip(Dataset back, List<Loss> losses) {}

  private static Trip trip(Format format, String name, List<Doc> docs) throws Exception {
    Path dir = Files.createTempDirectory("nlp-property");
    try {
      // The token formats are told to split at spaces, as the documents are made; the others take
      // no tokenizer.
      Map<String, String> options =
          format.options().stream().anyMatch(o -> o.key().equals("tokenizer"))
              ? Map.of("tokenizer", "whitespace")
              : Map.of();
      Io.Written written = Io.write(format, dataset(docs), dir.resolve(name), options);
      Io.Read read = Io.read(format, dir.resolve(name), Map.of());
      List<Loss> losses = new ArrayList<>(written.report().losses());
      losses.addAll(read.report().losses());
      return new Trip(read.dataset(), losses);
    } finally {
      try (Stream<Path> files = Files.list(dir)) {
        for (Path file : files.toList()) {
          Files.delete(file);
        }
      }
      Files.delete(dir);
    }
  }

  @ParameterizedTest(name = "{0} seed {1}")
  @MethodSource("cases")
  void alignedSpansWithoutOverlapsComeBackExactly(
      String name, long seed, Format format, boolean overlaps, String file) throws Exception {
    SplittableRandom random = new SplittableRandom(seed);
    List<Doc> docs = new ArrayList<>();
    for (int d = 1 + random.nextInt(6); d > 0; d--) {
      docs.add(doc(random, false));
    }
    Trip trip = trip(format, file, docs);
    assertThat(trip.losses()).isEmpty();
    assertThat(spans(trip.back())).isEqualTo(planned(docs));
  }

  @ParameterizedTest(name = "{0} seed {1}")
  @MethodSource("cases")
  void overlappingSpansComeBackOrAreReported(
      String name, long seed, Format format, boolean overlaps, String file) throws Exception {
    SplittableRandom random = new SplittableRandom(seed ^ 0x5DEECE66DL);
    List<Doc> docs = new ArrayList<>();
    for (int d = 1 + random.nextInt(6); d > 0; d--) {
      docs.add(doc(random, true));
    }
    Trip trip = trip(format, file, docs);
    List<Map.Entry<String, List<SpanValue>>> expected = planned(docs);
    List<Map.Entry<String, List<SpanValue>>> back = spans(trip.back());
    if (overlaps) {
      assertThat(trip.losses()).isEmpty();
      assertThat(back).isEqualTo(expected);
      return;
    }
    assertThat(back).hasSameSizeAs(expected);
    int missing = 0;
    for (int d = 0; d < expected.size(); d++) {
      assertThat(back.get(d).getKey()).isEqualTo(expected.get(d).getKey());
      List<SpanValue> given = expected.get(d).getValue();
      List<SpanValue> kept = back.get(d).getValue();
      assertThat(given).containsAll(kept);
      missing += given.size() - kept.size();
    }
    assertThat(trip.losses().stream().filter(l -> l.what().contains("overlapping")).count())
        .as("losses %s for %s", trip.losses(), expected)
        .isEqualTo(missing);
  }
}
