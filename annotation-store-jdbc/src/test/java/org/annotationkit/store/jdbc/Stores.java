package org.annotationkit.store.jdbc;

import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;

/** Fresh stores on the tests' server, each in a schema of its own. */
final class Stores {
  private Stores() {}

  private static final AtomicInteger COUNT = new AtomicInteger();

  /** A schema name no other test of any JVM uses. */
  static String freshSchema() {
    return "t_" + ProcessHandle.current().pid() + "_" + COUNT.incrementAndGet();
  }

  static JdbcStore open(String schema) {
    return JdbcStore.open(
        PostgresServer.get().url(),
        new Properties(),
        JdbcStore.Options.defaults().withSchema(schema));
  }
}
