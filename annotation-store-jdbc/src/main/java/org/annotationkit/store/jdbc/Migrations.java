package org.annotationkit.store.jdbc;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The store's schema, created and migrated by the store: plain SQL scripts under {@code
 * migrations/}, listed in order in {@code migrations/index.txt}, named {@code V<n>__<what>.sql}.
 * Each applied script is recorded with its SHA-256 in {@code schema_version}; opening checks that
 * the recorded scripts are the ones this code has and refuses a schema newer than it knows.
 */
final class Migrations {
  private Migrations() {}

  /** One script. */
  record Script(int version, String name, String sql, String checksum) {}

  /** The scripts this code knows, in order. */
  static List<Script> scripts() {
    String index = resource("index.txt");
    List<Script> scripts = new ArrayList<>();
    for (String line : index.lines().toList()) {
      String name = line.strip();
      if (name.isEmpty()) {
        continue;
      }
      int version = Integer.parseInt(name.substring(1, name.indexOf("__")));
      if (version != scripts.size() + 1) {
        throw new IllegalStateException("migration " + name + " is out of order in index.txt");
      }
      String sql = resource(name);
      scripts.add(new Script(version, name, sql, sha256(sql)));
    }
    return List.copyOf(scripts);
  }

  /** The newest schema version this code knows. */
  static int latest() {
    return scripts().size();
  }

  /**
   * Whether the schema exists and holds the store's version table: a read in a transaction of its
   * own, which writes nothing.
   */
  static boolean exists(Connection c, String schema) throws SQLException {
    try (PreparedStatement p =
        c.prepareStatement(
            "SELECT EXISTS (SELECT 1 FROM information_schema.tables"
                + " WHERE table_schema = ? AND table_name = 'schema_version')")) {
      p.setString(1, schema);
      try (ResultSet rs = p.executeQuery()) {
        rs.next();
        boolean found = rs.getBoolean(1);
        if (!c.getAutoCommit()) {
          c.commit();
        }
        return found;
      }
    }
  }

  /**
   * Brings a schema to the latest version, in one transaction, under an advisory lock so that
   * processes opening the store at the same time migrate it once.
   *
   * @return the versions applied now (empty when it was up to date)
   */
  static List<Integer> migrate(Connection c, String schema) throws SQLException {
    String quoted = Sql.quote(schema);
    List<Script> scripts = scripts();
    List<Integer> applied = new ArrayList<>();
    boolean autoCommit = c.getAutoCommit();
    c.setAutoCommit(false);
    try {
      try (PreparedStatement lock =
          c.prepareStatement("SELECT pg_advisory_xact_lock(?, hashtext(?))")) {
        lock.setInt(1, 0x416b5374); // "AkSt"
        lock.setString(2, schema);
        lock.execute(); // waits for another opener's migration
      }
      try (Statement s = c.createStatement()) {
        s.execute("CREATE SCHEMA IF NOT EXISTS " + quoted);
        s.execute(
            "CREATE TABLE IF NOT EXISTS "
                + quoted
                + ".schema_version (version integer PRIMARY KEY, name text NOT NULL,"
                + " sha256 text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())");
      }
      List<String[]> recorded = new ArrayList<>();
      try (Statement s = c.createStatement();
          ResultSet rs =
              s.executeQuery(
                  "SELECT version, name, sha256 FROM "
                      + quoted
                      + ".schema_version ORDER BY version")) {
        while (rs.next()) {
          recorded.add(
              new String[] {Integer.toString(rs.getInt(1)), rs.getString(2), rs.getString(3)});
        }
      }
      for (int i = 0; i < recorded.size(); i++) {
        String[] r = recorded.get(i);
        int version = Integer.parseInt(r[0]);
        if (version > scripts.size()) {
          throw new IllegalStateException(
              "the store's schema "
                  + schema
                  + " is at version "
                  + recorded.get(recorded.size() - 1)[0]
                  + ", newer than this code knows (version "
                  + scripts.size()
                  + "); use a newer annotation-store-jdbc");
        }
        Script script = scripts.get(version - 1);
        if (version != i + 1 || !script.name().equals(r[1]) || !script.checksum().equals(r[2])) {
          throw new IllegalStateException(
              "the store's schema "
                  + schema
                  + " records migration "
                  + r[0]
                  + " ("
                  + r[1]
                  + ", sha256 "
                  + r[2]
                  + ") but this code's migration "
                  + script.version()
                  + " is "
                  + script.name()
                  + " with sha256 "
                  + script.checksum());
        }
      }
      for (Script script : scripts.subList(recorded.size(), scripts.size())) {
        try (Statement s = c.createStatement()) {
          s.execute(script.sql().replace("${schema}", quoted));
        }
        try (PreparedStatement p =
            c.prepareStatement(
                "INSERT INTO "
                    + quoted
                    + ".schema_version (version, name, sha256) VALUES (?, ?, ?)")) {
          p.setInt(1, script.version());
          p.setString(2, script.name());
          p.setString(3, script.checksum());
          p.executeUpdate();
        }
        applied.add(script.version());
      }
      c.commit();
      return List.copyOf(applied);
    } catch (SQLException | RuntimeException e) {
      try {
        c.rollback();
      } catch (SQLException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    } finally {
      c.setAutoCommit(autoCommit);
    }
  }

  private static String resource(String name) {
    try (InputStream in = Migrations.class.getResourceAsStream("migrations/" + name)) {
      if (in == null) {
        throw new IllegalStateException("missing migration resource migrations/" + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read migration " + name, e);
    }
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("no SHA-256 in this JDK", e);
    }
  }
}
