package org.annotationkit.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import org.annotationkit.core.geometry.Box;
import org.annotationkit.core.geometry.Iou;
import org.annotationkit.core.testing.Seeds;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The IoU of every one of {@link #size} boxes with every one of {@link #size} others, as matching
 * detections to ground truth and box fusion need: axis-aligned boxes of 5 to 80 pixels in a
 * 1000x1000 image, so that most pairs are apart and some overlap.
 *
 * <ul>
 *   <li>{@link #primitive()}: {@link Iou#matrix(double[], double[], double[])} from {@code x, y,
 *       width, height} rows into an array made once.
 *   <li>{@link #boxes()}: {@link Iou#matrix(java.util.List, java.util.List)} from lists of boxes,
 *       returning a new array.
 *   <li>{@link #pairwise()}: the loop a caller writes without the matrix, {@link Iou#of(Box, Box)}
 *       for each pair.
 * </ul>
 *
 * <p>Results are the average time per matrix in milliseconds. Run it from the repository root with:
 *
 * {@snippet lang = "shell" :
 * benchmarks/run BoxIouMatrix -f 1 -wi 2 -i 3
 * }
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 2, timeUnit = TimeUnit.SECONDS)
@Measurement(iterations = 3, time = 2, timeUnit = TimeUnit.SECONDS)
public class BoxIouMatrixBenchmark {
  /** The seed of the generated boxes, fixed so that every run measures the same input. */
  private static final long SEED = 20_261_202L;

  /** How many boxes each side has. */
  @Param("1000")
  public int size;

  private List<Box> left;
  private List<Box> right;
  private double[] leftXywh;
  private double[] rightXywh;
  private double[] out;

  /** Creates the benchmark; JMH calls this. */
  public BoxIouMatrixBenchmark() {}

  /** Draws the boxes. */
  @Setup(Level.Trial)
  public void setUp() {
    RandomGenerator random = Seeds.random(SEED);
    left = boxes(random);
    right = boxes(random);
    leftXywh = flat(left);
    rightXywh = flat(right);
    out = new double[size * size];
  }

  private List<Box> boxes(RandomGenerator random) {
    List<Box> boxes = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      boxes.add(
          Box.of(
              random.nextDouble(0, 920),
              random.nextDouble(0, 920),
              random.nextDouble(5, 80),
              random.nextDouble(5, 80)));
    }
    return boxes;
  }

  private static double[] flat(List<Box> boxes) {
    double[] xywh = new double[4 * boxes.size()];
    for (int i = 0; i < boxes.size(); i++) {
      Box box = boxes.get(i);
      xywh[4 * i] = box.x();
      xywh[4 * i + 1] = box.y();
      xywh[4 * i + 2] = box.width();
      xywh[4 * i + 3] = box.height();
    }
    return xywh;
  }

  /**
   * The matrix from primitive rows into the same array each time.
   *
   * @return the array, so that the work is not discarded
   */
  @Benchmark
  public double[] primitive() {
    Iou.matrix(leftXywh, rightXywh, out);
    return out;
  }

  /**
   * The matrix from lists of boxes.
   *
   * @return the new array
   */
  @Benchmark
  public double[] boxes() {
    return Iou.matrix(left, right);
  }

  /**
   * The pairwise loop.
   *
   * @return the array, so that the work is not discarded
   */
  @Benchmark
  public double[] pairwise() {
    int m = right.size();
    for (int i = 0; i < left.size(); i++) {
      Box a = left.get(i);
      for (int j = 0; j < m; j++) {
        out[i * m + j] = Iou.of(a, right.get(j));
      }
    }
    return out;
  }
}
