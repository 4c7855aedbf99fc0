package org.annotationkit.core.accumulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import java.util.stream.Stream;
import org.annotationkit.core.testing.AccumulatorLaws;
import org.annotationkit.core.testing.Seeds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SummaryAccumulatorTest {

  static Stream<Long> seeds() {
    return Seeds.seeds(100);
  }

  /** Values of one of several shapes: moderate, integers, a large offset with a small spread. */
  private static List<Double> values(RandomGenerator random) {
    int n = random.nextInt(0, 60);
    int shape = random.nextInt(3);
    List<Double> values = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      values.add(
          switch (shape) {
            case 0 -> random.nextDouble(-1000, 1000);
            case 1 -> (double) random.nextInt(-5, 6);
            default -> 1e6 + random.nextDouble();
          });
    }
    return values;
  }

  private static boolean sameUpToRounding(Summary a, Summary b) {
    if (a.count() != b.count()) {
      return false;
    }
    if (a.count() == 0) {
      return true;
    }
    return a.min() == b.min()
        && a.max() == b.max()
        && AccumulatorLaws.close(a.mean(), b.mean(), 1e-12)
        && AccumulatorLaws.close(a.populationVariance(), b.populationVariance(), 1e-9);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void obeysTheAccumulatorLaws(long seed) {
    AccumulatorLaws.over(
            values(Seeds.random(seed)), SummaryAccumulator::new, SummaryAccumulator::add)
        .equivalence(SummaryAccumulatorTest::sameUpToRounding)
        .orderIndependent()
        .check(seed);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void agreesWithAnExactTwoPassComputation(long seed) {
    List<Double> values = values(Seeds.random(seed));
    SummaryAccumulator accumulator = new SummaryAccumulator();
    values.forEach(accumulator::add);
    Summary summary = accumulator.finish();
    assertThat(summary.count()).isEqualTo(values.size());
    if (values.isEmpty()) {
      return;
    }
    MathContext context = MathContext.DECIMAL128;
    BigDecimal sum = BigDecimal.ZERO;
    for (double value : values) {
      sum = sum.add(new BigDecimal(value));
    }
    BigDecimal mean = sum.divide(BigDecimal.valueOf(values.size()), context);
    BigDecimal squares = BigDecimal.ZERO;
    for (double value : values) {
      BigDecimal deviation = new BigDecimal(value).subtract(mean);
      squares = squares.add(deviation.multiply(deviation));
    }
    double variance = squares.divide(BigDecimal.valueOf(values.size()), context).doubleValue();
    assertThat(summary.mean()).isCloseTo(mean.doubleValue(), within(1e-12 * 1e6));
    assertThat(AccumulatorLaws.close(summary.populationVariance(), variance, 1e-9)).isTrue();
    assertThat(summary.min()).isEqualTo(values.stream().mapToDouble(x -> x).min().orElseThrow());
    assertThat(summary.max()).isEqualTo(values.stream().mapToDouble(x -> x).max().orElseThrow());
    if (values.size() > 1) {
      double sample = squares.divide(BigDecimal.valueOf(values.size() - 1L), context).doubleValue();
      assertThat(AccumulatorLaws.close(summary.sampleVariance(), sample, 1e-9)).isTrue();
    }
  }

  @Test
  void staysAccurateForALargeOffset() {
    // The example of Wikipedia's "Algorithms for calculating variance": 4, 7, 13, 16 shifted by
    // 1e9 have sample variance 30, which the textbook sum-of-squares formula loses.
    SummaryAccumulator left = new SummaryAccumulator();
    left.add(1e9 + 4);
    left.add(1e9 + 7);
    SummaryAccumulator right = new SummaryAccumulator();
    right.add(1e9 + 13);
    right.add(1e9 + 16);
    left.merge(right);
    Summary summary = left.finish();
    assertThat(summary.mean()).isEqualTo(1e9 + 10);
    assertThat(summary.sampleVariance()).isEqualTo(30.0);
    assertThat(summary.populationVariance()).isEqualTo(22.5);
    assertThat(summary.sampleStandardDeviation()).isEqualTo(Math.sqrt(30));
    assertThat(summary.sum()).isEqualTo(4e9 + 40);
  }

  @Test
  void undefinedStatisticsThrowRatherThanReturnANumber() {
    Summary none = new SummaryAccumulator().finish();
    assertThat(none.count()).isZero();
    assertThat(none.sum()).isZero();
    assertThat(none).hasToString("Summary[count=0]");
    assertThatThrownBy(none::mean)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("the mean needs at least one value, got 0");
    assertThatThrownBy(none::min).hasMessage("the minimum needs at least one value, got 0");
    assertThatThrownBy(none::max).hasMessage("the maximum needs at least one value, got 0");
    assertThatThrownBy(none::populationVariance)
        .hasMessage("the population variance needs at least one value, got 0");

    SummaryAccumulator one = new SummaryAccumulator();
    one.add(2.5);
    Summary single = one.finish();
    assertThat(single.populationVariance()).isZero();
    assertThatThrownBy(single::sampleVariance)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("the sample variance needs at least 2 values, got 1");
  }

  @Test
  void nonFiniteValuesAreRefused() {
    SummaryAccumulator accumulator = new SummaryAccumulator();
    assertThatThrownBy(() -> accumulator.add(Double.NaN))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("value must be finite, got NaN");
    assertThatThrownBy(() -> accumulator.addAll(new double[] {1, 2, Double.NEGATIVE_INFINITY}))
        .hasMessage("values[2] must be finite, got -Infinity");
    assertThat(accumulator.count()).isEqualTo(2);
  }

  @Test
  void collectsStreamsSequentialAndParallel() {
    List<Double> values = new ArrayList<>();
    for (int i = 1; i <= 10_000; i++) {
      values.add((double) i);
    }
    Summary sequential =
        values.stream()
            .collect(Accumulator.collector(SummaryAccumulator::new, SummaryAccumulator::add));
    Summary parallel =
        values.parallelStream()
            .collect(Accumulator.collector(SummaryAccumulator::new, SummaryAccumulator::add));
    assertThat(sequential.mean()).isEqualTo(5000.5);
    assertThat(parallel.count()).isEqualTo(10_000);
    assertThat(sameUpToRounding(sequential, parallel)).isTrue();
    // The variance of 1..n is (n^2 - 1) / 12.
    assertThat(sequential.populationVariance()).isCloseTo((1e8 - 1) / 12, within(1e-6));
    assertThat(sequential)
        .hasToString(
            "Summary[count=10000, mean=5000.5, populationVariance="
                + sequential.populationVariance()
                + ", min=1.0, max=10000.0]");
  }
}
