package org.annotationkit.formats.nlp;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import org.annotationkit.core.io.FormatException;
import org.annotationkit.formats.FuzzRead;

/**
 * Fuzz test of the SageMaker image manifest reader: any bytes give a dataset or a {@link
 * FormatException}; anything else is a bug. Runs on the seed inputs in every build; fuzz for real
 * with {@code JAZZER_FUZZ=1 ./mvnw -B -pl annotation-formats test -Dtest=SageMakerImageFuzzTest}.
 */
class SageMakerImageFuzzTest {
  @FuzzTest
  void manifest(byte[] input) throws IOException {
    FuzzRead.read(new SageMakerImageFormat(), "input.manifest", input);
  }
}
