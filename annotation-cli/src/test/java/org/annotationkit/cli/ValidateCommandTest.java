package org.annotationkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.annotationkit.core.io.FormatException;
import org.annotationkit.core.json.CanonicalJson;
import org.annotationkit.core.json.JsonCodec;
import org.annotationkit.core.json.JsonLinesReader;
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

  private Path write(String name, String... lines) throws IOException {
    Path file = temp.resolve(name);
    Files.write(file, List.of(lines), StandardCharsets.UTF_8);
    return file;
  }

  /** The problem that the library itself reports for that line of an annotations file. */
  private static FormatException problemOnLine(Path file, long line) {
    return problemOnLine(file, line, CanonicalJson.annotations());
  }

  private static FormatException problemOnLine(Path file, long line, JsonCodec<?> codec) {
    try (JsonLinesReader<?> reader = codec.readLines(file)) {
      while (true) {
        try {
          if (!reader.hasNext()) {
            throw new AssertionError("no problem on line " + line + " of " + file);
          }
          var unused = reader.next();
        } catch (FormatException problem) {
          if (problem.line().orElse(0) == line) {
            return problem;
          }
          throw new AssertionError("a problem on another line than " + line, problem);
        }
      }
    }
  }

  private static Cli.Run run(String... args) {
    return Cli.run(args);
  }

  @Test
  void listsExactlyTheThreePlantedErrorsWithTheirLinesAndPointers() {
    Cli.Run run =
        run("validate", "--schema", SCHEMA, "--items", ITEMS, "--annotations", WITH_ERRORS);

    assertThat(run.exitCode()).isEqualTo(1);
    List<String> violations =
        run.outLines().stream().filter(line -> line.startsWith(WITH_ERRORS + ":")).toList();
    assertThat(violations).hasSize(3);
    assertThat(violations.get(0)).startsWith(WITH_ERRORS + ":1:1 at /results/0/value/width: ");
    assertThat(violations.get(1))
        .startsWith(WITH_ERRORS + ":1:1 at /results/1/value/label: ")
        .contains("truck");
    assertThat(violations.get(2)).startsWith(WITH_ERRORS + ":2:1 at /results/0/value/end: ");
    assertThat(run.out())
        .contains("checked 2 annotations in " + WITH_ERRORS + ": 2 with violations, 3 violations");
    assertThat(run.err()).isEmpty();
  }

  @Test
  void validFileExitsZero() {
    Cli.Run run = run("validate", "--schema", SCHEMA, "--items", ITEMS, "--annotations", VALID);

    assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
    assertThat(run.out())
        .contains("checked 5 annotations in " + VALID + ": 0 with violations, 0 violations");
  }

  @Test
  void withoutItemsOnlyTheChecksThatNeedNoItemRun() {
    Cli.Run run = run("validate", "--schema", SCHEMA, "--annotations", WITH_ERRORS);

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.outLines())
        .filteredOn(line -> line.startsWith(WITH_ERRORS + ":"))
        .singleElement()
        .asString()
        .contains("/results/1/value/label");
  }

  @Test
  void withoutItemsSaysOnStderrWhichChecksWereSkipped() {
    Cli.Run run = run("validate", "--schema", SCHEMA, "--annotations", VALID);

    assertThat(run.exitCode()).isZero();
    assertThat(run.err().lines().toList())
        .singleElement()
        .asString()
        .isEqualTo(
            "annotate: no --items given: skipped the checks against items (that the item exists,"
                + " field kinds per item type, geometry within the image, mask sizes, span offsets"
                + " and covered text, segment ends, response ids)");
    // With the items, nothing is skipped and nothing is said.
    assertThat(run("validate", "--schema", SCHEMA, "--items", ITEMS, "--annotations", VALID).err())
        .isEmpty();
  }

  @Test
  void goesOnAfterATruncatedLineAndListsTheViolationOnTheLineAfterIt() throws IOException {
    List<String> valid = Files.readAllLines(Path.of(VALID));
    List<String> withErrors = Files.readAllLines(Path.of(WITH_ERRORS));
    String truncated = valid.get(1).substring(0, valid.get(1).length() / 2);
    Path file = write("mixed.jsonl", valid.get(0), truncated, withErrors.get(1));
    FormatException problem = problemOnLine(file, 2);

    Cli.Run run =
        run("validate", "--schema", SCHEMA, "--items", ITEMS, "--annotations", file.toString());

    assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
    List<String> out = run.outLines();
    assertThat(out).hasSize(3);
    assertThat(out.get(0)).isEqualTo(problem.getMessage());
    assertThat(out.get(1)).startsWith(file + ":3:1 at /results/0/value/end: span end ");
    assertThat(out.get(2))
        .isEqualTo(
            "checked 2 annotations in "
                + file
                + ": 1 with violations, 1 violation, 1 malformed line");
    assertThat(run.err()).isEmpty();
  }

  @Test
  void aLineThatIsNotJsonIsListedWithItsLineAndTheFileStillChecked() throws IOException {
    Path file = write("notes.jsonl", "this is not json", Files.readAllLines(Path.of(VALID)).get(0));
    FormatException problem = problemOnLine(file, 1);

    Cli.Run run =
        run("validate", "--schema", SCHEMA, "--items", ITEMS, "--annotations", file.toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(problem.getMessage()).contains(file.toString());
    assertThat(run.outLines())
        .containsExactly(
            problem.getMessage(),
            "checked 1 annotation in "
                + file
                + ": 0 with violations, 0 violations, 1 malformed line");
    assertThat(run.out()).doesNotContain("Exception").doesNotContain("\tat ");
  }

  @Test
  void textThatIsNotUtf8FromTheFirstLineExitsTwo() throws IOException {
    Path latin1 = temp.resolve("latin1.jsonl");
    Files.write(
        latin1,
        Files.readString(Path.of(VALID))
            .replace("\"annotator\":\"alice\"", "\"annotator\":\"aliz\u00e9e\"")
            .getBytes(StandardCharsets.ISO_8859_1));

    Cli.Run run = run("validate", "--schema", SCHEMA, "--annotations", latin1.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err().lines())
        .last()
        .asString()
        .startsWith("annotate: cannot read annotations: ")
        .contains(latin1.toString());
  }

  @Test
  void aLineThatIsNotUtf8AfterGoodOnesIsListedAndTheRestChecked() throws IOException {
    List<String> valid = Files.readAllLines(Path.of(VALID));
    Path file = temp.resolve("late-latin1.jsonl");
    Files.write(
        file,
        (valid.get(0) + "\n" + valid.get(1).replace("bob", "b\u00f6b") + "\n" + valid.get(3) + "\n")
            .getBytes(StandardCharsets.ISO_8859_1));
    FormatException problem = problemOnLine(file, 2);

    Cli.Run run =
        run("validate", "--schema", SCHEMA, "--items", ITEMS, "--annotations", file.toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.outLines())
        .containsExactly(
            problem.getMessage(),
            "checked 2 annotations in "
                + file
                + ": 0 with violations, 0 violations, 1 malformed line");
  }

  @Test
  void aFolderExitsTwo() {
    Cli.Run run = run("validate", "--schema", SCHEMA, "--annotations", temp.toString());

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err().lines())
        .last()
        .asString()
        .isEqualTo("annotate: cannot read annotations: " + temp + " is a folder, not a file");
  }

  @Test
  void aMalformedItemsLineIsListedAndTheOtherItemsStillUsed() throws IOException {
    List<String> items = Files.readAllLines(Path.of(ITEMS));
    Path itemsFile =
        write("items.jsonl", items.get(0), "{\"annotationkit\":\"item\"", items.get(2));
    FormatException problem = problemOnLine(itemsFile, 2, CanonicalJson.items());

    Cli.Run run =
        run(
            "validate",
            "--schema",
            SCHEMA,
            "--items",
            itemsFile.toString(),
            "--annotations",
            VALID);

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.outLines())
        .containsExactly(
            problem.getMessage(),
            "read 2 items from " + itemsFile + ": 1 malformed line, 0 repeated ids",
            VALID
                + ":4:1 at /item: no item 'news-1' in the items file (1 of its lines could not be"
                + " read)",
            "checked 5 annotations in " + VALID + ": 1 with violations, 1 violation");
  }

  @Test
  void aRepeatedItemIdIsListedAndTheFirstOneUsed() throws IOException {
    List<String> items = Files.readAllLines(Path.of(ITEMS));
    String smaller = items.get(0).replace("\"width\":640", "\"width\":64");
    Path itemsFile = write("items.jsonl", items.get(0), items.get(1), items.get(2), smaller);

    Cli.Run run =
        run(
            "validate",
            "--schema",
            SCHEMA,
            "--items",
            itemsFile.toString(),
            "--annotations",
            VALID);

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.outLines())
        .containsExactly(
            itemsFile
                + ":4:1 at /id: item id 'street-1' appears twice, first on line 1 (annotations of it"
                + " are checked against that one)",
            "read 3 items from " + itemsFile + ": 0 malformed lines, 1 repeated id",
            "checked 5 annotations in " + VALID + ": 0 with violations, 0 violations");
  }

  @Test
  void malformedSchemaExitsTwoNamingThePointer() throws IOException {
    Path schema = temp.resolve("schema.json");
    Files.writeString(
        schema,
        "{\"annotationkit\":\"schema\",\"version\":1,\"name\":\"s\",\"fields\":[{\"name\":7}]}",
        StandardCharsets.UTF_8);

    Cli.Run run = run("validate", "--schema", schema.toString(), "--annotations", VALID);

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err().lines().toList())
        .singleElement()
        .asString()
        .startsWith("annotate: cannot read schema: ")
        .contains("/fields/0/name");
  }

  @Test
  void missingFileExitsTwo() {
    Cli.Run run =
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

    Cli.Run run =
        run(
            "validate",
            "--schema",
            SCHEMA,
            "--items",
            ITEMS,
            "--annotations",
            annotations.toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).contains(":4:1 at /item: no item 'news-9' in the items file\n");
  }

  @Test
  void missingRequiredOptionIsAUsageError() {
    Cli.Run run = run("validate", "--schema", SCHEMA);

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--annotations");
  }

  @Test
  void helpAndVersion() {
    Cli.Run help = run("--help");
    assertThat(help.exitCode()).isZero();
    assertThat(help.out()).contains("validate").contains("demo").contains("Exit codes");

    Cli.Run validateHelp = run("validate", "--help");
    assertThat(validateHelp.exitCode()).isZero();
    assertThat(validateHelp.out()).contains("--schema").contains("--items");
    assertThat(String.join(" ", validateHelp.out().split("\\s+")))
        .contains("Without them, those checks are skipped (stderr says so).")
        .contains("a malformed line of the annotations or items is listed");

    Cli.Run version = run("--version");
    assertThat(version.exitCode()).isZero();
    assertThat(version.out()).startsWith("annotate ");
  }
}
