package org.annotationkit.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.annotationkit.core.item.TextItem;
import org.annotationkit.core.task.Task;
import org.junit.jupiter.api.Test;

/**
 * {@link HadTasks}, the set of tasks an annotator had, against a plain {@link HashSet} of task ids:
 * seeded random marks (by entry) and additions by name (as a snapshot reads them), over sequence
 * numbers dense and sparse, with repeats, through many growths of its table.
 */
class HadTasksTest {

  private static InMemoryStore.TaskEntry entry(long seq) {
    return new InMemoryStore.TaskEntry(seq, Task.of(new TextItem("t" + seq, "x"), 1), null);
  }

  @Test
  void agreesWithAHashSetOfIds() {
    for (long seed = 1; seed <= 40; seed++) {
      Random random = new Random(seed);
      int universe = 1 + random.nextInt(seed % 4 == 0 ? 100_000 : 2_000);
      List<InMemoryStore.TaskEntry> tasks = new ArrayList<>();
      for (int i = 0; i < universe; i++) {
        // Sparse runs use sequence numbers far apart, and near the top of the long range.
        long seq =
            seed % 3 == 0 ? (long) i * 1_000_003L : seed % 5 == 0 ? Long.MAX_VALUE - 1 - i : i;
        tasks.add(entry(seq));
      }
      HadTasks had = new HadTasks();
      Set<String> reference = new HashSet<>();
      int steps = random.nextInt(3_000);
      for (int step = 0; step < steps; step++) {
        InMemoryStore.TaskEntry t = tasks.get(random.nextInt(tasks.size()));
        int what = random.nextInt(10);
        if (what < 6) {
          had.mark(t);
          reference.add(t.task.id());
        } else if (what < 7) {
          String id = random.nextBoolean() ? t.task.id() : "gone-" + random.nextInt(50);
          assertThat(had.add(id)).isEqualTo(reference.add(id));
        } else {
          assertThat(had.has(t)).isEqualTo(reference.contains(t.task.id()));
        }
      }
      for (InMemoryStore.TaskEntry t : tasks) {
        assertThat(had.has(t))
            .as("seed %d task %s", seed, t.task.id())
            .isEqualTo(reference.contains(t.task.id()));
      }
      assertThat(had).hasSize(reference.size());
      assertThat(new HashSet<>(had)).isEqualTo(reference);
      for (int i = 0; i < 50; i++) {
        String gone = "gone-" + i;
        assertThat(had.named(gone)).isEqualTo(reference.contains(gone));
        assertThat(had.contains(gone)).isEqualTo(reference.contains(gone));
      }
    }
  }

  @Test
  void anEmptySetHasNothing() {
    HadTasks had = new HadTasks();
    assertThat(had.has(entry(0))).isFalse();
    assertThat(had.has(entry(Long.MAX_VALUE - 1))).isFalse();
    assertThat(had).isEmpty();
    assertThat(had.iterator().hasNext()).isFalse();
  }

  @Test
  void markingTwiceKeepsOne() {
    HadTasks had = new HadTasks();
    InMemoryStore.TaskEntry t = entry(7);
    had.mark(t);
    had.mark(t);
    assertThat(had).containsExactly("t7");
    assertThat(had.add("t7")).isFalse();
    assertThat(had).hasSize(1);
  }
}
