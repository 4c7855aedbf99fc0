package org.annotationkit.core.store;

import com.google.errorprone.annotations.CanIgnoreReturnValue;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.annotationkit.core.task.Submission;
import org.jspecify.annotations.Nullable;

/**
 * The submissions of a store by annotation id, in the order first stored: what a {@code
 * LinkedHashMap} of them gives, without a node per submission. The submissions sit in one array in
 * their order, with the hash of each id beside it in an {@code int} array, and an open-addressing
 * table of {@code int} positions finds them by id. So a store of millions of submissions keeps no
 * object of its own per submission (the garbage collector traces and copies fewer objects), a miss
 * compares no string whose hash differs, and growing the table rehashes from the array of hashes
 * without reading a submission. Mutable under the store's lock; not thread-safe.
 */
final class SubmissionIndex {

  private static final int MIN_TABLE = 16;

  /** The submissions, in the order first put; {@link #size} of them are in use. */
  private Submission[] ordered = new Submission[MIN_TABLE / 2];

  /** The hash of each id of {@link #ordered}, at the same position. */
  private int[] hashes = new int[MIN_TABLE / 2];

  /** Position + 1 in {@link #ordered} of each id, 0 for an empty slot; a power of two long. */
  private int[] table = new int[MIN_TABLE];

  /** {@code 32 - log2(table.length)}: the shift that takes a mixed hash to a slot. */
  private int shift = Integer.SIZE - Integer.numberOfTrailingZeros(MIN_TABLE);

  private int size;

  /**
   * How many submissions there are.
   *
   * @return the count
   */
  int size() {
    return size;
  }

  /**
   * The submission with an id.
   *
   * @param id the annotation id
   * @return the submission, or null
   */
  @Nullable Submission get(String id) {
    int at = position(id, id.hashCode());
    return at < 0 ? null : ordered[at];
  }

  /**
   * Whether a submission has an id.
   *
   * @param id the annotation id
   * @return whether one has
   */
  boolean containsKey(String id) {
    return position(id, id.hashCode()) >= 0;
  }

  /**
   * Stores a submission under its id: in its old place when the id is there already, else last.
   *
   * @param id the submission's id
   * @param submission the submission
   * @return the submission it replaced, or null
   */
  @CanIgnoreReturnValue
  @Nullable Submission put(String id, Submission submission) {
    Objects.requireNonNull(submission, "submission");
    if (!id.equals(submission.id())) {
      throw new IllegalArgumentException(
          "submission " + submission.id() + " put under another id " + id);
    }
    int hash = id.hashCode();
    int at = position(id, hash);
    if (at >= 0) {
      Submission old = ordered[at];
      ordered[at] = submission;
      return old;
    }
    if (size == ordered.length) {
      int bigger = Math.max(MIN_TABLE / 2, size + (size >> 1));
      ordered = Arrays.copyOf(ordered, bigger);
      hashes = Arrays.copyOf(hashes, bigger);
    }
    if ((size + 1) * 2 > table.length) {
      rehash(table.length * 2);
    }
    ordered[size] = submission;
    hashes[size] = hash;
    size++;
    insert(hash, size);
    return null;
  }

  /**
   * The submissions in the order first stored, as a view that follows later changes.
   *
   * @return the submissions
   */
  List<Submission> values() {
    return new AbstractList<>() {
      @Override
      public Submission get(int index) {
        Objects.checkIndex(index, size);
        return ordered[index];
      }

      @Override
      public int size() {
        return size;
      }
    };
  }

  /** Spreads a hash over the slots (Fibonacci hashing: the high bits of the product). */
  private int slot(int hash) {
    return (hash * 0x9E3779B9) >>> shift;
  }

  /** The position of an id in {@link #ordered}, or -1. */
  private int position(String id, int hash) {
    int[] t = table;
    int mask = t.length - 1;
    for (int i = slot(hash); ; i = (i + 1) & mask) {
      int p = t[i];
      if (p == 0) {
        return -1;
      }
      int at = p - 1;
      if (hashes[at] == hash && ordered[at].id().equals(id)) {
        return at;
      }
    }
  }

  /** Puts position + 1 into the first free slot of a hash. */
  private void insert(int hash, int positionPlusOne) {
    int[] t = table;
    int mask = t.length - 1;
    int i = slot(hash);
    while (t[i] != 0) {
      i = (i + 1) & mask;
    }
    t[i] = positionPlusOne;
  }

  private void rehash(int length) {
    table = new int[length];
    shift = Integer.SIZE - Integer.numberOfTrailingZeros(length);
    for (int at = 0; at < size; at++) {
      insert(hashes[at], at + 1);
    }
  }
}
