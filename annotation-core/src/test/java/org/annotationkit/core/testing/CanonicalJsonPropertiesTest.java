package org.annotationkit.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import java.util.stream.Stream;
import org.annotationkit.core.annotation.Annotation;
import org.annotationkit.core.item.Item;
import org.annotationkit.core.item.ItemKind;
import org.annotationkit.core.json.CanonicalJson;
import org.annotationkit.core.json.JsonCodec;
import org.annotationkit.core.json.JsonLinesReader;
import org.annotationkit.core.json.JsonLinesWriter;
import org.annotationkit.core.schema.Schema;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The canonical JSON codec round-trips every generated schema, item and annotation exactly, and
 * writes the same text again for what it read: one value at a time, pretty-printed, and as JSON
 * Lines.
 */
class CanonicalJsonPropertiesTest {

  static Stream<Long> seeds() {
    return Seeds.seeds(200);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void schemasRoundTrip(long seed) {
    DomainGenerator generator = new DomainGenerator(Seeds.random(seed));
    assertRoundTrip(CanonicalJson.schemas(), generator.schema());
    for (ItemKind kind : ItemKind.values()) {
      assertRoundTrip(CanonicalJson.schemas(), generator.schemaFor(kind));
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void itemsOfEveryKindRoundTrip(long seed) {
    DomainGenerator generator = new DomainGenerator(Seeds.random(seed));
    for (ItemKind kind : ItemKind.values()) {
      Item item = generator.item(kind);
      assertRoundTrip(CanonicalJson.items(), item);
      assertThat(CanonicalJson.items().read(CanonicalJson.items().write(item)))
          .isInstanceOf(item.getClass());
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void arbitraryAnnotationsRoundTrip(long seed) {
    DomainGenerator generator = new DomainGenerator(Seeds.random(seed));
    for (int i = 0; i < 3; i++) {
      assertRoundTrip(CanonicalJson.annotations(), generator.anyAnnotation());
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void validAnnotationsRoundTrip(long seed) {
    DomainGenerator generator = new DomainGenerator(Seeds.random(seed));
    for (ItemKind kind : ItemKind.values()) {
      Schema schema = generator.schemaFor(kind);
      Item item = generator.item(kind);
      assertRoundTrip(CanonicalJson.annotations(), generator.validAnnotation(schema, item));
    }
  }

  static Stream<Long> fewerSeeds() {
    return Seeds.seeds(120);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("fewerSeeds")
  void batchesRoundTripThroughJsonLines(long seed) {
    DomainGenerator generator = new DomainGenerator(Seeds.random(seed));
    RandomGenerator random = generator.random();
    int size = random.nextInt(0, 6);
    List<Schema> schemas = new ArrayList<>();
    List<Item> items = new ArrayList<>();
    List<Annotation> annotations = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      schemas.add(generator.schema());
      items.add(generator.item());
      annotations.add(
          random.nextBoolean()
              ? generator.anyAnnotation()
              : generator.validAnnotation(
                  generator.schemaFor(ItemKind.TEXT), generator.textItem()));
    }
    assertLinesRoundTrip(CanonicalJson.schemas(), schemas);
    assertLinesRoundTrip(CanonicalJson.items(), items);
    assertLinesRoundTrip(CanonicalJson.annotations(), annotations);
  }

  private static <T> void assertRoundTrip(JsonCodec<T> codec, T value) {
    String json = codec.write(value);
    assertThat(json).as("one line").doesNotContain("\n").doesNotContain("\r");
    T read = codec.read(json);
    assertThat(read).as(json).isEqualTo(value);
    assertThat(codec.write(read)).as("written again").isEqualTo(json);
    assertThat(codec.read(codec.writePretty(value))).as("pretty").isEqualTo(value);
    StringWriter out = new StringWriter();
    codec.write(value, out);
    assertThat(out.toString()).as("to a writer").isEqualTo(json);
    assertThat(codec.read(new StringReader(json), "memory")).as("from a reader").isEqualTo(value);
  }

  private static <T> void assertLinesRoundTrip(JsonCodec<T> codec, List<T> values) {
    StringWriter out = new StringWriter();
    try (JsonLinesWriter<T> writer = codec.writeLines(out)) {
      for (T value : values) {
        writer.write(value);
      }
    }
    String text = out.toString();
    List<String> lines = text.lines().toList();
    assertThat(lines).hasSize(values.size());
    for (int i = 0; i < values.size(); i++) {
      assertThat(lines.get(i)).as("line %d", i + 1).isEqualTo(codec.write(values.get(i)));
    }
    try (JsonLinesReader<T> reader = codec.readLines(new StringReader(text), "batch.jsonl")) {
      assertThat(reader.stream().toList()).isEqualTo(values);
    }
  }
}
