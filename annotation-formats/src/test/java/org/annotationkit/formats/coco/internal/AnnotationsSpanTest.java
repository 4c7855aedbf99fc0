package org.annotationkit.formats.coco.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
}
