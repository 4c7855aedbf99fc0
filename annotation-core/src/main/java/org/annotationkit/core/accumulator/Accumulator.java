package org.annotationkit.core.accumulator;

import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import java.util.stream.Collector;

/**
 * A statistic built by adding inputs that can be split over parts of the data and merged: create an
 * empty one, add inputs with the implementation's own add methods, {@link #merge(Accumulator)
 * merge} two, {@link #finish() finish}. The laws every implementation obeys are written in the
 * {@linkplain org.annotationkit.core.accumulator package description}: splitting and merging equals
 * accumulating the whole, merge is associative, the empty accumulator is neutral, merge leaves its
 * argument unchanged, finish does not consume.
 *
 * <p>Implementations are mutable and not thread-safe; their results are immutable.
 *
 * @param <A> the accumulator type itself
 * @param <R> the type of the result
 * @since 0.1.0
 */
public interface Accumulator<A extends Accumulator<A, R>, R> {

  /**
   * Adds everything {@code other} has accumulated, as if its inputs had been added to this one
   * after this one's own. {@code other} is not changed, and this accumulator keeps no reference to
   * its state.
   *
   * @param other an accumulator of the same kind (for those built over a coding or a size, built
   *     over the same one)
   * @throws IllegalArgumentException if {@code other} is incompatible, such as counts over another
   *     coding
   */
  void merge(A other);

  /**
   * The result of everything added and merged so far. The accumulator is not changed: adding and
   * merging may go on, and {@code finish()} may be called again.
   *
   * @return the result, which shares no mutable state with this accumulator
   */
  R finish();

  /**
   * A {@link Collector} that accumulates a stream's elements: a new accumulator from {@code empty},
   * each element added with {@code add}, parts merged with {@link #merge(Accumulator)} (in
   * encounter order on a parallel stream), and {@link #finish()} at the end.
   *
   * @param <T> the type of the stream's elements
   * @param <A> the accumulator type
   * @param <R> the type of the result
   * @param empty makes an empty accumulator, such as {@code SummaryAccumulator::new}
   * @param add adds one element, such as {@code SummaryAccumulator::add}
   * @return the collector
   */
  static <T, A extends Accumulator<A, R>, R> Collector<T, A, R> collector(
      Supplier<A> empty, BiConsumer<A, ? super T> add) {
    Objects.requireNonNull(empty, "empty");
    Objects.requireNonNull(add, "add");
    return Collector.of(
        empty,
        add::accept,
        (left, right) -> {
          left.merge(right);
          return left;
        },
        Accumulator::finish);
  }
}
