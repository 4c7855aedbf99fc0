package org.annotationkit.formats.labelstudio;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
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
import org.annotationkit.core.annotation.PreferenceValue;
import org.annotationkit.core.annotation.RankingValue;
import org.annotationkit.core.annotation.RatingValue;
import org.annotationkit.core.annotation.RelationValue;
import org.annotationkit.core.annotation.Result;
import org.annotationkit.core.annotation.SpanValue;
import org.annotationkit.core.annotation.TimeSegmentValue;
import org.annotationkit.core.annotation.TranscriptionValue;
import org.annotationkit.core.item.AudioItem;
import org.annotationkit.core.item.ComparisonItem;
import org.annotationkit.core.item.Response;
import org.annotationkit.core.item.TextItem;
import org.annotationkit.core.schema.Field;
import org.annotationkit.core.schema.FieldKind;
import org.annotationkit.formats.ConversionReport;
import org.annotationkit.formats.FormatOptions;
import org.annotationkit.formats.Loss;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reading Label Studio text, audio and comparison results: the examples of the Label Studio docs,
 * and texts with emoji, combining marks and CJK whose offsets were computed apart in Python (whose
 * {@code str} indexes code points; UTF-16 offsets as {@code len(s[:i].encode("utf-16-le")) // 2}).
 */
class LabelStudioTextAudioTest {
  @TempDir Path dir;

  /**
   * "Zürich 🐍 loves 👩‍👩‍👧 and Ana López 🇫🇷 in 北京." with a combining diaeresis and acute (not
   * precomposed), a snake, a family of three joined by ZWJ and a flag of two regional indicators.
   * Python: "Zürich" [0, 7) in both; "Ana López" [26, 36), UTF-16 [30, 40); "北京" [43, 45), UTF-16
   * [49, 51); 46 code points, 52 UTF-16 units.
   */
  static final String TEXT =
      "Zu\u0308rich \uD83D\uDC0D loves \uD83D\uDC69\u200D\uD83D\uDC69\u200D\uD83D\uDC67 and Ana"
          + " Lo\u0301pez \uD83C\uDDEB\uD83C\uDDF7 in \u5317\u4eac.";

  static final String ANA = "Ana Lo\u0301pez";
  static final String BEIJING = "\u5317\u4eac";

  /**
   * The named entity recognition template of the Label Studio docs
   * (labelstud.io/templates/named_entity), with the Relations, Choices, TextArea and Rating tags as
   * their tag pages show them (labelstud.io/tags/relations, /choices, /textarea, /rating).
   */
  static final String NER_CONFIG =
      """
      <View>
        <Labels name="label" toName="text">
          <Label value="PER" background="red"/>
          <Label value="ORG" background="darkorange"/>
          <Label value="LOC" background="orange"/>
          <Label value="MISC" background="green"/>
        </Labels>
        <Text name="text" value="$text"/>
        <Relations>
          <Relation value="lives_in"/>
        </Relations>
        <Choices name="sentiment" toName="text" choice="single">
          <Choice value="Positive"/>
          <Choice value="Negative"/>
        </Choices>
        <TextArea name="summary" toName="text"/>
        <Rating name="quality" toName="text" maxRating="4"/>
      </View>
      """;

  static String json(String text) {
    StringBuilder out = new StringBuilder("\"");
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c < 0x20 || c > 0x7e) {
        out.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.append('"').toString();
  }

  static String span(String id, int start, int end, @Nullable String text, String label) {
    return "{\"id\": \""
        + id
        + "\", \"from_name\": \"label\", \"to_name\": \"text\", \"type\": \"labels\", \"value\":"
        + " {\"start\": "
        + start
        + ", \"end\": "
        + end
        + (text == null ? "" : ", \"text\": " + json(text))
        + ", \"labels\": [\""
        + label
        + "\"]}}";
  }

  static String task(String data, String... results) {
    return "[{\"id\": 7, \"data\": "
        + data
        + ", \"annotations\": [{\"id\": 70, \"completed_by\": 3, \"result\": ["
        + String.join(", ", results)
        + "]}]}]";
  }

  Path file(String name, String content) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, content, StandardCharsets.UTF_8);
    return file;
  }

  LabelStudioReadTest.Read read(String export, @Nullable String config) throws IOException {
    Path file = file("export.json", export);
    if (config == null) {
      return LabelStudioReadTest.read(file, FormatOptions.none());
    }
    Path xml = file("config.xml", config);
    return LabelStudioReadTest.read(file, FormatOptions.of(Map.of("config", xml.toString())));
  }

  static List<String> whats(ConversionReport report) {
    return report.losses().stream().map(Loss::what).toList();
  }

  static List<Result> results(LabelStudioReadTest.Read read) {
    return read.dataset().annotations().get(0).results();
  }

  @Test
  void spansWithEmojiAndCombiningMarksAreCodePointsAndTheOtherResultsRead() throws IOException {
    String export =
        task(
            "{\"text\": " + json(TEXT) + ", \"source\": \"wiki\"}",
            span("a", 0, 7, "Zu\u0308rich", "LOC"),
            span("b", 26, 36, ANA, "PER"),
            span("c", 43, 45, BEIJING, "LOC"),
            "{\"from_id\": \"b\", \"to_id\": \"c\", \"type\": \"relation\", \"direction\":"
                + " \"right\", \"labels\": [\"lives_in\"]}",
            "{\"id\": \"s\", \"from_name\": \"sentiment\", \"to_name\": \"text\", \"type\":"
                + " \"choices\", \"value\": {\"choices\": [\"Positive\"]}}",
            "{\"id\": \"t\", \"from_name\": \"summary\", \"to_name\": \"text\", \"type\":"
                + " \"textarea\", \"value\": {\"text\": [\"Ana \uD83D\uDC0D\"]}}",
            "{\"id\": \"q\", \"from_name\": \"quality\", \"to_name\": \"text\", \"type\":"
                + " \"rating\", \"value\": {\"rating\": 3}}");
    LabelStudioReadTest.Read read = read(export, NER_CONFIG);
    assertThat(read.report().losses()).isEmpty();
    TextItem item = (TextItem) read.dataset().items().get(0);
    assertThat(item.text()).isEqualTo(TEXT);
    assertThat(item.metadata()).containsExactly(Map.entry("source", "wiki"));
    assertThat(results(read).stream().map(Result::value).toList())
        .containsExactly(
            new SpanValue("LOC", 0, 7, Optional.of("Zu\u0308rich")),
            new SpanValue("PER", 26, 36, Optional.of(ANA)),
            new SpanValue("LOC", 43, 45, Optional.of(BEIJING)),
            new ChoiceValue("Positive"),
            new FreeTextValue("Ana \uD83D\uDC0D"),
            new RatingValue(3),
            new RelationValue("lives_in", "b", "c"));
    assertThat(results(read).get(6).id()).isEqualTo("b->c");
    List<Field> fields = read.dataset().schema().fields();
    assertThat(fields.stream().map(Field::kind).toList())
        .containsExactly(
            FieldKind.SPAN,
            FieldKind.RELATION,
            FieldKind.SINGLE_CHOICE,
            FieldKind.FREE_TEXT,
            FieldKind.RATING);
    assertThat(fields.get(4).scale().orElseThrow().max()).isEqualTo(4);
  }

  @Test
  void legacyUtf16OffsetsAreDetectedByTheRecordedTextAndConverted() throws IOException {
    String export =
        task(
            "{\"text\": " + json(TEXT) + "}",
            span("a", 0, 7, "Zu\u0308rich", "LOC"),
            span("b", 30, 40, ANA, "PER"),
            span("c", 49, 51, BEIJING, "LOC"));
    LabelStudioReadTest.Read read = read(export, null);
    assertThat(results(read).stream().map(Result::value).toList())
        .containsExactly(
            new SpanValue("LOC", 0, 7, Optional.of("Zu\u0308rich")),
            new SpanValue("PER", 26, 36, Optional.of(ANA)),
            new SpanValue("LOC", 43, 45, Optional.of(BEIJING)));
    // The first span lies before any emoji: both readings agree, nothing to report.
    assertThat(whats(read.report()))
        .containsExactly("UTF-16 offsets converted", "UTF-16 offsets converted");
    assertThat(read.report().losses().get(0).object().toString()).contains("26").contains("36");
    assertThat(read.dataset().schema().fields().get(0).kind()).isEqualTo(FieldKind.SPAN);
  }

  @Test
  void offsetsWithoutTextAreReadAsCodePointsAndReportedWhenTheReadingsDiffer() throws IOException {
    String export =
        task(
            "{\"text\": " + json(TEXT) + "}",
            span("a", 0, 7, null, "LOC"),
            span("b", 26, 36, null, "PER"),
            // 46 and 52 are past the code points: only UTF-16 units reach there.
            span("c", 51, 52, null, "MISC"));
    LabelStudioReadTest.Read read = read(export, null);
    assertThat(results(read).stream().map(Result::value).toList())
        .containsExactly(
            new SpanValue("LOC", 0, 7, Optional.of("Zu\u0308rich")),
            new SpanValue("PER", 26, 36, Optional.of(ANA)),
            new SpanValue("MISC", 45, 46, Optional.of(".")));
    assertThat(whats(read.report()))
        .containsExactly("span offsets unchecked", "UTF-16 offsets converted");
  }

  @Test
  void aRecordedTextThatMatchesNeitherReadingIsReported() throws IOException {
    String export = task("{\"text\": " + json(TEXT) + "}", span("b", 26, 36, "Ana Lopez", "PER"));
    LabelStudioReadTest.Read read = read(export, null);
    assertThat(results(read).get(0).value())
        .isEqualTo(new SpanValue("PER", 26, 36, Optional.of(ANA)));
    assertThat(whats(read.report())).containsExactly("span text differs");
  }

  /** The Ranker example of the Label Studio docs (labelstud.io/tags/ranker, "Example data"). */
  static final String RANKER_DATA =
      "{\"items\": [{\"id\": \"blog\", \"title\": \"10 tips to write a better function\","
          + " \"body\": \"There is nothing worse than being left in the lurch when it comes to"
          + " writing a function!\"}, {\"id\": \"mdn\", \"title\": \"Arrow function expressions\","
          + " \"body\": \"An arrow function expression is a compact alternative to a traditional"
          + " function\"}, {\"id\": \"wiki\", \"title\": \"Arrow (computer science)\", \"body\":"
          + " \"In computer science, arrows or bolts are a type class...\"}]}";

  @Test
  void theRankerExampleOfTheDocs() throws IOException {
    String config =
        "<View><List name=\"results\" value=\"$items\" title=\"Search Results\" />"
            + "<Ranker name=\"rank\" toName=\"results\" /></View>";
    String export =
        task(
            RANKER_DATA,
            "{\"id\": \"r\", \"from_name\": \"rank\", \"to_name\": \"results\", \"type\":"
                + " \"ranker\", \"value\": { \"ranker\": [\"mdn\", \"wiki\", \"blog\"] }}");
    LabelStudioReadTest.Read read = read(export, config);
    ComparisonItem item = (ComparisonItem) read.dataset().items().get(0);
    assertThat(item.responses().stream().map(Response::id).toList())
        .containsExactly("blog", "mdn", "wiki");
    assertThat(item.responses().get(1).text())
        .isEqualTo(
            "An arrow function expression is a compact alternative to a traditional function");
    assertThat(results(read).get(0).value()).isEqualTo(RankingValue.of("mdn", "wiki", "blog"));
    assertThat(whats(read.report())).containsOnly("response title dropped").hasSize(3);
  }

  @Test
  void rankerBucketsOfTheDocsAreReadAsNamedOrderedBuckets() throws IOException {
    // The docs' "Example result for Ranker tag with Buckets; data is the same".
    String export =
        task(
            RANKER_DATA,
            "{\"id\": \"r\", \"from_name\": \"rank\", \"to_name\": \"results\", \"type\":"
                + " \"ranker\", \"value\": { \"ranker\": {\"best\": [\"mdn\"], \"ads\":"
                + " [\"blog\"]} }}");
    LabelStudioReadTest.Read read = read(export, null);
    assertThat(results(read).get(0).value())
        .isEqualTo(
            RankingValue.ofBuckets(
                List.of(
                    RankingValue.Bucket.of("best", "mdn"), RankingValue.Bucket.of("ads", "blog"))));
    assertThat(whats(read.report())).containsOnly("response title dropped");
  }

  @Test
  void rankerResultsOfTheDocumentedShapeAreWrittenAndReadBack() throws IOException {
    // labelstud.io/tags/ranker: a plain ranker saves {"<ranker name>": [ids in order]}; with
    // buckets {"<bucket>": [ids], ...}, and "_" holds the items left in the list when no bucket is
    // the default one.
    String export =
        task(
            RANKER_DATA,
            "{\"id\": \"a\", \"from_name\": \"rank\", \"to_name\": \"results\", \"type\":"
                + " \"ranker\", \"value\": {\"ranker\": {\"rank\": [\"wiki\", \"blog\","
                + " \"mdn\"]}}}",
            "{\"id\": \"b\", \"from_name\": \"sorted\", \"to_name\": \"results\", \"type\":"
                + " \"ranker\", \"value\": {\"ranker\": {\"_\": [\"wiki\"], \"good\": [\"mdn\","
                + " \"blog\"], \"bad\": []}}}");
    LabelStudioReadTest.Read read = read(export, null);
    RankingValue plain = RankingValue.of("wiki", "blog", "mdn");
    RankingValue sorted =
        RankingValue.ofBuckets(
            List.of(
                RankingValue.Bucket.of("_", "wiki"),
                RankingValue.Bucket.of("good", "mdn", "blog"),
                RankingValue.Bucket.of("bad")));
    assertThat(results(read)).extracting(Result::value).containsExactly(plain, sorted);

    Path out = dir.resolve("written.json");
    org.annotationkit.formats.Converter.write(
        new LabelStudioFormat(),
        read.dataset().source(),
        out,
        org.annotationkit.formats.ConversionContext.of(FormatOptions.none()));
    String written = Files.readString(out).replaceAll("\\s", "");
    assertThat(written)
        .contains("\"ranker\":{\"rank\":[\"wiki\",\"blog\",\"mdn\"]}")
        .contains("\"ranker\":{\"_\":[\"wiki\"],\"good\":[\"mdn\",\"blog\"],\"bad\":[]}");
    LabelStudioReadTest.Read back = LabelStudioReadTest.read(out, FormatOptions.none());
    assertThat(back.dataset().annotations().get(0).results())
        .extracting(Result::value)
        .containsExactly(plain, sorted);
  }

  @Test
  void pairwiseOfTheTemplate() throws IOException {
    // labelstud.io/templates/pairwise_comparison
    String config =
        "<View><Header>Select one of two items</Header>"
            + "<Pairwise name=\"pw\" toName=\"text1,text2\" />"
            + "<Text name=\"text1\" value=\"$text1\" /><Text name=\"text2\" value=\"$text2\" />"
            + "</View>";
    String export =
        task(
            "{\"prompt\": \"Say hi\", \"text1\": \"hi \uD83D\uDC4B\", \"text2\": \"hello\"}",
            "{\"id\": \"p\", \"from_name\": \"pw\", \"to_name\": \"pw\", \"type\": \"pairwise\","
                + " \"value\": {\"selected\": \"right\"}}");
    LabelStudioReadTest.Read read = read(export, config);
    assertThat(read.report().losses()).isEmpty();
    ComparisonItem item = (ComparisonItem) read.dataset().items().get(0);
    assertThat(item.prompt()).isEqualTo("Say hi");
    assertThat(item.responses())
        .containsExactly(new Response("text1", "hi \uD83D\uDC4B"), new Response("text2", "hello"));
    assertThat(results(read).get(0).value())
        .isEqualTo(new PreferenceValue("text1", "text2", PreferenceValue.Verdict.SECOND));
    assertThat(read.dataset().schema().fields().get(0).allowTies()).isFalse();
  }

  @Test
  void taxonomyOfTheDocsKeepsItsTree() throws IOException {
    // The Taxonomy example of the Label Studio docs (labelstud.io/tags/taxonomy).
    String config =
        """
        <View>
          <Taxonomy name="media" toName="text">
            <Choice value="Online">
              <Choice value="UGC" />
              <Choice value="Free" />
              <Choice value="Paywall">
                <Choice value="NY Times" />
                <Choice value="The Wall Street Journal" />
              </Choice>
            </Choice>
            <Choice value="Offline" />
          </Taxonomy>
          <Text name="text" value="You'd never believe what he did to the country" />
        </View>
        """;
    String export =
        task(
            "{\"text\": \"You'd never believe what he did to the country\"}",
            "{\"id\": \"x\", \"from_name\": \"media\", \"to_name\": \"text\", \"type\":"
                + " \"taxonomy\", \"value\": {\"taxonomy\": [[\"Online\", \"Paywall\", \"NY"
                + " Times\"], [\"Offline\"]]}}");
    LabelStudioReadTest.Read read = read(export, config);
    assertThat(read.report().losses()).isEmpty();
    assertThat(results(read).get(0).value())
        .isEqualTo(MultipleChoiceValue.of("NY Times", "Offline"));
    Field media = read.dataset().schema().fields().get(0);
    assertThat(media.kind()).isEqualTo(FieldKind.MULTIPLE_CHOICE);
    assertThat(media.labels().parentOf("NY Times")).contains("Paywall");
    assertThat(media.labels().parentOf("Paywall")).contains("Online");
    assertThat(media.labels().roots().stream().map(l -> l.name()).toList())
        .containsExactly("Online", "Offline");
  }

  static final String AUDIO_RESULTS =
      "{\"id\": \"seg1\", \"from_name\": \"label\", \"to_name\": \"audio\", \"type\":"
          + " \"labels\", \"original_length\": 10.5, \"value\": {\"start\": 0.5, \"end\": 2.25,"
          + " \"channel\": 0, \"labels\": [\"Speech\"]}}, {\"id\": \"seg1\", \"from_name\":"
          + " \"transcription\", \"to_name\": \"audio\", \"type\": \"textarea\","
          + " \"original_length\": 10.5, \"value\": {\"start\": 0.5, \"end\": 2.25, \"channel\": 0,"
          + " \"text\": [\"hello \uD83D\uDC4B\"]}}, {\"id\": \"seg2\", \"from_name\": \"label\","
          + " \"to_name\": \"audio\", \"type\": \"labels\", \"original_length\": 10.5, \"value\":"
          + " {\"start\": 3, \"end\": 10.5, \"channel\": 1, \"labels\": [\"Noise\"]}}";

  @Test
  void audioSegmentsWithPerRegionTranscriptions() throws IOException {
    // The audio transcription per region template (labelstud.io/templates/transcribe_audio).
    String config =
        "<View><Labels name=\"label\" toName=\"audio\"><Label value=\"Speech\"/>"
            + "<Label value=\"Noise\"/></Labels><Audio name=\"audio\" value=\"$audio\"/>"
            + "<TextArea name=\"transcription\" toName=\"audio\" perRegion=\"true\"/></View>";
    String export = task("{\"audio\": \"/data/upload/1/a b.wav\"}", AUDIO_RESULTS);
    for (LabelStudioReadTest.Read read : List.of(read(export, config), read(export, null))) {
      AudioItem item = (AudioItem) read.dataset().items().get(0);
      assertThat(item.durationSeconds()).isEqualTo(10.5);
      assertThat(item.uri()).isEqualTo(URI.create("/data/upload/1/a%20b.wav"));
      assertThat(results(read))
          .containsExactly(
              Result.of("seg1", "label", new TimeSegmentValue("Speech", 0.5, 2.25)),
              Result.of(
                  "seg1:transcription",
                  "transcription",
                  new TranscriptionValue("hello \uD83D\uDC4B", Optional.of("seg1"))),
              Result.of("seg2", "label", new TimeSegmentValue("Noise", 3, 10.5)));
      assertThat(whats(read.report())).containsExactly("audio channel dropped");
    }
  }

  @Test
  void audioWithoutALengthLastsToItsLastSegmentReported() throws IOException {
    String export =
        task(
            "{\"audio\": \"clip.mp3\"}",
            "{\"id\": \"s\", \"from_name\": \"label\", \"to_name\": \"audio\", \"type\":"
                + " \"labels\", \"value\": {\"start\": 1.5, \"end\": 4.75, \"labels\":"
                + " [\"Speech\"]}}");
    LabelStudioReadTest.Read read = read(export, null);
    assertThat(((AudioItem) read.dataset().items().get(0)).durationSeconds()).isEqualTo(4.75);
    assertThat(whats(read.report())).containsExactly("audio duration estimated");
  }

  @Test
  void relationsToRegionsThatWereNotReadAreSkippedAndBidirectionalOnesReported()
      throws IOException {
    String export =
        task(
            "{\"text\": \"Ana lives in Rome\"}",
            span("a", 0, 3, "Ana", "PER"),
            span("b", 13, 17, "Rome", "LOC"),
            "{\"from_id\": \"b\", \"to_id\": \"a\", \"type\": \"relation\", \"direction\":"
                + " \"left\", \"labels\": []}",
            "{\"from_id\": \"a\", \"to_id\": \"b\", \"type\": \"relation\", \"direction\":"
                + " \"bi\", \"labels\": [\"near\"]}",
            "{\"from_id\": \"a\", \"to_id\": \"zz\", \"type\": \"relation\", \"direction\":"
                + " \"right\"}");
    LabelStudioReadTest.Read read = read(export, null);
    Annotation annotation = read.dataset().annotations().get(0);
    assertThat(annotation.results().subList(2, 4).stream().map(Result::value).toList())
        .containsExactly(
            new RelationValue(Optional.empty(), "a", "b"), new RelationValue("near", "a", "b"));
    assertThat(annotation.results().get(3).id()).isEqualTo("a->b#2");
    assertThat(whats(read.report()))
        .containsExactly("relation direction dropped", "relation skipped");
  }
}
