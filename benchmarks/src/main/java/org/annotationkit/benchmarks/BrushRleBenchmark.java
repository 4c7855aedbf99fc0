package org.annotationkit.benchmarks;

import java.util.concurrent.TimeUnit;
import org.annotationkit.core.geometry.RleMask;
import org.annotationkit.formats.coco.CocoRle;
import org.annotationkit.formats.labelstudio.BrushRle;
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
 * Label Studio's brush RLE ({@link BrushRle}) of a 1000 x 1000 mask: encoding a mask into the
 * rle-pack stream of its RGBA values, and decoding such a stream into a mask. The mask is a polygon
 * of 48 vertices about 700 pixels across, rasterised as COCO does. Results are the average time per
 * operation in microseconds. Run it from the repository root with:
 *
 * {@snippet lang = "shell" :
 * benchmarks/run BrushRle -f 1 -wi 1 -i 3
 * }
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 2, timeUnit = TimeUnit.SECONDS)
@Measurement(iterations = 3, time = 2, timeUnit = TimeUnit.SECONDS)
public class BrushRleBenchmark {
  /** The image height and width. */
  static final int SIZE = 1000;

  private RleMask mask;
  private int[] stream;

  /** Creates the benchmark; JMH calls this. */
  public BrushRleBenchmark() {}

  /** Builds the mask and its stream. */
  @Setup(Level.Trial)
  public void setUp() {
    int n = 48;
    double[] polygon = new double[2 * n];
    for (int i = 0; i < n; i++) {
      double angle = 2 * Math.PI * i / n;
      double radius = i % 2 == 0 ? 350 : 260;
      polygon[2 * i] = 500 + radius * Math.cos(angle);
      polygon[2 * i + 1] = 500 + radius * Math.sin(angle);
    }
    mask = CocoRle.fromPolygon(polygon, SIZE, SIZE);
    stream = BrushRle.fromMask(mask);
  }

  /**
   * Encodes the mask.
   *
   * @return the stream
   */
  @Benchmark
  public int[] encode() {
    return BrushRle.fromMask(mask);
  }

  /**
   * Decodes the stream.
   *
   * @return the mask
   */
  @Benchmark
  public RleMask decode() {
    return BrushRle.toMask(stream, SIZE, SIZE);
  }
}
