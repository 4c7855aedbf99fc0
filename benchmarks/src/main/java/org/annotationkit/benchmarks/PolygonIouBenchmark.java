package org.annotationkit.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import org.annotationkit.core.geometry.Iou;
import org.annotationkit.core.geometry.Point;
import org.annotationkit.core.geometry.Polygon;
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
 * The IoU of two polygons of {@link #vertices} vertices each, as instance matching computes it for
 * every candidate pair: a pool of {@value #POOL} overlapping pairs built once, visited in turn.
 *
 * <p>{@link #shape} is {@code convex} (points on a circle: the direct clipping route) or {@code
 * star} (radii drawn at random: non-convex, the general route). Results are the average time per
 * IoU in microseconds. Run it from the repository root with:
 *
 * {@snippet lang = "shell" :
 * benchmarks/run PolygonIou -f 1 -wi 2 -i 3
 * }
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 2, timeUnit = TimeUnit.SECONDS)
@Measurement(iterations = 3, time = 2, timeUnit = TimeUnit.SECONDS)
public class PolygonIouBenchmark {
  /** The seed of the generated polygons, fixed so that every run measures the same input. */
  private static final long SEED = 20_261_202L;

  /** How many pairs the pool holds (a power of two, for the index mask). */
  static final int POOL = 64;

  /** How many vertices each polygon has. */
  @Param({"8", "64", "512"})
  public int vertices;

  /** {@code convex} or {@code star}. */
  @Param({"convex", "star"})
  public String shape = "star";

  private Polygon[] left;
  private Polygon[] right;
  private int next;

  /** Creates the benchmark; JMH calls this. */
  public PolygonIouBenchmark() {}

  /** Builds the pool of pairs. */
  @Setup(Level.Trial)
  public void setUp() {
    RandomGenerator random = Seeds.random(SEED);
    left = new Polygon[POOL];
    right = new Polygon[POOL];
    for (int i = 0; i < POOL; i++) {
      double cx = random.nextDouble(100, 900);
      double cy = random.nextDouble(100, 900);
      left[i] = polygon(random, cx, cy);
      right[i] = polygon(random, cx + random.nextDouble(-20, 20), cy + random.nextDouble(-20, 20));
    }
  }

  private Polygon polygon(RandomGenerator random, double cx, double cy) {
    boolean star = shape.equals("star");
    double radius = random.nextDouble(40, 80);
    List<Point> points = new ArrayList<>(vertices);
    for (int k = 0; k < vertices; k++) {
      double angle = 2 * Math.PI * (k + (star ? random.nextDouble(0.1, 0.9) : 0)) / vertices;
      double r = star ? radius * random.nextDouble(0.5, 1) : radius;
      points.add(new Point(cx + r * Math.cos(angle), cy + r * Math.sin(angle)));
    }
    return Polygon.of(points);
  }

  /**
   * The IoU of the next pair of the pool.
   *
   * @return the IoU
   */
  @Benchmark
  public double iou() {
    int i = next++ & (POOL - 1);
    return Iou.of(left[i], right[i]);
  }
}
