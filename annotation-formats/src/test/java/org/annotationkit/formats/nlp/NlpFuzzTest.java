package org.annotationkit.formats.nlp;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.util.Map;
import org.annotationkit.core.io.FormatException;
import org.annotationkit.formats.FuzzRead;

/**
 * Fuzz tests of the readers of this package: any bytes give a dataset or a {@link FormatException};
 * anything else is a bug. Each runs on its seed inputs (under {@code NlpFuzzTestInputs/<method>/})
 * in every build; fuzz one for real with {@code JAZZER_FUZZ=1 ./mvnw -B -pl annotation-formats test
 * -Dtest='NlpFuzzTest#conll'}.
 */
class NlpFuzzTest {
  @FuzzTest
  void conll(byte[] input) throws IOException {
    FuzzRead.read(new ConllFormat(), "input.conll", input);
  }

  @FuzzTest
  void conllStrictBioes(byte[] input) throws IOException {
    FuzzRead.read(
        new ConllFormat(),
        "input.conll",
        input,
        Map.of("from-scheme", "bioes", "strict", "true", "column", "2"));
  }

  @FuzzTest
  void spacy(byte[] input) throws IOException {
    FuzzRead.read(new SpacyFormat(), "input.jsonl", input);
  }

  @FuzzTest
  void doccano(byte[] input) throws IOException {
    FuzzRead.read(new DoccanoFormat(), "input.jsonl", input);
  }

  @FuzzTest
  void prodigy(byte[] input) throws IOException {
    FuzzRead.read(new ProdigyFormat(), "input.jsonl", input);
  }

  @FuzzTest
  void asrManifest(byte[] input) throws IOException {
    FuzzRead.read(new AsrManifestFormat(), "input.json", input);
  }

  @FuzzTest
  void sagemakerNer(byte[] input) throws IOException {
    FuzzRead.read(new SageMakerNerFormat(), "input.manifest", input);
  }

  @FuzzTest
  void classificationTable(byte[] input) throws IOException {
    FuzzRead.read(new ClassificationTableFormat(), "input.csv", input);
  }

  @FuzzTest
  void classificationTableMultiLabel(byte[] input) throws IOException {
    FuzzRead.read(
        new ClassificationTableFormat(),
        "input.csv",
        input,
        Map.of("multi-label", "true", "label-separator", ";"));
  }

  @FuzzTest
  void preference(byte[] input) throws IOException {
    FuzzRead.read(new PreferenceFormat(), "input.jsonl", input);
  }
}
