package org.annotationkit.formats.coco;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import java.util.stream.Stream;
import org.annotationkit.core.testing.Seeds;
import org.annotationkit.formats.ConversionContext;
import org.annotationkit.formats.ConversionReport;
import org.annotationkit.formats.Converter;
import org.annotationkit.formats.FormatOptions;
import org.annotationkit.formats.yolo.YoloFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * COCO to YOLO streams: a generated COCO file larger than the heap converts in a JVM of its own
 * with {@value #HEAP} of heap, as segmentation polygons and as detection boxes (the losses, one per
 * polygon, kept up to a limit and counted past it). A reader that parsed the file as one tree, or a
 * writer that held the lines, would run out of memory there. The small cousin of the benchmark
 * {@code CocoToYoloBenchmark} (COCO 2017 train in 512 MB); what is checked is the output, never a
 * time.
 */
class CocoStreamingHeapTest {
  private static final String HEAP = "-Xmx16m";
  private static final int IMAGES = 1_500;
  private static final int ANNOTATIONS = 45_000;

  @TempDir Path dir;

  /** Converts args[0] (COCO) to args[1] (YOLO) with the task args[2], keeping args[3] losses. */
  public static void main(String[] args) {
    ConversionContext context =
        ConversionContext.of(
            FormatOptions.of(Map.of("task", args[2])), Integer.parseInt(args[3], 10));
    ConversionReport report =
        Converter.convert(
            new CocoFormat(),
            new YoloFormat(),
            Path.of(args[0]),
            Path.of(args[1]),
            context,
            n -> {});
    System.out.printf(
        Locale.ROOT,
        "images %d annotations %d losses %d kept %d %s%n",
        report.images(),
        report.annotations(),
        report.lossCount(),
        report.losses().size(),
        report.lossCounts());
  }

  /** Writes the file; returns how many annotations each image has. */
  private static int[] generate(Path file, RandomGenerator random) throws IOException {
    int[] perImage = new int[IMAGES];
    int[] widths = new int[IMAGES];
    int[] heights = new int[IMAGES];
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      out.write("{\"categories\":[{\"id\":3,\"name\":\"a\"},{\"id\":9,\"name\":\"b\"}],");
      out.write("\"images\":[");
      for (int i = 0; i < IMAGES; i++) {
        widths[i] = 320 + random.nextInt(321);
        heights[i] = 240 + random.nextInt(241);
        out.write(
            String.format(
                Locale.ROOT,
                "%s{\"id\":%d,\"file_name\":\"%06d.jpg\",\"width\":%d,\"height\":%d}",
                i == 0 ? "" : ",",
                i + 1,
                i + 1,
                widths[i],
                heights[i]));
      }
      out.write("],\"annotations\":[");
      StringBuilder line = new StringBuilder(1024);
      for (int a = 0; a < ANNOTATIONS; a++) {
        int image = random.nextInt(IMAGES);
        perImage[image]++;
        double cx = random.nextDouble(40, widths[image] - 40);
        double cy = random.nextDouble(40, heights[image] - 40);
        double radius = random.nextDouble(5, 38);
        int n = random.nextInt(12, 37);
        line.setLength(0);
        line.append(a == 0 ? "" : ",").append("{\"id\":").append(a + 1);
        line.append(",\"image_id\":").append(image + 1);
        line.append(",\"category_id\":").append(random.nextBoolean() ? 3 : 9);
        line.append(",\"iscrowd\":0,\"segmentation\":[[");
        for (int k = 0; k < n; k++) {
          double angle = 2 * Math.PI * k / n;
          double r = radius * random.nextDouble(0.6, 1.0);
          line.append(k == 0 ? "" : ",")
              .append(Math.round((cx + r * Math.cos(angle)) * 100) / 100.0)
              .append(',')
              .append(Math.round((cy + r * Math.sin(angle)) * 100) / 100.0);
        }
        line.append("]]}");
        out.append(line);
      }
      out.write("]}");
    }
    return perImage;
  }

  private String convertInSmallHeap(Path input, Path output, String task, int keep)
      throws IOException, InterruptedException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = new ArrayList<>();
    command.add(java);
    command.add(HEAP);
    command.add("-XX:+UseSerialGC");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(CocoStreamingHeapTest.class.getName());
    command.add(input.toString());
    command.add(output.toString());
    command.add(task);
    command.add(Integer.toString(keep));
    Path log = dir.resolve(task + ".log");
    Process process =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    boolean ended = process.waitFor(5, TimeUnit.MINUTES);
    if (!ended) {
      process.destroyForcibly();
    }
    String text = Files.readString(log);
    assertThat(ended).as("the conversion ended: %s", text).isTrue();
    assertThat(process.exitValue()).as("the conversion in %s: %s", HEAP, text).isZero();
    return text.strip();
  }

  private static long lines(Path file) throws IOException {
    try (Stream<String> lines = Files.lines(file)) {
      return lines.count();
    }
  }

  @Test
  void cocoLargerThanTheHeapConvertsToYolo() throws IOException, InterruptedException {
    Path input = dir.resolve("instances.json");
    int[] perImage = generate(input, Seeds.random(8));
    assertThat(Files.size(input)).isGreaterThan(16L << 20);

    Path segments = dir.resolve("segment");
    // YOLO classes are 0 and 1: the COCO ids 3 and 9 are reported as dropped.
    assertThat(convertInSmallHeap(input, segments, "segment", 1000))
        .isEqualTo(
            "images "
                + IMAGES
                + " annotations "
                + ANNOTATIONS
                + " losses 2 kept 2 {category id dropped=2}");
    Path boxes = dir.resolve("detect");
    // Each polygon is reduced to its box, and reported: all counted, 1000 losses kept.
    assertThat(convertInSmallHeap(input, boxes, "detect", 1000))
        .startsWith(
            "images " + IMAGES + " annotations " + ANNOTATIONS + " losses " + (ANNOTATIONS + 2))
        .contains(" kept 1000 {")
        .contains("polygon reduced to its box=" + ANNOTATIONS);

    for (Path folder : List.of(segments, boxes)) {
      for (int i = 0; i < IMAGES; i += 97) {
        Path label =
            folder.resolve("labels").resolve(String.format(Locale.ROOT, "%06d.txt", i + 1));
        assertThat(lines(label)).as(label.toString()).isEqualTo(perImage[i]);
      }
      try (Stream<Path> files = Files.list(folder.resolve("labels"))) {
        assertThat(files.count()).isEqualTo(IMAGES);
      }
    }
    // A detect line is a class and four values of six decimals in [0, 1].
    String first = Files.readAllLines(boxes.resolve("labels/000001.txt")).get(0);
    assertThat(first).matches("[01]( [01]\\.\\d{6}){4}");
  }
}
