package org.annotationkit.benchmarks;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import org.annotationkit.activelearning.ItemIds;
import org.annotationkit.activelearning.Layout;
import org.annotationkit.activelearning.Pick;
import org.annotationkit.activelearning.Probabilities;
import org.annotationkit.activelearning.uncertainty.Uncertainty;
import org.annotationkit.activelearning.uncertainty.UncertaintySampler;
import org.annotationkit.core.testing.Seeds;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Top-1000 uncertainty selection over a pool of {@link #items} items x {@link #classes} classes of
 * float32 probabilities (400 MB by default), row-major: the softmax of Gaussian logits with a
 * random temperature per row, so rows range from sure to even. {@link #threads} 1 is one core, 0
 * every available processor. The floor is reading the array once (about 56 ms at 7 GB/s).
 *
 * {@snippet lang = "shell" :
 * benchmarks/run Uncertainty -f 1 -wi 2 -i 3
 * }
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xmx3g"})
@Warmup(iterations = 2, time = 3, timeUnit = TimeUnit.SECONDS)
@Measurement(iterations = 3, time = 3, timeUnit = TimeUnit.SECONDS)
public class UncertaintyBenchmark {
  /** The number of items. */
  @Param("10000000")
  public int items;

  /** The number of classes. */
  @Param("10")
  public int classes;

  /** How many to pick. */
  @Param("1000")
  public int k;

  /** The score. */
  @Param({"least-confidence", "margin", "entropy"})
  public String strategy = "margin";

  /** Threads: 1, or 0 for every processor. */
  @Param({"1", "0"})
  public int threads;

  private Probabilities pool;
  private UncertaintySampler sampler;

  /** Draws the pool. */
  @Setup
  public void setUp() {
    RandomGenerator random = Seeds.random(20_261_202L);
    float[] values = new float[Math.multiplyExact(items, classes)];
    double[] logits = new double[classes];
    for (int i = 0; i < items; i++) {
      double temperature = 0.3 + 3 * random.nextDouble();
      double max = Double.NEGATIVE_INFINITY;
      for (int j = 0; j < classes; j++) {
        logits[j] = random.nextGaussian() * temperature;
        max = Math.max(max, logits[j]);
      }
      double sum = 0;
      for (int j = 0; j < classes; j++) {
        logits[j] = Math.exp(logits[j] - max);
        sum += logits[j];
      }
      for (int j = 0; j < classes; j++) {
        values[i * classes + j] = (float) (logits[j] / sum);
      }
    }
    pool = Probabilities.of(values, classes, Layout.ROW_MAJOR, ItemIds.positions(items));
    sampler = UncertaintySampler.of(Uncertainty.ofCliName(strategy));
  }

  /**
   * Selects the top k.
   *
   * @return the picks
   */
  @Benchmark
  public List<Pick> select() {
    return sampler.select(pool, k, threads);
  }

  /**
   * The floor on one thread: the largest value of the whole array, every value read once in a loop
   * the JIT vectorizes.
   *
   * @return the largest value
   */
  @Benchmark
  public float readOnce() {
    float[] v = pool.floats();
    float m0 = 0;
    float m1 = 0;
    for (int i = 0; i + 1 < v.length; i += 2) {
      m0 = Math.max(m0, v[i]);
      m1 = Math.max(m1, v[i + 1]);
    }
    return Math.max(m0, m1);
  }
}
