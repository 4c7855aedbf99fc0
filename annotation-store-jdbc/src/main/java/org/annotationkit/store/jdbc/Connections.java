package org.annotationkit.store.jdbc;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Properties;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;

/** Where a store gets its connections: the caller's data source, or a few of its own. */
abstract class Connections implements AutoCloseable {

  /** A connection for one transaction. */
  abstract Connection acquire() throws SQLException;

  /**
   * Gives a connection back.
   *
   * @param broken whether it failed so that it must not be used again
   */
  abstract void release(Connection connection, boolean broken);

  @Override
  public abstract void close();

  /** The caller's data source (their pool): a connection per transaction, closed after it. */
  static Connections of(DataSource dataSource) {
    return new Connections() {
      @Override
      Connection acquire() throws SQLException {
        return dataSource.getConnection();
      }

      @Override
      void release(Connection connection, boolean broken) {
        closeQuietly(connection);
      }

      @Override
      public void close() {}
    };
  }

  /** Connections of a JDBC URL, up to {@code maxIdle} of them kept open between transactions. */
  static Connections of(String url, Properties properties, int maxIdle) {
    return new Pooled(url, properties, maxIdle);
  }

  static void closeQuietly(@Nullable Connection connection) {
    if (connection == null) {
      return;
    }
    try {
      connection.close();
    } catch (SQLException e) {
      // broken already: nothing to close
    }
  }

  /** A small pool: idle connections are reused, broken ones dropped. */
  private static final class Pooled extends Connections {
    private final String url;
    private final Properties properties;
    private final int maxIdle;
    private final ArrayDeque<Connection> idle = new ArrayDeque<>();
    private boolean closed;

    Pooled(String url, Properties properties, int maxIdle) {
      this.url = url;
      this.properties = properties;
      this.maxIdle = maxIdle;
    }

    @Override
    Connection acquire() throws SQLException {
      synchronized (idle) {
        Connection c = idle.pollFirst();
        if (c != null) {
          return c;
        }
      }
      Connection c = DriverManager.getConnection(url, properties);
      c.setAutoCommit(false);
      return c;
    }

    @Override
    void release(Connection connection, boolean broken) {
      if (!broken) {
        synchronized (idle) {
          if (!closed && idle.size() < maxIdle) {
            idle.addFirst(connection);
            return;
          }
        }
      }
      closeQuietly(connection);
    }

    @Override
    public void close() {
      synchronized (idle) {
        closed = true;
        for (Connection c : idle) {
          closeQuietly(c);
        }
        idle.clear();
      }
    }
  }
}
