package org.annotationkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.annotationkit.core.annotation.Annotation;
import org.annotationkit.core.annotation.ChoiceValue;
import org.annotationkit.core.annotation.ReviewState;
import org.annotationkit.core.dataset.Dataset;
import org.annotationkit.core.item.TextItem;
import org.annotationkit.core.json.CanonicalJson;
import org.annotationkit.core.store.JournalStore;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectCommandTest {

  @TempDir Path temp;

  private Path schema;
  private Path items;
  private Path gold;
  private Path project;

  private static final Pattern TASK = Pattern.compile("^\\{\"task\":\"([^\"]+)\",\"item\":\\{");

  @BeforeEach
  void files() throws IOException {
    schema = ProjectFiles.petsSchema(temp);
    items = ProjectFiles.textItems(temp, "items.jsonl", List.of("t1", "t2", "t3", "g1"));
    gold =
        Files.write(
            temp.resolve("gold.jsonl"),
            List.of(CanonicalJson.annotations().write(choice("known", "g1", "owner", "cat"))),
            StandardCharsets.UTF_8);
    project = temp.resolve("pets");
  }

  static Annotation choice(String id, String item, String who, String label) {
    return ProjectFiles.choice(id, item, who, label);
  }

  private Path annotationFile(Annotation a) throws IOException {
    return Files.writeString(temp.resolve(a.id() + ".json"), CanonicalJson.annotations().write(a));
  }

  private Cli.Run init(String... extra) {
    return ProjectFiles.init(project.toString(), schema, items, List.of(extra));
  }

  /** Runs next for an annotator: the task id, or null when it exits 3. */
  private @Nullable String next(String who) {
    Cli.Run run = Cli.run("project", "next", project.toString(), "--annotator", who);
    if (run.exitCode() == 3) {
      assertThat(run.out()).isEmpty();
      return null;
    }
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.outLines()).hasSize(1);
    String line = run.outLines().get(0);
    assertThat(line).contains("\"lease_expires\":\"").endsWith(",\"prelabels\":[]}");
    Matcher m = TASK.matcher(line);
    assertThat(m.find()).as(line).isTrue();
    assertThat(line).doesNotContain("gold");
    return m.group(1);
  }

  private Cli.Run submit(Annotation a) throws IOException {
    return Cli.run(
        "project", "submit", project.toString(), "--annotation", annotationFile(a).toString());
  }

  @Test
  void twoAnnotatorsWithOverlapTwoGoldAndReview() throws IOException {
    Cli.Run created =
        init(
            "--overlap",
            "2",
            "--gold",
            gold.toString(),
            "--gold-rate",
            "0.5",
            "--review",
            "--lease",
            "10m",
            "--pay",
            "per-task=0.05");
    assertThat(created.exitCode()).as(created.err()).isZero();
    assertThat(created.out()).contains("created project pets").contains("3 tasks, 1 gold");

    Set<String> submitted = new HashSet<>();
    int n = 0;
    for (String who : List.of("alice", "bob")) {
      Set<String> seen = new HashSet<>();
      for (String task = next(who); task != null; task = next(who)) {
        assertThat(seen.add(task)).as("%s sees %s once", who, task).isTrue();
        Annotation a = choice(who + "-" + n++, task, who, task.equals("g1") ? "cat" : "dog");
        Cli.Run run = submit(a);
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.outLines()).containsExactly("accepted " + a.id());
        if (!task.equals("g1")) {
          submitted.add(a.id());
        }
        // a retry after a timeout is idempotent
        assertThat(submit(a).outLines()).containsExactly("accepted " + a.id());
      }
      assertThat(seen).contains("t1", "t2", "t3");
    }
    assertThat(submitted).hasSize(6);

    List<String> ids = submitted.stream().sorted().toList();
    Cli.Run rejected =
        Cli.run(
            "project",
            "review",
            project.toString(),
            "--annotation",
            ids.get(0),
            "--reject",
            "--reviewer",
            "rita",
            "--comment",
            "wrong");
    assertThat(rejected.outLines()).containsExactly("rejected " + ids.get(0));
    String correctedTask;
    try (JournalStore store = JournalStore.open(project)) {
      correctedTask = store.read(v -> v.submission(ids.get(1)).orElseThrow().taskId());
    }
    Annotation correction =
        Annotation.builder(ids.get(1) + "-fix", correctedTask, "rita")
            .result("r1", "kind", new ChoiceValue("cat"))
            .build();
    Cli.Run corrected =
        Cli.run(
            "project",
            "review",
            project.toString(),
            "--annotation",
            ids.get(1),
            "--correct",
            annotationFile(correction).toString(),
            "--reviewer",
            "rita");
    assertThat(corrected.outLines())
        .containsExactly("corrected " + ids.get(1) + " as " + correction.id());
    for (String id : ids.subList(2, ids.size())) {
      Cli.Run accepted =
          Cli.run(
              "project",
              "review",
              project.toString(),
              "--annotation",
              id,
              "--accept",
              "--reviewer",
              "rita");
      assertThat(accepted.outLines()).containsExactly("accepted " + id);
    }
    Cli.Run twice =
        Cli.run(
            "project",
            "review",
            project.toString(),
            "--annotation",
            ids.get(2),
            "--reject",
            "--reviewer",
            "rob");
    assertThat(twice.exitCode()).isEqualTo(1);
    assertThat(twice.out()).startsWith("refused " + ids.get(2) + ": ");

    // the rejected task went back to the queue, to a third annotator
    String again = java.util.Objects.requireNonNull(next("carol"));
    Annotation last = choice("carol-1", again, "carol", "cat");
    assertThat(submit(last).exitCode()).isZero();
    assertThat(
            Cli.run(
                    "project",
                    "review",
                    project.toString(),
                    "--annotation",
                    "carol-1",
                    "--accept",
                    "--reviewer",
                    "rita")
                .exitCode())
        .isZero();

    Cli.Run inspect = Cli.run("project", "inspect", project.toString(), "--json");
    assertThat(inspect.exitCode()).as(inspect.err()).isZero();
    assertThat(inspect.out())
        .contains("\"tasks\":{\"open\":0,\"in_progress\":")
        .contains("\"complete\":3,\"gold\":1,\"awaiting_review\":0}")
        .contains("\"annotators\":[{\"id\":\"alice\"")
        .contains("\"cost\":{\"total\":\"")
        .contains("\"completed_tasks\":3");
    Cli.Run text = Cli.run("project", "inspect", project.toString());
    assertThat(text.out()).contains("tasks: 0 open, 0 in progress, 3 complete, 1 gold");

    Path out = temp.resolve("export.jsonl");
    Cli.Run export = Cli.run("project", "export", project.toString(), "--output", out.toString());
    assertThat(export.exitCode()).as(export.err()).isZero();
    Dataset dataset = CanonicalJson.readDataset(out);
    List<Annotation> annotations = dataset.annotations();
    // 6 regular: 4 accepted, 1 correction (in place of its original), carol's; the rejected one
    // left out; gold: the known answer and the two answers to it
    assertThat(annotations.stream().filter(a -> !a.itemId().equals("g1"))).hasSize(6);
    assertThat(annotations)
        .filteredOn(a -> a.id().equals(correction.id()))
        .singleElement()
        .extracting(Annotation::reviewState)
        .isEqualTo(ReviewState.CORRECTED);
    assertThat(annotations).noneMatch(a -> a.id().equals(ids.get(0)));
    // the gold set: g1 marked by the id of its known answer, which keeps its own id
    assertThat(dataset.items())
        .filteredOn(i -> i.id().equals("g1"))
        .singleElement()
        .extracting(i -> i.metadata())
        .isEqualTo(java.util.Map.of("annotationkit.gold_answer", "known"));
    assertThat(dataset.items())
        .filteredOn(i -> !i.id().equals("g1"))
        .allMatch(i -> i.metadata().isEmpty());
    assertThat(annotations)
        .filteredOn(a -> a.itemId().equals("g1"))
        .extracting(Annotation::id)
        .contains("known")
        .hasSize(3);
    assertThat(annotations).noneMatch(a -> a.id().startsWith("gold:"));
    assertThat(export.out()).contains("(1 gold items, 2 answers to them)");
    // reviews are marked by review state: accepted ones, and the correction
    assertThat(annotations)
        .filteredOn(a -> !a.itemId().equals("g1"))
        .extracting(Annotation::reviewState)
        .containsOnly(ReviewState.ACCEPTED, ReviewState.CORRECTED);
  }

  @Test
  void importStreamsAcceptedAndRejectedLines() throws IOException {
    assertThat(init("--overlap", "1").exitCode()).isZero();
    Path file =
        Files.write(
            temp.resolve("import.jsonl"),
            List.of(
                CanonicalJson.annotations().write(choice("i1", "t1", "ann", "cat")),
                CanonicalJson.annotations().write(choice("i2", "t2", "ann", "horse")),
                "{not json",
                CanonicalJson.annotations().write(choice("i3", "t1", "other", "dog")),
                CanonicalJson.annotations().write(choice("i4", "t3", "ann", "dog"))),
            StandardCharsets.UTF_8);

    Cli.Run run =
        Cli.run("project", "import", project.toString(), "--annotations", file.toString());

    assertThat(run.exitCode()).isEqualTo(1);
    List<String> lines = run.outLines();
    assertThat(lines).hasSize(5);
    assertThat(lines.get(0)).isEqualTo("accepted i1");
    assertThat(lines.get(1)).startsWith("rejected i2: at /results/0");
    assertThat(lines.get(2)).startsWith("rejected line 3: ");
    assertThat(lines.get(3)).startsWith("rejected i3: task 't1' needs no more annotations");
    assertThat(lines.get(4)).isEqualTo("accepted i4");
    assertThat(run.err()).contains("imported 2, rejected 3");
    // imported work is never handed out again
    Set<String> seen = new HashSet<>();
    for (String task = next("ann"); task != null; task = next("ann")) {
      seen.add(task);
    }
    assertThat(seen).containsExactlyInAnyOrder("t2", "g1");
  }

  @Test
  void aProjectInUseOrMissingIsOneClearLine() throws IOException {
    Cli.Run missing = Cli.run("project", "next", project.toString(), "--annotator", "a");
    assertThat(missing.exitCode()).isEqualTo(2);
    assertThat(missing.err().lines()).singleElement().asString().contains("no project in");

    assertThat(init().exitCode()).isZero();
    assertThat(init().exitCode()).isEqualTo(2);
    JournalStore holder = JournalStore.open(project);
    try {
      Cli.Run busy = Cli.run("project", "next", project.toString(), "--annotator", "a");
      assertThat(busy.exitCode()).isEqualTo(2);
      assertThat(busy.err().lines())
          .singleElement()
          .asString()
          .startsWith("annotate: project " + project + " is in use by another process");
      assertThat(busy.err()).doesNotContain("\tat ");
    } finally {
      holder.close();
    }
    Cli.Run badLease =
        ProjectFiles.init(
            temp.resolve("other").toString(), schema, items, List.of("--lease", "soon"));
    assertThat(badLease.exitCode()).isEqualTo(2);
    assertThat(badLease.err()).contains("--lease must be a positive duration");
    assertThat(temp.resolve("other")).doesNotExist();
  }

  @Test
  void aRejectedSubmissionStoresNothingAndExitsOne() throws IOException {
    assertThat(init().exitCode()).isZero();
    String task = java.util.Objects.requireNonNull(next("alice"));
    Cli.Run bad = submit(choice("x1", task, "alice", "horse"));
    assertThat(bad.exitCode()).isEqualTo(1);
    assertThat(bad.outLines()).singleElement().asString().startsWith("rejected x1: at /results/0");
    Cli.Run noLease = submit(choice("x2", task, "bob", "cat"));
    assertThat(noLease.exitCode()).isEqualTo(1);
    assertThat(noLease.out()).contains("holds no open lease");
    assertThat(submit(choice("x3", task, "alice", "cat")).outLines())
        .containsExactly("accepted x3");
  }

  @Test
  void importOfMoreLinesThanOneBatchAnswersEveryLineInOrderAndStoresThem() throws IOException {
    int n = 700;
    List<String> itemLines = new ArrayList<>();
    List<String> annotationLines = new ArrayList<>();
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      itemLines.add(CanonicalJson.items().write(new TextItem("b" + i, "text " + i)));
      if (i % 97 == 5) {
        annotationLines.add(
            CanonicalJson.annotations().write(choice("x" + i, "b" + i, "w", "emu")));
        expected.add("rejected x" + i + ": ");
      } else if (i % 101 == 7) {
        annotationLines.add("[]");
        expected.add("rejected line " + annotationLines.size() + ": ");
      } else {
        annotationLines.add(
            CanonicalJson.annotations().write(choice("x" + i, "b" + i, "w", "cat")));
        expected.add("accepted x" + i);
      }
    }
    items = Files.write(temp.resolve("many.jsonl"), itemLines, StandardCharsets.UTF_8);
    assertThat(init().exitCode()).isZero();
    Path file =
        Files.write(temp.resolve("many-import.jsonl"), annotationLines, StandardCharsets.UTF_8);

    Cli.Run run =
        Cli.run("project", "import", project.toString(), "--annotations", file.toString());

    assertThat(run.exitCode()).isEqualTo(1);
    List<String> lines = run.outLines();
    assertThat(lines).hasSize(n);
    for (int i = 0; i < n; i++) {
      assertThat(lines.get(i)).as("line %d", i + 1).startsWith(expected.get(i));
    }
    long accepted = expected.stream().filter(e -> e.startsWith("accepted")).count();
    try (JournalStore store = JournalStore.open(project)) {
      int stored = store.read(v -> v.submissions().size());
      assertThat(stored).isEqualTo((int) accepted);
    }
  }
}
