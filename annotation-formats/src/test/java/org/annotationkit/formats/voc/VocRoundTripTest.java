package org.annotationkit.formats.voc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.annotationkit.core.annotation.Annotation;
import org.annotationkit.core.annotation.AttributeValue;
import org.annotationkit.core.annotation.BoxValue;
import org.annotationkit.core.annotation.RelationValue;
import org.annotationkit.core.dataset.Dataset;
import org.annotationkit.core.geometry.Box;
import org.annotationkit.core.item.ImageItem;
import org.annotationkit.core.schema.Field;
import org.annotationkit.core.schema.FieldKind;
import org.annotationkit.core.schema.Schema;
import org.annotationkit.formats.ConversionContext;
import org.annotationkit.formats.ConversionReport;
import org.annotationkit.formats.Converter;
import org.annotationkit.formats.FormatOptions;
import org.annotationkit.formats.canonical.CanonicalFormat;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Seeded round trips: a generated dataset of what VOC holds, written as VOC, read, written to
 * canonical JSON Lines and back to VOC, loses nothing: the model read equals the one written, and
 * the second VOC files are byte for byte the first.
 */
class VocRoundTripTest {
  private static final String[] LABELS = {"cat", "dog", "person", "car", "bird"};
  private static final String[] PARTS = {"head", "hand", "foot"};

  @TempDir Path dir;

  static Stream<Long> seeds() {
    long base = Long.getLong("annotationkit.seed", 20261203L);
    return LongStream.range(base, base + 20).boxed();
  }

  /** A dataset of integer boxes with the attributes and parts VOC holds. */
  static Dataset generate(SplittableRandom random) {
    Schema schema =
        Schema.of(
            "gen",
            Field.builder("box", FieldKind.BOX)
                .labels(Stream.concat(Stream.of(LABELS), Stream.of(PARTS)).toArray(String[]::new))
                .build(),
            Field.builder("part-of", FieldKind.RELATION).build());
    Dataset.Builder dataset = Dataset.builder(schema);
    int images = 1 + random.nextInt(6);
    for (int i = 0; i < images; i++) {
      String name = String.format("img-%03d.%s", i, random.nextBoolean() ? "jpg" : "png");
      int width = 1 + random.nextInt(2000);
      int height = 1 + random.nextInt(2000);
      Map<String, String> metadata = new TreeMap<>();
      if (random.nextBoolean()) {
        metadata.put("folder", "VOC2012");
        metadata.put("source/database", "The VOC2007 Database & more <x>");
        metadata.put("size/depth", "3");
        metadata.put("segmented", String.valueOf(random.nextInt(2)));
      }
      dataset.item(new ImageItem(name, URI.create(name), width, height, metadata));
      int objects = random.nextInt(5);
      if (objects == 0) {
        continue;
      }
      Annotation.Builder annotation = Annotation.builder(name, name, "voc");
      for (int k = 1; k <= objects; k++) {
        Map<String, AttributeValue> attributes = new TreeMap<>();
        for (String flag : List.of("truncated", "difficult", "occluded")) {
          if (random.nextInt(3) == 0) {
            attributes.put(flag, AttributeValue.of(true));
          }
        }
        if (random.nextBoolean()) {
          attributes.put("pose", AttributeValue.of(random.nextBoolean() ? "Left" : "Frontal"));
        }
        if (random.nextInt(4) == 0) {
          attributes.put("actions/jumping", AttributeValue.of(random.nextBoolean()));
          attributes.put("actions/reading", AttributeValue.of(random.nextBoolean()));
        }
        if (random.nextInt(4) == 0) {
          attributes.put("colour", AttributeValue.of(random.nextBoolean() ? "red" : "blue"));
        }
        String id = String.valueOf(k);
        annotation.result(
            id,
            "box",
            new BoxValue(
                LABELS[random.nextInt(LABELS.length)], box(random, width, height), attributes));
        int parts = random.nextInt(4) == 0 ? 1 + random.nextInt(2) : 0;
        for (int j = 1; j <= parts; j++) {
          String partId = id + "." + j;
          annotation.result(
              partId,
              "box",
              new BoxValue(PARTS[random.nextInt(PARTS.length)], box(random, width, height)));
          annotation.result(partId + "-part-of", "part-of", new RelationValue(partId, id));
        }
      }
      dataset.annotation(annotation.build());
    }
    return dataset.build();
  }

  private static Box box(SplittableRandom random, int width, int height) {
    int x = random.nextInt(-5, width);
    int y = random.nextInt(-5, height);
    return Box.of(x, y, random.nextInt(width + 5), random.nextInt(height + 5));
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void vocToCanonicalToVocLosesNothing(long seed) throws IOException {
    Dataset dataset = generate(new SplittableRandom(seed));
    Path first = dir.resolve("first");
    ConversionReport written =
        Converter.write(
            new VocFormat(), dataset.source(), first, ConversionContext.of(FormatOptions.none()));
    assertThat(written.lossless()).as("%s", written.losses()).isTrue();

    Dataset read = VocFormatTest.read(first, FormatOptions.none());
    assertThat(read.items()).isEqualTo(dataset.items());
    assertThat(read.annotations()).isEqualTo(dataset.annotations());

    Path canonical = dir.resolve("c.jsonl");
    Path second = dir.resolve("second");
    assertThat(
            Converter.convert(
                    new VocFormat(), new CanonicalFormat(), first, canonical, FormatOptions.none())
                .lossless())
        .isTrue();
    ConversionReport back =
        Converter.convert(
            new CanonicalFormat(), new VocFormat(), canonical, second, FormatOptions.none());
    assertThat(back.lossless()).as("%s", back.losses()).isTrue();
    assertThat(files(second)).isEqualTo(files(first));
  }

  private static List<String> files(Path root) throws IOException {
    List<String> contents = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path file : walk.filter(Files::isRegularFile).sorted().toList()) {
        try {
          contents.add(root.relativize(file) + "\n" + Files.readString(file));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
    return contents;
  }
}
