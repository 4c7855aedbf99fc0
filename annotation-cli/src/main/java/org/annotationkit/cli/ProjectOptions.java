package org.annotationkit.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.annotationkit.core.store.JournalStore;
import org.annotationkit.core.store.WorkflowStore;
import org.annotationkit.core.store.journal.JournalLockedException;
import org.annotationkit.store.jdbc.JdbcStore;
import org.annotationkit.store.jdbc.StoreUnavailableException;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * What every {@code annotate project} subcommand shares: the project (DIR), the store it lives in
 * ({@code --store}: the journal in DIR by default, or a PostgreSQL database), and the command's
 * output streams. A picocli mixin.
 */
final class ProjectOptions {

  /** The scheme {@code --store} accepts. */
  static final String JDBC_SCHEME = "jdbc:postgresql:";

  /** The environment variables that fill in a user and password the URL does not give. */
  static final String USER_ENV = "PGUSER";

  static final String PASSWORD_ENV = "PGPASSWORD";

  private static final Pattern PASSWORD_PARAMETER = Pattern.compile("(?i)([?&]password=)([^&]*)");

  private static final Pattern USER_PARAMETER = Pattern.compile("(?i)[?&]user=");

  @Spec(Spec.Target.MIXEE)
  CommandSpec spec;

  @Parameters(
      index = "0",
      paramLabel = "DIR",
      description = {
        "The project's folder, where its journal is kept. With --store, DIR's name names the"
            + " project and the PostgreSQL schema that holds it (lower-case letters, digits and"
            + " underscores), and nothing is written to disk."
      })
  Path dir;

  @Option(
      names = "--store",
      paramLabel = "URL",
      description = {
        "Where the project is kept: by default the crash-safe journal in DIR; or a PostgreSQL"
            + " database, jdbc:postgresql://HOST[:PORT]/DATABASE[?user=USER], which several"
            + " processes may share. A user or password the URL does not give is taken from the"
            + " environment variables "
            + USER_ENV
            + " and "
            + PASSWORD_ENV
            + " (prefer "
            + PASSWORD_ENV
            + " to password= in the URL, which other users may see in the process list); the"
            + " password is never printed."
      })
  void store(String url) {
    if (!url.startsWith(JDBC_SCHEME) || url.length() == JDBC_SCHEME.length()) {
      throw new CommandLine.ParameterException(
          commandLine(),
          "--store must be a PostgreSQL JDBC URL, jdbc:postgresql://HOST[:PORT]/DATABASE, got "
              + masked(url));
    }
    store = url;
  }

  /** The {@code --store} URL, checked as it was parsed; null for the journal store. */
  private @Nullable String store;

  /** The command line of the subcommand. */
  CommandLine commandLine() {
    return spec.commandLine();
  }

  PrintWriter out() {
    return spec.commandLine().getOut();
  }

  PrintWriter err() {
    return spec.commandLine().getErr();
  }

  /** Whether the project lives in a database rather than in DIR's journal. */
  boolean inDatabase() {
    return jdbcUrl() != null;
  }

  /** The {@code --store} URL: null for the journal store. */
  @Nullable String jdbcUrl() {
    return store;
  }

  /** The project's id: DIR's name. */
  String projectId() {
    Path name = dir.toAbsolutePath().normalize().getFileName();
    if (name == null) {
      throw new CommandLine.ParameterException(commandLine(), "DIR must have a name, got " + dir);
    }
    return name.toString();
  }

  /** Where the project is, for messages: DIR, or the schema and the URL without its password. */
  String where() {
    String url = jdbcUrl();
    return url == null ? dir.toString() : "schema " + schemaName() + " of " + masked(url);
  }

  /** The PostgreSQL schema of a project in a database: DIR's name, checked. */
  String schemaName() {
    String name = projectId();
    try {
      var unused = JdbcStore.Options.defaults().withSchema(name);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(
          commandLine(),
          "with --store, DIR's name is the project's PostgreSQL schema and must be lower-case"
              + " letters, digits and underscores (at most 63, not starting with a digit), got "
              + name);
    }
    return name;
  }

  /**
   * Opens the store the project is (or is to be) kept in, without checking that it holds one: the
   * database's, or the journal in {@code journalDir}.
   */
  WorkflowStore openRaw(Path journalDir) {
    String url = jdbcUrl();
    if (url == null) {
      try {
        return JournalStore.open(journalDir);
      } catch (JournalLockedException e) {
        throw new ProjectCommand.Unusable(
            "project " + dir + " is in use by another process: " + e.getMessage());
      } catch (RuntimeException e) {
        throw new ProjectCommand.Unusable("cannot open project " + dir + ": " + e.getMessage());
      }
    }
    return openInDatabase(url, false).orElseThrow();
  }

  /**
   * Opens the project's schema of the database; with {@code existingOnly}, only when it holds a
   * store already (empty, with nothing created, when it does not).
   */
  private Optional<WorkflowStore> openInDatabase(String url, boolean existingOnly) {
    String schema = schemaName();
    Properties properties = connectionProperties(url, System::getenv);
    JdbcStore.Options options = JdbcStore.Options.defaults().withSchema(schema);
    try {
      return existingOnly
          ? JdbcStore.openExisting(url, properties, options).map(s -> s)
          : Optional.of(JdbcStore.open(url, properties, options));
    } catch (RuntimeException e) {
      throw new ProjectCommand.Unusable(
          scrub(
              "cannot open project " + projectId() + ": " + firstLine(e),
              properties.getProperty("password")));
    }
  }

  /** Opens the store of an existing project, with one clear line when that is not possible. */
  WorkflowStore open() {
    if (!inDatabase() && !Files.isDirectory(dir)) {
      throw new ProjectCommand.Unusable(
          "no project in " + dir + ": no such folder (create it with project init)");
    }
    String url = jdbcUrl();
    // A database's schema is only looked at, never created, when it holds no store.
    WorkflowStore opened =
        url == null
            ? openRaw(dir)
            : openInDatabase(url, true)
                .orElseThrow(() ->
                    new ProjectCommand.Unusable(
                        "no project in " + where() + " (create it with project init)"));
    boolean empty;
    try {
      empty = opened.read(v -> v.project().isEmpty());
    } catch (RuntimeException e) {
      opened.close();
      throw unavailable(e);
    }
    if (empty) {
      opened.close();
      throw new ProjectCommand.Unusable(
          "no project in " + where() + " (create it with project init)");
    }
    return opened;
  }

  /**
   * The one line for a store that failed during a command: a database that went away (the command's
   * result is not known unless it was printed), else the exception's own message.
   */
  ProjectCommand.Unusable unavailable(RuntimeException e) {
    String url = jdbcUrl();
    String password =
        url == null ? null : connectionProperties(url, System::getenv).getProperty("password");
    String prefix = e instanceof StoreUnavailableException ? "the store is unavailable: " : "";
    return new ProjectCommand.Unusable(scrub(prefix + firstLine(e), password));
  }

  private static String firstLine(RuntimeException e) {
    String message = e.getMessage();
    return message == null || message.isBlank()
        ? e.getClass().getSimpleName()
        : message.lines().findFirst().orElse(message);
  }

  /**
   * The connection properties for a URL: the user and password from the environment when the URL
   * has no such parameter.
   */
  static Properties connectionProperties(String url, Function<String, @Nullable String> env) {
    Properties properties = new Properties();
    String user = env.apply(USER_ENV);
    if (user != null && !user.isEmpty() && !USER_PARAMETER.matcher(url).find()) {
      properties.setProperty("user", user);
    }
    Matcher inUrl = PASSWORD_PARAMETER.matcher(url);
    if (inUrl.find()) {
      // Kept only to scrub it from messages; the driver reads it from the URL.
      properties.setProperty("password", inUrl.group(2));
    } else {
      String password = env.apply(PASSWORD_ENV);
      if (password != null && !password.isEmpty()) {
        properties.setProperty("password", password);
      }
    }
    return properties;
  }

  /** The URL with the value of any password parameter replaced by {@code ***}. */
  static String masked(String url) {
    return PASSWORD_PARAMETER.matcher(url).replaceAll("$1***");
  }

  /**
   * The text with every occurrence of the password replaced by {@code ***} (the store's own
   * messages give its URL masked already).
   */
  static String scrub(String text, @Nullable String password) {
    return password == null || password.isEmpty() ? text : text.replace(password, "***");
  }
}
