package org.annotationkit.metrics.aggregation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.annotationkit.core.testing.Seeds;
import org.annotationkit.metrics.data.Ratings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Numeric aggregation against NumPy's mean and median, SciPy's {@code trim_mean} and an independent
 * NumPy implementation of the reliability-weighted mean ({@code make_numeric_fixture.py}), plus
 * seeded invariants.
 */
class NumericAggregationTest {
  record Row(String item, String annotator, double value) {}

  static List<Row> fixtureRows() {
    List<Row> rows = new ArrayList<>();
    for (String[] r : Fixture.rows("numeric-answers.csv")) {
      rows.add(new Row(r[0], r[1], Double.parseDouble(r[2])));
    }
    return rows;
  }

  static Ratings ratings(List<Row> rows) {
    Ratings.Builder b = Ratings.builder();
    for (Row r : rows) {
      b.add(r.item(), r.annotator(), r.value());
    }
    return b.build();
  }

  static final ReliabilityWeightedMean TIGHT =
      ReliabilityWeightedMean.defaults().withTolerance(1e-14).withMaxIterations(1000);

  @Test
  void oneShotMethodsEqualNumpyAndScipy() {
    Ratings ratings = ratings(fixtureRows());
    NumericAggregation mean = NumericConsensus.mean().aggregate(ratings);
    NumericAggregation median = NumericConsensus.median().aggregate(ratings);
    NumericAggregation trim10 = NumericConsensus.trimmedMean(0.1).aggregate(ratings);
    NumericAggregation trim25 = NumericConsensus.trimmedMean(0.25).aggregate(ratings);
    List<String[]> expected = Fixture.rows("numeric-expected.csv");
    assertThat(mean.itemCount()).isEqualTo(expected.size());
    for (String[] e : expected) {
      assertThat(mean.value(e[0])).isCloseTo(Double.parseDouble(e[1]), within(1e-12));
      assertThat(median.value(e[0])).isCloseTo(Double.parseDouble(e[2]), within(1e-12));
      assertThat(trim10.value(e[0])).isCloseTo(Double.parseDouble(e[3]), within(1e-12));
      assertThat(trim25.value(e[0])).isCloseTo(Double.parseDouble(e[4]), within(1e-12));
    }
  }

  @Test
  void reliabilityWeightedMeanEqualsNumpy() {
    NumericAggregation result = TIGHT.aggregate(ratings(fixtureRows()));
    assertThat(result.converged()).isTrue();
    for (String[] e : Fixture.rows("numeric-expected.csv")) {
      assertThat(result.value(e[0])).as(e[0]).isCloseTo(Double.parseDouble(e[5]), within(1e-8));
    }
    for (String[] e : Fixture.rows("numeric-weights.csv")) {
      int a = result.annotators().code(e[0]);
      assertThat(result.weight(a).orElseThrow())
          .as(e[0])
          .isCloseTo(Double.parseDouble(e[1]), within(1e-6));
    }
    // The noisiest simulated annotator (sigma 16) gets the smallest weight, the best (sigma 1) the
    // largest.
    double[] w = result.weights().orElseThrow();
    int a4 = result.annotators().code("a4");
    int a0 = result.annotators().code("a0");
    for (int a = 0; a < w.length; a++) {
      assertThat(w[a]).isBetween(w[a4], w[a0]);
    }
  }

  /** A second computation: the converged values are the weighted means under their own weights. */
  @Test
  void convergedValuesAreAFixedPoint() {
    Ratings ratings = ratings(fixtureRows());
    NumericAggregation result = TIGHT.aggregate(ratings);
    double[] mu = result.values();
    int annotators = ratings.annotatorCount();
    double[] ss = new double[annotators];
    int[] n = new int[annotators];
    double total = 0;
    int count = 0;
    for (int u = 0; u < ratings.itemCount(); u++) {
      if (ratings.end(u) - ratings.start(u) < 2) {
        continue;
      }
      for (int k = ratings.start(u); k < ratings.end(u); k++) {
        double d = ratings.value(k) - mu[u];
        ss[ratings.annotator(k)] += d * d;
        n[ratings.annotator(k)]++;
        total += d * d;
        count++;
      }
    }
    double pooled = total / count;
    for (int u = 0; u < ratings.itemCount(); u++) {
      double sum = 0;
      double weight = 0;
      for (int k = ratings.start(u); k < ratings.end(u); k++) {
        int a = ratings.annotator(k);
        double w = (n[a] + 1.0) / (ss[a] + pooled);
        sum += w * ratings.value(k);
        weight += w;
      }
      assertThat(mu[u]).isCloseTo(sum / weight, within(1e-9));
    }
  }

  @Test
  void handWorkedValues() {
    Ratings r =
        Ratings.builder()
            .add("x", "a", 1)
            .add("x", "b", 3)
            .add("x", "c", 2)
            .add("x", "d", 10)
            .add("y", "a", 4)
            .build();
    assertThat(NumericConsensus.mean().aggregate(r).value("x")).isEqualTo(4.0);
    assertThat(NumericConsensus.median().aggregate(r).value("x")).isEqualTo(2.5);
    // floor(0.25 * 4) = 1 cut from each end: mean(2, 3).
    assertThat(NumericConsensus.trimmedMean(0.25).aggregate(r).value("x")).isEqualTo(2.5);
    // floor(0.2 * 4) = 0: the mean.
    assertThat(NumericConsensus.trimmedMean(0.2).aggregate(r).value("x")).isEqualTo(4.0);
    assertThat(NumericConsensus.median().aggregate(r).value("y")).isEqualTo(4.0);
    assertThat(NumericConsensus.median().aggregate(r).answerCount(0)).isEqualTo(4);
  }

  @Test
  void agreementNeedsNoIteration() {
    Ratings r =
        Ratings.builder()
            .add("x", "a", 2)
            .add("x", "b", 2)
            .add("y", "a", 5)
            .add("y", "b", 5)
            .build();
    NumericAggregation result = ReliabilityWeightedMean.defaults().aggregate(r);
    assertThat(result.values()).containsExactly(2, 5);
    assertThat(result.iterations()).isZero();
    assertThat(result.converged()).isTrue();
    assertThat(result.weights().orElseThrow()).containsExactly(1, 1);
  }

  @Test
  void rejectsBadOptions() {
    assertThatThrownBy(() -> NumericConsensus.trimmedMean(0.5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("0.5");
    assertThatThrownBy(() -> ReliabilityWeightedMean.defaults().withPriorStrength(0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ReliabilityWeightedMean.defaults().withMaxIterations(0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ReliabilityWeightedMean.defaults().withTolerance(-1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  static Stream<Long> seeds() {
    return Seeds.seeds(30);
  }

  static List<Row> random(Random random) {
    int items = 2 + random.nextInt(20);
    int annotators = 2 + random.nextInt(6);
    List<Row> rows = new ArrayList<>();
    for (int u = 0; u < items; u++) {
      double truth = random.nextGaussian() * 10;
      boolean unanimous = random.nextInt(5) == 0;
      for (int a = 0; a < annotators; a++) {
        if (a == 0 || random.nextDouble() < 0.7) {
          double v = unanimous ? truth : truth + random.nextGaussian() * (1 + a);
          rows.add(new Row("i" + u, "a" + a, v));
        }
      }
    }
    return rows;
  }

  static List<Object> methods() {
    return List.of(
        NumericConsensus.mean(),
        NumericConsensus.median(),
        NumericConsensus.trimmedMean(0.2),
        ReliabilityWeightedMean.defaults());
  }

  static NumericAggregation run(Object method, Ratings r) {
    return method instanceof NumericConsensus c
        ? c.aggregate(r)
        : ((ReliabilityWeightedMean) method).aggregate(r);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void rowOrderRenamingBoundsAndShift(long seed) {
    Random random = new Random(seed);
    List<Row> rows = random(random);
    List<Row> shuffled = new ArrayList<>(rows);
    Collections.shuffle(shuffled, random);
    List<Row> renamed = new ArrayList<>();
    List<Row> shifted = new ArrayList<>();
    int offset = random.nextInt(100);
    for (Row r : rows) {
      int a = Integer.parseInt(r.annotator().substring(1));
      renamed.add(new Row(r.item(), "z" + (99 - a + offset), r.value()));
      shifted.add(new Row(r.item(), r.annotator(), r.value() + 1000));
    }
    Ratings base = ratings(rows);
    for (Object method : methods()) {
      NumericAggregation a = run(method, base);
      assertThat(run(method, ratings(shuffled)).values()).isEqualTo(a.values());
      double[] b = run(method, ratings(renamed)).values();
      double[] c = run(method, ratings(shifted)).values();
      for (int u = 0; u < a.itemCount(); u++) {
        assertThat(b[u]).as("%s renamed", method).isCloseTo(a.value(u), within(1e-9));
        assertThat(c[u]).as("%s shifted", method).isCloseTo(a.value(u) + 1000, within(1e-7));
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int k = base.start(u); k < base.end(u); k++) {
          lo = Math.min(lo, base.value(k));
          hi = Math.max(hi, base.value(k));
        }
        assertThat(a.value(u)).as("%s within the answers", method).isBetween(lo - 1e-9, hi + 1e-9);
        if (lo == hi) {
          assertThat(a.value(u)).as("%s unanimous", method).isEqualTo(lo);
        }
      }
    }
  }
}
