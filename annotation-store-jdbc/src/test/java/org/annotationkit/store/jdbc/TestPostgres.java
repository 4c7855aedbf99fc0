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

  /**
   * Whether the tests own the server and so may stop it ({@link #outageBefore}): not when {@code
   * -Dak.pg.url} names one.
   *
   * @return whether they do
   */
  public static boolean canStop() {
    return PostgresServer.get().own();
  }

  /**
   * A way to the server that stops it (a fast shutdown: sessions end, as an administrator's stop or
   * a failover ends them) just before it passes on the first statement whose text contains {@code
   * statement}: a client in the middle of its work loses the server at a known point. Closing the
   * outage closes its connections and starts the server again if it is down.
   *
   * @param statement a part of the statement's SQL text
   * @return the outage, armed
   * @throws IllegalStateException when the tests do not own the server ({@link #canStop()})
   */
  public static Outage outageBefore(String statement) throws java.io.IOException {
    PostgresServer server = PostgresServer.get();
    if (!server.own()) {
      throw new IllegalStateException("the server at " + server.url() + " is not the tests' own");
    }
    return new Outage(server, statement);
  }

  /** A server stop at a statement, through a proxy; see {@link #outageBefore}. */
  public static final class Outage implements AutoCloseable {
    private final PostgresServer server;
    private final RoundTripCounter proxy;
    private final java.util.concurrent.CountDownLatch stopped =
        new java.util.concurrent.CountDownLatch(1);
    private volatile boolean down;

    private Outage(PostgresServer server, String statement) throws java.io.IOException {
      this.server = server;
      this.proxy = RoundTripCounter.before(server.url());
      proxy.before(
          statement,
          () -> {
            down = true;
            try {
              server.stop("fast");
            } finally {
              stopped.countDown();
            }
          });
    }

    /**
     * The JDBC URL through the proxy.
     *
     * @return the URL
     */
    public String url() {
      return proxy.url();
    }

    /**
     * Whether the server was stopped, or is stopping (and was not started again yet).
     *
     * @return whether it is down
     */
    public boolean down() {
      return down;
    }

    /**
     * Starts the stopped server again, once it has stopped, and waits until it takes connections.
     */
    public void restart() {
      if (down) {
        try {
          if (!stopped.await(2, java.util.concurrent.TimeUnit.MINUTES)) {
            throw new IllegalStateException("the server did not stop");
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted while the server stopped", e);
        }
        server.start();
        down = false;
      }
    }

    @Override
    public void close() throws java.io.IOException {
      try {
        restart();
      } finally {
        proxy.close();
      }
    }
  }
}
