package org.annotationkit.core.testing;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.random.RandomGenerator;
import org.annotationkit.core.annotation.Annotation;
import org.annotationkit.core.dataset.Dataset;
import org.annotationkit.core.dataset.DatasetEntry;
import org.annotationkit.core.dataset.DatasetSource;
import org.annotationkit.core.item.Item;
import org.annotationkit.core.item.ItemKind;
import org.annotationkit.core.schema.Schema;

/**
 * Random datasets for the tests of readers, writers and metrics: a schema that fits one kind of
 * item, items of that kind, and valid annotations of them by a small pool of annotators (so that
 * annotators have several annotations each and items several annotators), some items without any;
 * and ungrouped sources over a dataset, as a format that lists items and annotations apart streams
 * them.
 *
 * <p>Deterministic in its generator; not thread-safe.
 *
 * @since 0.1.0
 */
public final class DatasetGenerator {

  private final DomainGenerator domain;
  private final RandomGenerator random;

  /**
   * A generator drawing from {@code random}.
   *
   * @param random the source of randomness, typically {@link Seeds#random(long)}
   */
  public DatasetGenerator(RandomGenerator random) {
    this.random = Objects.requireNonNull(random, "random");
    this.domain = new DomainGenerator(random);
  }

  /**
   * A random dataset of up to 30 items of a random kind and 1 to 6 annotators.
   *
   * @return the dataset
   */
  public Dataset dataset() {
    ItemKind[] kinds = ItemKind.values();
    return dataset(
        kinds[random.nextInt(kinds.length)], random.nextInt(0, 31), random.nextInt(1, 7));
  }

  /**
   * A random dataset: a schema for {@code kind} from {@link DomainGenerator#schemaFor(ItemKind)},
   * {@code items} items of that kind, and for each item 0 to 4 valid annotations by annotators
   * drawn from a pool of {@code annotators}, the items and annotations in a shuffled order.
   *
   * @param kind the kind of the items
   * @param items the number of items, {@code >= 0}
   * @param annotators the size of the pool of annotators, {@code >= 1}
   * @return the dataset
   */
  public Dataset dataset(ItemKind kind, int items, int annotators) {
    Objects.requireNonNull(kind, "kind");
    if (items < 0 || annotators < 1) {
      throw new IllegalArgumentException(
          "need items >= 0 and annotators >= 1, got " + items + " and " + annotators);
    }
    Schema schema = domain.schemaFor(kind);
    List<String> pool = new ArrayList<>(annotators);
    for (int a = 0; a < annotators; a++) {
      pool.add(domain.id("annotator"));
    }
    List<Item> generatedItems = new ArrayList<>(items);
    List<Annotation> annotations = new ArrayList<>();
    for (int i = 0; i < items; i++) {
      Item item = domain.item(kind);
      generatedItems.add(item);
      int count = random.nextInt(0, 5);
      for (int k = 0; k < count; k++) {
        Annotation valid = domain.validAnnotation(schema, item);
        annotations.add(
            Annotation.builder(valid.id(), item.id(), pool.get(random.nextInt(annotators)))
                .results(valid.results())
                .origin(valid.origin())
                .reviewState(valid.reviewState())
                .build());
      }
    }
    Collections.shuffle(generatedItems, random);
    Collections.shuffle(annotations, random);
    return Dataset.builder(schema).items(generatedItems).annotations(annotations).build();
  }

  /**
   * An ungrouped source over a dataset, as a reader of a format that lists items and annotations
   * apart gives one: every item first in an entry of its own without annotations, or, at random,
   * entries of one item with a run of its annotations in an interleaved order. Items first come in
   * the dataset's order and annotations in the dataset's order, so that {@link
   * Dataset#of(DatasetSource)} of it equals the dataset.
   *
   * @param dataset the dataset
   * @return an ungrouped source over it
   */
  public DatasetSource ungrouped(Dataset dataset) {
    Objects.requireNonNull(dataset, "dataset");
    List<DatasetEntry> entries = new ArrayList<>();
    for (Item item : dataset.items()) {
      entries.add(DatasetEntry.of(item));
    }
    List<Annotation> run = new ArrayList<>();
    for (Annotation annotation : dataset.annotations()) {
      if (!run.isEmpty()
          && (!run.get(0).itemId().equals(annotation.itemId()) || random.nextBoolean())) {
        entries.add(entryOf(dataset, run));
        run.clear();
      }
      run.add(annotation);
    }
    if (!run.isEmpty()) {
      entries.add(entryOf(dataset, run));
    }
    return DatasetSource.of(dataset.schema(), false, entries.iterator());
  }

  private static DatasetEntry entryOf(Dataset dataset, List<Annotation> run) {
    return new DatasetEntry(dataset.item(run.get(0).itemId()).orElseThrow(), run);
  }
}
