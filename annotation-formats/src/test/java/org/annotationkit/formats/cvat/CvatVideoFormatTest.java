package org.annotationkit.formats.cvat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.annotationkit.core.annotation.Annotation;
import org.annotationkit.core.annotation.AttributeValue;
import org.annotationkit.core.annotation.BoxValue;
import org.annotationkit.core.annotation.KeypointsValue;
import org.annotationkit.core.annotation.MultipleChoiceValue;
import org.annotationkit.core.annotation.PolygonValue;
import org.annotationkit.core.annotation.Result;
import org.annotationkit.core.annotation.Value;
import org.annotationkit.core.dataset.Dataset;
import org.annotationkit.core.geometry.Box;
import org.annotationkit.core.geometry.Keypoint;
import org.annotationkit.core.geometry.Polygon;
import org.annotationkit.core.io.FormatException;
import org.annotationkit.core.item.ImageItem;
import org.annotationkit.core.schema.Field;
import org.annotationkit.core.schema.FieldKind;
import org.annotationkit.core.schema.Schema;
import org.annotationkit.formats.ConversionContext;
import org.annotationkit.formats.ConversionReport;
import org.annotationkit.formats.Converter;
import org.annotationkit.formats.Format;
import org.annotationkit.formats.FormatOptions;
import org.annotationkit.formats.Formats;
import org.annotationkit.formats.Loss;
import org.annotationkit.formats.canonical.CanonicalFormat;
import org.annotationkit.formats.internal.ImageNames;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** CVAT for video: CVAT's published example, interpolation by hand, and seeded round trips. */
class CvatVideoFormatTest {
  private static final Format VIDEO = new CvatVideoFormat();

  @TempDir Path dir;

  /**
   * The example of cvat-ai/cvat {@code site/content/en/docs/manual/advanced/xml_format.md} (commit
   * 18638ce5), "CVAT for video 1.1": a polygon track visible on frames 0, 6 and 13 of 4620, each
   * ended by an outside key frame.
   */
  static final String EXAMPLE =
      """
      <?xml version="1.0" encoding="utf-8"?>
      <annotations>
        <version>1.1</version>
        <meta>
          <task>
            <id>5</id>
            <name>interpolation</name>
            <size>4620</size>
            <mode>interpolation</mode>
            <overlap>5</overlap>
            <bugtracker></bugtracker>
            <flipped>False</flipped>
            <created>2018-09-25 12:32:09.868194+03:00</created>
            <updated>2018-09-25 16:05:05.619841+03:00</updated>
            <labels>
              <label>
                <name>person</name>
                <attributes>
                </attributes>
              </label>
              <label>
                <name>car</name>
                <attributes>
                </attributes>
              </label>
            </labels>
            <segments>
              <segment>
                <id>5</id>
                <start>0</start>
                <stop>4619</stop>
                <url>http://localhost:8080/?id=5</url>
              </segment>
            </segments>
            <owner>
              <username>admin</username>
              <email></email>
            </owner>
            <original_size>
              <width>640</width>
              <height>480</height>
            </original_size>
          </task>
          <dumped>2018-09-25 16:05:07.134046+03:00</dumped>
        </meta>
        <track id="0" label="car">
          <polygon frame="0" points="324.79,213.16;323.74,227.90;347.42,237.37;371.11,217.37;350.05,190.00;318.47,191.58" outside="0" occluded="0" keyframe="1">
          </polygon>
          <polygon frame="1" points="324.79,213.16;323.74,227.90;347.42,237.37;371.11,217.37;350.05,190.00;318.47,191.58" outside="1" occluded="0" keyframe="1">
          </polygon>
          <polygon frame="6" points="305.32,237.90;312.16,207.90;352.69,206.32;355.32,233.16;331.11,254.74" outside="0" occluded="0" keyframe="1">
          </polygon>
          <polygon frame="7" points="305.32,237.90;312.16,207.90;352.69,206.32;355.32,233.16;331.11,254.74" outside="1" occluded="0" keyframe="1">
          </polygon>
          <polygon frame="13" points="313.74,233.16;331.11,220.00;359.53,243.16;333.21,283.16;287.95,274.74" outside="0" occluded="0" keyframe="1">
          </polygon>
          <polygon frame="14" points="313.74,233.16;331.11,220.00;359.53,243.16;333.21,283.16;287.95,274.74" outside="1" occluded="0" keyframe="1">
          </polygon>
        </track>
      </annotations>
      """;

  static Dataset read(Path file, ConversionContext context) {
    try (var source = VIDEO.reader().orElseThrow().open(file, context)) {
      return Dataset.of(source);
    }
  }

  @Test
  void readsCvatsExample() throws IOException {
    Path file = Files.writeString(dir.resolve("annotations.xml"), EXAMPLE);
    ConversionContext context = ConversionContext.of(FormatOptions.none());
    Dataset dataset = read(file, context);
    assertThat(context.report().losses()).isEmpty();
    assertThat(dataset.items()).hasSize(4620);
    ImageItem first = (ImageItem) dataset.items().get(0);
    assertThat(first.id()).isEqualTo("frame_000000");
    assertThat(first.width()).isEqualTo(640);
    assertThat(first.height()).isEqualTo(480);
    assertThat(dataset.schema().fields()).extracting(Field::name).containsExactly("polygon");
    assertThat(dataset.annotations())
        .extracting(Annotation::itemId)
        .containsExactly("frame_000000", "frame_000006", "frame_000013");
    Result polygon = dataset.annotationsOf("frame_000006").get(0).results().get(0);
    assertThat(polygon.id()).isEqualTo("t0");
    PolygonValue value = (PolygonValue) polygon.value();
    assertThat(value.label()).isEqualTo("car");
    assertThat(value.polygon())
        .isEqualTo(
            Polygon.of(
                305.32, 237.90, 312.16, 207.90, 352.69, 206.32, 355.32, 233.16, 331.11, 254.74));
    assertThat(value.attributes())
        .containsEntry("track_id", AttributeValue.of(0))
        .containsEntry("keyframe", AttributeValue.of(true))
        .containsEntry("occluded", AttributeValue.of(false));
  }

  private static final String HEAD =
      "<annotations><version>1.1</version><meta><task><size>6</size><labels><label><name>car"
          + "</name></label></labels><original_size><width>100</width><height>80</height>"
          + "</original_size></task></meta>\n";

  @Test
  void boxesAreInterpolatedBetweenKeyFramesAndHeldToTheEnd() throws IOException {
    Path file =
        Files.writeString(
            dir.resolve("a.xml"),
            HEAD
                + "<track id=\"3\" label=\"car\" source=\"manual\">\n"
                + "<box frame=\"0\" outside=\"0\" occluded=\"0\" keyframe=\"1\" xtl=\"0\" ytl=\"0\""
                + " xbr=\"10\" ybr=\"10\" rotation=\"350\" z_order=\"0\"/>\n"
                + "<box frame=\"4\" outside=\"0\" occluded=\"0\" keyframe=\"1\" xtl=\"40\" ytl=\"0\""
                + " xbr=\"50\" ybr=\"20\" rotation=\"10\" z_order=\"0\"/>\n"
                + "</track>\n<tag frame=\"5\" label=\"car\"/></annotations>");
    Dataset dataset = read(file, ConversionContext.of(FormatOptions.none()));
    assertThat(dataset.items()).hasSize(6);
    BoxValue middle =
        (BoxValue) dataset.annotationsOf("frame_000002").get(0).results().get(0).value();
    // Halfway: corners (20, 0) and (30, 15); rotation 350 to 10 the short way round is 0.
    assertThat(middle.box()).isEqualTo(new Box(20, 0, 10, 15, 0));
    assertThat(middle.attributes())
        .containsEntry("keyframe", AttributeValue.of(false))
        .containsEntry("source", AttributeValue.of("manual"));
    BoxValue quarter =
        (BoxValue) dataset.annotationsOf("frame_000001").get(0).results().get(0).value();
    assertThat(quarter.box()).isEqualTo(new Box(10, 0, 10, 12.5, 355));
    // After its last key frame the track stays, held, to the last frame.
    List<Result> last = dataset.annotationsOf("frame_000005").get(0).results();
    assertThat(((BoxValue) last.get(0).value()).box()).isEqualTo(new Box(40, 0, 10, 20, 10));
    assertThat(last.get(1).value()).isEqualTo(MultipleChoiceValue.of("car"));
  }

  @Test
  void writesTracksWithOutsideKeyFrames() throws IOException {
    Path file = Files.writeString(dir.resolve("annotations.xml"), EXAMPLE);
    Path out = dir.resolve("out.xml");
    ConversionReport report = Converter.convert(VIDEO, VIDEO, file, out, FormatOptions.none());
    assertThat(report.lossless()).as("%s", report.losses()).isTrue();
    String xml = Files.readString(out);
    assertThat(xml)
        .contains("<size>4620</size>")
        .contains("<track id=\"0\" label=\"car\">")
        .contains("<polygon frame=\"1\" outside=\"1\" keyframe=\"1\"");
    Dataset first = read(file, ConversionContext.of(FormatOptions.none()));
    Dataset second = read(out, ConversionContext.of(FormatOptions.none()));
    assertThat(second.items()).isEqualTo(first.items());
    assertThat(second.annotations()).isEqualTo(first.annotations());
  }

  @Test
  void malformedTracksNameTheLine() throws IOException {
    String[][] cases = {
      {
        HEAD
            + "<track id=\"0\" label=\"car\">\n<box outside=\"0\" xtl=\"0\" ytl=\"0\" xbr=\"1\""
            + " ybr=\"1\"/></track></annotations>",
        "no frame attribute"
      },
      {
        HEAD
            + "<track id=\"0\" label=\"car\">\n<box frame=\"1\" xtl=\"0\" ytl=\"0\" xbr=\"1\""
            + " ybr=\"1\"/>\n<box frame=\"1\" xtl=\"0\" ytl=\"0\" xbr=\"1\" ybr=\"1\"/>"
            + "</track></annotations>",
        "two shapes on the frame 1"
      },
      {
        "<annotations><meta><task><size>2</size></task></meta><track id=\"0\" label=\"a\">"
            + "</track></annotations>",
        "<original_size>"
      },
      {
        HEAD + "<track id=\"0\" label=\"car\"/>\n<track id=\"0\" label=\"car\"/></annotations>",
        "track id 0 is given twice"
      },
    };
    for (String[] c : cases) {
      Path file = Files.writeString(dir.resolve("bad.xml"), c[0]);
      assertThatThrownBy(() -> read(file, ConversionContext.of(FormatOptions.none())))
          .as(c[0])
          .isInstanceOf(FormatException.class)
          .hasMessageContaining("bad.xml")
          .hasMessageContaining(c[1]);
    }
  }

  @Test
  void isInstalledAndToldFromCvatForImages() throws IOException {
    assertThat(Formats.installed().get("cvat-video")).isInstanceOf(CvatVideoFormat.class);
    Path file = Files.writeString(dir.resolve("annotations.xml"), EXAMPLE);
    assertThat(VIDEO.detect(file)).isEqualTo(Format.Detection.CERTAIN);
    assertThat(new CvatImagesFormat().detect(file)).isEqualTo(Format.Detection.NO);
  }

  static Stream<Long> seeds() {
    long base = Long.getLong("annotationkit.seed", 20261204L);
    return LongStream.range(base, base + 20).boxed();
  }

  private static double coordinate(SplittableRandom random, int size) {
    return random.nextInt(0, 4 * size) / 4.0;
  }

  /** Frames with tracks of boxes, polygons and points, in runs with gaps, with attributes. */
  static Dataset generate(SplittableRandom random) {
    String[] labels = {"car", "person"};
    Schema schema =
        Schema.of(
            "gen",
            Field.builder("box", FieldKind.BOX).labels(labels).rotatable(true).build(),
            Field.builder("polygon", FieldKind.POLYGON).labels(labels).build(),
            Field.builder("keypoints", FieldKind.KEYPOINTS)
                .labels(labels)
                .skeleton(CvatSchema.numbered(3))
                .build());
    int frames = 1 + random.nextInt(12);
    int width = 10 + random.nextInt(50);
    int height = 10 + random.nextInt(50);
    int trackCount = random.nextInt(5);
    List<Map<Integer, Result>> byFrame = new ArrayList<>();
    for (int f = 0; f < frames; f++) {
      byFrame.add(new TreeMap<>());
    }
    // Tracks numbered in order of their first frame, as the file lists them.
    List<int[]> spans = new ArrayList<>();
    for (int t = 0; t < trackCount; t++) {
      spans.add(new int[] {random.nextInt(frames)});
    }
    spans.sort((a, b) -> Integer.compare(a[0], b[0]));
    for (int t = 0; t < spans.size(); t++) {
      String label = labels[random.nextInt(labels.length)];
      int kind = random.nextInt(3);
      boolean occluded = random.nextBoolean();
      for (int f = spans.get(t)[0]; f < frames; f++) {
        if (f > spans.get(t)[0] && random.nextInt(4) == 0) {
          continue; // a gap: the track is outside here
        }
        Map<String, AttributeValue> attributes = new TreeMap<>();
        attributes.put("track_id", AttributeValue.of(t));
        attributes.put("keyframe", AttributeValue.of(random.nextBoolean() || f == spans.get(t)[0]));
        attributes.put("occluded", AttributeValue.of(occluded));
        attributes.put("z_order", AttributeValue.of(random.nextInt(3)));
        Value value =
            switch (kind) {
              case 0 ->
                  new BoxValue(
                      label,
                      new Box(
                          coordinate(random, width),
                          coordinate(random, height),
                          random.nextInt(40) / 4.0,
                          random.nextInt(40) / 4.0,
                          random.nextInt(4) * 90),
                      attributes);
              case 1 ->
                  new PolygonValue(
                      label,
                      Polygon.of(
                          coordinate(random, width),
                          coordinate(random, height),
                          coordinate(random, width),
                          coordinate(random, height),
                          coordinate(random, width),
                          coordinate(random, height)),
                      attributes);
              default -> {
                List<Keypoint> points = new ArrayList<>();
                for (int k = 1; k <= 3; k++) {
                  points.add(
                      new Keypoint(
                          Integer.toString(k),
                          coordinate(random, width),
                          coordinate(random, height),
                          occluded ? Keypoint.Visibility.OCCLUDED : Keypoint.Visibility.VISIBLE));
                }
                yield new KeypointsValue(label, points, attributes);
              }
            };
        String field = kind == 0 ? "box" : kind == 1 ? "polygon" : "keypoints";
        byFrame.get(f).put(t, Result.of("t" + t, field, value));
      }
      // A track that ends before the last frame is outside after it: nothing to add.
    }
    Dataset.Builder dataset = Dataset.builder(schema);
    for (int f = 0; f < frames; f++) {
      String name = CvatVideoSource.frameName(f);
      dataset.item(
          new ImageItem(
              name, ImageNames.relativeUri(name), width, height, Map.of("cvat.frame", "" + f)));
      if (!byFrame.get(f).isEmpty()) {
        dataset.annotation(
            Annotation.builder(name, name, "cvat")
                .results(new ArrayList<>(byFrame.get(f).values()))
                .build());
      }
    }
    return dataset.build();
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void writtenThenReadIsTheSameAndSoIsCanonical(long seed) throws IOException {
    Dataset dataset = generate(new SplittableRandom(seed));
    Path first = dir.resolve("first.xml");
    ConversionReport written =
        Converter.write(VIDEO, dataset.source(), first, ConversionContext.of(FormatOptions.none()));
    assertThat(written.lossless()).as("%s", written.losses()).isTrue();
    ConversionContext context = ConversionContext.of(FormatOptions.none());
    Dataset read = read(first, context);
    assertThat(context.report().losses()).extracting(Loss::what).isEmpty();
    assertThat(read.items()).isEqualTo(dataset.items());
    assertThat(read.annotations()).isEqualTo(dataset.annotations());

    Path canonical = dir.resolve("c.jsonl");
    Path second = dir.resolve("second.xml");
    Converter.convert(VIDEO, new CanonicalFormat(), first, canonical, FormatOptions.none());
    Converter.convert(new CanonicalFormat(), VIDEO, canonical, second, FormatOptions.none());
    assertThat(Files.readString(second)).isEqualTo(Files.readString(first));
  }
}
