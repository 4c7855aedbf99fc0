package org.annotationkit.formats.voc;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.annotationkit.core.dataset.Dataset;
import org.annotationkit.core.dataset.DatasetSource;
import org.annotationkit.core.io.FormatException;
import org.annotationkit.formats.ConversionContext;
import org.annotationkit.formats.FormatOptions;
import org.annotationkit.formats.internal.ImageHeader;
import org.annotationkit.formats.internal.Staging;

/**
 * Fuzz tests of the VOC reader and of the image header reader: whatever the bytes, reading gives a
 * result or our {@link FormatException}; any other throwable is a bug. By default each method runs
 * once per file of its seed corpus ({@code VocFuzzTestInputs/<method>/}) and on empty input; to
 * fuzz for real: {@code JAZZER_FUZZ=1 ./mvnw -B -pl annotation-formats test
 * -Dtest=VocFuzzTest#vocFile -Djazzer.max_duration=5m}.
 */
class VocFuzzTest {
  /** Longer inputs find nothing that short ones do not, only more slowly. */
  private static final int MAX_INPUT = 64 * 1024;

  @FuzzTest
  void vocFile(byte[] input) throws IOException {
    if (input.length > MAX_INPUT) {
      return;
    }
    Path dir = Files.createTempDirectory("voc-fuzz");
    try {
      Path annotations = Files.createDirectories(dir.resolve("Annotations"));
      Files.write(annotations.resolve("a.xml"), input);
      try (DatasetSource source =
          new VocFormat()
              .reader()
              .orElseThrow()
              .open(dir, ConversionContext.of(FormatOptions.none()))) {
        Dataset dataset = Dataset.of(source);
        assertThat(dataset.items()).hasSize(1);
      } catch (FormatException e) {
        assertThat(e.problem()).isNotBlank();
        assertThat(e.source()).isPresent();
      }
    } finally {
      Staging.deleteTree(dir);
    }
  }

  @FuzzTest
  void imageHeader(byte[] input) throws IOException {
    try {
      ImageHeader header = ImageHeader.read(new ByteArrayInputStream(input), "fuzz");
      assertThat(header.width()).isPositive();
      assertThat(header.height()).isPositive();
    } catch (FormatException e) {
      assertThat(e.problem()).isNotBlank();
    }
  }
}
