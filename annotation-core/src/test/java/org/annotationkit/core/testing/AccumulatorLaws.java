package org.annotationkit.core.testing;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.BiPredicate;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import org.annotationkit.core.accumulator.Accumulator;

/**
 * Checks that an {@link Accumulator} obeys the laws of {@linkplain
 * org.annotationkit.core.accumulator mergeable accumulators} on given inputs, over random splits
 * drawn from a seed. Every module's accumulators are tested with it:
 *
 * {@snippet :
 * @ParameterizedTest(name = "seed {0}")
 * @MethodSource("seeds")
 * void summaryObeysTheLaws(long seed) {
 *   List<Double> values = ...; // drawn from Seeds.random(seed)
 *   AccumulatorLaws.over(values, SummaryAccumulator::new, SummaryAccumulator::add)
 *       .equivalence((a, b) -> AccumulatorLaws.close(a.mean(), b.mean(), 1e-9) && ...)
 *       .orderIndependent()
 *       .check(seed);
 * }
 * }
 *
 * <p>{@link #check(long)} checks, in this order, each over {@link #rounds(int) several} random
 * splits of the inputs into consecutive parts (some of them empty), comparing results of {@link
 * Accumulator#finish()} with the {@linkplain #equivalence(BiPredicate) equivalence}:
 *
 * <ol>
 *   <li>"empty is neutral on the left": {@code empty.merge(acc(p)) ≡ acc(p)}; "empty is neutral on
 *       the right": {@code acc(p).merge(empty) ≡ acc(p)}, and {@code empty.merge(empty) ≡ empty};
 *   <li>"finish does not consume": finishing twice gives equivalent results, and adding more after
 *       a finish gives the result of all the inputs; "finish shares no state": a result does not
 *       change when its accumulator goes on;
 *   <li>"merge leaves its argument unchanged": {@code b} finishes as before after {@code
 *       a.merge(b)}; "merge keeps no reference to its argument": adding to {@code b} afterwards
 *       does not change {@code a};
 *   <li>"merging the parts equals the whole": the parts of a k-way split, merged from left to
 *       right, give the result of accumulating all the inputs in order;
 *   <li>"merge is associative": {@code (a.merge(b)).merge(c) ≡ a.merge(b.merge(c))} for three-way
 *       splits;
 *   <li>only when {@linkplain #orderIndependent() declared}: "order independence": shuffled inputs
 *       give the result of the inputs in order, and "merge commutes": {@code a.merge(b) ≡
 *       b.merge(a)}.
 * </ol>
 *
 * <p>A failure is an {@link AssertionError} whose message names the law, the seed, the split (the
 * sizes of its parts) and the two results. Instances are immutable; the configuring methods return
 * new ones.
 *
 * @param <T> the type of the inputs
 * @param <A> the accumulator type
 * @param <R> the type of its results
 * @since 0.1.0
 */
public final class AccumulatorLaws<T, A extends Accumulator<A, R>, R> {

  /** How many characters of a result a failure message shows. */
  private static final int SHOWN = 400;

  private final List<T> inputs;
  private final Supplier<A> empty;
  private final BiConsumer<A, T> add;
  private final BiPredicate<? super R, ? super R> equivalence;
  private final boolean orderIndependent;
  private final int rounds;

  private AccumulatorLaws(
      List<T> inputs,
      Supplier<A> empty,
      BiConsumer<A, T> add,
      BiPredicate<? super R, ? super R> equivalence,
      boolean orderIndependent,
      int rounds) {
    this.inputs = inputs;
    this.empty = empty;
    this.add = add;
    this.equivalence = equivalence;
    this.orderIndependent = orderIndependent;
    this.rounds = rounds;
  }

  /**
   * The laws over the given inputs, for accumulators that {@code empty} makes and {@code add} adds
   * to, with results compared by {@link Object#equals(Object)}, order not declared irrelevant, and
   * 20 rounds per law.
   *
   * @param <T> the type of the inputs
   * @param <A> the accumulator type
   * @param <R> the type of its results
   * @param inputs the inputs, in order (copied; may be empty)
   * @param empty makes a new empty accumulator each time it is called
   * @param add adds one input to an accumulator
   * @return the laws, ready to {@link #check(long)}
   */
  public static <T, A extends Accumulator<A, R>, R> AccumulatorLaws<T, A, R> over(
      List<T> inputs, Supplier<A> empty, BiConsumer<A, T> add) {
    Objects.requireNonNull(inputs, "inputs");
    Objects.requireNonNull(empty, "empty");
    Objects.requireNonNull(add, "add");
    return new AccumulatorLaws<>(
        Collections.unmodifiableList(new ArrayList<>(inputs)),
        empty,
        add,
        Objects::equals,
        false,
        20);
  }

  /**
   * The same laws with results compared by the given equivalence, such as equality within a
   * tolerance for floating-point results (see {@link #close(double, double, double)}).
   *
   * @param same whether two results count as equal
   * @return new laws
   */
  public AccumulatorLaws<T, A, R> equivalence(BiPredicate<? super R, ? super R> same) {
    Objects.requireNonNull(same, "same");
    return new AccumulatorLaws<>(inputs, empty, add, same, orderIndependent, rounds);
  }

  /**
   * The same laws plus order independence, for accumulators documented as order-independent.
   *
   * @return new laws
   */
  public AccumulatorLaws<T, A, R> orderIndependent() {
    return new AccumulatorLaws<>(inputs, empty, add, equivalence, true, rounds);
  }

  /**
   * The same laws checked over the given number of random splits each.
   *
   * @param count the number of rounds per law, {@code >= 1}
   * @return new laws
   */
  public AccumulatorLaws<T, A, R> rounds(int count) {
    if (count < 1) {
      throw new IllegalArgumentException("rounds must be >= 1, got " + count);
    }
    return new AccumulatorLaws<>(inputs, empty, add, equivalence, orderIndependent, count);
  }

  /**
   * Whether two numbers are equal up to a tolerance relative to their size: {@code |a - b| <=
   * tolerance * max(1, |a|, |b|)}; NaN is close to NaN, and an infinity only to itself.
   *
   * @param a a number
   * @param b another number
   * @param tolerance the relative tolerance, such as {@code 1e-9}
   * @return whether they are close
   */
  public static boolean close(double a, double b, double tolerance) {
    if (Double.isNaN(a) || Double.isNaN(b)) {
      return Double.isNaN(a) && Double.isNaN(b);
    }
    if (Double.isInfinite(a) || Double.isInfinite(b)) {
      return a == b;
    }
    return Math.abs(a - b) <= tolerance * Math.max(1, Math.max(Math.abs(a), Math.abs(b)));
  }

  /**
   * Checks every law over random splits drawn from {@code seed}.
   *
   * @param seed the seed of the splits and shuffles; the failure message repeats it
   * @throws AssertionError naming the first law that fails, the seed, the split and the results
   */
  public void check(long seed) {
    RandomGenerator random = Seeds.random(seed);
    List<List<Integer>> splits = new ArrayList<>();
    int n = inputs.size();
    splits.add(List.of(n));
    splits.add(List.of(0, n));
    splits.add(List.of(n, 0));
    if (n > 0 && n <= 64) {
      splits.add(Collections.nCopies(n, 1));
    }
    for (int round = 0; round < rounds; round++) {
      splits.add(randomSplit(random, 1 + random.nextInt(6)));
    }
    for (List<Integer> split : splits) {
      checkNeutral(seed, split);
    }
    for (List<Integer> split : splits) {
      checkFinish(seed, split);
    }
    for (List<Integer> split : splits) {
      checkArgument(seed, split);
    }
    for (List<Integer> split : splits) {
      checkWhole(seed, split);
    }
    List<List<Integer>> threeWay = new ArrayList<>();
    threeWay.add(List.of(0, n, 0));
    for (int round = 0; round < rounds; round++) {
      threeWay.add(randomSplit(random, 3));
    }
    for (List<Integer> split : threeWay) {
      checkAssociative(seed, split);
    }
    if (orderIndependent) {
      for (int round = 0; round < rounds; round++) {
        checkOrder(seed, random, randomSplit(random, 2), round);
      }
    }
  }

  /** Sizes of {@code k} consecutive parts covering the inputs; parts may be empty. */
  private List<Integer> randomSplit(RandomGenerator random, int k) {
    int n = inputs.size();
    int[] cuts = new int[k + 1];
    cuts[k] = n;
    for (int i = 1; i < k; i++) {
      cuts[i] = random.nextInt(n + 1);
    }
    java.util.Arrays.sort(cuts, 1, k);
    List<Integer> sizes = new ArrayList<>(k);
    for (int i = 0; i < k; i++) {
      sizes.add(cuts[i + 1] - cuts[i]);
    }
    return List.copyOf(sizes);
  }

  /** The inputs of each part of a split, in order. */
  private List<List<T>> parts(List<Integer> split) {
    List<List<T>> parts = new ArrayList<>(split.size());
    int start = 0;
    for (int size : split) {
      parts.add(inputs.subList(start, start + size));
      start += size;
    }
    return parts;
  }

  private A accumulate(List<T> part) {
    A accumulator = Objects.requireNonNull(empty.get(), "empty() returned null");
    for (T input : part) {
      add.accept(accumulator, input);
    }
    return accumulator;
  }

  private void checkNeutral(long seed, List<Integer> split) {
    for (List<T> part : parts(split)) {
      R expected = accumulate(part).finish();
      A left = empty.get();
      left.merge(accumulate(part));
      expect("empty is neutral on the left", seed, split, expected, left.finish());
      A right = accumulate(part);
      right.merge(empty.get());
      expect("empty is neutral on the right", seed, split, expected, right.finish());
    }
    A both = empty.get();
    both.merge(empty.get());
    expect("empty is neutral on the left", seed, List.of(0), empty.get().finish(), both.finish());
  }

  private void checkFinish(long seed, List<Integer> split) {
    List<List<T>> parts = parts(split);
    List<T> head = parts.get(0);
    List<T> tail = inputs.subList(head.size(), inputs.size());
    A accumulator = accumulate(head);
    R first = accumulator.finish();
    expect("finish does not consume", seed, split, first, accumulator.finish());
    for (T input : tail) {
      add.accept(accumulator, input);
    }
    expect(
        "finish does not consume", seed, split, accumulate(inputs).finish(), accumulator.finish());
    expect("finish shares no state", seed, split, accumulate(head).finish(), first);
  }

  private void checkArgument(long seed, List<Integer> split) {
    List<List<T>> parts = parts(split);
    List<T> a = parts.get(0);
    List<T> b = parts.get(parts.size() - 1);
    A left = accumulate(a);
    A right = accumulate(b);
    left.merge(right);
    expect(
        "merge leaves its argument unchanged", seed, split, accumulate(b).finish(), right.finish());
    R merged = left.finish();
    for (T input : inputs) {
      add.accept(right, input);
    }
    expect("merge keeps no reference to its argument", seed, split, merged, left.finish());
  }

  private void checkWhole(long seed, List<Integer> split) {
    A merged = empty.get();
    for (List<T> part : parts(split)) {
      merged.merge(accumulate(part));
    }
    expect(
        "merging the parts equals the whole",
        seed,
        split,
        accumulate(inputs).finish(),
        merged.finish());
  }

  private void checkAssociative(long seed, List<Integer> split) {
    List<List<T>> parts = parts(split);
    A leftFirst = accumulate(parts.get(0));
    leftFirst.merge(accumulate(parts.get(1)));
    leftFirst.merge(accumulate(parts.get(2)));
    A rightFirst = accumulate(parts.get(1));
    rightFirst.merge(accumulate(parts.get(2)));
    A grouped = accumulate(parts.get(0));
    grouped.merge(rightFirst);
    expect("merge is associative", seed, split, leftFirst.finish(), grouped.finish());
  }

  private void checkOrder(long seed, RandomGenerator random, List<Integer> split, int round) {
    List<T> shuffled = new ArrayList<>(inputs);
    Collections.shuffle(shuffled, random);
    expect(
        "order independence (inputs shuffled, round " + round + ")",
        seed,
        List.of(inputs.size()),
        accumulate(inputs).finish(),
        accumulate(shuffled).finish());
    List<List<T>> parts = parts(split);
    A ab = accumulate(parts.get(0));
    ab.merge(accumulate(parts.get(1)));
    A ba = accumulate(parts.get(1));
    ba.merge(accumulate(parts.get(0)));
    expect("merge commutes", seed, split, ab.finish(), ba.finish());
  }

  private void expect(String law, long seed, List<Integer> split, R expected, R actual) {
    if (!equivalence.test(expected, actual)) {
      throw new AssertionError(
          "law '"
              + law
              + "' fails (seed "
              + seed
              + ", "
              + split.size()
              + "-way split of "
              + inputs.size()
              + " inputs into parts of sizes "
              + split
              + "): expected "
              + shown(expected)
              + " but got "
              + shown(actual));
    }
  }

  private static String shown(Object value) {
    String text = String.valueOf(value);
    return text.length() <= SHOWN ? text : text.substring(0, SHOWN) + "…";
  }
}
