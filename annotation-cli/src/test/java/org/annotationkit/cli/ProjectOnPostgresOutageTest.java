package org.annotationkit.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.annotationkit.core.annotation.Annotation;
import org.annotationkit.core.json.CanonicalJson;
import org.annotationkit.store.jdbc.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The PostgreSQL server stops in the middle of {@code annotate project submit ... --store jdbc:...}
 * (after the command opened the project, at the first statement of the submission's transaction):
 * the command exits 2 with one line that names the outage, prints no verdict, and leaves nothing in
 * the database; once the server is back, the same command stores the annotation, once.
 */
class ProjectOnPostgresOutageTest {

  @TempDir Path temp;

  private static final Pattern TASK = Pattern.compile("^\\{\"task\":\"([^\"]+)\",\"item\":\\{");

  private static Cli.Run run(String subcommand, String dir, String url, String... options) {
    List<String> args = new ArrayList<>(List.of("project", subcommand, dir));
    args.addAll(List.of(options));
    args.addAll(List.of("--store", url));
    return Cli.run(args.toArray(String[]::new));
  }

  /** Counts rows with a statement of its own, on a connection of its own. */
  private static int count(String url, String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection(url);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      assertThat(rs.next()).isTrue();
      return rs.getInt(1);
    }
  }

  @Test
  void aSubmitThatLosesTheServerIsExitTwoWritesNothingAndSucceedsOnceItIsBack() throws Exception {
    assumeThat(TestPostgres.canStop()).as("needs the tests' own server (not -Dak.pg.url)").isTrue();
    String url = TestPostgres.url();
    String dir = TestPostgres.freshSchema();
    Path schema = ProjectFiles.petsSchema(temp);
    Path items = ProjectFiles.textItems(temp, "items.jsonl", List.of("t1", "t2", "t3"));
    Cli.Run init =
        run("init", dir, url, "--schema", schema.toString(), "--items", items.toString());
    assertThat(init.exitCode()).as(init.out() + init.err()).isZero();
    Cli.Run next = run("next", dir, url, "--annotator", "alice");
    assertThat(next.exitCode()).as(next.err()).isZero();
    Matcher m = TASK.matcher(next.out());
    assertThat(m.find()).as(next.out()).isTrue();
    String task = m.group(1);
    Annotation a = ProjectFiles.choice("alice-" + task, task, "alice", "dog");
    Path file =
        Files.writeString(temp.resolve("answer.json"), CanonicalJson.annotations().write(a));
    String submissions = "SELECT count(*) FROM " + dir + ".submission";
    String taken = "SELECT count(*) FROM " + dir + ".taken_id";
    String openLeases = "SELECT count(*) FROM " + dir + ".lease WHERE open";

    try (TestPostgres.Outage outage = TestPostgres.outageBefore("submission WHERE annotation_id")) {
      Cli.Run lost = run("submit", dir, outage.url(), "--annotation", file.toString());
      assertThat(outage.down()).as("the server stopped during the command: %s", lost).isTrue();
      assertThat(lost.exitCode()).as(lost.out() + lost.err()).isEqualTo(2);
      assertThat(lost.out()).as("no verdict on the annotation").isEmpty();
      assertThat(lost.err().lines().toList())
          .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
          .startsWith("annotate: the store is unavailable: ")
          .contains("schema " + dir)
          .doesNotContain("rejected");
      outage.restart();

      // nothing half written: no submission, no taken id, the lease still open
      assertThat(count(url, submissions)).isZero();
      assertThat(count(url, taken)).isZero();
      assertThat(count(url, openLeases)).isEqualTo(1);

      // the same command, the server back (through the same proxy): stored once
      Cli.Run again = run("submit", dir, outage.url(), "--annotation", file.toString());
      assertThat(again.exitCode()).as(again.out() + again.err()).isZero();
      assertThat(again.outLines()).containsExactly("accepted " + a.id());
    }
    assertThat(count(url, submissions)).isEqualTo(1);
    assertThat(count(url, taken)).isEqualTo(1);
    assertThat(count(url, openLeases)).isZero();
    Cli.Run retried = run("submit", dir, url, "--annotation", file.toString());
    assertThat(retried.outLines()).containsExactly("accepted " + a.id());
    assertThat(count(url, submissions)).isEqualTo(1);
  }
}
