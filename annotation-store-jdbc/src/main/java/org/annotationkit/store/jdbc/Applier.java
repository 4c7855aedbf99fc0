package org.annotationkit.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.annotationkit.core.annotation.Annotation;
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

  private final Connection c;
  private final String s;

  Applier(Connection c, String schema) {
    this.c = c;
    this.s = schema;
  }

  private PreparedStatement prepare(String text) throws SQLException {
    return c.prepareStatement(Sql.in(s, text));
  }

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
      applyOne(event);
      i++;
    }
    checkCompletions();
  }

  private final List<String> touched = new ArrayList<>();

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
      case StoreEvent.LeaseGranted e -> grant(e);
      case StoreEvent.LeaseEnded e -> endLeases(List.of(e));
      case StoreEvent.Submitted e -> submit(e.submission());
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

  private void grant(StoreEvent.LeaseGranted e) throws SQLException {
    Lease lease = e.lease();
    boolean gold;
    try (PreparedStatement p =
        prepare(
            "UPDATE {s}.task SET open_leases = open_leases + 1 WHERE id = ? AND available"
                + " AND skills <@ ? RETURNING gold")) {
      p.setString(1, lease.taskId());
      p.setArray(2, c.createArrayOf("text", e.annotator().skills().toArray(new String[0])));
      try (ResultSet rs = p.executeQuery()) {
        if (!rs.next()) {
          throw new Conflict(
              "task "
                  + lease.taskId()
                  + " takes no lease of "
                  + lease.annotatorId()
                  + ": unknown, complete, full, or needs skills the annotator lacks");
        }
        gold = rs.getBoolean(1);
      }
    }
    try (PreparedStatement p =
        prepare(
            "INSERT INTO {s}.lease (task_id, annotator_id, granted_ns, expires_ns, open)"
                + " VALUES (?, ?, ?, ?, true) ON CONFLICT DO NOTHING")) {
      p.setString(1, lease.taskId());
      p.setString(2, lease.annotatorId());
      p.setLong(3, Nanos.of(lease.grantedAt()));
      p.setLong(4, Nanos.of(lease.expiresAt()));
      if (p.executeUpdate() != 1) {
        throw new Conflict(
            "annotator " + lease.annotatorId() + " already had task " + lease.taskId());
      }
    }
    try (PreparedStatement p =
        prepare(
            "INSERT INTO {s}.annotator AS a (id, json, assignments, gold_assignments)"
                + " VALUES (?, ?, 1, ?) ON CONFLICT (id) DO UPDATE SET json = EXCLUDED.json,"
                + " assignments = a.assignments + 1,"
                + " gold_assignments = a.gold_assignments + EXCLUDED.gold_assignments")) {
      p.setString(1, lease.annotatorId());
      p.setString(2, StoreCodec.writeAnnotator(e.annotator()));
      p.setInt(3, gold ? 1 : 0);
      p.executeUpdate();
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
        prepare("UPDATE {s}.task SET open_leases = open_leases - 1 WHERE id = ?")) {
      for (StoreEvent.LeaseEnded e : ended) {
        p.setString(1, e.taskId());
        p.addBatch();
      }
      int[] unused = p.executeBatch();
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

  private void submit(Submission submission) throws SQLException {
    Annotation annotation = submission.annotation();
    touched.add(submission.taskId());
    take(annotation.id());
    try (PreparedStatement p =
        prepare(
            "UPDATE {s}.lease SET open = false WHERE task_id = ? AND annotator_id = ? AND open")) {
      p.setString(1, submission.taskId());
      p.setString(2, annotation.annotatorId());
      if (p.executeUpdate() != 1) {
        throw new Conflict(
            "cannot submit: annotator "
                + annotation.annotatorId()
                + " holds no open lease on "
                + submission.taskId());
      }
    }
    boolean gold = submission.gold() != Submission.GoldOutcome.NOT_GOLD;
    try (PreparedStatement p =
        prepare(
            "UPDATE {s}.task SET open_leases = open_leases - 1,"
                + " pending = pending + ?, counted = counted + ? WHERE id = ? AND gold = ?")) {
      p.setInt(1, submission.awaitingReview() ? 1 : 0);
      p.setInt(2, submission.awaitingReview() ? 0 : 1);
      p.setString(3, submission.taskId());
      p.setBoolean(4, gold);
      if (p.executeUpdate() != 1) {
        throw new Conflict(
            "submission "
                + annotation.id()
                + " has gold outcome "
                + submission.gold()
                + " but task "
                + submission.taskId()
                + (gold ? " is not gold" : " is gold"));
      }
    }
    if (gold) {
      try (PreparedStatement p =
          prepare(
              "UPDATE {s}.annotator SET gold_answered = gold_answered + 1,"
                  + " gold_correct = gold_correct + ? WHERE id = ?")) {
        p.setInt(1, submission.gold() == Submission.GoldOutcome.CORRECT ? 1 : 0);
        p.setString(2, annotation.annotatorId());
        if (p.executeUpdate() != 1) {
          throw new Conflict("no annotator " + annotation.annotatorId());
        }
      }
    }
    try (PreparedStatement p =
        prepare(
            "INSERT INTO {s}.submission (annotation_id, seq, task_id, json)"
                + " VALUES (?, nextval('{s}.submission_seq'), ?, ?)")) {
      p.setString(1, annotation.id());
      p.setString(2, submission.taskId());
      p.setString(3, StoreCodec.writeSubmission(submission));
      p.executeUpdate();
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
        prepare("UPDATE {s}.task SET pending = pending - 1, counted = counted + ? WHERE id = ?")) {
      p.setInt(1, reviewed.counts() ? 1 : 0);
      p.setString(2, submission.taskId());
      p.executeUpdate();
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
