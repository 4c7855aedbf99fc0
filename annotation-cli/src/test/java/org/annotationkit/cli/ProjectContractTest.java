package org.annotationkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.annotationkit.core.annotation.Annotation;
import org.annotationkit.core.json.CanonicalJson;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

/**
 * The command-line contract of {@code annotate project} as issue 6 states it, one point per test:
 * the subcommands, their options, the JSON keys they print and their exit codes.
 */
class ProjectContractTest {

  @TempDir Path temp;

  private Path schema;
  private Path items;
  private Path project;

  /** Issue 6's subcommands and the options it gives each (besides DIR, and --store of issue 7). */
  static final Map<String, List<String>> CONTRACT = new LinkedHashMap<>();

  static {
    CONTRACT.put(
        "init",
        List.of(
            "--schema",
            "--items",
            "--overlap",
            "--gold",
            "--gold-rate",
            "--review",
            "--lease",
            "--pay"));
    CONTRACT.put("next", List.of("--annotator", "--skills"));
    CONTRACT.put("submit", List.of("--annotation"));
    CONTRACT.put("import", List.of("--annotations"));
    CONTRACT.put(
        "review", List.of("--annotation", "--accept", "--reject", "--correct", "--reviewer"));
    CONTRACT.put("inspect", List.of("--json"));
    CONTRACT.put("export", List.of("--output"));
  }

  @BeforeEach
  void files() throws IOException {
    schema = ProjectFiles.petsSchema(temp);
    items = ProjectFiles.textItems(temp, "items.jsonl", List.of("t1", "t2"));
    project = temp.resolve("pets");
  }

  private Cli.Run init(String... extra) {
    return ProjectFiles.init(project.toString(), schema, items, List.of(extra));
  }

  /** {@code project review DIR --annotation a VERDICT... --reviewer r}. */
  private Cli.Run reviewOfA(String... verdict) {
    List<String> args =
        new ArrayList<>(List.of("project", "review", project.toString(), "--annotation", "a"));
    args.addAll(List.of(verdict));
    args.addAll(List.of("--reviewer", "r"));
    return Cli.run(args.toArray(String[]::new));
  }

  /**
   * The property names, in order, of the objects at a path in a JSON text: {@code ""} for the
   * outermost object, {@code "/tasks"} for its member tasks, {@code "/annotators[]/"} for the
   * objects in its array annotators.
   */
  static List<String> keys(String json, String path) {
    List<String> keys = new ArrayList<>();
    List<String> at = new ArrayList<>();
    String name = "";
    try (JsonParser p =
        JsonFactory.builder().build().createParser(ObjectReadContext.empty(), json)) {
      for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
        switch (t) {
          case PROPERTY_NAME -> {
            name = p.currentName();
            if (String.join("/", at).equals(path)) {
              keys.add(name);
            }
          }
          case START_OBJECT -> at.add(name);
          case END_OBJECT -> at.remove(at.size() - 1);
          case START_ARRAY -> {
            at.add(name + "[]");
            name = "";
          }
          case END_ARRAY -> at.remove(at.size() - 1);
          default -> {}
        }
      }
    }
    return keys;
  }

  @Test
  void projectHelpListsEverySubcommand() {
    Cli.Run help = Cli.run("project", "--help");
    assertThat(help.exitCode()).isZero();
    for (String sub : CONTRACT.keySet()) {
      assertThat(help.out()).containsPattern("(?m)^\\s+" + sub + "\\s");
    }
    assertThat(help.out()).contains("--store");
  }

  @Test
  void everySubcommandTakesDirTheContractsOptionsAndStore() {
    for (Map.Entry<String, List<String>> e : CONTRACT.entrySet()) {
      Cli.Run help = Cli.run("project", e.getKey(), "--help");
      assertThat(help.exitCode()).as(e.getKey()).isZero();
      assertThat(help.out()).as(e.getKey()).contains("DIR").contains("--store=URL");
      for (String option : e.getValue()) {
        assertThat(help.out()).as(e.getKey()).containsPattern("\\s" + option + "[=\\s,]");
      }
      assertThat(help.out())
          .as(e.getKey())
          .contains("Exit codes:")
          .containsPattern("(?m)^\\s+2\\s");
    }
  }

  @Test
  void aMissingRequiredOptionIsAUsageErrorWithExitTwo() {
    assertThat(init().exitCode()).isZero();
    for (String sub : List.of("next", "submit", "import", "review", "export")) {
      Cli.Run run = Cli.run("project", sub, project.toString());
      assertThat(run.exitCode()).as(sub).isEqualTo(2);
      assertThat(run.err()).as(sub).startsWith("Missing required option");
    }
    Cli.Run noSchema = Cli.run("project", "init", temp.resolve("x").toString());
    assertThat(noSchema.exitCode()).isEqualTo(2);
    Cli.Run twoVerdicts = reviewOfA("--accept", "--reject");
    assertThat(twoVerdicts.exitCode()).isEqualTo(2);
    assertThat(twoVerdicts.err()).contains("mutually exclusive");
  }

  @Test
  void initTakesOverlapGoldRateReviewLeaseAndPayAsInspectShowsThem() {
    Cli.Run created =
        init(
            "--overlap",
            "3",
            "--gold-rate",
            "0.25",
            "--review",
            "--lease",
            "90s",
            "--pay",
            "hourly=30");
    assertThat(created.exitCode()).as(created.err()).isZero();
    Cli.Run inspect = Cli.run("project", "inspect", project.toString(), "--json");
    assertThat(inspect.out())
        .contains(
            "\"project\":{\"id\":\"pets\",\"overlap\":3,\"gold_rate\":0.25,\"review\":true,"
                + "\"lease\":\"PT1M30S\",\"pay\":\"hourly=30\"}");
  }

  @Test
  void nextPrintsOneObjectWithTaskItemLeaseExpiresAndPrelabels() {
    assertThat(init().exitCode()).isZero();
    Cli.Run next =
        Cli.run("project", "next", project.toString(), "--annotator", "ann", "--skills", "a,b");
    assertThat(next.exitCode()).as(next.err()).isZero();
    assertThat(next.outLines()).hasSize(1);
    String line = next.outLines().get(0);
    assertThat(keys(line, "")).containsExactly("task", "item", "lease_expires", "prelabels");
    assertThat(keys(line, "/item")).contains("id", "type", "text");
    String expires = line.replaceFirst(".*\"lease_expires\":\"([^\"]+)\".*", "$1");
    assertThat(Instant.parse(expires)).isNotNull();
  }

  @Test
  void nextExitsThreeWhenNothingIsLeftForTheAnnotator() throws IOException {
    assertThat(init().exitCode()).isZero();
    for (String task : List.of("t1", "t2")) {
      Cli.Run next = Cli.run("project", "next", project.toString(), "--annotator", "ann");
      assertThat(next.exitCode()).isZero();
      assertThat(next.out()).startsWith("{\"task\":\"" + task + "\"");
    }
    Cli.Run none = Cli.run("project", "next", project.toString(), "--annotator", "ann");
    assertThat(none.exitCode()).isEqualTo(3);
    assertThat(none.out()).isEmpty();
    assertThat(none.err()).contains("nothing left for ann");
  }

  @Test
  void submitReadsTheAnnotationFromStandardInputForADash() {
    assertThat(init().exitCode()).isZero();
    assertThat(Cli.run("project", "next", project.toString(), "--annotator", "ann").exitCode())
        .isZero();
    Annotation a = ProjectFiles.choice("s1", "t1", "ann", "cat");
    InputStream stdin = System.in;
    try {
      System.setIn(
          new ByteArrayInputStream(
              CanonicalJson.annotations().write(a).getBytes(StandardCharsets.UTF_8)));
      Cli.Run run = Cli.run("project", "submit", project.toString(), "--annotation", "-");
      assertThat(run.exitCode()).as(run.err()).isZero();
      assertThat(run.outLines()).containsExactly("accepted s1");
    } finally {
      System.setIn(stdin);
    }
  }

  @Test
  void importExitsZeroWhenEveryAnnotationIsAccepted() throws IOException {
    assertThat(init().exitCode()).isZero();
    Path file =
        Files.write(
            temp.resolve("all.jsonl"),
            List.of(
                CanonicalJson.annotations().write(ProjectFiles.choice("a", "t1", "x", "cat")),
                CanonicalJson.annotations().write(ProjectFiles.choice("b", "t2", "x", "dog"))),
            StandardCharsets.UTF_8);
    Cli.Run run =
        Cli.run("project", "import", project.toString(), "--annotations", file.toString());
    assertThat(run.exitCode()).isZero();
    assertThat(run.outLines()).containsExactly("accepted a", "accepted b");
  }

  @Test
  void inspectJsonHasTheKeysProjectTasksAnnotatorsAndCost() throws IOException {
    assertThat(init("--pay", "per-task=0.5").exitCode()).isZero();
    assertThat(Cli.run("project", "next", project.toString(), "--annotator", "ann").exitCode())
        .isZero();
    Cli.Run submit =
        Cli.run(
            "project",
            "submit",
            project.toString(),
            "--annotation",
            ProjectFiles.write(temp, "", ProjectFiles.choice("s1", "t1", "ann", "cat")).toString());
    assertThat(submit.exitCode()).isZero();
    Cli.Run inspect = Cli.run("project", "inspect", project.toString(), "--json");
    assertThat(inspect.exitCode()).isZero();
    String json = inspect.out().strip();
    assertThat(keys(json, "")).containsExactly("project", "tasks", "annotators", "cost");
    assertThat(keys(json, "/tasks"))
        .containsExactly("open", "in_progress", "complete", "gold", "awaiting_review");
    assertThat(keys(json, "/annotators[]/"))
        .contains("id", "assignments", "submissions", "gold_answered", "gold_correct", "cost");
    assertThat(keys(json, "/cost")).contains("total", "completed_tasks");
    // one task of two complete at 0.5 a task
    assertThat(json).contains("\"cost\":{\"total\":\"0.5\",\"completed_tasks\":1");
  }

  @Test
  void anInputThatCannotBeReadIsOneLineAndExitTwoOnEverySubcommand() throws IOException {
    Path missing = temp.resolve("missing.json");
    Cli.Run badInit =
        ProjectFiles.init(temp.resolve("other").toString(), missing, items, List.of());
    assertThat(init().exitCode()).isZero();
    Path folder = Files.createDirectory(temp.resolve("a-folder"));
    Map<String, Cli.Run> runs = new LinkedHashMap<>();
    runs.put("init", badInit);
    runs.put(
        "next", Cli.run("project", "next", temp.resolve("nope").toString(), "--annotator", "a"));
    runs.put(
        "submit",
        Cli.run("project", "submit", project.toString(), "--annotation", missing.toString()));
    runs.put(
        "import",
        Cli.run("project", "import", project.toString(), "--annotations", missing.toString()));
    runs.put("review", reviewOfA("--correct", missing.toString()));
    runs.put("inspect", Cli.run("project", "inspect", temp.resolve("nope").toString()));
    runs.put(
        "export", Cli.run("project", "export", project.toString(), "--output", folder.toString()));
    assertThat(runs.keySet()).containsExactlyElementsOf(CONTRACT.keySet());
    for (Map.Entry<String, Cli.Run> e : runs.entrySet()) {
      Cli.Run run = e.getValue();
      assertThat(run.exitCode()).as(e.getKey()).isEqualTo(2);
      assertThat(run.err().lines())
          .as(e.getKey())
          .singleElement()
          .asString()
          .startsWith("annotate: ");
      assertThat(run.err()).as(e.getKey()).doesNotContain("\tat ", "Exception");
    }
    assertThat(temp.resolve("other")).doesNotExist();
  }
}
