package org.annotationkit.formats.yolo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.annotationkit.formats.ConversionReport;
import org.annotationkit.formats.Converter;
import org.annotationkit.formats.FormatOptions;
import org.annotationkit.formats.coco.CocoFormat;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Golden round trips YOLO -> COCO -> YOLO, one fixture per task (src/test/resources/.../golden):
 * the label files and data.yaml come back byte for byte, to the 6 decimals they are printed with,
 * and the YOLO writer reports nothing lost. The fixtures hold a background image (an empty label
 * file), two splits, three image sizes, a rectangle of the obb task turned by atan2(4, 3) and a
 * quadrilateral that is not a rectangle (the OBB example of the Ultralytics docs), boxes of the
 * yolov5 "Train Custom Data" example, the segmentation example of the Ultralytics docs, and pose
 * keypoints of the three visibilities.
 */
class YoloGoldenRoundTripTest {
  @TempDir Path dir;

  private static Path golden(String task) {
    try {
      return Path.of(YoloGoldenRoundTripTest.class.getResource("golden/" + task).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Map<String, String> files(Path root) {
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(Files::isRegularFile)
          .filter(p -> !p.getFileName().toString().equals("sizes.csv"))
          .collect(
              java.util.stream.Collectors.toMap(
                  p -> root.relativize(p).toString().replace('\\', '/'), YoloFiles::read));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"detect", "segment", "obb", "pose"})
  void yoloToCocoToYoloIsExact(String task) {
    Path input = golden(task);
    FormatOptions options =
        FormatOptions.of(Map.of("task", task)).withSizes(input.resolve("sizes.csv"));
    Path coco = dir.resolve("instances.json");
    ConversionReport first =
        Converter.convert(YoloFiles.YOLO, new CocoFormat(), input, coco, options);
    assertThat(first.images()).isEqualTo(3);
    Path output = dir.resolve("yolo");
    ConversionReport second =
        Converter.convert(
            new CocoFormat(), YoloFiles.YOLO, coco, output, FormatOptions.of(Map.of("task", task)));
    assertThat(second.losses()).isEmpty();
    assertThat(second.images()).isEqualTo(3);
    Map<String, String> expected = files(input);
    Map<String, String> actual = files(output);
    assertThat(actual.keySet()).containsExactlyInAnyOrderElementsOf(expected.keySet());
    for (String name : expected.keySet()) {
      assertThat(actual.get(name)).as(name).isEqualTo(expected.get(name));
    }
    assertThat(List.copyOf(expected.keySet())).contains("data.yaml");
  }
}
