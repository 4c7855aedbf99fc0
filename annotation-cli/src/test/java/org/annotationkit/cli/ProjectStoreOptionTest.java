package org.annotationkit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --store} on every project subcommand: what it accepts, and what it never prints. */
class ProjectStoreOptionTest {

  @TempDir Path temp;

  /** Each subcommand with the options it requires besides DIR and --store. */
  static final Map<String, List<String>> SUBCOMMANDS =
      Map.of(
          "init", List.of("--schema", "s.json", "--items", "i.jsonl"),
          "next", List.of("--annotator", "a"),
          "submit", List.of("--annotation", "a.json"),
          "import", List.of("--annotations", "a.jsonl"),
          "review", List.of("--annotation", "x", "--accept", "--reviewer", "r"),
          "inspect", List.of(),
          "export", List.of("--output", "out.jsonl"));

  private static Cli.Run run(String subcommand, String dir, String store) {
    List<String> args = new java.util.ArrayList<>(List.of("project", subcommand, dir));
    args.addAll(SUBCOMMANDS.get(subcommand));
    args.addAll(List.of("--store", store));
    return Cli.run(args.toArray(String[]::new));
  }

  @Test
  void anUnknownStoreSchemeIsAUsageErrorWithExitTwoOnEverySubcommand() {
    for (String sub : SUBCOMMANDS.keySet()) {
      Path dir = temp.resolve("p_" + sub);
      Cli.Run run = run(sub, dir.toString(), "mysql://db/labels?password=hunter2");
      assertThat(run.exitCode()).as(sub).isEqualTo(2);
      assertThat(run.err())
          .as(sub)
          .startsWith("--store must be a PostgreSQL JDBC URL")
          .doesNotContain("hunter2")
          .doesNotContain("\tat ");
      assertThat(run.out()).as(sub).isEmpty();
      assertThat(dir).as(sub).doesNotExist();
    }
  }

  @Test
  void aDirNameThatIsNoSchemaNameIsAUsageError() {
    Cli.Run run = run("inspect", temp.resolve("My-Project").toString(), "jdbc:postgresql://x/db");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("DIR's name is the project's PostgreSQL schema", "My-Project");
  }

  @Test
  void anUnreachableServerIsOneLineWithoutThePassword() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    // nothing listens on the port once the socket is closed
    String url =
        "jdbc:postgresql://127.0.0.1:" + port + "/db?user=me&password=hunter2&connectTimeout=2";
    for (String sub : List.of("next", "inspect", "export")) {
      Cli.Run run = run(sub, temp.resolve("pets").toString(), url);
      assertThat(run.exitCode()).as(sub).isEqualTo(2);
      assertThat(run.err().lines()).as(sub).singleElement().asString().startsWith("annotate: ");
      assertThat(run.err())
          .as(sub)
          .startsWith("annotate: cannot open project pets: ")
          .contains("password=***")
          .containsIgnoringCase("connect")
          .doesNotContain("hunter2");
    }
  }

  @Test
  void userAndPasswordComeFromTheEnvironmentOnlyWhenTheUrlHasNone() {
    Map<String, String> env = Map.of("PGUSER", "envuser", "PGPASSWORD", "envsecret");
    Properties none = ProjectOptions.connectionProperties("jdbc:postgresql://h/db", env::get);
    assertThat(none).containsEntry("user", "envuser").containsEntry("password", "envsecret");
    Properties given =
        ProjectOptions.connectionProperties("jdbc:postgresql://h/db?user=u&password=p", env::get);
    assertThat(given).doesNotContainKey("user").containsEntry("password", "p");
    Properties empty = ProjectOptions.connectionProperties("jdbc:postgresql://h/db", k -> null);
    assertThat(empty).isEmpty();
  }

  @Test
  void aMaskedUrlKeepsEverythingButThePassword() {
    assertThat(ProjectOptions.masked("jdbc:postgresql://h:5/db?user=u&Password=s3&ssl=true"))
        .isEqualTo("jdbc:postgresql://h:5/db?user=u&Password=***&ssl=true");
    assertThat(ProjectOptions.scrub("auth failed for s3cret at x: why", "s3cret"))
        .isEqualTo("auth failed for *** at x: why");
  }
}
