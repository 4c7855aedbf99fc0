package org.annotationkit.formats.labelstudio;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.annotationkit.core.dataset.Dataset;
import org.annotationkit.core.dataset.DatasetSource;
import org.annotationkit.core.io.FormatException;
import org.annotationkit.formats.ConversionContext;
import org.annotationkit.formats.Format;
import org.annotationkit.formats.FormatOptions;

/**
 * Fuzz tests of the Label Studio readers: whatever the bytes, reading gives a dataset or raises a
 * {@link FormatException} with a place; any other throwable is a bug. Runs its seed corpus ({@code
 * LabelStudioFuzzTestInputs/<method>/}) in every build; to fuzz for real:
 *
 * <pre>{@code
 * JAZZER_FUZZ=1 ./mvnw -B -pl annotation-formats -am test \
 *     -Dtest=LabelStudioFuzzTest#fullExport -Djazzer.max_duration=5m
 * }</pre>
 */
class LabelStudioFuzzTest {
  private static final int MAX_INPUT = 64 * 1024;

  @FuzzTest
  @DictionaryEntries({
    "\"annotations\":[",
    "\"predictions\":[",
    "\"data\":{\"image\":\"a.jpg\"}",
    "\"result\":[",
    "\"type\":\"rectanglelabels\"",
    "\"type\":\"polygonlabels\"",
    "\"type\":\"keypointlabels\"",
    "\"type\":\"brushlabels\"",
    "\"type\":\"choices\"",
    "\"from_name\":\"label\"",
    "\"original_width\":10",
    "\"original_height\":10",
    "\"rotation\":",
    "\"rle\":[",
    "\"points\":[[",
    "\"was_cancelled\":true",
    "\"completed_by\":"
  })
  void fullExport(byte[] input) throws IOException {
    reads(new LabelStudioFormat(), input);
  }

  @FuzzTest
  @DictionaryEntries({
    "\"annotation_id\":",
    "\"annotator\":",
    "\"image\":\"a.jpg\"",
    "\"rectanglelabels\":[",
    "\"choices\":[",
    "\"original_width\":10"
  })
  void jsonMin(byte[] input) throws IOException {
    reads(new LabelStudioMinFormat(), input);
  }

  private static void reads(Format format, byte[] input) throws IOException {
    if (input.length > MAX_INPUT) {
      return;
    }
    Path file = Files.createTempFile("labelstudio-fuzz", ".json");
    try {
      Files.write(file, input);
      ConversionContext context = ConversionContext.of(FormatOptions.none());
      try (DatasetSource source = format.reader().orElseThrow().open(file, context)) {
        Dataset dataset = Dataset.of(source);
        assertThat(dataset.schema().fields()).isNotEmpty();
      } catch (FormatException e) {
        assertThat(e.problem()).isNotBlank();
        assertThat(e.source()).isPresent();
      } catch (UncheckedIOException e) {
        throw new AssertionError("reading a temporary file cannot fail with an I/O error", e);
      }
    } finally {
      Files.deleteIfExists(file);
    }
  }
}
