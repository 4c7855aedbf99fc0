package org.annotationkit.formats.labelme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.annotationkit.core.annotation.Annotation;
import org.annotationkit.core.annotation.AttributeValue;
import org.annotationkit.core.annotation.BoxValue;
import org.annotationkit.core.annotation.KeypointsValue;
import org.annotationkit.core.annotation.MaskValue;
import org.annotationkit.core.annotation.MultipleChoiceValue;
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
import org.annotationkit.core.io.FormatException;
import org.annotationkit.core.item.ImageItem;
import org.annotationkit.core.schema.Field;
import org.annotationkit.formats.ConversionContext;
import org.annotationkit.formats.ConversionReport;
import org.annotationkit.formats.Converter;
import org.annotationkit.formats.Format;
import org.annotationkit.formats.FormatOptions;
import org.annotationkit.formats.Formats;
import org.annotationkit.formats.Loss;
import org.annotationkit.formats.coco.CocoFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Golden tests of the labelme reader and writer: labelme's own examples and hand-written files. */
class LabelmeFormatTest {
  private static final Format LABELME = new LabelmeFormat();

  @TempDir Path dir;

  /** A 5 x 3 PNG, from {@code PngTest}. */
  static final String GRAY1 =
      "iVBORw0KGgoAAAANSUhEUgAAAAUAAAADAQAAAABzTfhVAAAAE3RFWHRDb21tZW50AHRlc3QgdmVjdG9y8aZwzQAAAAdJ"
          + "REFUeJxj2MDgweK1mDEAAAAHSURBVPADAAVGAfE71GHYAAAAAElFTkSuQmCC";

  /**
   * wkentaro/labelme {@code examples/primitives/primitives.json} (commit 33fd6d85), as published:
   * one shape of every primitive type, and labelme 4's {@code lineColor} and {@code fillColor}.
   */
  static final String PRIMITIVES =
      """
      {
        "version": "4.0.0",
        "flags": {},
        "shapes": [
          {"label": "rectangle", "points": [[32.0, 35.0], [132.0, 135.0]], "group_id": null,
           "shape_type": "rectangle", "flags": {}},
          {"label": "circle", "points": [[195.0, 84.0], [225.0, 125.0]], "group_id": null,
           "shape_type": "circle", "flags": {}},
          {"label": "rectangle", "points": [[391.0, 33.0], [542.0, 135.0]], "group_id": null,
           "shape_type": "rectangle", "flags": {}},
          {"label": "polygon", "points": [[69.0, 318.0], [45.0, 403.0], [173.0, 406.0],
           [198.0, 321.0]], "group_id": null, "shape_type": "polygon", "flags": {}},
          {"label": "line", "points": [[188.0, 178.0], [160.0, 224.0]], "group_id": null,
           "shape_type": "line", "flags": {}},
          {"label": "point", "points": [[345.0, 174.0]], "group_id": null,
           "shape_type": "point", "flags": {}},
          {"label": "line_strip", "points": [[440.53703703703707, 181.46296296296293],
           [402.53703703703707, 274.46296296296293], [544.5370370370371, 275.46296296296293]],
           "group_id": null, "shape_type": "linestrip", "flags": {}}
        ],
        "imagePath": "primitives.jpg",
        "imageData": null,
        "imageHeight": 450,
        "imageWidth": 560,
        "lineColor": [0, 255, 0, 128],
        "fillColor": [255, 0, 0, 128]
      }
      """;

  /**
   * wkentaro/labelme {@code examples/bbox_detection/data_annotated/2011_000006.json} (commit
   * 30a29a4a), the first two shapes: an old file without {@code shape_type} (polygons), without the
   * image's size, with {@code line_color: null} on every shape.
   */
  static final String OLD_FORMAT =
      """
      {
        "flags": {},
        "shapes": [
          {"label": "person", "line_color": null, "fill_color": null,
           "points": [[400, 82], [447, 82], [447, 117], [400, 117]]},
          {"label": "person", "line_color": null, "fill_color": null,
           "points": [[95, 103], [238, 103], [238, 330], [95, 330]]}
        ],
        "lineColor": [0, 255, 0, 128],
        "fillColor": [255, 0, 0, 128],
        "imagePath": "2011_000006.jpg",
        "imageData": null
      }
      """;

  static Dataset read(Path input, FormatOptions options) {
    return read(input, ConversionContext.of(options));
  }

  static Dataset read(Path input, ConversionContext context) {
    try (DatasetSource source = LABELME.reader().orElseThrow().open(input, context)) {
      return Dataset.of(source);
    }
  }

  private Path file(String name, String json) throws IOException {
    Path file = dir.resolve("in").resolve(name);
    Files.createDirectories(file.getParent());
    return Files.writeString(file, json);
  }

  @Test
  void readsLabelmesPrimitivesExample() throws IOException {
    file("primitives.json", PRIMITIVES);
    Dataset dataset = read(dir.resolve("in"), FormatOptions.none());

    ImageItem image = (ImageItem) dataset.items().get(0);
    assertThat(image.id()).isEqualTo("primitives.jpg");
    assertThat(image.width()).isEqualTo(560);
    assertThat(image.height()).isEqualTo(450);
    assertThat(image.metadata())
        .containsEntry("labelme.version", "4.0.0")
        .containsEntry("labelme.lineColor", "[0,255,0,128]")
        .containsEntry("labelme.fillColor", "[255,0,0,128]");

    assertThat(dataset.schema().fields().stream().map(Field::name))
        .containsExactly("box", "polygon", "polyline", "line", "keypoints", "circle");
    assertThat(
            dataset.schema().field("box").orElseThrow().labels().all().stream()
                .map(org.annotationkit.core.schema.Label::name))
        .containsExactly("rectangle", "circle", "polygon", "line", "point", "line_strip");

    Annotation annotation = dataset.annotations().get(0);
    java.util.function.Function<String, Result> results = id -> annotation.result(id).orElseThrow();
    assertThat(results.apply("1").value())
        .isEqualTo(new BoxValue("rectangle", Box.of(32, 35, 100, 100), Map.of()));
    assertThat(results.apply("2").value())
        .isEqualTo(
            new KeypointsValue(
                "circle",
                List.of(
                    new Keypoint("center", 195, 84, Keypoint.Visibility.VISIBLE),
                    new Keypoint("rim", 225, 125, Keypoint.Visibility.VISIBLE))));
    assertThat(results.apply("3").value())
        .isEqualTo(new BoxValue("rectangle", Box.of(391, 33, 151, 102), Map.of()));
    assertThat(results.apply("4").value())
        .isEqualTo(new PolygonValue("polygon", Polygon.of(69, 318, 45, 403, 173, 406, 198, 321)));
    assertThat(results.apply("5").field()).isEqualTo("line");
    assertThat(results.apply("5").value())
        .isEqualTo(
            new PolylineValue(
                "line", new Polyline(List.of(new Point(188, 178), new Point(160, 224)))));
    assertThat(results.apply("6").value())
        .isEqualTo(
            new KeypointsValue(
                "point", List.of(new Keypoint("1", 345, 174, Keypoint.Visibility.VISIBLE))));
    assertThat(results.apply("7").field()).isEqualTo("polyline");
    assertThat(((PolylineValue) results.apply("7").value()).polyline().points().get(0))
        .isEqualTo(new Point(440.53703703703707, 181.46296296296293));
  }

  @Test
  void primitivesWriteBackAsTheyWereRead() throws IOException {
    file("primitives.json", PRIMITIVES);
    Path out = dir.resolve("out");
    ConversionReport report =
        Converter.convert(LABELME, LABELME, dir.resolve("in"), out, FormatOptions.none());
    assertThat(report.lossless()).as("%s", report.losses()).isTrue();
    assertThat(report.images()).isEqualTo(1);
    assertThat(report.annotations()).isEqualTo(7);
    Dataset first = read(dir.resolve("in"), FormatOptions.none());
    Dataset second = read(out, FormatOptions.none());
    assertThat(second.items()).isEqualTo(first.items());
    assertThat(second.annotations()).isEqualTo(first.annotations());
    String json = Files.readString(out.resolve("primitives.json"));
    assertThat(json)
        .contains("\"shape_type\" : \"circle\"")
        .contains("\"shape_type\" : \"linestrip\"")
        .contains("\"imageData\" : null")
        .contains("\"lineColor\" : [ 0, 255, 0, 128 ]");
  }

  @Test
  void oldFilesArePolygonsSizedFromTheSizesTable() throws IOException {
    file("2011_000006.json", OLD_FORMAT);
    assertThatThrownBy(() -> read(dir.resolve("in"), FormatOptions.none()))
        .isInstanceOf(FormatException.class)
        .hasMessageContaining("2011_000006.json:1:1")
        .hasMessageContaining("the image size is unknown");
    Path sizes =
        Files.writeString(
            dir.resolve("sizes.csv"), "file_name,width,height\n2011_000006.jpg,500,375\n");
    Dataset dataset = read(dir.resolve("in"), FormatOptions.none().withSizes(sizes));
    ImageItem image = (ImageItem) dataset.items().get(0);
    assertThat(image.width()).isEqualTo(500);
    assertThat(image.height()).isEqualTo(375);
    Annotation annotation = dataset.annotations().get(0);
    assertThat(annotation.results())
        .extracting(Result::field)
        .containsExactly("polygon", "polygon");
    assertThat(annotation.results().get(1).value())
        .isEqualTo(new PolygonValue("person", Polygon.of(95, 103, 238, 103, 238, 330, 95, 330)));
  }

  /** A mask as labelme's test {@code test_write_label_file_round_trips_mask_shape} draws it. */
  @Test
  void masksArePlacedAtTheirRoundedOrigin() throws IOException {
    // 5 wide, 4 high, set at rows 1-2 and columns 2-3 (numpy mask[1:3, 2:4] = True), written by
    // the independent encoder of PngTest as a 1-bit PNG would be; here 8-bit through ours.
    boolean[] patch = new boolean[5 * 4];
    for (int r = 1; r < 3; r++) {
      for (int c = 2; c < 4; c++) {
        patch[r * 5 + c] = true;
      }
    }
    String png =
        java.util.Base64.getEncoder()
            .encodeToString(org.annotationkit.formats.internal.Png.encodeMask(5, 4, patch));
    file(
        "m.json",
        """
        {"version": "5.5.0", "flags": {}, "shapes": [
          {"label": "thing", "points": [[2.5, 0.5], [3.0, 2.0]], "group_id": 7,
           "description": "d", "shape_type": "mask", "flags": {"verified": true},
           "score": 0.5, "mask": "%s"}],
         "imagePath": "m.png", "imageData": null, "imageHeight": 6, "imageWidth": 8}
        """
            .formatted(png));
    Dataset dataset = read(dir.resolve("in"), FormatOptions.none());
    Result result = dataset.annotations().get(0).results().get(0);
    assertThat(result.id()).isEqualTo("g7-thing/1");
    assertThat(result.score()).hasValue(0.5);
    MaskValue mask = (MaskValue) result.value();
    // origin round(2.5) = 2, round(0.5) = 0 (half to even, as numpy): pixels x 4-5, y 1-2.
    assertThat(mask.mask().bounds()).isEqualTo(Box.of(4, 1, 2, 2));
    assertThat(mask.mask().area()).isEqualTo(4);
    assertThat(mask.attributes())
        .containsEntry("group_id", AttributeValue.of(7))
        .containsEntry("description", AttributeValue.of("d"))
        .containsEntry("flags/verified", AttributeValue.of(true));

    Path out = dir.resolve("out");
    ConversionReport report =
        Converter.convert(LABELME, LABELME, dir.resolve("in"), out, FormatOptions.none());
    assertThat(report.lossless()).as("%s", report.losses()).isTrue();
    assertThat(Files.readString(out.resolve("m.json")))
        .contains("[ 4.0, 1.0 ], [ 5.0, 2.0 ]")
        .contains("\"group_id\" : 7");
    Dataset again = read(out, FormatOptions.none());
    assertThat(again.annotations()).isEqualTo(dataset.annotations());
  }

  @Test
  void imageFlagsAreTagsAndGroupsAreCocoInstances() throws IOException {
    file(
        "sub/a.json",
        """
        {"version": "5.5.0", "flags": {"night": true, "blurry": false}, "shapes": [
          {"label": "dog", "points": [[0, 0], [10, 0], [10, 10]], "group_id": 1,
           "shape_type": "polygon", "flags": {}},
          {"label": "dog", "points": [[20, 20], [30, 20], [30, 30]], "group_id": 1,
           "shape_type": "polygon", "flags": {}},
          {"label": "dog", "points": [[5, 5], [8, 9]], "group_id": null,
           "shape_type": "oriented_rectangle", "flags": {}},
          {"label": "dog", "points": [[0, 0], [1, 1]], "shape_type": "cuboid"}],
         "imagePath": "..\\\\images\\\\a.jpg", "imageData": null,
         "imageHeight": 40, "imageWidth": 40}
        """);
    ConversionContext context = ConversionContext.of(FormatOptions.none());
    Dataset dataset = read(dir.resolve("in"), context);
    ImageItem image = (ImageItem) dataset.items().get(0);
    assertThat(image.id()).isEqualTo("images/a.jpg");
    assertThat(image.metadata()).containsEntry("labelme.imagePath", "..\\images\\a.jpg");
    Annotation annotation = dataset.annotations().get(0);
    assertThat(annotation.results().get(0).value()).isEqualTo(MultipleChoiceValue.of("night"));
    assertThat(annotation.results())
        .extracting(Result::id)
        .containsExactly("tags", "g1-dog/1", "g1-dog/2");
    assertThat(context.report().losses())
        .extracting(Loss::what)
        .containsExactly("degenerate polygon skipped", "shape skipped");

    Path coco = dir.resolve("coco.json");
    Converter.convert(LABELME, new CocoFormat(), dir.resolve("in"), coco, FormatOptions.none());
    String json = Files.readString(coco);
    // One instance of two polygon parts.
    assertThat(json).contains("\"segmentation\":[[0.0,0.0,10.0,0.0,10.0,10.0],[20.0,20.0");
  }

  @Test
  void writingReportsWhatLabelmeCannotHold() throws IOException {
    file("primitives.json", PRIMITIVES);
    Path out = dir.resolve("out");
    ConversionReport report =
        Converter.convert(LABELME, LABELME, dir.resolve("in"), out, FormatOptions.none());
    assertThat(report.lossless()).isTrue();
    // Reading a file with imageData reports the image dropped.
    String withData = PRIMITIVES.replace("\"imageData\": null", "\"imageData\": \"" + GRAY1 + "\"");
    Files.writeString(dir.resolve("in").resolve("primitives.json"), withData);
    ConversionContext context = ConversionContext.of(FormatOptions.none());
    read(dir.resolve("in"), context);
    assertThat(context.report().losses())
        .extracting(Loss::what)
        .containsExactly("image data dropped");
  }

  @Test
  void theSizeComesFromTheEmbeddedImage() throws IOException {
    file(
        "e.json",
        """
        {"shapes": [], "imagePath": "e.png", "imageData": "%s"}
        """
            .formatted(GRAY1));
    ImageItem image = (ImageItem) read(dir.resolve("in"), FormatOptions.none()).items().get(0);
    assertThat(image.width()).isEqualTo(5);
    assertThat(image.height()).isEqualTo(3);
  }

  @Test
  void malformedFilesNameTheFileLineAndPointer() throws IOException {
    String head = "{\"imagePath\": \"a.jpg\", \"imageWidth\": 10, \"imageHeight\": 10,\n";
    String[][] cases = {
      {
        head + "\"shapes\": [{\"label\": \"a\",\n \"points\": [[1, 2], [3]]}]}",
        "/shapes/0/points/1",
        "a point must be [x, y]"
      },
      {
        head + "\"shapes\": [{\"label\": \"a\", \"points\": [[1, \"x\"]]}]}",
        "/shapes/0/points/0/1",
        "y must be a number"
      },
      {
        head
            + "\"shapes\": [{\"label\": \"a\", \"points\": [[1, 2]], \"shape_type\": \"rectangle\"}]}",
        "/shapes/0/points",
        "a rectangle has 2 points"
      },
      {head + "\"shapes\": [{\"points\": [[1, 2]]}]}", "/shapes/0", "\"label\" is missing"},
      {
        head
            + "\"shapes\": [{\"label\": \"a\", \"points\": [[1, 2], [3, 4]], \"shape_type\": \"mask\", \"mask\": \"%%%\"}]}",
        "/shapes/0/mask",
        "not base64"
      },
      {
        head
            + "\"shapes\": [{\"label\": \"a\", \"points\": [[1, 2], [3, 4]], \"shape_type\": \"mask\", \"mask\": \"AAAA\"}]}",
        "/shapes/0/mask",
        "PNG signature"
      },
      {
        head + "\"shapes\": [{\"label\": \"a\", \"points\": [[1, 2]], \"group_id\": 1.5}]}",
        "/shapes/0/group_id",
        "whole number"
      },
      {head + "\"shapes\": {}}", "/shapes", "shapes must be a JSON array"},
      {"{\"shapes\": []}", "a.json:1:1", "\"imagePath\" is missing"},
      {head + "\"shapes\": [}", "a.json:2:", "malformed JSON"},
      {"[]", "a.json:1:1", "a labelme file must be a JSON object"},
      {
        head.replace("10,\n", "0,\n") + "\"shapes\": []}",
        "/imageHeight",
        "imageHeight must be positive"
      },
    };
    for (String[] c : cases) {
      Path file = file("a.json", c[0]);
      assertThatThrownBy(() -> read(dir.resolve("in"), FormatOptions.none()))
          .as(c[0])
          .isInstanceOf(FormatException.class)
          .hasMessageContaining(file.getFileName().toString())
          .hasMessageContaining(c[1])
          .hasMessageContaining(c[2]);
    }
  }

  @Test
  void isFoundByNameAndDetected() throws IOException {
    assertThat(Formats.installed().find("labelme")).get().isInstanceOf(LabelmeFormat.class);
    file("primitives.json", PRIMITIVES);
    assertThat(LABELME.detect(dir.resolve("in"))).isEqualTo(Format.Detection.CERTAIN);
    assertThat(LABELME.detect(dir.resolve("in").resolve("primitives.json")))
        .isEqualTo(Format.Detection.CERTAIN);
    assertThat(LABELME.detect(dir)).isEqualTo(Format.Detection.NO);
  }
}
