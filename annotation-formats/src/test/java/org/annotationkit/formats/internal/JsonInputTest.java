package org.annotationkit.formats.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.annotationkit.core.io.FormatException;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JsonToken;

class JsonInputTest {
  private static JsonInput of(String json) {
    return JsonInput.of(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "x.json");
  }

  private static void readAll(JsonInput in) {
    while (in.next() != null) {
      // Only the parse matters.
    }
  }

  @Test
  void nestingDeeperThanTheLimitIsAFormatErrorWithThePlace() {
    String deep = "[".repeat(JsonInput.MAX_DEPTH + 1) + "]".repeat(JsonInput.MAX_DEPTH + 1);
    assertThatThrownBy(() -> readAll(of(deep)))
        .isInstanceOfSatisfying(
            FormatException.class,
            e -> {
              assertThat(e.source()).contains("x.json");
              assertThat(e.line()).hasValue(1);
              assertThat(e.problem()).contains("malformed JSON").contains("nesting depth");
            });
    String ok = "[".repeat(JsonInput.MAX_DEPTH) + "]".repeat(JsonInput.MAX_DEPTH);
    readAll(of(ok));
  }

  @Test
  void errorsCarryTheJsonPointerOfTheValue() {
    JsonInput in = of("{\"images\": [{\"id\": 1}, {\"id\": \"x\"}]}");
    JsonToken token;
    int ids = 0;
    while ((token = in.next()) != null) {
      if (token == JsonToken.VALUE_STRING) {
        FormatException e = in.error("id must be a number");
        assertThat(e.pointer()).contains("/images/1/id");
        assertThat(e.column()).as("the opening quote of \"x\"").hasValue(31);
        ids++;
      }
    }
    assertThat(ids).isEqualTo(1);
  }

  @Test
  void malformedJsonNamesTheLine() {
    assertThatThrownBy(() -> readAll(of("{\n\"a\": [1,\n 2,,]}")))
        .isInstanceOfSatisfying(FormatException.class, e -> assertThat(e.line()).hasValue(3));
  }
}
