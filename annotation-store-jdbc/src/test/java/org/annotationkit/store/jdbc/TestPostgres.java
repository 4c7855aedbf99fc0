package org.annotationkit.store.jdbc;

/**
 * The tests' PostgreSQL server, for the tests of other modules (through this module's test-jar):
 * the server {@code -Dak.pg.url} names, or a throwaway cluster of the local binaries, started on
 * first use and stopped when the JVM exits (see {@link PostgresServer}).
 */
public final class TestPostgres {
  private TestPostgres() {}

  /**
   * The JDBC URL of the server's database, starting the server if need be.
   *
   * @return the URL
   */
  public static String url() {
    return PostgresServer.get().url();
  }

  /**
   * A PostgreSQL schema name that no other test of any JVM uses.
   *
   * @return the name
   */
  public static String freshSchema() {
    return Stores.freshSchema();
  }
}
