package org.annotationkit.core.dataset;

import com.google.errorprone.annotations.CanIgnoreReturnValue;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import org.annotationkit.core.annotation.Annotation;
import org.annotationkit.core.internal.Hints;
import org.annotationkit.core.internal.Require;
import org.annotationkit.core.item.Item;
import org.annotationkit.core.schema.Schema;
import org.jspecify.annotations.Nullable;

/**
 * A dataset in memory: a schema, its items and the annotations of them, indexed by item, by
 * annotator and by id. Immutable and thread-safe.
 *
 * <p>Items and annotations keep the order they were added in; {@link #annotationsOf(String)} and
 * {@link #annotationsBy(String)} keep the annotations' order. Build one with {@link
 * #builder(Schema)}, which takes items and annotations in any order (an annotation may come before
 * its item), or collect a {@link DatasetSource} with {@link #of(DatasetSource)}.
 *
 * {@snippet :
 * Dataset dataset =
 *     Dataset.builder(schema)
 *         .annotation(annotation)      // of item "image-17", added below
 *         .item(image17)
 *         .build();
 * List<Annotation> ofImage = dataset.annotationsOf("image-17");
 * List<Annotation> byAlice = dataset.annotationsBy("alice");
 * }
 *
 * <p>The dataset does not check annotations against the schema; {@link
 * org.annotationkit.core.validation.AnnotationValidator} does.
 *
 * @since 0.1.0
 */
public final class Dataset {

  private final Schema schema;
  private final List<Item> items;
  private final List<Annotation> annotations;
  private final Map<String, Integer> itemPositions;
  private final List<List<Annotation>> annotationsByItem;
  private final Map<String, List<Annotation>> annotationsByAnnotator;
  private final List<String> annotatorIds;
  private final Map<String, Annotation> annotationsById;

  private Dataset(
      Schema schema,
      List<Item> items,
      Map<String, Integer> itemPositions,
      List<Annotation> annotations,
      Map<String, Annotation> annotationsById) {
    this.schema = schema;
    this.items = List.copyOf(items);
    this.itemPositions = itemPositions;
    this.annotationsById = annotationsById;
    List<List<Annotation>> byItem = new ArrayList<>(items.size());
    for (int i = 0; i < items.size(); i++) {
      byItem.add(new ArrayList<>(2));
    }
    for (Annotation annotation : annotations) {
      byItem.get(Objects.requireNonNull(itemPositions.get(annotation.itemId()))).add(annotation);
    }
    List<Annotation> ordered = new ArrayList<>(annotations.size());
    Map<String, List<Annotation>> byAnnotator = new LinkedHashMap<>();
    for (int i = 0; i < byItem.size(); i++) {
      List<Annotation> ofItem = List.copyOf(byItem.get(i));
      byItem.set(i, ofItem);
      for (Annotation annotation : ofItem) {
        ordered.add(annotation);
        byAnnotator
            .computeIfAbsent(annotation.annotatorId(), id -> new ArrayList<>())
            .add(annotation);
      }
    }
    byAnnotator.replaceAll((id, list) -> List.copyOf(list));
    this.annotations = List.copyOf(ordered);
    this.annotationsByItem = byItem;
    this.annotationsByAnnotator = byAnnotator;
    this.annotatorIds = List.copyOf(byAnnotator.keySet());
  }

  /**
   * Starts a dataset of the given schema.
   *
   * @param schema the schema the annotations answer
   * @return an empty builder
   */
  public static Builder builder(Schema schema) {
    return new Builder(schema);
  }

  /**
   * Collects the remaining entries of a source into a dataset: items in the order they first come,
   * each item's annotations in the order they come. The source is read to its end and not closed.
   *
   * @param source the source, grouped or not
   * @return the dataset
   * @throws IllegalArgumentException if the entries break a source's guarantees (an item id given
   *     twice with different items, an annotation id twice)
   * @throws IllegalStateException if a source that says it is grouped gives an item twice
   */
  public static Dataset of(DatasetSource source) {
    Objects.requireNonNull(source, "source");
    Builder builder = builder(source.schema());
    boolean grouped = source.grouped();
    while (source.hasNext()) {
      DatasetEntry entry = source.next();
      if (grouped && builder.itemPositions.containsKey(entry.item().id())) {
        throw new IllegalStateException(
            "the source says it is grouped, but item "
                + Require.quote(entry.item().id())
                + " comes in two entries");
      }
      builder.entry(entry);
    }
    return builder.build();
  }

  private static List<String> idsOf(List<Item> items) {
    List<String> ids = new ArrayList<>(items.size());
    for (Item item : items) {
      ids.add(item.id());
    }
    return ids;
  }

  /**
   * The schema the annotations answer.
   *
   * @return the schema
   */
  public Schema schema() {
    return schema;
  }

  /**
   * The items, in the order they were added.
   *
   * @return the items, unmodifiable
   */
  public List<Item> items() {
    return items;
  }

  /**
   * Every annotation, in item order: the first item's annotations first, each item's in the order
   * they were added.
   *
   * @return the annotations, unmodifiable
   */
  public List<Annotation> annotations() {
    return annotations;
  }

  /**
   * Finds an item by id.
   *
   * @param itemId the item's id
   * @return the item, or empty when the dataset has none of that id
   */
  public Optional<Item> item(String itemId) {
    Integer position = itemPositions.get(Objects.requireNonNull(itemId, "itemId"));
    return position == null ? Optional.empty() : Optional.of(items.get(position));
  }

  /**
   * Finds an annotation by id.
   *
   * @param annotationId the annotation's id
   * @return the annotation, or empty when the dataset has none of that id
   */
  public Optional<Annotation> annotation(String annotationId) {
    return Optional.ofNullable(
        annotationsById.get(Objects.requireNonNull(annotationId, "annotationId")));
  }

  /**
   * The annotations of an item, in the order they were added.
   *
   * @param itemId the id of an item of the dataset
   * @return its annotations, unmodifiable; empty when it has none
   * @throws IllegalArgumentException if the dataset has no item of that id, naming the closest id
   */
  public List<Annotation> annotationsOf(String itemId) {
    Integer position = itemPositions.get(Objects.requireNonNull(itemId, "itemId"));
    if (position == null) {
      throw new IllegalArgumentException(
          "no item "
              + Require.quote(itemId)
              + " in the dataset"
              + Hints.didYouMean(itemId, idsOf(items)));
    }
    return annotationsByItem.get(position);
  }

  /**
   * The annotations by an annotator, in the dataset's order.
   *
   * @param annotatorId the annotator's id
   * @return the annotations, unmodifiable; empty when the annotator made none
   */
  public List<Annotation> annotationsBy(String annotatorId) {
    List<Annotation> made =
        annotationsByAnnotator.get(Objects.requireNonNull(annotatorId, "annotatorId"));
    return made == null ? List.of() : made;
  }

  /**
   * The ids of the annotators who made annotations, in the order of their first annotation in
   * {@link #annotations()}.
   *
   * @return the ids, unmodifiable
   */
  public List<String> annotatorIds() {
    return annotatorIds;
  }

  /**
   * The dataset as a grouped source: one entry per item, in item order, with all its annotations.
   *
   * @return a new source over this dataset; closing it does nothing
   */
  public DatasetSource source() {
    Dataset self = this;
    return DatasetSource.of(
        schema,
        true,
        new Iterator<DatasetEntry>() {
          private int next;

          @Override
          public boolean hasNext() {
            return next < self.items.size();
          }

          @Override
          public DatasetEntry next() {
            if (!hasNext()) {
              throw new NoSuchElementException("no more items");
            }
            int position = next++;
            return new DatasetEntry(self.items.get(position), self.annotationsByItem.get(position));
          }
        });
  }

  /**
   * Whether the other object is a dataset of an equal schema, equal items in the same order, and
   * equal annotations in the same order ({@link #annotations()}: each item's in the order added).
   *
   * @param other the object to compare with
   * @return whether the two are equal
   */
  @Override
  public boolean equals(@Nullable Object other) {
    return other instanceof Dataset that
        && schema.equals(that.schema)
        && items.equals(that.items)
        && annotations.equals(that.annotations);
  }

  /**
   * A hash code of the schema, items and annotations.
   *
   * @return the hash code
   */
  @Override
  public int hashCode() {
    return Objects.hash(schema, items, annotations);
  }

  /**
   * A summary, for debugging: {@code Dataset[schema 'objects', 3 items, 5 annotations, 2
   * annotators]}.
   *
   * @return the summary
   */
  @Override
  public String toString() {
    return "Dataset[schema "
        + Require.quote(schema.name())
        + ", "
        + items.size()
        + (items.size() == 1 ? " item, " : " items, ")
        + annotations.size()
        + (annotations.size() == 1 ? " annotation, " : " annotations, ")
        + annotatorIds.size()
        + (annotatorIds.size() == 1 ? " annotator]" : " annotators]");
  }

  /**
   * Collects the items and annotations of a {@link Dataset}, in any order: an annotation may come
   * before its item. A repeated id is refused at once; that every annotation's item is there is
   * checked by {@link #build()}. Not thread-safe.
   *
   * @since 0.1.0
   */
  public static final class Builder {
    /** How many annotations of missing items the error of {@link #build()} lists. */
    private static final int LISTED = 10;

    private final Schema schema;
    private final List<Item> items = new ArrayList<>();
    private final Map<String, Integer> itemPositions = new HashMap<>();
    private final List<Annotation> annotations = new ArrayList<>();
    private final Map<String, Annotation> annotationsById = new HashMap<>();

    private Builder(Schema schema) {
      this.schema = Objects.requireNonNull(schema, "schema");
    }

    /**
     * Adds an item.
     *
     * @param item the item, whose id no item added before has
     * @return this builder
     * @throws IllegalArgumentException if an item of the same id was added before
     */
    @CanIgnoreReturnValue
    public Builder item(Item item) {
      Objects.requireNonNull(item, "item");
      if (itemPositions.containsKey(item.id())) {
        throw new IllegalArgumentException(
            "item id " + Require.quote(item.id()) + " appears twice");
      }
      itemPositions.put(item.id(), items.size());
      items.add(item);
      return this;
    }

    /**
     * Adds items, in order.
     *
     * @param items the items
     * @return this builder
     * @throws IllegalArgumentException if an item's id was added before
     */
    @CanIgnoreReturnValue
    public Builder items(Iterable<? extends Item> items) {
      Objects.requireNonNull(items, "items");
      for (Item item : items) {
        item(item);
      }
      return this;
    }

    /**
     * Adds an annotation, whose item may be added before or after it.
     *
     * @param annotation the annotation, whose id no annotation added before has
     * @return this builder
     * @throws IllegalArgumentException if an annotation of the same id was added before
     */
    @CanIgnoreReturnValue
    public Builder annotation(Annotation annotation) {
      Objects.requireNonNull(annotation, "annotation");
      Annotation previous = annotationsById.putIfAbsent(annotation.id(), annotation);
      if (previous != null) {
        throw new IllegalArgumentException(
            "annotation id " + Require.quote(annotation.id()) + " appears twice");
      }
      annotations.add(annotation);
      return this;
    }

    /**
     * Adds annotations, in order.
     *
     * @param annotations the annotations
     * @return this builder
     * @throws IllegalArgumentException if an annotation's id was added before
     */
    @CanIgnoreReturnValue
    public Builder annotations(Iterable<? extends Annotation> annotations) {
      Objects.requireNonNull(annotations, "annotations");
      for (Annotation annotation : annotations) {
        annotation(annotation);
      }
      return this;
    }

    /**
     * Adds an entry of a {@link DatasetSource}: its item, unless an equal item was added before (an
     * ungrouped source repeats items), then its annotations.
     *
     * @param entry the entry
     * @return this builder
     * @throws IllegalArgumentException if an item of the same id but different content was added
     *     before, or an annotation's id was
     */
    @CanIgnoreReturnValue
    public Builder entry(DatasetEntry entry) {
      Objects.requireNonNull(entry, "entry");
      Item item = entry.item();
      Integer position = itemPositions.get(item.id());
      if (position == null) {
        item(item);
      } else if (!items.get(position).equals(item)) {
        throw new IllegalArgumentException(
            "item id " + Require.quote(item.id()) + " appears twice, with different content");
      }
      return annotations(entry.annotations());
    }

    /**
     * Builds the dataset.
     *
     * @return the dataset
     * @throws IllegalArgumentException if annotations refer to items that were not added, naming
     *     the first ten of them with their items, and the closest item id to the first
     */
    public Dataset build() {
      List<Annotation> dangling = new ArrayList<>();
      for (Annotation annotation : annotations) {
        if (!itemPositions.containsKey(annotation.itemId())) {
          dangling.add(annotation);
        }
      }
      if (!dangling.isEmpty()) {
        throw new IllegalArgumentException(describeDangling(dangling));
      }
      return new Dataset(
          schema,
          items,
          Map.copyOf(itemPositions),
          annotations,
          Collections.unmodifiableMap(new HashMap<>(annotationsById)));
    }

    private String describeDangling(List<Annotation> dangling) {
      int n = dangling.size();
      StringBuilder message =
          new StringBuilder()
              .append(n)
              .append(n == 1 ? " annotation refers" : " annotations refer")
              .append(" to items not in the dataset: ");
      for (int i = 0; i < Math.min(n, LISTED); i++) {
        Annotation annotation = dangling.get(i);
        message
            .append(i == 0 ? "" : ", ")
            .append(Require.quote(annotation.id()))
            .append(" (item ")
            .append(Require.quote(annotation.itemId()))
            .append(')');
      }
      if (n > LISTED) {
        message.append(", … ").append(n - LISTED).append(" more");
      }
      return message.append(Hints.didYouMean(dangling.get(0).itemId(), idsOf(items))).toString();
    }
  }
}
