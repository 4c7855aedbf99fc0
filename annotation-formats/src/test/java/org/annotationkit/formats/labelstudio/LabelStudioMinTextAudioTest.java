package org.annotationkit.formats.labelstudio;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.annotationkit.core.annotation.Annotation;
import org.annotationkit.core.annotation.ChoiceValue;
import org.annotationkit.core.annotation.FreeTextValue;
import org.annotationkit.core.annotation.MultipleChoiceValue;
import org.annotationkit.core.annotation.RatingValue;
import org.annotationkit.core.annotation.Result;
import org.annotationkit.core.annotation.SpanValue;
import org.annotationkit.core.annotation.TimeSegmentValue;
import org.annotationkit.core.annotation.TranscriptionValue;
import org.annotationkit.core.annotation.Value;
import org.annotationkit.core.dataset.Dataset;
import org.annotationkit.core.item.AudioItem;
import org.annotationkit.core.item.TextItem;
import org.annotationkit.formats.ConversionContext;
import org.annotationkit.formats.ConversionReport;
import org.annotationkit.formats.Converter;
import org.annotationkit.formats.FormatOptions;
import org.annotationkit.formats.Loss;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * JSON-MIN of text and audio projects, as Label Studio's converter writes it ({@code
 * label_studio_sdk/converter/converter.py}, {@code convert_to_json_min}, and {@code
 * label_studio_sdk/converter/utils.py}, {@code prettify_result}): per control the list of its
 * results' values without {@code type}; a lone {@code Choices} or {@code TextArea} result is the
 * value itself, one choice or one text collapsed to its string; relations are not kept.
 */
class LabelStudioMinTextAudioTest {
  @TempDir Path dir;

  /** A record as the converter makes it: data keys, id, controls, then the annotation's keys. */
  private static final String TEXT_MIN =
      "[{\"text\":\"\uD83D\uDE00 Ann lives in \u5317\u4eac\",\"source\":\"news\",\"id\":7,"
          + "\"ner\":[{\"start\":2,\"end\":5,\"text\":\"Ann\",\"labels\":[\"PER\"]},"
          + "{\"start\":15,\"end\":17,\"text\":\"\u5317\u4eac\",\"labels\":[\"LOC\"]}],"
          + "\"sentiment\":\"pos\","
          + "\"topics\":[{\"taxonomy\":[[\"Sport\",\"Tennis\"],[\"Politics\"]]}],"
          + "\"summary\":\"a move\","
          + "\"quality\":[{\"rating\":4}],"
          + "\"annotator\":3,\"annotation_id\":11,\"created_at\":\"2024-05-07T12:34:36.829143Z\","
          + "\"lead_time\":12.5},"
          + "{\"text\":\"plain\",\"source\":\"web\",\"id\":8}]";

  private static final String AUDIO_CONFIG =
      """
      <View>
        <Audio name="audio" value="$audio"/>
        <Labels name="segments" toName="audio"><Label value="Speech"/><Label value="Noise"/></Labels>
        <TextArea name="whole" toName="audio"/>
        <Choices name="kind" toName="audio" choice="multiple">
          <Choice value="music"/><Choice value="talk"/>
        </Choices>
      </View>
      """;

  private static final String AUDIO_MIN =
      "[{\"audio\":\"audio/a.wav\",\"duration\":9.5,\"id\":\"a\","
          + "\"segments\":[{\"start\":0.25,\"end\":3.5,\"channel\":0,\"labels\":[\"Speech\"]},"
          + "{\"start\":3.5,\"end\":4.0,\"channel\":0,\"labels\":[\"Noise\"]}],"
          + "\"whole\":\"hello w\u00f6rld\","
          + "\"kind\":{\"choices\":[\"music\",\"talk\"]},"
          + "\"annotator\":\"ann@example.org\",\"annotation_id\":\"x1\"}]";

  private Path config(String xml) throws IOException {
    Path file = dir.resolve("config.xml");
    Files.writeString(file, xml);
    return file;
  }

  private record Read(Dataset dataset, List<Loss> losses) {}

  private static Read read(Path file, Path config) {
    ConversionContext context =
        ConversionContext.of(FormatOptions.of(Map.of("config", config.toString())));
    try (var source = new LabelStudioMinFormat().reader().orElseThrow().open(file, context)) {
      Dataset dataset = Dataset.of(source);
      return new Read(dataset, context.report().losses());
    }
  }

  private static ConversionReport write(Dataset dataset, Path file, Path config) {
    return Converter.write(
        new LabelStudioMinFormat(),
        dataset.source(),
        file,
        ConversionContext.of(FormatOptions.of(Map.of("config", config.toString()))));
  }

  private static List<Value> values(Annotation annotation) {
    return annotation.results().stream().map(Result::value).toList();
  }

  @Test
  void textRecordsReadInCodePointsAndWriteBackAsTheConverterDoes() throws IOException {
    Path config = config(LabelStudioTextAudioRoundTripTest.TEXT_CONFIG);
    Path file = dir.resolve("min.json");
    Files.writeString(file, TEXT_MIN, StandardCharsets.UTF_8);
    Read read = read(file, config);
    assertThat(read.losses()).isEmpty();
    TextItem item = (TextItem) read.dataset().items().get(0);
    assertThat(item.id()).isEqualTo("7");
    assertThat(item.metadata()).containsExactly(Map.entry("source", "news"));
    List<Annotation> annotations = read.dataset().annotationsOf("7");
    assertThat(annotations).hasSize(1);
    Annotation annotation = annotations.get(0);
    assertThat(annotation.id()).isEqualTo("11");
    assertThat(annotation.annotatorId()).isEqualTo("3");
    assertThat(annotation.leadTimeSeconds()).hasValue(12.5);
    // Offsets count code points: the emoji is one, so Ann starts at 2 (3 in UTF-16 units).
    assertThat(values(annotation))
        .containsExactly(
            new SpanValue("PER", 2, 5, Optional.of("Ann")),
            new SpanValue("LOC", 15, 17, Optional.of("\u5317\u4eac")),
            new ChoiceValue("pos"),
            new MultipleChoiceValue(List.of("Tennis", "Politics")),
            new FreeTextValue("a move"),
            new RatingValue(4));
    assertThat(read.dataset().annotationsOf("8")).isEmpty();

    Path back = dir.resolve("back.json");
    ConversionReport written = write(read.dataset(), back, config);
    assertThat(written.losses()).extracting(Loss::what).containsExactly("region ids dropped");
    assertThat(Files.readString(back, StandardCharsets.UTF_8)).isEqualTo(TEXT_MIN);
    Read again = read(back, config);
    assertThat(again.dataset().items()).isEqualTo(read.dataset().items());
    assertThat(again.dataset().annotations()).isEqualTo(read.dataset().annotations());
  }

  @Test
  void audioRecordsKeepSegmentsTextsAndTheTasksDuration() throws IOException {
    Path config = config(AUDIO_CONFIG);
    Path file = dir.resolve("min.json");
    Files.writeString(file, AUDIO_MIN, StandardCharsets.UTF_8);
    Read read = read(file, config);
    assertThat(read.losses()).isEmpty();
    AudioItem item = (AudioItem) read.dataset().items().get(0);
    assertThat(item.durationSeconds()).isEqualTo(9.5);
    assertThat(item.metadata()).isEmpty();
    Annotation annotation = read.dataset().annotationsOf("a").get(0);
    assertThat(annotation.annotatorId()).isEqualTo("ann@example.org");
    assertThat(values(annotation))
        .containsExactly(
            new TimeSegmentValue("Speech", 0.25, 3.5),
            new TimeSegmentValue("Noise", 3.5, 4.0),
            new TranscriptionValue("hello w\u00f6rld", Optional.empty()),
            new MultipleChoiceValue(List.of("music", "talk")));

    Path back = dir.resolve("back.json");
    ConversionReport written = write(read.dataset(), back, config);
    assertThat(written.losses()).extracting(Loss::what).containsExactly("region ids dropped");
    assertThat(Files.readString(back, StandardCharsets.UTF_8)).isEqualTo(AUDIO_MIN);
  }

  @Test
  void relationsPredictionsAndTheRegionOfAText() throws IOException {
    Path config = config(LabelStudioTextAudioRoundTripTest.TEXT_CONFIG);
    TextItem item = new TextItem("t", "Ann in Rome", Optional.empty(), Map.of());
    Annotation human =
        Annotation.builder("h", "t", "u")
            .result("r1", "ner", new SpanValue("PER", 0, 3, Optional.of("Ann")))
            .result("r2", "ner", new SpanValue("LOC", 7, 11, Optional.of("Rome")))
            .result(
                "rel",
                LabelingConfig.RELATIONS,
                new org.annotationkit.core.annotation.RelationValue("lives_in", "r1", "r2"))
            .build();
    Annotation model =
        Annotation.builder("m", "t", "model")
            .origin(
                new org.annotationkit.core.annotation.Origin.Model(
                    "model", "v1", java.util.OptionalDouble.empty()))
            .result("p", "sentiment", new ChoiceValue("neg"))
            .build();
    Dataset dataset =
        Dataset.builder(LabelStudioTextAudioRoundTripTest.TEXT_SCHEMA)
            .item(item)
            .annotation(human)
            .annotation(model)
            .build();
    Path file = dir.resolve("min.json");
    ConversionReport written = write(dataset, file, config);
    assertThat(written.losses())
        .extracting(Loss::what)
        .containsExactlyInAnyOrder("prediction dropped", "relation dropped", "region ids dropped");
    assertThat(Files.readString(file, StandardCharsets.UTF_8))
        .isEqualTo(
            "[{\"text\":\"Ann in Rome\",\"id\":\"t\",\"ner\":[{\"start\":0,\"end\":3,\"text\":\"Ann\","
                + "\"labels\":[\"PER\"]},{\"start\":7,\"end\":11,\"text\":\"Rome\",\"labels\":"
                + "[\"LOC\"]}],\"annotator\":\"u\",\"annotation_id\":\"h\"}]");
  }
}
