package org.annotationkit.core.store;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.annotationkit.core.store.journal.Journal;
import org.annotationkit.core.store.journal.JournalCorruptedException;
import org.annotationkit.core.store.journal.JournalLockedException;
import org.annotationkit.core.store.journal.JournalOptions;
import org.annotationkit.core.store.journal.JournalRecovery;
import org.annotationkit.core.store.journal.JournalReplay;
import org.jspecify.annotations.Nullable;

/**
 * The durable embedded {@link WorkflowStore}: the state of an {@link InMemoryStore} (the same state
 * and the same checks of every event), made durable by a {@link Journal} in a directory of its own.
 *
 * <p>Each decision's events become one journal record, so they are applied after a crash all
 * together or not at all. {@link #decide} returns only once that record is durable (an {@code
 * fsync} covering it returned; a decision that only grants leases may return sooner if {@link
 * Options#leasesAwaitDurable()} is off); concurrent deciders share {@code fsync}s through the
 * journal's group commit. The state changes in memory as soon as a decision is made, before its
 * record is durable, so a {@link #read} may see a decision whose {@code decide} has not returned
 * yet; later decisions come after it in the journal, so none of them can be acknowledged without
 * it.
 *
 * <p>{@link #open} rebuilds the state from the latest snapshot and the records after it. A snapshot
 * of the whole state is taken every {@link Options#snapshotEvery()} records (and on {@link
 * #snapshot()}), after which the journal drops the records it covers, so opening stays fast.
 *
 * <h2>Encoding, version 1</h2>
 *
 * <p>A record is the UTF-8 JSON object {@code {"store_events": 1, "events": [...]}}, each event an
 * object whose {@code "type"} is one of {@code project_created}, {@code task_added}, {@code
 * priorities_set}, {@code lease_granted}, {@code lease_ended}, {@code submitted}, {@code reviewed},
 * {@code task_completed}, {@code overlap_raised}, {@code annotator_flagged}, {@code
 * annotator_reinstated}, with the event's fields in snake case. Schemas, items and annotations are
 * embedded as core's canonical JSON objects; instants and durations are ISO-8601 strings, money a
 * decimal string, enum values lower case, absent optional values left out. A snapshot is UTF-8 JSON
 * Lines: a header {@code {"store_snapshot": 1, "project": {...}, "tasks": N, "submissions": N,
 * "leases": N, "annotators": N}}, then those many lines of tasks, submissions, open leases and
 * annotators in that order. A reader meeting another version stops with an error. {@code
 * docs/store.md} has the field lists and an example.
 *
 * <p>Errors: a directory open elsewhere raises {@link JournalLockedException} at once; damage
 * raises {@link JournalCorruptedException} naming the file and offset; a record that does not
 * decode or does not fit the state raises {@link IllegalStateException} naming its sequence number.
 *
 * @since 0.1.0
 */
public final class JournalStore implements WorkflowStore {

  private static final System.Logger LOG = System.getLogger(JournalStore.class.getName());

  /**
   * How a journal store writes.
   *
   * <p>{@code leasesAwaitDurable} (true by default) is whether a decision that only grants leases
   * ({@code Workflow.next}) returns only once its record is durable, as every other decision does.
   * When false, such a decision returns as soon as its record is in the journal's queue: every
   * later decision's record comes after it in the journal, so the submission that ends the lease is
   * acknowledged only once the lease is durable too, and half of the {@code fsync}s that a
   * next-and-submit loop waits for are gone. The price: a crash may lose leases granted but not yet
   * followed by an acknowledged decision; after reopening, their tasks are back in the queue and
   * may be handed to the same annotator again, whose submission for the lost lease is refused. No
   * acknowledged submission, review or other decision is ever lost.
   *
   * @param journal the journal's options (group commit, segment size)
   * @param snapshotEvery after how many records since the last snapshot a decision takes a new one,
   *     {@code >= 1}
   * @param leasesAwaitDurable whether a decision that only grants leases waits for its record to be
   *     durable
   * @since 0.1.0
   */
  public record Options(JournalOptions journal, long snapshotEvery, boolean leasesAwaitDurable) {
    /** The default {@link #snapshotEvery()}. */
    public static final long DEFAULT_SNAPSHOT_EVERY = 100_000;

    /** Checks the parts. */
    public Options {
      Objects.requireNonNull(journal, "journal");
      if (snapshotEvery < 1) {
        throw new IllegalArgumentException("snapshotEvery must be >= 1, got " + snapshotEvery);
      }
    }

    /**
     * Options whose lease grants wait for durability, as every decision does.
     *
     * @param journal the journal's options
     * @param snapshotEvery the snapshot interval, {@code >= 1}
     */
    public Options(JournalOptions journal, long snapshotEvery) {
      this(journal, snapshotEvery, true);
    }

    /**
     * The journal's default options, a snapshot every {@value #DEFAULT_SNAPSHOT_EVERY} records.
     *
     * @return the options
     */
    public static Options defaults() {
      return new Options(JournalOptions.defaults(), DEFAULT_SNAPSHOT_EVERY);
    }

    /**
     * A copy with another snapshot interval.
     *
     * @param records the interval, {@code >= 1}
     * @return the options
     */
    public Options withSnapshotEvery(long records) {
      return new Options(journal, records, leasesAwaitDurable);
    }

    /**
     * A copy in which decisions that only grant leases do, or do not, wait for their record to be
     * durable (see {@link Options}).
     *
     * @param await whether they wait
     * @return the options
     */
    public Options withLeasesAwaitDurable(boolean await) {
      return new Options(journal, snapshotEvery, await);
    }
  }

  private final Journal journal;
  private final InMemoryStore memory;
  private final Options options;

  // Per store on purpose: the commit hook hands the future of this store's append to the decide()
  // call on the same thread, which removes it in a finally block, so nothing outlives the call.
  @SuppressWarnings("ThreadLocalUsage")
  private final ThreadLocal<@Nullable Pending> pending = new ThreadLocal<>();

  /** A decision's record in the journal, and whether its decider must wait for it. */
  private record Pending(CompletableFuture<Long> durable, boolean await) {}

  private final AtomicLong sinceSnapshot;
  private final AtomicBoolean snapshotting = new AtomicBoolean();
  private final AtomicBoolean closed = new AtomicBoolean();

  private JournalStore(
      Journal journal, InMemoryStore.State state, long sinceSnapshot, Options options) {
    this.journal = journal;
    this.options = options;
    this.sinceSnapshot = new AtomicLong(sinceSnapshot);
    this.memory = InMemoryStore.resume(state, this::append);
  }

  /**
   * Opens the store in {@code directory} with the default options, creating it when missing.
   *
   * @param directory the store's own directory
   * @return the open store, which the caller must close
   * @throws JournalLockedException if another process, or this one, has the store open
   * @throws JournalCorruptedException if a file is damaged other than by a torn last write
   * @throws IllegalStateException if a record does not decode or does not fit the state
   * @throws java.io.UncheckedIOException if the directory cannot be read or written
   */
  public static JournalStore open(Path directory) {
    return open(directory, Options.defaults());
  }

  /**
   * Opens the store in {@code directory}, creating it when missing.
   *
   * @param directory the store's own directory
   * @param options how to write
   * @return the open store, which the caller must close
   * @throws JournalLockedException if another process, or this one, has the store open
   * @throws JournalCorruptedException if a file is damaged other than by a torn last write
   * @throws IllegalStateException if a record does not decode or does not fit the state
   * @throws java.io.UncheckedIOException if the directory cannot be read or written
   */
  public static JournalStore open(Path directory, Options options) {
    Objects.requireNonNull(directory, "directory");
    Objects.requireNonNull(options, "options");
    Rebuild rebuild = new Rebuild(directory);
    Journal journal = Journal.open(directory, options.journal(), rebuild);
    long since = journal.recovery().nextSequence() - rebuild.covered;
    return new JournalStore(journal, rebuild.state, since, options);
  }

  /** Rebuilds the state while the journal opens. */
  private static final class Rebuild implements JournalReplay {
    final Path directory;
    InMemoryStore.State state = new InMemoryStore.State();
    long covered;

    Rebuild(Path directory) {
      this.directory = directory;
    }

    @Override
    public void snapshot(long coveredRecords, byte[] bytes) {
      try {
        state = StoreSnapshot.read(bytes);
      } catch (StoreJson.BadJson | IllegalStateException e) {
        throw new IllegalStateException(
            "the snapshot of "
                + coveredRecords
                + " records in "
                + directory
                + " is unreadable: "
                + e.getMessage(),
            e);
      }
      covered = coveredRecords;
    }

    @Override
    public void record(long sequence, byte[] payload) {
      List<StoreEvent> events;
      try {
        events = StoreJson.readRecord(new String(payload, StandardCharsets.UTF_8));
      } catch (StoreJson.BadJson e) {
        throw new IllegalStateException(
            "record "
                + sequence
                + " of the store in "
                + directory
                + " does not decode: "
                + e.getMessage(),
            e);
      }
      for (int i = 0; i < events.size(); i++) {
        StoreEvent event = events.get(i);
        try {
          state.apply(event);
        } catch (IllegalStateException | IllegalArgumentException e) {
          throw new IllegalStateException(
              "event "
                  + i
                  + " ("
                  + event.getClass().getSimpleName()
                  + ") of record "
                  + sequence
                  + " of the store in "
                  + directory
                  + " does not fit the state before it: "
                  + e.getMessage(),
              e);
        }
      }
    }
  }

  /** The commit hook: runs under the in-memory store's lock, before the events are applied. */
  private void append(List<StoreEvent> events) {
    byte[] record = StoreJson.record(events).getBytes(StandardCharsets.UTF_8);
    boolean await = options.leasesAwaitDurable() || !onlyGrants(events);
    pending.set(new Pending(journal.append(record), await));
  }

  private static boolean onlyGrants(List<StoreEvent> events) {
    for (StoreEvent event : events) {
      if (!(event instanceof StoreEvent.LeaseGranted)) {
        return false;
      }
    }
    return true;
  }

  @Override
  public <T> T decide(Decision<T> decision) {
    Objects.requireNonNull(decision, "decision");
    T result;
    Pending durable;
    try {
      result = memory.decide(decision);
    } finally {
      durable = pending.get();
      pending.remove();
    }
    if (durable != null) {
      if (durable.await()) {
        awaitDurable(durable.durable());
      }
      if (sinceSnapshot.incrementAndGet() >= options.snapshotEvery()) {
        maybeSnapshot();
      }
    }
    return result;
  }

  /**
   * {@inheritDoc}
   *
   * <p>Each decision's events become one journal record as soon as it is made, without waiting for
   * the record to be durable; the call then waits once for the last of them, so the journal's group
   * commit makes them durable with as few {@code fsync}s as it can. After a crash, the records of a
   * prefix of the applied decisions survive, each whole or not at all.
   *
   * @throws IllegalStateException if the store is closed, or its journal failed (then the applied
   *     decisions may be lost: acknowledge none of them)
   */
  @Override
  public <T> List<Outcome<T>> decideEach(List<? extends Decision<T>> decisions) {
    requireOpen();
    List<Outcome<T>> outcomes = new ArrayList<>(decisions.size());
    List<CompletableFuture<Long>> records = new ArrayList<>();
    for (Decision<T> decision : decisions) {
      Objects.requireNonNull(decision, "decision");
      try {
        outcomes.add(new Outcome.Applied<>(memory.decide(decision)));
      } catch (RuntimeException e) {
        if (closed.get()) {
          throw e;
        }
        outcomes.add(new Outcome.Refused<>(e));
      } finally {
        Pending durable = pending.get();
        pending.remove();
        if (durable != null) {
          records.add(durable.durable());
        }
      }
    }
    for (CompletableFuture<Long> durable : records) {
      awaitDurable(durable);
    }
    if (!records.isEmpty() && sinceSnapshot.addAndGet(records.size()) >= options.snapshotEvery()) {
      maybeSnapshot();
    }
    return List.copyOf(outcomes);
  }

  private void awaitDurable(CompletableFuture<Long> durable) {
    try {
      durable.join();
    } catch (CompletionException e) {
      Throwable cause = e.getCause();
      throw new IllegalStateException(
          "the store's journal in "
              + journal.directory()
              + " failed; the decision may be lost: "
              + (cause == null ? e.getMessage() : cause.getMessage()),
          cause == null ? e : cause);
    }
  }

  private void maybeSnapshot() {
    if (!snapshotting.compareAndSet(false, true)) {
      return;
    }
    try {
      if (sinceSnapshot.get() >= options.snapshotEvery() && !closed.get()) {
        snapshotNow();
      }
    } finally {
      snapshotting.set(false);
    }
  }

  /**
   * Takes a snapshot of the whole state now and lets the journal drop the records it covers, so
   * that the next {@link #open} reads the snapshot and nothing more. Decisions wait while the state
   * is copied, not while it is written.
   *
   * @throws IllegalStateException if the store is closed
   * @throws java.io.UncheckedIOException if the snapshot cannot be written
   */
  public void snapshot() {
    requireOpen();
    snapshotNow();
  }

  private void snapshotNow() {
    // A carrier of the snapshot's bytes from under the lock to the write; never compared or hashed.
    @SuppressWarnings("ArrayRecordComponent")
    record Taken(byte[] bytes, long covered, long since) {}
    Taken taken =
        memory.underLock(state ->
            new Taken(StoreSnapshot.write(state), journal.nextSequence(), sinceSnapshot.get()));
    journal.snapshot(taken.covered(), out -> out.write(taken.bytes()));
    sinceSnapshot.addAndGet(-taken.since());
    LOG.log(
        System.Logger.Level.DEBUG,
        "snapshot of {0} records ({1} bytes) in {2}",
        taken.covered(),
        taken.bytes().length,
        journal.directory());
  }

  @Override
  public <T> T read(Function<StoreView, T> query) {
    requireOpen();
    return memory.read(query);
  }

  /**
   * What opening found: the records replayed, and a torn tail that was cut off.
   *
   * @return the journal's recovery report
   */
  public JournalRecovery recovery() {
    return journal.recovery();
  }

  /**
   * The store's directory.
   *
   * @return the directory
   */
  public Path directory() {
    return journal.directory();
  }

  private void requireOpen() {
    if (closed.get()) {
      throw new IllegalStateException("the store in " + journal.directory() + " is closed");
    }
  }

  /** Closes the store and its journal (waiting for the records appended so far); twice is fine. */
  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      memory.close();
      journal.close();
    }
  }

  @Override
  public String toString() {
    return "JournalStore[" + journal.directory() + "]";
  }
}
