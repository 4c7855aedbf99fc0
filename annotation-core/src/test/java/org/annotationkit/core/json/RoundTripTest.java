package org.annotationkit.core.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.annotationkit.core.annotation.Annotation;
import org.annotationkit.core.annotation.AttributeValue;
import org.annotationkit.core.annotation.BoxValue;
import org.annotationkit.core.annotation.MaskValue;
import org.annotationkit.core.annotation.RankingValue;
import org.annotationkit.core.annotation.RatingValue;
import org.annotationkit.core.annotation.Value;
import org.annotationkit.core.geometry.Box;
import org.annotationkit.core.geometry.RleMask;
import org.annotationkit.core.item.ImageItem;
import org.annotationkit.core.item.Item;
import org.annotationkit.core.item.TextItem;
import org.annotationkit.core.schema.FieldKind;
import org.annotationkit.core.schema.Presets;
import org.annotationkit.core.schema.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class RoundTripTest {
  private static final JsonCodec<Annotation> ANNOTATIONS = CanonicalJson.annotations();
  private static final JsonCodec<Item> ITEMS = CanonicalJson.items();
  private static final JsonCodec<Schema> SCHEMAS = CanonicalJson.schemas();

  /** Checks the exact round trip, compact and indented, and that writing is stable. */
  private static <T> void assertRoundTrip(JsonCodec<T> codec, T value) {
    String json = codec.write(value);
    assertThat(json).doesNotContain("\n");
    T back = codec.read(json);
    assertThat(back).isEqualTo(value);
    assertThat(codec.write(back)).isEqualTo(json);
    assertThat(codec.read(codec.writePretty(value))).isEqualTo(value);
  }

  private static Annotation withOneResult(Value value) {
    return Annotation.builder("a1", "item-1", "alice")
        .result("r1", "field", value)
        .createdAt(Instant.parse("2026-01-02T03:04:05Z"))
        .build();
  }

  @Test
  void samplesCoverEveryValueKind() {
    assertThat(Samples.valueOfEveryKind().keySet()).isEqualTo(EnumSet.allOf(FieldKind.class));
    assertThat(
            Samples.annotations().stream()
                .flatMap(a -> a.results().stream())
                .map(r -> r.value().kind())
                .distinct())
        .containsExactlyInAnyOrder(FieldKind.values());
  }

  @ParameterizedTest
  @EnumSource(FieldKind.class)
  void everyValueKindRoundTrips(FieldKind kind) {
    Value value = Samples.value(kind);
    Annotation annotation = withOneResult(value);
    assertRoundTrip(ANNOTATIONS, annotation);
    assertThat(ANNOTATIONS.write(annotation))
        .contains("\"value\":{\"type\":\"" + kind.jsonName() + "\"");
  }

  static Stream<Annotation> annotations() {
    return Samples.annotations().stream();
  }

  @ParameterizedTest
  @MethodSource("annotations")
  void sampleAnnotationsRoundTrip(Annotation annotation) {
    assertRoundTrip(ANNOTATIONS, annotation);
  }

  static Stream<Item> items() {
    return Samples.itemOfEveryType().stream();
  }

  @ParameterizedTest
  @MethodSource("items")
  void everyItemTypeRoundTrips(Item item) {
    assertRoundTrip(ITEMS, item);
    assertThat(ITEMS.write(item))
        .startsWith(
            "{\"annotationkit\":\"item\",\"version\":1,\"type\":\""
                + item.kind().jsonName()
                + "\",\"id\":\""
                + item.id()
                + "\"");
  }

  @Test
  void schemaWithEveryFeatureRoundTrips() {
    assertRoundTrip(SCHEMAS, Samples.everyFeature());
  }

  @Test
  void presetsRoundTrip() {
    for (Schema schema :
        List.of(
            Presets.coco80(),
            Presets.conll2003(),
            Presets.sentiment3(),
            Presets.modelComparison())) {
      assertRoundTrip(SCHEMAS, schema);
    }
  }

  @Test
  void doublesRoundTripExactly() {
    double[] hard = {
      -0.0,
      0.1 + 0.2,
      1e20,
      1e-7,
      Double.MIN_VALUE,
      Double.MAX_VALUE,
      123456789.0,
      1.0 / 3,
      -273.15,
      4.9e-324,
      2.2250738585072014E-308
    };
    for (double d : hard) {
      Annotation annotation =
          withOneResult(
              new BoxValue(
                  "car",
                  new Box(d, -d, Math.abs(d), Math.abs(d), d),
                  Map.of("n", AttributeValue.of(d))));
      assertRoundTrip(ANNOTATIONS, annotation);
      assertRoundTrip(ANNOTATIONS, withOneResult(new RatingValue(d)));
    }
  }

  @Test
  void negativeZeroKeepsItsSign() {
    Annotation annotation = withOneResult(new RatingValue(-0.0));
    RatingValue back =
        (RatingValue) ANNOTATIONS.read(ANNOTATIONS.write(annotation)).results().get(0).value();
    assertThat(Double.doubleToRawLongBits(back.value()))
        .isEqualTo(Double.doubleToRawLongBits(-0.0));
  }

  @Test
  void maskCountsKeepTheirExactRuns() {
    int[] counts = {0, 2, 0, 3, 7};
    Annotation annotation = withOneResult(new MaskValue("road", new RleMask(3, 4, counts)));
    MaskValue back =
        (MaskValue) ANNOTATIONS.read(ANNOTATIONS.write(annotation)).results().get(0).value();
    assertThat(back.mask().counts()).containsExactly(counts);
    assertThat(ANNOTATIONS.write(annotation)).contains("\"counts\":[0,2,0,3,7]");
  }

  @Test
  void instantsKeepNanoseconds() {
    Instant instant = Instant.parse("1969-07-20T20:17:40.000000001Z");
    Annotation annotation = Annotation.builder("a", "i", "x").createdAt(instant).build();
    assertThat(ANNOTATIONS.read(ANNOTATIONS.write(annotation)).createdAt()).hasValue(instant);
    assertThat(ANNOTATIONS.write(annotation))
        .contains("\"createdAt\":\"1969-07-20T20:17:40.000000001Z\"");
  }

  @Test
  void anAnnotationWithoutACreationTimeIsWrittenWithoutOneNotAsTheEpoch() {
    Annotation annotation = Annotation.builder("a", "i", "x").build();
    String json = ANNOTATIONS.write(annotation);
    assertThat(json).doesNotContain("createdAt").doesNotContain("1970");
    assertThat(ANNOTATIONS.read(json).createdAt()).isEmpty();
    assertThat(ANNOTATIONS.read(json)).isEqualTo(annotation);
  }

  @Test
  void aRecordWithoutCreatedAtReadsAsAnAnnotationWithoutACreationTime() {
    Annotation read =
        ANNOTATIONS.read(
            "{\"annotationkit\":\"annotation\",\"version\":1,\"id\":\"a\",\"item\":\"i\","
                + "\"annotator\":\"x\",\"origin\":{\"type\":\"human\"},\"review\":\"unreviewed\","
                + "\"results\":[]}");
    assertThat(read.createdAt()).isEmpty();
  }

  @Test
  void textKeepsEveryCharacter() {
    String text = "quote \" backslash \\ slash / tab \t nul \u0000 line\u2028sep é 😀 \uFFFF end";
    TextItem item =
        new TextItem("t", text, Optional.of(URI.create("urn:x:1")), Map.of("k\"/~", "v\n"));
    assertRoundTrip(ITEMS, item);
    String json = ITEMS.write(item);
    assertThat(json).contains("slash / tab").doesNotContain("\t").doesNotContain("\u0000");
  }

  @Test
  void bucketedRankingLayoutIsCanonical() {
    RankingValue sorted =
        RankingValue.ofBuckets(
            List.of(RankingValue.Bucket.of("best", "b", "a"), RankingValue.Bucket.of("bad")));
    Annotation annotation = withOneResult(sorted);
    String json = ANNOTATIONS.write(annotation);
    assertThat(json)
        .contains(
            "\"value\":{\"type\":\"ranking\",\"buckets\":[{\"name\":\"best\","
                + "\"order\":[\"b\",\"a\"]},{\"name\":\"bad\",\"order\":[]}]}");
    assertRoundTrip(ANNOTATIONS, annotation);
    // a plain ranking keeps the layout of the first version: no "buckets" member
    assertThat(ANNOTATIONS.write(withOneResult(RankingValue.of("b", "a"))))
        .contains("\"value\":{\"type\":\"ranking\",\"order\":[\"b\",\"a\"]}");
  }

  @Test
  void annotationLayoutIsCanonical() {
    Annotation annotation =
        Annotation.builder("a1", "img-1", "alice")
            .result(
                "r1",
                "objects",
                new BoxValue(
                    "car",
                    Box.of(10, 20, 200, 100),
                    Map.of(
                        "occluded", AttributeValue.of(true), "colour", AttributeValue.of("red"))))
            .createdAt(Instant.parse("2026-03-01T09:30:00Z"))
            .leadTimeSeconds(42.5)
            .build();
    assertThat(ANNOTATIONS.write(annotation))
        .isEqualTo(
            "{\"annotationkit\":\"annotation\",\"version\":1,\"id\":\"a1\",\"item\":\"img-1\","
                + "\"annotator\":\"alice\",\"origin\":{\"type\":\"human\"},"
                + "\"createdAt\":\"2026-03-01T09:30:00Z\",\"leadTime\":42.5,\"review\":\"unreviewed\","
                + "\"results\":[{\"id\":\"r1\",\"field\":\"objects\",\"value\":{\"type\":\"box\","
                + "\"label\":\"car\",\"x\":10.0,\"y\":20.0,\"width\":200.0,\"height\":100.0,"
                + "\"rotation\":0.0,\"attributes\":{\"colour\":\"red\",\"occluded\":true}}}]}");
  }

  @Test
  void itemLayoutIsCanonical() {
    Item item =
        new ImageItem(
            "img-1", URI.create("https://example.org/1.jpg"), 640, 480, Map.of("b", "2", "a", "1"));
    assertThat(ITEMS.write(item))
        .isEqualTo(
            "{\"annotationkit\":\"item\",\"version\":1,\"type\":\"image\",\"id\":\"img-1\","
                + "\"uri\":\"https://example.org/1.jpg\",\"width\":640,\"height\":480,"
                + "\"metadata\":{\"a\":\"1\",\"b\":\"2\"}}");
    assertThat(ITEMS.write(new ImageItem("i", URI.create("a.jpg"), 1, 2)))
        .doesNotContain("metadata");
  }

  @Test
  void prettyFormIsIndentedByTwoSpaces() {
    Item item = new ImageItem("img-1", URI.create("a.jpg"), 640, 480, Map.of("a", "1"));
    assertThat(ITEMS.writePretty(item))
        .isEqualTo(
            """
            {
              "annotationkit": "item",
              "version": 1,
              "type": "image",
              "id": "img-1",
              "uri": "a.jpg",
              "width": 640,
              "height": 480,
              "metadata": {
                "a": "1"
              }
            }\
            """);
  }

  @Test
  void writeToWriterLeavesItOpenAndAddsNoLineBreak() throws Exception {
    Item item = new ImageItem("i", URI.create("a.jpg"), 1, 2);
    java.io.StringWriter out = new java.io.StringWriter();
    ITEMS.write(item, out);
    out.write("|");
    ITEMS.write(item, out);
    assertThat(out.toString()).isEqualTo(ITEMS.write(item) + "|" + ITEMS.write(item));
  }

  @Test
  void readAcceptsFieldsInAnyOrderAfterTheDiscriminators() {
    String json =
        "{\"annotationkit\":\"annotation\",\"version\":1,\"results\":[{\"value\":{\"type\":\"rating\","
            + "\"value\":3},\"field\":\"q\",\"id\":\"r\"}],\"createdAt\":\"2026-01-01T00:00:00Z\","
            + "\"origin\":{\"type\":\"human\"},\"annotator\":\"x\",\"item\":\"i\",\"id\":\"a\"}";
    Annotation annotation = ANNOTATIONS.read(json);
    assertThat(annotation)
        .isEqualTo(
            Annotation.builder("a", "i", "x")
                .result("r", "q", new RatingValue(3))
                .createdAt(Instant.parse("2026-01-01T00:00:00Z"))
                .build());
  }

  @Test
  void readAppliesDocumentedDefaults() {
    String schema =
        "{\"annotationkit\":\"schema\",\"version\":1,\"name\":\"s\",\"fields\":["
            + "{\"name\":\"p\",\"kind\":\"pairwise_preference\"},"
            + "{\"name\":\"b\",\"kind\":\"box\",\"labels\":[{\"name\":\"car\"}]}]}";
    Schema read = SCHEMAS.read(schema);
    assertThat(read.fields().get(0).allowTies()).isTrue();
    assertThat(read.fields().get(0).constraints().allowOverlap()).isTrue();
    assertThat(read.fields().get(0).constraints().required()).isFalse();
    assertThat(read.fields().get(1).rotatable()).isFalse();
    String value =
        "{\"annotationkit\":\"annotation\",\"version\":1,\"id\":\"a\",\"item\":\"i\","
            + "\"annotator\":\"x\",\"origin\":{\"type\":\"human\"},\"createdAt\":\"2026-01-01T00:00:00Z\","
            + "\"results\":[{\"id\":\"r\",\"field\":\"f\",\"value\":{\"type\":\"box\",\"label\":\"car\","
            + "\"x\":1,\"y\":2,\"width\":3,\"height\":4}}]}";
    Annotation annotation = ANNOTATIONS.read(value);
    assertThat(annotation.reviewState().jsonName()).isEqualTo("unreviewed");
    assertThat(annotation.results().get(0).value())
        .isEqualTo(new BoxValue("car", new Box(1, 2, 3, 4, 0)));
  }

  @Test
  void readSkipsALeadingByteOrderMark() {
    Item item = new ImageItem("i", URI.create("a.jpg"), 1, 2);
    assertThat(ITEMS.read("\uFEFF" + ITEMS.write(item))).isEqualTo(item);
    assertThat(ITEMS.read(new java.io.StringReader("\uFEFF" + ITEMS.writePretty(item)), "x.json"))
        .isEqualTo(item);
  }

  @Test
  void codecsDescribeThemselves() {
    assertThat(ANNOTATIONS).hasToString("JsonCodec[annotation, version 1]");
    assertThat(CanonicalJson.FORMAT_VERSION).isEqualTo(1);
  }
}
