package org.annotationkit.formats.yolo;

import static org.annotationkit.formats.yolo.YoloFiles.read;
import static org.annotationkit.formats.yolo.YoloFiles.writeYolo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.annotationkit.core.annotation.Annotation;
import org.annotationkit.core.annotation.AttributeValue;
import org.annotationkit.core.annotation.BoxValue;
import org.annotationkit.core.annotation.ChoiceValue;
import org.annotationkit.core.annotation.KeypointsValue;
import org.annotationkit.core.annotation.PolygonValue;
import org.annotationkit.core.annotation.Result;
import org.annotationkit.core.dataset.Dataset;
import org.annotationkit.core.geometry.Box;
import org.annotationkit.core.geometry.Keypoint;
import org.annotationkit.core.geometry.Point;
import org.annotationkit.core.geometry.Polygon;
import org.annotationkit.core.item.ImageItem;
import org.annotationkit.core.schema.Field;
import org.annotationkit.core.schema.FieldKind;
import org.annotationkit.core.schema.Schema;
import org.annotationkit.core.schema.Skeleton;
import org.annotationkit.formats.ConversionContext;
import org.annotationkit.formats.ConversionReport;
import org.annotationkit.formats.FormatOptions;
import org.annotationkit.formats.Loss;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The writer: clipping, every loss reported, the values it prints. */
class YoloWriteTest {
  @TempDir Path dir;

  private static final Schema SCHEMA =
      Schema.of(
          "test",
          Field.builder("box", FieldKind.BOX).labels("cat", "dog").rotatable(true).build(),
          Field.builder("polygon", FieldKind.POLYGON).labels("cat", "dog").build(),
          Field.builder("tags", FieldKind.SINGLE_CHOICE).labels("indoor", "outdoor").build());

  private static Dataset dataset(int width, int height, Result... results) {
    ImageItem image = new ImageItem("img/a.jpg", URI.create("img/a.jpg"), width, height);
    Annotation.Builder annotation = Annotation.builder("a1", image.id(), "ann");
    for (Result r : results) {
      annotation.result(r);
    }
    return Dataset.builder(SCHEMA).item(image).annotation(annotation.build()).build();
  }

  private static Result result(String id, String field, org.annotationkit.core.annotation.Value v) {
    return Result.of(id, field, v);
  }

  private String labels(Path out) {
    return read(out.resolve("labels/img/a.txt"));
  }

  private static List<String> whats(ConversionReport report) {
    return report.losses().stream().map(Loss::what).toList();
  }

  /** A box that leaves the image is clipped to it, reported with its values, and all in [0, 1]. */
  @Test
  void clipsBoxesAndReportsIt() {
    Dataset data =
        dataset(
            100,
            50,
            result("1", "box", new BoxValue("dog", Box.of(-10, 10, 40, 20))),
            result("2", "box", new BoxValue("cat", Box.of(90, 40, 20, 20))),
            result("3", "box", new BoxValue("cat", Box.of(200, 10, 5, 5))),
            result("4", "box", new BoxValue("cat", Box.of(5, 5, 0, 5))));
    Path out = dir.resolve("out");
    ConversionReport report = writeYolo(data, out, FormatOptions.none()).report();
    // x -10..30 -> 0..30: cx 15 / 100, w 30 / 100; y 10..30: cy 20 / 50, h 20 / 50.
    // x 90..110 -> 90..100, y 40..60 -> 40..50.
    assertThat(labels(out))
        .isEqualTo(
            "1 0.150000 0.400000 0.300000 0.400000\n" + "0 0.950000 0.900000 0.100000 0.200000\n");
    assertThat(whats(report))
        .containsExactly(
            "box clipped to the image", "box clipped to the image", "box skipped", "box skipped");
    assertThat(report.losses().get(0).reason()).contains("-10.0..30.0").contains("0.0..30.0");
    assertThat(report.images()).isEqualTo(1);
    assertThat(report.annotations()).isEqualTo(2);
    assertThat(read(out.resolve("data.yaml")))
        .contains("train: \"images/img\"")
        .contains("names:\n  0: \"cat\"\n  1: \"dog\"\n");
  }

  /**
   * Rounding to 6 decimals never puts an edge outside [0, 1]: the box 0..2/3 of a 3-pixel image has
   * cx 0.333333 and w 0.666667 rounded apart; the width is shrunk by one unit so that cx - w/2
   * stays >= 0 (make-sense issue 171: 5e-7 past the edge made Ultralytics drop images).
   */
  @Test
  void roundingStaysInsideTheImage() {
    Dataset data = dataset(3, 3, result("1", "box", new BoxValue("cat", Box.of(0, 0, 2, 3))));
    Path out = dir.resolve("out");
    writeYolo(data, out, FormatOptions.none());
    String[] v = labels(out).strip().split(" ", -1);
    double cx = Double.parseDouble(v[1]);
    double w = Double.parseDouble(v[3]);
    assertThat(cx - w / 2).isGreaterThanOrEqualTo(0);
    assertThat(cx + w / 2).isLessThanOrEqualTo(1);
    assertThat(v[1]).isEqualTo("0.333333");
    assertThat(v[3]).isEqualTo("0.666666");
    assertThat(v[2]).isEqualTo("0.500000");
  }

  /** decimals=9 prints nine. */
  @Test
  void printsTheDecimalsAsked() {
    Dataset data = dataset(3, 3, result("1", "box", new BoxValue("cat", Box.of(1, 1, 1, 1))));
    Path out = dir.resolve("out");
    writeYolo(data, out, FormatOptions.of(Map.of("decimals", "9")));
    assertThat(labels(out)).isEqualTo("0 0.500000000 0.500000000 0.333333333 0.333333333\n");
    assertThatThrownBy(
            () -> writeYolo(data, dir.resolve("o2"), FormatOptions.of(Map.of("decimals", "5"))))
        .hasMessageContaining("decimals=5");
  }

  /** Detect loses rotation, polygons, attributes, scores and choices, each reported. */
  @Test
  void reportsWhatDetectCannotHold() {
    Dataset data =
        dataset(
            100,
            100,
            result("1", "box", new BoxValue("cat", new Box(40, 40, 20, 10, 90))),
            result("2", "polygon", new PolygonValue("dog", Polygon.of(10, 10, 30, 10, 20, 40))),
            new Result(
                "3",
                "box",
                new BoxValue(
                    "dog", Box.of(1, 1, 2, 2), Map.of("occluded", AttributeValue.of(true))),
                java.util.OptionalDouble.of(0.5)),
            result("4", "tags", new ChoiceValue("indoor")),
            result(
                "5",
                "box",
                new BoxValue(
                    "cat", Box.of(1, 1, 2, 2), Map.of("iscrowd", AttributeValue.of(true)))));
    Path out = dir.resolve("out");
    ConversionReport report = writeYolo(data, out, FormatOptions.none()).report();
    assertThat(whats(report))
        .containsExactly(
            "rotation dropped",
            "polygon reduced to its box",
            "score dropped",
            "attribute dropped",
            "result dropped",
            "crowd annotation skipped");
    // The hull of the turned box: 45..55 x 35..55.
    assertThat(labels(out))
        .isEqualTo(
            "0 0.500000 0.450000 0.100000 0.200000\n"
                + "1 0.200000 0.250000 0.200000 0.300000\n"
                + "1 0.020000 0.020000 0.020000 0.020000\n");
  }

  /** Segment clips polygons to the image (Sutherland-Hodgman) and joins the parts of an object. */
  @Test
  void segmentClipsAndJoins() {
    Dataset data =
        dataset(
            10,
            10,
            // a triangle over the right edge: its part inside is a quadrilateral
            result("1", "polygon", new PolygonValue("cat", Polygon.of(6, 2, 14, 6, 6, 10))),
            // two parts of one object (COCO's 17/polygon-1, 17/polygon-2)
            result(
                "17/polygon-1", "polygon", new PolygonValue("dog", Polygon.of(0, 0, 2, 0, 2, 2))),
            result(
                "17/polygon-2", "polygon", new PolygonValue("dog", Polygon.of(5, 0, 7, 0, 7, 2))),
            result("3", "box", new BoxValue("dog", Box.of(1, 1, 2, 2))));
    Path out = dir.resolve("out");
    ConversionReport report =
        writeYolo(data, out, FormatOptions.of(Map.of("task", "segment"))).report();
    assertThat(whats(report))
        .containsExactly("polygon clipped to the image", "polygon parts joined");
    List<String> lines = labels(out).lines().toList();
    // (6,2)-(14,6) crosses x = 10 at y = 4; (14,6)-(6,10) at y = 8.
    assertThat(lines.get(0))
        .isEqualTo("0 0.600000 0.200000 1.000000 0.400000 1.000000 0.800000 0.600000 1.000000");
    // Nearest vertices: (2,0) of the first and (5,0) of the second; the first is walked from there
    // around, then the second whole.
    assertThat(lines.get(1))
        .isEqualTo(
            "1 0.200000 0.000000 0.200000 0.200000 0.000000 0.000000 0.200000 0.000000"
                + " 0.500000 0.000000 0.700000 0.000000 0.700000 0.200000 0.500000 0.000000");
    assertThat(lines.get(2))
        .isEqualTo("1 0.100000 0.100000 0.300000 0.100000 0.300000 0.300000 0.100000 0.300000");
  }

  /** Obb writes the corners of a turned box in Box's order; corners off the image are clamped. */
  @Test
  void obbWritesCorners() {
    Dataset data =
        dataset(
            100,
            100,
            result("1", "box", new BoxValue("cat", new Box(30, 45, 40, 10, 90))),
            result("2", "box", new BoxValue("dog", Box.of(90, 90, 20, 20))));
    Path out = dir.resolve("out");
    ConversionReport report =
        writeYolo(data, out, FormatOptions.of(Map.of("task", "obb"))).report();
    List<String> lines = labels(out).lines().toList();
    assertThat(lines.get(0))
        .isEqualTo("0 0.550000 0.300000 0.550000 0.700000 0.450000 0.700000 0.450000 0.300000");
    assertThat(lines.get(1))
        .isEqualTo("1 0.900000 0.900000 1.000000 0.900000 1.000000 1.000000 0.900000 1.000000");
    assertThat(whats(report)).containsExactly("box clipped to the image");
  }

  /**
   * Pose writes kpt_shape [K, 3]; keypoints outside the image are written absent and reported; an
   * object without a box gets the bounds of its labeled keypoints inside the image (2..4 x 2..6).
   */
  @Test
  void poseWritesKeypoints() {
    Schema schema =
        Schema.of(
            "pose",
            Field.builder("box", FieldKind.BOX).labels("person").build(),
            Field.builder("keypoints", FieldKind.KEYPOINTS)
                .labels("person")
                .skeleton(
                    new Skeleton(List.of("a", "b", "c"), List.of(new Skeleton.Edge("a", "b"))))
                .build());
    ImageItem image = new ImageItem("p.jpg", URI.create("p.jpg"), 10, 10);
    Annotation annotation =
        Annotation.builder("x", "p.jpg", "ann")
            .result(
                "7/keypoints",
                "keypoints",
                new KeypointsValue(
                    "person",
                    List.of(
                        new Keypoint("a", 2, 2, Keypoint.Visibility.VISIBLE),
                        new Keypoint("b", 4, 6, Keypoint.Visibility.OCCLUDED),
                        new Keypoint("c", 12, 6, Keypoint.Visibility.VISIBLE))))
            .build();
    Dataset data = Dataset.builder(schema).item(image).annotation(annotation).build();
    Path out = dir.resolve("out");
    ConversionReport report =
        writeYolo(data, out, FormatOptions.of(Map.of("task", "pose"))).report();
    assertThat(read(out.resolve("labels/p.txt")))
        .isEqualTo(
            "0 0.300000 0.400000 0.200000 0.400000 0.200000 0.200000 2 0.400000 0.600000 1"
                + " 0.000000 0.000000 0\n");
    assertThat(whats(report)).containsExactly("box made from keypoints", "keypoint dropped");
    assertThat(read(out.resolve("data.yaml")))
        .contains("kpt_shape: [3, 3]")
        .contains("kpt_names:\n  0:\n    - \"a\"\n    - \"b\"\n    - \"c\"\n");
    Dataset back =
        YoloFiles.read(
            out,
            FormatOptions.none()
                .withImages(dir.resolve("none"))
                .withSizes(YoloFiles.sizes(dir, Map.of("p.jpg", new int[] {10, 10}))));
    assertThat(back.schema().field("keypoints").orElseThrow().skeleton().orElseThrow().points())
        .containsExactly("a", "b", "c");
  }

  /** An annotator other than that of the newest annotation is dropped, and so reported. */
  @Test
  void keepsOneAnnotatorPerImage() {
    ImageItem image = new ImageItem("a.jpg", URI.create("a.jpg"), 10, 10);
    Annotation older =
        Annotation.builder("old", "a.jpg", "ann1")
            .createdAt(java.time.Instant.parse("2026-01-01T00:00:00Z"))
            .result("1", "box", new BoxValue("cat", Box.of(1, 1, 2, 2)))
            .build();
    Annotation newer =
        Annotation.builder("new", "a.jpg", "ann2")
            .createdAt(java.time.Instant.parse("2026-02-01T00:00:00Z"))
            .result("1", "box", new BoxValue("dog", Box.of(1, 1, 4, 4)))
            .build();
    Dataset data = Dataset.builder(SCHEMA).item(image).annotation(older).annotation(newer).build();
    Path out = dir.resolve("out");
    ConversionContext context = writeYolo(data, out, FormatOptions.none());
    assertThat(read(out.resolve("labels/a.txt")))
        .isEqualTo("1 0.300000 0.300000 0.400000 0.400000\n");
    assertThat(whats(context.report())).containsExactly("annotation dropped");
    assertThat(context.report().losses().get(0).object().annotation()).contains("old");
  }

  /** Points of a polygon exactly on the border are not clipping. */
  @Test
  void borderIsInside() {
    Dataset data =
        dataset(
            4,
            4,
            result(
                "1",
                "polygon",
                new PolygonValue(
                    "cat",
                    Polygon.of(List.of(new Point(0, 0), new Point(4, 0), new Point(4, 4))))));
    ConversionReport report =
        writeYolo(data, dir.resolve("out"), FormatOptions.of(Map.of("task", "segment"))).report();
    assertThat(report.lossless()).isTrue();
  }
}
