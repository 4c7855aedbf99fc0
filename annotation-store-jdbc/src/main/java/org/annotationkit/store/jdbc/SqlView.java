package org.annotationkit.store.jdbc;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.annotationkit.core.annotation.Annotation;
import org.annotationkit.core.annotation.Annotator;
import org.annotationkit.core.json.CanonicalJson;
import org.annotationkit.core.store.AnnotatorState;
import org.annotationkit.core.store.StoreCodec;
import org.annotationkit.core.store.StoreView;
import org.annotationkit.core.task.GoldPolicy;
import org.annotationkit.core.task.Lease;
import org.annotationkit.core.task.Project;
import org.annotationkit.core.task.Submission;
import org.annotationkit.core.task.Task;
import org.annotationkit.core.task.TaskStatus;
import org.jspecify.annotations.Nullable;

/**
 * The view of one transaction. In a decision ({@code locking}) the reads of single rows lock them
 * ({@code FOR UPDATE}) so that they stay as read until the transaction ends, and the queue and
 * expiry reads skip rows that another transaction holds ({@code SKIP LOCKED}); a read-only view
 * locks nothing and sees the snapshot of its {@code REPEATABLE READ} transaction.
 */
final class SqlView implements StoreView {

  /** A statement failed; carries the driver's exception out of the view's methods. */
  static final class Failure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Failure(SQLException cause) {
      super(cause.getMessage(), cause);
      this.sql = cause;
    }

    private final SQLException sql;

    SQLException sql() {
      return sql;
    }
  }

  private static final String TASK_COLUMNS =
      "id, gold, counted, pending, open_leases, completed_ns, priority, task_json, overlap";

  private final Session session;
  private final Connection c;
  private final JdbcStore store;
  private final boolean locking;

  /**
   * Answers this view read along with others, to spare round trips: whether annotation ids are
   * taken (read with the submission of the id), tasks' gold answers (read with the task; they never
   * change) and, in a decision, annotators (read with a lease of theirs, and locked).
   */
  private final Map<String, Boolean> taken = new HashMap<>();

  private final Map<String, Optional<String>> goldAnswers = new HashMap<>();
  private final Map<String, Optional<AnnotatorState>> annotators = new HashMap<>();

  /**
   * Answers of a {@link #prefetch}, each given once, to the first call of its method with its
   * arguments; a later call reads again.
   */
  private final Map<String, Optional<Submission>> fetchedSubmissions = new HashMap<>();

  private final Map<String, Optional<TaskStatus>> fetchedTasks = new HashMap<>();
  private final Map<List<String>, Optional<Lease>> fetchedLeases = new HashMap<>();
  private final Map<Read.NextTaskFor, Optional<Task>> fetchedNext = new HashMap<>();

  SqlView(Session session, JdbcStore store, boolean locking) {
    this.session = session;
    this.c = session.connection();
    this.store = store;
    this.locking = locking;
  }

  private String lock() {
    return locking ? " FOR UPDATE" : "";
  }

  @FunctionalInterface
  private interface Rows<T> {
    T read(ResultSet rs) throws SQLException;
  }

  @FunctionalInterface
  private interface Params {
    void set(PreparedStatement p) throws SQLException;
  }

  private <T> List<T> query(String text, Params params, Rows<T> row) {
    try (Session.Statements st = session.prepare(text)) {
      PreparedStatement p = st.statement();
      params.set(p);
      st.execute();
      return rows(p, row);
    } catch (SQLException e) {
      throw new Failure(e);
    }
  }

  /** The rows of the statement's current result. */
  private static <T> List<T> rows(PreparedStatement p, Rows<T> row) throws SQLException {
    try (ResultSet rs = p.getResultSet()) {
      if (rs == null) {
        throw new SQLException("expected rows, got an update count", "XX000");
      }
      List<T> out = new ArrayList<>();
      while (rs.next()) {
        out.add(row.read(rs));
      }
      return out;
    }
  }

  private static <T> Optional<T> first(List<T> rows) {
    return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
  }

  private <T> Optional<T> one(String text, Params params, Rows<T> row) {
    List<T> rows = query(text, params, row);
    return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
  }

  @Override
  public Optional<Project> project() {
    Project cached = store.cachedProject();
    if (cached != null) {
      return Optional.of(cached);
    }
    Optional<Project> project =
        one("SELECT json FROM {s}.project", p -> {}, rs -> StoreCodec.readProject(rs.getString(1)));
    project.ifPresent(store::cacheProject);
    return project;
  }

  private TaskStatus status(ResultSet rs) throws SQLException {
    Task task = store.task(rs.getString(1), rs.getString(8));
    double priority = rs.getDouble(7);
    if (Double.compare(priority, task.priority()) != 0) {
      task = task.withPriority(priority);
    }
    int overlap = rs.getInt(9); // raised by OverlapRaised, as the priority is changed in its row
    if (overlap != task.overlap()) {
      task = task.withOverlap(overlap);
    }
    long completed = rs.getLong(6);
    Optional<Instant> completedAt =
        rs.wasNull() ? Optional.empty() : Optional.of(Nanos.instant(completed));
    return new TaskStatus(
        task, rs.getBoolean(2), rs.getInt(3), rs.getInt(4), rs.getInt(5), completedAt);
  }

  private static final String TASK_BY_ID =
      "SELECT " + TASK_COLUMNS + ", gold_answer FROM {s}.task WHERE id = ?";

  private TaskStatus taskWithGold(String taskId, ResultSet rs) throws SQLException {
    goldAnswers.put(taskId, Optional.ofNullable(rs.getString("gold_answer")));
    return status(rs);
  }

  @Override
  public Optional<TaskStatus> task(String taskId) {
    Optional<TaskStatus> fetched = fetchedTasks.remove(taskId);
    if (fetched != null) {
      return fetched;
    }
    return one(TASK_BY_ID + lock(), p -> p.setString(1, taskId), rs -> taskWithGold(taskId, rs));
  }

  @Override
  public List<TaskStatus> tasks() {
    return List.copyOf(
        query("SELECT " + TASK_COLUMNS + " FROM {s}.task ORDER BY seq", p -> {}, this::status));
  }

  @Override
  public Optional<Annotation> goldAnswer(String taskId) {
    Optional<String> known = goldAnswers.get(taskId);
    if (known == null) {
      Optional<Optional<String>> row =
          one(
              "SELECT gold_answer FROM {s}.task WHERE id = ?",
              p -> p.setString(1, taskId),
              rs -> Optional.ofNullable(rs.getString(1)));
      if (row.isEmpty()) {
        return Optional.empty();
      }
      known = row.get();
      goldAnswers.put(taskId, known);
    }
    return known.map(j -> CanonicalJson.annotations().read(j));
  }

  private String queue() {
    return "SELECT "
        + TASK_COLUMNS
        + " FROM {s}.task t WHERE available AND gold = ? AND skills <@ ?"
        // "had this annotator this task" a probe of the lease table's key per queued task
        // tried: OFFSET 0 keeps NOT EXISTS a subquery run per row, in the queue's order up to
        // the LIMIT. Without it the planner turns it into an anti join, and on a young table
        // (few rows in its statistics) chose one that scans all the annotator's leases for
        // every task tried, so next grew slower with every task the annotator had had (one
        // annotator, after 600 pairs: 50 ms a next).
        + " AND NOT EXISTS (SELECT 1 FROM {s}.lease l WHERE l.task_id = t.id"
        + " AND l.annotator_id = ? OFFSET 0)"
        + " ORDER BY priority DESC, seq LIMIT 1"
        + (locking ? " FOR UPDATE SKIP LOCKED" : "");
  }

  @Override
  public Optional<Task> nextTask(String annotatorId, Set<String> skills, boolean gold) {
    Optional<Task> fetched = fetchedNext.remove(new Read.NextTaskFor(annotatorId, skills, gold));
    if (fetched != null) {
      return fetched;
    }
    return one(
        queue(),
        p -> {
          p.setBoolean(1, gold);
          p.setArray(2, textArray(skills));
          p.setString(3, annotatorId);
        },
        rs -> status(rs).task());
  }

  Array textArray(Set<String> values) throws SQLException {
    return c.createArrayOf("text", values.toArray(new String[0]));
  }

  @Override
  public boolean had(String taskId, String annotatorId) {
    return one(
            "SELECT 1 FROM {s}.lease WHERE task_id = ? AND annotator_id = ?",
            p -> {
              p.setString(1, taskId);
              p.setString(2, annotatorId);
            },
            rs -> Boolean.TRUE)
        .isPresent();
  }

  private static Lease lease(ResultSet rs) throws SQLException {
    return new Lease(
        rs.getString(1),
        rs.getString(2),
        Nanos.instant(rs.getLong(3)),
        Nanos.instant(rs.getLong(4)));
  }

  private static final String LEASE_BY_KEY =
      "SELECT task_id, annotator_id, granted_ns, expires_ns FROM {s}.lease"
          + " WHERE task_id = ? AND annotator_id = ? AND open";

  @Override
  public Optional<Lease> openLease(String taskId, String annotatorId) {
    Optional<Lease> fetched = fetchedLeases.remove(List.of(taskId, annotatorId));
    if (fetched != null) {
      return fetched;
    }
    if (!locking || annotators.containsKey(annotatorId)) {
      return one(
          LEASE_BY_KEY + lock(),
          p -> {
            p.setString(1, taskId);
            p.setString(2, annotatorId);
          },
          SqlView::lease);
    }
    // A decision that reads a lease goes on to read its annotator (a submission does): both
    // rows, locked in this order, in one round trip.
    try (Session.Statements st = session.prepare(LEASE_BY_KEY + lock() + "; " + ANNOTATOR_BY_ID)) {
      PreparedStatement p = st.statement();
      p.setString(1, taskId);
      p.setString(2, annotatorId);
      p.setString(3, annotatorId);
      st.execute();
      Optional<Lease> lease = first(rows(p, SqlView::lease));
      if (!p.getMoreResults()) {
        throw new SQLException("expected the annotator's row", "XX000");
      }
      annotators.put(annotatorId, first(rows(p, this::annotatorState)));
      return lease;
    } catch (SQLException e) {
      throw new Failure(e);
    }
  }

  @Override
  public List<Lease> openLeases() {
    return List.copyOf(
        query(
            "SELECT task_id, annotator_id, granted_ns, expires_ns FROM {s}.lease WHERE open"
                + " ORDER BY expires_ns, task_id, annotator_id",
            p -> {},
            SqlView::lease));
  }

  @Override
  public List<Lease> overdueLeases(Instant now, int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be >= 1, got " + limit);
    }
    long at = Nanos.of(now);
    if (locking && !session.begun() && !anyOverdue(at)) {
      // None lapsed: the decision has nothing to lock, and the transaction need not begin.
      return List.of();
    }
    // In a decision, the lapsed leases that no other transaction holds, with their tasks locked
    // too: the expiry never waits for a submission that holds the task, so the two cannot
    // deadlock.
    String text =
        locking
            ? "SELECT l.task_id, l.annotator_id, l.granted_ns, l.expires_ns FROM {s}.lease l"
                + " JOIN {s}.task t ON t.id = l.task_id WHERE l.open AND l.expires_ns <= ?"
                + " ORDER BY l.expires_ns, l.task_id, l.annotator_id LIMIT ?"
                + " FOR UPDATE OF l, t SKIP LOCKED"
            : "SELECT task_id, annotator_id, granted_ns, expires_ns FROM {s}.lease"
                + " WHERE open AND expires_ns <= ? ORDER BY expires_ns, task_id, annotator_id LIMIT ?";
    return List.copyOf(
        query(
            text,
            p -> {
              p.setLong(1, at);
              p.setInt(2, limit);
            },
            SqlView::lease));
  }

  /** Whether a lease has lapsed by {@code at}, read outside the transaction. */
  private boolean anyOverdue(long at) {
    try {
      return session.outside(() -> {
        try (PreparedStatement p =
            c.prepareStatement(
                session.text(
                    // ORDER BY: the plan walks the expiry index from its first entry and stops
                    // there; without it, a plan made while the table was young (a new store)
                    // scanned all the lease table on every next.
                    "SELECT 1 FROM {s}.lease WHERE open AND expires_ns <= ?"
                        + " ORDER BY expires_ns LIMIT 1"))) {
          p.setLong(1, at);
          try (ResultSet rs = p.executeQuery()) {
            return rs.next();
          }
        }
      });
    } catch (SQLException e) {
      throw new Failure(e);
    }
  }

  @Override
  public Optional<Submission> submission(String annotationId) {
    Optional<Submission> fetched = fetchedSubmissions.remove(annotationId);
    if (fetched != null) {
      return fetched;
    }
    // A decision that looks for a submission asks next whether its id is taken: both in one
    // round trip.
    try (Session.Statements st = session.prepare(SUBMISSION_BY_ID + lock() + "; " + TAKEN_BY_ID)) {
      PreparedStatement p = st.statement();
      p.setString(1, annotationId);
      p.setString(2, annotationId);
      st.execute();
      Optional<Submission> submission =
          first(rows(p, rs -> StoreCodec.readSubmission(rs.getString(1))));
      if (!p.getMoreResults()) {
        throw new SQLException("expected the taken id's row", "XX000");
      }
      taken.put(annotationId, !rows(p, rs -> Boolean.TRUE).isEmpty());
      return submission;
    } catch (SQLException e) {
      throw new Failure(e);
    }
  }

  private static final String SUBMISSION_BY_ID =
      "SELECT json FROM {s}.submission WHERE annotation_id = ?";

  private static final String TAKEN_BY_ID = "SELECT 1 FROM {s}.taken_id WHERE annotation_id = ?";

  @Override
  public boolean annotationIdTaken(String annotationId) {
    Boolean known = taken.get(annotationId);
    if (known != null) {
      return known;
    }
    return one(
            "SELECT 1 FROM {s}.taken_id WHERE annotation_id = ?",
            p -> p.setString(1, annotationId),
            rs -> Boolean.TRUE)
        .isPresent();
  }

  @Override
  public List<Submission> submissions() {
    return List.copyOf(
        query(
            "SELECT json FROM {s}.submission ORDER BY seq",
            p -> {},
            rs -> StoreCodec.readSubmission(rs.getString(1))));
  }

  @Override
  public List<Submission> submissionsOf(String taskId) {
    return List.copyOf(
        query(
            "SELECT json FROM {s}.submission WHERE task_id = ? ORDER BY seq",
            p -> p.setString(1, taskId),
            rs -> StoreCodec.readSubmission(rs.getString(1))));
  }

  private AnnotatorState annotatorState(ResultSet rs) throws SQLException {
    Annotator annotator = store.annotator(rs.getString(1));
    @Nullable String flag = rs.getString(6);
    Optional<GoldPolicy.Flag> f =
        flag == null ? Optional.empty() : Optional.of(StoreCodec.readFlag(flag));
    return new AnnotatorState(annotator, rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getInt(5), f);
  }

  private static final String ANNOTATOR_COLUMNS =
      "json, assignments, gold_assignments, gold_answered, gold_correct, flag_json";

  private static final String ANNOTATOR_BY_ID =
      "SELECT " + ANNOTATOR_COLUMNS + " FROM {s}.annotator WHERE id = ? FOR UPDATE";

  @Override
  public Optional<AnnotatorState> annotator(String annotatorId) {
    if (!locking) {
      return one(
          "SELECT " + ANNOTATOR_COLUMNS + " FROM {s}.annotator WHERE id = ?",
          p -> p.setString(1, annotatorId),
          this::annotatorState);
    }
    // locked: it stays as read until the decision ends
    Optional<AnnotatorState> known = annotators.get(annotatorId);
    if (known == null) {
      known = one(ANNOTATOR_BY_ID, p -> p.setString(1, annotatorId), this::annotatorState);
      annotators.put(annotatorId, known);
    }
    return known;
  }

  /** One statement of a prefetch: its text, its parameters from a position, what its rows give. */
  private record Fetch(String text, int params, ParamsAt set, Rows<?> rows, Keep keep) {}

  @FunctionalInterface
  private interface ParamsAt {
    void set(PreparedStatement p, int at) throws SQLException;
  }

  @FunctionalInterface
  private interface Keep {
    void keep(List<?> rows);
  }

  /**
   * In a decision, sends the reads that are not answered already in one round trip, each statement
   * as its method would send it (the same locks, in the order given), and keeps their answers for
   * the methods; a read-only view reads one snapshot anyway and takes no hint.
   */
  @Override
  public void prefetch(List<Read> reads) {
    if (!locking) {
      return;
    }
    List<Fetch> fetches = new ArrayList<>();
    Set<String> annotatorsRead = new java.util.HashSet<>(annotators.keySet());
    for (Read read : reads) {
      switch (read) {
        case Read.SubmissionOf r -> {
          if (!fetchedSubmissions.containsKey(r.annotationId())) {
            String id = r.annotationId();
            fetches.add(
                new Fetch(
                    SUBMISSION_BY_ID + lock(),
                    1,
                    (p, at) -> p.setString(at, id),
                    rs -> StoreCodec.readSubmission(rs.getString(1)),
                    rows -> fetchedSubmissions.put(id, first(cast(rows)))));
            fetches.add(
                new Fetch(
                    TAKEN_BY_ID,
                    1,
                    (p, at) -> p.setString(at, id),
                    rs -> Boolean.TRUE,
                    rows -> taken.put(id, !rows.isEmpty())));
          }
        }
        case Read.TaskOf r -> {
          String id = r.taskId();
          fetches.add(
              new Fetch(
                  TASK_BY_ID + lock(),
                  1,
                  (p, at) -> p.setString(at, id),
                  rs -> taskWithGold(id, rs),
                  rows -> fetchedTasks.put(id, first(cast(rows)))));
        }
        case Read.OpenLeaseOf r -> {
          String task = r.taskId();
          String who = r.annotatorId();
          fetches.add(
              new Fetch(
                  LEASE_BY_KEY + lock(),
                  2,
                  (p, at) -> {
                    p.setString(at, task);
                    p.setString(at + 1, who);
                  },
                  SqlView::lease,
                  rows -> fetchedLeases.put(List.of(task, who), first(cast(rows)))));
          // a decision that reads a lease goes on to read its annotator (see openLease)
          annotatorFetch(who, annotatorsRead, fetches);
        }
        case Read.AnnotatorOf r -> annotatorFetch(r.annotatorId(), annotatorsRead, fetches);
        case Read.NextTaskFor r ->
            fetches.add(
                new Fetch(
                    queue(),
                    3,
                    (p, at) -> {
                      p.setBoolean(at, r.gold());
                      p.setArray(at + 1, textArray(r.skills()));
                      p.setString(at + 2, r.annotatorId());
                    },
                    rs -> status(rs).task(),
                    rows -> fetchedNext.put(r, first(cast(rows)))));
      }
    }
    if (fetches.isEmpty()) {
      return;
    }
    StringBuilder text = new StringBuilder();
    for (Fetch f : fetches) {
      if (!text.isEmpty()) {
        text.append("; ");
      }
      text.append(f.text());
    }
    try (Session.Statements st = session.prepare(text.toString())) {
      PreparedStatement p = st.statement();
      int at = 1;
      for (Fetch f : fetches) {
        f.set().set(p, at);
        at += f.params();
      }
      st.execute();
      for (int k = 0; k < fetches.size(); k++) {
        if (k > 0 && !p.getMoreResults()) {
          throw new SQLException("expected the rows of " + fetches.get(k).text(), "XX000");
        }
        fetches.get(k).keep().keep(rows(p, fetches.get(k).rows()));
      }
    } catch (SQLException e) {
      throw new Failure(e);
    }
  }

  private void annotatorFetch(String annotatorId, Set<String> read, List<Fetch> fetches) {
    if (locking && read.add(annotatorId)) {
      fetches.add(
          new Fetch(
              ANNOTATOR_BY_ID,
              1,
              (p, at) -> p.setString(at, annotatorId),
              this::annotatorState,
              rows -> annotators.put(annotatorId, first(cast(rows)))));
    }
  }

  @SuppressWarnings("unchecked")
  private static <T> List<T> cast(List<?> rows) {
    return (List<T>) rows;
  }

  @Override
  public List<AnnotatorState> annotators() {
    return List.copyOf(
        query(
            "SELECT " + ANNOTATOR_COLUMNS + " FROM {s}.annotator ORDER BY id",
            p -> {},
            this::annotatorState));
  }
}
