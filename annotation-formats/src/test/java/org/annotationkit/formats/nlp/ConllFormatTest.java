package org.annotationkit.formats.nlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.annotationkit.core.annotation.Annotation;
import org.annotationkit.core.annotation.Result;
import org.annotationkit.core.annotation.SpanValue;
import org.annotationkit.core.dataset.Dataset;
import org.annotationkit.core.io.FormatException;
import org.annotationkit.core.item.TextItem;
import org.annotationkit.core.schema.Field;
import org.annotationkit.core.schema.FieldKind;
import org.annotationkit.core.schema.Schema;
import org.annotationkit.formats.Format;
import org.annotationkit.formats.Formats;
import org.annotationkit.formats.Loss;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Golden tests of {@code conll}: hand-written files and the spans and tags expected of them, the
 * offsets counted by hand in code points (an emoji is one, {@code e} + U+0301 is two, each CJK
 * character one).
 */
class ConllFormatTest {
  @TempDir Path dir;

  private final Format conll = new ConllFormat();

  private static List<SpanValue> spans(Dataset dataset, String itemId) {
    return dataset.annotationsOf(itemId).stream()
        .flatMap(a -> a.results().stream())
        .map(r -> (SpanValue) r.value())
        .toList();
  }

  private static SpanValue span(String label, int start, int end, String text) {
    return new SpanValue(label, start, end, Optional.of(text));
  }

  @Test
  void isRegistered() {
    assertThat(Formats.installed().all().stream().map(Format::name)).contains("conll");
  }

  @Test
  void readsDocumentsSentencesColumnsAndCodePointOffsets() {
    Io.Read read = Io.read(conll, Io.resource("conll/mixed.conll"), Map.of());
    Dataset dataset = read.dataset();
    assertThat(dataset.items()).hasSize(3);
    TextItem first = (TextItem) dataset.items().get(0);
    assertThat(first.id()).isEqualTo("sentence-1");
    assertThat(first.text()).isEqualTo("EU rejects German call .");
    assertThat(first.metadata())
        .containsEntry("document", "1")
        .containsEntry("column-2", "NNP VBZ JJ NN .")
        .containsEntry("column-3", "B-NP B-VP B-NP I-NP O");
    assertThat(spans(dataset, "sentence-1"))
        .containsExactly(span("ORG", 0, 2, "EU"), span("MISC", 11, 17, "German"));
    assertThat(spans(dataset, "sentence-2")).containsExactly(span("PER", 0, 15, "Peter Blackburn"));
    TextItem third = (TextItem) dataset.items().get(2);
    assertThat(third.metadata()).containsEntry("document", "2");
    assertThat(third.text()).isEqualTo("\uD83D\uDE00 Cafe\u0301 東京 Jean Valjean");
    // 😀=0, space, C a f e U+0301 = 2..7, space, 東京 = 8..10, space, Jean 11..15, Valjean 16..23;
    // B-PER B-PER: two entities.
    assertThat(spans(dataset, "sentence-3"))
        .containsExactly(
            span("ORG", 2, 7, "Cafe\u0301"),
            span("LOC", 8, 10, "東京"),
            span("PER", 11, 15, "Jean"),
            span("PER", 16, 23, "Valjean"));
    assertThat(dataset.schema())
        .isEqualTo(
            Schema.of(
                "conll",
                Field.builder("entities", FieldKind.SPAN)
                    .labels("ORG", "MISC", "PER", "LOC")
                    .build()));
    assertThat(read.report().losses()).isEmpty();
  }

  @Test
  void writesBackTheSameFile() {
    Path input = Io.resource("conll/mixed.conll");
    Dataset dataset = Io.read(conll, input, Map.of()).dataset();
    Io.Written written = Io.write(conll, dataset, dir.resolve("out.conll"), Map.of());
    assertThat(written.text()).isEqualTo(Io.readString(input));
    assertThat(written.report().losses()).isEmpty();
    assertThat(written.report().images()).isEqualTo(3);
    assertThat(written.report().annotations()).isEqualTo(7);
  }

  @Test
  void tagColumnByOption() {
    String file = "EU B-ORG NNP\nrejects O VBZ\n";
    Dataset dataset = Io.read(conll, dir, "c.conll", file, Map.of("column", "2")).dataset();
    assertThat(spans(dataset, "sentence-1")).containsExactly(span("ORG", 0, 2, "EU"));
    assertThat(((TextItem) dataset.items().get(0)).metadata()).containsEntry("column-3", "NNP VBZ");
  }

  @Test
  void insideAfterOutsideIsRepairedWithItsLineOrDroppedWhenStrict() {
    String file = "A O\nB I-PER\nC I-PER\n\nD I-LOC\nE B-LOC\n";
    Io.Read lenient = Io.read(conll, dir, "a.conll", file, Map.of());
    assertThat(spans(lenient.dataset(), "sentence-1")).containsExactly(span("PER", 2, 5, "B C"));
    assertThat(spans(lenient.dataset(), "sentence-2"))
        .containsExactly(span("LOC", 0, 1, "D"), span("LOC", 2, 3, "E"));
    assertThat(lenient.report().losses())
        .extracting(l -> l.object().line().getAsLong(), Loss::what)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(2L, "invalid tags repaired"),
            org.assertj.core.groups.Tuple.tuple(5L, "invalid tags repaired"));
    assertThat(lenient.report().losses().get(0).reason())
        .contains("BEGIN_MISSING_AFTER_OUTSIDE")
        .contains("kept");
    assertThat(lenient.report().losses().get(1).reason())
        .contains("BEGIN_MISSING_AT_SENTENCE_START");

    Io.Read strict = Io.read(conll, dir, "b.conll", file, Map.of("strict", "true"));
    assertThat(spans(strict.dataset(), "sentence-1")).isEmpty();
    assertThat(spans(strict.dataset(), "sentence-2")).containsExactly(span("LOC", 2, 3, "E"));
    assertThat(strict.report().losses())
        .extracting(Loss::what)
        .containsExactly("invalid entity dropped", "invalid entity dropped");
  }

  @Test
  void typeSwitchInsideAnEntity() {
    String file = "New B-ORG\nYork I-LOC\n";
    Io.Read lenient = Io.read(conll, dir, "t.conll", file, Map.of());
    assertThat(spans(lenient.dataset(), "sentence-1"))
        .containsExactly(span("ORG", 0, 3, "New"), span("LOC", 4, 8, "York"));
    assertThat(lenient.report().losses().get(0).reason()).contains("TYPE_SWITCH");
    Io.Read strict = Io.read(conll, dir, "u.conll", file, Map.of("strict", "true"));
    assertThat(spans(strict.dataset(), "sentence-1")).containsExactly(span("ORG", 0, 3, "New"));
  }

  @Test
  void iob1FromScheme() {
    // CoNLL-2003's original IOB1: I- everywhere, B- only between two adjacent same-type entities.
    String file = "Jean I-PER\nValjean I-PER\nMarie B-PER\nvisits O\nParis I-LOC\n";
    Io.Read read = Io.read(conll, dir, "i.conll", file, Map.of("from-scheme", "iob1"));
    assertThat(spans(read.dataset(), "sentence-1"))
        .containsExactly(
            span("PER", 0, 12, "Jean Valjean"),
            span("PER", 13, 18, "Marie"),
            span("LOC", 26, 31, "Paris"));
    assertThat(read.report().losses()).isEmpty();
  }

  @Test
  void malformedLinesNameTheirLine() {
    assertThatThrownBy(() -> Io.read(conll, dir, "m.conll", "A O\nB X-PER\n", Map.of()))
        .isInstanceOf(FormatException.class)
        .satisfies(e -> assertThat(((FormatException) e).line()).hasValue(2))
        .hasMessageContaining("'X-PER' is not a tag of IOB2");
    assertThatThrownBy(() -> Io.read(conll, dir, "n.conll", "A O\nlonely\n", Map.of()))
        .isInstanceOf(FormatException.class)
        .satisfies(e -> assertThat(((FormatException) e).line()).hasValue(2));
    assertThatThrownBy(() -> Io.read(conll, dir, "s.conll", "A S-PER\n", Map.of()))
        .isInstanceOf(FormatException.class)
        .hasMessageContaining("from-scheme");
    assertThatThrownBy(() -> Io.read(conll, dir, "c.conll", "A B NN O\nB O\n", Map.of()))
        .isInstanceOf(FormatException.class)
        .satisfies(e -> assertThat(((FormatException) e).line()).hasValue(2))
        .hasMessageContaining("columns");
  }

  // ------------------------------------------------------------------ writing from raw text

  private static Dataset textDataset(String text, SpanValue... spans) {
    Annotation.Builder annotation = Annotation.builder("a1", "t1", "alice");
    for (int i = 0; i < spans.length; i++) {
      annotation.result(Result.of("r" + i, "label", spans[i]));
    }
    Schema schema =
        Schema.of("s", Field.builder("label", FieldKind.SPAN).labels("PER", "LOC", "ORG").build());
    return Dataset.builder(schema)
        .item(new TextItem("t1", text))
        .annotation(annotation.build())
        .build();
  }

  @Test
  void writesEverySchemeFromRawTextWithEmojiAndCjk() {
    // Ann(0-3) met(4-7) 😀(8) Bob(10-13) in(14-16) 東(17) 京(18) .(19): the words tokenizer makes
    // each Han character a token of its own.
    Dataset dataset =
        textDataset(
            "Ann met \uD83D\uDE00 Bob in 東京.",
            new SpanValue("PER", 0, 3),
            new SpanValue("PER", 10, 13),
            new SpanValue("LOC", 17, 19));
    Map<String, String> expected =
        Map.of(
            "iob2", "B-PER O O B-PER O B-LOC I-LOC O",
            "iob1", "I-PER O O I-PER O I-LOC I-LOC O",
            "bioes", "S-PER O O S-PER O B-LOC E-LOC O",
            "bilou", "U-PER O O U-PER O B-LOC L-LOC O");
    String[] tokens = {"Ann", "met", "\uD83D\uDE00", "Bob", "in", "東", "京", "."};
    for (Map.Entry<String, String> scheme : expected.entrySet()) {
      Io.Written written =
          Io.write(
              conll,
              dataset,
              dir.resolve(scheme.getKey() + ".conll"),
              Map.of("scheme", scheme.getKey()));
      String[] tags = scheme.getValue().split(" ", -1);
      StringBuilder want = new StringBuilder();
      for (int i = 0; i < tokens.length; i++) {
        want.append(tokens[i]).append(' ').append(tags[i]).append('\n');
      }
      assertThat(written.text()).as(scheme.getKey()).isEqualTo(want.toString());
      assertThat(written.report().losses())
          .extracting(Loss::what)
          .containsExactly("original whitespace lost");
      // Read back in the same scheme: the same entities, over the re-joined text.
      Io.Read back =
          Io.read(
              conll, dir.resolve(scheme.getKey() + ".conll"), Map.of("scheme", scheme.getKey()));
      assertThat(spans(back.dataset(), "sentence-1"))
          .as(scheme.getKey())
          .containsExactly(
              span("PER", 0, 3, "Ann"), span("PER", 10, 13, "Bob"), span("LOC", 17, 20, "東 京"));
      assertThat(back.report().losses()).isEmpty();
    }
  }

  @Test
  void spanInsideATokenIsDroppedExpandedOrContracted() {
    // "New York" ends inside the token "Yorker".
    Dataset dataset = textDataset("New Yorker here", new SpanValue("LOC", 0, 8));
    Io.Written strict = Io.write(conll, dataset, dir.resolve("s.conll"), Map.of());
    assertThat(strict.text()).isEqualTo("New O\nYorker O\nhere O\n");
    assertThat(strict.report().losses())
        .extracting(l -> l.object().span().orElseThrow(), Loss::what)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("0-8", "span not on token boundaries dropped"));
    Io.Written expand =
        Io.write(conll, dataset, dir.resolve("e.conll"), Map.of("alignment", "expand"));
    assertThat(expand.text()).isEqualTo("New B-LOC\nYorker I-LOC\nhere O\n");
    assertThat(expand.report().losses())
        .extracting(Loss::what)
        .containsExactly("span expanded to tokens");
    Io.Written contract =
        Io.write(conll, dataset, dir.resolve("c.conll"), Map.of("alignment", "contract"));
    assertThat(contract.text()).isEqualTo("New B-LOC\nYorker O\nhere O\n");
  }

  @Test
  void overlappingSpansKeepTheLongest() {
    Dataset dataset =
        textDataset(
            "Bank of America rocks", new SpanValue("LOC", 8, 15), new SpanValue("ORG", 0, 15));
    Io.Written written = Io.write(conll, dataset, dir.resolve("o.conll"), Map.of());
    assertThat(written.text()).isEqualTo("Bank B-ORG\nof I-ORG\nAmerica I-ORG\nrocks O\n");
    assertThat(written.report().losses())
        .extracting(l -> l.object().span().orElseThrow(), Loss::what)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("8-15", "overlapping span dropped"));
  }

  @Test
  void whitespaceTokenizerByOption() {
    Dataset dataset = textDataset("Hi, Ann!", new SpanValue("PER", 4, 7));
    Io.Written words = Io.write(conll, dataset, dir.resolve("w.conll"), Map.of());
    assertThat(words.text()).isEqualTo("Hi O\n, O\nAnn B-PER\n! O\n");
    Io.Written spaces =
        Io.write(conll, dataset, dir.resolve("x.conll"), Map.of("tokenizer", "whitespace"));
    assertThat(spaces.text()).isEqualTo("Hi, O\nAnn! O\n");
    assertThat(spaces.report().losses())
        .extracting(Loss::what)
        .containsExactly("span not on token boundaries dropped");
  }
}
