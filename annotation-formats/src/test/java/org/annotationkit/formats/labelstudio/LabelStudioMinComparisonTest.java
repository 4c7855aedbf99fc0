package org.annotationkit.formats.labelstudio;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.annotationkit.core.annotation.Annotation;
import org.annotationkit.core.annotation.PreferenceValue;
import org.annotationkit.core.annotation.RankingValue;
import org.annotationkit.core.annotation.Result;
import org.annotationkit.core.annotation.Value;
import org.annotationkit.core.dataset.Dataset;
import org.annotationkit.core.item.ComparisonItem;
import org.annotationkit.core.item.Response;
import org.annotationkit.formats.ConversionContext;
import org.annotationkit.formats.ConversionReport;
import org.annotationkit.formats.Converter;
import org.annotationkit.formats.FormatOptions;
import org.annotationkit.formats.Loss;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * JSON-MIN of comparison projects ({@code Pairwise} and {@code Ranker}), as Label Studio's
 * converter makes it ({@code convert_to_json_min}, {@code prettify_result}): the task's data keys,
 * then per control the list of its results' values without {@code type}, so {@code [{"selected":
 * "left"}]} and {@code [{"ranker": {...}}]}; the values keep no {@code to_name}.
 */
class LabelStudioMinComparisonTest {
  @TempDir Path dir;

  /** Two records of one task (two annotators), and a task without annotations. */
  private static final String COMPARISON_MIN =
      "[{\"prompt\":\"Say hi \uD83D\uDC4B\",\"items\":[{\"id\":\"r1\",\"body\":\"hi\"},"
          + "{\"id\":\"r2\",\"body\":\"hello \uD83C\uDDEB\uD83C\uDDF7\",\"model\":\"m2\"}],"
          + "\"r1\":\"hi\",\"r2\":\"hello \uD83C\uDDEB\uD83C\uDDF7\",\"id\":5,"
          + "\"pw\":[{\"selected\":\"right\"}],"
          + "\"rank\":[{\"ranker\":{\"rank\":[\"r2\",\"r1\"]}}],"
          + "\"annotator\":3,\"annotation_id\":50},"
          + "{\"prompt\":\"Say hi \uD83D\uDC4B\",\"items\":[{\"id\":\"r1\",\"body\":\"hi\"},"
          + "{\"id\":\"r2\",\"body\":\"hello \uD83C\uDDEB\uD83C\uDDF7\",\"model\":\"m2\"}],"
          + "\"r1\":\"hi\",\"r2\":\"hello \uD83C\uDDEB\uD83C\uDDF7\",\"id\":5,"
          + "\"rank\":[{\"ranker\":{\"good\":[\"r1\"],\"_\":[\"r2\"]}}],"
          + "\"annotator\":4,\"annotation_id\":51},"
          + "{\"prompt\":\"p\",\"items\":[{\"id\":\"a\",\"body\":\"A\"},{\"id\":\"b\",\"body\":\"B\"}],"
          + "\"a\":\"A\",\"b\":\"B\",\"id\":6}]";

  private Path file(String name, String content) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, content, StandardCharsets.UTF_8);
    return file;
  }

  private record Read(Dataset dataset, List<Loss> losses) {}

  private static FormatOptions options(@Nullable Path config) {
    return config == null
        ? FormatOptions.none()
        : FormatOptions.of(Map.of("config", config.toString()));
  }

  private static Read read(Path file, @Nullable Path config) {
    ConversionContext context = ConversionContext.of(options(config));
    try (var source = new LabelStudioMinFormat().reader().orElseThrow().open(file, context)) {
      Dataset dataset = Dataset.of(source);
      return new Read(dataset, context.report().losses());
    }
  }

  private static ConversionReport write(Dataset dataset, Path file, @Nullable Path config) {
    return Converter.write(
        new LabelStudioMinFormat(), dataset.source(), file, ConversionContext.of(options(config)));
  }

  private static List<Value> values(Annotation annotation) {
    return annotation.results().stream().map(Result::value).toList();
  }

  @Test
  void pairwiseAndRankerRecordsReadAndWriteBackAsTheConverterDoes() throws IOException {
    Path config = file("config.xml", LabelStudioTextAudioRoundTripTest.COMPARISON_CONFIG);
    for (Path withOrWithout : new Path[] {config, null}) {
      Read read = read(file("min.json", COMPARISON_MIN), withOrWithout);
      assertThat(read.losses()).isEmpty();
      ComparisonItem item = (ComparisonItem) read.dataset().items().get(0);
      assertThat(item.prompt()).isEqualTo("Say hi \uD83D\uDC4B");
      assertThat(item.responses())
          .containsExactly(
              new Response("r1", "hi"),
              new Response("r2", "hello \uD83C\uDDEB\uD83C\uDDF7", java.util.Optional.of("m2")));
      assertThat(item.metadata()).isEmpty();
      List<Annotation> annotations = read.dataset().annotationsOf("5");
      assertThat(annotations).extracting(Annotation::annotatorId).containsExactly("3", "4");
      assertThat(values(annotations.get(0)))
          .containsExactly(
              new PreferenceValue("r1", "r2", PreferenceValue.Verdict.SECOND),
              RankingValue.of("r2", "r1"));
      assertThat(values(annotations.get(1)))
          .containsExactly(
              RankingValue.ofBuckets(
                  List.of(
                      RankingValue.Bucket.of("good", "r1"), RankingValue.Bucket.of("_", "r2"))));
      assertThat(read.dataset().items().get(1)).isInstanceOf(ComparisonItem.class);
      assertThat(read.dataset().annotationsOf("6")).isEmpty();

      Path back = dir.resolve("back.json");
      Files.deleteIfExists(back);
      ConversionReport written = write(read.dataset(), back, withOrWithout);
      assertThat(written.losses()).isEmpty();
      assertThat(Files.readString(back, StandardCharsets.UTF_8)).isEqualTo(COMPARISON_MIN);
    }
  }

  @Test
  void whatJsonMinCannotHoldIsReported() throws IOException {
    ComparisonItem item =
        new ComparisonItem(
            "c",
            "p",
            List.of(new Response("x", "X"), new Response("y", "Y"), new Response("z", "Z")));
    Annotation human =
        Annotation.builder("h", "c", "u")
            // a tie: Label Studio's pairwise choice has none
            .result("t", "pw", new PreferenceValue("x", "y", PreferenceValue.Verdict.TIE))
            // the second and third responses: JSON-MIN keeps no to_name, read back it would be x, y
            .result("o", "pw", new PreferenceValue("y", "z", PreferenceValue.Verdict.FIRST))
            .result("k", "rank", RankingValue.of("z", "x", "y"))
            .build();
    Annotation model =
        Annotation.builder("m", "c", "model")
            .origin(
                new org.annotationkit.core.annotation.Origin.Model(
                    "model", "v1", java.util.OptionalDouble.empty()))
            .result("p", "rank", RankingValue.of("x", "y", "z"))
            .build();
    Dataset dataset =
        Dataset.builder(LabelStudioTextAudioRoundTripTest.COMPARISON_SCHEMA)
            .item(item)
            .annotation(human)
            .annotation(model)
            .build();
    Path file = dir.resolve("min.json");
    ConversionReport written = write(dataset, file, null);
    assertThat(written.losses())
        .extracting(Loss::what)
        .containsExactlyInAnyOrder("prediction dropped", "tie dropped", "result skipped");
    assertThat(
            written.losses().stream()
                .filter(l -> l.what().equals("result skipped"))
                .findFirst()
                .orElseThrow()
                .reason())
        .contains("compares [x, y], not [y, z]");
    assertThat(Files.readString(file, StandardCharsets.UTF_8))
        .isEqualTo(
            "[{\"prompt\":\"p\",\"items\":[{\"id\":\"x\",\"body\":\"X\"},{\"id\":\"y\",\"body\":\"Y\"},"
                + "{\"id\":\"z\",\"body\":\"Z\"}],\"x\":\"X\",\"y\":\"Y\",\"z\":\"Z\",\"id\":\"c\","
                + "\"rank\":[{\"ranker\":{\"rank\":[\"z\",\"x\",\"y\"]}}],"
                + "\"annotator\":\"u\",\"annotation_id\":\"h\"}]");
  }
}
