package org.annotationkit.formats.coco;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeMap;
import java.util.random.RandomGenerator;
import java.util.stream.Stream;
import org.annotationkit.core.annotation.Annotation;
import org.annotationkit.core.annotation.AttributeValue;
import org.annotationkit.core.annotation.BoxValue;
import org.annotationkit.core.annotation.KeypointsValue;
import org.annotationkit.core.annotation.MaskValue;
import org.annotationkit.core.annotation.PolygonValue;
import org.annotationkit.core.annotation.Result;
import org.annotationkit.core.dataset.Dataset;
import org.annotationkit.core.dataset.DatasetSource;
import org.annotationkit.core.geometry.Box;
import org.annotationkit.core.geometry.Keypoint;
import org.annotationkit.core.geometry.Polygon;
import org.annotationkit.core.item.ImageItem;
import org.annotationkit.core.schema.Field;
import org.annotationkit.core.schema.FieldKind;
import org.annotationkit.core.schema.Label;
import org.annotationkit.core.schema.LabelSet;
import org.annotationkit.core.schema.Schema;
import org.annotationkit.core.schema.Skeleton;
import org.annotationkit.core.testing.DomainGenerator;
import org.annotationkit.core.testing.Seeds;
import org.annotationkit.formats.ConversionContext;
import org.annotationkit.formats.Converter;
import org.annotationkit.formats.FormatOptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Seeded round trips: a generated dataset of what COCO holds (boxes, polygons of several parts with
 * or without their own box, masks, crowd masks, keypoints, attributes, scores, image metadata,
 * categories with colours and skeletons), written as COCO and read back, is the same dataset, and
 * neither direction reports a loss.
 */
class CocoRoundTripTest {
  private static final CocoFormat COCO = new CocoFormat();

  @TempDir Path dir;

  static Stream<Long> seeds() {
    return Seeds.seeds(200);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void writtenThenReadIsTheSameDataset(long seed) throws IOException {
    Dataset dataset = new Generator(Seeds.random(seed)).dataset();
    Path file = dir.resolve("coco-" + seed + ".json");
    ConversionContext writing = ConversionContext.of(FormatOptions.none());
    Converter.write(COCO, dataset.source(), file, writing);
    assertThat(writing.report().losses()).isEmpty();
    assertThat(writing.report().images()).isEqualTo(dataset.items().size());

    ConversionContext reading = ConversionContext.of(FormatOptions.none());
    Dataset back;
    try (DatasetSource source = COCO.reader().orElseThrow().open(file, reading)) {
      back = Dataset.of(source);
    }
    assertThat(reading.report().losses()).isEmpty();
    assertThat(back.schema()).isEqualTo(dataset.schema());
    assertThat(back.items()).isEqualTo(dataset.items());
    assertThat(back.annotations()).isEqualTo(dataset.annotations());
    assertThat(back).isEqualTo(dataset);
  }

  /** Datasets in the shape the COCO reader gives. */
  private static final class Generator {
    private final RandomGenerator random;
    private final DomainGenerator domain;

    Generator(RandomGenerator random) {
      this.random = random;
      this.domain = new DomainGenerator(random);
    }

    Dataset dataset() {
      int categoryCount = random.nextInt(1, 6);
      List<Label> labels = new ArrayList<>();
      Set<String> names = new HashSet<>();
      for (int i = 0; i < categoryCount; i++) {
        String name = domain.name(names);
        names.add(name);
        Label label = Label.of(name);
        if (random.nextInt(4) == 0) {
          label = label.withColor(String.format("#%06x", random.nextInt(1 << 24)));
        }
        labels.add(label);
      }
      LabelSet labelSet = LabelSet.of(labels);
      List<Field> fields = new ArrayList<>();
      fields.add(Field.builder("box", FieldKind.BOX).labels(labelSet).build());
      fields.add(Field.builder("polygon", FieldKind.POLYGON).labels(labelSet).build());
      fields.add(Field.builder("mask", FieldKind.MASK).labels(labelSet).build());
      int keypointCategories = Math.min(categoryCount, random.nextInt(3));
      Map<String, Skeleton> skeletons = new LinkedHashMap<>();
      Map<String, String> keypointFields = new LinkedHashMap<>();
      for (int i = 0; i < keypointCategories; i++) {
        Label label = labels.get(i);
        Skeleton skeleton = skeleton();
        skeletons.put(label.name(), skeleton);
        String field = keypointCategories == 1 ? "keypoints" : "keypoints-" + label.name();
        keypointFields.put(label.name(), field);
        fields.add(
            Field.builder(field, FieldKind.KEYPOINTS)
                .labels(LabelSet.of(List.of(label)))
                .skeleton(skeleton)
                .build());
      }
      Schema schema = new Schema("coco", fields, java.util.Optional.empty());
      if (random.nextBoolean()) {
        schema = schema.withDescription(domain.text(1, 12));
      }
      Dataset.Builder builder = Dataset.builder(schema);
      Set<Long> imageIds = new HashSet<>();
      Set<Long> annotationIds = new HashSet<>();
      int images = random.nextInt(0, 6);
      for (int i = 0; i < images; i++) {
        long id = fresh(imageIds);
        int width = random.nextInt(1, 30);
        int height = random.nextInt(1, 30);
        Map<String, String> metadata = new TreeMap<>();
        if (random.nextBoolean()) {
          metadata.put("license", Integer.toString(random.nextInt(10)));
          metadata.put("coco_url", "http://images.example.org/" + id + ".jpg");
        }
        ImageItem image =
            new ImageItem(
                Long.toString(id), URI.create("train/" + id + ".jpg"), width, height, metadata);
        builder.item(image);
        int annotations = random.nextInt(0, 5);
        for (int a = 0; a < annotations; a++) {
          long annotationId = fresh(annotationIds);
          Label label = labels.get(random.nextInt(categoryCount));
          builder.annotation(
              instance(annotationId, image, label.name(), skeletons, keypointFields));
        }
      }
      return builder.build();
    }

    private long fresh(Set<Long> used) {
      long id;
      do {
        id = random.nextInt(4) == 0 ? random.nextLong(0, 1L << 40) : random.nextInt(0, 1000);
      } while (!used.add(id));
      return id;
    }

    private Skeleton skeleton() {
      int k = random.nextInt(1, 6);
      List<String> points = new ArrayList<>();
      for (int i = 0; i < k; i++) {
        points.add("p" + i);
      }
      List<Skeleton.Edge> edges = new ArrayList<>();
      for (int i = 0; i + 1 < k; i++) {
        if (random.nextBoolean()) {
          edges.add(new Skeleton.Edge(points.get(i), points.get(i + 1)));
        }
      }
      return new Skeleton(points, edges);
    }

    private Annotation instance(
        long id,
        ImageItem image,
        String label,
        Map<String, Skeleton> skeletons,
        Map<String, String> keypointFields) {
      String prefix = id + "/";
      Map<String, AttributeValue> attributes = new TreeMap<>();
      if (random.nextInt(3) == 0) {
        attributes.put("occluded", AttributeValue.of(random.nextBoolean()));
      }
      if (random.nextInt(4) == 0) {
        attributes.put("z_order", AttributeValue.of((double) random.nextInt(-5, 5)));
      }
      if (random.nextInt(5) == 0) {
        attributes.put("note", AttributeValue.of(domain.text(0, 8)));
      }
      OptionalDouble score =
          random.nextInt(4) == 0 ? OptionalDouble.of(random.nextDouble()) : OptionalDouble.empty();
      int kind = random.nextInt(skeletons.containsKey(label) ? 4 : 3);
      List<Result> results = new ArrayList<>();
      switch (kind) {
        case 0 ->
            results.add(
                new Result(
                    prefix + "box", "box", new BoxValue(label, box(image), attributes), score));
        case 1 -> {
          if (random.nextBoolean()) {
            results.add(
                new Result(
                    prefix + "box", "box", new BoxValue(label, box(image), attributes), score));
          }
          int parts = random.nextInt(1, 4);
          for (int p = 1; p <= parts; p++) {
            results.add(
                new Result(
                    prefix + "polygon-" + p,
                    "polygon",
                    new PolygonValue(label, polygon(image), attributes),
                    score));
          }
        }
        case 2 -> {
          Map<String, AttributeValue> withCrowd = new TreeMap<>(attributes);
          if (random.nextBoolean()) {
            withCrowd.put("iscrowd", AttributeValue.of(true));
          }
          if (random.nextBoolean()) {
            results.add(
                new Result(
                    prefix + "box", "box", new BoxValue(label, box(image), withCrowd), score));
          }
          results.add(
              new Result(
                  prefix + "mask",
                  "mask",
                  new MaskValue(label, domain.mask(image.height(), image.width(), 12), withCrowd),
                  score));
        }
        default -> {
          results.add(
              new Result(
                  prefix + "box", "box", new BoxValue(label, box(image), attributes), score));
          List<Keypoint> points = new ArrayList<>();
          for (String name : java.util.Objects.requireNonNull(skeletons.get(label)).points()) {
            Keypoint.Visibility visibility =
                List.of(Keypoint.Visibility.values()).get(random.nextInt(3));
            points.add(
                new Keypoint(
                    name,
                    random.nextDouble() * image.width(),
                    random.nextDouble() * image.height(),
                    visibility));
          }
          results.add(
              new Result(
                  prefix + "keypoints",
                  java.util.Objects.requireNonNull(keypointFields.get(label)),
                  new KeypointsValue(label, points, attributes),
                  score));
        }
      }
      return Annotation.builder(Long.toString(id), image.id(), "coco").results(results).build();
    }

    private Box box(ImageItem image) {
      double x = random.nextDouble() * image.width();
      double y = random.nextDouble() * image.height();
      return Box.of(x, y, random.nextDouble() * (image.width() - x), random.nextDouble() * 7);
    }

    private Polygon polygon(ImageItem image) {
      int n = random.nextInt(3, 8);
      double[] xy = new double[2 * n];
      for (int i = 0; i < n; i++) {
        xy[2 * i] =
            random.nextInt(5) == 0
                ? random.nextInt(image.width())
                : random.nextDouble() * image.width();
        xy[2 * i + 1] = random.nextDouble() * image.height();
      }
      return Polygon.of(xy);
    }
  }
}
