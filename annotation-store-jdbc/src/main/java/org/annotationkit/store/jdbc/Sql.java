package org.annotationkit.store.jdbc;

import java.sql.SQLException;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** SQL helpers: schema names, SQL states. */
final class Sql {
  private Sql() {}

  private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

  /** The SQL state of the store's own {@code conflict(message)} function (schema version 2). */
  static final String STORE_CONFLICT = "AKC01";

  /**
   * Serialization failure, deadlock, unique violation, a conflict a statement of the store found:
   * run the decision again.
   */
  private static final Set<String> CONFLICTS = Set.of("40001", "40P01", "23505", STORE_CONFLICT);

  /** Checks a schema name: lower-case letters, digits and underscores, as PostgreSQL folds. */
  static String checkName(String schema) {
    if (!NAME.matcher(schema).matches()) {
      throw new IllegalArgumentException(
          "schema name must be lower-case letters, digits and underscores, 1 to 63 long, not"
              + " starting with a digit; got \""
              + schema
              + "\"");
    }
    return schema;
  }

  /** The schema name as a quoted identifier. */
  static String quote(String schema) {
    return "\"" + checkName(schema) + "\"";
  }

  /** Replaces {@code {s}} with the quoted schema name. */
  static String in(String schema, String sql) {
    return sql.replace("{s}", quote(schema));
  }

  static boolean conflict(SQLException e) {
    return CONFLICTS.contains(state(e));
  }

  /**
   * Whether the connection is gone: connection exceptions (class 08), the server shutting down or
   * crashed (57P01 to 57P03), or an I/O failure without a state.
   */
  static boolean connectionLost(SQLException e) {
    String state = state(e);
    return state.startsWith("08") || state.startsWith("57P");
  }

  static String state(SQLException e) {
    @Nullable String state = e.getSQLState();
    return state == null ? "" : state;
  }
}
