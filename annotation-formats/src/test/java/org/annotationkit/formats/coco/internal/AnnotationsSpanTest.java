package org.annotationkit.formats.coco.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.annotationkit.core.dataset.DatasetSource;
import org.annotationkit.core.io.FormatException;
import org.annotationkit.formats.ConversionContext;
import org.annotationkit.formats.FormatOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AnnotationsSpanTest {
  @TempDir Path dir;

  private Path file(String json) throws IOException {
    Path file = dir.resolve("f.json");
    Files.writeString(file, json, StandardCharsets.UTF_8);
    return file;
  }

  @Test
  void findsTheTopLevelListPastNestedKeysStringsAndEscapes() throws IOException {
    String inside = "{\"s\": \"]\\\"[}{\", \"annotations\": [[1]]}, {\"é\": \"ü\"}";
    String json =
        "{\"info\": {\"annotations\": [0]}, \"x\": \"annotations\", \"annot\\u0061tions\": 1,\n"
            + " \"annotations\" :\n ["
            + inside
            + "], \"categories\": []}";
    Path file = file(json);
    AnnotationsSpan span = java.util.Objects.requireNonNull(AnnotationsSpan.find(file));
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    assertThat(
            new String(
                bytes,
                (int) span.start(),
                (int) (span.end() - span.start()),
                StandardCharsets.UTF_8))
        .isEqualTo(inside);
    try (InputStream in = span.withoutAnnotations(file)) {
      assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8))
          .isEqualTo(json.replace(inside, ""));
    }
  }

  @Test
  void anErrorAfterTheSkippedListHasItsLineInTheFile() throws IOException {
    Path file =
        file(
            "{\"images\": [{\"id\": 1, \"file_name\": \"a.jpg\", \"width\": 4, \"height\": 4}],\n"
                + "\"annotations\": [\n{\"id\": 1},\n{\"id\": 2}\n],\n"
                + "\"categories\": [{\"id\": 1, \"name\": 5}]}");
    ConversionContext context = ConversionContext.of(FormatOptions.none());
    assertThatThrownBy(() -> CocoReader.open(file, context))
        .isInstanceOfSatisfying(FormatException.class, e -> assertThat(e.line()).hasValue(6));
    assertThat(context.report().losses()).isEmpty();
  }

  @Test
  void malformedJsonInTheSkippedListIsFoundByTheSecondPassWithItsLine() throws IOException {
    Path file =
        file(
            "{\"images\": [{\"id\": 1, \"file_name\": \"a.jpg\", \"width\": 4, \"height\": 4}],\n"
                + "\"categories\": [{\"id\": 1, \"name\": \"a\"}],\n"
                + "\"annotations\": [\n{\"id\": 1, \"image_id\": 1, \"category_id\": 1,"
                + " \"bbox\": [0, 0, 1, 1]},\n{\"id\": 2,, }\n]}");
    try (DatasetSource source = CocoReader.open(file, ConversionContext.of(FormatOptions.none()))) {
      assertThatThrownBy(
              () -> {
                while (source.hasNext()) {
                  source.next();
                }
              })
          .isInstanceOfSatisfying(
              FormatException.class,
              e -> {
                assertThat(e.line()).hasValue(5);
                assertThat(e.problem()).contains("malformed JSON");
              });
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "[{\"annotations\": []}]",
        "{\"images\": [], \"annotations\": {}}",
        "{\"images\": []}",
        "{\"annotations\": [1, 2",
        "x{\"annotations\": []}",
        ""
      })
  void givesNoSpanWhereTheListIsNotThere(String json) throws IOException {
    assertThat(AnnotationsSpan.find(file(json))).isNull();
  }

  /** The bytes that stop the eight-byte skip: quotes, brackets, and the four that look alike. */
  private static final String STOPS = "\"[]{}Y_y\u007f";

  @Test
  void theEightByteTestStopsExactlyAtQuotesBracketsAndTheirLookAlikes() {
    SplittableRandom random = new SplittableRandom(20_261_208L);
    for (int round = 0; round < 200_000; round++) {
      byte[] bytes = new byte[Long.BYTES];
      boolean expected = true;
      for (int k = 0; k < bytes.length; k++) {
        int b =
            random.nextInt(4) == 0
                ? STOPS.charAt(random.nextInt(STOPS.length()))
                : random.nextInt(256);
        bytes[k] = (byte) b;
        expected &= STOPS.indexOf((char) b) < 0;
      }
      long word = java.nio.ByteBuffer.wrap(bytes).order(java.nio.ByteOrder.LITTLE_ENDIAN).getLong();
      assertThat(AnnotationsSpan.plain(word)).as("%016x", word).isEqualTo(expected);
    }
  }

  @Test
  void findsTheListInGeneratedDocumentsOfEverySizeAcrossBufferEnds() throws IOException {
    SplittableRandom random = new SplittableRandom(20_261_209L);
    for (int round = 0; round < 120; round++) {
      StringBuilder json = new StringBuilder("{");
      int before = random.nextInt(4);
      for (int m = 0; m < before; m++) {
        json.append('"').append("k").append(m).append("\": ");
        value(random, json, 3, round % 10 == 0 ? 4_000 : 40);
        json.append(", ");
      }
      json.append("\"annotations\":").append(random.nextBoolean() ? " [" : "[");
      StringBuilder inside = new StringBuilder();
      int elements = round % 10 == 0 ? 20_000 : random.nextInt(30);
      for (int e = 0; e < elements; e++) {
        if (e > 0) {
          inside.append(", ");
        }
        value(random, inside, 4, 8);
      }
      int start = json.toString().getBytes(StandardCharsets.UTF_8).length;
      json.append(inside);
      int end = json.toString().getBytes(StandardCharsets.UTF_8).length;
      json.append("], \"categories\": [{\"id\": 1}]}");

      AnnotationsSpan span = AnnotationsSpan.find(file(json.toString()));

      assertThat(span).as("round %d", round).isEqualTo(new AnnotationsSpan(start, end));
    }
  }

  /** A random JSON value: numbers, nested lists and objects, strings with escapes and brackets. */
  private static void value(SplittableRandom random, StringBuilder out, int depth, int width) {
    int kind = depth == 0 ? random.nextInt(3) : random.nextInt(5);
    switch (kind) {
      case 0 -> out.append(random.nextInt(-5_000, 5_000)).append('.').append(random.nextInt(100));
      case 1 -> out.append(random.nextLong());
      case 2 -> string(random, out);
      case 3 -> {
        out.append('[');
        int n = random.nextInt(width);
        for (int i = 0; i < n; i++) {
          out.append(i > 0 ? (random.nextBoolean() ? "," : ", ") : "");
          value(random, out, depth - 1, Math.min(width, 8));
        }
        out.append(']');
      }
      default -> {
        out.append('{');
        int n = random.nextInt(5);
        for (int i = 0; i < n; i++) {
          out.append(i > 0 ? "," : "");
          if (random.nextInt(4) == 0) {
            out.append("\"annotations\"");
          } else {
            string(random, out);
          }
          out.append(':');
          value(random, out, depth - 1, Math.min(width, 8));
        }
        out.append('}');
      }
    }
  }

  private static void string(SplittableRandom random, StringBuilder out) {
    out.append('"');
    int n = random.nextInt(12);
    for (int i = 0; i < n; i++) {
      int k = random.nextInt(10);
      switch (k) {
        case 0 -> out.append("\\\"");
        case 1 -> out.append("\\\\");
        case 2 -> out.append("é");
        case 3 -> out.append("😀");
        default -> out.append("ab[]{}:, Y_y".charAt(random.nextInt(12)));
      }
    }
    out.append('"');
  }
}
