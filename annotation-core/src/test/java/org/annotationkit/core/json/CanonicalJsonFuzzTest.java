package org.annotationkit.core.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.DictionaryFile;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.annotationkit.core.io.FormatException;

/**
 * Fuzz tests of the canonical JSON readers: whatever the bytes, reading either gives a value that
 * writes and reads back to an equal value, or raises a {@link FormatException}; any other throwable
 * (a jackson-core exception, an {@link IllegalArgumentException} from a domain constructor, a
 * {@link NullPointerException}, a {@link StackOverflowError}) is a bug.
 *
 * <p>By default each method runs once per file of its seed corpus, {@code
 * src/test/resources/org/annotationkit/core/json/CanonicalJsonFuzzTestInputs/<method>/}, and once
 * on empty input, as ordinary tests. To fuzz one method for real (Jazzer fuzzes one per run):
 *
 * <pre>{@code
 * JAZZER_FUZZ=1 ./mvnw -B -pl annotation-core test \
 *     -Dtest=CanonicalJsonFuzzTest#annotationLines -Djazzer.max_duration=5m
 * }</pre>
 *
 * <p>Jazzer writes a crashing input into that method's corpus folder, where it then runs in every
 * build; the inputs it found interesting go to {@code annotation-core/.cifuzz-corpus/}.
 */
class CanonicalJsonFuzzTest {
  /** Longer inputs are ignored: they find nothing that short ones do not, only more slowly. */
  private static final int MAX_INPUT = 64 * 1024;

  @FuzzTest
  @DictionaryEntries({
    "\"annotationkit\":\"schema\",\"version\":1,",
    "\"fields\":[",
    "\"labels\":[",
    "\"children\":[",
    "\"attributes\":[",
    "\"kind\":\"box\"",
    "\"kind\":\"keypoints\"",
    "\"kind\":\"rating\"",
    "\"kind\":\"pairwise_preference\"",
    "\"type\":\"enum\"",
    "\"type\":\"number\"",
    "\"options\":[",
    "\"skeleton\":{\"points\":[",
    "\"edges\":[[",
    "\"scale\":{\"min\":",
    "\"step\":",
    "\"anchors\":[",
    "\"minCount\":",
    "\"maxCount\":",
    "\"required\":true",
    "\"allowOverlap\":false",
    "\"rotatable\":true",
    "\"allowTies\":true",
    "\"color\":\"#FF0000\"",
    "\"name\":\"a\"",
    "\"description\":\"\""
  })
  void schemaDocuments(byte[] input) {
    readsDocument(CanonicalJson.schemas(), input);
  }

  @FuzzTest
  @DictionaryEntries({
    "\"annotationkit\":\"item\",\"version\":1,",
    "\"type\":\"image\"",
    "\"type\":\"text\"",
    "\"type\":\"audio\"",
    "\"type\":\"video\"",
    "\"type\":\"comparison\"",
    "\"id\":\"i\"",
    "\"uri\":\"https://example.org/a.jpg\"",
    "\"width\":",
    "\"height\":",
    "\"duration\":",
    "\"frameCount\":",
    "\"fps\":",
    "\"prompt\":\"\"",
    "\"responses\":[{",
    "\"model\":\"m\"",
    "\"metadata\":{",
    "\"text\":\"\""
  })
  void itemDocuments(byte[] input) {
    readsDocument(CanonicalJson.items(), input);
  }

  @FuzzTest
  @DictionaryFile(resourcePath = "annotation-tokens.dict")
  void annotationDocuments(byte[] input) {
    readsDocument(CanonicalJson.annotations(), input);
  }

  @FuzzTest
  @DictionaryFile(resourcePath = "annotation-tokens.dict")
  @DictionaryEntries("\uFEFF")
  // No line breaks among the tokens: Jazzer 0.30.0 writes them unescaped and libFuzzer then
  // rejects the dictionary. The seeds have plenty.
  void annotationLines(byte[] input) {
    readsLines(CanonicalJson.annotations(), input);
  }

  // ------------------------------------------------------------------ documents

  /**
   * Reads the input as one document, from a string and from a reader: both give the same outcome,
   * and a value read writes and reads back to itself.
   */
  private static <T> void readsDocument(JsonCodec<T> codec, byte[] input) {
    if (input.length > MAX_INPUT) {
      return;
    }
    String text = new String(input, StandardCharsets.UTF_8);
    Optional<T> fromString = outcome(() -> codec.read(text));
    Optional<T> fromReader = outcome(() -> codec.read(new StringReader(text), "fuzz.json"));
    assertThat(fromReader).isEqualTo(fromString);
    fromString.ifPresent(value -> assertRoundTrip(codec, value));
  }

  /** The value read, or empty if the reader refused the input with a located FormatException. */
  private static <T> Optional<T> outcome(Supplier<T> read) {
    try {
      return Optional.of(read.get());
    } catch (FormatException e) {
      assertThat(e.problem()).isNotBlank();
      assertThat(e.pointer()).as("pointer of %s", e.getMessage()).isPresent();
      return Optional.empty();
    }
  }

  private static <T> void assertRoundTrip(JsonCodec<T> codec, T value) {
    String compact = codec.write(value);
    T back = codec.read(compact);
    assertThat(back).as(compact).isEqualTo(value);
    assertThat(codec.write(back)).isEqualTo(compact);
    assertThat(codec.read(codec.writePretty(value))).as(compact).isEqualTo(value);
  }

  // ------------------------------------------------------------------ JSON Lines

  /**
   * Reads the input as JSON Lines, record by record, going on after refused lines: from its bytes
   * (decoded line by line) and, when it is UTF-8, from its text as well; both give the same records
   * and refuse the same lines, and each record read writes and reads back to itself.
   */
  private static <T> void readsLines(JsonCodec<T> codec, byte[] input) {
    if (input.length > MAX_INPUT) {
      return;
    }
    List<Object> fromBytes =
        readAllLines(codec.readLines(new ByteArrayInputStream(input), "fuzz.jsonl"), input.length);
    for (Object outcome : fromBytes) {
      if (!(outcome instanceof Refused)) {
        @SuppressWarnings("unchecked") // only values of the codec's type are kept besides Refused
        T value = (T) outcome;
        assertRoundTrip(codec, value);
      }
    }
    Optional<String> text = utf8(input);
    if (text.isPresent()) {
      List<Object> fromText =
          readAllLines(codec.readLines(new StringReader(text.get()), "fuzz.jsonl"), input.length);
      assertThat(fromText).isEqualTo(fromBytes);
    }
  }

  /** A line that the reader refused. */
  private record Refused(long line) {}

  /** Each record's value, or {@link Refused} for a line refused with a FormatException. */
  private static <T> List<Object> readAllLines(JsonLinesReader<T> reader, int inputLength) {
    List<Object> outcomes = new ArrayList<>();
    try (reader) {
      // Each round consumes at least one line, and there are at most inputLength + 1 of them.
      for (int round = 0; round <= inputLength + 1; round++) {
        try {
          if (!reader.hasNext()) {
            return outcomes;
          }
        } catch (FormatException e) {
          // A line that is not UTF-8: consumed, and reported with its line number.
          assertThat(e.line()).as(e.getMessage()).isPresent();
          outcomes.add(new Refused(e.line().getAsLong()));
          continue;
        }
        try {
          outcomes.add(reader.next());
        } catch (FormatException e) {
          assertThat(e.problem()).isNotBlank();
          assertThat(e.line()).as(e.getMessage()).hasValue(reader.lineNumber());
          assertThat(e.pointer()).as(e.getMessage()).isPresent();
          outcomes.add(new Refused(reader.lineNumber()));
        }
      }
    } catch (UncheckedIOException e) {
      throw new AssertionError("reading from memory cannot fail with an I/O error", e);
    }
    throw new AssertionError("the reader did not end after " + (inputLength + 1) + " lines");
  }

  private static Optional<String> utf8(byte[] input) {
    try {
      return Optional.of(
          StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(input)).toString());
    } catch (CharacterCodingException e) {
      return Optional.empty();
    }
  }
}
