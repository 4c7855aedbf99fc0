package org.annotationkit.formats.yolo;

import static org.annotationkit.formats.yolo.YoloFiles.read;
import static org.annotationkit.formats.yolo.YoloFiles.sizes;
import static org.annotationkit.formats.yolo.YoloFiles.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.annotationkit.core.annotation.Annotation;
import org.annotationkit.core.annotation.BoxValue;
import org.annotationkit.core.annotation.KeypointsValue;
import org.annotationkit.core.annotation.PolygonValue;
import org.annotationkit.core.annotation.Result;
import org.annotationkit.core.dataset.Dataset;
import org.annotationkit.core.geometry.Box;
import org.annotationkit.core.geometry.Keypoint;
import org.annotationkit.core.geometry.Point;
import org.annotationkit.core.item.ImageItem;
import org.annotationkit.core.schema.Field;
import org.annotationkit.formats.Format;
import org.annotationkit.formats.FormatOptions;
import org.annotationkit.formats.Formats;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading published YOLO examples and the layouts of Ultralytics and Darknet. */
class YoloReadTest {
  @TempDir Path dir;

  private static Path resource(String name) {
    try {
      return Path.of(YoloReadTest.class.getResource(name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<Result> results(Dataset dataset, String image) {
    List<Annotation> annotations = dataset.annotationsOf(image);
    assertThat(annotations).hasSize(1);
    return annotations.get(0).results();
  }

  private static void assertBox(
      Result result, String label, double x, double y, double w, double h) {
    BoxValue box = (BoxValue) result.value();
    assertThat(box.label()).isEqualTo(label);
    assertThat(box.box().x()).isCloseTo(x, within(1e-4));
    assertThat(box.box().y()).isCloseTo(y, within(1e-4));
    assertThat(box.box().width()).isCloseTo(w, within(1e-4));
    assertThat(box.box().height()).isCloseTo(h, within(1e-4));
  }

  /**
   * datumaro's strict Darknet asset (tests/assets/yolo_dataset/strict, commit 3d533b9c): its test
   * {@code test_can_import} expects, on a 15 x 10 image, the boxes (0, 2, 4, 2) of label_2 and (3,
   * 3, 2, 3) of label_4, with the classes label_0 to label_9 of obj.names.
   */
  @Test
  void readsDatumaroDarknetAsset() {
    Path sizes = sizes(dir, Map.of("obj_train_data/1.jpg", new int[] {15, 10}));
    Dataset dataset = read(resource("darknet"), FormatOptions.none().withSizes(sizes));
    Field boxes = dataset.schema().field(YoloFormat.BOX).orElseThrow();
    assertThat(boxes.labels().roots()).hasSize(10);
    assertThat(boxes.labels().roots().get(9).name()).isEqualTo("label_9");
    assertThat(dataset.items()).hasSize(1);
    ImageItem image = (ImageItem) dataset.items().get(0);
    assertThat(image.id()).isEqualTo("obj_train_data/1.jpg");
    List<Result> results = results(dataset, image.id());
    assertThat(results).hasSize(2);
    assertBox(results.get(0), "label_2", 0, 2, 4, 2);
    assertBox(results.get(1), "label_4", 3, 3, 2, 3);
    assertThat(results.get(0).id()).isEqualTo("1");
    assertThat(results.get(1).id()).isEqualTo("2");
  }

  /**
   * The segmentation example of the Ultralytics docs (docs.ultralytics.com/datasets/segment, "an
   * example of the YOLO dataset format for a single image with two objects made up of a 3-point
   * segment and a 5-point segment"), on a 1000 x 500 image: each point is the value times the size.
   */
  @Test
  void readsUltralyticsSegmentationExample() {
    Path root = dir.resolve("seg");
    write(root, "data.yaml", "train: images/train\nval: images/train\nnames: [person, car]\n");
    write(
        root,
        "labels/train/a.txt",
        "0 0.681 0.485 0.670 0.487 0.676 0.487\n"
            + "1 0.504 0.000 0.501 0.004 0.498 0.004 0.493 0.010 0.492 0.0104\n");
    Path sizes = sizes(dir, Map.of("train/a.jpg", new int[] {1000, 500}));
    Dataset dataset = read(root, FormatOptions.none().withSizes(sizes));
    List<Result> results = results(dataset, "train/a.jpg");
    PolygonValue first = (PolygonValue) results.get(0).value();
    assertThat(first.label()).isEqualTo("person");
    assertThat(first.polygon().exterior()).hasSize(3);
    assertThat(first.polygon().exterior().get(0).x()).isCloseTo(681, within(1e-9));
    assertThat(first.polygon().exterior().get(0).y()).isCloseTo(242.5, within(1e-9));
    PolygonValue second = (PolygonValue) results.get(1).value();
    assertThat(second.label()).isEqualTo("car");
    assertThat(second.polygon().exterior()).hasSize(5);
    assertThat(second.polygon().exterior().get(4)).isEqualTo(new Point(492, 5.2));
    assertThat(results.get(0).field()).isEqualTo(YoloFormat.POLYGON);
  }

  /**
   * The OBB example of the Ultralytics docs (docs.ultralytics.com/datasets/obb): its four corners
   * are not a rectangle at any image size (the top and bottom edges differ in height by 0.000483 of
   * the image), so it is kept as a quadrilateral; a rectangle's corners read as a rotated box.
   */
  @Test
  void readsObbCornersAsRotatedBoxOrQuadrilateral() {
    Path root = dir.resolve("obb");
    write(root, "data.yaml", "names:\n  0: plane\n  1: ship\n");
    write(
        root,
        "labels/a.txt",
        "0 0.780811 0.743961 0.782371 0.74686 0.777691 0.752174 0.776131 0.749758\n"
            // a 40 x 20 box centred at (50, 50), turned 90 degrees clockwise, on 100 x 100
            + "1 0.6 0.3 0.6 0.7 0.4 0.7 0.4 0.3\n");
    Path sizes = sizes(dir, Map.of("a.png", new int[] {100, 100}));
    Dataset dataset = read(root, FormatOptions.of(Map.of("task", "obb")).withSizes(sizes));
    assertThat(dataset.schema().field(YoloFormat.BOX).orElseThrow().rotatable()).isTrue();
    List<Result> results = results(dataset, "a.png");
    assertThat(results.get(0).value()).isInstanceOf(PolygonValue.class);
    Box box = ((BoxValue) results.get(1).value()).box();
    assertThat(box.rotation()).isCloseTo(90, within(1e-9));
    assertThat(box.width()).isCloseTo(40, within(1e-9));
    assertThat(box.height()).isCloseTo(20, within(1e-9));
    assertThat(box.centerX()).isCloseTo(50, within(1e-9));
    assertThat(box.centerY()).isCloseTo(50, within(1e-9));
    // Box's own corners come back in the file's order: top-left of the unrotated box first.
    assertThat(box.corners().get(0).x()).isCloseTo(60, within(1e-9));
    assertThat(box.corners().get(0).y()).isCloseTo(30, within(1e-9));
  }

  /**
   * A pose file in the layout of Ultralytics' coco8-pose.yaml ({@code kpt_shape: [17, 3]}, {@code
   * flip_idx}), here with 2 keypoints and their names; visibility 0 is "not labeled" as in COCO.
   */
  @Test
  void readsPoseWithKptShapeAndNames() {
    Path root = dir.resolve("pose");
    write(
        root,
        "data.yaml",
        "# Keypoints\n"
            + "kpt_shape: [2, 3] # number of keypoints, number of dims\n"
            + "flip_idx: [1, 0]\n"
            + "names:\n  0: person\n"
            + "kpt_names:\n  0:\n    - left_eye\n    - right_eye\n");
    write(root, "labels/p.txt", "0 0.5 0.5 0.2 0.4 0.45 0.4 2 0 0 0\n");
    Path sizes = sizes(dir, Map.of("p.jpg", new int[] {200, 100}));
    Dataset dataset = read(root, FormatOptions.none().withSizes(sizes));
    Field field = dataset.schema().field(YoloFormat.KEYPOINTS).orElseThrow();
    assertThat(field.skeleton().orElseThrow().points()).containsExactly("left_eye", "right_eye");
    List<Result> results = results(dataset, "p.jpg");
    assertThat(results).extracting(Result::id).containsExactly("1/box", "1/keypoints");
    assertBox(results.get(0), "person", 80, 30, 40, 40);
    KeypointsValue points = (KeypointsValue) results.get(1).value();
    assertThat(points.points())
        .containsExactly(
            new Keypoint("left_eye", 90, 40, Keypoint.Visibility.VISIBLE),
            new Keypoint("right_eye", 0, 0, Keypoint.Visibility.NOT_LABELED));
  }

  /** With kpt_shape [K, 2], a point is absent when x or y is negative (Ultralytics' kpt_mask). */
  @Test
  void readsTwoDimensionalKeypoints() {
    Path root = dir.resolve("pose2");
    write(root, "data.yaml", "kpt_shape: [2, 2]\nnames: {0: hand}\n");
    write(root, "labels/p.txt", "0 0.5 0.5 1 1 0.25 0.75 -1 -1\n");
    Path sizes = sizes(dir, Map.of("p.jpg", new int[] {4, 4}));
    Dataset dataset = read(root, FormatOptions.none().withSizes(sizes));
    KeypointsValue points = (KeypointsValue) results(dataset, "p.jpg").get(1).value();
    assertThat(points.points().get(0))
        .isEqualTo(new Keypoint("0", 1, 3, Keypoint.Visibility.VISIBLE));
    assertThat(points.points().get(1).visibility()).isEqualTo(Keypoint.Visibility.NOT_LABELED);
  }

  /**
   * CRLF, tabs, repeated spaces, blank lines; missing label files and empty ones are background.
   */
  @Test
  void acceptsWhiteSpaceAndBackgroundImages() {
    Path root = dir.resolve("ws");
    write(root, "data.yaml", "names:\n- a\n- b\n");
    write(root, "labels/x.txt", "\r\n1\t0.5  0.5 \t 0.5 0.5\r\n\r\n  0 0.25 0.25 0.5 0.5  \r\n");
    write(root, "labels/empty.txt", "\n\n");
    Path sizes =
        sizes(
            dir,
            Map.of(
                "x.jpg",
                new int[] {8, 4},
                "empty.jpg",
                new int[] {8, 4},
                "none.jpg",
                new int[] {2, 2}));
    Dataset dataset = read(root, FormatOptions.none().withSizes(sizes));
    List<Result> results = results(dataset, "x.jpg");
    assertThat(results).extracting(Result::id).containsExactly("2", "4");
    assertBox(results.get(0), "b", 2, 1, 4, 2);
    assertBox(results.get(1), "a", 0, 0, 4, 2);
    assertThat(dataset.annotationsOf("empty.jpg")).isEmpty();
    assertThat(dataset.items()).extracting(i -> i.id()).containsExactly("empty.jpg", "x.jpg");
  }

  /** The format is found by its name and recognised by its data.yaml. */
  @Test
  void isRegisteredAndDetected() {
    Path root = dir.resolve("detect");
    write(root, "data.yaml", "names: [a]\n");
    write(root, "labels/x.txt", "0 0.5 0.5 0.5 0.5\n");
    Format format = Formats.installed().get("yolo");
    assertThat(format).isInstanceOf(YoloFormat.class);
    assertThat(format.detect(root)).isEqualTo(Format.Detection.CERTAIN);
    Path flat = dir.resolve("flat");
    write(flat, "x.txt", "0 0.5 0.5 0.5 0.5\n");
    assertThat(format.detect(flat)).isEqualTo(Format.Detection.POSSIBLE);
    write(flat, "y.txt", "hello world\n");
    assertThat(format.detect(flat)).isEqualTo(Format.Detection.NO);
  }
}
