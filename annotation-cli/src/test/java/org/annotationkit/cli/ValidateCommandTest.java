package org.annotationkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidateCommandTest {
  private static final Path SAMPLES = Path.of("..", "samples");
  private static final String SCHEMA = SAMPLES.resolve("schema.json").toString();
  private static final String ITEMS = SAMPLES.resolve("items.jsonl").toString();
  private static final String VALID = SAMPLES.resolve("annotations.jsonl").toString();
  private static final String WITH_ERRORS =
      SAMPLES.resolve("annotations-with-errors.jsonl").toString();

  @TempDir Path temp;

  private record Run(int exitCode, String out, String err) {
    List<String> outLines() {
      return out.lines().toList();
    }
  }

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        Annotate.commandLine(new PrintWriter(out, true), new PrintWriter(err, true)).execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void listsExactlyTheThreePlantedErrorsWithTheirLinesAndPointers() {
    Run run = run("validate", "--schema", SCHEMA, "--items", ITEMS, "--annotations", WITH_ERRORS);

    assertThat(run.exitCode()).isEqualTo(1);
    List<String> violations =
        run.outLines().stream().filter(line -> line.startsWith(WITH_ERRORS + ":")).toList();
    assertThat(violations).hasSize(3);
    assertThat(violations.get(0)).startsWith(WITH_ERRORS + ":1: /results/0/value/width: ");
    assertThat(violations.get(1))
        .startsWith(WITH_ERRORS + ":1: /results/1/value/label: ")
        .contains("truck");
    assertThat(violations.get(2)).startsWith(WITH_ERRORS + ":2: /results/0/value/end: ");
    assertThat(run.out())
        .contains("checked 2 annotations in " + WITH_ERRORS + ": 2 with violations, 3 violations");
    assertThat(run.err()).isEmpty();
  }

  @Test
  void validFileExitsZero() {
    Run run = run("validate", "--schema", SCHEMA, "--items", ITEMS, "--annotations", VALID);

    assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
    assertThat(run.out())
        .contains("checked 5 annotations in " + VALID + ": 0 with violations, 0 violations");
  }

  @Test
  void withoutItemsOnlyTheChecksThatNeedNoItemRun() {
    Run run = run("validate", "--schema", SCHEMA, "--annotations", WITH_ERRORS);

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.outLines())
        .filteredOn(line -> line.startsWith(WITH_ERRORS + ":"))
        .singleElement()
        .asString()
        .contains("/results/1/value/label");
  }

  @Test
  void fileThatIsNotJsonExitsTwoWithOneClearLine() throws IOException {
    Path notJson = temp.resolve("notes.jsonl");
    Files.writeString(notJson, "this is not json\n", StandardCharsets.UTF_8);

    Run run = run("validate", "--schema", SCHEMA, "--annotations", notJson.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err().lines().toList())
        .singleElement()
        .asString()
        .startsWith("annotate: cannot read annotations: ")
        .contains(notJson.toString())
        .contains("line 1");
    assertThat(run.err()).doesNotContain("Exception").doesNotContain("\tat ");
  }

  @Test
  void malformedSchemaExitsTwoNamingThePointer() throws IOException {
    Path schema = temp.resolve("schema.json");
    Files.writeString(
        schema,
        "{\"annotationkit\":\"schema\",\"version\":1,\"name\":\"s\",\"fields\":[{\"name\":7}]}",
        StandardCharsets.UTF_8);

    Run run = run("validate", "--schema", schema.toString(), "--annotations", VALID);

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err().lines().toList())
        .singleElement()
        .asString()
        .startsWith("annotate: cannot read schema: ")
        .contains("/fields/0/name");
  }

  @Test
  void missingFileExitsTwo() {
    Run run =
        run("validate", "--schema", SCHEMA, "--annotations", temp.resolve("nope.jsonl").toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err().lines().toList())
        .singleElement()
        .asString()
        .contains("no such file")
        .contains("nope.jsonl");
  }

  @Test
  void annotationOfAnUnknownItemIsAViolation() throws IOException {
    Path annotations = temp.resolve("a.jsonl");
    Files.writeString(
        annotations,
        Files.readString(Path.of(VALID)).replace("\"item\":\"news-1\"", "\"item\":\"news-9\""),
        StandardCharsets.UTF_8);

    Run run =
        run(
            "validate",
            "--schema",
            SCHEMA,
            "--items",
            ITEMS,
            "--annotations",
            annotations.toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).contains(":4: /item: no item 'news-9'");
  }

  @Test
  void missingRequiredOptionIsAUsageError() {
    Run run = run("validate", "--schema", SCHEMA);

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--annotations");
  }

  @Test
  void helpAndVersion() {
    Run help = run("--help");
    assertThat(help.exitCode()).isZero();
    assertThat(help.out()).contains("validate").contains("demo").contains("Exit codes");

    Run validateHelp = run("validate", "--help");
    assertThat(validateHelp.exitCode()).isZero();
    assertThat(validateHelp.out()).contains("--schema").contains("--items");

    Run version = run("--version");
    assertThat(version.exitCode()).isZero();
    assertThat(version.out()).startsWith("annotate ");
  }
}
