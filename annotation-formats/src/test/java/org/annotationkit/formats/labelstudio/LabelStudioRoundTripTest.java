package org.annotationkit.formats.labelstudio;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.SplittableRandom;
import org.annotationkit.core.annotation.Annotation;
import org.annotationkit.core.annotation.BoxValue;
import org.annotationkit.core.annotation.ChoiceValue;
import org.annotationkit.core.annotation.KeypointsValue;
import org.annotationkit.core.annotation.MaskValue;
import org.annotationkit.core.annotation.MultipleChoiceValue;
import org.annotationkit.core.annotation.Origin;
import org.annotationkit.core.annotation.PolygonValue;
import org.annotationkit.core.annotation.Result;
import org.annotationkit.core.annotation.Value;
import org.annotationkit.core.dataset.Dataset;
import org.annotationkit.core.geometry.Box;
import org.annotationkit.core.geometry.Keypoint;
import org.annotationkit.core.geometry.Point;
import org.annotationkit.core.geometry.Polygon;
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
import org.annotationkit.formats.Loss;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Seeded round trips: generated datasets of what Label Studio holds, written as {@code labelstudio}
 * (and {@code labelstudio-min}) and read back with a labeling config made from the schema, give the
 * same dataset, coordinates equal to 1e-7 px (percent and back is not exact in floating point), and
 * no loss.
 */
class LabelStudioRoundTripTest {
  @TempDir Path dir;

  static List<Long> seeds() {
    List<Long> seeds = new ArrayList<>();
    for (long s = 0; s < 60; s++) {
      seeds.add(20261203L + 7919 * s);
    }
    return seeds;
  }

  static final Schema SCHEMA =
      new Schema(
          "labelstudio",
          List.of(
              Field.builder("box", FieldKind.BOX).labels("car", "person").rotatable(true).build(),
              Field.builder("outline", FieldKind.POLYGON).labels("road", "sky").build(),
              Field.builder("kp", FieldKind.KEYPOINTS)
                  .labels("nose", "tail")
                  .skeleton(new Skeleton(List.of("nose", "tail"), List.of()))
                  .build(),
              Field.builder("paint", FieldKind.MASK).labels("water").build(),
              Field.builder("scene", FieldKind.SINGLE_CHOICE).labels("day", "night").build(),
              Field.builder("tags", FieldKind.MULTIPLE_CHOICE)
                  .labels("wet", "dark", "blurry")
                  .build()),
          java.util.Optional.empty());

  static String config() {
    return "<View>\n  <Image name=\"image\" value=\"$image\"/>\n"
        + "  <RectangleLabels name=\"box\" toName=\"image\"><Label value=\"car\"/>"
        + "<Label value=\"person\"/></RectangleLabels>\n"
        + "  <PolygonLabels name=\"outline\" toName=\"image\"><Label value=\"road\"/>"
        + "<Label value=\"sky\"/></PolygonLabels>\n"
        + "  <KeyPointLabels name=\"kp\" toName=\"image\"><Label value=\"nose\"/>"
        + "<Label value=\"tail\"/></KeyPointLabels>\n"
        + "  <BrushLabels name=\"paint\" toName=\"image\"><Label value=\"water\"/></BrushLabels>\n"
        + "  <Choices name=\"scene\" toName=\"image\"><Choice value=\"day\"/>"
        + "<Choice value=\"night\"/></Choices>\n"
        + "  <Choices name=\"tags\" toName=\"image\" choice=\"multiple\"><Choice value=\"wet\"/>"
        + "<Choice value=\"dark\"/><Choice value=\"blurry\"/></Choices>\n</View>\n";
  }

  /** A dataset of what Label Studio holds. */
  static Dataset generate(SplittableRandom random, boolean predictions) {
    Dataset.Builder builder = Dataset.builder(SCHEMA);
    int items = 1 + random.nextInt(6);
    int annotationId = 1 + random.nextInt(100);
    for (int i = 0; i < items; i++) {
      String id = Integer.toString(100 + 3 * i + random.nextInt(3));
      int width = 1 + random.nextInt(48);
      int height = 1 + random.nextInt(48);
      Map<String, String> metadata = new LinkedHashMap<>();
      if (random.nextBoolean()) {
        metadata.put("site", random.nextBoolean() ? "north" : "7");
      }
      ImageItem item =
          new ImageItem(id, URI.create("/data/upload/1/" + id + ".jpg"), width, height, metadata);
      builder.item(item);
      int annotations = random.nextInt(4);
      for (int a = 0; a < annotations; a++) {
        boolean model = predictions && random.nextInt(3) == 0;
        String annotator =
            model ? "model-" + random.nextInt(2) : Integer.toString(random.nextInt(4));
        String annotationName =
            model ? "prediction-" + annotationId : Integer.toString(annotationId);
        annotationId++;
        Annotation.Builder annotation = Annotation.builder(annotationName, id, annotator);
        if (model) {
          annotation.origin(
              new Origin.Model(
                  annotator,
                  random.nextBoolean() ? annotator : "v" + random.nextInt(3),
                  random.nextBoolean()
                      ? OptionalDouble.of(random.nextDouble())
                      : OptionalDouble.empty()));
        }
        if (random.nextBoolean()) {
          annotation.createdAt(
              Instant.ofEpochSecond(
                  1_700_000_000L + random.nextInt(1_000_000), random.nextInt(1_000_000_000)));
        }
        if (!model && random.nextBoolean()) {
          annotation.leadTimeSeconds(random.nextDouble() * 100);
        }
        int results = random.nextInt(5);
        for (int r = 0; r < results; r++) {
          Value value = value(random, width, height);
          String field = fieldOf(value);
          OptionalDouble score =
              predictions && random.nextBoolean()
                  ? OptionalDouble.of(random.nextDouble())
                  : OptionalDouble.empty();
          annotation.result(new Result("r" + a + "x" + r, field, value, score));
        }
        builder.annotation(annotation.build());
      }
    }
    return builder.build();
  }

  private static String fieldOf(Value value) {
    return switch (value) {
      case BoxValue b -> "box";
      case PolygonValue p -> "outline";
      case KeypointsValue k -> "kp";
      case MaskValue m -> "paint";
      case ChoiceValue c -> "scene";
      case MultipleChoiceValue m -> "tags";
      default -> throw new AssertionError(value);
    };
  }

  private static double coordinate(SplittableRandom random, int size) {
    return random.nextDouble(-0.2 * size, 1.2 * size);
  }

  private static Value value(SplittableRandom random, int width, int height) {
    return switch (random.nextInt(6)) {
      case 0 -> {
        double rotation = random.nextBoolean() ? 0 : random.nextDouble(-180, 360);
        yield new BoxValue(
            random.nextBoolean() ? "car" : "person",
            new Box(
                coordinate(random, width),
                coordinate(random, height),
                random.nextDouble(0, width),
                random.nextDouble(0, height),
                rotation));
      }
      case 1 -> {
        int n = 3 + random.nextInt(5);
        double[] xy = new double[2 * n];
        for (int i = 0; i < n; i++) {
          xy[2 * i] = coordinate(random, width);
          xy[2 * i + 1] = coordinate(random, height);
        }
        yield new PolygonValue(random.nextBoolean() ? "road" : "sky", Polygon.of(xy));
      }
      case 2 -> {
        String label = random.nextBoolean() ? "nose" : "tail";
        yield new KeypointsValue(
            label,
            List.of(
                new Keypoint(
                    label,
                    coordinate(random, width),
                    coordinate(random, height),
                    Keypoint.Visibility.VISIBLE)));
      }
      case 3 -> {
        boolean[] bits = new boolean[width * height];
        double density = random.nextDouble();
        for (int p = 0; p < bits.length; p++) {
          bits[p] = random.nextDouble() < density;
        }
        yield new MaskValue("water", RleMask.fromBitmap(height, width, bits));
      }
      case 4 -> new ChoiceValue(random.nextBoolean() ? "day" : "night");
      default -> {
        List<String> labels = new ArrayList<>();
        for (String label : List.of("wet", "dark", "blurry")) {
          if (random.nextBoolean()) {
            labels.add(label);
          }
        }
        java.util.Collections.shuffle(labels, new java.util.Random(random.nextLong()));
        yield new MultipleChoiceValue(labels);
      }
    };
  }

  private Dataset roundTrip(Dataset dataset, Format format, List<Loss> losses) throws IOException {
    Path config = dir.resolve("config.xml");
    Files.writeString(config, config());
    Path file = dir.resolve("export.json");
    ConversionReport written =
        Converter.write(format, dataset.source(), file, ConversionContext.of(FormatOptions.none()));
    losses.addAll(written.losses());
    ConversionContext context =
        ConversionContext.of(FormatOptions.of(Map.of("config", config.toString())));
    try (var source = format.reader().orElseThrow().open(file, context)) {
      Dataset back = Dataset.of(source);
      losses.addAll(context.report().losses());
      return back;
    }
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void fullExportRoundTrips(long seed) throws IOException {
    Dataset dataset = generate(new SplittableRandom(seed), true);
    List<Loss> losses = new ArrayList<>();
    Dataset back = roundTrip(dataset, new LabelStudioFormat(), losses);
    assertThat(losses).isEmpty();
    assertSame(dataset, back, false);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void jsonMinRoundTripsButForRegionIds(long seed) throws IOException {
    Dataset dataset = generate(new SplittableRandom(seed), false);
    List<Loss> losses = new ArrayList<>();
    Dataset back = roundTrip(dataset, new LabelStudioMinFormat(), losses);
    assertThat(losses).allSatisfy(loss -> assertThat(loss.what()).isEqualTo("region ids dropped"));
    assertSame(dataset, back, true);
  }

  /** The datasets are equal, coordinates to 1e-7 px; for JSON-MIN, results grouped by field. */
  private static void assertSame(Dataset expected, Dataset actual, boolean min) {
    assertThat(actual.schema()).isEqualTo(expected.schema());
    assertThat(actual.items()).isEqualTo(expected.items());
    // A task holds its annotations, then its predictions.
    List<Annotation> ordered = new ArrayList<>();
    for (var item : expected.items()) {
      List<Annotation> of = expected.annotationsOf(item.id());
      of.stream().filter(x -> x.origin() instanceof Origin.Human).forEach(ordered::add);
      of.stream().filter(x -> x.origin() instanceof Origin.Model).forEach(ordered::add);
    }
    assertThat(actual.annotations()).hasSameSizeAs(ordered);
    for (int i = 0; i < ordered.size(); i++) {
      Annotation e = ordered.get(i);
      Annotation a = actual.annotations().get(i);
      assertThat(a.id()).isEqualTo(e.id());
      assertThat(a.itemId()).isEqualTo(e.itemId());
      assertThat(a.annotatorId()).isEqualTo(e.annotatorId());
      assertThat(a.origin()).isEqualTo(e.origin());
      assertThat(a.createdAt()).isEqualTo(e.createdAt());
      assertThat(a.leadTimeSeconds()).isEqualTo(e.leadTimeSeconds());
      List<Result> results = min ? groupedByField(e.results()) : e.results();
      assertThat(a.results()).hasSameSizeAs(results);
      for (int r = 0; r < results.size(); r++) {
        Result er = results.get(r);
        Result ar = a.results().get(r);
        if (!min) {
          assertThat(ar.id()).isEqualTo(er.id());
        }
        assertThat(ar.field()).isEqualTo(er.field());
        assertThat(ar.score()).isEqualTo(er.score());
        assertThat(close(ar.value(), er.value()))
            .as("%s read back as %s", er.value(), ar.value())
            .isTrue();
      }
    }
  }

  private static List<Result> groupedByField(List<Result> results) {
    Map<String, List<Result>> byField = new LinkedHashMap<>();
    for (Result result : results) {
      byField.computeIfAbsent(result.field(), f -> new ArrayList<>()).add(result);
    }
    List<Result> grouped = new ArrayList<>();
    byField.values().forEach(grouped::addAll);
    return grouped;
  }

  private static boolean close(double a, double b) {
    return Math.abs(a - b) <= 1e-7;
  }

  private static boolean close(Value actual, Value expected) {
    return switch (expected) {
      case BoxValue e ->
          actual instanceof BoxValue a
              && a.label().equals(e.label())
              && close(a.box().x(), e.box().x())
              && close(a.box().y(), e.box().y())
              && close(a.box().width(), e.box().width())
              && close(a.box().height(), e.box().height())
              && a.box().rotation() == e.box().rotation();
      case PolygonValue e -> {
        if (!(actual instanceof PolygonValue a) || !a.label().equals(e.label())) {
          yield false;
        }
        List<Point> ap = a.polygon().exterior();
        List<Point> ep = e.polygon().exterior();
        boolean same = ap.size() == ep.size();
        for (int i = 0; same && i < ep.size(); i++) {
          same = close(ap.get(i).x(), ep.get(i).x()) && close(ap.get(i).y(), ep.get(i).y());
        }
        yield same;
      }
      case KeypointsValue e ->
          actual instanceof KeypointsValue a
              && a.label().equals(e.label())
              && a.points().size() == 1
              && a.points().get(0).name().equals(e.points().get(0).name())
              && a.points().get(0).visibility() == e.points().get(0).visibility()
              && close(a.points().get(0).x(), e.points().get(0).x())
              && close(a.points().get(0).y(), e.points().get(0).y());
      default -> actual.equals(expected);
    };
  }
}
