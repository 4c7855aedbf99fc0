package org.annotationkit.formats.coco;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.annotationkit.core.annotation.Annotation;
import org.annotationkit.core.annotation.AttributeValue;
import org.annotationkit.core.annotation.BoxValue;
import org.annotationkit.core.annotation.PolygonValue;
import org.annotationkit.core.annotation.Result;
import org.annotationkit.core.dataset.Dataset;
import org.annotationkit.core.dataset.DatasetSource;
import org.annotationkit.core.geometry.Box;
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
import org.annotationkit.formats.voc.VocFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden round trips through COCO of the real exports in the fixtures (datumaro's COCO and VOC test
 * files), and rotated boxes through COCO (FORMATS.md 1.3).
 */
class CocoGoldenRoundTripTest {
  private static final Format COCO = new CocoFormat();
  private static final Format VOC = new VocFormat();

  @TempDir Path dir;

  private static Path resource(String name) throws URISyntaxException {
    return Path.of(CocoGoldenRoundTripTest.class.getResource(name).toURI());
  }

  private static List<String> whats(ConversionReport report) {
    return report.losses().stream().map(Loss::what).toList();
  }

  private static Dataset read(Format format, Path file) {
    try (DatasetSource source =
        format.reader().orElseThrow().open(file, ConversionContext.of(FormatOptions.none()))) {
      return Dataset.of(source);
    }
  }

  @Test
  void vocToCocoToVocKeepsEveryObjectOfTheDatumaroFile() throws Exception {
    Path voc = resource("/org/annotationkit/formats/voc/fixture");
    Path coco = dir.resolve("voc.json");
    Path back = dir.resolve("back");
    ConversionReport there = Converter.convert(VOC, COCO, voc, coco, FormatOptions.none());
    ConversionReport again = Converter.convert(COCO, VOC, coco, back, FormatOptions.none());

    // COCO has no relations: the head part comes back as an object of its own. Its decimal edges
    // (5.5, 7.5: datumaro's file has them) are kept by COCO and rounded by the VOC writer.
    assertThat(whats(there))
        .containsExactlyInAnyOrder(
            "annotator dropped",
            "part dropped",
            "annotation id replaced",
            "image id replaced",
            "schema simplified");
    // The loss names the part and its object (the fixture's second object, a person with a head).
    Loss part =
        there.losses().stream().filter(l -> l.what().equals("part dropped")).findFirst().get();
    assertThat(part.object().image()).hasValue("2007_000001.jpg");
    assertThat(part.object().annotation()).hasValue("2007_000001.jpg/2.1-part-of");
    assertThat(part.reason())
        .contains("the part '2.1' ('head') of the object '2' ('person')")
        .contains("an instance of its own");
    assertThat(whats(again)).containsExactly("coordinates rounded");
    assertThat(Files.readString(back.resolve("Annotations/2007_000001.xml")))
        .isEqualTo(
            """
            <?xml version="1.0" encoding="UTF-8"?>
            <annotation>
              <folder>VOC2007</folder>
              <filename>2007_000001.jpg</filename>
              <size>
                <width>20</width>
                <height>10</height>
                <depth>3</depth>
              </size>
              <segmented>1</segmented>
              <object>
                <name>cat</name>
                <pose>Unspecified</pose>
                <truncated>1</truncated>
                <difficult>0</difficult>
                <bndbox>
                  <xmin>1</xmin>
                  <ymin>2</ymin>
                  <xmax>3</xmax>
                  <ymax>4</ymax>
                </bndbox>
              </object>
              <object>
                <name>person</name>
                <pose>Unspecified</pose>
                <truncated>0</truncated>
                <difficult>0</difficult>
                <bndbox>
                  <xmin>4</xmin>
                  <ymin>5</ymin>
                  <xmax>6</xmax>
                  <ymax>7</ymax>
                </bndbox>
                <actions>
                  <jumping>0</jumping>
                  <other>1</other>
                  <phoning>1</phoning>
                  <playinginstrument>0</playinginstrument>
                  <reading>1</reading>
                  <ridingbike>0</ridingbike>
                  <ridinghorse>1</ridinghorse>
                  <running>0</running>
                  <takingphoto>1</takingphoto>
                  <usingcomputer>0</usingcomputer>
                  <walking>1</walking>
                </actions>
              </object>
              <object>
                <name>head</name>
                <pose>Unspecified</pose>
                <truncated>0</truncated>
                <difficult>0</difficult>
                <bndbox>
                  <xmin>6</xmin>
                  <ymin>6</ymin>
                  <xmax>8</xmax>
                  <ymax>8</ymax>
                </bndbox>
              </object>
            </annotation>
            """);
  }

  @Test
  void cocoToLabelStudioToCocoKeepsTheShapesOfTheDatumaroFile() throws IOException {
    Path input = dir.resolve("instances_val.json");
    try (InputStream in = getClass().getResourceAsStream("datumaro_instances_val.json")) {
      Files.copy(in, input);
    }
    Format labelStudio = Formats.installed().find("labelstudio").orElseThrow();
    Path ls = dir.resolve("ls.json");
    Path back = dir.resolve("back.json");
    ConversionReport there = Converter.convert(COCO, labelStudio, input, ls, FormatOptions.none());
    ConversionReport again = Converter.convert(labelStudio, COCO, ls, back, FormatOptions.none());

    // Label Studio results have no attributes: the polygon's x and y and the crowd flag are lost
    // (reported); the shapes come back exact: polygon 0,0 1,0 1,2 0,2 through percentages of a
    // 5 x 10 image, the crowd mask's 20 pixels (counts 0, 20, 30) as a compressed RLE.
    assertThat(whats(there))
        .containsExactlyInAnyOrder(
            "licenses dropped",
            "category id dropped",
            "attribute dropped",
            "attribute dropped",
            "attribute dropped",
            "attribute dropped");
    assertThat(whats(again)).containsExactly("schema simplified");
    assertThat(Files.readString(back, StandardCharsets.UTF_8))
        .isEqualTo(
            "{\"info\":{},\"annotations\":["
                + "{\"id\":1,\"image_id\":40,\"category_id\":1,\"bbox\":[0.0,0.0,1.0,2.0],"
                + "\"area\":2.0,\"iscrowd\":0,"
                + "\"segmentation\":[[0.0,0.0,1.0,0.0,1.0,2.0,0.0,2.0]]},"
                + "{\"id\":2,\"image_id\":40,\"category_id\":2,\"bbox\":[0.0,0.0,1.0,9.0],"
                + "\"area\":20.0,\"iscrowd\":0,"
                + "\"segmentation\":{\"size\":[10,5],\"counts\":\"0d0n0\"}}],"
                + "\"images\":[{\"id\":40,\"file_name\":\"b.jpg\",\"width\":5,\"height\":10,"
                + "\"coco_url\":\"\",\"date_captured\":0,\"flickr_url\":\"\",\"license\":0}],"
                + "\"categories\":[{\"id\":1,\"name\":\"a\"},{\"id\":2,\"name\":\"b\"}]}");
    Dataset first = read(COCO, input);
    Dataset second = read(COCO, back);
    assertThat(second.items()).isEqualTo(first.items());
    // pycocotools' compressed string of the counts 0, 20, 30 (FORMATS.md 5), decoded back.
    assertThat(CocoRle.toCompressed(CocoRle.fromCompressed("0d0n0", 10, 5))).isEqualTo("0d0n0");
  }

  @Test
  void theRotatedBoxCocoHoldsAsHullCornersAndAngleReadsBackAsTheBox() throws IOException {
    // The writer's output for a box (10, 10, 20, 10) turned 90 degrees about its centre (20, 15).
    Path file = dir.resolve("rotated.json");
    Files.writeString(
        file,
        "{\"images\":[{\"id\":1,\"file_name\":\"a.jpg\",\"width\":64,\"height\":48}],"
            + "\"categories\":[{\"id\":1,\"name\":\"bus\"}],"
            + "\"annotations\":[{\"id\":2,\"image_id\":1,\"category_id\":1,"
            + "\"bbox\":[15.0,5.0,10.0,20.0],\"area\":200.0,\"iscrowd\":0,"
            + "\"segmentation\":[[25.0,5.0,25.0,25.0,15.0,25.0,15.0,5.0]],"
            + "\"attributes\":{\"rotation\":90.0,\"occluded\":false}},"
            // Four points and an angle, but not the corners of a box turned by it: kept as given.
            + "{\"id\":3,\"image_id\":1,\"category_id\":1,\"bbox\":[0,0,4,2],\"area\":6,"
            + "\"iscrowd\":0,\"segmentation\":[[0,0,4,0,3,2,1,2]],\"attributes\":{\"rotation\":30}}]}");
    ConversionContext context = ConversionContext.of(FormatOptions.none());
    Dataset dataset;
    try (DatasetSource source = COCO.reader().orElseThrow().open(file, context)) {
      dataset = Dataset.of(source);
    }
    assertThat(context.report().losses()).isEmpty();
    List<Result> results =
        dataset.annotations().stream().flatMap(a -> a.results().stream()).toList();
    assertThat(results.get(0))
        .isEqualTo(
            Result.of(
                "2/box",
                CocoFormat.BOXES,
                new BoxValue(
                    "bus",
                    new Box(10, 10, 20, 10, 90),
                    Map.of("occluded", AttributeValue.of(false)))));
    assertThat(results.get(1).id()).isEqualTo("3/polygon-1");
    assertThat(((PolygonValue) results.get(1).value()).attributes())
        .containsEntry("rotation", AttributeValue.of(30));
  }

  static Stream<Long> seeds() {
    long base = Long.getLong("annotationkit.seed", 20261204L);
    return LongStream.range(base, base + 20).boxed();
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void rotatedBoxesComeBackFromCocoToWithinOneBillionthOfTheirSize(long seed) throws IOException {
    SplittableRandom random = new SplittableRandom(seed);
    Schema schema =
        Schema.of("s", Field.builder("box", FieldKind.BOX).labels("car").rotatable(true).build());
    ImageItem image = new ImageItem("1", URI.create("a.jpg"), 2000, 1000);
    Annotation.Builder annotation = Annotation.builder("1", "1", "coco");
    int n = 1 + random.nextInt(8);
    Box[] boxes = new Box[n];
    for (int i = 0; i < n; i++) {
      double angle =
          random.nextInt(4) == 0 ? 90 * random.nextInt(-3, 4) : random.nextDouble(-359, 359);
      if (angle % 360 == 0) {
        angle = 45;
      }
      boxes[i] =
          new Box(
              random.nextDouble(-50, 1900),
              random.nextDouble(-50, 900),
              random.nextDouble(0.5, 300),
              random.nextDouble(0.5, 300),
              angle);
      annotation.result((i + 1) + "/box", "box", new BoxValue("car", boxes[i]));
    }
    Dataset dataset = Dataset.builder(schema).item(image).annotation(annotation.build()).build();
    Path file = dir.resolve("boxes.json");
    ConversionReport written =
        Converter.write(COCO, dataset.source(), file, ConversionContext.of(FormatOptions.none()));
    assertThat(whats(written)).containsOnly("rotation dropped", "schema simplified");
    Dataset back = read(COCO, file);
    List<Result> results = back.annotations().stream().flatMap(a -> a.results().stream()).toList();
    assertThat(results).hasSize(n);
    for (int i = 0; i < n; i++) {
      Result result = results.get(i);
      assertThat(result.id()).isEqualTo((i + 1) + "/box");
      BoxValue value = (BoxValue) result.value();
      assertThat(value.attributes()).isEmpty();
      Box box = value.box();
      double tolerance = 1e-9 * 2000;
      assertThat(box.rotation()).isEqualTo(boxes[i].rotation());
      assertThat(box.x()).isCloseTo(boxes[i].x(), within(tolerance));
      assertThat(box.y()).isCloseTo(boxes[i].y(), within(tolerance));
      assertThat(box.width()).isCloseTo(boxes[i].width(), within(tolerance));
      assertThat(box.height()).isCloseTo(boxes[i].height(), within(tolerance));
    }
  }
}
