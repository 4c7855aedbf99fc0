package org.annotationkit.formats.labelstudio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.annotationkit.core.annotation.Annotation;
import org.annotationkit.core.annotation.BoxValue;
import org.annotationkit.core.annotation.ChoiceValue;
import org.annotationkit.core.annotation.KeypointsValue;
import org.annotationkit.core.annotation.MaskValue;
import org.annotationkit.core.annotation.MultipleChoiceValue;
import org.annotationkit.core.annotation.Origin;
import org.annotationkit.core.annotation.PolygonValue;
import org.annotationkit.core.dataset.Dataset;
import org.annotationkit.core.dataset.DatasetSource;
import org.annotationkit.core.geometry.Box;
import org.annotationkit.core.geometry.Point;
import org.annotationkit.core.item.ImageItem;
import org.annotationkit.core.schema.Field;
import org.annotationkit.core.schema.FieldKind;
import org.annotationkit.formats.ConversionContext;
import org.annotationkit.formats.ConversionReport;
import org.annotationkit.formats.FormatOptions;
import org.annotationkit.formats.Loss;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading Label Studio exports: the fixtures, and hand-written tasks with hand-computed pixels. */
class LabelStudioReadTest {
  @TempDir Path dir;

  record Read(Dataset dataset, ConversionReport report) {}

  static Read read(Path file, FormatOptions options) {
    ConversionContext context = ConversionContext.of(options);
    try (DatasetSource source =
        new LabelStudioFormat().reader().orElseThrow().open(file, context)) {
      return new Read(Dataset.of(source), context.report());
    }
  }

  Path fixture(String name) throws IOException {
    Path file = dir.resolve(name);
    try (InputStream in =
        Objects.requireNonNull(LabelStudioReadTest.class.getResourceAsStream(name), name)) {
      Files.copy(in, file);
    }
    return file;
  }

  Path file(String name, String json) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, json, StandardCharsets.UTF_8);
    return file;
  }

  private static List<String> whats(ConversionReport report) {
    return report.losses().stream().map(Loss::what).toList();
  }

  @Test
  void rotatedBoxesOfTheFixtureKeepTheirCornersInPixelSpace() throws IOException {
    Path config = fixture("label_config_obb.xml");
    Read read =
        read(fixture("data_obb.json"), FormatOptions.of(Map.of("config", config.toString())));
    Dataset dataset = read.dataset();
    assertThat(dataset.items()).hasSize(3);
    assertThat(dataset.annotations()).hasSize(3);
    assertThat(dataset.annotations().stream().mapToInt(a -> a.results().size()).sum())
        .isEqualTo(25);
    ImageItem first = (ImageItem) dataset.items().get(0);
    assertThat(first.id()).isEqualTo("10959");
    assertThat(first.uri().toString()).isEqualTo("/image1");
    assertThat(first.width()).isEqualTo(597);
    assertThat(first.height()).isEqualTo(768);
    // The config has "butterfly"; the results say "Butterfly": added after it, and reported.
    Field field = dataset.schema().field("label").orElseThrow();
    assertThat(field.kind()).isEqualTo(FieldKind.BOX);
    assertThat(field.rotatable()).isTrue();
    assertThat(field.labels().all().stream().map(l -> l.name()).toList())
        .containsExactly("butterfly", "Butterfly");
    assertThat(whats(read.report())).containsExactly("label not in the labeling config");

    Annotation annotation = dataset.annotationsOf("10959").get(0);
    assertThat(annotation.id()).isEqualTo("1552");
    assertThat(annotation.annotatorId()).isEqualTo("1");
    assertThat(annotation.createdAt()).contains(Instant.parse("2024-05-07T12:34:36.829143Z"));
    assertThat(annotation.leadTimeSeconds()).hasValue(831.874);
    BoxValue box = (BoxValue) annotation.results().get(0).value();
    assertThat(annotation.results().get(0).id()).isEqualTo("veUGPaahTw");
    assertThat(box.label()).isEqualTo("Butterfly");
    assertThat(box.box().rotation()).isEqualTo(328.33240366032834);
    // Corners computed apart (Python, math.cos/sin) from the result: pixel = percent / 100 * size,
    // then rotated about the top-left corner (x, y) in pixels: (x, y), (x + w cos, y + w sin),
    // (x + w cos - h sin, y + w sin + h cos), (x - h sin, y + h cos).
    double[][] expected = {
      {62.90628858648699, 611.0029585965383},
      {159.67852496484258, 551.3107868016947},
      {192.4682536492124, 604.4691035393023},
      {95.69601727085679, 664.1612753341459}
    };
    List<Point> corners = box.box().corners();
    for (int i = 0; i < 4; i++) {
      assertThat(corners.get(i).x()).as("corner %d x", i).isCloseTo(expected[i][0], within(1e-9));
      assertThat(corners.get(i).y()).as("corner %d y", i).isCloseTo(expected[i][1], within(1e-9));
    }
  }

  @Test
  void withoutAConfigTheSchemaComesFromTheResultsInFirstSeenOrder() throws IOException {
    Read read = read(fixture("data_obb.json"), FormatOptions.none());
    Field field = read.dataset().schema().field("label").orElseThrow();
    assertThat(field.labels().all().stream().map(l -> l.name()).toList())
        .containsExactly("Butterfly", "butterfly");
    assertThat(read.report().losses()).isEmpty();
  }

  @Test
  void polygonsOfTheFixtureInPixels() throws IOException {
    Path config = fixture("label_config_polygons.xml");
    Read read =
        read(fixture("data_polygons.json"), FormatOptions.of(Map.of("config", config.toString())));
    Field field = read.dataset().schema().fields().get(0);
    assertThat(field.name()).isEqualTo("label");
    assertThat(field.kind()).isEqualTo(FieldKind.POLYGON);
    assertThat(field.labels().all().stream().map(l -> l.name()).toList())
        .containsExactly("Airplane", "Car");
    PolygonValue polygon =
        (PolygonValue) read.dataset().annotations().get(0).results().get(0).value();
    assertThat(polygon.label()).isEqualTo("Airplane");
    List<Point> points = polygon.polygon().exterior();
    assertThat(points).hasSize(37);
    // 60 % of 640 and 19.55922865013774 % of 426; the last point likewise (Python).
    assertThat(points.get(0).x()).isCloseTo(384.0, within(1e-9));
    assertThat(points.get(0).y()).isCloseTo(83.32231404958677, within(1e-9));
    assertThat(points.get(36).x()).isCloseTo(392.2201834862385, within(1e-9));
    assertThat(points.get(36).y()).isCloseTo(90.36363636363636, within(1e-9));
    assertThat(read.report().losses()).isEmpty();
  }

  private static String task(String id, String annotations, String predictions) {
    return "{\"id\": "
        + id
        + ", \"data\": {\"image\": \"/data/upload/1/img "
        + id
        + ".jpg\", \"site\": \"north\", \"n\": 3}, \"annotations\": ["
        + annotations
        + "], \"predictions\": ["
        + predictions
        + "]}";
  }

  private static String rect(String id, double x, double y, double w, double h, double rotation) {
    return "{\"id\": \""
        + id
        + "\", \"type\": \"rectanglelabels\", \"from_name\": \"box\", \"to_name\": \"image\","
        + " \"original_width\": 200, \"original_height\": 100, \"value\": {\"x\": "
        + x
        + ", \"y\": "
        + y
        + ", \"width\": "
        + w
        + ", \"height\": "
        + h
        + ", \"rotation\": "
        + rotation
        + ", \"rectanglelabels\": [\"car\"]}}";
  }

  @Test
  void rotationIsAboutTheTopLeftCornerInPixelSpace() throws IOException {
    // 200 x 100 image; x 10 %, y 20 %, w 30 %, h 40 % = (20, 20) 60 x 40 px.
    // By hand, 90 degrees clockwise about (20, 20): corners (20, 20), (20, 80), (-20, 80),
    // (-20, 20); centre (0, 50), so core's box is x = -30, y = 30, 60 x 40, rotation 90.
    // 30 degrees: cos = sqrt(3)/2, sin = 1/2: (20, 20), (20 + 30 sqrt 3, 50) = (71.961524, 50),
    // (71.961524 - 20, 50 + 20 sqrt 3) = (51.961524, 84.641016), (0, 20 + 20 sqrt 3) =
    // (0, 54.641016).
    // In percent space (the bug of Label Studio's COCO export) the 90-degree box would have its
    // corner at (20 - 40 * 200/100, ...), another shape.
    String json =
        "["
            + task(
                "1",
                "{\"id\": 11, \"completed_by\": 5, \"result\": ["
                    + rect("a", 10, 20, 30, 40, 90)
                    + ", "
                    + rect("b", 10, 20, 30, 40, 30)
                    + ", "
                    + rect("c", 10, 20, 30, 40, 0)
                    + ", "
                    + rect("d", 40, 60, -30, -40, 0)
                    + "]}",
                "")
            + "]";
    Read read = read(file("rot.json", json), FormatOptions.none());
    List<org.annotationkit.core.annotation.Result> results =
        read.dataset().annotations().get(0).results();
    Box ninety = ((BoxValue) results.get(0).value()).box();
    assertThat(ninety.x()).isCloseTo(-30, within(1e-12));
    assertThat(ninety.y()).isCloseTo(30, within(1e-12));
    assertThat(ninety.width()).isCloseTo(60, within(1e-12));
    assertThat(ninety.height()).isCloseTo(40, within(1e-12));
    assertThat(ninety.rotation()).isEqualTo(90);
    assertCorners(ninety, 20, 20, 20, 80, -20, 80, -20, 20);
    double r3 = Math.sqrt(3);
    assertCorners(
        ((BoxValue) results.get(1).value()).box(),
        20,
        20,
        20 + 30 * r3,
        50,
        30 * r3,
        50 + 20 * r3,
        0,
        20 + 20 * r3);
    assertThat(((BoxValue) results.get(2).value()).box()).isEqualTo(Box.of(20, 20, 60, 40));
    // Drawn leftwards and upwards from (80, 60): the same rectangle as c, reported.
    assertThat(((BoxValue) results.get(3).value()).box()).isEqualTo(Box.of(20, 20, 60, 40));
    assertThat(whats(read.report())).containsExactly("negative box size normalised");
  }

  private static void assertCorners(Box box, double... xy) {
    List<Point> corners = box.corners();
    for (int i = 0; i < 4; i++) {
      assertThat(corners.get(i).x()).as("corner %d x", i).isCloseTo(xy[2 * i], within(1e-9));
      assertThat(corners.get(i).y()).as("corner %d y", i).isCloseTo(xy[2 * i + 1], within(1e-9));
    }
  }

  @Test
  void annotatorsStayApartCancelledNeverCountsPredictionsAreModels() throws IOException {
    String json =
        "["
            + task(
                "7",
                "{\"id\": 1, \"completed_by\": 5, \"created_at\": \"2024-01-02T03:04:05+01:00\","
                    + " \"result\": ["
                    + rect("a", 10, 20, 30, 40, 0)
                    + "]}, {\"id\": 2, \"completed_by\": {\"id\": 9, \"email\": \"bo@example.org\"},"
                    + " \"result\": [{\"id\": \"s\", \"type\": \"choices\", \"from_name\": \"scene\","
                    + " \"to_name\": \"image\", \"value\": {\"choices\": [\"day\"]}}]},"
                    + " {\"id\": 3, \"completed_by\": 6, \"was_cancelled\": true, \"result\": ["
                    + rect("z", 1, 2, 3, 4, 0).replace("car", "truck")
                    + "]}",
                "{\"id\": 1, \"model_version\": \"yolo-v8\", \"score\": 0.75, \"result\": ["
                    + rect("p", 10, 20, 30, 40, 0).replace("}}", "}, \"score\": 0.5}")
                    + "]}")
            + "]";
    Read read = read(file("people.json", json), FormatOptions.none());
    Dataset dataset = read.dataset();
    assertThat(dataset.annotatorIds()).containsExactly("5", "bo@example.org", "yolo-v8");
    assertThat(dataset.annotations().stream().map(Annotation::id))
        .containsExactly("1", "2", "prediction-1");
    assertThat(dataset.annotation("1").orElseThrow().createdAt())
        .contains(Instant.parse("2024-01-02T02:04:05Z"));
    Annotation prediction = dataset.annotation("prediction-1").orElseThrow();
    assertThat(prediction.origin())
        .isEqualTo(new Origin.Model("yolo-v8", "yolo-v8", java.util.OptionalDouble.of(0.75)));
    assertThat(prediction.results().get(0).score()).hasValue(0.5);
    // The cancelled annotation's label never reaches the schema.
    assertThat(dataset.schema().field("box").orElseThrow().labels().contains("truck")).isFalse();
    assertThat(dataset.schema().field("scene").orElseThrow().kind())
        .isEqualTo(FieldKind.SINGLE_CHOICE);
    assertThat(dataset.annotation("2").orElseThrow().results().get(0).value())
        .isEqualTo(new ChoiceValue("day"));
    assertThat(whats(read.report())).containsExactly("cancelled annotation skipped");
    assertThat(read.report().losses().get(0).object().annotation()).contains("3");
    ImageItem item = (ImageItem) dataset.items().get(0);
    assertThat(item.uri().toString()).isEqualTo("/data/upload/1/img%207.jpg");
    assertThat(item.metadata()).isEqualTo(Map.of("site", "north", "n", "3"));
  }

  @Test
  void keypointsBrushesAndMultipleChoices() throws IOException {
    int[] stream =
        BrushRle.fromMask(
            org.annotationkit.core.geometry.RleMask.fromBitmap(
                2, 3, new boolean[] {true, false, false, false, true, true}));
    StringBuilder rle = new StringBuilder();
    for (int b : stream) {
      rle.append(rle.isEmpty() ? "" : ",").append(b);
    }
    String json =
        "[{\"id\": 1, \"data\": {\"image\": \"a.png\"}, \"annotations\": [{\"id\": 1,"
            + " \"completed_by\": 1, \"result\": ["
            + "{\"id\": \"k\", \"type\": \"keypointlabels\", \"from_name\": \"kp\", \"to_name\":"
            + " \"image\", \"original_width\": 3, \"original_height\": 2, \"value\": {\"x\": 50,"
            + " \"y\": 25, \"width\": 1.5, \"keypointlabels\": [\"nose\"]}},"
            + "{\"id\": \"m\", \"type\": \"brushlabels\", \"from_name\": \"paint\", \"to_name\":"
            + " \"image\", \"original_width\": 3, \"original_height\": 2, \"value\": {\"format\":"
            + " \"rle\", \"rle\": ["
            + rle
            + "], \"brushlabels\": [\"road\"]}},"
            + "{\"id\": \"t\", \"type\": \"choices\", \"from_name\": \"tags\", \"to_name\":"
            + " \"image\", \"value\": {\"choices\": [\"wet\", \"dark\"]}}]}]}]";
    Read read = read(file("mixed.json", json), FormatOptions.none());
    List<org.annotationkit.core.annotation.Result> results =
        read.dataset().annotations().get(0).results();
    KeypointsValue keypoint = (KeypointsValue) results.get(0).value();
    assertThat(keypoint.label()).isEqualTo("nose");
    assertThat(keypoint.points().get(0).x()).isEqualTo(1.5);
    assertThat(keypoint.points().get(0).y()).isEqualTo(0.5);
    MaskValue mask = (MaskValue) results.get(1).value();
    assertThat(mask.mask().toBitmap()).containsExactly(true, false, false, false, true, true);
    assertThat(results.get(2).value()).isEqualTo(MultipleChoiceValue.of("wet", "dark"));
    assertThat(read.dataset().schema().field("tags").orElseThrow().kind())
        .isEqualTo(FieldKind.MULTIPLE_CHOICE);
    assertThat(read.dataset().schema().field("kp").orElseThrow().skeleton().orElseThrow().points())
        .containsExactly("nose");
    assertThat(read.report().losses()).isEmpty();
  }

  @Test
  void aControlThatCannotRotateGetsTheHullReported() throws IOException {
    Path config =
        file(
            "config.xml",
            "<View><Image name=\"image\" value=\"$image\"/>"
                + "<RectangleLabels name=\"box\" toName=\"image\" canRotate=\"false\">"
                + "<Label value=\"car\"/></RectangleLabels></View>");
    String json =
        "["
            + task(
                "1",
                "{\"id\": 1, \"completed_by\": 1, \"result\": ["
                    + rect("a", 10, 20, 30, 40, 90)
                    + "]}",
                "")
            + "]";
    Read read = read(file("r.json", json), FormatOptions.of(Map.of("config", config.toString())));
    Box box = ((BoxValue) read.dataset().annotations().get(0).results().get(0).value()).box();
    assertThat(box.rotation()).isEqualTo(0);
    assertThat(box.x()).isCloseTo(-20, within(1e-12));
    assertThat(box.y()).isCloseTo(20, within(1e-12));
    assertThat(box.width()).isCloseTo(40, within(1e-12));
    assertThat(box.height()).isCloseTo(60, within(1e-12));
    assertThat(whats(read.report())).containsExactly("rotation dropped");
  }

  @Test
  void tasksWithoutASizeTakeItFromTheSizesTableOrAreSkipped() throws IOException {
    String json =
        "["
            + task("1", "", "")
            + ", "
            + task("2", "", "")
            + ", "
            + task(
                "3",
                "{\"id\": 1, \"completed_by\": 1, \"result\": ["
                    + rect("a", 10, 20, 30, 40, 0)
                    + "]}",
                "")
            + "]";
    Path sizes = file("sizes.csv", "file_name,width,height\nimg 1.jpg,640,480\n");
    Read read = read(file("s.json", json), FormatOptions.none().withSizes(sizes));
    assertThat(read.dataset().items().stream().map(i -> i.id())).containsExactly("1", "3");
    assertThat(((ImageItem) read.dataset().items().get(0)).width()).isEqualTo(640);
    assertThat(whats(read.report())).containsExactly("task skipped");
    assertThat(read.report().losses().get(0).object().image()).contains("2");
  }
}
