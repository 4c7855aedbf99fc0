package org.annotationkit.benchmarks;

import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import org.annotationkit.core.testing.Seeds;
import org.annotationkit.metrics.aggregation.Aggregation;
import org.annotationkit.metrics.aggregation.DawidSkene;
import org.annotationkit.metrics.aggregation.Glad;
import org.annotationkit.metrics.aggregation.Kos;
import org.annotationkit.metrics.aggregation.Mace;
import org.annotationkit.metrics.aggregation.Mmsr;
import org.annotationkit.metrics.aggregation.WeightedMajorityVote;
import org.annotationkit.metrics.data.Answers;
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
 * Majority vote and the model-based aggregators on 1,000,000 answers, on one thread: {@link #ITEMS}
 * items, each answered by {@link #PER_ITEM} of {@link #ANNOTATORS} annotators, over {@link
 * #CLASSES} classes (two for KOS), each annotator right with its own probability in {@code [0.55,
 * 0.95)} and otherwise uniform over the other classes, two of them spammers who always answer class
 * 0.
 *
 * <p>Targets from the issue: majority vote under 0.2 s, Dawid-Skene to convergence under 3 s, GLAD
 * under 30 s, MACE under 30 s (its 10 starts of 50 iterations). Results are seconds per
 * aggregation. Run from the repository root:
 *
 * {@snippet lang = "shell" :
 * benchmarks/run ModelAggregation -f 1 -wi 1 -i 3
 * }
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
public class ModelAggregationBenchmark {
  /** Items. */
  static final int ITEMS = 100_000;

  /** Annotators. */
  static final int ANNOTATORS = 100;

  /** Answers per item: 1,000,000 answers in all. */
  static final int PER_ITEM = 10;

  /** Classes of the categorical table. */
  static final int CLASSES = 5;

  private Answers categorical;
  private Answers binary;

  /** Draws both tables from one seed. */
  @Setup
  public void setUp() {
    categorical = answers(Seeds.random(20261204L), CLASSES);
    binary = answers(Seeds.random(20261205L), 2);
  }

  static Answers answers(RandomGenerator random, int classes) {
    double[] accuracy = new double[ANNOTATORS];
    for (int a = 0; a < ANNOTATORS; a++) {
      accuracy[a] = 0.55 + 0.4 * random.nextDouble();
    }
    Answers.Builder builder = Answers.builder();
    int[] order = new int[ANNOTATORS];
    for (int u = 0; u < ITEMS; u++) {
      int truth = random.nextInt(classes);
      for (int a = 0; a < ANNOTATORS; a++) {
        order[a] = a;
      }
      for (int j = 0; j < PER_ITEM; j++) {
        int pick = j + random.nextInt(ANNOTATORS - j);
        int a = order[pick];
        order[pick] = order[j];
        order[j] = a;
        int label;
        if (a < 2) {
          label = 0;
        } else if (random.nextDouble() < accuracy[a]) {
          label = truth;
        } else {
          label = (truth + 1 + random.nextInt(classes - 1)) % classes;
        }
        builder.add("item" + u, "ann" + a, "c" + label);
      }
    }
    return builder.build();
  }

  /**
   * Majority vote (unweighted), as {@code annotate aggregate --method majority} runs it.
   *
   * @return the result, so that the work is not dead code
   */
  @Benchmark
  public Aggregation majority() {
    return WeightedMajorityVote.unweighted().aggregate(categorical);
  }

  /**
   * Dawid-Skene with crowd-kit's defaults, to convergence or its iteration cap.
   *
   * @return the result
   */
  @Benchmark
  public Aggregation dawidSkene() {
    return DawidSkene.defaults().aggregate(categorical);
  }

  /**
   * GLAD with crowd-kit's defaults.
   *
   * @return the result, so that the work is not dead code
   */
  @Benchmark
  public Aggregation glad() {
    return Glad.defaults().aggregate(categorical);
  }

  /**
   * MACE with crowd-kit's defaults: variational Bayes, 10 starts of 50 iterations.
   *
   * @return the result
   */
  @Benchmark
  public Aggregation mace() {
    return Mace.defaults().aggregate(categorical);
  }

  /**
   * KOS, 100 iterations, on the binary table.
   *
   * @return the result
   */
  @Benchmark
  public Aggregation kos() {
    return Kos.defaults().aggregate(binary);
  }

  /**
   * M-MSR with crowd-kit's defaults.
   *
   * @return the result
   */
  @Benchmark
  public Aggregation mmsr() {
    return Mmsr.defaults().aggregate(categorical);
  }
}
