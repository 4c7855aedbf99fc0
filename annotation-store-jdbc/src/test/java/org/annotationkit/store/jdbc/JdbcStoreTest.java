package org.annotationkit.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import org.annotationkit.core.annotation.Annotation;
import org.annotationkit.core.annotation.Annotator;
import org.annotationkit.core.annotation.ChoiceValue;
import org.annotationkit.core.item.TextItem;
import org.annotationkit.core.schema.Field;
import org.annotationkit.core.schema.FieldKind;
import org.annotationkit.core.schema.Schema;
import org.annotationkit.core.store.AnnotatorState;
import org.annotationkit.core.store.Decided;
import org.annotationkit.core.store.InMemoryStore;
import org.annotationkit.core.store.StoreEvent;
import org.annotationkit.core.store.WorkflowStore;
import org.annotationkit.core.task.Assignment;
import org.annotationkit.core.task.Lease;
import org.annotationkit.core.task.PayPolicy;
import org.annotationkit.core.task.Project;
import org.annotationkit.core.task.ProjectSettings;
import org.annotationkit.core.task.Receipt;
import org.annotationkit.core.task.Submission;
import org.annotationkit.core.task.Task;
import org.annotationkit.core.task.Workflow;
import org.junit.jupiter.api.Test;

class JdbcStoreTest {

  static final Schema SCHEMA =
      Schema.of(
          "pets", Field.builder("kind", FieldKind.SINGLE_CHOICE).labels("cat", "dog").build());

  static Project project() {
    return new Project(
        "p",
        SCHEMA,
        ProjectSettings.builder()
            .overlap(2)
            .review(true)
            .gold(0.3, 7)
            .leaseDuration(Duration.ofMinutes(5))
            .pay(PayPolicy.perTask("0.05"))
            .build());
  }

  static Annotation choice(String id, String item, String who, String label) {
    return Annotation.builder(id, item, who).result("r", "kind", new ChoiceValue(label)).build();
  }

  static List<Object> dump(WorkflowStore store) {
    return store.read(v ->
        List.of(
            v.project(),
            v.tasks(),
            v.submissions(),
            v.openLeases(),
            v.annotators(),
            v.nextTask("alice", Set.of(), false),
            v.nextTask("zed", Set.of(), true)));
  }

  /** The same script of decisions, on any store: leases, submissions, review, expiry, skips. */
  static void script(WorkflowStore store) {
    Instant[] now = {Instant.parse("2026-03-01T09:00:00.123456789Z")};
    InstantSource clock = () -> now[0];
    Workflow.createProject(store, project());
    Workflow wf = Workflow.builder(store).clock(clock).build();
    for (int i = 0; i < 6; i++) {
      wf.addTasks(List.of(Task.of(new TextItem("t" + i, "text " + i), 2)));
    }
    wf.addGoldTask(Task.of(new TextItem("g", "gold"), 1), choice("known", "g", "o", "cat"));
    wf.setPriorities(java.util.Map.of("t3", 5.0));
    for (String who : List.of("alice", "bob", "carol", "alice", "bob", "dave")) {
      Optional<Assignment> a = wf.next(new Annotator(who, Annotator.Kind.HUMAN));
      if (a.isEmpty()) {
        continue;
      }
      now[0] = now[0].plusSeconds(30);
      String id = who + "-" + a.get().taskId();
      Receipt first = wf.submit(choice(id, a.get().taskId(), who, "cat"));
      assertThat(wf.submit(choice(id, a.get().taskId(), who, "cat"))).isEqualTo(first);
    }
    for (var s : wf.pendingReviews()) {
      if (s.id().startsWith("bob")) {
        wf.reject(s.id(), "rev", "no");
      } else {
        wf.accept(s.id(), "rev");
      }
    }
    Optional<Assignment> held = wf.next(new Annotator("erin", Annotator.Kind.HUMAN));
    assertThat(held).isPresent();
    Optional<Assignment> skipped = wf.next(new Annotator("frank", Annotator.Kind.HUMAN));
    wf.skip("frank", skipped.orElseThrow().taskId());
    now[0] = now[0].plus(Duration.ofMinutes(6));
    assertThat(wf.expireLeases()).isEqualTo(1);
  }

  @Test
  void aScriptGivesTheStateTheInMemoryStoreGives() {
    InMemoryStore memory = InMemoryStore.create();
    script(memory);
    String schema = Stores.freshSchema();
    try (JdbcStore store = Stores.open(schema)) {
      script(store);
      assertThat(dump(store)).isEqualTo(dump(memory));
    }
    try (JdbcStore again = Stores.open(schema)) {
      assertThat(dump(again)).isEqualTo(dump(memory));
    }
  }

  @Test
  void aSchemaNewerThanTheCodeIsRefused() throws Exception {
    String schema = Stores.freshSchema();
    try (JdbcStore store = Stores.open(schema)) {
      Workflow.createProject(store, project());
    }
    try (Connection c = DriverManager.getConnection(PostgresServer.get().url());
        Statement s = c.createStatement()) {
      s.execute(
          "INSERT INTO "
              + schema
              + ".schema_version (version, name, sha256) VALUES ("
              + (JdbcStore.schemaVersion() + 1)
              + ", 'V99__future.sql', 'x')");
    }
    assertThatThrownBy(() -> Stores.open(schema))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("newer than this code knows");
  }

  @Test
  void aChangedMigrationIsRefused() throws Exception {
    String schema = Stores.freshSchema();
    try (JdbcStore store = Stores.open(schema)) {
      Workflow.createProject(store, project());
    }
    try (Connection c = DriverManager.getConnection(PostgresServer.get().url());
        Statement s = c.createStatement()) {
      s.execute("UPDATE " + schema + ".schema_version SET sha256 = 'other' WHERE version = 1");
    }
    assertThatThrownBy(() -> Stores.open(schema))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("sha256 other");
  }

  @Test
  void aVersionOneSchemaIsMigratedToTheLatestKeepingItsRows() throws Exception {
    String schema = Stores.freshSchema();
    InMemoryStore memory = InMemoryStore.create();
    script(memory);
    try (JdbcStore store = Stores.open(schema)) {
      script(store);
    }
    // back to version 1 as it was: the constraints V3 dropped back (the rows must pass them), the
    // table options and the function of V2 gone, the records of both too
    try (Connection c = DriverManager.getConnection(PostgresServer.get().url());
        Statement s = c.createStatement()) {
      for (String constraint : V1_CONSTRAINTS) {
        s.execute("ALTER TABLE " + schema + "." + constraint.replace("{s}", schema));
      }
      s.execute("DELETE FROM " + schema + ".schema_version WHERE version = 3");
      for (String table : List.of("task", "lease", "annotator")) {
        s.execute(
            "ALTER TABLE "
                + schema
                + "."
                + table
                + " RESET (fillfactor, autovacuum_vacuum_scale_factor)");
      }
      s.execute("DROP FUNCTION " + schema + ".conflict(text)");
      s.execute("DELETE FROM " + schema + ".schema_version WHERE version = 2");
    }
    try (JdbcStore again = Stores.open(schema)) {
      assertThat(dump(again)).isEqualTo(dump(memory));
    }
    try (Connection c = DriverManager.getConnection(PostgresServer.get().url());
        Statement s = c.createStatement();
        java.sql.ResultSet rs =
            s.executeQuery(
                "SELECT c.relname, (SELECT string_agg(option_name || '=' || option_value, ','"
                    + " ORDER BY option_name) FROM pg_options_to_table(c.reloptions))"
                    + " FROM pg_class c JOIN pg_namespace n"
                    + " ON n.oid = c.relnamespace WHERE n.nspname = '"
                    + schema
                    + "' AND c.relname IN ('task', 'lease', 'annotator') ORDER BY c.relname")) {
      List<String> options = new java.util.ArrayList<>();
      while (rs.next()) {
        options.add(rs.getString(1) + " " + rs.getString(2));
      }
      assertThat(options)
          .containsExactly(
              "annotator fillfactor=50",
              "lease autovacuum_vacuum_scale_factor=0.05,fillfactor=80",
              "task autovacuum_vacuum_scale_factor=0.02,fillfactor=70");
    }
    assertThat(constraints(schema)).containsExactlyInAnyOrder(KEPT);
  }

  /** The constraints of version 1 that version 3 drops. */
  private static final List<String> V1_CONSTRAINTS =
      List.of(
          "lease ADD FOREIGN KEY (task_id) REFERENCES {s}.task (id)",
          "submission ADD FOREIGN KEY (task_id) REFERENCES {s}.task (id)",
          "submission ADD UNIQUE (seq)",
          "task ADD CHECK (overlap >= 1)",
          "task ADD CHECK (counted >= 0)",
          "task ADD CHECK (pending >= 0)",
          "task ADD CHECK (open_leases >= 0)",
          "task ADD CHECK (gold = (gold_answer IS NOT NULL))",
          "task ADD CHECK (gold OR counted + pending + open_leases <= overlap)",
          "task ADD CHECK (NOT gold OR completed_ns IS NULL)",
          "lease ADD CHECK (expires_ns > granted_ns)",
          "annotator ADD CHECK (assignments >= 0)",
          "annotator ADD CHECK (gold_assignments >= 0)",
          "annotator ADD CHECK (gold_answered >= 0)",
          "annotator ADD CHECK (gold_correct >= 0)");

  /**
   * The constraints of the kinds version 3 drops (checks, foreign keys, unique constraints but
   * keys) that a schema's store has: table and kind of each. Version 3 leaves the project's one-row
   * check and the task's unique sequence number.
   */
  private static List<String> constraints(String schema) throws SQLException {
    try (Connection c = DriverManager.getConnection(PostgresServer.get().url());
        Statement s = c.createStatement();
        java.sql.ResultSet rs =
            s.executeQuery(
                "SELECT t.relname || ' ' || k.contype::text FROM pg_constraint k"
                    + " JOIN pg_class t ON t.oid = k.conrelid"
                    + " JOIN pg_namespace n ON n.oid = t.relnamespace"
                    + " WHERE k.contype IN ('c', 'f', 'u') AND n.nspname = '"
                    + schema
                    + "'")) {
      List<String> out = new java.util.ArrayList<>();
      while (rs.next()) {
        out.add(rs.getString(1));
      }
      return out;
    }
  }

  private static final String[] KEPT = {"project c", "task u"};

  @Test
  void aCountTheRowsLostIsRefusedWithoutTheDroppedChecks() throws Exception {
    String schema = Stores.freshSchema();
    try (JdbcStore store =
        JdbcStore.open(
            PostgresServer.get().url(),
            new Properties(),
            JdbcStore.Options.defaults().withSchema(schema).withMaxAttempts(2))) {
      assertThat(constraints(schema)).containsExactlyInAnyOrder(KEPT);
      Workflow wf = Stores.fillQueue(store, "guards", 2, 2);
      Annotator alice = new Annotator("alice", Annotator.Kind.HUMAN);
      Annotator bob = new Annotator("bob", Annotator.Kind.HUMAN);
      String first = wf.next(alice).orElseThrow().taskId();
      String second = wf.next(bob).orElseThrow().taskId();
      assertThat(second).isEqualTo(first);
      // the rows lose the count of the open leases (as a bug or a hand's edit would)
      try (Connection c = DriverManager.getConnection(PostgresServer.get().url());
          Statement s = c.createStatement()) {
        s.execute("UPDATE " + schema + ".task SET open_leases = 0");
      }
      // ending a lease, or submitting on one, would take the count below zero: refused
      assertThatThrownBy(() -> wf.skip("alice", first))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("after 2 attempts")
          .hasMessageContaining("task " + first + " counts no open lease to end");
      assertThatThrownBy(() -> wf.submit(choice("b1", first, "bob", "cat")))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("after 2 attempts")
          .hasMessageContaining("counts no open lease");
      // and nothing of either was applied
      List<Lease> open = store.read(v -> v.openLeases());
      List<Submission> stored = store.read(v -> v.submissions());
      assertThat(open).extracting(Lease::annotatorId).containsExactlyInAnyOrder("alice", "bob");
      assertThat(stored).isEmpty();
      assertThat(wf.status(first).orElseThrow().openLeases()).isZero();
    }
  }

  @Test
  void eventsThatDoNotFitTheRowsAreRetriedThenRefusedAndLeaveNothingBehind() {
    try (JdbcStore store =
        JdbcStore.open(
            PostgresServer.get().url(),
            new Properties(),
            JdbcStore.Options.defaults().withSchema(Stores.freshSchema()).withMaxAttempts(2))) {
      Workflow.createProject(store, project());
      Workflow wf = Workflow.builder(store).build();
      wf.addTasks(List.of(Task.of(new TextItem("t0", "text"), 2)));
      Instant now = Instant.parse("2026-03-01T09:00:00Z");
      Annotator alice = new Annotator("alice", Annotator.Kind.HUMAN);
      // a grant on no task, the decision's last event: its statement would commit
      Lease nowhere = new Lease("nope", "alice", now, now.plusSeconds(60));
      assertThatThrownBy(() ->
              store.decide(
                  v -> new Decided<>(1, List.of(new StoreEvent.LeaseGranted(nowhere, alice)))))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("after 2 attempts")
          .hasMessageContaining("task nope takes no lease of alice");
      // a submission without a lease: its id would be taken before the lease is found missing
      Submission lost =
          new Submission(
              choice("x1", "t0", "alice", "cat"),
              now,
              0,
              false,
              Submission.GoldOutcome.NOT_GOLD,
              Optional.empty());
      assertThatThrownBy(
              () -> store.decide(v -> new Decided<>(1, List.of(new StoreEvent.Submitted(lost)))))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("after 2 attempts")
          .hasMessageContaining("annotator alice holds no open lease on t0");
      boolean taken = store.read(v -> v.annotationIdTaken("x1"));
      List<Submission> stored = store.read(v -> v.submissions());
      List<Lease> open = store.read(v -> v.openLeases());
      Optional<AnnotatorState> known = store.read(v -> v.annotator("alice"));
      assertThat(taken).isFalse();
      assertThat(stored).isEmpty();
      assertThat(open).isEmpty();
      assertThat(known).isEmpty();
      assertThat(wf.status("t0").orElseThrow().openLeases()).isZero();
    }
  }

  @Test
  void aBadSchemaNameIsRefused() {
    assertThatThrownBy(() -> JdbcStore.Options.defaults().withSchema("Robert'); DROP"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("schema name");
  }
}
