package org.annotationkit.core.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.random.RandomGenerator;
import java.util.stream.Stream;
import org.annotationkit.core.annotation.Annotation;
import org.annotationkit.core.dataset.Dataset;
import org.annotationkit.core.dataset.DatasetEntry;
import org.annotationkit.core.dataset.DatasetSource;
import org.annotationkit.core.io.FormatException;
import org.annotationkit.core.item.Item;
import org.annotationkit.core.testing.DatasetGenerator;
import org.annotationkit.core.testing.Seeds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** A dataset as one JSON Lines file: written, read whole, and streamed item by item. */
class DatasetJsonLinesTest {
  @TempDir Path folder;

  static Stream<Long> seeds() {
    return Seeds.seeds(60);
  }

  /** The entries of a source, collected; the source is closed. */
  private static List<DatasetEntry> entries(DatasetSource source) {
    try (source) {
      List<DatasetEntry> entries = new ArrayList<>();
      while (source.hasNext()) {
        entries.add(source.next());
      }
      return entries;
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void aDatasetWrittenThenReadWholeOrStreamedIsEqual(long seed) {
    RandomGenerator random = Seeds.random(seed);
    DatasetGenerator generator = new DatasetGenerator(random);
    Dataset dataset = generator.dataset();
    Path file = folder.resolve("dataset.jsonl");
    CanonicalJson.writeDataset(file, dataset);

    assertThat(CanonicalJson.readDataset(file)).isEqualTo(dataset);
    DatasetSource streamed = CanonicalJson.openDataset(file);
    assertThat(streamed.schema()).isEqualTo(dataset.schema());
    assertThat(streamed.grouped()).isTrue();
    assertThat(entries(streamed)).isEqualTo(entries(dataset.source()));

    // An ungrouped source writes the same file: each item once, its annotations after it.
    Path again = folder.resolve("again.jsonl");
    CanonicalJson.writeDataset(again, generator.ungrouped(dataset));
    assertThat(CanonicalJson.readDataset(again)).isEqualTo(dataset);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void theWholeReadTakesRecordsInAnyOrder(long seed) throws IOException {
    RandomGenerator random = Seeds.random(seed);
    Dataset dataset = new DatasetGenerator(random).dataset();
    Path file = folder.resolve("dataset.jsonl");
    CanonicalJson.writeDataset(file, dataset);
    List<String> lines = new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8));
    List<String> records = new ArrayList<>(lines.subList(1, lines.size()));
    Collections.shuffle(records, new java.util.Random(seed));
    List<String> shuffled = new ArrayList<>();
    shuffled.add(lines.get(0));
    shuffled.addAll(records);
    Files.write(file, shuffled, StandardCharsets.UTF_8);

    Dataset read = CanonicalJson.readDataset(file);
    assertThat(read.schema()).isEqualTo(dataset.schema());
    assertThat(read.items()).containsExactlyInAnyOrderElementsOf(dataset.items());
    assertThat(read.annotations()).containsExactlyInAnyOrderElementsOf(dataset.annotations());
    for (Item item : dataset.items()) {
      assertThat(read.annotationsOf(item.id()))
          .containsExactlyInAnyOrderElementsOf(dataset.annotationsOf(item.id()));
    }
  }

  private static String lines(String... lines) {
    return String.join("\n", lines) + "\n";
  }

  private static DatasetSource open(String text) {
    return CanonicalJson.openDataset(
        new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "d.jsonl");
  }

  private static Dataset small() {
    Dataset dataset = new DatasetGenerator(Seeds.random(7)).dataset();
    for (long seed = 8; dataset.items().size() < 2 || dataset.annotations().size() < 2; seed++) {
      dataset = new DatasetGenerator(Seeds.random(seed)).dataset();
    }
    return dataset;
  }

  @Test
  void theStreamRefusesAnAnnotationAfterAnotherItemThanItsOwnAtItsLine() {
    Dataset dataset = small();
    Annotation annotation = dataset.annotations().get(0);
    Item own = dataset.item(annotation.itemId()).orElseThrow();
    Item other =
        dataset.items().stream().filter(i -> !i.id().equals(own.id())).findFirst().orElseThrow();
    String text =
        lines(
            CanonicalJson.schemas().write(dataset.schema()),
            CanonicalJson.items().write(own),
            CanonicalJson.items().write(other),
            CanonicalJson.annotations().write(annotation));
    try (DatasetSource source = open(text)) {
      assertThat(source.next().item()).isEqualTo(own);
      FormatException e = catchThrowableOfType(FormatException.class, source::next);
      assertThat(e.getMessage())
          .startsWith("d.jsonl:4:1 at /item: annotation '" + annotation.id() + "' is of item")
          .contains("but follows item '" + other.id() + "'");
      // The bad record is skipped; the item it followed still comes, without it.
      assertThat(source.next()).isEqualTo(DatasetEntry.of(other));
      assertThat(source.hasNext()).isFalse();
    }
  }

  @Test
  void aDatasetFileMustStartWithItsSchema() {
    Dataset dataset = small();
    String text = lines(CanonicalJson.items().write(dataset.items().get(0)));
    FormatException e = catchThrowableOfType(FormatException.class, () -> open(text));
    assertThat(e.getMessage())
        .isEqualTo(
            "d.jsonl:1:1 at /: expected the schema record first in a dataset, found an item"
                + " record");
  }

  @Test
  void theWholeReadNamesAnAnnotationWhoseItemIsMissing() throws IOException {
    Dataset dataset = small();
    Annotation annotation = dataset.annotations().get(0);
    Path file = folder.resolve("dangling.jsonl");
    Files.writeString(
        file,
        lines(
            CanonicalJson.schemas().write(dataset.schema()),
            CanonicalJson.annotations().write(annotation)),
        StandardCharsets.UTF_8);
    FormatException e =
        catchThrowableOfType(FormatException.class, () -> CanonicalJson.readDataset(file));
    assertThat(e.getMessage())
        .startsWith(file + ": 1 annotation refers to items not in the dataset");
  }
}
