/**
 * Mergeable accumulators: statistics that are built by adding inputs one at a time, that can be
 * built separately over the parts of the data and merged, and that give the same result either way.
 * This is what lets one statistic run over a stream, over threads, or as the combine step of a
 * distributed engine.
 *
 * <h2>The contract</h2>
 *
 * An accumulator type {@code A} that gives results of type {@code R} implements {@link
 * org.annotationkit.core.accumulator.Accumulator Accumulator&lt;A, R&gt;} and offers four
 * operations:
 *
 * <ul>
 *   <li><b>empty</b>: a public constructor (or factory) that makes an accumulator of nothing;
 *   <li><b>add</b>: methods of its own that take one input each, typed for what it accumulates,
 *       such as {@code add(double value)} or {@code add(int unit, int rater, int code)};
 *   <li><b>merge</b>: {@link org.annotationkit.core.accumulator.Accumulator#merge(Accumulator)
 *       a.merge(b)} makes {@code a} the accumulator of {@code a}'s inputs followed by {@code b}'s;
 *   <li><b>finish</b>: {@link org.annotationkit.core.accumulator.Accumulator#finish()} gives the
 *       result of everything added and merged so far.
 * </ul>
 *
 * <h2>The laws</h2>
 *
 * Write {@code acc(xs)} for an empty accumulator to which the inputs {@code xs} were added in
 * order, {@code ++} for concatenation and {@code ≡} for "gives an equal result from {@link
 * org.annotationkit.core.accumulator.Accumulator#finish() finish}" (equal up to floating-point
 * rounding where the result is a floating-point number; each accumulator says which). Every
 * accumulator obeys:
 *
 * <ol>
 *   <li><b>Split and merge equals the whole.</b> {@code acc(xs).merge(acc(ys)) ≡ acc(xs ++ ys)},
 *       and so, for a split of the inputs into any number of consecutive parts (empty ones
 *       included), merging the parts' accumulators from left to right gives the accumulator of the
 *       whole.
 *   <li><b>Merge is associative.</b> {@code (a.merge(b)).merge(c) ≡ a.merge(b.merge(c))}, so parts
 *       may be merged in any tree shape, as long as each merge keeps the left part on the left.
 *   <li><b>The empty accumulator is neutral.</b> {@code empty.merge(a) ≡ a} and {@code
 *       a.merge(empty) ≡ a}.
 *   <li><b>Merge reads its argument and nothing else.</b> {@code a.merge(b)} changes {@code a}
 *       only; {@code b} is left as it was and {@code a} keeps no reference to {@code b}'s state, so
 *       {@code b} may be merged again, added to, or dropped.
 *   <li><b>Finish does not consume.</b> {@code finish()} leaves the accumulator as it was: adding
 *       and merging may go on, and {@code finish()} again gives the result of everything so far.
 *       The result shares no mutable state with the accumulator.
 * </ol>
 *
 * <p><b>Order.</b> Merge is not required to be commutative: {@code a.merge(b)} means "{@code a}'s
 * inputs, then {@code b}'s", and an accumulator whose result depends on the order of its inputs
 * (first seen, first of tied items wins) obeys the laws above as long as parts are merged in input
 * order. An accumulator whose result does not depend on the order of its inputs, so that {@code
 * a.merge(b) ≡ b.merge(a)}, says so in its documentation ("order-independent"); only those can be
 * the combine step of an engine that merges in no particular order, such as Apache Beam.
 *
 * <p><b>Thread safety.</b> Accumulators are mutable and not thread-safe: give each thread (or each
 * part) its own and merge them afterwards. Their results are immutable.
 *
 * <h2>Why this shape</h2>
 *
 * Apache Beam's {@code CombineFn<In, Acc, Out>} and Apache Spark's {@code Aggregator<In, Buf, Out>}
 * keep the operations in a function object apart from a passive accumulator, and type the input:
 * every element added passes through {@code addInput(Acc, In)} or {@code reduce(Buf, In)} as an
 * object. That costs a boxed number or an input record per element, which the hot paths here
 * (hundreds of millions of ratings or probabilities) cannot pay, and a statistic that takes a unit,
 * a rater and a category would need a tuple type for its input. So the accumulator here is the
 * object that holds its state, like the JDK's {@code DoubleSummaryStatistics} and Guava's {@code
 * StatsAccumulator}, with add methods of its own that may take primitives; what all accumulators
 * share, and what generic code and the law tests rely on, is only what has one shape for all:
 * creating an empty one, merging and finishing. The Beam or Spark shape is a thin adapter over this
 * one ({@code createAccumulator} is the constructor, {@code addInput} calls an add method, {@code
 * mergeAccumulators} folds {@code merge}, {@code extractOutput} is {@code finish}), and {@link
 * java.util.stream.Stream#collect(java.util.function.Supplier, java.util.function.BiConsumer,
 * java.util.function.BiConsumer) Stream.collect(supplier, add, merge)} takes it as it is, also on
 * parallel streams, whose combine keeps the encounter order.
 *
 * <p>Every accumulator's tests check these laws with {@code AccumulatorLaws}, in core's test-jar
 * ({@code org.annotationkit.core.testing}).
 *
 * @since 0.1.0
 */
@NullMarked
@CheckReturnValue
package org.annotationkit.core.accumulator;

import com.google.errorprone.annotations.CheckReturnValue;
import org.jspecify.annotations.NullMarked;
