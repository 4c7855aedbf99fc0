package org.annotationkit.core.store;

import org.jspecify.annotations.Nullable;

/**
 * The queued tasks of one kind, in queue order: higher priority first, then the order added (the
 * task's sequence number). A sorted list of chunks, each a sorted array of at most {@link #CHUNK}
 * entries: finding a place is a binary search over the chunks' last entries then within one chunk,
 * stepping to the next entry is an index, and nothing is allocated except when a chunk splits. A
 * task is placed by the priority it had when added ({@link
 * InMemoryStore.TaskEntry#queuedPriority}), which must not change while it is queued. Mutable under
 * the store's lock; not thread-safe.
 */
final class QueueOrder {

  /** The most entries of one chunk. */
  static final int CHUNK = 256;

  private InMemoryStore.TaskEntry[][] chunks = new InMemoryStore.TaskEntry[4][];
  private int[] sizes = new int[4];
  private int chunkCount;
  private int size;

  /**
   * Compares two places in queue order.
   *
   * @return negative when the first place comes first
   */
  static int compare(double priority1, long seq1, double priority2, long seq2) {
    int byPriority = Double.compare(priority2, priority1);
    return byPriority != 0 ? byPriority : Long.compare(seq1, seq2);
  }

  private static int compare(InMemoryStore.TaskEntry e, double priority, long seq) {
    return compare(e.queuedPriority, e.seq, priority, seq);
  }

  /** How many entries are queued. */
  int size() {
    return size;
  }

  /** How many chunks hold them (for tests). */
  int chunkCount() {
    return chunkCount;
  }

  /**
   * The first chunk whose last entry is at or after a place, or {@link #chunkCount} when none is.
   */
  private int chunkAtOrAfter(double priority, long seq) {
    int lo = 0;
    int hi = chunkCount;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (compare(chunks[mid][sizes[mid] - 1], priority, seq) < 0) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /** In a chunk, the first index whose entry is at or after a place (its size when none is). */
  private int indexAtOrAfter(int chunk, double priority, long seq) {
    InMemoryStore.TaskEntry[] entries = chunks[chunk];
    int lo = 0;
    int hi = sizes[chunk];
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (compare(entries[mid], priority, seq) < 0) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /**
   * Queues an entry at the place of its {@code queuedPriority} and sequence number, which no queued
   * entry has.
   */
  void insert(InMemoryStore.TaskEntry entry) {
    double priority = entry.queuedPriority;
    long seq = entry.seq;
    if (chunkCount == 0) {
      openChunk(0);
      chunks[0][0] = entry;
      sizes[0] = 1;
      size++;
      return;
    }
    int c = Math.min(chunkAtOrAfter(priority, seq), chunkCount - 1);
    int i = indexAtOrAfter(c, priority, seq);
    if (i < sizes[c] && chunks[c][i].seq == seq) {
      throw new IllegalStateException("task " + entry.task.id() + " is queued already");
    }
    if (sizes[c] == CHUNK) {
      if (i == CHUNK) {
        // After a full chunk's last entry (tasks added in order): start the next chunk.
        openChunk(c + 1);
        chunks[c + 1][0] = entry;
        sizes[c + 1] = 1;
        size++;
        return;
      }
      split(c);
      if (i > CHUNK / 2) {
        c++;
        i -= CHUNK / 2;
      }
    }
    InMemoryStore.TaskEntry[] entries = chunks[c];
    System.arraycopy(entries, i, entries, i + 1, sizes[c] - i);
    entries[i] = entry;
    sizes[c]++;
    size++;
  }

  /**
   * Takes a queued entry out.
   *
   * @throws IllegalStateException if it is not queued
   */
  void delete(InMemoryStore.TaskEntry entry) {
    double priority = entry.queuedPriority;
    long seq = entry.seq;
    int c = chunkAtOrAfter(priority, seq);
    int i = c < chunkCount ? indexAtOrAfter(c, priority, seq) : 0;
    if (c == chunkCount || i == sizes[c] || chunks[c][i] != entry) {
      throw new IllegalStateException("task " + entry.task.id() + " is not queued");
    }
    InMemoryStore.TaskEntry[] entries = chunks[c];
    int n = --sizes[c];
    System.arraycopy(entries, i + 1, entries, i, n - i);
    entries[n] = null;
    size--;
    if (n == 0) {
      closeChunk(c);
    } else if (c + 1 < chunkCount && n + sizes[c + 1] <= CHUNK / 2) {
      merge(c);
    } else if (c > 0 && n + sizes[c - 1] <= CHUNK / 2) {
      merge(c - 1);
    }
  }

  /**
   * The first entry at or after a place that passes a test, or null.
   *
   * @param fromPriority the place's priority
   * @param fromSeq the place's sequence number
   * @param test what an entry must pass
   */
  InMemoryStore.@Nullable TaskEntry first(double fromPriority, long fromSeq, Test test) {
    int c = chunkAtOrAfter(fromPriority, fromSeq);
    int i = c < chunkCount ? indexAtOrAfter(c, fromPriority, fromSeq) : 0;
    return scan(c, i, test);
  }

  /** The first entry that passes a test, or null. */
  InMemoryStore.@Nullable TaskEntry first(Test test) {
    return scan(0, 0, test);
  }

  private InMemoryStore.@Nullable TaskEntry scan(int chunk, int index, Test test) {
    for (int c = chunk, i = index; c < chunkCount; c++, i = 0) {
      InMemoryStore.TaskEntry[] entries = chunks[c];
      for (int n = sizes[c]; i < n; i++) {
        InMemoryStore.TaskEntry entry = entries[i];
        if (test.passes(entry)) {
          return entry;
        }
      }
    }
    return null;
  }

  /** What {@link #first} looks for. */
  @FunctionalInterface
  interface Test {
    boolean passes(InMemoryStore.TaskEntry entry);
  }

  /** Makes room for an empty chunk at a position. */
  private void openChunk(int at) {
    if (chunkCount == chunks.length) {
      chunks = java.util.Arrays.copyOf(chunks, chunkCount * 2);
      sizes = java.util.Arrays.copyOf(sizes, chunkCount * 2);
    }
    System.arraycopy(chunks, at, chunks, at + 1, chunkCount - at);
    System.arraycopy(sizes, at, sizes, at + 1, chunkCount - at);
    chunks[at] = new InMemoryStore.TaskEntry[CHUNK];
    sizes[at] = 0;
    chunkCount++;
  }

  private void closeChunk(int at) {
    System.arraycopy(chunks, at + 1, chunks, at, chunkCount - at - 1);
    System.arraycopy(sizes, at + 1, sizes, at, chunkCount - at - 1);
    chunkCount--;
    chunks[chunkCount] = null;
    sizes[chunkCount] = 0;
  }

  /** Splits a full chunk into two halves. */
  private void split(int c) {
    openChunk(c + 1);
    System.arraycopy(chunks[c], CHUNK / 2, chunks[c + 1], 0, CHUNK / 2);
    java.util.Arrays.fill(chunks[c], CHUNK / 2, CHUNK, null);
    sizes[c] = CHUNK / 2;
    sizes[c + 1] = CHUNK / 2;
  }

  /** Moves the entries of chunk {@code c + 1} to the end of chunk {@code c}. */
  private void merge(int c) {
    System.arraycopy(chunks[c + 1], 0, chunks[c], sizes[c], sizes[c + 1]);
    sizes[c] += sizes[c + 1];
    closeChunk(c + 1);
  }
}
