package org.annotationkit.benchmarks;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import org.annotationkit.activelearning.Embeddings;
import org.annotationkit.activelearning.ItemIds;
import org.annotationkit.activelearning.Pick;
import org.annotationkit.activelearning.diversity.KCenterGreedy;
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
 * k-center greedy picking {@link #k} items from {@link #items} x {@link #dimensions} float
 * embeddings (512 MB by default), nothing labeled. The embeddings are clustered, as a model's
 * embeddings of real data are: {@link #clusters} Gaussian clusters (centres drawn with standard
 * deviation 10 per dimension, points with 1 around them). One selection per iteration.
 *
 * {@snippet lang = "shell" :
 * benchmarks/run KCenter -f 1 -wi 1 -i 3
 * }
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xmx3g"})
@Warmup(iterations = 1)
@Measurement(iterations = 3)
public class KCenterBenchmark {
  /** The number of items. */
  @Param("1000000")
  public int items;

  /** The number of dimensions. */
  @Param("128")
  public int dimensions;

  /** How many to pick. */
  @Param("1000")
  public int k;

  /** The number of clusters in the data. */
  @Param("2000")
  public int clusters;

  /** Threads: 1, or 0 for every processor. */
  @Param({"0"})
  public int threads;

  private Embeddings pool;

  /** Draws the embeddings. */
  @Setup
  public void setUp() {
    RandomGenerator random = Seeds.random(20_261_203L);
    float[] centres = new float[clusters * dimensions];
    for (int i = 0; i < centres.length; i++) {
      centres[i] = (float) (10 * random.nextGaussian());
    }
    float[] values = new float[Math.multiplyExact(items, dimensions)];
    for (int i = 0; i < items; i++) {
      int c = random.nextInt(clusters);
      for (int j = 0; j < dimensions; j++) {
        values[i * dimensions + j] = centres[c * dimensions + j] + (float) random.nextGaussian();
      }
    }
    pool = Embeddings.of(values, dimensions, ItemIds.positions(items));
  }

  /**
   * Picks k items.
   *
   * @return the picks
   */
  @Benchmark
  public List<Pick> select() {
    return KCenterGreedy.onThreads(threads).select(pool, List.of(), k);
  }
}
