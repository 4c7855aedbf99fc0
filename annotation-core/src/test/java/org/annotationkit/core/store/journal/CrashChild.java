package org.annotationkit.core.store.journal;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The program that {@link JournalCrashTest} and the lock test run in a separate JVM.
 *
 * <ul>
 *   <li>{@code append DIR RUN}: opens the journal, prints {@code ready}, then appends from four
 *       threads forever, printing the sequence number and id of each record once its append is
 *       acknowledged, and takes a snapshot of all ids every 20 ms. Each line is {@code SEQUENCE
 *       ID}.
 *   <li>{@code hold DIR}: opens the journal, prints {@code locked}, and waits for its standard
 *       input to close.
 *   <li>{@code try DIR}: opens and closes the journal, printing {@code opened}, or {@code refused}
 *       and the message when it is locked.
 * </ul>
 */
final class CrashChild {

  private CrashChild() {}

  /** The payload of a record: its id, a space, then filler bytes that only the id determines. */
  static byte[] payload(String id) {
    int length = Math.floorMod(id.hashCode(), 200);
    byte[] filler = new byte[length];
    for (int i = 0; i < length; i++) {
      filler[i] = (byte) (id.hashCode() * 31 + i);
    }
    byte[] head = (id + " ").getBytes(StandardCharsets.UTF_8);
    byte[] payload = Arrays.copyOf(head, head.length + length);
    System.arraycopy(filler, 0, payload, head.length, length);
    return payload;
  }

  /** The id of a payload, checking that the filler is complete and right. */
  static String id(byte[] payload) {
    String text = new String(payload, StandardCharsets.ISO_8859_1);
    int space = text.indexOf(' ');
    if (space < 0) {
      throw new AssertionError("no id in a record of " + payload.length + " bytes");
    }
    String id = text.substring(0, space);
    if (!Arrays.equals(payload(id), payload)) {
      throw new AssertionError("record " + id + " is not whole");
    }
    return id;
  }

  /** The ids a snapshot holds: one per line. */
  static List<String> snapshotIds(byte[] state) {
    String text = new String(state, StandardCharsets.UTF_8);
    return text.isEmpty() ? List.of() : List.of(text.split("\n", -1));
  }

  public static void main(String[] args) throws Exception {
    Path directory = Path.of(args[1]);
    PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
    switch (args[0]) {
      case "hold" -> hold(directory, out);
      case "append" -> append(directory, args[2], out);
      case "try" -> tryOpen(directory, out);
      default -> throw new IllegalArgumentException(args[0]);
    }
  }

  private static void tryOpen(Path directory, PrintStream out) {
    try (Journal journal = Journal.open(directory, JournalReplay.of((c, s) -> {}, (q, p) -> {}))) {
      out.println("opened " + journal.directory());
    } catch (JournalLockedException e) {
      out.println("refused " + e.getMessage());
    }
    out.flush();
  }

  private static void hold(Path directory, PrintStream out) throws IOException {
    try (Journal journal = Journal.open(directory, JournalReplay.of((c, s) -> {}, (q, p) -> {}))) {
      out.println("locked " + journal.directory());
      out.flush();
      while (System.in.read() >= 0) {
        // wait for the parent to close our standard input
      }
    }
  }

  private static void append(Path directory, String run, PrintStream out) throws Exception {
    List<String> state = new ArrayList<>();
    JournalOptions options = JournalOptions.defaults().withSegmentBytes(32 << 10);
    Journal journal =
        Journal.open(
            directory,
            options,
            JournalReplay.of(
                (covered, bytes) -> state.addAll(snapshotIds(bytes)),
                (sequence, payload) -> state.add(id(payload))));
    out.println("ready");
    out.flush();
    for (int t = 0; t < 4; t++) {
      String prefix = run + "." + t + ".";
      Thread appender =
          new Thread(() -> {
            for (long i = 0; ; i++) {
              String id = prefix + i;
              CompletableFuture<Long> acked;
              synchronized (state) {
                state.add(id);
                acked = journal.append(payload(id));
              }
              long sequence = acked.join();
              synchronized (out) {
                out.println(sequence + " " + id);
                out.flush();
              }
            }
          });
      appender.start();
    }
    while (true) {
      Thread.sleep(20);
      long covered;
      String ids;
      synchronized (state) {
        covered = journal.nextSequence();
        ids = String.join("\n", state);
        if (state.size() != covered) {
          throw new AssertionError(state.size() + " ids but " + covered + " records");
        }
      }
      byte[] bytes = ids.getBytes(StandardCharsets.UTF_8);
      journal.snapshot(covered, o -> o.write(bytes));
    }
  }
}
