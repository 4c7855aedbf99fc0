package org.annotationkit.benchmarks;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import org.annotationkit.core.testing.Seeds;
import org.annotationkit.formats.ConversionReport;
import org.annotationkit.formats.Converter;
import org.annotationkit.formats.FormatOptions;
import org.annotationkit.formats.canonical.CanonicalFormat;
import org.annotationkit.formats.coco.CocoFormat;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Converting a generated COCO file the size of COCO 2017 train (118,000 images, 860,000 polygon
 * annotations of 12 to 36 vertices, about 450 MB) to canonical JSON Lines in a heap of 512 MB: the
 * COCO reader's two passes (images and categories, then the annotations streamed) and the canonical
 * writer. The file is generated in the setup, in the temporary folder. Single-shot times in
 * seconds. Run it from the repository root with:
 *
 * {@snippet lang = "shell" :
 * benchmarks/run CocoConvert -f 1 -wi 1 -i 3
 * }
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx512m")
@Warmup(iterations = 1)
@Measurement(iterations = 3)
public class CocoConvertBenchmark {
  /** The seed of the generated file, fixed so that every run measures the same input. */
  private static final long SEED = 20_261_203L;

  /** Images in COCO 2017 train. */
  static final int IMAGES = 118_000;

  /** Instance annotations in COCO 2017 train (860,001, rounded). */
  static final int ANNOTATIONS = 860_000;

  /** Categories in COCO 2017, with the official ids 1..90 and their gaps. */
  static final int CATEGORIES = 80;

  private Path folder;
  private Path input;
  private Path output;

  /** Creates the benchmark; JMH calls this. */
  public CocoConvertBenchmark() {}

  /**
   * Writes the COCO file.
   *
   * @throws IOException if it cannot be written
   */
  @Setup(Level.Trial)
  public void setUp() throws IOException {
    folder = Files.createTempDirectory("coco-benchmark");
    input = folder.resolve("instances_train.json");
    output = folder.resolve("instances_train.jsonl");
    generate(input, Seeds.random(SEED));
  }

  /** Removes the files. */
  @TearDown(Level.Trial)
  public void tearDown() {
    try {
      Files.deleteIfExists(input);
      Files.deleteIfExists(output);
      Files.deleteIfExists(folder);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Converts the COCO file to canonical JSON Lines.
   *
   * @return the report
   */
  @Benchmark
  public ConversionReport cocoToCanonical() {
    return Converter.convert(
        new CocoFormat(), new CanonicalFormat(), input, output, FormatOptions.none());
  }

  /** Writes a COCO file of the size of COCO 2017 train, categories and images first. */
  static void generate(Path file, RandomGenerator random) throws IOException {
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      out.write("{\"info\":{\"description\":\"generated like COCO 2017 train\"},\"licenses\":[],");
      out.write("\"categories\":[");
      int[] ids = new int[CATEGORIES];
      int id = 0;
      for (int c = 0; c < CATEGORIES; c++) {
        id += c % 8 == 7 ? 2 : 1;
        ids[c] = id;
        out.write(
            (c == 0 ? "" : ",")
                + "{\"id\":"
                + id
                + ",\"name\":\"class "
                + c
                + "\",\"supercategory\":\"\"}");
      }
      out.write("],\"images\":[");
      int[] widths = new int[IMAGES];
      int[] heights = new int[IMAGES];
      for (int i = 0; i < IMAGES; i++) {
        widths[i] = 320 + random.nextInt(321);
        heights[i] = 240 + random.nextInt(241);
        out.write(
            (i == 0 ? "" : ",")
                + "{\"license\":3,\"file_name\":\""
                + String.format(Locale.ROOT, "%012d.jpg", i + 1)
                + "\",\"height\":"
                + heights[i]
                + ",\"width\":"
                + widths[i]
                + ",\"id\":"
                + (i + 1)
                + "}");
      }
      out.write("],\"annotations\":[");
      StringBuilder line = new StringBuilder(1024);
      for (int a = 0; a < ANNOTATIONS; a++) {
        int image = random.nextInt(IMAGES);
        double cx = random.nextDouble(40, widths[image] - 40);
        double cy = random.nextDouble(40, heights[image] - 40);
        double radius = random.nextDouble(5, 38);
        int n = random.nextInt(12, 37);
        double minX = Double.POSITIVE_INFINITY;
        double minY = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        double maxY = Double.NEGATIVE_INFINITY;
        line.setLength(0);
        line.append(a == 0 ? "" : ",").append("{\"segmentation\":[[");
        double twice = 0;
        double x0 = 0;
        double y0 = 0;
        double px = 0;
        double py = 0;
        for (int k = 0; k < n; k++) {
          double angle = 2 * Math.PI * k / n;
          double r = radius * random.nextDouble(0.6, 1.0);
          // Two decimals, as the official files have them.
          double x = Math.round((cx + r * Math.cos(angle)) * 100) / 100.0;
          double y = Math.round((cy + r * Math.sin(angle)) * 100) / 100.0;
          line.append(k == 0 ? "" : ",").append(x).append(',').append(y);
          minX = Math.min(minX, x);
          minY = Math.min(minY, y);
          maxX = Math.max(maxX, x);
          maxY = Math.max(maxY, y);
          if (k == 0) {
            x0 = x;
            y0 = y;
          } else {
            twice += px * y - x * py;
          }
          px = x;
          py = y;
        }
        twice += px * y0 - x0 * py;
        line.append("]],\"area\":")
            .append(Math.abs(twice) / 2)
            .append(",\"iscrowd\":0,\"image_id\":")
            .append(image + 1)
            .append(",\"bbox\":[")
            .append(minX)
            .append(',')
            .append(minY)
            .append(',')
            .append(maxX - minX)
            .append(',')
            .append(maxY - minY)
            .append("],\"category_id\":")
            .append(ids[random.nextInt(CATEGORIES)])
            .append(",\"id\":")
            .append(a + 1)
            .append('}');
        out.append(line);
      }
      out.write("]}");
    }
  }
}
