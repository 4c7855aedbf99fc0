package org.annotationkit.store.jdbc;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import javax.sql.DataSource;
import org.annotationkit.core.annotation.Annotator;
import org.annotationkit.core.store.Decided;
import org.annotationkit.core.store.Decision;
import org.annotationkit.core.store.StoreCodec;
import org.annotationkit.core.store.StoreView;
import org.annotationkit.core.store.WorkflowStore;
import org.annotationkit.core.task.Project;
import org.annotationkit.core.task.Task;
import org.jspecify.annotations.Nullable;

/**
 * A {@link WorkflowStore} in a PostgreSQL database (14 or newer), shared by any number of
 * processes: each process opens its own {@code JdbcStore} over the same database and schema, and
 * they hand out work from one queue.
 *
 * {@snippet :
 * try (JdbcStore store = JdbcStore.open(dataSource)) {   // the app's pool; or open(jdbcUrl)
 *   Workflow.createProject(store, project);              // once; later opens find it
 *   Workflow workflow = Workflow.builder(store).build();
 *   Optional<Assignment> next = workflow.next(alice);
 * }
 * }
 *
 * <p><b>Schema.</b> The store keeps its tables in a PostgreSQL schema of its own ({@link
 * Options#schema()}, {@code annotationkit} by default; one project per schema), and creates and
 * migrates them on {@link #open}: versioned plain SQL scripts, recorded with their checksums in
 * {@code schema_version}, applied in one transaction under an advisory lock. A schema newer than
 * this code knows, or a recorded script that differs from this code's, is an error.
 *
 * <p><b>Transactions.</b> Every {@link #decide} is one {@code READ COMMITTED} transaction. The
 * view's reads of single rows (a task, a lease, a submission, an annotator) lock them {@code FOR
 * UPDATE}, so what the decision read stays so until it commits; the queue ({@link
 * StoreView#nextTask}) and the lapsed leases ({@link StoreView#overdueLeases}) are read {@code FOR
 * UPDATE SKIP LOCKED}, so concurrent {@code next} calls of many processes never wait for each other
 * and never take the same slot. The events are then applied by conditional statements that check
 * every precondition the in-memory store checks; a grant and a submission are one such statement
 * each, checked on the server, which commits in the same round trip when it is the decision's last.
 * When a check fails, or PostgreSQL reports a serialization failure, a deadlock or a unique
 * violation, the transaction is rolled back and the decision runs again on a fresh view, up to
 * {@link Options#maxAttempts()} times with a short random backoff; after that the decide throws an
 * {@link IllegalStateException} naming the last conflict. Reads ({@link #read}) run in a {@code
 * REPEATABLE READ READ ONLY} transaction: one snapshot, no locks.
 *
 * <p><b>Outages.</b> A server that cannot be reached, or a connection that breaks, is a {@link
 * StoreUnavailableException}, after the store has retried a broken connection with a fresh one
 * within the same attempts. Nothing is applied, unless the connection broke while committing: then
 * {@link StoreUnavailableException#outcomeUnknown()} is true. The store stays open and reconnects
 * on its next call.
 *
 * <p><b>Time.</b> Lease expiry is kept in the database (each lease's expiry instant, indexed), so
 * any process may end lapsed leases; the instants come from each workflow's clock.
 *
 * <p>Thread-safe. {@code docs/store-jdbc.md} has the tables, the isolation and the retry rules.
 *
 * @since 0.1.0
 */
public final class JdbcStore implements WorkflowStore {

  private static final System.Logger LOG = System.getLogger(JdbcStore.class.getName());

  /** Decoded tasks by id (a task's content never changes; its priority is read from its row). */
  private static final int TASK_CACHE_LIMIT = 200_000;

  /**
   * How a store uses its database.
   *
   * @param schema the PostgreSQL schema of the store's tables: lower-case letters, digits and
   *     underscores, as an unquoted name folds
   * @param maxAttempts how many times a decision runs at most when it conflicts, {@code >= 1}
   * @param keptConnections how many idle connections a store opened from a URL keeps, {@code >= 0}
   *     (a store over a caller's {@link DataSource} leaves pooling to it)
   * @since 0.1.0
   */
  public record Options(String schema, int maxAttempts, int keptConnections) {
    /** The default schema name. */
    public static final String DEFAULT_SCHEMA = "annotationkit";

    /** The default {@link #maxAttempts()}. */
    public static final int DEFAULT_MAX_ATTEMPTS = 10;

    /** Checks the parts. */
    public Options {
      var unused = Sql.checkName(Objects.requireNonNull(schema, "schema"));
      if (maxAttempts < 1) {
        throw new IllegalArgumentException("maxAttempts must be >= 1, got " + maxAttempts);
      }
      if (keptConnections < 0) {
        throw new IllegalArgumentException("keptConnections must be >= 0, got " + keptConnections);
      }
    }

    /**
     * Schema {@value #DEFAULT_SCHEMA}, {@value #DEFAULT_MAX_ATTEMPTS} attempts, 32 kept
     * connections.
     *
     * @return the options
     */
    public static Options defaults() {
      return new Options(DEFAULT_SCHEMA, DEFAULT_MAX_ATTEMPTS, 32);
    }

    /**
     * A copy with another schema.
     *
     * @param name the schema's name
     * @return the options
     */
    public Options withSchema(String name) {
      return new Options(name, maxAttempts, keptConnections);
    }

    /**
     * A copy with another attempt limit.
     *
     * @param attempts the limit, {@code >= 1}
     * @return the options
     */
    public Options withMaxAttempts(int attempts) {
      return new Options(schema, attempts, keptConnections);
    }
  }

  private final Connections connections;
  private final Options options;
  private final String where;
  private final AtomicBoolean closed = new AtomicBoolean();
  private final Map<String, Task> tasks = new ConcurrentHashMap<>();
  private volatile @Nullable Project project;

  private JdbcStore(Connections connections, Options options, String where) {
    this.connections = connections;
    this.options = options;
    this.where = where;
  }

  /**
   * Opens the store in the default schema over the caller's data source (their pool).
   *
   * @param dataSource where connections come from; the store closes each after its transaction
   * @return the store
   * @throws StoreUnavailableException if the database cannot be reached
   * @throws IllegalStateException if the server is older than PostgreSQL 14, or the schema is newer
   *     than this code knows or was made by other scripts
   */
  public static JdbcStore open(DataSource dataSource) {
    return open(dataSource, Options.defaults());
  }

  /**
   * Opens the store over the caller's data source.
   *
   * @param dataSource where connections come from; the store closes each after its transaction
   * @param options the schema and retry limit
   * @return the store
   * @throws StoreUnavailableException if the database cannot be reached
   * @throws IllegalStateException as {@link #open(DataSource)}
   */
  public static JdbcStore open(DataSource dataSource, Options options) {
    Objects.requireNonNull(dataSource, "dataSource");
    Objects.requireNonNull(options, "options");
    return Objects.requireNonNull(
        start(Connections.of(dataSource), options, "schema " + options.schema(), false));
  }

  /**
   * Opens the store in the default schema of a database given by a JDBC URL, such as {@code
   * jdbc:postgresql://localhost:5432/labels?user=app&password=secret}.
   *
   * @param url the URL, with user and password as its parameters when the server needs them
   * @return the store, which keeps a few connections open until it is closed
   * @throws StoreUnavailableException if the database cannot be reached
   * @throws IllegalStateException as {@link #open(DataSource)}
   */
  public static JdbcStore open(String url) {
    return open(url, new Properties(), Options.defaults());
  }

  /**
   * Opens the store in a database given by a JDBC URL.
   *
   * @param url the URL
   * @param properties connection properties (user, password, ...), copied
   * @param options the schema, retry limit and connections kept
   * @return the store, which keeps up to {@link Options#keptConnections()} idle connections open
   *     until it is closed
   * @throws StoreUnavailableException if the database cannot be reached
   * @throws IllegalStateException as {@link #open(DataSource)}
   */
  public static JdbcStore open(String url, Properties properties, Options options) {
    return Objects.requireNonNull(startAt(url, properties, options, false));
  }

  /**
   * Opens the store in a database given by a JDBC URL only if its schema already holds one (made by
   * an earlier {@link #open}): it creates nothing when it does not, and migrates the schema when it
   * does. For a program that must not leave an empty schema behind when it is pointed at a wrong
   * name.
   *
   * @param url the URL
   * @param properties connection properties (user, password, ...), copied
   * @param options the schema, retry limit and connections kept
   * @return the store, or empty when {@link Options#schema()} does not exist or holds no store's
   *     tables (then nothing was written to the database)
   * @throws StoreUnavailableException if the database cannot be reached
   * @throws IllegalStateException as {@link #open(DataSource)}
   * @since 0.2.0
   */
  public static Optional<JdbcStore> openExisting(
      String url, Properties properties, Options options) {
    return Optional.ofNullable(startAt(url, properties, options, true));
  }

  private static @Nullable JdbcStore startAt(
      String url, Properties properties, Options options, boolean existingOnly) {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(options, "options");
    if (!url.startsWith("jdbc:postgresql:")) {
      throw new IllegalArgumentException(
          "expected a PostgreSQL JDBC URL (jdbc:postgresql://host:port/database), got " + url);
    }
    Properties copy = new Properties();
    copy.putAll(properties);
    return start(
        Connections.of(url, copy, options.keptConnections()),
        options,
        "schema " + options.schema() + " of " + withoutSecrets(url),
        existingOnly);
  }

  private static String withoutSecrets(String url) {
    return url.replaceAll("(?i)(password=)[^&]*", "$1***");
  }

  /**
   * Checks the server and migrates the schema: null, with the connections closed, when {@code
   * existingOnly} and the schema holds no store.
   */
  private static @Nullable JdbcStore start(
      Connections connections, Options options, String where, boolean existingOnly) {
    JdbcStore store = new JdbcStore(connections, options, where);
    boolean missing = false;
    try {
      Connection c = store.connect();
      boolean broken = true;
      try {
        DatabaseMetaData meta = c.getMetaData();
        if (meta.getDatabaseMajorVersion() < 14) {
          throw new IllegalStateException(
              "the store needs PostgreSQL 14 or newer, the server at "
                  + where
                  + " is "
                  + meta.getDatabaseProductVersion());
        }
        missing = existingOnly && !Migrations.exists(c, options.schema());
        if (!missing) {
          List<Integer> applied = Migrations.migrate(c, options.schema());
          if (!applied.isEmpty()) {
            LOG.log(System.Logger.Level.INFO, "{0}: applied schema versions {1}", where, applied);
          }
        }
        broken = false;
      } catch (SQLException e) {
        throw store.failure("cannot prepare the store's schema", e, false);
      } finally {
        connections.release(c, broken);
      }
    } catch (RuntimeException e) {
      connections.close();
      throw e;
    }
    if (missing) {
      connections.close();
      return null;
    }
    return store;
  }

  String schema() {
    return options.schema();
  }

  @Nullable Project cachedProject() {
    return project;
  }

  void cacheProject(Project p) {
    project = p;
  }

  /** Annotators decoded from their rows' JSON, and their JSON (an annotator is a value). */
  private final Map<String, Annotator> annotatorsByJson = new ConcurrentHashMap<>();

  private final Map<Annotator, String> annotatorJson = new ConcurrentHashMap<>();

  private static final int ANNOTATOR_CACHE_LIMIT = 10_000;

  /** The annotator of a row's JSON, decoded once. */
  Annotator annotator(String json) {
    Annotator annotator = annotatorsByJson.get(json);
    if (annotator == null) {
      annotator = StoreCodec.readAnnotator(json);
      if (annotatorsByJson.size() >= ANNOTATOR_CACHE_LIMIT) {
        annotatorsByJson.clear();
      }
      annotatorsByJson.put(json, annotator);
    }
    return annotator;
  }

  /** The JSON of an annotator's row, written once. */
  String annotatorJson(Annotator annotator) {
    String json = annotatorJson.get(annotator);
    if (json == null) {
      json = StoreCodec.writeAnnotator(annotator);
      if (annotatorJson.size() >= ANNOTATOR_CACHE_LIMIT) {
        annotatorJson.clear();
      }
      annotatorJson.put(annotator, json);
    }
    return json;
  }

  /** SQL texts with the schema's name in place of {@code {s}}. */
  private final Map<String, String> texts = new ConcurrentHashMap<>();

  /** A statement's text in this store's schema ({@link Sql#in}), made once. */
  String sql(String text) {
    String sql = texts.get(text);
    if (sql == null) {
      sql = Sql.in(options.schema(), text);
      if (texts.size() < 1_000) {
        texts.put(text, sql);
      }
    }
    return sql;
  }

  /** The task of a row, decoded once. */
  Task task(String id, String json) {
    Task task = tasks.get(id);
    if (task == null) {
      task = StoreCodec.readTask(json);
      if (tasks.size() >= TASK_CACHE_LIMIT) {
        tasks.clear();
      }
      tasks.put(id, task);
    }
    return task;
  }

  private Connection connect() {
    try {
      return connections.acquire();
    } catch (SQLException e) {
      throw failure("cannot connect", e, false);
    }
  }

  private RuntimeException failure(String what, SQLException e, boolean commit) {
    if (Sql.connectionLost(e) || commit) {
      return new StoreUnavailableException(
          "the store in "
              + where
              + " is unavailable: "
              + what
              + (commit
                  ? " (the connection broke while committing: the decision may be applied)"
                  : "")
              + ": "
              + e.getMessage()
              + " [SQL state "
              + Sql.state(e)
              + "]",
          commit,
          e);
    }
    return new IllegalStateException(
        "the store in "
            + where
            + " failed: "
            + what
            + ": "
            + e.getMessage()
            + " [SQL state "
            + Sql.state(e)
            + "]",
        e);
  }

  @Override
  public <T> T decide(Decision<T> decision) {
    Objects.requireNonNull(decision, "decision");
    requireOpen();
    String last = "";
    for (int attempt = 1; attempt <= options.maxAttempts(); attempt++) {
      if (attempt > 1) {
        backoff(attempt);
      }
      Connection c = connect();
      boolean broken = false;
      boolean committing = false;
      // set when the last statement's round trip commits too
      boolean[] withLast = {false};
      try {
        Session session = new Session(c, options.schema(), this::sql, "READ COMMITTED", false);
        Decided<T> decided = decision.decide(new SqlView(session, this, true));
        if (!decided.events().isEmpty()) {
          new Applier(session, this::annotatorJson, () -> withLast[0] = true)
              .apply(decided.events());
        }
        committing = true;
        c.commit(); // no round trip when the last statement committed
        return decided.result();
      } catch (SqlView.Failure f) {
        SQLException e = f.sql();
        broken = rollback(c, e);
        if (Sql.conflict(e) || (Sql.connectionLost(e) && attempt < options.maxAttempts())) {
          last = e.getMessage() + " [SQL state " + Sql.state(e) + "]";
          continue;
        }
        throw failure("a read of a decision failed", e, false);
      } catch (SQLException e) {
        broken = rollback(c, e);
        if (committing || (withLast[0] && Sql.connectionLost(e))) {
          // (an error the server reported in the round trip that commits with the last statement
          // means it did not commit: retried below as any other)
          throw failure("commit failed", e, Sql.connectionLost(e));
        }
        if (Sql.conflict(e) || (Sql.connectionLost(e) && attempt < options.maxAttempts())) {
          last = e.getMessage() + " [SQL state " + Sql.state(e) + "]";
          continue;
        }
        throw failure("applying a decision's events failed", e, false);
      } catch (Applier.Conflict e) {
        broken = rollback(c, e);
        last = e.getMessage();
      } catch (RuntimeException | Error e) {
        broken = rollback(c, e);
        throw e;
      } finally {
        connections.release(c, broken);
      }
    }
    throw new IllegalStateException(
        "the store in "
            + where
            + " gave up a decision after "
            + options.maxAttempts()
            + " attempts; the last conflict: "
            + last);
  }

  @Override
  public <T> T read(Function<StoreView, T> query) {
    Objects.requireNonNull(query, "query");
    requireOpen();
    for (int attempt = 1; ; attempt++) {
      Connection c = connect();
      boolean broken = false;
      try {
        Session session = new Session(c, options.schema(), this::sql, "REPEATABLE READ", true);
        T answer = query.apply(new SqlView(session, this, false));
        c.commit();
        return answer;
      } catch (SqlView.Failure f) {
        broken = rollback(c, f.sql());
        if (Sql.connectionLost(f.sql()) && attempt < options.maxAttempts()) {
          continue;
        }
        throw failure("a read failed", f.sql(), false);
      } catch (SQLException e) {
        broken = rollback(c, e);
        if (Sql.connectionLost(e) && attempt < options.maxAttempts()) {
          continue;
        }
        throw failure("a read failed", e, false);
      } catch (RuntimeException | Error e) {
        broken = rollback(c, e);
        throw e;
      } finally {
        connections.release(c, broken);
      }
    }
  }

  /**
   * Rolls back after a failure.
   *
   * @return whether the connection is broken and must not be reused
   */
  private static boolean rollback(Connection c, Throwable cause) {
    boolean lost = cause instanceof SQLException e && Sql.connectionLost(e);
    try {
      c.rollback();
      return lost;
    } catch (SQLException e) {
      return true;
    }
  }

  private static void backoff(int attempt) {
    long cap = Math.min(50_000L, 500L << Math.min(attempt, 10));
    try {
      TimeUnit.MICROSECONDS.sleep(ThreadLocalRandom.current().nextLong(cap));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while retrying a decision", e);
    }
  }

  private void requireOpen() {
    if (closed.get()) {
      throw new IllegalStateException("the store in " + where + " is closed");
    }
  }

  /**
   * The newest schema version this code knows and creates.
   *
   * @return the version
   */
  public static int schemaVersion() {
    return Migrations.latest();
  }

  /** Closes the store and the connections it keeps; twice is fine. */
  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      connections.close();
    }
  }

  @Override
  public String toString() {
    return "JdbcStore[" + where + "]";
  }
}
