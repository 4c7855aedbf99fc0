package org.annotationkit.formats.coco;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.annotationkit.core.dataset.Dataset;
import org.annotationkit.core.dataset.DatasetSource;
import org.annotationkit.core.io.FormatException;
import org.annotationkit.formats.ConversionContext;
import org.annotationkit.formats.FormatOptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Malformed COCO files: each gives our FormatException, naming the file, line and JSON pointer. */
class CocoReadErrorsTest {
  private static final String IMAGES =
      "\"images\": [{\"id\": 1, \"file_name\": \"a.jpg\", \"width\": 10, \"height\": 10}]";
  private static final String CATEGORIES =
      "\"categories\": [{\"id\": 1, \"name\": \"a\", \"keypoints\": [\"p\", \"q\"]}]";

  @TempDir Path dir;

  private static String withAnnotation(String annotation) {
    return "{" + IMAGES + ",\n" + CATEGORIES + ",\n\"annotations\": [\n" + annotation + "\n]}";
  }

  static Stream<Arguments> cases() {
    String ok = "{\"id\": 1, \"image_id\": 1, \"category_id\": 1, \"bbox\": [0, 0, 1, 1]";
    return Stream.of(
        Arguments.of("", "", "the file is empty"),
        Arguments.of("[]", "", "a COCO results file"),
        Arguments.of("{\"images\": [", "", "malformed JSON"),
        Arguments.of("{" + IMAGES + "}", "", "no \"categories\""),
        Arguments.of("{" + CATEGORIES + "}", "", "no \"images\""),
        Arguments.of(
            "{\"images\": [{\"id\": 1, \"file_name\": \"a.jpg\", \"width\": 0, \"height\": 1}], "
                + CATEGORIES
                + "}",
            "/images/0/width",
            "positive integer"),
        Arguments.of(
            "{\"images\": [{\"id\": 1, \"width\": 5, \"height\": 1}], " + CATEGORIES + "}",
            "/images/0",
            "no \"file_name\""),
        Arguments.of(
            "{"
                + IMAGES
                + ", \"categories\": [{\"id\": 1, \"name\": \"a\"}, {\"id\": 1, \"name\": \"b\"}]}",
            "/categories/1",
            "appears twice"),
        Arguments.of(
            "{"
                + IMAGES
                + ", \"categories\": [{\"id\": 1, \"name\": \"a\", \"keypoints\": [\"p\"],"
                + " \"skeleton\": [[1, 2]]}]}",
            "/categories/0/skeleton",
            "joins keypoint 2"),
        Arguments.of("{" + IMAGES + ", \"images\": []}", "/images", "appears twice"),
        Arguments.of(
            withAnnotation("{\"image_id\": 1, \"category_id\": 1}"), "/annotations/0", "no \"id\""),
        Arguments.of(
            withAnnotation(ok + ", \"image_id\": 2}"),
            "/annotations/0/image_id",
            "not in \"images\""),
        Arguments.of(
            withAnnotation(ok + ", \"category_id\": 3}"),
            "/annotations/0/category_id",
            "not in \"categories\""),
        Arguments.of(withAnnotation(ok + "}, " + ok + "}"), "/annotations/1/id", "appears twice"),
        Arguments.of(
            withAnnotation(ok.replace("[0, 0, 1, 1]", "[0, 0, 1]") + "}"),
            "/annotations/0/bbox",
            "4 numbers"),
        Arguments.of(
            withAnnotation(ok.replace("[0, 0, 1, 1]", "[0, 0, -1, 1]") + "}"),
            "/annotations/0/bbox",
            "negative"),
        Arguments.of(
            withAnnotation(ok + ", \"segmentation\": [0, 0, 1, 0, 1, 1]}"),
            "/annotations/0/segmentation/0",
            "a list of its own"),
        Arguments.of(
            withAnnotation(ok + ", \"segmentation\": [[0, 0, 1, 0, 1]]}"),
            "/annotations/0/segmentation/0",
            "even number"),
        Arguments.of(
            withAnnotation(ok + ", \"segmentation\": {\"size\": [10, 10], \"counts\": \"0a\"}}"),
            "/annotations/0/segmentation/counts",
            "compressed RLE"),
        Arguments.of(
            withAnnotation(ok + ", \"segmentation\": {\"size\": [10, 10], \"counts\": [5, 5]}}"),
            "/annotations/0/segmentation/counts",
            "sum"),
        Arguments.of(
            withAnnotation(ok + ", \"segmentation\": {\"size\": [5, 10], \"counts\": [50]}}"),
            "/annotations/0/segmentation",
            "its image is 10 x 10"),
        Arguments.of(
            withAnnotation(ok + ", \"keypoints\": [1, 1, 2]}"),
            "/annotations/0/keypoints",
            "has 2"),
        Arguments.of(
            withAnnotation(ok + ", \"keypoints\": [1, 1, 3, 0, 0, 0]}"),
            "/annotations/0/keypoints",
            "0, 1 or 2"),
        Arguments.of(withAnnotation(ok + ", \"iscrowd\": 2}"), "/annotations/0/iscrowd", "0 or 1"),
        Arguments.of(withAnnotation("7"), "/annotations/0", "must be an object"));
  }

  @ParameterizedTest(name = "{2}")
  @MethodSource("cases")
  void malformedInputIsLocated(String json, String pointer, String message) throws IOException {
    Path file = dir.resolve("bad.json");
    Files.writeString(file, json, StandardCharsets.UTF_8);
    FormatException e =
        catchThrowableOfType(
            FormatException.class,
            () -> {
              try (DatasetSource source =
                  new CocoFormat()
                      .reader()
                      .orElseThrow()
                      .open(file, ConversionContext.of(FormatOptions.none()))) {
                Dataset.of(source);
              }
            });
    assertThat(e).as("no FormatException for %s", json).isNotNull();
    assertThat(e.getMessage()).contains(message);
    assertThat(e.source()).contains(file.toString());
    assertThat(e.pointer()).isPresent();
    if (!pointer.isEmpty()) {
      assertThat(e.pointer()).contains(pointer);
      assertThat(e.line()).isPresent();
      assertThat(e.line().getAsLong()).isPositive();
    }
  }
}
