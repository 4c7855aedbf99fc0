package org.annotationkit.formats.yolo;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.annotationkit.core.dataset.Dataset;
import org.annotationkit.core.dataset.DatasetSource;
import org.annotationkit.core.io.FormatException;
import org.annotationkit.formats.ConversionContext;
import org.annotationkit.formats.FormatOptions;
import org.annotationkit.formats.internal.Staging;

/**
 * Fuzz tests of the YOLO reader: whatever the bytes of a label file (the first byte picks the task)
 * or of data.yaml, reading gives a result or our {@link FormatException}; any other throwable is a
 * bug. By default each method runs once per file of its seed corpus ({@code
 * YoloFuzzTestInputs/<method>/}) and on empty input; to fuzz for real: {@code JAZZER_FUZZ=1 ./mvnw
 * -B -pl annotation-formats test -Dtest=YoloFuzzTest#labelFile -Djazzer.max_duration=5m}.
 */
class YoloFuzzTest {
  private static final int MAX_INPUT = 64 * 1024;
  private static final String[] TASKS = {"auto", "detect", "segment", "obb", "pose"};

  private static void read(Path dir, String task) {
    Path sizes = dir.resolve("sizes.csv");
    try (DatasetSource source =
        new YoloFormat()
            .reader()
            .orElseThrow()
            .open(
                dir,
                ConversionContext.of(FormatOptions.of(Map.of("task", task)).withSizes(sizes)))) {
      Dataset dataset = Dataset.of(source);
      assertThat(dataset.items()).hasSize(1);
    } catch (FormatException e) {
      assertThat(e.problem()).isNotBlank();
      assertThat(e.source()).isPresent();
    }
  }

  @FuzzTest
  void labelFile(byte[] input) throws IOException {
    if (input.length == 0 || input.length > MAX_INPUT) {
      return;
    }
    Path dir = Files.createTempDirectory("yolo-fuzz");
    try {
      Files.writeString(dir.resolve("data.yaml"), "kpt_shape: [2, 3]\nnames: [a, b, c]\n");
      Files.writeString(dir.resolve("sizes.csv"), "file_name,width,height\na.jpg,640,480\n");
      Path labels = Files.createDirectories(dir.resolve("labels"));
      Files.write(labels.resolve("a.txt"), Arrays.copyOfRange(input, 1, input.length));
      read(dir, TASKS[Math.floorMod(input[0], TASKS.length)]);
    } finally {
      Staging.deleteTree(dir);
    }
  }

  @FuzzTest
  void dataYaml(byte[] input) throws IOException {
    if (input.length > MAX_INPUT) {
      return;
    }
    Path dir = Files.createTempDirectory("yolo-fuzz");
    try {
      Files.write(dir.resolve("data.yaml"), input);
      Files.writeString(dir.resolve("sizes.csv"), "file_name,width,height\na.jpg,640,480\n");
      Path labels = Files.createDirectories(dir.resolve("labels"));
      Files.writeString(labels.resolve("a.txt"), "0 0.5 0.5 0.2 0.2\n");
      read(dir, "auto");
    } finally {
      Staging.deleteTree(dir);
    }
  }
}
