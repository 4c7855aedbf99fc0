package org.annotationkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.annotationkit.core.annotation.Annotation;
import org.annotationkit.core.dataset.Dataset;
import org.annotationkit.core.json.CanonicalJson;
import org.annotationkit.store.jdbc.TestPostgres;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code annotate project ... --store jdbc:postgresql://...}: the same runs on PostgreSQL (the
 * tests' throwaway cluster, one for the whole class, each test in a schema of its own) as on the
 * journal store, compared with each other and with what the inputs say.
 */
class ProjectOnPostgresTest {

  @TempDir static Path temp;

  private static String url = "";
  private static Path schema = Path.of(".");
  private static Path items = Path.of(".");
  private static Path gold = Path.of(".");
  private static Path imported = Path.of(".");

  private static final Pattern TASK = Pattern.compile("^\\{\"task\":\"([^\"]+)\",\"item\":\\{");

  private static final List<String> TASKS = List.of("t1", "t2", "t3", "t4", "t5");

  @BeforeAll
  static void serverAndInputs() throws IOException {
    url = TestPostgres.url();
    schema = ProjectFiles.petsSchema(temp);
    items =
        ProjectFiles.textItems(temp, "items.jsonl", List.of("t1", "t2", "t3", "t4", "t5", "g1"));
    gold =
        Files.write(
            temp.resolve("gold.jsonl"),
            List.of(
                CanonicalJson.annotations()
                    .write(ProjectFiles.choice("known", "g1", "owner", "cat"))),
            StandardCharsets.UTF_8);
    imported =
        Files.write(
            temp.resolve("import.jsonl"),
            List.of(
                CanonicalJson.annotations()
                    .write(ProjectFiles.choice("old-t1", "t1", "legacy", "dog")),
                CanonicalJson.annotations()
                    .write(ProjectFiles.choice("old-t2", "t2", "legacy", "emu")),
                CanonicalJson.annotations()
                    .write(ProjectFiles.choice("old-t3", "t3", "legacy", "cat"))),
            StandardCharsets.UTF_8);
  }

  /** Where one project lives: a folder of its own, or a fresh schema of the tests' database. */
  record Place(String dir, List<String> store) {
    static Place journal(String name) {
      return new Place(temp.resolve("journal").resolve(name).toString(), List.of());
    }

    static Place postgres() {
      return new Place(TestPostgres.freshSchema(), List.of("--store", url));
    }

    Cli.Run run(String subcommand, String... options) {
      List<String> args = new ArrayList<>(List.of("project", subcommand, dir));
      args.addAll(List.of(options));
      args.addAll(store);
      return Cli.run(args.toArray(String[]::new));
    }

    /** {@code init} with the class's schema and items, and these options. */
    Cli.Run init(String... options) {
      List<String> args =
          new ArrayList<>(List.of("--schema", schema.toString(), "--items", items.toString()));
      args.addAll(List.of(options));
      return run("init", args.toArray(String[]::new));
    }
  }

  /** The label each annotator gives: the same on both stores, whatever order the tasks come in. */
  private static String label(String task) {
    return task.equals("g1") || task.equals("t4") ? "cat" : "dog";
  }

  private static @Nullable String next(Place place, String who) {
    Cli.Run run = place.run("next", "--annotator", who);
    if (run.exitCode() == 3) {
      assertThat(run.out()).isEmpty();
      return null;
    }
    assertThat(run.exitCode()).as(run.err()).isZero();
    Matcher m = TASK.matcher(run.out());
    assertThat(m.find()).as(run.out()).isTrue();
    return m.group(1);
  }

  /** Runs init, import, next/submit for two annotators until nothing is left, and export. */
  private static Path workThrough(Place place, String name) throws IOException {
    Cli.Run init =
        place.init(
            "--overlap",
            "2",
            "--gold",
            gold.toString(),
            "--gold-rate",
            "0.5",
            "--pay",
            "per-task=0.25");
    assertThat(init.exitCode()).as(init.out() + init.err()).isZero();
    assertThat(init.out()).contains("5 tasks, 1 gold, overlap 2");

    Cli.Run imports = place.run("import", "--annotations", imported.toString());
    assertThat(imports.exitCode()).as(imports.err()).isEqualTo(1);
    assertThat(imports.outLines()).hasSize(3);
    assertThat(imports.outLines().get(0)).isEqualTo("accepted old-t1");
    assertThat(imports.outLines().get(1)).startsWith("rejected old-t2: at /results/0");
    assertThat(imports.outLines().get(2)).isEqualTo("accepted old-t3");

    for (String who : List.of("alice", "bob", "carol")) {
      Set<String> seen = new TreeSet<>();
      for (String task = next(place, who); task != null; task = next(place, who)) {
        assertThat(seen.add(task)).as("%s gets %s once", who, task).isTrue();
        Annotation a = ProjectFiles.choice(who + "-" + task, task, who, label(task));
        Path file =
            Files.writeString(
                temp.resolve(name + "-" + a.id() + ".json"), CanonicalJson.annotations().write(a));
        Cli.Run submitted = place.run("submit", "--annotation", file.toString());
        assertThat(submitted.exitCode()).as(submitted.out() + submitted.err()).isZero();
        assertThat(submitted.outLines()).containsExactly("accepted " + a.id());
      }
    }
    Path out = temp.resolve(name + "-export.jsonl");
    Cli.Run export = place.run("export", "--output", out.toString());
    assertThat(export.exitCode()).as(export.err()).isZero();
    return out;
  }

  private static final Pattern TIMES =
      Pattern.compile("\"createdAt\":\"[^\"]+\",|\"leadTime\":[0-9.Ee-]+,");

  private static List<String> withoutTimes(Path export) throws IOException {
    return Files.readAllLines(export).stream().map(l -> TIMES.matcher(l).replaceAll("")).toList();
  }

  @Test
  void initImportNextSubmitExportOnPostgresGivesTheJournalStoresExport() throws IOException {
    Path fromJournal = workThrough(Place.journal("pets"), "journal");
    Path fromPostgres = workThrough(Place.postgres(), "postgres");

    // line for line the same, but for the instants and lead times the workflow's clock recorded
    assertThat(withoutTimes(fromPostgres)).isEqualTo(withoutTimes(fromJournal));
    assertThat(Files.readAllLines(fromPostgres))
        .filteredOn(l -> l.contains("\"annotator\":\"alice\""))
        .isNotEmpty()
        .allMatch(l -> TIMES.matcher(l).results().count() == 2);
    // and what the inputs say: overlap 2 on t1..t5, two of t1's and t3's slots imported, so 8
    // regular submissions; the gold item's known answer and the answers given to it
    Dataset dataset = CanonicalJson.readDataset(fromPostgres);
    List<Annotation> regular =
        dataset.annotations().stream().filter(a -> !a.itemId().equals("g1")).toList();
    assertThat(regular).hasSize(2 * TASKS.size());
    assertThat(regular).extracting(Annotation::id).contains("old-t1", "old-t3");
    assertThat(regular).extracting(Annotation::id).doesNotContain("old-t2");
    for (String task : TASKS) {
      assertThat(regular).filteredOn(a -> a.itemId().equals(task)).hasSize(2);
    }
    assertThat(dataset.annotations())
        .filteredOn(a -> a.itemId().equals("g1"))
        .extracting(Annotation::id)
        .contains("known");
  }

  /** Gives every task one answer and reviews them: accept, reject, correct in turn. */
  private static String reviewed(Place place, String name) throws IOException {
    Cli.Run init = place.init("--review", "--pay", "hourly=0");
    assertThat(init.exitCode()).as(init.out() + init.err()).isZero();
    assertThat(init.out()).endsWith(", with review" + System.lineSeparator());
    List<String> submitted = new ArrayList<>();
    for (String task = next(place, "alice"); task != null; task = next(place, "alice")) {
      Annotation a = ProjectFiles.choice("alice-" + task, task, "alice", label(task));
      Path file =
          Files.writeString(
              temp.resolve(name + "-r-" + a.id() + ".json"), CanonicalJson.annotations().write(a));
      assertThat(place.run("submit", "--annotation", file.toString()).outLines())
          .containsExactly("accepted " + a.id());
      submitted.add(a.id());
    }
    List<String> sorted = submitted.stream().sorted().toList();
    assertThat(sorted)
        .containsExactly("alice-g1", "alice-t1", "alice-t2", "alice-t3", "alice-t4", "alice-t5");
    for (int i = 1; i < sorted.size(); i++) {
      String id = sorted.get(i);
      Cli.Run review;
      if (i % 3 == 0) {
        review = place.run("review", "--annotation", id, "--reject", "--reviewer", "rita");
        assertThat(review.outLines()).containsExactly("rejected " + id);
      } else if (i % 3 == 1) {
        review = place.run("review", "--annotation", id, "--accept", "--reviewer", "rita");
        assertThat(review.outLines()).containsExactly("accepted " + id);
      } else {
        String task = id.substring("alice-".length());
        Annotation fix = ProjectFiles.choice(id + "-fix", task, "rita", "cat");
        Path file =
            Files.writeString(
                temp.resolve(name + "-fix-" + fix.id() + ".json"),
                CanonicalJson.annotations().write(fix));
        review =
            place.run(
                "review", "--annotation", id, "--correct", file.toString(), "--reviewer", "rita");
        assertThat(review.outLines()).containsExactly("corrected " + id + " as " + fix.id());
      }
      assertThat(review.exitCode()).as(review.err()).isZero();
    }
    Cli.Run again =
        place.run("review", "--annotation", sorted.get(1), "--reject", "--reviewer", "rob");
    assertThat(again.exitCode()).isEqualTo(1);
    assertThat(again.out()).startsWith("refused " + sorted.get(1) + ": ");
    Cli.Run inspect = place.run("inspect", "--json");
    assertThat(inspect.exitCode()).as(inspect.err()).isZero();
    return inspect.out();
  }

  @Test
  void reviewAndInspectOnPostgresGiveWhatTheJournalStoreGives() throws IOException {
    Place journal = Place.journal("reviewed");
    String fromJournal = reviewed(journal, "journal");
    Place postgres = Place.postgres();
    String fromPostgres = reviewed(postgres, "postgres");

    // the same but for the project's id (DIR's name) and the lead-time pay (zero either way)
    assertThat(fromPostgres.replace(postgres.dir(), "ID"))
        .isEqualTo(fromJournal.replace("\"reviewed\"", "\"ID\""));
    // six tasks, no gold; g1's answer awaits review; t1, t4 accepted and t2, t5 corrected count;
    // t3 rejected is open again
    assertThat(fromPostgres)
        .contains("\"review\":true")
        .contains(
            "\"tasks\":{\"open\":1,\"in_progress\":1,\"complete\":4,\"gold\":0,"
                + "\"awaiting_review\":1}");
  }

  @Test
  void initIntoASchemaThatHoldsAProjectIsExitTwoAndRejectedGoldLeavesNone() throws IOException {
    Place postgres = Place.postgres();
    Path badGold =
        Files.write(
            temp.resolve("bad-gold.jsonl"),
            List.of(
                CanonicalJson.annotations()
                    .write(ProjectFiles.choice("wrong", "g1", "owner", "horse"))),
            StandardCharsets.UTF_8);
    Cli.Run rejected = postgres.init("--gold", badGold.toString());
    assertThat(rejected.exitCode()).isEqualTo(1);
    assertThat(rejected.outLines()).hasSize(2);
    assertThat(rejected.outLines().get(0)).startsWith("rejected gold wrong: at /results/0");
    assertThat(rejected.outLines().get(1)).isEqualTo("no project created");
    Cli.Run none = postgres.run("inspect");
    assertThat(none.exitCode()).isEqualTo(2);
    assertThat(none.err().lines())
        .singleElement()
        .asString()
        .startsWith("annotate: no project in schema " + postgres.dir() + " of " + url);

    Cli.Run created = postgres.init();
    assertThat(created.exitCode()).as(created.err()).isZero();
    assertThat(created.out())
        .startsWith("created project " + postgres.dir() + " in schema " + postgres.dir() + " of ");
    Cli.Run twice = postgres.init();
    assertThat(twice.exitCode()).isEqualTo(2);
    assertThat(twice.err().lines())
        .singleElement()
        .asString()
        .contains("already holds project " + postgres.dir());
    assertThat(Path.of(postgres.dir())).doesNotExist();
  }

  /** How many schemas of this name the server has, read from its catalog. */
  private static int schemasNamed(String name) throws SQLException {
    try (Connection c = DriverManager.getConnection(url);
        PreparedStatement p =
            c.prepareStatement("SELECT count(*) FROM pg_catalog.pg_namespace WHERE nspname = ?")) {
      p.setString(1, name);
      try (ResultSet rs = p.executeQuery()) {
        assertThat(rs.next()).isTrue();
        return rs.getInt(1);
      }
    }
  }

  @Test
  void everyCommandButInitOnAMissingProjectIsExitTwoAndCreatesNoSchema()
      throws IOException, SQLException {
    Place postgres = Place.postgres();
    Path answer =
        Files.writeString(
            temp.resolve("missing-answer.json"),
            CanonicalJson.annotations().write(ProjectFiles.choice("a1", "t1", "alice", "dog")));
    List<List<String>> commands =
        List.of(
            List.of("inspect"),
            List.of("inspect", "--json"),
            List.of("next", "--annotator", "alice"),
            List.of("submit", "--annotation", answer.toString()),
            List.of("import", "--annotations", imported.toString()),
            List.of("review", "--annotation", "a1", "--accept", "--reviewer", "rita"),
            List.of("export", "--output", temp.resolve("missing-export.jsonl").toString()));
    for (List<String> command : commands) {
      Cli.Run run =
          postgres.run(command.get(0), command.subList(1, command.size()).toArray(String[]::new));
      assertThat(run.exitCode()).as("%s: %s", command, run.err()).isEqualTo(2);
      assertThat(run.err().lines())
          .as("%s", command)
          .singleElement()
          .asString()
          .startsWith("annotate: no project in schema " + postgres.dir() + " of " + url);
      assertThat(schemasNamed(postgres.dir())).as("schemas after %s", command).isZero();
    }
    assertThat(temp.resolve("missing-export.jsonl")).doesNotExist();
    // the catalog query sees the schema init creates, so the zero above is not a blind spot
    Cli.Run created = postgres.init();
    assertThat(created.exitCode()).as(created.err()).isZero();
    assertThat(schemasNamed(postgres.dir())).isEqualTo(1);
  }
}
