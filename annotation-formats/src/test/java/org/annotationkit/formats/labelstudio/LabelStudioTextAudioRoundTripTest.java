package org.annotationkit.formats.labelstudio;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.annotationkit.core.annotation.Annotation;
import org.annotationkit.core.annotation.ChoiceValue;
import org.annotationkit.core.annotation.FreeTextValue;
import org.annotationkit.core.annotation.MultipleChoiceValue;
import org.annotationkit.core.annotation.PreferenceValue;
import org.annotationkit.core.annotation.RankingValue;
import org.annotationkit.core.annotation.RatingValue;
import org.annotationkit.core.annotation.RelationValue;
import org.annotationkit.core.annotation.Result;
import org.annotationkit.core.annotation.SpanValue;
import org.annotationkit.core.annotation.TimeSegmentValue;
import org.annotationkit.core.annotation.TranscriptionValue;
import org.annotationkit.core.dataset.Dataset;
import org.annotationkit.core.item.AudioItem;
import org.annotationkit.core.item.ComparisonItem;
import org.annotationkit.core.item.Response;
import org.annotationkit.core.item.TextItem;
import org.annotationkit.core.item.TextOffsets;
import org.annotationkit.core.schema.Field;
import org.annotationkit.core.schema.FieldKind;
import org.annotationkit.core.schema.Label;
import org.annotationkit.core.schema.LabelSet;
import org.annotationkit.core.schema.RatingScale;
import org.annotationkit.core.schema.Schema;
import org.annotationkit.formats.ConversionContext;
import org.annotationkit.formats.ConversionReport;
import org.annotationkit.formats.Converter;
import org.annotationkit.formats.FormatOptions;
import org.annotationkit.formats.Loss;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Seeded round trips of text, audio and comparison datasets of what Label Studio holds: written as
 * {@code labelstudio} and read back with a labeling config of the same fields, they give the same
 * dataset (schema included) and no loss. Texts mix ASCII with emoji, ZWJ sequences, combining marks
 * and CJK, so that code points and UTF-16 units differ.
 */
class LabelStudioTextAudioRoundTripTest {
  @TempDir Path dir;

  static List<Long> seeds() {
    List<Long> seeds = new ArrayList<>();
    for (long s = 0; s < 40; s++) {
      seeds.add(20261204L + 104_729 * s);
    }
    return seeds;
  }

  private static final String[] PIECES = {
    "a",
    "Bo",
    " ",
    "  ",
    "\n",
    "\uD83D\uDC0D",
    "\uD83D\uDC69\u200D\uD83D\uDC67",
    "e\u0301",
    "\u5317",
    "\u00e9",
    "\uD83C\uDDEB\uD83C\uDDF7",
    ".",
    "x\u0308y"
  };

  static String text(SplittableRandom random, int pieces) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < pieces; i++) {
      out.append(PIECES[random.nextInt(PIECES.length)]);
    }
    return out.toString();
  }

  static final Schema TEXT_SCHEMA =
      new Schema(
          "labelstudio",
          List.of(
              Field.builder("ner", FieldKind.SPAN).labels("PER", "LOC").build(),
              Field.builder(LabelingConfig.RELATIONS, FieldKind.RELATION)
                  .labels("lives_in", "works_for")
                  .build(),
              Field.builder("sentiment", FieldKind.SINGLE_CHOICE).labels("pos", "neg").build(),
              Field.builder("topics", FieldKind.MULTIPLE_CHOICE)
                  .labels(
                      LabelSet.of(
                          List.of(
                              Label.of("Sport")
                                  .withChildren(Label.of("Football"), Label.of("Tennis")),
                              Label.of("Politics"))))
                  .build(),
              Field.builder("summary", FieldKind.FREE_TEXT).build(),
              Field.builder("quality", FieldKind.RATING).scale(RatingScale.likert(5)).build()),
          Optional.empty());

  static final String TEXT_CONFIG =
      """
      <View>
        <Text name="text" value="$text"/>
        <Labels name="ner" toName="text"><Label value="PER"/><Label value="LOC"/></Labels>
        <Relations><Relation value="lives_in"/><Relation value="works_for"/></Relations>
        <Choices name="sentiment" toName="text"><Choice value="pos"/><Choice value="neg"/></Choices>
        <Taxonomy name="topics" toName="text">
          <Choice value="Sport"><Choice value="Football"/><Choice value="Tennis"/></Choice>
          <Choice value="Politics"/>
        </Taxonomy>
        <TextArea name="summary" toName="text"/>
        <Rating name="quality" toName="text"/>
      </View>
      """;

  static final Schema AUDIO_SCHEMA =
      new Schema(
          "labelstudio",
          List.of(
              Field.builder("segments", FieldKind.TIME_SEGMENT).labels("Speech", "Noise").build(),
              Field.builder("said", FieldKind.TRANSCRIPTION).build(),
              Field.builder("whole", FieldKind.TRANSCRIPTION).build(),
              Field.builder("kind", FieldKind.MULTIPLE_CHOICE).labels("music", "talk").build()),
          Optional.empty());

  static final String AUDIO_CONFIG =
      """
      <View>
        <Audio name="audio" value="$audio"/>
        <Labels name="segments" toName="audio"><Label value="Speech"/><Label value="Noise"/></Labels>
        <TextArea name="said" toName="audio" perRegion="true"/>
        <TextArea name="whole" toName="audio"/>
        <Choices name="kind" toName="audio" choice="multiple">
          <Choice value="music"/><Choice value="talk"/>
        </Choices>
      </View>
      """;

  static final Schema COMPARISON_SCHEMA =
      new Schema(
          "labelstudio",
          List.of(
              Field.builder("pw", FieldKind.PAIRWISE_PREFERENCE).allowTies(false).build(),
              Field.builder("rank", FieldKind.RANKING).build()),
          Optional.empty());

  static final String COMPARISON_CONFIG =
      """
      <View>
        <Text name="r1" value="$r1"/><Text name="r2" value="$r2"/>
        <Pairwise name="pw" toName="r1,r2"/>
        <List name="items" value="$items" title="Responses"/>
        <Ranker name="rank" toName="items"/>
      </View>
      """;

  static Dataset texts(SplittableRandom random) {
    Dataset.Builder builder = Dataset.builder(TEXT_SCHEMA);
    int items = 1 + random.nextInt(4);
    int annotationId = 1 + random.nextInt(50);
    for (int i = 0; i < items; i++) {
      String id = Integer.toString(10 + 2 * i + random.nextInt(2));
      String text = text(random, random.nextInt(30));
      Map<String, String> metadata = new LinkedHashMap<>();
      if (random.nextBoolean()) {
        metadata.put("source", "feed \uD83D\uDCF0");
      }
      builder.item(new TextItem(id, text, Optional.empty(), metadata));
      TextOffsets offsets = TextOffsets.of(text);
      for (int a = random.nextInt(3); a > 0; a--) {
        Annotation.Builder annotation =
            Annotation.builder(Integer.toString(annotationId++), id, "u" + random.nextInt(3));
        List<String> spans = new ArrayList<>();
        for (int r = random.nextInt(5); r > 0; r--) {
          int start = random.nextInt(offsets.length() + 1);
          int end = start + random.nextInt(offsets.length() - start + 1);
          String rid = "s" + spans.size();
          spans.add(rid);
          annotation.result(
              Result.of(
                  rid,
                  "ner",
                  new SpanValue(
                      random.nextBoolean() ? "PER" : "LOC",
                      start,
                      end,
                      Optional.of(offsets.substring(start, end)))));
        }
        if (random.nextBoolean()) {
          annotation.result(
              Result.of("c", "sentiment", new ChoiceValue(random.nextBoolean() ? "pos" : "neg")));
        }
        if (random.nextBoolean()) {
          List<String> topics = new ArrayList<>();
          for (String topic : List.of("Tennis", "Sport", "Politics", "Football")) {
            if (random.nextBoolean()) {
              topics.add(topic);
            }
          }
          annotation.result(Result.of("t", "topics", new MultipleChoiceValue(topics)));
        }
        if (random.nextBoolean()) {
          annotation.result(
              Result.of("f", "summary", new FreeTextValue(text(random, random.nextInt(6)))));
        }
        if (random.nextBoolean()) {
          annotation.result(Result.of("q", "quality", new RatingValue(1 + random.nextInt(5))));
        }
        // Relations come last: the reader places them after the regions they join.
        List<String> pairs = new ArrayList<>();
        for (int r = spans.size() < 2 ? 0 : random.nextInt(4); r > 0; r--) {
          String from = spans.get(random.nextInt(spans.size()));
          String to = spans.get(random.nextInt(spans.size()));
          String rid = TaskConverter.relationId(from, to);
          if (from.equals(to) || pairs.contains(rid)) {
            continue;
          }
          pairs.add(rid);
          Optional<String> label =
              switch (random.nextInt(3)) {
                case 0 -> Optional.empty();
                case 1 -> Optional.of("lives_in");
                default -> Optional.of("works_for");
              };
          annotation.result(
              Result.of(rid, LabelingConfig.RELATIONS, new RelationValue(label, from, to)));
        }
        builder.annotation(annotation.build());
      }
    }
    return builder.build();
  }

  static Dataset audio(SplittableRandom random) {
    Dataset.Builder builder = Dataset.builder(AUDIO_SCHEMA);
    int items = 1 + random.nextInt(4);
    int annotationId = 1 + random.nextInt(50);
    for (int i = 0; i < items; i++) {
      String id = "clip" + i;
      double duration = 0.5 + random.nextDouble() * 120;
      builder.item(
          new AudioItem(id, URI.create("/data/upload/2/" + id + ".wav"), duration, Map.of()));
      for (int a = random.nextInt(3); a > 0; a--) {
        Annotation.Builder annotation =
            Annotation.builder(Integer.toString(annotationId++), id, "u" + random.nextInt(3));
        List<Result> transcriptions = new ArrayList<>();
        for (int r = random.nextInt(4); r > 0; r--) {
          double start = random.nextDouble() * duration;
          double end = start + random.nextDouble() * (duration - start);
          String rid = "seg" + r;
          annotation.result(
              Result.of(
                  rid,
                  "segments",
                  new TimeSegmentValue(random.nextBoolean() ? "Speech" : "Noise", start, end)));
          if (random.nextBoolean()) {
            transcriptions.add(
                Result.of(
                    TaskConverter.transcriptionId(rid, "said"),
                    "said",
                    new TranscriptionValue(text(random, random.nextInt(8)), Optional.of(rid))));
          }
        }
        transcriptions.forEach(annotation::result);
        if (random.nextBoolean()) {
          annotation.result(
              Result.of("w", "whole", new TranscriptionValue(text(random, random.nextInt(10)))));
        }
        if (random.nextBoolean()) {
          annotation.result(
              Result.of(
                  "k",
                  "kind",
                  random.nextBoolean()
                      ? MultipleChoiceValue.of("talk")
                      : MultipleChoiceValue.of("music", "talk")));
        }
        builder.annotation(annotation.build());
      }
    }
    return builder.build();
  }

  static Dataset comparisons(SplittableRandom random) {
    Dataset.Builder builder = Dataset.builder(COMPARISON_SCHEMA);
    int items = 1 + random.nextInt(4);
    int annotationId = 1 + random.nextInt(50);
    for (int i = 0; i < items; i++) {
      String id = "cmp" + i;
      List<Response> responses = new ArrayList<>();
      for (int r = 1; r <= 2 + random.nextInt(3); r++) {
        responses.add(
            new Response(
                "r" + r,
                text(random, random.nextInt(12)),
                random.nextBoolean() ? Optional.of("model-" + r) : Optional.empty()));
      }
      Map<String, String> metadata = random.nextBoolean() ? Map.of("topic", "maths") : Map.of();
      builder.item(new ComparisonItem(id, text(random, random.nextInt(9)), responses, metadata));
      for (int a = random.nextInt(3); a > 0; a--) {
        Annotation.Builder annotation =
            Annotation.builder(Integer.toString(annotationId++), id, "u" + random.nextInt(3));
        if (random.nextBoolean()) {
          annotation.result(
              Result.of(
                  "p",
                  "pw",
                  new PreferenceValue(
                      "r1",
                      "r2",
                      random.nextBoolean()
                          ? PreferenceValue.Verdict.FIRST
                          : PreferenceValue.Verdict.SECOND)));
        }
        if (random.nextBoolean()) {
          List<String> order = new ArrayList<>();
          for (Response response : responses) {
            if (order.isEmpty() || random.nextBoolean()) {
              order.add(random.nextInt(order.size() + 1), response.id());
            }
          }
          RankingValue ranking = new RankingValue(order);
          if (random.nextInt(3) == 0) {
            // the same order cut into buckets, the first one possibly empty
            int cut = random.nextInt(order.size() + 1);
            ranking =
                RankingValue.ofBuckets(
                    List.of(
                        new RankingValue.Bucket("best", order.subList(0, cut)),
                        new RankingValue.Bucket("_", order.subList(cut, order.size()))));
          }
          annotation.result(Result.of("k", "rank", ranking));
        }
        builder.annotation(annotation.build());
      }
    }
    return builder.build();
  }

  private Dataset roundTrip(Dataset dataset, String config, List<Loss> losses) throws IOException {
    Path xml = dir.resolve("config.xml");
    Files.writeString(xml, config);
    Path file = dir.resolve("export.json");
    LabelStudioFormat format = new LabelStudioFormat();
    ConversionContext writing =
        ConversionContext.of(FormatOptions.of(Map.of("config", xml.toString())));
    ConversionReport written = Converter.write(format, dataset.source(), file, writing);
    losses.addAll(written.losses());
    ConversionContext context =
        ConversionContext.of(FormatOptions.of(Map.of("config", xml.toString())));
    try (var source = format.reader().orElseThrow().open(file, context)) {
      Dataset back = Dataset.of(source);
      losses.addAll(context.report().losses());
      return back;
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void textsRoundTrip(long seed) throws IOException {
    Dataset dataset = texts(new SplittableRandom(seed));
    List<Loss> losses = new ArrayList<>();
    Dataset back = roundTrip(dataset, TEXT_CONFIG, losses);
    assertThat(losses).isEmpty();
    assertThat(back.schema()).isEqualTo(dataset.schema());
    assertThat(back.items()).isEqualTo(dataset.items());
    assertThat(back.annotations()).isEqualTo(dataset.annotations());
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void audioRoundTrips(long seed) throws IOException {
    Dataset dataset = audio(new SplittableRandom(seed));
    List<Loss> losses = new ArrayList<>();
    Dataset back = roundTrip(dataset, AUDIO_CONFIG, losses);
    assertThat(losses).isEmpty();
    assertThat(back.schema()).isEqualTo(dataset.schema());
    assertThat(back.items()).isEqualTo(dataset.items());
    assertThat(back.annotations()).isEqualTo(dataset.annotations());
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void comparisonsRoundTrip(long seed) throws IOException {
    Dataset dataset = comparisons(new SplittableRandom(seed));
    List<Loss> losses = new ArrayList<>();
    Dataset back = roundTrip(dataset, COMPARISON_CONFIG, losses);
    assertThat(losses).isEmpty();
    assertThat(back.schema()).isEqualTo(dataset.schema());
    assertThat(back.items()).isEqualTo(dataset.items());
    assertThat(back.annotations()).isEqualTo(dataset.annotations());
  }
}
