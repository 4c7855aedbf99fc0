package org.annotationkit.formats.labelme;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.annotationkit.core.dataset.Dataset;
import org.annotationkit.core.io.FormatException;
import org.annotationkit.formats.ConversionContext;
import org.annotationkit.formats.FormatOptions;

/**
 * Fuzz test of the labelme reader: any bytes give a dataset or a {@link FormatException}; anything
 * else is a bug. Runs on the seed inputs in every build; fuzz for real with {@code JAZZER_FUZZ=1
 * ./mvnw -B -pl annotation-formats test -Dtest=LabelmeFuzzTest}.
 */
class LabelmeFuzzTest {
  private static final int MAX_INPUT = 64 * 1024;

  @FuzzTest
  void labelmeFile(byte[] input) throws IOException {
    if (input.length > MAX_INPUT) {
      return;
    }
    Path folder = Files.createTempDirectory("labelme-fuzz");
    Path file = folder.resolve("input.json");
    try {
      Files.write(file, input);
      try (var source =
          new LabelmeFormat()
              .reader()
              .orElseThrow()
              .open(file, ConversionContext.of(FormatOptions.none()))) {
        if (Dataset.of(source).items().size() < 0) {
          throw new AssertionError("a negative count");
        }
      } catch (FormatException e) {
        // refused with our exception: fine
        if (e.problem().isBlank()) {
          throw new AssertionError("a format exception without a problem", e);
        }
      }
    } finally {
      Files.deleteIfExists(file);
      Files.deleteIfExists(folder);
    }
  }
}
