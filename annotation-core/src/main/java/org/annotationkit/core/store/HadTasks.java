package org.annotationkit.core.store;

import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * The tasks an annotator ever had a lease on, as a set of task ids (what a snapshot writes and
 * reads). The store marks and tests tasks by their entry: the entry's sequence number is a bit in a
 * word of 64 neighbouring sequence numbers, and the words sit in an open-addressing table of
 * primitive longs keyed by the sequence number's high bits. So the hot path of {@code nextTask} and
 * of a lease hashes no string and allocates nothing per task, and an annotator who walks the queue
 * in order tests and marks 64 tasks in one word that stays in the cache (a table of one slot per
 * task took a cache miss per test). Ids added by name ({@link #add}, as a snapshot does) are kept
 * apart in a plain set. Mutable under the store's lock; not thread-safe.
 */
final class HadTasks extends AbstractSet<String> {

  /**
   * The word index + 1 ({@code seq >>> 6} + 1) of each word, 0 for an empty slot; a power of two.
   */
  private long[] keys = new long[8];

  /**
   * The bits of each word of {@link #keys}: bit {@code seq & 63} for each sequence number marked.
   */
  private long[] bits = new long[8];

  /** How many slots of {@link #keys} are taken. */
  private int words;

  /** The entries marked, in the order marked, to list their ids. */
  private final List<InMemoryStore.TaskEntry> marked = new ArrayList<>();

  /** Ids added by name rather than by entry. */
  private final Set<String> named = new HashSet<>();

  /**
   * Whether the annotator had a task.
   *
   * @param entry the task
   * @return whether it was marked, or its id added
   */
  boolean has(InMemoryStore.TaskEntry entry) {
    long seq = entry.seq;
    int i = find(keys, (seq >>> 6) + 1);
    if (i >= 0 && (bits[i] & (1L << seq)) != 0) {
      return true;
    }
    return !named.isEmpty() && named.contains(entry.task.id());
  }

  /**
   * Marks a task the annotator had; a task marked already stays marked once.
   *
   * @param entry the task
   */
  void mark(InMemoryStore.TaskEntry entry) {
    if (has(entry)) {
      return;
    }
    long seq = entry.seq;
    long key = (seq >>> 6) + 1;
    int i = find(keys, key);
    if (i < 0) {
      if ((words + 1) * 2 > keys.length) {
        grow();
      }
      i = insert(keys, key);
      words++;
    }
    bits[i] |= 1L << seq;
    marked.add(entry);
  }

  /**
   * Whether an id was added by name (the only way an annotator can have had a task that is not in
   * the store).
   *
   * @param taskId the id
   * @return whether it was added by {@link #add}
   */
  boolean named(String taskId) {
    return named.contains(taskId);
  }

  private static int slot(long key, int mask) {
    return (int) ((key * 0x9E3779B97F4A7C15L) >>> 32) & mask;
  }

  /** The slot of a key, or -1 when it is not in the table. */
  private static int find(long[] t, long key) {
    int mask = t.length - 1;
    for (int i = slot(key, mask); ; i = (i + 1) & mask) {
      long k = t[i];
      if (k == key) {
        return i;
      }
      if (k == 0) {
        return -1;
      }
    }
  }

  /** Puts a key that is not in the table into its first free slot, and returns that slot. */
  private static int insert(long[] t, long key) {
    int mask = t.length - 1;
    int i = slot(key, mask);
    while (t[i] != 0) {
      i = (i + 1) & mask;
    }
    t[i] = key;
    return i;
  }

  private void grow() {
    long[] biggerKeys = new long[keys.length * 2];
    long[] biggerBits = new long[keys.length * 2];
    for (int i = 0; i < keys.length; i++) {
      if (keys[i] != 0) {
        biggerBits[insert(biggerKeys, keys[i])] = bits[i];
      }
    }
    keys = biggerKeys;
    bits = biggerBits;
  }

  /** Adds a task id by name, as a snapshot lists it. */
  @Override
  public boolean add(String taskId) {
    for (InMemoryStore.TaskEntry entry : marked) {
      if (entry.task.id().equals(taskId)) {
        return false;
      }
    }
    return named.add(taskId);
  }

  @Override
  public boolean contains(Object o) {
    if (named.contains(o)) {
      return true;
    }
    for (InMemoryStore.TaskEntry entry : marked) {
      if (entry.task.id().equals(o)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public int size() {
    return marked.size() + named.size();
  }

  @Override
  public Iterator<String> iterator() {
    Iterator<String> rest = named.iterator();
    return new Iterator<>() {
      private int next;

      @Override
      public boolean hasNext() {
        return next < marked.size() || rest.hasNext();
      }

      @Override
      public String next() {
        if (next < marked.size()) {
          return marked.get(next++).task.id();
        }
        if (!rest.hasNext()) {
          throw new NoSuchElementException();
        }
        return rest.next();
      }
    };
  }
}
