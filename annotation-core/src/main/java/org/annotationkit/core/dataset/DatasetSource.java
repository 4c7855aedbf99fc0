package org.annotationkit.core.dataset;

import java.io.Closeable;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.annotationkit.core.schema.Schema;

/**
 * A dataset read one item at a time, for inputs too large for memory: the schema first, then
 * {@linkplain DatasetEntry entries} of an item and annotations of it. Format readers produce one;
 * writers consume one; {@link Dataset#source()} gives one over a dataset in memory and {@link
 * Dataset#of(DatasetSource)} collects one into memory.
 *
 * <h2>What every source guarantees</h2>
 *
 * <ul>
 *   <li>Every item of the dataset is in at least one entry; an item without annotations comes in an
 *       entry with an empty list.
 *   <li>An entry's annotations are of its item ({@link DatasetEntry} checks this), and every
 *       annotation of the dataset is in exactly one entry. Ids of items, and of annotations, are
 *       unique across the source.
 *   <li>Entries come in the order the source reads them; for {@link Dataset#source()}, the
 *       dataset's item order, each item's annotations in the dataset's order.
 * </ul>
 *
 * <h2>Grouped and ungrouped sources</h2>
 *
 * A {@linkplain #grouped() grouped} source gives each item in exactly one entry, with all of its
 * annotations: what a file of one record per item gives (Label Studio tasks, canonical JSON Lines
 * grouped by item, one VOC or YOLO file per image), and what a writer of one record per item needs.
 *
 * <p>An ungrouped source may give an item in several entries, not necessarily one after another,
 * each time as an equal {@link org.annotationkit.core.item.Item Item}; together those entries hold
 * each of the item's annotations once. This is how a format that lists all items first and all
 * annotations after (COCO: {@code images}, then {@code annotations}) streams without holding its
 * annotations: first each image with an empty list, then each annotation (or each run of them) with
 * its image, looked up among the images kept, which are small next to the annotations. A writer
 * that needs grouped entries and gets an ungrouped source collects it first ({@code
 * Dataset.of(source).source()}); a writer that writes items and annotations apart (canonical JSON
 * Lines, COCO) writes each item the first time it comes and each annotation as it comes.
 *
 * <p>Sources are not thread-safe. Closing one releases what it reads from; read failures raise
 * {@link UncheckedIOException}, and malformed input the reader's {@link
 * org.annotationkit.core.io.FormatException}, from {@link #hasNext()} or {@link #next()}.
 *
 * @since 0.1.0
 */
public interface DatasetSource extends Iterator<DatasetEntry>, Closeable {

  /**
   * The schema of the dataset, known before the first entry.
   *
   * @return the schema
   */
  Schema schema();

  /**
   * Whether each item comes in exactly one entry with all its annotations (see the class
   * description).
   *
   * @return true for a grouped source
   */
  boolean grouped();

  /**
   * Whether another entry follows.
   *
   * @return true if {@link #next()} has an entry
   * @throws UncheckedIOException if reading fails
   */
  @Override
  boolean hasNext();

  /**
   * The next entry.
   *
   * @return the entry
   * @throws NoSuchElementException if there is none
   * @throws UncheckedIOException if reading fails
   */
  @Override
  DatasetEntry next();

  /**
   * Releases what the source reads from; further reading fails.
   *
   * @throws UncheckedIOException if closing fails
   */
  @Override
  void close();

  /**
   * The remaining entries as a sequential stream; closing the stream closes this source.
   *
   * @return the stream
   */
  default Stream<DatasetEntry> stream() {
    return StreamSupport.stream(
            Spliterators.spliteratorUnknownSize(this, Spliterator.ORDERED | Spliterator.NONNULL),
            false)
        .onClose(this::close);
  }

  /**
   * A source over entries already at hand, such as a list's iterator; closing it does nothing.
   *
   * @param schema the schema
   * @param grouped whether each item is in exactly one of the entries
   * @param entries the entries, in order
   * @return the source
   */
  static DatasetSource of(Schema schema, boolean grouped, Iterator<DatasetEntry> entries) {
    Objects.requireNonNull(schema, "schema");
    Objects.requireNonNull(entries, "entries");
    return new DatasetSource() {
      @Override
      public Schema schema() {
        return schema;
      }

      @Override
      public boolean grouped() {
        return grouped;
      }

      @Override
      public boolean hasNext() {
        return entries.hasNext();
      }

      @Override
      public DatasetEntry next() {
        return Objects.requireNonNull(entries.next(), "entry");
      }

      @Override
      public void close() {}
    };
  }
}
