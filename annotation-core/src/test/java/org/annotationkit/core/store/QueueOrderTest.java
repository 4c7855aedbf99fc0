package org.annotationkit.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.annotationkit.core.item.TextItem;
import org.annotationkit.core.task.Task;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * {@link QueueOrder}, the chunked sorted list of queued tasks, against a {@link TreeSet} ordered
 * the way the queue was before it (by negated priority, then sequence number): seeded random
 * inserts and deletes (in order, in reverse, at random, with few and many distinct priorities,
 * through many chunk splits and merges), each followed by searches from random places for random
 * tests.
 */
class QueueOrderTest {

  private static final Comparator<InMemoryStore.TaskEntry> REFERENCE =
      Comparator.<InMemoryStore.TaskEntry>comparingDouble(e -> -e.queuedPriority)
          .thenComparingLong(e -> e.seq);

  private static InMemoryStore.TaskEntry entry(long seq, double priority) {
    InMemoryStore.TaskEntry e =
        new InMemoryStore.TaskEntry(seq, Task.of(new TextItem("t" + seq, "x"), 1), null);
    e.queuedPriority = priority;
    return e;
  }

  /** The first entry of the reference at or after a place that passes a test, by brute force. */
  private static InMemoryStore.@Nullable TaskEntry bruteFirst(
      TreeSet<InMemoryStore.TaskEntry> reference, double priority, long seq, QueueOrder.Test test) {
    for (InMemoryStore.TaskEntry e : reference) {
      int byPriority = Double.compare(-e.queuedPriority, -priority);
      boolean atOrAfter = byPriority > 0 || (byPriority == 0 && e.seq >= seq);
      if (atOrAfter && test.passes(e)) {
        return e;
      }
    }
    return null;
  }

  @Test
  void agreesWithATreeSet() {
    for (long seed = 1; seed <= 30; seed++) {
      Random random = new Random(seed);
      int n = 1 + random.nextInt(seed % 3 == 0 ? 5_000 : 1_200);
      double[] priorities =
          seed % 2 == 0 ? new double[] {0} : new double[] {-2.5, -0.0, 0.0, 1, 7, 1e300};
      List<InMemoryStore.TaskEntry> all = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        all.add(entry(i, priorities[random.nextInt(priorities.length)]));
      }
      int pattern = (int) (seed % 4);
      List<InMemoryStore.TaskEntry> order = new ArrayList<>(all);
      if (pattern == 1) {
        java.util.Collections.reverse(order);
      } else if (pattern >= 2) {
        java.util.Collections.shuffle(order, random);
      }
      QueueOrder queue = new QueueOrder();
      TreeSet<InMemoryStore.TaskEntry> reference = new TreeSet<>(REFERENCE);
      for (InMemoryStore.TaskEntry e : order) {
        queue.insert(e);
        reference.add(e);
      }
      check(queue, reference, random, all);
      int steps = 4 * n;
      for (int step = 0; step < steps; step++) {
        InMemoryStore.TaskEntry e = all.get(random.nextInt(all.size()));
        if (reference.contains(e)) {
          // Sometimes delete in bulk from the front, as a queue drains.
          if (pattern == 3 && random.nextInt(4) == 0) {
            e = reference.first();
          }
          queue.delete(e);
          reference.remove(e);
        } else {
          queue.insert(e);
          reference.add(e);
        }
        if (step % 97 == 0) {
          check(queue, reference, random, all);
        }
      }
      check(queue, reference, random, all);
      for (InMemoryStore.TaskEntry e : new ArrayList<>(reference)) {
        queue.delete(e);
        reference.remove(e);
      }
      assertThat(queue.size()).isZero();
      assertThat(queue.chunkCount()).isZero();
      assertThat(queue.first(e -> true)).isNull();
    }
  }

  private static void check(
      QueueOrder queue,
      TreeSet<InMemoryStore.TaskEntry> reference,
      Random random,
      List<InMemoryStore.TaskEntry> all) {
    assertThat(queue.size()).isEqualTo(reference.size());
    assertThat(queue.chunkCount()).isLessThanOrEqualTo(Math.max(1, reference.size()));
    // The whole order, read by stepping from one entry to the next one after it.
    List<InMemoryStore.TaskEntry> listed = new ArrayList<>();
    InMemoryStore.TaskEntry at = queue.first(e -> true);
    while (at != null) {
      listed.add(at);
      InMemoryStore.TaskEntry previous = at;
      at = queue.first(previous.queuedPriority, previous.seq, e -> e != previous);
    }
    assertThat(listed).containsExactlyElementsOf(reference);
    for (int q = 0; q < 20; q++) {
      int modulus = 1 + random.nextInt(7);
      int residue = random.nextInt(modulus);
      QueueOrder.Test test = e -> e.seq % modulus == residue;
      InMemoryStore.TaskEntry from = all.get(random.nextInt(all.size()));
      double priority = random.nextInt(5) == 0 ? Double.NEGATIVE_INFINITY : from.queuedPriority;
      long seq = random.nextInt(5) == 0 ? Long.MAX_VALUE : from.seq;
      assertThat(queue.first(priority, seq, test))
          .isSameAs(bruteFirst(reference, priority, seq, test));
      assertThat(queue.first(test))
          .isSameAs(bruteFirst(reference, Double.POSITIVE_INFINITY, Long.MIN_VALUE, test));
    }
  }

  @Test
  void refusesAnEntryTwiceAndOneItDoesNotHold() {
    QueueOrder queue = new QueueOrder();
    InMemoryStore.TaskEntry a = entry(1, 0);
    queue.insert(a);
    assertThatThrownBy(() -> queue.insert(a)).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> queue.delete(entry(2, 0))).isInstanceOf(IllegalStateException.class);
    queue.delete(a);
    assertThatThrownBy(() -> queue.delete(a)).isInstanceOf(IllegalStateException.class);
  }
}
