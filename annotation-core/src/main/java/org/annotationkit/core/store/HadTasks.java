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
 * reads). The store marks and tests tasks by their entry: the entry's sequence number goes into an
 * open-addressing table of primitive longs, so the hot path of {@code nextTask} and of a lease
 * hashes no string and allocates nothing per task. Ids added by name ({@link #add}, as a snapshot
 * does) are kept apart in a plain set. Mutable under the store's lock; not thread-safe.
 */
final class HadTasks extends AbstractSet<String> {

  /** Sequence number + 1 of each task marked, 0 for an empty slot; a power of two long. */
  private long[] table = new long[16];

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
    long key = entry.seq + 1;
    long[] t = table;
    int mask = t.length - 1;
    for (int i = slot(key, mask); ; i = (i + 1) & mask) {
      long k = t[i];
      if (k == key) {
        return true;
      }
      if (k == 0) {
        break;
      }
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
    if ((marked.size() + 1) * 2 > table.length) {
      grow();
    }
    insert(table, entry.seq + 1);
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

  private static void insert(long[] t, long key) {
    int mask = t.length - 1;
    int i = slot(key, mask);
    while (t[i] != 0) {
      i = (i + 1) & mask;
    }
    t[i] = key;
  }

  private void grow() {
    long[] bigger = new long[table.length * 2];
    for (long k : table) {
      if (k != 0) {
        insert(bigger, k);
      }
    }
    table = bigger;
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
