package org.annotationkit.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.UnaryOperator;

/**
 * One transaction's use of a connection, sparing round trips: the transaction's {@code SET
 * TRANSACTION} goes to the server in the same message as its first statement (the driver sends
 * {@code BEGIN} with it too), and a transaction that sent nothing commits without a round trip.
 * Statements may be several in one text ({@code ;}-separated), sent and answered in one round trip;
 * their parameters are numbered across the whole text.
 */
final class Session {

  private final Connection c;
  private final String schema;
  private final String setTransaction;
  private final UnaryOperator<String> texts;
  private boolean begun;

  /**
   * A transaction on a connection.
   *
   * @param texts a statement's text in the schema ({@code {s}} replaced), made once by the store
   * @param isolation {@code READ COMMITTED} or {@code REPEATABLE READ}
   * @param readOnly whether the transaction is {@code READ ONLY}
   */
  Session(
      Connection c, String schema, UnaryOperator<String> texts, String isolation, boolean readOnly)
      throws SQLException {
    this.c = c;
    this.schema = schema;
    this.texts = texts;
    this.setTransaction =
        "SET TRANSACTION ISOLATION LEVEL "
            + isolation
            + (readOnly ? ", READ ONLY" : ", READ WRITE")
            + "; ";
    if (c.getAutoCommit()) {
      c.setAutoCommit(false);
    }
  }

  Connection connection() {
    return c;
  }

  String schema() {
    return schema;
  }

  /** A statement's text in the schema ({@code {s}} replaced). */
  String text(String text) {
    return texts.apply(text);
  }

  /** Whether a statement went to the server in this transaction (so it has begun there). */
  boolean begun() {
    return begun;
  }

  /** Begins the transaction on the server now, if no statement has yet. */
  void begin() throws SQLException {
    if (!begun) {
      begun = true;
      try (Statement s = c.createStatement()) {
        s.execute(setTransaction);
      }
    }
  }

  /**
   * Prepares statements ({@code {s}} is the schema). Call {@link Statements#execute} to run them:
   * in the transaction's first round trip it runs {@code SET TRANSACTION} first.
   */
  Statements prepare(String text) throws SQLException {
    boolean first = !begun;
    PreparedStatement p = c.prepareStatement(texts.apply(first ? setTransaction + text : text));
    return new Statements(this, p, first);
  }

  /**
   * Runs {@code run} in auto-commit mode, outside the transaction, which must not have begun: for a
   * read whose answer, when it finds nothing, leaves the transaction nothing to do.
   */
  <T> T outside(Outside<T> run) throws SQLException {
    if (begun) {
      throw new IllegalStateException("the transaction has begun");
    }
    c.setAutoCommit(true);
    try {
      return run.run();
    } finally {
      c.setAutoCommit(false);
    }
  }

  /** Work done in auto-commit mode. */
  @FunctionalInterface
  interface Outside<T> {
    T run() throws SQLException;
  }

  /** Statements prepared in a session, run in one round trip. */
  static final class Statements implements AutoCloseable {
    private final Session session;
    private final PreparedStatement p;
    private final boolean first;

    private Statements(Session session, PreparedStatement p, boolean first) {
      this.session = session;
      this.p = p;
      this.first = first;
    }

    /** The statement, to set parameters and, after {@link #execute}, read results. */
    PreparedStatement statement() {
      return p;
    }

    /**
     * Sends the statements and their parameters; then {@link #statement()} is at the first result
     * of the caller's statements ({@code getResultSet()}, {@code getUpdateCount()}, {@code
     * getMoreResults()} for the next).
     */
    void execute() throws SQLException {
      session.begun = true;
      p.execute();
      if (first) {
        // the result of SET TRANSACTION
        boolean unused = p.getMoreResults();
      }
    }

    @Override
    public void close() throws SQLException {
      p.close();
    }
  }
}
