package org.annotationkit.core.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.random.RandomGenerator;
import java.util.stream.Stream;
import org.annotationkit.core.annotation.Annotation;
import org.annotationkit.core.item.Item;
import org.annotationkit.core.testing.DatasetGenerator;
import org.annotationkit.core.testing.Seeds;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The indexes of a dataset agree with a brute-force scan of its items and annotations, however the
 * builder was fed; and a dataset goes through a source, grouped or not, and comes back equal.
 */
class DatasetPropertiesTest {

  static Stream<Long> seeds() {
    return Seeds.seeds(120);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void indexesAgreeWithABruteForceScan(long seed) {
    Dataset dataset = new DatasetGenerator(Seeds.random(seed)).dataset();
    List<Annotation> all = dataset.annotations();
    for (Item item : dataset.items()) {
      List<Annotation> expected = new ArrayList<>();
      for (Annotation annotation : all) {
        if (annotation.itemId().equals(item.id())) {
          expected.add(annotation);
        }
      }
      assertThat(dataset.annotationsOf(item.id())).isEqualTo(expected);
      assertThat(dataset.item(item.id())).containsSame(item);
    }
    LinkedHashSet<String> annotators = new LinkedHashSet<>();
    for (Annotation annotation : all) {
      annotators.add(annotation.annotatorId());
      assertThat(dataset.annotation(annotation.id())).containsSame(annotation);
      assertThat(dataset.item(annotation.itemId())).isPresent();
    }
    assertThat(dataset.annotatorIds()).containsExactlyElementsOf(annotators);
    for (String annotator : annotators) {
      List<Annotation> expected = new ArrayList<>();
      for (Annotation annotation : all) {
        if (annotation.annotatorId().equals(annotator)) {
          expected.add(annotation);
        }
      }
      assertThat(dataset.annotationsBy(annotator)).isEqualTo(expected);
    }
    assertThat(dataset.annotationsBy("nobody " + seed)).isEmpty();
    assertThat(dataset.annotation("no annotation " + seed)).isEmpty();
    assertThat(dataset.item("no item " + seed)).isEmpty();
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void theBuilderTakesItemsAndAnnotationsInAnyOrder(long seed) {
    RandomGenerator random = Seeds.random(seed);
    Dataset dataset = new DatasetGenerator(random).dataset();
    // Interleave items and annotations at random, keeping each kind in its order.
    Dataset.Builder builder = Dataset.builder(dataset.schema());
    int i = 0;
    int a = 0;
    while (i < dataset.items().size() || a < dataset.annotations().size()) {
      boolean takeItem =
          a == dataset.annotations().size() || (i < dataset.items().size() && random.nextBoolean());
      if (takeItem) {
        builder.item(dataset.items().get(i++));
      } else {
        builder.annotation(dataset.annotations().get(a++));
      }
    }
    Dataset rebuilt = builder.build();
    assertThat(rebuilt).isEqualTo(dataset).hasSameHashCodeAs(dataset);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void aDatasetGoesThroughItsSourceAndAnUngroupedOne(long seed) {
    DatasetGenerator generator = new DatasetGenerator(Seeds.random(seed));
    Dataset dataset = generator.dataset();

    List<DatasetEntry> entries = new ArrayList<>();
    try (DatasetSource source = dataset.source()) {
      assertThat(source.grouped()).isTrue();
      assertThat(source.schema()).isEqualTo(dataset.schema());
      source.forEachRemaining(entries::add);
    }
    assertThat(entries).hasSize(dataset.items().size());
    for (int k = 0; k < entries.size(); k++) {
      Item item = dataset.items().get(k);
      assertThat(entries.get(k).item()).isEqualTo(item);
      assertThat(entries.get(k).annotations()).isEqualTo(dataset.annotationsOf(item.id()));
    }
    assertThat(Dataset.of(dataset.source())).isEqualTo(dataset);

    DatasetSource ungrouped = generator.ungrouped(dataset);
    assertThat(ungrouped.grouped()).isFalse();
    assertThat(Dataset.of(ungrouped)).isEqualTo(dataset);

    // Shuffled ungrouped entries hold the same annotations per item.
    List<DatasetEntry> scattered = new ArrayList<>();
    generator.ungrouped(dataset).forEachRemaining(scattered::add);
    Collections.shuffle(scattered, Seeds.random(seed + 1));
    Dataset collected = Dataset.of(DatasetSource.of(dataset.schema(), false, scattered.iterator()));
    assertThat(collected.items()).containsExactlyInAnyOrderElementsOf(dataset.items());
    for (Item item : dataset.items()) {
      assertThat(collected.annotationsOf(item.id()))
          .containsExactlyInAnyOrderElementsOf(dataset.annotationsOf(item.id()));
    }
    assertThat(collected.annotations()).hasSameSizeAs(dataset.annotations());
  }
}
