package org.annotationkit.core.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import java.util.stream.Stream;
import org.annotationkit.core.accumulator.Accumulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The law checker passes correct accumulators and catches broken ones, naming the law, the seed and
 * the split. Each broken accumulator below gets one thing wrong.
 */
class AccumulatorLawsTest {

  private static final long SEED = 42;

  static Stream<Long> seeds() {
    return Seeds.seeds(50);
  }

  private static List<Integer> numbers(long seed) {
    RandomGenerator random = Seeds.random(seed);
    List<Integer> numbers = new ArrayList<>();
    int n = random.nextInt(0, 40);
    for (int i = 0; i < n; i++) {
      numbers.add(random.nextInt(-50, 100));
    }
    return numbers;
  }

  /** Ten inputs of unequal values, enough for every broken accumulator to show. */
  private static final List<Integer> TEN = List.of(5, -3, 8, 8, 1, 0, 13, -7, 2, 40);

  private static AssertionError failure(AccumulatorLaws<Integer, ?, ?> laws) {
    AssertionError error = catchThrowableOfType(AssertionError.class, () -> laws.check(SEED));
    assertThat(error).as("the checker should have failed").isNotNull();
    assertThat(error.getMessage())
        .contains("(seed " + SEED + ", ")
        .containsPattern("\\d+-way split of \\d+ inputs into parts of sizes \\[[0-9, ]*\\]")
        .contains("expected ")
        .contains(" but got ");
    return error;
  }

  // ------------------------------------------------------------------ correct accumulators

  /** A correct, order-independent sum. */
  static final class Sum implements Accumulator<Sum, Long> {
    long total;

    void add(int value) {
      total += value;
    }

    @Override
    public void merge(Sum other) {
      total += other.total;
    }

    @Override
    public Long finish() {
      return total;
    }
  }

  /** A correct accumulator whose result depends on order: the inputs in sequence. */
  static final class Sequence implements Accumulator<Sequence, List<Integer>> {
    List<Integer> items = new ArrayList<>();

    void add(int value) {
      items.add(value);
    }

    @Override
    public void merge(Sequence other) {
      items.addAll(other.items);
    }

    @Override
    public List<Integer> finish() {
      return List.copyOf(items);
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void correctAccumulatorsPass(long seed) {
    List<Integer> inputs = numbers(seed);
    assertThatCode(
            () -> AccumulatorLaws.over(inputs, Sum::new, Sum::add).orderIndependent().check(seed))
        .doesNotThrowAnyException();
    assertThatCode(() -> AccumulatorLaws.over(inputs, Sequence::new, Sequence::add).check(seed))
        .doesNotThrowAnyException();
  }

  @Test
  void anOrderDependentAccumulatorDeclaredOrderIndependentFails() {
    AssertionError error =
        failure(AccumulatorLaws.over(TEN, Sequence::new, Sequence::add).orderIndependent());
    assertThat(error).hasMessageStartingWith("law 'order independence");
  }

  // ------------------------------------------------------------------ broken accumulators

  /** Merge drops the other side. */
  static final class DropsOther implements Accumulator<DropsOther, Long> {
    long total;

    void add(int value) {
      total += value;
    }

    @Override
    public void merge(DropsOther other) {}

    @Override
    public Long finish() {
      return total;
    }
  }

  @Test
  void aMergeThatDropsTheOtherSideFails() {
    AssertionError error = failure(AccumulatorLaws.over(TEN, DropsOther::new, DropsOther::add));
    assertThat(error).hasMessageStartingWith("law 'empty is neutral on the left' fails");
  }

  /** Merges two means by averaging them, whatever the sizes of the parts. */
  static final class MeanOfMeans implements Accumulator<MeanOfMeans, Double> {
    long count;
    double mean;

    void add(int value) {
      count++;
      mean += (value - mean) / count;
    }

    @Override
    public void merge(MeanOfMeans other) {
      if (other.count == 0) {
        return;
      }
      if (count == 0) {
        count = other.count;
        mean = other.mean;
        return;
      }
      mean = (mean + other.mean) / 2;
      count += other.count;
    }

    @Override
    public Double finish() {
      return mean;
    }
  }

  @Test
  void aMeanMergedByAveragingMeansFails() {
    AssertionError error =
        failure(
            AccumulatorLaws.over(TEN, MeanOfMeans::new, MeanOfMeans::add)
                .equivalence((a, b) -> AccumulatorLaws.close(a, b, 1e-9)));
    assertThat(error).hasMessageStartingWith("law 'merging the parts equals the whole' fails");
  }

  /** An empty accumulator that already counts one. */
  static final class CountsItself implements Accumulator<CountsItself, Long> {
    long count = 1;

    void add(int value) {
      count++;
    }

    @Override
    public void merge(CountsItself other) {
      count += other.count;
    }

    @Override
    public Long finish() {
      return count;
    }
  }

  @Test
  void anEmptyAccumulatorThatIsNotNeutralFails() {
    AssertionError error = failure(AccumulatorLaws.over(TEN, CountsItself::new, CountsItself::add));
    assertThat(error).hasMessageStartingWith("law 'empty is neutral on the left' fails");
  }

  /** Finish hands over the total and starts again. */
  static final class ConsumingFinish implements Accumulator<ConsumingFinish, Long> {
    long total;

    void add(int value) {
      total += value;
    }

    @Override
    public void merge(ConsumingFinish other) {
      total += other.total;
    }

    @Override
    public Long finish() {
      long result = total;
      total = 0;
      return result;
    }
  }

  @Test
  void aFinishThatConsumesFails() {
    AssertionError error =
        failure(AccumulatorLaws.over(TEN, ConsumingFinish::new, ConsumingFinish::add));
    assertThat(error).hasMessageStartingWith("law 'finish does not consume' fails");
  }

  /** Finish returns the accumulator's own list. */
  static final class LeakingFinish implements Accumulator<LeakingFinish, List<Integer>> {
    final List<Integer> items = new ArrayList<>();

    void add(int value) {
      items.add(value);
    }

    @Override
    public void merge(LeakingFinish other) {
      items.addAll(other.items);
    }

    @Override
    public List<Integer> finish() {
      return items;
    }
  }

  @Test
  void aFinishThatSharesStateFails() {
    AssertionError error =
        failure(AccumulatorLaws.over(TEN, LeakingFinish::new, LeakingFinish::add));
    assertThat(error).hasMessageStartingWith("law 'finish shares no state' fails");
  }

  /** Merge moves the other side's total instead of copying it. */
  static final class ClearsArgument implements Accumulator<ClearsArgument, Long> {
    long total;

    void add(int value) {
      total += value;
    }

    @Override
    public void merge(ClearsArgument other) {
      total += other.total;
      other.total = 0;
    }

    @Override
    public Long finish() {
      return total;
    }
  }

  @Test
  void aMergeThatChangesItsArgumentFails() {
    AssertionError error =
        failure(AccumulatorLaws.over(TEN, ClearsArgument::new, ClearsArgument::add));
    assertThat(error).hasMessageStartingWith("law 'merge leaves its argument unchanged' fails");
  }

  /** Merge into an empty accumulator takes the other's list itself. */
  static final class AliasesArgument implements Accumulator<AliasesArgument, List<Integer>> {
    List<Integer> items = new ArrayList<>();

    void add(int value) {
      items.add(value);
    }

    @Override
    public void merge(AliasesArgument other) {
      if (items.isEmpty()) {
        items = other.items;
      } else {
        items.addAll(other.items);
      }
    }

    @Override
    public List<Integer> finish() {
      return List.copyOf(items);
    }
  }

  @Test
  void aMergeThatKeepsItsArgumentsStateFails() {
    AssertionError error =
        failure(AccumulatorLaws.over(TEN, AliasesArgument::new, AliasesArgument::add));
    assertThat(error)
        .hasMessageStartingWith("law 'merge keeps no reference to its argument' fails");
  }

  /** Merge ignores an argument that was itself merged: right fold differs from left fold. */
  static final class DropsMerged implements Accumulator<DropsMerged, Long> {
    long total;
    boolean merged;

    void add(int value) {
      total += value;
    }

    @Override
    public void merge(DropsMerged other) {
      if (!other.merged) {
        total += other.total;
      }
      merged = true;
    }

    @Override
    public Long finish() {
      return total;
    }
  }

  @Test
  void aNonAssociativeMergeFails() {
    AssertionError error = failure(AccumulatorLaws.over(TEN, DropsMerged::new, DropsMerged::add));
    assertThat(error).hasMessageStartingWith("law 'merge is associative' fails");
  }

  @Test
  void roundsMustBePositive() {
    AccumulatorLaws<Integer, Sum, Long> laws = AccumulatorLaws.over(TEN, Sum::new, Sum::add);
    assertThatCode(() -> laws.rounds(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("rounds must be >= 1, got 0");
    assertThatCode(() -> laws.rounds(1).check(SEED)).doesNotThrowAnyException();
  }

  @Test
  void closeIsRelativeToTheSize() {
    assertThat(AccumulatorLaws.close(1e9, 1e9 + 0.5, 1e-9)).isTrue();
    assertThat(AccumulatorLaws.close(1e9, 1e9 + 5, 1e-9)).isFalse();
    assertThat(AccumulatorLaws.close(0, 1e-10, 1e-9)).isTrue();
    assertThat(AccumulatorLaws.close(Double.NaN, Double.NaN, 1e-9)).isTrue();
    assertThat(AccumulatorLaws.close(Double.NaN, 0, 1e-9)).isFalse();
    assertThat(AccumulatorLaws.close(Double.POSITIVE_INFINITY, 1e308, 1e-9)).isFalse();
  }
}
