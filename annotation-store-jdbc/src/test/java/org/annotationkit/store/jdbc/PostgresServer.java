package org.annotationkit.store.jdbc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * A real PostgreSQL server for the tests: the one named by the system property {@code ak.pg.url}
 * (your own server: {@code
 * -Dak.pg.url=jdbc:postgresql://localhost:5432/test?user=me&password=...}), or else a temporary
 * cluster of the local PostgreSQL binaries ({@code initdb}, {@code pg_ctl}: Debian's {@code
 * postgresql} package, found under {@code /usr/lib/postgresql/N/bin}, on the {@code PATH}, or in
 * {@code -Dak.pg.bin=DIR}) on a free loopback port, run as the user {@code postgres} when the tests
 * run as root (PostgreSQL refuses root). One server per test JVM.
 */
final class PostgresServer {

  private static @Nullable PostgresServer shared;

  private final String url;
  private final Path bin;
  private final Path data;
  private final int port;
  private final boolean own;
  private final String runAs;

  private PostgresServer(String url, Path bin, Path data, int port, boolean own, String runAs) {
    this.url = url;
    this.bin = bin;
    this.data = data;
    this.port = port;
    this.own = own;
    this.runAs = runAs;
  }

  /** The server of this JVM, started on first use and stopped when the JVM exits. */
  static synchronized PostgresServer get() {
    PostgresServer server = shared;
    if (server == null) {
      String external = System.getProperty("ak.pg.url", "");
      if (!external.isEmpty()) {
        server = new PostgresServer(external, Path.of("."), Path.of("."), -1, false, "");
      } else {
        server = startLocal();
        PostgresServer s = server;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> s.stopQuietly()));
      }
      shared = server;
    }
    return server;
  }

  private Path dir() {
    return data.toAbsolutePath().resolveSibling(".").normalize();
  }

  /** The JDBC URL of the server's database. */
  String url() {
    return url;
  }

  /**
   * The process id of the server's postmaster, when the tests own the server and it runs.
   *
   * @return the pid, or empty
   */
  Optional<Long> pid() {
    if (!own) {
      return Optional.empty();
    }
    try {
      List<String> lines = Files.readAllLines(data.resolve("postmaster.pid"));
      return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.get(0).strip()));
    } catch (IOException | NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** Whether the tests own the server (and so may stop and start it). */
  boolean own() {
    return own;
  }

  private static Path findBin() {
    String given = System.getProperty("ak.pg.bin", "");
    if (!given.isEmpty()) {
      return Path.of(given);
    }
    Path root = Path.of("/usr/lib/postgresql");
    if (Files.isDirectory(root)) {
      try (Stream<Path> versions = Files.list(root)) {
        Optional<Path> newest =
            versions
                .filter(p -> Files.isExecutable(p.resolve("bin/initdb")))
                .max(Comparator.comparingInt(p -> Integer.parseInt(p.getFileName().toString())));
        if (newest.isPresent()) {
          return newest.get().resolve("bin");
        }
      } catch (IOException | NumberFormatException e) {
        // fall through to PATH
      }
    }
    for (String dir : System.getenv().getOrDefault("PATH", "").split(":", -1)) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "initdb"))) {
        return Path.of(dir).toAbsolutePath();
      }
    }
    throw new IllegalStateException(
        "no PostgreSQL server binaries (initdb, pg_ctl) found under /usr/lib/postgresql, on the"
            + " PATH or in -Dak.pg.bin; install Debian's postgresql package (apt-get install"
            + " postgresql), or point -Dak.pg.url at a server of yours");
  }

  private static PostgresServer startLocal() {
    Path bin = findBin();
    boolean root = "root".equals(System.getProperty("user.name"));
    String runAs = root ? "postgres" : "";
    try {
      Path dir = Files.createTempDirectory("ak-pg-");
      Path data = dir.resolve("data");
      Files.createDirectory(data);
      if (root) {
        UserPrincipalLookupService users = dir.getFileSystem().getUserPrincipalLookupService();
        UserPrincipal owner = users.lookupPrincipalByName(runAs);
        Files.setOwner(dir, owner);
        Files.setOwner(data, owner);
      }
      int port;
      try (ServerSocket socket = new ServerSocket(0)) {
        port = socket.getLocalPort();
      }
      PostgresServer server =
          new PostgresServer(
              "jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=postgres",
              bin,
              data,
              port,
              true,
              runAs);
      server.run(
          List.of(
              bin.resolve("initdb").toString(),
              "-D",
              data.toString(),
              "-U",
              "postgres",
              "-A",
              "trust",
              "-E",
              "UTF8",
              "--no-locale",
              "--no-sync"));
      server.start();
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot set up a PostgreSQL cluster", e);
    }
  }

  /** Starts the (stopped) server and waits until it takes connections. */
  void start() {
    requireOwn();
    run(
        List.of(
            bin.resolve("pg_ctl").toString(),
            "-D",
            data.toString(),
            "-l",
            data.resolveSibling("server.log").toString(),
            "-w",
            "-t",
            "60",
            "-o",
            "-p "
                + port
                + " -c listen_addresses=127.0.0.1 -k "
                + dir()
                + " -c max_connections=200 -c shared_buffers=128MB",
            "start"));
  }

  /** Stops the server: {@code fast} ends sessions and checkpoints, {@code immediate} aborts. */
  void stop(String mode) {
    requireOwn();
    run(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", mode, "-w", "stop"));
  }

  private void stopQuietly() {
    try {
      stop("fast");
    } catch (RuntimeException e) {
      // the JVM is exiting
    }
  }

  private void requireOwn() {
    if (!own) {
      throw new IllegalStateException("the server at " + url + " is not the tests' own");
    }
  }

  private void run(List<String> command) {
    List<String> full = new ArrayList<>();
    if (!runAs.isEmpty()) {
      full.addAll(List.of("runuser", "-u", runAs, "--"));
    }
    full.addAll(command);
    try {
      Path log = Files.createTempFile("ak-pg-cmd", ".log");
      Process p =
          new ProcessBuilder(full)
              .directory(dir().toFile())
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
      if (!p.waitFor(120, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IllegalStateException("timed out: " + String.join(" ", full));
      }
      String out = Files.readString(log);
      Files.deleteIfExists(log);
      if (p.exitValue() != 0) {
        throw new IllegalStateException(
            "failed (exit " + p.exitValue() + "): " + String.join(" ", full) + "\n" + out);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot run " + String.join(" ", full), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted: " + String.join(" ", full), e);
    }
  }
}
