package org.annotationkit.formats.coco;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.annotationkit.core.annotation.Annotation;
import org.annotationkit.core.annotation.AttributeValue;
import org.annotationkit.core.annotation.BoxValue;
import org.annotationkit.core.annotation.KeypointsValue;
import org.annotationkit.core.annotation.MaskValue;
import org.annotationkit.core.annotation.PolygonValue;
import org.annotationkit.core.annotation.PolylineValue;
import org.annotationkit.core.annotation.Result;
import org.annotationkit.core.dataset.Dataset;
import org.annotationkit.core.dataset.DatasetSource;
import org.annotationkit.core.geometry.Box;
import org.annotationkit.core.geometry.Keypoint;
import org.annotationkit.core.geometry.Point;
import org.annotationkit.core.geometry.Polygon;
import org.annotationkit.core.geometry.Polyline;
import org.annotationkit.core.geometry.RleMask;
import org.annotationkit.core.item.ImageItem;
import org.annotationkit.core.schema.Field;
import org.annotationkit.core.schema.FieldKind;
import org.annotationkit.core.schema.Schema;
import org.annotationkit.core.schema.Skeleton;
import org.annotationkit.formats.ConversionContext;
import org.annotationkit.formats.ConversionReport;
import org.annotationkit.formats.Converter;
import org.annotationkit.formats.Format;
import org.annotationkit.formats.FormatOptions;
import org.annotationkit.formats.Formats;
import org.annotationkit.formats.Loss;
import org.annotationkit.formats.canonical.CanonicalFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Golden tests of the COCO reader and writer: hand-written files with expected models. */
class CocoFormatTest {
  private static final CocoFormat COCO = new CocoFormat();

  @TempDir Path dir;

  private Path file(String name, String json) throws IOException {
    Path path = dir.resolve(name);
    Files.writeString(path, json, StandardCharsets.UTF_8);
    return path;
  }

  private static Dataset read(Path file, ConversionContext context) {
    try (DatasetSource source = COCO.reader().orElseThrow().open(file, context)) {
      return Dataset.of(source);
    }
  }

  private static List<String> whats(ConversionContext context) {
    return context.report().losses().stream().map(Loss::what).toList();
  }

  @Test
  void isRegisteredAndRecognised() throws IOException {
    assertThat(Formats.installed().find("coco")).get().isInstanceOf(CocoFormat.class);
    assertThat(COCO.layout()).isEqualTo(Format.Layout.FILE);
    Path coco = file("a.json", "{\"images\": [], \"annotations\": [], \"categories\": []}");
    Path canonical = file("b.jsonl", "{\"annotationkit\":\"schema\"}");
    Path list = file("c.json", "[{\"images\": []}]");
    assertThat(COCO.detect(coco)).isEqualTo(Format.Detection.CERTAIN);
    assertThat(COCO.detect(canonical)).isEqualTo(Format.Detection.NO);
    assertThat(COCO.detect(list)).isEqualTo(Format.Detection.NO);
  }

  /** The datumaro fixture (see SOURCES.md), with the model worked out by hand from its JSON. */
  @Test
  void readsTheDatumaroFixtureWithNonContiguousIds() throws IOException {
    Path input = dir.resolve("instances_val.json");
    try (InputStream in = CocoFormatTest.class.getResourceAsStream("datumaro_instances_val.json")) {
      Files.copy(in, input);
    }
    ConversionContext context = ConversionContext.of(FormatOptions.none());
    Dataset dataset = read(input, context);

    Schema schema = dataset.schema();
    assertThat(schema.name()).isEqualTo("coco");
    assertThat(schema.description()).isEmpty();
    assertThat(schema.fields()).extracting(Field::name).containsExactly("box", "polygon", "mask");
    // Ids 1, 2, 4: the labels in id order.
    assertThat(schema.field("box").orElseThrow().labels().all())
        .extracting(label -> label.name())
        .containsExactly("a", "b", "c");

    ImageItem image =
        new ImageItem(
            "40",
            URI.create("b.jpg"),
            5,
            10,
            Map.of("license", "0", "flickr_url", "", "coco_url", "", "date_captured", "0"));
    assertThat(dataset.items()).containsExactly(image);

    Map<String, AttributeValue> attributes =
        Map.of("x", AttributeValue.of(1.0), "y", AttributeValue.of("hello"));
    // bbox [0, 0, 1, 2] is the polygon's bounds: not kept apart.
    Annotation polygon =
        Annotation.builder("1", "40", "coco")
            .result(
                "1/polygon-1",
                "polygon",
                new PolygonValue("a", Polygon.of(0, 0, 1, 0, 1, 2, 0, 2), attributes))
            .build();
    // Counts [0, 20, 30] over a 10 x 5 image: columns 0 and 1 set, bounds (0, 0, 2, 10); the
    // file's bbox [0, 0, 1, 9] differs, so it is kept as a box of its own.
    Map<String, AttributeValue> crowd = Map.of("iscrowd", AttributeValue.of(true));
    Annotation mask =
        Annotation.builder("2", "40", "coco")
            .result("2/box", "box", new BoxValue("b", Box.of(0, 0, 1, 9), crowd))
            .result(
                "2/mask",
                "mask",
                new MaskValue("b", new RleMask(10, 5, new int[] {0, 20, 30}), crowd))
            .build();
    assertThat(dataset.annotations()).containsExactly(polygon, mask);
    assertThat(whats(context)).containsExactly("licenses dropped", "category id dropped");
    assertThat(context.report().losses().get(1).reason())
        .contains("'c' has id 4")
        .contains("becomes 3");

    // Written back: ids 1..3, the crowd mask uncompressed; read again, the same model.
    Path output = dir.resolve("out.json");
    ConversionReport report = Converter.convert(COCO, COCO, input, output, FormatOptions.none());
    assertThat(report.images()).isEqualTo(1);
    assertThat(report.annotations()).isEqualTo(2);
    String written = Files.readString(output);
    assertThat(written)
        .contains("{\"id\":3,\"name\":\"c\"}")
        .contains("\"segmentation\":{\"size\":[10,5],\"counts\":[0,20,30]}")
        .contains("\"iscrowd\":1")
        .contains("\"attributes\":{\"x\":1.0,\"y\":\"hello\"}")
        .contains("\"license\":0}");
    ConversionContext again = ConversionContext.of(FormatOptions.none());
    assertThat(read(output, again)).isEqualTo(dataset);
    assertThat(whats(again)).isEmpty();
  }

  @Test
  void readsAnnotationsBeforeImagesWithPartsRleAndKeypoints() throws IOException {
    Path input =
        file(
            "person.json",
            """
            {
              "annotations": [
                {"id": 7, "image_id": 3, "category_id": 9, "iscrowd": 0, "area": 12.5,
                 "bbox": [0, 0, 10, 10],
                 "segmentation": [[0, 0, 5, 0, 0, 5], [6, 6, 10, 6, 10, 10, 6, 10]],
                 "keypoints": [1, 2, 2, 0, 0, 0, 3.5, 4, 1], "num_keypoints": 2},
                {"id": 8, "image_id": 3, "category_id": 2, "iscrowd": 0, "area": 10,
                 "bbox": [0, 0, 4, 4], "segmentation": {"size": [10, 10], "counts": "046O1O1Om1"},
                 "score": 0.75}
              ],
              "info": {"description": "people", "year": 2017},
              "images": [
                {"id": 3, "file_name": "train/0003.jpg", "width": 10, "height": 10},
                {"id": 4, "file_name": "train/0004.jpg", "width": 20, "height": 10}
              ],
              "categories": [
                {"id": 9, "name": "person", "supercategory": "person",
                 "keypoints": ["nose", "left_eye", "right_eye"], "skeleton": [[1, 2], [1, 3]]},
                {"id": 2, "name": "blob", "color": "#ff0000"}
              ]
            }
            """);
    ConversionContext context = ConversionContext.of(FormatOptions.none());
    Dataset dataset = read(input, context);
    Schema schema = dataset.schema();
    assertThat(schema.description()).contains("people");
    assertThat(schema.fields())
        .extracting(Field::name)
        .containsExactly("box", "polygon", "mask", "keypoints");
    assertThat(schema.field("mask").orElseThrow().labels().all())
        .extracting(label -> label.name())
        .containsExactly("blob", "person");
    assertThat(schema.field("mask").orElseThrow().labels().find("blob").orElseThrow().color())
        .contains("#ff0000");
    Field keypoints = schema.field("keypoints").orElseThrow();
    assertThat(keypoints.kind()).isEqualTo(FieldKind.KEYPOINTS);
    assertThat(keypoints.skeleton())
        .contains(
            new Skeleton(
                List.of("nose", "left_eye", "right_eye"),
                List.of(
                    new Skeleton.Edge("nose", "left_eye"),
                    new Skeleton.Edge("nose", "right_eye"))));
    // Every image first, in file order, with the sub-folder of file_name kept.
    assertThat(dataset.items())
        .containsExactly(
            new ImageItem("3", URI.create("train/0003.jpg"), 10, 10),
            new ImageItem("4", URI.create("train/0004.jpg"), 20, 10));

    Annotation person = dataset.annotation("7").orElseThrow();
    assertThat(person.results())
        .extracting(Result::id)
        .containsExactly("7/polygon-1", "7/polygon-2", "7/keypoints");
    // The bounds of the two parts are (0, 0, 10, 10), the bbox: it is not kept apart.
    assertThat(person.results().get(2).value())
        .isEqualTo(
            new KeypointsValue(
                "person",
                List.of(
                    new Keypoint("nose", 1, 2, Keypoint.Visibility.VISIBLE),
                    new Keypoint("left_eye", 0, 0, Keypoint.Visibility.NOT_LABELED),
                    new Keypoint("right_eye", 3.5, 4, Keypoint.Visibility.OCCLUDED))));
    // Shoelace: 12.5 + 16 = 28.5, not the file's 12.5.
    assertThat(whats(context))
        .containsExactly(
            "info dropped",
            "supercategory dropped",
            "category id dropped",
            "category id dropped",
            "area recomputed");

    // pycocotools' string for the triangle (0,0),(5,0),(0,5) on 10 x 10 (CocoRleReferenceTest).
    Annotation blob = dataset.annotation("8").orElseThrow();
    assertThat(blob.results())
        .containsExactly(
            new Result(
                "8/mask",
                "mask",
                new MaskValue("blob", new RleMask(10, 10, new int[] {0, 4, 6, 3, 7, 2, 8, 1, 69})),
                OptionalDouble.of(0.75)));
  }

  @Test
  void writesWhatCocoHoldsAndReportsTheRest() throws IOException {
    Schema schema =
        Schema.of(
            "street",
            Field.builder("cars", FieldKind.BOX).labels("car", "bus").rotatable(true).build(),
            Field.builder("lanes", FieldKind.POLYLINE).labels("lane").build());
    ImageItem image =
        new ImageItem("street-1", URI.create("https://example.org/a/street%201.jpg"), 64, 48);
    Annotation annotation =
        Annotation.builder("a-1", "street-1", "alice")
            .result("r1", "cars", new BoxValue("car", Box.of(1, 2, 30, 20)))
            .result("r2", "cars", new BoxValue("bus", new Box(10, 10, 20, 10, 90)))
            .result(
                "r3",
                "lanes",
                new PolylineValue("lane", new Polyline(List.of(new Point(0, 0), new Point(5, 5)))))
            .build();
    Dataset dataset = Dataset.builder(schema).item(image).annotation(annotation).build();
    Path output = dir.resolve("out.json");
    ConversionContext context = ConversionContext.of(FormatOptions.none());
    Converter.write(COCO, dataset.source(), output, context);
    String json = Files.readString(output);
    assertThat(json)
        .isEqualTo(
            "{\"info\":{},\"annotations\":["
                + "{\"id\":1,\"image_id\":1,\"category_id\":1,\"bbox\":[1.0,2.0,30.0,20.0],"
                + "\"area\":600.0,\"iscrowd\":0,\"segmentation\":[]},"
                // Turned 90 degrees about its centre (20, 15): the hull is (15, 5, 10, 20).
                + "{\"id\":2,\"image_id\":1,\"category_id\":2,\"bbox\":[15.0,5.0,10.0,20.0],"
                + "\"area\":200.0,\"iscrowd\":0,"
                + "\"segmentation\":[[25.0,5.0,25.0,25.0,15.0,25.0,15.0,5.0]],"
                + "\"attributes\":{\"rotation\":90.0}}],"
                + "\"images\":[{\"id\":1,\"file_name\":\"street 1.jpg\",\"width\":64,\"height\":48}],"
                + "\"categories\":[{\"id\":1,\"name\":\"car\"},{\"id\":2,\"name\":\"bus\"}]}");
    assertThat(whats(context))
        .containsExactlyInAnyOrder(
            "annotator dropped",
            "annotation id replaced",
            "annotation id replaced",
            "rotation dropped",
            "polyline dropped",
            "image id replaced",
            "schema simplified");
    assertThat(context.report().images()).isEqualTo(1);
    assertThat(context.report().annotations()).isEqualTo(2);
  }

  @Test
  void convertsToCanonicalAndBack() throws IOException {
    Path input =
        file(
            "small.json",
            """
            {"images": [{"id": 1, "file_name": "a.jpg", "width": 4, "height": 3}],
             "categories": [{"id": 1, "name": "cat"}],
             "annotations": [{"id": 5, "image_id": 1, "category_id": 1, "bbox": [0.5, 0.25, 2, 1],
                              "area": 2, "iscrowd": 0, "segmentation": []}]}
            """);
    Path canonical = dir.resolve("small.jsonl");
    Path back = dir.resolve("back.json");
    Converter.convert(COCO, new CanonicalFormat(), input, canonical, FormatOptions.none());
    ConversionReport report =
        Converter.convert(new CanonicalFormat(), COCO, canonical, back, FormatOptions.none());
    assertThat(report.losses()).isEmpty();
    ConversionContext first = ConversionContext.of(FormatOptions.none());
    ConversionContext second = ConversionContext.of(FormatOptions.none());
    assertThat(read(back, second)).isEqualTo(read(input, first));
    assertThat(Optional.of(Files.readString(back)))
        .contains(
            "{\"info\":{},\"annotations\":[{\"id\":5,\"image_id\":1,\"category_id\":1,"
                + "\"bbox\":[0.5,0.25,2.0,1.0],\"area\":2.0,\"iscrowd\":0,\"segmentation\":[]}],"
                + "\"images\":[{\"id\":1,\"file_name\":\"a.jpg\",\"width\":4,\"height\":3}],"
                + "\"categories\":[{\"id\":1,\"name\":\"cat\"}]}");
  }
}
