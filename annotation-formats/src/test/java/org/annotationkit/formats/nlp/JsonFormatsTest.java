package org.annotationkit.formats.nlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.annotationkit.core.annotation.Annotation;
import org.annotationkit.core.annotation.PreferenceValue;
import org.annotationkit.core.annotation.RankingValue;
import org.annotationkit.core.annotation.ReviewState;
import org.annotationkit.core.annotation.SpanValue;
import org.annotationkit.core.annotation.TranscriptionValue;
import org.annotationkit.core.dataset.Dataset;
import org.annotationkit.core.io.FormatException;
import org.annotationkit.core.item.AudioItem;
import org.annotationkit.core.item.ComparisonItem;
import org.annotationkit.core.item.TextItem;
import org.annotationkit.formats.Format;
import org.annotationkit.formats.Formats;
import org.annotationkit.formats.Loss;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Golden tests of the JSON Lines formats: hand-written records, the values expected of them
 * (offsets counted by hand in code points), and write-then-read identity.
 */
class JsonFormatsTest {
  @TempDir Path dir;

  private static List<SpanValue> spans(Dataset dataset, String itemId) {
    return dataset.annotationsOf(itemId).stream()
        .flatMap(a -> a.results().stream())
        .filter(r -> r.value() instanceof SpanValue)
        .map(r -> (SpanValue) r.value())
        .toList();
  }

  private static SpanValue span(String label, int start, int end, String text) {
    return new SpanValue(label, start, end, Optional.of(text));
  }

  @Test
  void everyFormatIsRegistered() {
    assertThat(Formats.installed().all().stream().map(Format::name))
        .contains(
            "conll",
            "spacy",
            "doccano",
            "prodigy",
            "asr-manifest",
            "sagemaker-ner",
            "csv",
            "preference");
  }

  @Test
  void spacyPairsWithEmojiAndOverlapsOnWriting() {
    // 😀 is one code point: "Bob" is [2, 5).
    String file =
        "[[\"\uD83D\uDE00 Bob in 東京\", {\"entities\": [[2, 5, \"PER\"], [9, 11, \"LOC\"]]}]]";
    Io.Read read = Io.read(new SpacyFormat(), dir, "a.json", file, Map.of());
    assertThat(spans(read.dataset(), "1"))
        .containsExactly(span("PER", 2, 5, "Bob"), span("LOC", 9, 11, "東京"));
    Io.Written written =
        Io.write(new SpacyFormat(), read.dataset(), dir.resolve("b.jsonl"), Map.of());
    assertThat(written.text())
        .isEqualTo(
            "{\"text\":\"\uD83D\uDE00 Bob in 東京\",\"entities\":[[2,5,\"PER\"],[9,11,\"LOC\"]]}\n");
    Io.Read back = Io.read(new SpacyFormat(), dir.resolve("b.jsonl"), Map.of());
    assertThat(back.dataset().items()).isEqualTo(read.dataset().items());
    assertThat(spans(back.dataset(), "1")).isEqualTo(spans(read.dataset(), "1"));

    String overlapping =
        "{\"text\": \"Bank of America\", \"entities\": [[8, 15, \"LOC\"], [0, 15, \"ORG\"]]}\n";
    Dataset both = Io.read(new SpacyFormat(), dir, "c.jsonl", overlapping, Map.of()).dataset();
    Io.Written kept = Io.write(new SpacyFormat(), both, dir.resolve("d.jsonl"), Map.of());
    assertThat(kept.text()).contains("\"entities\":[[0,15,\"ORG\"]]");
    assertThat(kept.report().losses())
        .extracting(Loss::what)
        .containsExactly("overlapping span dropped");
  }

  @Test
  void doccanoRelationsAndClassification() {
    String file =
        "{\"id\": 7, \"text\": \"Ann likes Bob\", \"entities\": [{\"id\": 1, \"label\": \"PER\","
            + " \"start_offset\": 0, \"end_offset\": 3}, {\"id\": 2, \"label\": \"PER\","
            + " \"start_offset\": 10, \"end_offset\": 13}], \"relations\": [{\"id\": 5,"
            + " \"from_id\": 1, \"to_id\": 2, \"type\": \"likes\"}]}\n"
            + "{\"id\": 8, \"text\": \"great\", \"label\": [\"pos\"]}\n";
    Io.Read read = Io.read(new DoccanoFormat(), dir, "a.jsonl", file, Map.of());
    assertThat(spans(read.dataset(), "7"))
        .containsExactly(span("PER", 0, 3, "Ann"), span("PER", 10, 13, "Bob"));
    Io.Written written =
        Io.write(new DoccanoFormat(), read.dataset(), dir.resolve("b.jsonl"), Map.of());
    assertThat(written.text())
        .isEqualTo(
            "{\"id\":7,\"text\":\"Ann likes Bob\",\"entities\":[{\"id\":1,\"label\":\"PER\","
                + "\"start_offset\":0,\"end_offset\":3},{\"id\":2,\"label\":\"PER\","
                + "\"start_offset\":10,\"end_offset\":13}],\"relations\":[{\"id\":1,"
                + "\"from_id\":1,\"to_id\":2,\"type\":\"likes\"}]}\n"
                + "{\"id\":8,\"text\":\"great\",\"label\":[\"pos\"]}\n");
    assertThat(written.report().losses()).isEmpty();
  }

  @Test
  void prodigyAnswersKeptApartAndInclusiveTokenEnd() {
    String file =
        "{\"text\": \"Hi Ann\", \"tokens\": [{\"text\": \"Hi\", \"start\": 0, \"end\": 2, \"id\": 0,"
            + " \"ws\": true}, {\"text\": \"Ann\", \"start\": 3, \"end\": 6, \"id\": 1, \"ws\":"
            + " false}], \"spans\": [{\"start\": 3, \"end\": 6, \"label\": \"PER\", \"token_start\":"
            + " 1, \"token_end\": 1}], \"answer\": \"accept\", \"_input_hash\": 11, \"_task_hash\":"
            + " 22}\n"
            + "{\"text\": \"Hi Ann\", \"tokens\": [{\"start\": 0, \"end\": 2}, {\"start\": 3, \"end\": 6}],"
            + " \"spans\": [], \"answer\": \"reject\", \"_input_hash\": 11,"
            + " \"_task_hash\": 23}\n"
            + "{\"text\": \"Hi Ann\", \"tokens\": [{\"start\": 0, \"end\": 2}, {\"start\": 3, \"end\": 6}],"
            + " \"answer\": \"ignore\", \"_input_hash\": 11, \"_task_hash\": 24}\n"
            + "{\"text\": \"Hi Ann\", \"spans\": [{\"start\": 3, \"end\": 6, \"label\": \"PER\","
            + " \"token_start\": 1, \"token_end\": 2}], \"tokens\": [{\"start\": 0, \"end\": 2},"
            + " {\"start\": 3, \"end\": 6}], \"answer\": \"accept\", \"_input_hash\": 11,"
            + " \"_task_hash\": 22}\n";
    Io.Read read = Io.read(new ProdigyFormat(), dir, "a.jsonl", file, Map.of());
    List<Annotation> annotations = read.dataset().annotationsOf("11");
    assertThat(annotations)
        .extracting(Annotation::id, Annotation::reviewState)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("22", ReviewState.ACCEPTED),
            org.assertj.core.groups.Tuple.tuple("23", ReviewState.REJECTED),
            org.assertj.core.groups.Tuple.tuple("22#2", ReviewState.ACCEPTED));
    assertThat(read.report().losses())
        .extracting(Loss::what)
        .containsExactly("ignored answer skipped", "span tokens disagree with its offsets");
    // The rejected annotation never reaches spaCy.
    Io.Written spacy =
        Io.write(new SpacyFormat(), read.dataset(), dir.resolve("s.jsonl"), Map.of());
    assertThat(spacy.report().losses())
        .extracting(Loss::what)
        .contains("rejected annotation skipped");
    Io.Written prodigy =
        Io.write(new ProdigyFormat(), read.dataset(), dir.resolve("p.jsonl"), Map.of());
    assertThat(prodigy.text().lines().toList()).hasSize(3);
    assertThat(prodigy.text().lines().toList().get(0))
        .contains("\"token_start\":1,\"token_end\":1,\"label\":\"PER\"")
        .contains("\"_input_hash\":11,\"_task_hash\":22,\"answer\":\"accept\"");
    assertThat(prodigy.text().lines().toList().get(1)).contains("\"answer\":\"reject\"");
  }

  @Test
  void asrManifestRoundTrip() {
    String file =
        "{\"audio_filepath\": \"audio/a.wav\", \"duration\": 2.5, \"text\": \"hello\"}\n"
            + "{\"audio_filepath\": \"audio/b.wav\", \"duration\": 1.0, \"offset\": 3.5, \"text\":"
            + " \"world\"}\n";
    Io.Read read = Io.read(new AsrManifestFormat(), dir, "m.jsonl", file, Map.of());
    AudioItem first = (AudioItem) read.dataset().items().get(0);
    assertThat(first.id()).isEqualTo("audio/a.wav");
    assertThat(first.durationSeconds()).isEqualTo(2.5);
    assertThat(read.dataset().annotationsOf("audio/b.wav@3.5").get(0).results().get(0).value())
        .isEqualTo(new TranscriptionValue("world"));
    Io.Written written =
        Io.write(new AsrManifestFormat(), read.dataset(), dir.resolve("n.jsonl"), Map.of());
    assertThat(written.text())
        .isEqualTo(
            "{\"audio_filepath\":\"audio/a.wav\",\"duration\":2.5,\"text\":\"hello\"}\n"
                + "{\"audio_filepath\":\"audio/b.wav\",\"duration\":1.0,\"offset\":3.5,\"text\":"
                + "\"world\"}\n");
    assertThatThrownBy(() ->
            Io.read(
                new AsrManifestFormat(),
                dir,
                "z.jsonl",
                "{\"audio_filepath\": \"a.wav\", \"duration\": 0, \"text\": \"\"}\n",
                Map.of()))
        .isInstanceOf(FormatException.class)
        .satisfies(e -> assertThat(((FormatException) e).pointer()).hasValue("/duration"));
  }

  @Test
  void sagemakerNerReads() {
    String file =
        "{\"source\": \"\uD83D\uDE00 Ann\", \"ner\": {\"annotations\": {\"entities\": [{\"label\":"
            + " \"PER\", \"startOffset\": 2, \"endOffset\": 5}], \"labels\": [{\"label\": \"PER\"}]}},"
            + " \"ner-metadata\": {\"type\": \"groundtruth/text-span\", \"creation-date\":"
            + " \"2024-01-02T03:04:05.000000\"}}\n";
    Io.Read read = Io.read(new SageMakerNerFormat(), dir, "o.manifest", file, Map.of());
    assertThat(spans(read.dataset(), "1")).containsExactly(span("PER", 2, 5, "Ann"));
    assertThat(read.dataset().annotationsOf("1").get(0).createdAt()).isPresent();
  }

  @Test
  void classificationTablesSingleMultiAndBinary() {
    String csv = "id,text,source,label\n1,great film,imdb,pos\n2,\"bad, bad\",imdb,neg\n";
    Io.Read read = Io.read(new ClassificationTableFormat(), dir, "a.csv", csv, Map.of());
    assertThat(((TextItem) read.dataset().items().get(1)).text()).isEqualTo("bad, bad");
    Io.Written written =
        Io.write(new ClassificationTableFormat(), read.dataset(), dir.resolve("b.csv"), Map.of());
    assertThat(written.text()).isEqualTo(csv);

    String multi = "id,text,label\n1,x,a|b\n";
    Io.Read many =
        Io.read(
            new ClassificationTableFormat(), dir, "c.csv", multi, Map.of("multi-label", "true"));
    Io.Written jsonl =
        Io.write(
            new ClassificationTableFormat(),
            many.dataset(),
            dir.resolve("d.jsonl"),
            Map.of("multi-label", "true", "table", "jsonl"));
    assertThat(jsonl.text()).isEqualTo("{\"id\":\"1\",\"text\":\"x\",\"label\":[\"a\",\"b\"]}\n");

    String binary = "id,text,toxic,insult\n1,x,1,0\n2,y,1,1\n";
    Io.Read flags =
        Io.read(
            new ClassificationTableFormat(),
            dir,
            "e.csv",
            binary,
            Map.of("label-column", "toxic,insult"));
    Io.Written back =
        Io.write(
            new ClassificationTableFormat(),
            flags.dataset(),
            dir.resolve("f.csv"),
            Map.of("label-column", "toxic,insult"));
    assertThat(back.text()).isEqualTo(binary);
  }

  @Test
  void bucketedRankingsAreNoPreferenceAndAreReported() {
    ComparisonItem item =
        new ComparisonItem(
            "c",
            "p",
            List.of(
                new org.annotationkit.core.item.Response("x", "X"),
                new org.annotationkit.core.item.Response("y", "Y")));
    Dataset dataset =
        Dataset.builder(
                org.annotationkit.core.schema.Schema.of(
                    "s",
                    org.annotationkit.core.schema.Field.builder(
                            "ranking", org.annotationkit.core.schema.FieldKind.RANKING)
                        .build()))
            .item(item)
            .annotation(
                Annotation.builder("a", "c", "u")
                    .result(
                        "r",
                        "ranking",
                        RankingValue.ofBuckets(
                            List.of(
                                RankingValue.Bucket.of("good", "x"),
                                RankingValue.Bucket.of("bad", "y"))))
                    .build())
            .build();
    Io.Written written =
        Io.write(new PreferenceFormat(), dataset, dir.resolve("b.jsonl"), Map.of());
    assertThat(written.text()).isEmpty();
    assertThat(written.report().losses())
        .extracting(Loss::what)
        .containsExactly("bucketed ranking dropped");
  }

  @Test
  void preferenceTiesAndBothBadAreReportedNotWritten() {
    String file =
        "{\"id\": \"a\", \"prompt\": \"2+2?\", \"chosen\": \"4\", \"rejected\": \"5\"}\n"
            + "{\"id\": \"b\", \"prompt\": \"p\", \"chosen\": \"x\", \"rejected\": \"y\", \"tie\": true}\n"
            + "{\"id\": \"c\", \"prompt\": \"p\", \"chosen\": \"x\", \"rejected\": \"y\", \"both_bad\":"
            + " true}\n"
            + "{\"id\": \"d\", \"prompt\": \"q\", \"responses\": [\"r0\", \"r1\", \"r2\"], \"ranking\":"
            + " [2, 0, 1]}\n";
    Io.Read read = Io.read(new PreferenceFormat(), dir, "p.jsonl", file, Map.of());
    ComparisonItem first = (ComparisonItem) read.dataset().items().get(0);
    assertThat(first.responses().get(0).text()).isEqualTo("4");
    assertThat(read.dataset().annotationsOf("b").get(0).results().get(0).value())
        .isEqualTo(new PreferenceValue("1", "2", PreferenceValue.Verdict.TIE));
    Io.Written pairs =
        Io.write(new PreferenceFormat(), read.dataset(), dir.resolve("q.jsonl"), Map.of());
    assertThat(pairs.text())
        .isEqualTo(
            "{\"id\":\"a\",\"prompt\":\"2+2?\",\"chosen\":\"4\",\"rejected\":\"5\"}\n"
                + "{\"id\":\"d\",\"prompt\":\"q\",\"chosen\":\"r2\",\"rejected\":\"r0\"}\n"
                + "{\"id\":\"d\",\"prompt\":\"q\",\"chosen\":\"r2\",\"rejected\":\"r1\"}\n"
                + "{\"id\":\"d\",\"prompt\":\"q\",\"chosen\":\"r0\",\"rejected\":\"r1\"}\n");
    assertThat(pairs.report().losses())
        .extracting(Loss::what)
        .containsExactly("tie not written", "both-bad judgement not written");
    Io.Written ranking =
        Io.write(
            new PreferenceFormat(),
            read.dataset(),
            dir.resolve("r.jsonl"),
            Map.of("form", "ranking"));
    assertThat(ranking.text())
        .contains(
            "{\"id\":\"d\",\"prompt\":\"q\",\"responses\":[\"r0\",\"r1\",\"r2\"],\"ranking\":[2,0,1]}");
  }

  @Test
  void malformedJsonNamesLineAndPointer() {
    assertThatThrownBy(() ->
            Io.read(
                new SpacyFormat(),
                dir,
                "bad.jsonl",
                "{\"text\": \"ab\", \"entities\": []}\n{\"text\": \"ab\", \"entities\": [[0, 9,"
                    + " \"X\"]]}\n",
                Map.of()))
        .isInstanceOf(FormatException.class)
        .satisfies(e -> {
          FormatException f = (FormatException) e;
          assertThat(f.line()).hasValue(2);
          assertThat(f.pointer()).hasValue("/entities/0");
          assertThat(f.problem()).contains("leaves the text of 2 code points");
        });
  }
}
