package org.annotationkit.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.annotationkit.core.testing.Seeds;
import org.annotationkit.formats.ConversionReport;
import org.annotationkit.formats.Converter;
import org.annotationkit.formats.FormatOptions;
import org.annotationkit.formats.coco.CocoFormat;
import org.annotationkit.formats.yolo.YoloFormat;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Converting a generated COCO file the size of COCO 2017 train (the file of {@link
 * CocoConvertBenchmark}: 118,000 images, 860,000 polygon annotations, about 450 MB) to YOLO in a
 * heap of 512 MB, as detection boxes or as segmentation polygons: the COCO reader's two passes, and
 * the YOLO writer spooling the ungrouped annotations and writing 118,000 label files. The goal of
 * issue 8 is under 10 seconds. Each iteration converts into a folder that does not exist yet (the
 * previous iteration's output is removed before it, untimed): replacing an existing output adds the
 * deletion of its 118,000 old files, which is the file system's cost, not the conversion's.
 * Single-shot times in seconds. Run it from the repository root with:
 *
 * {@snippet lang = "shell" :
 * benchmarks/run CocoToYolo -f 1 -wi 1 -i 3
 * }
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx512m")
@Warmup(iterations = 1)
@Measurement(iterations = 3)
public class CocoToYoloBenchmark {
  /** The seed of the generated file, that of {@link CocoConvertBenchmark}. */
  private static final long SEED = 20_261_203L;

  /** The YOLO task written. */
  @Param({"detect", "segment"})
  public String task = "detect";

  private Path folder;
  private Path input;
  private Path output;

  /** Creates the benchmark; JMH calls this. */
  public CocoToYoloBenchmark() {}

  /**
   * Writes the COCO file.
   *
   * @throws IOException if it cannot be written
   */
  @Setup(Level.Trial)
  public void setUp() throws IOException {
    folder = Files.createTempDirectory("coco-yolo-benchmark");
    input = folder.resolve("instances_train.json");
    output = folder.resolve("yolo");
    CocoConvertBenchmark.generate(input, Seeds.random(SEED));
  }

  /** Removes the previous iteration's output, so that each conversion writes a new folder. */
  @Setup(Level.Iteration)
  public void removeOutput() {
    if (Files.exists(output)) {
      WorkflowStoreBenchmark.deleteTree(output);
    }
  }

  /** Removes the files. */
  @TearDown(Level.Trial)
  public void tearDown() {
    WorkflowStoreBenchmark.deleteTree(folder);
  }

  /**
   * Converts the COCO file to a YOLO folder.
   *
   * @return the report
   */
  @Benchmark
  public ConversionReport cocoToYolo() {
    return Converter.convert(
        new CocoFormat(), new YoloFormat(), input, output, FormatOptions.of(Map.of("task", task)));
  }
}
