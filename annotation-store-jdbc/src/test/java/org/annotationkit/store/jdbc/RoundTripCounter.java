package org.annotationkit.store.jdbc;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A loopback proxy in front of the tests' server that counts the round trips its clients make: the
 * messages after which a PostgreSQL client waits for the server's answer, a {@code Sync} ({@code
 * S}, which ends every extended-protocol exchange, batches included) or a {@code Query} ({@code Q},
 * the simple protocol) with nothing sent after it. It reads the frontend's message framing (a type
 * byte and a length), keeps a trace of the statements, and copies every byte unchanged both ways.
 */
final class RoundTripCounter implements AutoCloseable {

  private static final Pattern HOST_PORT = Pattern.compile("//([^/:?]+):(\\d+)/");
  private static final int SSL_REQUEST = 80877103;
  private static final int GSS_REQUEST = 80877104;

  private final ServerSocket listener;
  private final String url;
  private final String host;
  private final int port;
  private final AtomicLong roundTrips = new AtomicLong();
  private final List<Socket> sockets = new ArrayList<>();

  private RoundTripCounter(String serverUrl) throws IOException {
    Matcher m = HOST_PORT.matcher(serverUrl);
    if (!m.find()) {
      throw new IllegalArgumentException("no host:port in " + serverUrl);
    }
    this.host = m.group(1);
    this.port = Integer.parseInt(m.group(2));
    this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    String proxied =
        serverUrl.substring(0, m.start())
            + "//127.0.0.1:"
            + listener.getLocalPort()
            + "/"
            + serverUrl.substring(m.end());
    this.url = proxied + (proxied.contains("?") ? "&" : "?") + "sslmode=disable&gssEncMode=disable";
    Thread accept = new Thread(this::accept, "round-trip-counter");
    accept.setDaemon(true);
    accept.start();
  }

  /** A counter in front of the server of a JDBC URL ({@code jdbc:postgresql://host:port/...}). */
  static RoundTripCounter before(String serverUrl) throws IOException {
    return new RoundTripCounter(serverUrl);
  }

  /** The URL to connect through the counter. */
  String url() {
    return url;
  }

  /** Round trips so far, of all connections. */
  long roundTrips() {
    return roundTrips.get();
  }

  private void accept() {
    while (!listener.isClosed()) {
      Socket client;
      try {
        client = listener.accept();
      } catch (IOException e) {
        return; // closed
      }
      try {
        Socket server = new Socket(host, port);
        client.setTcpNoDelay(true);
        server.setTcpNoDelay(true);
        synchronized (sockets) {
          sockets.add(client);
          sockets.add(server);
        }
        // when either side ends, so does the other: the client sees the server go
        start(
            () ->
                frontend(
                    new BufferedInputStream(client.getInputStream()),
                    new BufferedOutputStream(server.getOutputStream())),
            client,
            server);
        start(() -> server.getInputStream().transferTo(client.getOutputStream()), client, server);
      } catch (IOException e) {
        // the server is down: the client's connection ends at once, as the server's would
        closeQuietly(client);
      }
    }
  }

  @FunctionalInterface
  private interface Pump {
    void run() throws IOException;
  }

  private static void start(Pump pump, Socket client, Socket server) {
    Thread t =
        new Thread(
            () -> {
              try {
                pump.run();
              } catch (IOException e) {
                // a side closed
              } finally {
                closeQuietly(client);
                closeQuietly(server);
              }
            },
            "round-trip-pump");
    t.setDaemon(true);
    t.start();
  }

  /** Copies the client's messages to the server, counting the ones that end a round trip. */
  private void frontend(InputStream from, OutputStream to) throws IOException {
    DataInputStream in = new DataInputStream(from);
    boolean started = false;
    while (!started) {
      // startup-phase messages have no type byte: a length, then a code
      int length = in.readInt();
      byte[] body = new byte[length - 4];
      in.readFully(body);
      int code =
          ((body[0] & 0xff) << 24) | ((body[1] & 0xff) << 16) | ((body[2] & 0xff) << 8) | body[3];
      writeInt(to, length);
      to.write(body);
      to.flush();
      started = code != SSL_REQUEST && code != GSS_REQUEST;
    }
    while (true) {
      int type = in.read();
      if (type < 0) {
        to.flush();
        return;
      }
      int length = in.readInt();
      byte[] body = new byte[length - 4];
      in.readFully(body);
      if (type == 'P') {
        trace(named(body, 1));
        maybeStop(full(body, 1));
      } else if (type == 'B') {
        trace("bind " + named(body, 1));
      } else if (type == 'Q') {
        trace(named(body, 0));
        maybeStop(full(body, 0));
      }
      if ((type == 'S' || type == 'Q') && in.available() == 0) {
        // the client waits for the answer (a Query followed by more, as the driver's BEGIN, is
        // pipelined: no round trip of its own)
        roundTrips.incrementAndGet();
        trace("--- round trip " + roundTrips.get());
      }
      to.write(type);
      writeInt(to, length);
      to.write(body);
      if (in.available() == 0) {
        to.flush();
      }
    }
  }

  private final List<String> trace = new ArrayList<>();

  private void trace(String line) {
    synchronized (trace) {
      trace.add(line);
      if (trace.size() > 400) {
        trace.remove(0);
      }
    }
  }

  /** The last messages: statements parsed, bound and sent, and the round trips between them. */
  List<String> trace() {
    synchronized (trace) {
      return List.copyOf(trace);
    }
  }

  /** The {@code n}-th (from 0) null-terminated string of a message body, cut at 120. */
  private static String named(byte[] body, int n) {
    String s = full(body, n);
    return s.length() > 120 ? s.substring(0, 120) + "..." : s;
  }

  /** The {@code n}-th (from 0) null-terminated string of a message body. */
  private static String full(byte[] body, int n) {
    int start = 0;
    for (int k = 0; k < n; k++) {
      while (body[start] != 0) {
        start++;
      }
      start++;
    }
    int end = start;
    while (end < body.length && body[end] != 0) {
      end++;
    }
    return new String(body, start, end - start, java.nio.charset.StandardCharsets.UTF_8);
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException e) {
      // closed already
    }
  }

  private volatile @Nullable String stopBefore;
  private volatile @Nullable Runnable stop;

  /**
   * Runs {@code action} once, just before passing on the first statement whose text contains {@code
   * text} (its parse or simple query message), which then goes on to the server as it is.
   */
  void before(String text, Runnable action) {
    this.stop = action;
    this.stopBefore = text;
  }

  private void maybeStop(String statement) {
    String text = stopBefore;
    if (text != null && statement.contains(text)) {
      Runnable action;
      synchronized (this) {
        action = stop;
        stop = null;
        stopBefore = null;
      }
      if (action != null) {
        action.run();
      }
    }
  }

  private static void writeInt(OutputStream out, int v) throws IOException {
    out.write(v >>> 24);
    out.write(v >>> 16);
    out.write(v >>> 8);
    out.write(v);
  }

  @Override
  public void close() throws IOException {
    listener.close();
    synchronized (sockets) {
      for (Socket s : sockets) {
        s.close();
      }
    }
  }
}
