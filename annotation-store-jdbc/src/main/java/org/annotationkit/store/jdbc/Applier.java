package org.annotationkit.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.annotationkit.core.annotation.Annotation;
import org.annotationkit.core.annotation.Annotator;
import org.annotationkit.core.json.CanonicalJson;
import org.annotationkit.core.store.StoreCodec;
import org.annotationkit.core.store.StoreEvent;
import org.annotationkit.core.task.Lease;
import org.annotationkit.core.task.Review;
import org.annotationkit.core.task.Submission;
import org.annotationkit.core.task.Task;
import org.jspecify.annotations.Nullable;

/**
 * Applies a decision's events in its transaction, checking each against the rows as the in-memory
 * store checks its state: every change is a conditional statement whose row count says whether the
 * event fits. An event that does not fit raises {@link Conflict}, and the store rolls back.
 */
final class Applier {

  /** An event did not fit the state: the decision saw a state that has changed, or is wrong. */
  static final class Conflict extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Conflict(String message) {
      super(message);
    }
  }

  private final Session session;
  private final Connection c;
  private final Runnable committing;
  private final Function<Annotator, String> annotatorJson;

  /**
   * An applier in a session's transaction.
   *
   * @param annotatorJson the JSON of an annotator's row
   * @param committing called just before the round trip that commits with the last statement
   */
  Applier(Session session, Function<Annotator, String> annotatorJson, Runnable committing) {
    this.session = session;
    this.annotatorJson = annotatorJson;
    this.c = session.connection();
    this.committing = committing;
  }

  /** A statement run on its own, in the transaction (begun first if need be). */
  private PreparedStatement prepare(String text) throws SQLException {
    session.begin();
    return c.prepareStatement(session.text(text));
  }

  /**
   * Applies the events. When the last statement is one that checks and applies an event (a grant, a
   * submission), it commits the transaction in the same round trip, after calling {@code
   * committing}.
   */
  void apply(List<StoreEvent> events) throws SQLException {
    int i = 0;
    while (i < events.size()) {
      StoreEvent event = events.get(i);
      if (event instanceof StoreEvent.TaskAdded) {
        int j = i;
        List<StoreEvent.TaskAdded> run = new ArrayList<>();
        while (j < events.size() && events.get(j) instanceof StoreEvent.TaskAdded t) {
          run.add(t);
          j++;
        }
        addTasks(run);
        i = j;
        continue;
      }
      if (event instanceof StoreEvent.LeaseEnded) {
        int j = i;
        List<StoreEvent.LeaseEnded> run = new ArrayList<>();
        while (j < events.size() && events.get(j) instanceof StoreEvent.LeaseEnded e) {
          run.add(e);
          j++;
        }
        endLeases(run);
        i = j;
        continue;
      }
      if (event instanceof StoreEvent.Submitted e) {
        Submission submission = e.submission();
        @Nullable Instant completedAt = null;
        if (i + 1 < events.size()
            && events.get(i + 1) instanceof StoreEvent.TaskCompleted done
            && done.taskId().equals(submission.taskId())) {
          completedAt = done.at();
          i++;
        }
        boolean last = i + 1 == events.size();
        submit(submission, completedAt, !touchedLater(events, i + 1), last && touched.isEmpty());
        i++;
        continue;
      }
      if (event instanceof StoreEvent.LeaseGranted e) {
        grant(e, i + 1 == events.size() && touched.isEmpty());
        i++;
        continue;
      }
      applyOne(event);
      i++;
    }
    checkCompletions();
  }

  private final List<String> touched = new ArrayList<>();

  /** Whether events from {@code from} on may change a task's counts or completion. */
  private static boolean touchedLater(List<StoreEvent> events, int from) {
    for (int k = from; k < events.size(); k++) {
      if (!(events.get(k) instanceof StoreEvent.AnnotatorFlagged
          || events.get(k) instanceof StoreEvent.AnnotatorReinstated)) {
        return true;
      }
    }
    return false;
  }

  /**
   * A regular task whose counted submissions reach its overlap completes in the same decision: the
   * in-memory store's invariant, checked here on the tasks this decision's submissions and reviews
   * changed (their rows are locked by now), so that a decision on a stale view cannot leave a full
   * task open.
   */
  private void checkCompletions() throws SQLException {
    if (touched.isEmpty()) {
      return;
    }
    try (PreparedStatement p =
        prepare(
            "SELECT id FROM {s}.task WHERE id = ANY (?) AND NOT gold AND counted = overlap"
                + " AND completed_ns IS NULL")) {
      p.setArray(1, c.createArrayOf("text", touched.toArray(new String[0])));
      try (ResultSet rs = p.executeQuery()) {
        if (rs.next()) {
          throw new Conflict(
              "task " + rs.getString(1) + " got its last annotation but does not complete");
        }
      }
    }
  }

  private void applyOne(StoreEvent event) throws SQLException {
    switch (event) {
      case StoreEvent.ProjectCreated e -> {
        try (PreparedStatement p =
            prepare("INSERT INTO {s}.project (id, json) VALUES (?, ?) ON CONFLICT DO NOTHING")) {
          p.setString(1, e.project().id());
          p.setString(2, StoreCodec.writeProject(e.project()));
          if (p.executeUpdate() != 1) {
            throw new Conflict("the store already has a project");
          }
        }
      }
      case StoreEvent.TaskAdded e -> addTasks(List.of(e));
      case StoreEvent.PrioritiesSet e -> setPriorities(e.priorities());
      case StoreEvent.LeaseGranted e -> grant(e, false);
      case StoreEvent.LeaseEnded e -> endLeases(List.of(e));
      case StoreEvent.Submitted e -> submit(e.submission(), null, false, false);
      case StoreEvent.Reviewed e -> review(e.review());
      case StoreEvent.TaskCompleted e -> {
        try (PreparedStatement p =
            prepare(
                "UPDATE {s}.task SET completed_ns = ? WHERE id = ? AND NOT gold"
                    + " AND completed_ns IS NULL AND counted = overlap")) {
          p.setLong(1, Nanos.of(e.at()));
          p.setString(2, e.taskId());
          if (p.executeUpdate() != 1) {
            throw new Conflict(
                "task " + e.taskId() + " cannot complete: unknown, gold, complete or not full");
          }
        }
      }
      case StoreEvent.OverlapRaised e -> raiseOverlap(e);
      case StoreEvent.AnnotatorFlagged e -> flag(e.annotatorId(), StoreCodec.writeFlag(e.flag()));
      case StoreEvent.AnnotatorReinstated e -> flag(e.annotatorId(), null);
    }
  }

  private void requireProject() throws SQLException {
    try (PreparedStatement p = prepare("SELECT 1 FROM {s}.project");
        ResultSet rs = p.executeQuery()) {
      if (!rs.next()) {
        throw new Conflict("the store has no project yet");
      }
    }
  }

  private void addTasks(List<StoreEvent.TaskAdded> added) throws SQLException {
    requireProject();
    try (PreparedStatement p =
        prepare(
            "INSERT INTO {s}.task (id, seq, gold, overlap, priority, skills, task_json, gold_answer)"
                + " VALUES (?, nextval('{s}.task_seq'), ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
      for (StoreEvent.TaskAdded e : added) {
        Task t = e.task();
        p.setString(1, t.id());
        p.setBoolean(2, e.goldAnswer().isPresent());
        p.setInt(3, t.overlap());
        p.setDouble(4, t.priority());
        p.setArray(5, c.createArrayOf("text", t.requiredSkills().toArray(new String[0])));
        p.setString(6, StoreCodec.writeTask(t));
        Optional<Annotation> gold = e.goldAnswer();
        p.setString(7, gold.isPresent() ? CanonicalJson.annotations().write(gold.get()) : null);
        p.addBatch();
      }
      int[] counts = p.executeBatch();
      for (int k = 0; k < counts.length; k++) {
        if (counts[k] != 1) {
          throw new Conflict("task " + added.get(k).task().id() + " exists already");
        }
      }
    }
  }

  private void setPriorities(Map<String, Double> priorities) throws SQLException {
    requireProject();
    List<String> ids = new ArrayList<>(priorities.keySet());
    try (PreparedStatement p = prepare("UPDATE {s}.task SET priority = ? WHERE id = ?")) {
      for (Map.Entry<String, Double> e : priorities.entrySet()) {
        p.setDouble(1, e.getValue());
        p.setString(2, e.getKey());
        p.addBatch();
      }
      int[] counts = p.executeBatch();
      for (int k = 0; k < counts.length; k++) {
        if (counts[k] != 1) {
          throw new Conflict("no task " + ids.get(k));
        }
      }
    }
  }

  /**
   * The task takes one more lease, the lease is recorded, the annotator counts it: one statement,
   * each part only when the one before it succeeded, that raises a conflict when a part did not;
   * with {@code commit}, the transaction commits in the same round trip.
   */
  private void grant(StoreEvent.LeaseGranted e, boolean commit) throws SQLException {
    Lease lease = e.lease();
    try (Session.Statements st =
        session.prepare(
            "WITH t AS (UPDATE {s}.task SET open_leases = open_leases + 1"
                + " WHERE id = ? AND available AND skills <@ ? RETURNING gold),"
                + " l AS (INSERT INTO {s}.lease (task_id, annotator_id, granted_ns, expires_ns, open)"
                + " SELECT ?, ?, ?, ?, true FROM t ON CONFLICT DO NOTHING RETURNING 1),"
                + " a AS (INSERT INTO {s}.annotator AS a (id, json, assignments, gold_assignments)"
                + " SELECT ?, ?, 1, CASE WHEN t.gold THEN 1 ELSE 0 END FROM t"
                + " WHERE EXISTS (SELECT 1 FROM l)"
                + " ON CONFLICT (id) DO UPDATE SET json = EXCLUDED.json,"
                + " assignments = a.assignments + 1,"
                + " gold_assignments = a.gold_assignments + EXCLUDED.gold_assignments RETURNING 1)"
                + " SELECT CASE WHEN (SELECT count(*) FROM t) <> 1 THEN {s}.conflict(?)"
                + " WHEN (SELECT count(*) FROM l) <> 1 THEN {s}.conflict(?)"
                + " WHEN (SELECT count(*) FROM a) <> 1 THEN {s}.conflict(?) ELSE 0 END"
                + (commit ? "; COMMIT" : ""))) {
      PreparedStatement p = st.statement();
      int i = 0;
      p.setString(++i, lease.taskId());
      p.setArray(++i, c.createArrayOf("text", e.annotator().skills().toArray(new String[0])));
      p.setString(++i, lease.taskId());
      p.setString(++i, lease.annotatorId());
      p.setLong(++i, Nanos.of(lease.grantedAt()));
      p.setLong(++i, Nanos.of(lease.expiresAt()));
      p.setString(++i, lease.annotatorId());
      p.setString(++i, annotatorJson.apply(e.annotator()));
      p.setString(
          ++i,
          "task "
              + lease.taskId()
              + " takes no lease of "
              + lease.annotatorId()
              + ": unknown, complete, full, or needs skills the annotator lacks");
      p.setString(++i, "annotator " + lease.annotatorId() + " already had task " + lease.taskId());
      p.setString(++i, "annotator " + lease.annotatorId() + " was not counted");
      execute(st, commit);
    }
  }

  /**
   * Runs a checking statement (its one row is the checks' answer, 0), committing in the same round
   * trip when asked.
   */
  private void execute(Session.Statements st, boolean commit) throws SQLException {
    if (commit) {
      committing.run();
    }
    st.execute();
    try (ResultSet rs = st.statement().getResultSet()) {
      if (rs == null || !rs.next()) {
        throw new SQLException("expected the row of a checking statement", "XX000");
      }
    }
  }

  private void endLeases(List<StoreEvent.LeaseEnded> ended) throws SQLException {
    try (PreparedStatement p =
        prepare(
            "UPDATE {s}.lease SET open = false WHERE task_id = ? AND annotator_id = ? AND open"
                + " AND (NOT ? OR expires_ns <= ?)")) {
      for (StoreEvent.LeaseEnded e : ended) {
        p.setString(1, e.taskId());
        p.setString(2, e.annotatorId());
        p.setBoolean(3, e.reason() == StoreEvent.EndReason.EXPIRED);
        p.setLong(4, Nanos.of(e.at()));
        p.addBatch();
      }
      int[] counts = p.executeBatch();
      for (int k = 0; k < counts.length; k++) {
        if (counts[k] != 1) {
          StoreEvent.LeaseEnded e = ended.get(k);
          throw new Conflict(
              "cannot end the lease of "
                  + e.annotatorId()
                  + " on "
                  + e.taskId()
                  + " ("
                  + e.reason()
                  + " at "
                  + e.at()
                  + "): not open"
                  + (e.reason() == StoreEvent.EndReason.EXPIRED ? ", or not lapsed yet" : ""));
        }
      }
    }
    try (PreparedStatement p =
        prepare(
            "UPDATE {s}.task SET open_leases = open_leases - 1 WHERE id = ? AND open_leases > 0")) {
      for (StoreEvent.LeaseEnded e : ended) {
        p.setString(1, e.taskId());
        p.addBatch();
      }
      int[] counts = p.executeBatch();
      for (int k = 0; k < counts.length; k++) {
        if (counts[k] != 1) {
          throw new Conflict("task " + ended.get(k).taskId() + " counts no open lease to end");
        }
      }
    }
  }

  private void take(String annotationId) throws SQLException {
    try (PreparedStatement p =
        prepare("INSERT INTO {s}.taken_id (annotation_id) VALUES (?) ON CONFLICT DO NOTHING")) {
      p.setString(1, annotationId);
      if (p.executeUpdate() != 1) {
        throw new Conflict("annotation id " + annotationId + " is taken");
      }
    }
  }

  /**
   * Stores a submission in one statement, each part only when the one before it succeeded, that
   * raises a conflict when a part did not: its annotation id taken, the lease closed, the task's
   * counts (and, when {@code completedAt} is given, its completion: the decision's next event), the
   * annotator's gold counts, the row. When {@code checkHere}, the completion invariant is checked
   * on the task's row as the statement left it; otherwise at the end of the decision, as later
   * events touch the task. With {@code commit}, the transaction commits in the same round trip.
   */
  private void submit(
      Submission submission, @Nullable Instant completedAt, boolean checkHere, boolean commit)
      throws SQLException {
    Annotation annotation = submission.annotation();
    String taskId = submission.taskId();
    boolean gold = submission.gold() != Submission.GoldOutcome.NOT_GOLD;
    long completedNs = completedAt == null ? 0L : Nanos.of(completedAt);
    boolean completes = completedAt != null;
    int counts = submission.awaitingReview() ? 0 : 1;
    try (Session.Statements st =
        session.prepare(
            "WITH k AS (INSERT INTO {s}.taken_id (annotation_id) VALUES (?)"
                + " ON CONFLICT DO NOTHING RETURNING 1),"
                + " l AS (UPDATE {s}.lease SET open = false WHERE task_id = ? AND annotator_id = ?"
                + " AND open AND EXISTS (SELECT 1 FROM k) RETURNING 1),"
                + " t AS (UPDATE {s}.task SET open_leases = open_leases - 1,"
                + " pending = pending + ?, counted = counted + ?,"
                + " completed_ns = CASE WHEN ? THEN ?::bigint ELSE completed_ns END"
                + " WHERE id = ? AND gold = ? AND open_leases > 0 AND EXISTS (SELECT 1 FROM l)"
                + " AND (NOT ? OR (NOT gold AND completed_ns IS NULL AND counted + ? = overlap))"
                + " RETURNING gold, counted, overlap, completed_ns),"
                + " g AS (UPDATE {s}.annotator SET gold_answered = gold_answered + 1,"
                + " gold_correct = gold_correct + ? WHERE id = ? AND ? AND EXISTS (SELECT 1 FROM t)"
                + " RETURNING 1),"
                + " n AS (INSERT INTO {s}.submission (annotation_id, seq, task_id, json)"
                + " SELECT ?, nextval('{s}.submission_seq'), ?, ? WHERE EXISTS (SELECT 1 FROM t)"
                + " AND (NOT ? OR EXISTS (SELECT 1 FROM g)) RETURNING 1)"
                + " SELECT CASE WHEN (SELECT count(*) FROM k) <> 1 THEN {s}.conflict(?)"
                + " WHEN (SELECT count(*) FROM l) <> 1 THEN {s}.conflict(?)"
                + " WHEN (SELECT count(*) FROM t) <> 1 THEN {s}.conflict(?)"
                + " WHEN ? AND (SELECT count(*) FROM g) <> 1 THEN {s}.conflict(?)"
                + " WHEN (SELECT count(*) FROM n) <> 1 THEN {s}.conflict(?)"
                + " WHEN ? AND EXISTS (SELECT 1 FROM t WHERE NOT gold AND counted = overlap"
                + " AND completed_ns IS NULL) THEN {s}.conflict(?) ELSE 0 END"
                + (commit ? "; COMMIT" : ""))) {
      PreparedStatement p = st.statement();
      int i = 0;
      p.setString(++i, annotation.id());
      p.setString(++i, taskId);
      p.setString(++i, annotation.annotatorId());
      p.setInt(++i, 1 - counts);
      p.setInt(++i, counts);
      p.setBoolean(++i, completes);
      p.setLong(++i, completedNs);
      p.setString(++i, taskId);
      p.setBoolean(++i, gold);
      p.setBoolean(++i, completes);
      p.setInt(++i, counts);
      p.setInt(++i, submission.gold() == Submission.GoldOutcome.CORRECT ? 1 : 0);
      p.setString(++i, annotation.annotatorId());
      p.setBoolean(++i, gold);
      p.setString(++i, annotation.id());
      p.setString(++i, taskId);
      p.setString(++i, StoreCodec.writeSubmission(submission));
      p.setBoolean(++i, gold);
      p.setString(++i, "annotation id " + annotation.id() + " is taken");
      p.setString(
          ++i,
          "cannot submit: annotator "
              + annotation.annotatorId()
              + " holds no open lease on "
              + taskId);
      p.setString(
          ++i,
          "submission "
              + annotation.id()
              + " has gold outcome "
              + submission.gold()
              + (completes ? " and completes task " : " to task ")
              + taskId
              + ", which is unknown, counts no open lease, "
              + (gold ? "not gold" : "gold")
              + (completes ? ", complete or not full by it" : ""));
      p.setBoolean(++i, gold);
      p.setString(++i, "no annotator " + annotation.annotatorId());
      p.setString(++i, "submission " + annotation.id() + " was not stored");
      p.setBoolean(++i, checkHere);
      p.setString(++i, "task " + taskId + " got its last annotation but does not complete");
      execute(st, commit);
    }
    if (!checkHere) {
      touched.add(taskId);
    }
  }

  private void review(Review review) throws SQLException {
    Submission submission;
    try (PreparedStatement p =
        prepare("SELECT json FROM {s}.submission WHERE annotation_id = ? FOR UPDATE")) {
      p.setString(1, review.annotationId());
      try (ResultSet rs = p.executeQuery()) {
        if (!rs.next()) {
          throw new Conflict("no submission " + review.annotationId());
        }
        submission = StoreCodec.readSubmission(rs.getString(1));
      }
    }
    if (submission.status() != Submission.Status.PENDING_REVIEW) {
      throw new Conflict(
          "submission "
              + review.annotationId()
              + " is "
              + submission.status()
              + ", not awaiting review");
    }
    if (review.correction().isPresent()) {
      take(review.correction().get().id());
    }
    Submission reviewed = submission.withReview(review);
    touched.add(submission.taskId());
    try (PreparedStatement p =
        prepare(
            "UPDATE {s}.task SET pending = pending - 1, counted = counted + ? WHERE id = ?"
                + " AND pending > 0")) {
      p.setInt(1, reviewed.counts() ? 1 : 0);
      p.setString(2, submission.taskId());
      if (p.executeUpdate() != 1) {
        throw new Conflict("task " + submission.taskId() + " has no submission awaiting review");
      }
    }
    try (PreparedStatement p =
        prepare("UPDATE {s}.submission SET json = ? WHERE annotation_id = ?")) {
      p.setString(1, StoreCodec.writeSubmission(reviewed));
      p.setString(2, review.annotationId());
      p.executeUpdate();
    }
  }

  /**
   * A regular task's overlap grows (in its row; the task's JSON keeps the overlap it was added
   * with, as it keeps its first priority) and a complete task is open again.
   */
  private void raiseOverlap(StoreEvent.OverlapRaised e) throws SQLException {
    try (PreparedStatement p =
        prepare(
            "UPDATE {s}.task SET overlap = ?, completed_ns = NULL WHERE id = ? AND NOT gold"
                + " AND overlap < ?")) {
      p.setInt(1, e.overlap());
      p.setString(2, e.taskId());
      p.setInt(3, e.overlap());
      if (p.executeUpdate() != 1) {
        throw new Conflict(
            "task "
                + e.taskId()
                + " cannot have its overlap raised to "
                + e.overlap()
                + ": unknown, gold, or its overlap is that already or more");
      }
    }
  }

  private void flag(String annotatorId, @Nullable String flagJson) throws SQLException {
    try (PreparedStatement p = prepare("UPDATE {s}.annotator SET flag_json = ? WHERE id = ?")) {
      p.setString(1, flagJson);
      p.setString(2, annotatorId);
      if (p.executeUpdate() != 1) {
        throw new Conflict("no annotator " + annotatorId);
      }
    }
  }
}
