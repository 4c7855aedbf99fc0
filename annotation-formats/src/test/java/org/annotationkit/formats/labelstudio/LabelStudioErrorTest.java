package org.annotationkit.formats.labelstudio;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.annotationkit.core.io.FormatException;
import org.annotationkit.formats.FormatOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Malformed exports and configs raise FormatException naming the JSON pointer or line. */
class LabelStudioErrorTest {
  @TempDir Path dir;

  private static final String RESULT =
      "{\"id\": \"r\", \"type\": \"rectanglelabels\", \"from_name\": \"box\", \"to_name\":"
          + " \"image\", \"original_width\": 10, \"original_height\": 10, \"value\": VALUE}";

  private Path export(String value) throws IOException {
    Path file = dir.resolve("e.json");
    Files.writeString(
        file,
        "[{\"id\": 1, \"data\": {\"image\": \"a.jpg\"}, \"annotations\": [{\"id\": 2,"
            + " \"completed_by\": 1, \"result\": ["
            + RESULT.replace("VALUE", value)
            + "]}]}]");
    return file;
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"x\": \"a\", \"y\": 1, \"width\": 1, \"height\": 1, \"rectanglelabels\": [\"c\"]}"
            + "|/0/annotations/0/result/0/value/x|expected a number",
        "{\"y\": 1, \"width\": 1, \"height\": 1, \"rectanglelabels\": [\"c\"]}"
            + "|/0/annotations/0/result/0/value|the key \"x\" is missing",
        "{\"x\": 1e999, \"y\": 1, \"width\": 1, \"height\": 1, \"rectanglelabels\": [\"c\"]}"
            + "|/0/annotations/0/result/0/value/x|too large"
      })
  void badValuesNameTheirPointer(String value, String pointer, String problem) throws IOException {
    Path file = export(value);
    assertThatThrownBy(() -> LabelStudioReadTest.read(file, FormatOptions.none()))
        .isInstanceOfSatisfying(
            FormatException.class,
            e -> {
              org.assertj.core.api.Assertions.assertThat(e.pointer()).contains(pointer);
              org.assertj.core.api.Assertions.assertThat(e.problem()).contains(problem);
              org.assertj.core.api.Assertions.assertThat(e.source()).contains(file.toString());
              org.assertj.core.api.Assertions.assertThat(e.line()).isPresent();
            });
  }

  @Test
  void notAnArrayAndDuplicateIds() throws IOException {
    Path object = dir.resolve("o.json");
    Files.writeString(object, "{\"images\": []}");
    assertThatThrownBy(() -> LabelStudioReadTest.read(object, FormatOptions.none()))
        .isInstanceOf(FormatException.class)
        .hasMessageContaining("a Label Studio export is a JSON array of tasks");
    Path twice = dir.resolve("t.json");
    String task = "{\"id\": 1, \"data\": {\"image\": \"a.jpg\"}}";
    Files.writeString(twice, "[" + task + ", " + task + "]");
    assertThatThrownBy(() -> LabelStudioReadTest.read(twice, FormatOptions.none()))
        .isInstanceOfSatisfying(
            FormatException.class,
            e -> org.assertj.core.api.Assertions.assertThat(e.pointer()).contains("/1"))
        .hasMessageContaining("the task id 1 appears twice");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "<View><Image name='i' value='$image'/>|not well-formed",
        "<Foo/>|root element is <Foo>",
        "<View><Image name='i' value='$image'/></View>|has no control",
        "<View><RectangleLabels name='b' toName='i'></RectangleLabels></View>|has no labels",
        "<View><RectangleLabels toName='i'><Label value='a'/></RectangleLabels></View>|has no name",
        "<View><Choices name='c' toName='i'><Choice value='a'/><Choice value='a'/></Choices></View>"
            + "|appears twice",
        "<!DOCTYPE View [<!ENTITY x 'y'>]><View/>|DTD"
      })
  void invalidConfigs(String xml, String problem) throws IOException {
    Path config = dir.resolve("c.xml");
    Files.writeString(config, xml);
    Path file =
        export("{\"x\": 1, \"y\": 1, \"width\": 1, \"height\": 1, \"rectanglelabels\": [\"c\"]}");
    assertThatThrownBy(() ->
            LabelStudioReadTest.read(file, FormatOptions.of(Map.of("config", config.toString()))))
        .isInstanceOf(FormatException.class)
        .hasMessageContaining(problem)
        .hasMessageContaining(config.toString());
  }
}
