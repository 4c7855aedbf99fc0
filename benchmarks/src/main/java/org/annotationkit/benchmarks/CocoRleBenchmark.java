package org.annotationkit.benchmarks;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import org.annotationkit.core.geometry.RleMask;
import org.annotationkit.core.testing.Seeds;
import org.annotationkit.formats.coco.CocoRle;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * COCO mask RLE ({@link CocoRle}) at the size of a large image, 1024 x 1024: encoding a
 * column-major mask, decoding it, the compressed string round trip (counts to string and back) of
 * that mask, and rasterising a 64-vertex polygon of about 400 pixels across. Results are the
 * average time per operation in microseconds. Run it from the repository root with:
 *
 * {@snippet lang = "shell" :
 * benchmarks/run CocoRle -f 1 -wi 2 -i 3
 * }
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 2, timeUnit = TimeUnit.SECONDS)
@Measurement(iterations = 3, time = 2, timeUnit = TimeUnit.SECONDS)
public class CocoRleBenchmark {
  /** The seed of the generated shapes, fixed so that every run measures the same input. */
  private static final long SEED = 20_261_202L;

  /** The image height and width. */
  static final int SIZE = 1024;

  private byte[] pixels;
  private RleMask mask;
  private String compressed;
  private double[] polygon;

  /** Creates the benchmark; JMH calls this. */
  public CocoRleBenchmark() {}

  /** Builds the mask (the union of polygons, a realistic instance mask) and the polygon. */
  @Setup(Level.Trial)
  public void setUp() {
    RandomGenerator random = Seeds.random(SEED);
    polygon = star(random, 512, 512, 200, 64);
    RleMask union = CocoRle.fromPolygon(polygon, SIZE, SIZE);
    for (int i = 0; i < 8; i++) {
      double[] part =
          star(random, random.nextDouble(150, 870), random.nextDouble(150, 870), 120, 32);
      union = CocoRle.union(List.of(union, CocoRle.fromPolygon(part, SIZE, SIZE)));
    }
    mask = union;
    pixels = CocoRle.decode(mask);
    compressed = CocoRle.toCompressed(mask);
  }

  private static double[] star(
      RandomGenerator random, double cx, double cy, double radius, int vertices) {
    double[] xy = new double[2 * vertices];
    for (int k = 0; k < vertices; k++) {
      double angle = 2 * Math.PI * (k + random.nextDouble(0.1, 0.9)) / vertices;
      double r = radius * random.nextDouble(0.5, 1);
      xy[2 * k] = cx + r * Math.cos(angle);
      xy[2 * k + 1] = cy + r * Math.sin(angle);
    }
    return xy;
  }

  /**
   * Encodes the 1024 x 1024 column-major mask.
   *
   * @return the mask
   */
  @Benchmark
  public RleMask encode() {
    return CocoRle.encode(SIZE, SIZE, pixels);
  }

  /**
   * Decodes the mask into column-major pixels, as {@code pycocotools.mask.decode}.
   *
   * @return the pixels
   */
  @Benchmark
  public byte[] decode() {
    return CocoRle.decode(mask);
  }

  /**
   * Writes the mask's compressed string and reads it back.
   *
   * @return the mask read back
   */
  @Benchmark
  public RleMask stringRoundTrip() {
    return CocoRle.fromCompressed(CocoRle.toCompressed(mask), SIZE, SIZE);
  }

  /**
   * Reads the compressed string alone.
   *
   * @return the mask
   */
  @Benchmark
  public RleMask fromString() {
    return CocoRle.fromCompressed(compressed, SIZE, SIZE);
  }

  /**
   * Rasterises the 64-vertex polygon at 1024 x 1024.
   *
   * @return the mask
   */
  @Benchmark
  public RleMask polygonToRle() {
    return CocoRle.fromPolygon(polygon, SIZE, SIZE);
  }
}
