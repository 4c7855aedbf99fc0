package org.annotationkit.benchmarks;

import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import org.annotationkit.core.testing.Seeds;
import org.annotationkit.metrics.agreement.Agreement;
import org.annotationkit.metrics.agreement.IntervalAlphaAccumulator;
import org.annotationkit.metrics.agreement.Level;
import org.annotationkit.metrics.agreement.RatingTable;
import org.annotationkit.metrics.agreement.UnitCountsAccumulator;
import org.annotationkit.metrics.agreement.Weights;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Agreement over large tables, on one thread: {@link #UNITS} units x {@link #RATERS} raters over
 * {@link #CATEGORIES} categories with 20% of the ratings missing (about 4,000,000 ratings), and
 * interval alpha over {@link #DISTINCT} distinct floating-point values (200,000 units x 5 raters,
 * nothing missing).
 *
 * <ul>
 *   <li>{@link #nominalAlpha()}, {@link #intervalAlphaOverCategories()}, {@link #fleissKappa()}:
 *       one pass of {@link UnitCountsAccumulator} over the table, then the coefficient.
 *   <li>{@link #intervalAlphaOverDistinctValues()}: {@link IntervalAlphaAccumulator}, moments only,
 *       no matrix over the distinct values.
 * </ul>
 *
 * <p>Results are the average time per computation in milliseconds; ratings per second are the
 * table's ratings over that time. Run from the repository root:
 *
 * {@snippet lang = "shell" :
 * benchmarks/run Agreement -f 1 -wi 3 -i 5
 * }
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2, timeUnit = TimeUnit.SECONDS)
@Measurement(iterations = 5, time = 2, timeUnit = TimeUnit.SECONDS)
public class AgreementBenchmark {
  /** Units of the categorical table. */
  static final int UNITS = 1_000_000;

  /** Raters of both tables. */
  static final int RATERS = 5;

  /** Categories of the categorical table. */
  static final int CATEGORIES = 5;

  /** Distinct values of the continuous table. */
  static final int DISTINCT = 1_000_000;

  private static final long SEED = 20_261_202L;

  private int[] codes;
  private double[] values;
  private double[] distinct;

  /** Makes the tables: raters agree with a unit's value 60% of the time. */
  @Setup
  public void setUp() {
    RandomGenerator random = Seeds.random(SEED);
    codes = new int[UNITS * RATERS];
    for (int u = 0; u < UNITS; u++) {
      int truth = random.nextInt(CATEGORIES);
      for (int r = 0; r < RATERS; r++) {
        codes[u * RATERS + r] =
            random.nextDouble() < 0.2
                ? RatingTable.MISSING
                : random.nextDouble() < 0.6 ? truth : random.nextInt(CATEGORIES);
      }
    }
    values = new double[CATEGORIES];
    for (int c = 0; c < CATEGORIES; c++) {
      values[c] = c + 1;
    }
    distinct = new double[DISTINCT];
    for (int u = 0; u < DISTINCT / RATERS; u++) {
      double centre = random.nextGaussian() * 10;
      for (int r = 0; r < RATERS; r++) {
        distinct[u * RATERS + r] = centre + random.nextGaussian();
      }
    }
  }

  private UnitCountsAccumulator counts() {
    UnitCountsAccumulator accumulator = new UnitCountsAccumulator(CATEGORIES, RATERS);
    accumulator.addRows(codes, RATERS, 0, UNITS);
    return accumulator;
  }

  /**
   * Nominal alpha over the categorical table.
   *
   * @return alpha
   */
  @Benchmark
  public Agreement nominalAlpha() {
    return counts().finish().alpha(Level.NOMINAL);
  }

  /**
   * Interval alpha over the categorical table (values 1..5).
   *
   * @return alpha
   */
  @Benchmark
  public Agreement intervalAlphaOverCategories() {
    return counts().finish().alpha(Level.INTERVAL, values);
  }

  /**
   * Fleiss' kappa over the categorical table.
   *
   * @return kappa
   */
  @Benchmark
  public Agreement fleissKappa() {
    return counts().finish().fleissKappa(Weights.identity(CATEGORIES));
  }

  /**
   * Interval alpha over a million distinct values.
   *
   * @return alpha
   */
  @Benchmark
  public Agreement intervalAlphaOverDistinctValues() {
    IntervalAlphaAccumulator accumulator = new IntervalAlphaAccumulator();
    accumulator.addRows(distinct, RATERS, 0, DISTINCT / RATERS);
    return accumulator.finish();
  }
}
