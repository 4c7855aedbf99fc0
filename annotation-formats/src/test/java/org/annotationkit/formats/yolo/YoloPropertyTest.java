package org.annotationkit.formats.yolo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.annotationkit.core.annotation.Annotation;
import org.annotationkit.core.annotation.BoxValue;
import org.annotationkit.core.annotation.KeypointsValue;
import org.annotationkit.core.annotation.PolygonValue;
import org.annotationkit.core.annotation.Result;
import org.annotationkit.core.dataset.Dataset;
import org.annotationkit.core.geometry.Box;
import org.annotationkit.core.geometry.Keypoint;
import org.annotationkit.core.geometry.Point;
import org.annotationkit.core.geometry.Polygon;
import org.annotationkit.core.item.ImageItem;
import org.annotationkit.core.item.Item;
import org.annotationkit.core.schema.Field;
import org.annotationkit.core.schema.FieldKind;
import org.annotationkit.core.schema.Schema;
import org.annotationkit.core.schema.Skeleton;
import org.annotationkit.formats.ConversionReport;
import org.annotationkit.formats.FormatOptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Seeded write-then-read: a generated dataset of shapes inside their images, written as YOLO in
 * each task and read back with a sizes table, gives the same images and the same shapes, each
 * coordinate within one unit of the sixth decimal of the image's size; nothing is reported lost;
 * and writing what was read gives the same files byte for byte. The seed is in the test's name
 * (override the base with -Dannotationkit.seed=N).
 */
class YoloPropertyTest {
  private static final String[] LABELS = {"cat", "dog", "person", "car"};
  private static final List<String> POINTS = List.of("a", "b", "c", "d");

  @TempDir Path dir;

  static Stream<Object[]> cases() {
    long base = Long.getLong("annotationkit.seed", 20261204L);
    return LongStream.range(base, base + 12)
        .boxed()
        .flatMap(seed ->
            Stream.of("detect", "segment", "obb", "pose").map(task -> new Object[] {task, seed}));
  }

  private static Schema schema(String task) {
    List<Field> fields = new ArrayList<>();
    fields.add(
        Field.builder("box", FieldKind.BOX).labels(LABELS).rotatable(task.equals("obb")).build());
    if (task.equals("segment")) {
      fields.add(Field.builder("polygon", FieldKind.POLYGON).labels(LABELS).build());
    }
    if (task.equals("pose")) {
      fields.add(
          Field.builder("keypoints", FieldKind.KEYPOINTS)
              .labels(LABELS)
              .skeleton(new Skeleton(POINTS, List.of()))
              .build());
    }
    return new Schema("gen", fields, java.util.Optional.empty());
  }

  static Dataset generate(String task, SplittableRandom random) {
    Dataset.Builder dataset = Dataset.builder(schema(task));
    int images = 1 + random.nextInt(5);
    for (int i = 0; i < images; i++) {
      String folder = random.nextBoolean() ? "" : random.nextBoolean() ? "train/" : "val/";
      String name = String.format("%simg-%03d.%s", folder, i, random.nextBoolean() ? "jpg" : "png");
      int width = 1 + random.nextInt(2000);
      int height = 1 + random.nextInt(2000);
      dataset.item(new ImageItem(name, URI.create(name), width, height));
      int objects = random.nextInt(5);
      if (objects == 0) {
        continue;
      }
      Annotation.Builder annotation = Annotation.builder(name, name, "gen");
      for (int k = 1; k <= objects; k++) {
        String label = LABELS[random.nextInt(LABELS.length)];
        switch (task) {
          case "detect" ->
              annotation.result(
                  String.valueOf(k), "box", new BoxValue(label, box(random, width, height)));
          case "segment" -> {
            int n = 3 + random.nextInt(8);
            double[] xy = new double[2 * n];
            for (int p = 0; p < n; p++) {
              xy[2 * p] = random.nextDouble() * width;
              xy[2 * p + 1] = random.nextDouble() * height;
            }
            annotation.result(
                String.valueOf(k), "polygon", new PolygonValue(label, Polygon.of(xy)));
          }
          case "obb" -> {
            double m = Math.min(width, height);
            double w = m / 3 * (0.05 + 0.95 * random.nextDouble());
            double h = m / 3 * (0.05 + 0.95 * random.nextDouble());
            double r = Math.hypot(w, h) / 2;
            double cx = r + random.nextDouble() * (width - 2 * r);
            double cy = r + random.nextDouble() * (height - 2 * r);
            double rotation = random.nextDouble() * 360 - 180;
            annotation.result(
                String.valueOf(k),
                "box",
                new BoxValue(label, new Box(cx - w / 2, cy - h / 2, w, h, rotation)));
          }
          default -> {
            annotation.result(k + "/box", "box", new BoxValue(label, box(random, width, height)));
            List<Keypoint> points = new ArrayList<>();
            for (String point : POINTS) {
              int flag = random.nextInt(3);
              points.add(
                  flag == 0
                      ? new Keypoint(point, 0, 0, Keypoint.Visibility.NOT_LABELED)
                      : new Keypoint(
                          point,
                          random.nextDouble() * width,
                          random.nextDouble() * height,
                          Keypoint.Visibility.ofCocoFlag(flag)));
            }
            annotation.result(k + "/keypoints", "keypoints", new KeypointsValue(label, points));
          }
        }
      }
      dataset.annotation(annotation.build());
    }
    return dataset.build();
  }

  /** A box inside the image, at least a pixel (or the image) wide and high. */
  private static Box box(SplittableRandom random, int width, int height) {
    double w = Math.min(width, 1 + random.nextDouble() * (width - 1));
    double h = Math.min(height, 1 + random.nextDouble() * (height - 1));
    double x = random.nextDouble() * (width - w);
    double y = random.nextDouble() * (height - h);
    return Box.of(x, y, w, h);
  }

  private Path sizes(Dataset dataset) {
    StringBuilder csv = new StringBuilder("file_name,width,height\n");
    for (Item item : dataset.items()) {
      ImageItem image = (ImageItem) item;
      csv.append(image.id()).append(',').append(image.width()).append(',').append(image.height());
      csv.append('\n');
    }
    return YoloFiles.write(dir, "sizes.csv", csv.toString());
  }

  private static Map<String, String> files(Path root) {
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(Files::isRegularFile)
          .collect(
              Collectors.toMap(
                  p -> root.relativize(p).toString(),
                  YoloFiles::read,
                  (a, b) -> a,
                  LinkedHashMap::new));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @ParameterizedTest(name = "{0} seed {1}")
  @MethodSource("cases")
  void writeThenReadGivesTheShapes(String task, long seed) {
    Dataset written = generate(task, new SplittableRandom(seed));
    Path out = dir.resolve("out");
    FormatOptions options = FormatOptions.of(Map.of("task", task));
    ConversionReport report = YoloFiles.writeYolo(written, out, options).report();
    assertThat(report.losses()).isEmpty();
    Path sizes = sizes(written);
    Dataset read = YoloFiles.read(out, options.withSizes(sizes));
    assertThat(read.items())
        .containsExactlyInAnyOrderElementsOf(
            written.items().stream()
                .map(i -> (ImageItem) i)
                .map(i -> new ImageItem(i.id(), URI.create(i.id()), i.width(), i.height()))
                .toList());
    for (Item item : written.items()) {
      ImageItem image = (ImageItem) item;
      double tolerance = 2e-6 * Math.max(image.width(), image.height()) + 1e-9;
      List<Result> expected =
          written.annotationsOf(image.id()).stream().flatMap(a -> a.results().stream()).toList();
      List<Result> actual =
          read.annotationsOf(image.id()).stream().flatMap(a -> a.results().stream()).toList();
      assertThat(actual).hasSameSizeAs(expected);
      for (int i = 0; i < expected.size(); i++) {
        assertSame(expected.get(i), actual.get(i), tolerance);
      }
    }
    // Writing what was read gives the same files; for obb, a rectangle is fitted to the rounded
    // corners (rounded on a grid that is finer across the image's shorter side), so its corners
    // may move by a few units of the last decimal.
    Path again = dir.resolve("again");
    ConversionReport second = YoloFiles.writeYolo(read, again, options).report();
    assertThat(second.losses()).isEmpty();
    Map<String, String> first = files(out);
    Map<String, String> twice = files(again);
    assertThat(twice.keySet()).isEqualTo(first.keySet());
    for (String name : first.keySet()) {
      if (!task.equals("obb") || !name.endsWith(".txt")) {
        assertThat(twice.get(name)).as(name).isEqualTo(first.get(name));
        continue;
      }
      List<String> a = java.util.Objects.requireNonNull(first.get(name)).lines().toList();
      List<String> b = java.util.Objects.requireNonNull(twice.get(name)).lines().toList();
      assertThat(b).hasSameSizeAs(a);
      for (int i = 0; i < a.size(); i++) {
        String[] x = a.get(i).split(" ", -1);
        String[] y = b.get(i).split(" ", -1);
        assertThat(y[0]).isEqualTo(x[0]);
        for (int k = 1; k < x.length; k++) {
          assertThat(Double.parseDouble(y[k])).isCloseTo(Double.parseDouble(x[k]), within(5e-6));
        }
      }
    }
  }

  private static void assertSame(Result expected, Result actual, double tolerance) {
    switch (expected.value()) {
      case BoxValue e -> {
        BoxValue a = (BoxValue) actual.value();
        assertThat(a.label()).isEqualTo(e.label());
        assertPoints(e.box().corners(), a.box().corners(), tolerance);
      }
      case PolygonValue e -> {
        PolygonValue a = (PolygonValue) actual.value();
        assertThat(a.label()).isEqualTo(e.label());
        assertPoints(e.polygon().exterior(), a.polygon().exterior(), tolerance);
      }
      case KeypointsValue e -> {
        KeypointsValue a = (KeypointsValue) actual.value();
        assertThat(a.label()).isEqualTo(e.label());
        assertThat(a.points())
            .extracting(Keypoint::visibility)
            .containsExactlyElementsOf(e.points().stream().map(Keypoint::visibility).toList());
        assertPoints(
            e.points().stream().map(k -> new Point(k.x(), k.y())).toList(),
            a.points().stream().map(k -> new Point(k.x(), k.y())).toList(),
            tolerance);
      }
      default -> throw new AssertionError("unexpected " + expected);
    }
  }

  private static void assertPoints(List<Point> expected, List<Point> actual, double tolerance) {
    assertThat(actual).hasSameSizeAs(expected);
    for (int i = 0; i < expected.size(); i++) {
      assertThat(actual.get(i).x()).isCloseTo(expected.get(i).x(), within(tolerance));
      assertThat(actual.get(i).y()).isCloseTo(expected.get(i).y(), within(tolerance));
    }
  }
}
