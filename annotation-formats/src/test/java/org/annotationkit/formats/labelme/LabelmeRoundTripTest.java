package org.annotationkit.formats.labelme;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.annotationkit.core.annotation.Annotation;
import org.annotationkit.core.annotation.AttributeValue;
import org.annotationkit.core.annotation.BoxValue;
import org.annotationkit.core.annotation.KeypointsValue;
import org.annotationkit.core.annotation.MaskValue;
import org.annotationkit.core.annotation.MultipleChoiceValue;
import org.annotationkit.core.annotation.PolygonValue;
import org.annotationkit.core.annotation.PolylineValue;
import org.annotationkit.core.annotation.Result;
import org.annotationkit.core.annotation.Value;
import org.annotationkit.core.dataset.Dataset;
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
import org.annotationkit.formats.FormatOptions;
import org.annotationkit.formats.canonical.CanonicalFormat;
import org.annotationkit.formats.internal.ImageNames;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Seeded round trips: a generated dataset of everything labelme holds (every shape type, groups,
 * descriptions, shape and image flags, scores, extra keys, masks, images in sub-folders), written
 * as labelme and read back, is the same dataset; through canonical JSON Lines and back, too.
 */
class LabelmeRoundTripTest {
  private static final String[] LABELS = {"cat", "dog", "person", "car/red"};
  private static final String[] TAGS = {"night", "blurry", "indoor"};

  @TempDir Path dir;

  static Stream<Long> seeds() {
    long base = Long.getLong("annotationkit.seed", 20261204L);
    return LongStream.range(base, base + 25).boxed();
  }

  /** Coordinates on a quarter-pixel grid, so that corners and sizes are exact in binary. */
  private static double coordinate(SplittableRandom random, int size) {
    return random.nextInt(-8, 4 * size + 8) / 4.0;
  }

  static Dataset generate(SplittableRandom random) {
    Schema schema =
        Schema.of(
            "gen",
            Field.builder("tags", FieldKind.MULTIPLE_CHOICE).labels(TAGS).build(),
            Field.builder("box", FieldKind.BOX).labels(LABELS).build(),
            Field.builder("polygon", FieldKind.POLYGON).labels(LABELS).build(),
            Field.builder("polyline", FieldKind.POLYLINE).labels(LABELS).build(),
            Field.builder("line", FieldKind.POLYLINE).labels(LABELS).build(),
            Field.builder("keypoints", FieldKind.KEYPOINTS)
                .labels(LABELS)
                .skeleton(LabelmeReader.numbered(4))
                .build(),
            Field.builder("circle", FieldKind.KEYPOINTS)
                .labels(LABELS)
                .skeleton(new Skeleton(List.of("center", "rim"), List.of()))
                .build(),
            Field.builder("mask", FieldKind.MASK).labels(LABELS).build());
    Dataset.Builder dataset = Dataset.builder(schema);
    int images = 1 + random.nextInt(5);
    boolean flagged = random.nextBoolean();
    List<String> names = new ArrayList<>();
    for (int i = 0; i < images; i++) {
      names.add(
          (random.nextInt(3) == 0 ? "sub/" : "")
              + String.format("img-%03d.%s", i, random.nextBoolean() ? "jpg" : "png"));
    }
    names.sort(null); // the reader gives the files in path order
    for (String name : names) {
      int width = 1 + random.nextInt(60);
      int height = 1 + random.nextInt(60);
      dataset.item(
          new ImageItem(
              name,
              ImageNames.relativeUri(name),
              width,
              height,
              Map.of("labelme.version", "5.5.0")));
      List<Result> results = new ArrayList<>();
      if (flagged) {
        List<String> set = new ArrayList<>();
        for (String tag : TAGS) {
          if (random.nextBoolean()) {
            set.add(tag);
          }
        }
        results.add(Result.of("tags", "tags", new MultipleChoiceValue(set)));
      }
      int shapes = random.nextInt(6);
      for (int n = 1; n <= shapes; n++) {
        String label = LABELS[random.nextInt(LABELS.length)];
        Map<String, AttributeValue> attributes = new TreeMap<>();
        String id = Integer.toString(n);
        if (random.nextBoolean()) {
          int group = random.nextInt(3);
          attributes.put("group_id", AttributeValue.of(group));
          id = "g" + group + "-" + label.replace('/', '_') + "/" + n;
        }
        if (random.nextBoolean()) {
          attributes.put("description", AttributeValue.of("note " + random.nextInt(9)));
        }
        if (random.nextBoolean()) {
          attributes.put("flags/verified", AttributeValue.of(random.nextBoolean()));
        }
        if (random.nextInt(4) == 0) {
          attributes.put("visible", AttributeValue.of(random.nextBoolean()));
        }
        OptionalDouble score =
            random.nextInt(4) == 0
                ? OptionalDouble.of(random.nextInt(100) / 100.0)
                : OptionalDouble.empty();
        int kind = random.nextInt(7);
        String field;
        Value value;
        switch (kind) {
          case 0 -> {
            field = "box";
            value =
                new BoxValue(
                    label,
                    Box.of(
                        coordinate(random, width),
                        coordinate(random, height),
                        random.nextInt(4 * width) / 4.0,
                        random.nextInt(4 * height) / 4.0),
                    attributes);
          }
          case 1 -> {
            field = "polygon";
            value =
                new PolygonValue(
                    label,
                    Polygon.of(points(random, 3 + random.nextInt(5), width, height)),
                    attributes);
          }
          case 2 -> {
            field = "polyline";
            value =
                new PolylineValue(
                    label,
                    new Polyline(points(random, 2 + random.nextInt(4), width, height)),
                    attributes);
          }
          case 3 -> {
            field = "line";
            value =
                new PolylineValue(
                    label, new Polyline(points(random, 2, width, height)), attributes);
          }
          case 4 -> {
            field = "keypoints";
            List<Keypoint> keypoints = new ArrayList<>();
            for (Point p : points(random, 1 + random.nextInt(4), width, height)) {
              keypoints.add(
                  new Keypoint(
                      Integer.toString(keypoints.size() + 1),
                      p.x(),
                      p.y(),
                      Keypoint.Visibility.VISIBLE));
            }
            value = new KeypointsValue(label, keypoints, attributes);
          }
          case 5 -> {
            field = "circle";
            List<Point> p = points(random, 2, width, height);
            value =
                new KeypointsValue(
                    label,
                    List.of(
                        new Keypoint(
                            "center", p.get(0).x(), p.get(0).y(), Keypoint.Visibility.VISIBLE),
                        new Keypoint(
                            "rim", p.get(1).x(), p.get(1).y(), Keypoint.Visibility.VISIBLE)),
                    attributes);
          }
          default -> {
            field = "mask";
            boolean[] bitmap = new boolean[width * height];
            bitmap[random.nextInt(bitmap.length)] = true;
            for (int k = random.nextInt(width * height); k > 0; k--) {
              bitmap[random.nextInt(bitmap.length)] = random.nextBoolean();
            }
            value = new MaskValue(label, RleMask.fromBitmap(height, width, bitmap), attributes);
          }
        }
        if (value instanceof MaskValue mask && mask.mask().area() == 0) {
          continue;
        }
        results.add(new Result(id, field, value, score));
      }
      if (!results.isEmpty()) {
        dataset.annotation(Annotation.builder(name, name, "labelme").results(results).build());
      }
    }
    return dataset.build();
  }

  private static List<Point> points(SplittableRandom random, int n, int width, int height) {
    List<Point> points = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      points.add(new Point(coordinate(random, width), coordinate(random, height)));
    }
    return points;
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void labelmeToCanonicalToLabelmeLosesNothing(long seed) throws IOException {
    Dataset dataset = generate(new SplittableRandom(seed));
    Path first = dir.resolve("first");
    ConversionReport written =
        Converter.write(
            new LabelmeFormat(),
            dataset.source(),
            first,
            ConversionContext.of(FormatOptions.none()));
    assertThat(written.lossless()).as("%s", written.losses()).isTrue();

    Dataset read = LabelmeFormatTest.read(first, FormatOptions.none());
    assertThat(read.items()).isEqualTo(dataset.items());
    assertThat(read.annotations()).isEqualTo(dataset.annotations());

    Path canonical = dir.resolve("c.jsonl");
    Path second = dir.resolve("second");
    assertThat(
            Converter.convert(
                    new LabelmeFormat(),
                    new CanonicalFormat(),
                    first,
                    canonical,
                    FormatOptions.none())
                .lossless())
        .isTrue();
    ConversionReport back =
        Converter.convert(
            new CanonicalFormat(), new LabelmeFormat(), canonical, second, FormatOptions.none());
    assertThat(back.lossless()).as("%s", back.losses()).isTrue();
    Dataset again = LabelmeFormatTest.read(second, FormatOptions.none());
    assertThat(again.annotations()).isEqualTo(dataset.annotations());
  }
}
