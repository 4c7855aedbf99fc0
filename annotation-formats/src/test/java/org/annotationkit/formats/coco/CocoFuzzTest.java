package org.annotationkit.formats.coco;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.annotationkit.core.dataset.Dataset;
import org.annotationkit.core.dataset.DatasetSource;
import org.annotationkit.core.io.FormatException;
import org.annotationkit.formats.ConversionContext;
import org.annotationkit.formats.FormatOptions;

/**
 * Fuzz test of the COCO reader: whatever the bytes, reading the file gives a dataset or raises a
 * {@link FormatException} with a JSON pointer; any other throwable (a jackson-core exception, an
 * {@link IllegalArgumentException} from a domain constructor, a {@link NullPointerException}) is a
 * bug.
 *
 * <p>By default it runs once per file of its seed corpus, {@code
 * src/test/resources/org/annotationkit/formats/coco/CocoFuzzTestInputs/readsAnyBytes/}, and once on
 * empty input, as an ordinary test. To fuzz for real:
 *
 * <pre>{@code
 * JAZZER_FUZZ=1 ./mvnw -B -pl annotation-formats -am test \
 *     -Dtest=CocoFuzzTest -Dsurefire.failIfNoSpecifiedTests=false -Djazzer.max_duration=5m
 * }</pre>
 */
class CocoFuzzTest {
  /** Longer inputs are ignored: they find nothing that short ones do not, only more slowly. */
  private static final int MAX_INPUT = 64 * 1024;

  @FuzzTest
  @DictionaryEntries({
    "\"images\":[{",
    "\"annotations\":[{",
    "\"categories\":[{",
    "\"id\":1,",
    "\"image_id\":1,",
    "\"category_id\":1,",
    "\"file_name\":\"a.jpg\",",
    "\"width\":10,\"height\":10",
    "\"bbox\":[0,0,1,1]",
    "\"segmentation\":[[0,0,1,0,1,1]]",
    "\"segmentation\":{\"size\":[10,10],\"counts\":\"046O1O1Om1\"}",
    "\"counts\":[0,5,95]",
    "\"keypoints\":[\"a\",\"b\"]",
    "\"keypoints\":[1,1,2,0,0,0]",
    "\"skeleton\":[[1,2]]",
    "\"iscrowd\":1",
    "\"attributes\":{\"x\":true}",
    "\"score\":0.5",
    "\"info\":{\"description\":\"\"}"
  })
  void readsAnyBytes(byte[] input) throws IOException {
    if (input.length > MAX_INPUT) {
      return;
    }
    Path file = Files.createTempFile("coco-fuzz", ".json");
    try {
      Files.write(file, input);
      try (DatasetSource source =
          new CocoFormat()
              .reader()
              .orElseThrow()
              .open(file, ConversionContext.of(FormatOptions.none()))) {
        Dataset dataset = Dataset.of(source);
        assertThat(dataset.schema().name()).isEqualTo("coco");
      } catch (FormatException e) {
        assertThat(e.problem()).isNotBlank();
        assertThat(e.pointer()).as("pointer of %s", e.getMessage()).isPresent();
      }
    } finally {
      Files.deleteIfExists(file);
    }
  }
}
