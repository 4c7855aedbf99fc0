package org.annotationkit.core.store.journal;

import com.google.errorprone.annotations.CanIgnoreReturnValue;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;
import java.util.zip.CRC32C;
import org.annotationkit.core.internal.IoProblems;
import org.annotationkit.core.io.AtomicFiles;
import org.jspecify.annotations.Nullable;

/**
 * A durable, append-only journal of opaque records in a directory of its own, with group commit,
 * crash recovery and snapshots. The on-disk format is described in the {@linkplain
 * org.annotationkit.core.store.journal package documentation}.
 *
 * <p>{@link #open} locks the directory, loads the latest snapshot and replays every record after it
 * to a {@link JournalReplay}, cutting off a torn last record that a crash left behind. Then {@link
 * #append(byte[])} adds records: each is acknowledged (its future completes with its sequence
 * number) only once an {@code fsync} covering it has returned, so an acknowledged record survives a
 * crash of the process or the machine. One writer thread writes the records of all appenders in
 * batches, one {@code fsync} per batch (see {@link JournalOptions}).
 *
 * <p>{@link #snapshot} saves the owner's state, covering the records before a given sequence
 * number, starts a new segment file and deletes the segments that the snapshot made unnecessary, so
 * that opening stays fast however long the journal has run.
 *
 * <p>Thread-safe: any number of threads may append at once. The futures complete on the writer
 * thread, so actions chained to them without an executor run there and delay every later batch:
 * keep them short, or use the {@code *Async} methods. From such an action, {@link #append} works
 * but {@link #appendAndWait}, {@link #snapshot} and {@link #close} throw, as they would wait for
 * the thread they run on.
 *
 * @since 0.1.0
 */
public final class Journal implements AutoCloseable {

  private static final System.Logger LOG = System.getLogger(Journal.class.getName());

  /**
   * The directories (real paths) of the journals open in this JVM. POSIX file locks belong to the
   * process, and closing any channel of a locked file releases them: so a second opener in this JVM
   * must be turned away before it opens the lock file at all.
   */
  private static final Set<Path> OPEN_HERE = ConcurrentHashMap.newKeySet();

  private final Path directory;
  private final Path realDirectory;
  private final JournalOptions options;
  private final JournalRecovery recovery;
  private final FileChannel lockChannel;
  private final FileLock lock;
  private final Thread writer;

  /** Guards the queue and the fields below it. */
  private final ReentrantLock queueLock = new ReentrantLock();

  private final Condition notEmpty = queueLock.newCondition();
  private final Condition notFull = queueLock.newCondition();
  private final ArrayDeque<Request> queue = new ArrayDeque<>();
  private long pendingBytes;

  /**
   * How many queued requests make the writer want waking: one while it waits for any, more while it
   * gathers a batch, so that appenders do not wake it once per record.
   */
  private int wakeAt = 1;

  private long nextSequence;
  private boolean closing;
  private @Nullable Throwable failure;

  /** The segment files, by the sequence number of their first record; the last is being written. */
  private final ConcurrentSkipListMap<Long, Path> segments;

  /** Used by the writer thread alone. */
  private FileChannel active;

  private long activeFirst;
  private long written;
  private long activeSize;

  /**
   * The size of the active segment file: {@link #activeSize} bytes of header and records, then zero
   * bytes written ahead so that a batch's {@code fdatasync} need not change the file's size.
   */
  private long allocated;

  private ByteBuffer buffer = ByteBuffer.allocateDirect(1 << 16);

  /**
   * How many zero bytes the writer puts after the records when a batch reaches the end of those it
   * wrote before (fewer near the segment's size limit).
   */
  private static final long PREALLOCATION_BYTES = 4L << 20;

  /** The fewest zero bytes written ahead at a time, while the segment is small. */
  private static final long MIN_PREALLOCATION_BYTES = 64L << 10;

  private static final long PAGE_BYTES = 4096;

  /** The longest the writer waits for the appenders of its last batch to come back: 2 ms. */
  private static final long MAX_GATHER_NANOS = 2_000_000;

  /** Zero bytes, written ahead of the records. */
  private static final ByteBuffer ZEROS = ByteBuffer.allocateDirect(1 << 16).asReadOnlyBuffer();

  /** How many records are durable. */
  private volatile long durable;

  /** Serialises snapshots; guards {@link #snapshotRecords}. */
  private final ReentrantLock snapshotLock = new ReentrantLock();

  private long snapshotRecords;

  /** Guards {@link #closed}: a second {@link #close()} waits for the first and does nothing. */
  private final Object closeGuard = new Object();

  private boolean closed;

  private sealed interface Request permits Append, Roll {}

  // A queued write, handed from the caller to the writer thread; never compared or hashed.
  @SuppressWarnings("ArrayRecordComponent")
  private record Append(byte[] payload, int crc, long sequence, CompletableFuture<Long> done)
      implements Request {
    long frameBytes() {
      return (long) payload.length + JournalFormat.FRAME_HEADER_BYTES;
    }
  }

  private record Roll(CompletableFuture<Void> done) implements Request {}

  private Journal(
      Path directory,
      Path realDirectory,
      JournalOptions options,
      FileChannel lockChannel,
      FileLock lock,
      Recovered recovered) {
    this.directory = directory;
    this.realDirectory = realDirectory;
    this.options = options;
    this.lockChannel = lockChannel;
    this.lock = lock;
    this.recovery = recovered.report;
    this.segments = recovered.segments;
    this.active = recovered.active;
    this.activeFirst = recovered.segments.lastKey();
    this.activeSize = recovered.activeSize;
    this.allocated = recovered.allocated;
    this.written = recovered.report.nextSequence();
    this.nextSequence = written;
    this.durable = written;
    this.snapshotRecords = recovered.report.snapshotRecords();
    this.writer = new Thread(this::runWriter, "journal-writer " + directory);
    writer.setDaemon(true);
    writer.start();
  }

  /**
   * Opens the journal in {@code directory} with the {@linkplain JournalOptions#defaults() default
   * options}, creating it if it does not exist.
   *
   * @param directory the journal's own directory (created with its parents when missing)
   * @param replay receives the latest snapshot and every record after it
   * @return the open journal, which the caller must close
   * @throws JournalLockedException if another process, or this one, has the journal open
   * @throws JournalCorruptedException if a file is damaged other than by a torn last write
   * @throws UncheckedIOException if the directory or its files cannot be read or written
   */
  public static Journal open(Path directory, JournalReplay replay) {
    return open(directory, JournalOptions.defaults(), replay);
  }

  /**
   * Opens the journal in {@code directory}, creating it if it does not exist.
   *
   * <p>The opening locks the directory's lock file, loads the latest snapshot into {@code replay},
   * then replays every later record. A last record that a crash left incomplete (a frame cut short,
   * or a checksum that fails, with no valid frame after it) is cut off, logged as a warning with
   * its file and offset, and reported in {@link #recovery()}; it was never acknowledged. Damage
   * anywhere else is a {@link JournalCorruptedException}.
   *
   * @param directory the journal's own directory (created with its parents when missing)
   * @param options how to batch and bound writes
   * @param replay receives the latest snapshot and every record after it
   * @return the open journal, which the caller must close
   * @throws JournalLockedException if another process, or this one, has the journal open
   * @throws JournalCorruptedException if a file is damaged other than by a torn last write
   * @throws UncheckedIOException if the directory or its files cannot be read or written
   */
  public static Journal open(Path directory, JournalOptions options, JournalReplay replay) {
    Objects.requireNonNull(directory, "directory");
    Objects.requireNonNull(options, "options");
    Objects.requireNonNull(replay, "replay");
    try {
      Files.createDirectories(directory);
    } catch (IOException e) {
      throw IoProblems.failure("create", directory, e);
    }
    Path realDirectory;
    try {
      realDirectory = directory.toRealPath();
    } catch (IOException e) {
      throw IoProblems.failure("open", directory, e);
    }
    Path lockFile = directory.resolve(JournalFormat.LOCK_FILE);
    if (!OPEN_HERE.add(realDirectory)) {
      throw new JournalLockedException(
          directory,
          "the journal "
              + directory
              + " is already open in this process (its lock file "
              + lockFile
              + " is held): close the other Journal first");
    }
    FileChannel lockChannel;
    try {
      lockChannel =
          FileChannel.open(
              lockFile,
              StandardOpenOption.CREATE,
              StandardOpenOption.READ,
              StandardOpenOption.WRITE);
    } catch (IOException e) {
      OPEN_HERE.remove(realDirectory);
      throw IoProblems.failure("open", lockFile, e);
    }
    FileLock lock = null;
    try {
      lock = acquire(directory, lockFile, lockChannel);
      Recovered recovered = recover(directory, replay);
      return new Journal(directory, realDirectory, options, lockChannel, lock, recovered);
    } catch (RuntimeException | Error e) {
      releaseQuietly(lock, lockChannel, e);
      OPEN_HERE.remove(realDirectory);
      throw e;
    }
  }

  private static FileLock acquire(Path directory, Path lockFile, FileChannel channel) {
    FileLock lock;
    try {
      lock = channel.tryLock();
    } catch (OverlappingFileLockException e) {
      throw new JournalLockedException(
          directory,
          "the journal "
              + directory
              + " is locked by other code in this process (its lock file "
              + lockFile
              + " is held)");
    } catch (IOException e) {
      throw IoProblems.failure("lock", lockFile, e);
    }
    if (lock == null) {
      String holder = "";
      try {
        String pid = Files.readString(lockFile, StandardCharsets.US_ASCII).strip();
        if (!pid.isEmpty() && pid.chars().allMatch(Character::isDigit)) {
          holder = " (process " + pid + ")";
        }
      } catch (IOException | RuntimeException unreadable) {
        // the holder's id is a courtesy; the message is clear without it
      }
      throw new JournalLockedException(
          directory,
          "the journal "
              + directory
              + " is open in another process"
              + holder
              + ": its lock file "
              + lockFile
              + " is held, and a journal has one owner at a time");
    }
    try {
      channel.truncate(0);
      channel.write(
          ByteBuffer.wrap(
              (ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)),
          0);
    } catch (IOException e) {
      throw IoProblems.failure("write", lockFile, e);
    }
    return lock;
  }

  @SuppressWarnings("EmptyCatch")
  private static void releaseQuietly(@Nullable FileLock lock, FileChannel channel, Throwable e) {
    try {
      if (lock != null) {
        lock.release();
      }
      channel.close();
    } catch (IOException | RuntimeException suppressed) {
      e.addSuppressed(suppressed);
    }
  }

  /** The state that recovery hands to the constructor. */
  private record Recovered(
      JournalRecovery report,
      ConcurrentSkipListMap<Long, Path> segments,
      FileChannel active,
      long activeSize,
      long allocated) {}

  private static Recovered recover(Path directory, JournalReplay replay) {
    TreeMap<Long, Path> segmentFiles = new TreeMap<>();
    TreeMap<Long, Path> snapshotFiles = new TreeMap<>();
    List<Path> temporary = new ArrayList<>();
    try (Stream<Path> files = Files.list(directory)) {
      for (Path file : (Iterable<Path>) files::iterator) {
        String name = file.getFileName().toString();
        OptionalLong segment = JournalFormat.segmentNumber(name);
        OptionalLong snapshot = JournalFormat.snapshotNumber(name);
        if (segment.isPresent()) {
          segmentFiles.put(segment.getAsLong(), file);
        } else if (snapshot.isPresent()) {
          snapshotFiles.put(snapshot.getAsLong(), file);
        } else if (JournalFormat.isTemporary(name)) {
          temporary.add(file);
        }
      }
    } catch (IOException e) {
      throw IoProblems.failure("list", directory, e);
    }
    for (Path file : temporary) {
      delete(file, "an unfinished file from a write that a crash interrupted");
    }

    long covered = 0;
    byte @Nullable [] state = null;
    Map.Entry<Long, Path> latest = snapshotFiles.lastEntry();
    if (latest != null) {
      covered = latest.getKey();
      state = readSnapshot(directory, latest.getValue(), covered);
      for (Path older : snapshotFiles.headMap(covered).values()) {
        delete(older, "a snapshot replaced by " + latest.getValue().getFileName());
      }
    }

    if (segmentFiles.isEmpty()) {
      if (latest != null) {
        throw new JournalCorruptedException(
            directory,
            directory.resolve(JournalFormat.segmentName(covered)),
            0,
            "the file is missing: the snapshot "
                + latest.getValue().getFileName()
                + " is continued by a segment that starts at or before record "
                + covered
                + ", and there is none");
      }
      Path first = directory.resolve(JournalFormat.segmentName(0));
      createSegment(directory, first, 0);
      segmentFiles.put(0L, first);
    }
    Long start = latest == null ? segmentFiles.firstKey() : segmentFiles.floorKey(covered);
    if (start == null || (latest == null && start != 0)) {
      long first = segmentFiles.firstKey();
      throw new JournalCorruptedException(
          directory,
          segmentFiles.firstEntry().getValue(),
          0,
          "records "
              + covered
              + " to "
              + (first - 1)
              + " are missing: the oldest segment starts at record "
              + first
              + (latest == null
                  ? " and there is no snapshot"
                  : " and the snapshot " + latest.getValue().getFileName() + " ends before it"));
    }
    for (Path obsolete : new ArrayList<>(segmentFiles.headMap(start).values())) {
      delete(obsolete, "a segment before the snapshot");
    }
    ConcurrentSkipListMap<Long, Path> kept =
        new ConcurrentSkipListMap<>(segmentFiles.tailMap(start));

    if (state != null) {
      replay.snapshot(covered, state);
    }
    long expected = start;
    long replayed = 0;
    Optional<JournalRecovery.TornTail> torn = Optional.empty();
    long lastKey = kept.lastKey();
    FileChannel active = null;
    long activeSize = 0;
    long allocated = 0;
    try {
      for (Map.Entry<Long, Path> entry : kept.entrySet()) {
        long first = entry.getKey();
        Path file = entry.getValue();
        if (first != expected) {
          throw new JournalCorruptedException(
              directory,
              file,
              0,
              "the segment starts at record "
                  + first
                  + " but the one before it ends before record "
                  + expected
                  + (first > expected ? ": a segment is missing" : ": segments overlap"));
        }
        boolean last = first == lastKey;
        FileChannel channel =
            last
                ? FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)
                : FileChannel.open(file, StandardOpenOption.READ);
        boolean keepOpen = false;
        try {
          SegmentReader.Result result =
              SegmentReader.read(directory, file, channel, first, covered, replay);
          replayed += Math.max(0, Math.min(result.records(), first + result.records() - covered));
          expected = first + result.records();
          if (!result.problem().isEmpty()) {
            if (!last) {
              throw new JournalCorruptedException(
                  directory,
                  file,
                  result.validEnd(),
                  result.problem()
                      + "; this segment was complete and durable before the next one began");
            }
            long valid = SegmentReader.findValidFrame(channel, result.validEnd(), result.size());
            if (valid >= 0) {
              throw new JournalCorruptedException(
                  directory,
                  file,
                  result.validEnd(),
                  result.problem()
                      + "; a valid record follows at byte offset "
                      + valid
                      + ", so this is damage, not a torn last write");
            }
            long dropped = result.size() - result.validEnd();
            channel.truncate(result.validEnd());
            channel.force(true);
            torn = Optional.of(new JournalRecovery.TornTail(file, result.validEnd(), dropped));
            LOG.log(
                Level.WARNING,
                () ->
                    "journal "
                        + directory
                        + ": dropped a torn last record in "
                        + file.getFileName()
                        + " at byte offset "
                        + result.validEnd()
                        + " ("
                        + dropped
                        + " bytes: "
                        + result.problem()
                        + "); it had not been acknowledged");
          }
          if (last) {
            active = channel;
            activeSize = result.validEnd();
            allocated = channel.size();
            keepOpen = true;
          }
        } finally {
          if (!keepOpen) {
            channel.close();
          }
        }
      }
    } catch (IOException e) {
      closeQuietly(active);
      throw IoProblems.failure("read", directory, e);
    } catch (RuntimeException | Error e) {
      closeQuietly(active);
      throw e;
    }
    if (expected < covered) {
      closeQuietly(active);
      throw new JournalCorruptedException(
          directory,
          kept.lastEntry().getValue(),
          activeSize,
          "the journal ends at record "
              + expected
              + " but the snapshot "
              + Objects.requireNonNull(latest).getValue().getFileName()
              + " covers "
              + covered
              + " records");
    }
    if (active == null) {
      throw new IllegalStateException("no active segment in " + directory);
    }
    JournalRecovery report =
        new JournalRecovery(latest == null ? 0 : covered, replayed, kept.size(), torn);
    return new Recovered(report, kept, active, activeSize, allocated);
  }

  @SuppressWarnings("EmptyCatch")
  private static void closeQuietly(@Nullable FileChannel channel) {
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException ignored) {
        // the failure on its way is the one worth reporting
      }
    }
  }

  private static byte[] readSnapshot(Path directory, Path file, long covered) {
    long size;
    try {
      size = Files.size(file);
    } catch (IOException e) {
      throw IoProblems.failure("read", file, e);
    }
    int overhead = JournalFormat.SNAPSHOT_HEADER_BYTES + JournalFormat.SNAPSHOT_TRAILER_BYTES;
    if (size < overhead) {
      throw new JournalCorruptedException(
          directory,
          file,
          0,
          "the file has " + size + " bytes, fewer than the " + overhead + " of an empty snapshot");
    }
    if (size - overhead > Integer.MAX_VALUE - 16) {
      throw new IllegalStateException(
          "cannot load the snapshot "
              + file
              + ": its "
              + (size - overhead)
              + " bytes of state are more than a Java array holds");
    }
    try (InputStream in = Files.newInputStream(file)) {
      byte[] header = in.readNBytes(JournalFormat.SNAPSHOT_HEADER_BYTES);
      byte[] state = in.readNBytes((int) (size - overhead));
      byte[] trailer = in.readNBytes(JournalFormat.SNAPSHOT_TRAILER_BYTES);
      if (trailer.length != JournalFormat.SNAPSHOT_TRAILER_BYTES) {
        throw new IOException("the file shrank while it was read");
      }
      ByteBuffer head = ByteBuffer.wrap(header).order(ByteOrder.BIG_ENDIAN);
      int magic = head.getInt();
      if (magic != JournalFormat.SNAPSHOT_MAGIC) {
        throw new JournalCorruptedException(
            directory,
            file,
            0,
            String.format(
                Locale.ROOT,
                "not a journal snapshot: expected magic 0x%08X (\"AKJS\"), found 0x%08X",
                JournalFormat.SNAPSHOT_MAGIC,
                magic));
      }
      int version = Short.toUnsignedInt(head.getShort());
      if (version != JournalFormat.VERSION) {
        throw new JournalCorruptedException(
            directory,
            file,
            4,
            "unsupported format version "
                + version
                + ", this code reads version "
                + JournalFormat.VERSION);
      }
      head.getShort();
      long headerCovered = head.getLong();
      ByteBuffer tail = ByteBuffer.wrap(trailer).order(ByteOrder.BIG_ENDIAN);
      long length = tail.getLong();
      int stored = tail.getInt();
      CRC32C crc = new CRC32C();
      crc.update(header);
      crc.update(state);
      crc.update(trailer, 0, 8);
      int computed = (int) crc.getValue();
      long trailerOffset = size - JournalFormat.SNAPSHOT_TRAILER_BYTES;
      if (length != state.length) {
        throw new JournalCorruptedException(
            directory,
            file,
            trailerOffset,
            "the trailer gives a state of " + length + " bytes, the file holds " + state.length);
      }
      if (stored != computed) {
        throw new JournalCorruptedException(
            directory,
            file,
            trailerOffset + 8,
            String.format(
                Locale.ROOT,
                "snapshot checksum mismatch: stored 0x%08X, computed 0x%08X",
                stored,
                computed));
      }
      if (headerCovered != covered) {
        throw new JournalCorruptedException(
            directory,
            file,
            8,
            "the header says the snapshot covers "
                + headerCovered
                + " records but the file name says "
                + covered);
      }
      return state;
    } catch (IOException e) {
      throw IoProblems.failure("read", file, e);
    }
  }

  private static void createSegment(Path directory, Path file, long firstSequence) {
    byte[] header = JournalFormat.segmentHeader(firstSequence);
    AtomicFiles.write(file, out -> out.write(header));
    syncDirectory(directory);
  }

  private static void delete(Path file, String why) {
    try {
      if (Files.deleteIfExists(file)) {
        LOG.log(Level.DEBUG, () -> "journal: deleted " + file + ", " + why);
      }
    } catch (IOException e) {
      throw IoProblems.failure("delete", file, e);
    }
  }

  /** Makes the directory's entries durable: a created, renamed or deleted file. */
  private static void syncDirectory(Path directory) {
    if (System.getProperty("os.name", "").startsWith("Windows")) {
      return; // Windows cannot open a directory as a file; NTFS journals its metadata itself
    }
    try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException e) {
      throw IoProblems.failure("sync", directory, e);
    }
  }

  /**
   * Appends a record. It is acknowledged once durable: the future completes with the record's
   * sequence number after an {@code fsync} covering it has returned, or exceptionally with an
   * {@link UncheckedIOException} if it could not be written (after which the journal accepts
   * nothing more). Records are written in the order their {@code append} calls took their turn, and
   * their sequence numbers follow that order.
   *
   * <p>The record is copied, so the caller may reuse the array. When {@link
   * JournalOptions#maxPendingBytes()} bytes are waiting for the writer already, the call blocks
   * until there is room.
   *
   * @param record the record's bytes, at most {@link JournalOptions#maxRecordBytes()}
   * @return a future of the record's sequence number, completed once the record is durable
   * @throws IllegalArgumentException if the record is larger than the options allow
   * @throws IllegalStateException if the journal is closed or failed
   */
  @CanIgnoreReturnValue
  public CompletableFuture<Long> append(byte[] record) {
    Objects.requireNonNull(record, "record");
    if (record.length > options.maxRecordBytes()) {
      throw new IllegalArgumentException(
          "a record of "
              + record.length
              + " bytes is larger than maxRecordBytes "
              + options.maxRecordBytes());
    }
    byte[] copy = record.clone();
    int crc = JournalFormat.frameCrc(copy.length, copy, 0);
    CompletableFuture<Long> done = new CompletableFuture<>();
    long frame = (long) copy.length + JournalFormat.FRAME_HEADER_BYTES;
    boolean mayBlock = Thread.currentThread() != writer;
    queueLock.lock();
    try {
      while (true) {
        requireUsable();
        if (!mayBlock || pendingBytes == 0 || pendingBytes + frame <= options.maxPendingBytes()) {
          break;
        }
        notFull.awaitUninterruptibly();
      }
      queue.add(new Append(copy, crc, nextSequence++, done));
      pendingBytes += frame;
      if (queue.size() >= wakeAt || pendingBytes >= options.maxBatchBytes()) {
        notEmpty.signal();
      }
    } finally {
      queueLock.unlock();
    }
    return done.copy();
  }

  /**
   * Appends a record and waits until it is durable.
   *
   * @param record the record's bytes, at most {@link JournalOptions#maxRecordBytes()}
   * @return the record's sequence number
   * @throws IllegalArgumentException if the record is larger than the options allow
   * @throws IllegalStateException if the journal is closed or failed, or if called on the writer
   *     thread
   * @throws UncheckedIOException if the record could not be written
   */
  @CanIgnoreReturnValue
  public long appendAndWait(byte[] record) {
    requireNotWriter("appendAndWait");
    return join(append(record));
  }

  private static <T> T join(CompletableFuture<T> future) {
    try {
      return future.join();
    } catch (CompletionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (cause instanceof Error error) {
        throw error;
      }
      throw e;
    }
  }

  private void requireNotWriter(String method) {
    if (Thread.currentThread() == writer) {
      throw new IllegalStateException(
          method
              + " cannot run on the journal's writer thread (in an action chained to an append's"
              + " future) as it would wait for that thread: chain with an *Async method");
    }
  }

  /** Called with the queue lock held. */
  private void requireUsable() {
    Throwable failed = failure;
    if (failed != null) {
      throw new IllegalStateException(
          "the journal " + directory + " failed and accepts nothing more: " + failed.getMessage(),
          failed);
    }
    if (closing) {
      throw new IllegalStateException("the journal " + directory + " is closed");
    }
  }

  /**
   * Saves a snapshot of the owner's state and compacts the journal. The state must be what the
   * records with sequence numbers below {@code coveredRecords} built, no more and no less; a later
   * {@link #open} hands it to {@link JournalReplay#snapshot} and replays only the records from
   * {@code coveredRecords} on. The usual way to get that right is to take, while the owner holds
   * its own lock that it also holds around its {@link #append} calls, a copy of the state and
   * {@link #nextSequence()}, then to call this method with them after letting the lock go.
   *
   * <p>In order, this method waits until every record appended before it is durable, starts a new
   * segment file, writes the snapshot file atomically (a crash leaves either the old or the new
   * snapshot, never half of one) and durably, then deletes the older snapshot and every segment
   * that holds only covered records. Appends go on meanwhile.
   *
   * @param coveredRecords how many records the state covers: at most {@link #nextSequence()}, and
   *     at least what the previous snapshot covered
   * @param state writes the owner's state, in a format of the owner's choosing
   * @throws IllegalArgumentException if {@code coveredRecords} is out of that range
   * @throws IllegalStateException if the journal is closed or failed, or if called on the writer
   *     thread
   * @throws UncheckedIOException if the snapshot cannot be written
   * @throws RuntimeException whatever {@code state} throws; the journal stays as it was
   */
  public void snapshot(long coveredRecords, AtomicFiles.Content state) {
    Objects.requireNonNull(state, "state");
    requireNotWriter("snapshot");
    snapshotLock.lock();
    try {
      CompletableFuture<Void> rolled = new CompletableFuture<>();
      queueLock.lock();
      try {
        requireUsable();
        if (coveredRecords < snapshotRecords || coveredRecords > nextSequence) {
          throw new IllegalArgumentException(
              "coveredRecords must be in ["
                  + snapshotRecords
                  + ", "
                  + nextSequence
                  + "] (from the previous snapshot to the records appended), got "
                  + coveredRecords);
        }
        queue.add(new Roll(rolled));
        notEmpty.signal();
      } finally {
        queueLock.unlock();
      }
      join(rolled);
      Path file = directory.resolve(JournalFormat.snapshotName(coveredRecords));
      AtomicFiles.write(file, out -> writeSnapshot(out, coveredRecords, state));
      syncDirectory(directory);
      long previous = snapshotRecords;
      snapshotRecords = coveredRecords;
      if (previous != coveredRecords) {
        delete(
            directory.resolve(JournalFormat.snapshotName(previous)),
            "a snapshot replaced by " + file.getFileName());
      }
      Long keepFrom = segments.floorKey(coveredRecords);
      if (keepFrom != null) {
        for (Map.Entry<Long, Path> obsolete :
            new ArrayList<>(segments.headMap(keepFrom).entrySet())) {
          delete(obsolete.getValue(), "a segment covered by the snapshot " + file.getFileName());
          segments.remove(obsolete.getKey());
        }
      }
      syncDirectory(directory);
    } finally {
      snapshotLock.unlock();
    }
  }

  private static void writeSnapshot(OutputStream raw, long covered, AtomicFiles.Content state)
      throws IOException {
    CRC32C crc = new CRC32C();
    OutputStream out = new BufferedOutputStream(raw, 1 << 16);
    byte[] header = JournalFormat.snapshotHeader(covered);
    crc.update(header);
    out.write(header);
    ChecksumStream body = new ChecksumStream(out, crc);
    state.writeTo(body);
    byte[] trailer = new byte[JournalFormat.SNAPSHOT_TRAILER_BYTES];
    ByteBuffer tail = ByteBuffer.wrap(trailer).order(ByteOrder.BIG_ENDIAN);
    tail.putLong(body.count);
    crc.update(trailer, 0, 8);
    tail.putInt((int) crc.getValue());
    out.write(trailer);
    out.flush();
  }

  /** Passes bytes on while summing them up; closing it closes nothing. */
  private static final class ChecksumStream extends OutputStream {
    private final OutputStream out;
    private final CRC32C crc;
    long count;

    ChecksumStream(OutputStream out, CRC32C crc) {
      this.out = out;
      this.crc = crc;
    }

    @Override
    public void write(int b) throws IOException {
      out.write(b);
      crc.update(b);
      count++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      Objects.checkFromIndexSize(off, len, b.length);
      out.write(b, off, len);
      crc.update(b, off, len);
      count += len;
    }

    @Override
    public void flush() throws IOException {
      out.flush();
    }

    @Override
    public void close() throws IOException {
      out.flush();
    }
  }

  private void runWriter() {
    List<Append> batch = new ArrayList<>();
    Roll roll = null;
    // the appenders expected back for the next batch, and how long to wait for them at most
    int expected = 0;
    long gatherNanos = 0;
    try {
      while (true) {
        roll = null;
        queueLock.lock();
        try {
          while (queue.isEmpty() && !closing) {
            notEmpty.awaitUninterruptibly();
          }
          if (queue.isEmpty()) {
            break;
          }
          if (options.batchDelay().isZero()) {
            gather(expected, gatherNanos);
          } else {
            linger();
          }
          long bytes = 0;
          if (queue.peekFirst() instanceof Roll first) {
            queue.pollFirst();
            roll = first;
          } else {
            while (batch.size() < options.maxBatchRecords()
                && queue.peekFirst() instanceof Append next
                && (batch.isEmpty() || bytes + next.frameBytes() <= options.maxBatchBytes())) {
              queue.pollFirst();
              batch.add(next);
              bytes += next.frameBytes();
            }
            pendingBytes -= bytes;
            notFull.signalAll();
          }
        } finally {
          queueLock.unlock();
        }
        if (roll != null) {
          rollSegment();
          roll.done.complete(null);
          continue;
        }
        long started = System.nanoTime();
        writeBatch(batch);
        gatherNanos = Math.min(System.nanoTime() - started, MAX_GATHER_NANOS);
        durable = written;
        int waiting;
        queueLock.lock();
        try {
          waiting = queue.size();
        } finally {
          queueLock.unlock();
        }
        // those acknowledged now, and those that came during the sync, make the next batch
        expected = (int) Math.min(options.maxBatchRecords(), (long) batch.size() + waiting);
        for (Append append : batch) {
          append.done.complete(append.sequence);
        }
        batch.clear();
        if (activeSize >= options.segmentBytes()) {
          rollSegment();
        }
      }
      trimActive();
    } catch (IOException | RuntimeException | Error e) {
      fail(e, batch, roll);
    }
  }

  /**
   * Waits, with the queue lock held, for the appenders of the last batch to come back: until {@code
   * expected} requests are queued, a batch is full, or as long as the last batch's write took.
   * Appenders that wait for their records alternate otherwise: those acknowledged by one {@code
   * fsync} come back while the next one runs, and each {@code fsync} carries half of them. A single
   * appender, or one whose records arrive faster than they sync, does not wait at all.
   */
  private void gather(int expected, long nanos) {
    if (queue.size() >= expected || nanos <= 0) {
      return;
    }
    wakeAt = expected;
    try {
      await(expected, nanos);
    } finally {
      wakeAt = 1;
    }
  }

  /** Waits, with the queue lock held, up to the batch delay for a full batch. */
  private void linger() {
    await(options.maxBatchRecords(), options.batchDelay().toNanos());
  }

  /**
   * Waits, with the queue lock held, at most {@code nanos} until {@code records} requests are
   * queued, the batch's bytes are full, a roll is queued or the journal is closing.
   */
  private void await(int records, long nanos) {
    if (nanos <= 0) {
      return;
    }
    long deadline = System.nanoTime() + nanos;
    while (!closing
        && queue.size() < records
        && pendingBytes < options.maxBatchBytes()
        && !(queue.peekLast() instanceof Roll)) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return;
      }
      try {
        notEmpty.awaitNanos(left);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private void writeBatch(List<Append> batch) throws IOException {
    long bytes = 0;
    for (Append append : batch) {
      bytes += append.frameBytes();
    }
    if (buffer.capacity() < bytes) {
      int capacity =
          (int) Math.min(Integer.MAX_VALUE - 16, Math.max(bytes, 2L * buffer.capacity()));
      buffer = ByteBuffer.allocateDirect(capacity);
    }
    buffer.clear();
    for (Append append : batch) {
      if (append.sequence != written) {
        throw new IllegalStateException(
            "record " + append.sequence + " reached the writer when " + written + " was due");
      }
      buffer.putInt(append.payload.length).putInt(append.crc).put(append.payload);
      written++;
    }
    buffer.flip();
    long end = activeSize + bytes;
    writeFully(buffer, activeSize);
    if (end > allocated) {
      allocated = writeZeros(end, end + preallocation(end));
    }
    // force(false) is fdatasync on Linux. Within the zeros written ahead, the file's size and its
    // blocks stay as they were, so it writes the records' data alone; when the batch went past
    // them, it also writes the new size, as a later read needs it.
    active.force(false);
    activeSize = end;
  }

  /** How many zero bytes to write ahead after a batch ending at {@code end}. */
  private long preallocation(long end) {
    // as much as the segment holds already, between 64 KiB and 4 MiB: small journals stay small
    long ahead = Math.clamp(end, MIN_PREALLOCATION_BYTES, PREALLOCATION_BYTES);
    ahead = Math.min(ahead, Math.max(0, options.segmentBytes() - end));
    // up to a multiple of the page size, so that no later batch shares a page with the file's end
    long target = end + ahead;
    return ((target + PAGE_BYTES - 1) / PAGE_BYTES) * PAGE_BYTES - end;
  }

  /** Writes zero bytes from {@code from} up to {@code to}; returns {@code to}. */
  private long writeZeros(long from, long to) throws IOException {
    long at = from;
    while (at < to) {
      ByteBuffer zeros = ZEROS.duplicate();
      zeros.limit((int) Math.min(zeros.capacity(), to - at));
      at += active.write(zeros, at);
    }
    return to;
  }

  private void writeFully(ByteBuffer bytes, long position) throws IOException {
    long at = position;
    while (bytes.hasRemaining()) {
      at += active.write(bytes, at);
    }
  }

  /**
   * Cuts the zeros written ahead off the active segment and makes that durable, so that a segment
   * that is no longer written to ends with its last record.
   */
  private void trimActive() throws IOException {
    if (allocated > activeSize) {
      active.truncate(activeSize);
      allocated = activeSize;
    }
    active.force(true);
  }

  private void rollSegment() throws IOException {
    if (written == activeFirst) {
      return; // nothing in the active segment yet: it already starts where a new one would
    }
    trimActive();
    active.close();
    Path file = directory.resolve(JournalFormat.segmentName(written));
    createSegment(directory, file, written);
    active = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
    activeFirst = written;
    activeSize = JournalFormat.SEGMENT_HEADER_BYTES;
    allocated = activeSize;
    segments.put(written, file);
  }

  private void fail(Throwable e, List<Append> batch, @Nullable Roll roll) {
    Path file = segments.isEmpty() ? directory : segments.lastEntry().getValue();
    RuntimeException reported =
        e instanceof IOException io
            ? IoProblems.failure("write", file, io)
            : e instanceof UncheckedIOException unchecked
                ? unchecked
                : new IllegalStateException("the journal writer of " + directory + " failed", e);
    LOG.log(Level.ERROR, () -> "journal " + directory + " failed: " + reported.getMessage(), e);
    List<Request> abandoned = new ArrayList<>(batch);
    if (roll != null) {
      abandoned.add(roll);
    }
    queueLock.lock();
    try {
      failure = reported;
      abandoned.addAll(queue);
      queue.clear();
      pendingBytes = 0;
      notFull.signalAll();
    } finally {
      queueLock.unlock();
    }
    for (Request request : abandoned) {
      switch (request) {
        case Append append -> append.done.completeExceptionally(reported);
        case Roll r -> r.done.completeExceptionally(reported);
      }
    }
    if (e instanceof Error error) {
      throw error;
    }
  }

  /**
   * The sequence number that the next appended record will get: how many records the journal holds
   * or has been given, durable or not.
   *
   * @return the next sequence number
   */
  public long nextSequence() {
    queueLock.lock();
    try {
      return nextSequence;
    } finally {
      queueLock.unlock();
    }
  }

  /**
   * How many records are durable: every record with a lower sequence number has been written and
   * made durable.
   *
   * @return the number of durable records
   */
  public long durableRecords() {
    return durable;
  }

  /**
   * What opening found.
   *
   * @return the recovery report
   */
  public JournalRecovery recovery() {
    return recovery;
  }

  /**
   * The journal's directory.
   *
   * @return the directory it was opened with
   */
  public Path directory() {
    return directory;
  }

  /**
   * The options it was opened with.
   *
   * @return the options
   */
  public JournalOptions options() {
    return options;
  }

  /**
   * Writes and acknowledges every record appended so far, then closes the files and releases the
   * lock. Later appends throw {@link IllegalStateException}. Closing twice does nothing.
   *
   * @throws IllegalStateException if called on the writer thread
   * @throws UncheckedIOException if the files cannot be closed
   */
  @Override
  public void close() {
    requireNotWriter("close");
    synchronized (closeGuard) {
      if (!closed) {
        closeOnce();
        closed = true;
      }
    }
  }

  private void closeOnce() {
    queueLock.lock();
    try {
      closing = true;
      notEmpty.signalAll();
      notFull.signalAll();
    } finally {
      queueLock.unlock();
    }
    boolean interrupted = false;
    while (writer.isAlive()) {
      try {
        writer.join();
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    try {
      active.close();
      if (lock.isValid()) {
        lock.release();
      }
      lockChannel.close();
    } catch (IOException e) {
      throw IoProblems.failure("close", directory, e);
    } finally {
      OPEN_HERE.remove(realDirectory);
    }
  }

  @Override
  public String toString() {
    return "Journal[" + directory + ", " + durable + " durable records]";
  }
}
