package org.annotationkit.formats.yolo;

import static org.annotationkit.formats.yolo.YoloFiles.read;
import static org.annotationkit.formats.yolo.YoloFiles.sizes;
import static org.annotationkit.formats.yolo.YoloFiles.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.annotationkit.core.io.FormatException;
import org.annotationkit.formats.FormatOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Malformed inputs raise FormatException naming the file and the line. */
class YoloErrorsTest {
  @TempDir Path dir;

  private FormatException readError(String yaml, String labels, String task) {
    Path root = dir.resolve("ds");
    if (!yaml.isEmpty()) {
      write(root, "data.yaml", yaml);
    }
    write(root, "labels/a.txt", labels);
    Path sizes = sizes(dir, Map.of("a.jpg", new int[] {10, 10}));
    FormatOptions options = FormatOptions.of(Map.of("task", task)).withSizes(sizes);
    Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> read(root, options));
    assertThat(thrown).isInstanceOf(FormatException.class);
    return (FormatException) thrown;
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "class without a name|0 0.5 0.5 0.1 0.1\\n3 0.5 0.5 0.1 0.1|auto|2|the class 3 has no name",
        "negative class|-1 0.5 0.5 0.1 0.1|auto|1|the class must be an index",
        "class with decimals|0.0 0.5 0.5 0.1 0.1|auto|1|the class must be an index",
        "not a number|0 0.5 0.5 nan 0.1|auto|1|value 3 after the class is not a number: 'nan'",
        "hexadecimal|0 0x1p-1 0.5 0.1 0.1|auto|1|is not a number",
        "odd polygon|0 0.1 0.1 0.2 0.2 0.3 0.3 0.4|auto|1|an even number of at least 6",
        "score column (LS bug)|\\n\\n0 0.5 0.5 0.1 0.1 0.9|detect|3|4 values after the class, found 5",
        "short obb|0 0.1 0.1 0.2 0.1 0.2 0.2|obb|1|8 values after the class, found 6",
        "one point|0 0.1 0.1|segment|1|found 2",
      })
  void labelLineErrorsNameFileAndLine(
      String name, String labels, String task, long line, String message) {
    FormatException e = readError("names: [a, b]\n", labels.replace("\\n", "\n"), task);
    assertThat(e.source()).hasValueSatisfying(s -> assertThat(s).endsWith("a.txt"));
    assertThat(e.line()).hasValue(line);
    assertThat(e.getMessage()).contains(message).contains("a.txt");
  }

  @Test
  void poseLineLengthAndVisibility() {
    String yaml = "kpt_shape: [2, 3]\nnames: [p]\n";
    FormatException e = readError(yaml, "0 0.5 0.5 0.1 0.1 0.1 0.1 2", "auto");
    assertThat(e.getMessage()).contains("10 values").contains("found 7");
    e = readError(yaml, "0 0.5 0.5 0.1 0.1 0.1 0.1 2 0.2 0.2 5", "auto");
    assertThat(e.getMessage()).contains("visibility of keypoint 1 must be 0, 1 or 2, found 5");
    assertThat(e.line()).hasValue(1);
  }

  @Test
  void poseNeedsKptShape() {
    FormatException e = readError("names: [p]\n", "", "pose");
    assertThat(e.getMessage()).contains("kpt_shape");
  }

  @Test
  void missingImageSize() {
    Path root = dir.resolve("nosize");
    write(root, "data.yaml", "names: [a]\n");
    write(root, "labels/train/x.txt", "0 0.5 0.5 0.1 0.1\n");
    assertThatThrownBy(() -> read(root, FormatOptions.none()))
        .isInstanceOf(FormatException.class)
        .hasMessageContaining("x.txt")
        .hasMessageContaining("size of the image train/x is unknown")
        .hasMessageContaining("--sizes");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "tab indentation|names:\\n\\t- a|2|a tab in the indentation",
        "gap in names|names:\\n  0: a\\n  2: b|1|leaves a gap",
        "no names|train: images|0|has no 'names'",
        "nc disagrees|nc: 3\\nnames: [a, b]|1|'nc' is 3 but 'names' gives 2",
        "unclosed flow|names: [a, b|1|expected ',' or ']'",
        "duplicate key|names: [a]\\nnames: [b]|2|the key 'names' is given twice",
        "alias|names: *x|1|anchors, aliases and tags",
        "bad kpt_shape|names: [a]\\nkpt_shape: [17, 4]|2|'kpt_shape[1]' must be 2",
        "duplicate class|names: [a, a]|1|not valid labels",
      })
  void yamlErrorsNameTheFile(String name, String yaml, long line, String message) {
    FormatException e = readError(yaml.replace("\\n", "\n").replace("\\t", "\t"), "", "auto");
    assertThat(e.source()).hasValueSatisfying(s -> assertThat(s).endsWith("data.yaml"));
    if (line == 0) {
      assertThat(e.line()).isEmpty();
    } else {
      assertThat(e.line()).hasValue(line);
    }
    assertThat(e.getMessage()).contains(message);
  }

  @Test
  void blankLineInsideObjNames() {
    Path root = dir.resolve("darknet");
    write(root, "obj.names", "a\n\nb\n");
    write(root, "1.txt", "");
    assertThatThrownBy(() -> read(root, FormatOptions.none()))
        .isInstanceOf(FormatException.class)
        .hasMessageContaining("obj.names")
        .hasMessageContaining("class name of index 1 is empty")
        .satisfies(t -> assertThat(((FormatException) t).line()).hasValue(2));
  }

  @Test
  void namesFileLeavingTheFolderIsRefused() {
    Path root = dir.resolve("darknet2");
    write(root, "obj.data", "classes = 1\nnames = ../../etc/passwd\n");
    assertThatThrownBy(() -> read(root, FormatOptions.none()))
        .isInstanceOf(FormatException.class)
        .hasMessageContaining("obj.data")
        .hasMessageContaining("leaves the folder");
  }

  @Test
  void aFileIsNotADataset() {
    Path file = write(dir, "one.txt", "0 0.5 0.5 0.1 0.1\n");
    assertThatThrownBy(() -> read(file, FormatOptions.none()))
        .isInstanceOf(FormatException.class)
        .hasMessageContaining("is a folder");
  }

  @Test
  void unknownTaskIsRefused() {
    Path root = dir.resolve("t");
    write(root, "data.yaml", "names: [a]\n");
    assertThatThrownBy(() -> read(root, FormatOptions.of(Map.of("task", "classify"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("task=classify");
  }
}
