package org.annotationkit.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.annotationkit.core.annotation.Annotation;
import org.annotationkit.core.annotation.ChoiceValue;
import org.annotationkit.core.task.Submission;
import org.junit.jupiter.api.Test;

/**
 * {@link SubmissionIndex}, the store's submissions by id in the order stored, against a plain
 * {@link LinkedHashMap}: seeded random puts of new ids and of ids already there (a review replaces
 * a submission in its place), lookups of ids present and absent, through many growths, with ids
 * whose hashes collide on purpose.
 */
class SubmissionIndexTest {

  private static final Instant AT = Instant.parse("2026-03-01T09:00:00Z");

  private static Submission submission(String id, double lead) {
    Annotation a =
        Annotation.builder(id, "t", "w").result("r", "kind", new ChoiceValue("cat")).build();
    return new Submission(a, AT, lead, false, Submission.GoldOutcome.NOT_GOLD, Optional.empty());
  }

  /**
   * An id: a plain one, or one of blocks "Aa" and "BB", which all have the same hash for the same
   * number of blocks.
   */
  private static String id(Random random, int universe) {
    int n = random.nextInt(universe);
    if (random.nextInt(4) > 0) {
      return "a" + n;
    }
    StringBuilder s = new StringBuilder();
    for (int bit = 0; bit < 6; bit++) {
      s.append((n >> bit & 1) == 0 ? "Aa" : "BB");
    }
    return s.toString();
  }

  @Test
  void agreesWithALinkedHashMap() {
    for (long seed = 1; seed <= 30; seed++) {
      Random random = new Random(seed);
      int universe = 1 + random.nextInt(seed % 3 == 0 ? 50_000 : 300);
      SubmissionIndex index = new SubmissionIndex();
      Map<String, Submission> reference = new LinkedHashMap<>();
      int steps = random.nextInt(seed % 3 == 0 ? 60_000 : 2_000);
      for (int step = 0; step < steps; step++) {
        String id = id(random, universe);
        if (random.nextInt(3) > 0) {
          Submission s = submission(id, step);
          assertThat(index.put(id, s)).isSameAs(reference.put(id, s));
        } else {
          assertThat(index.get(id)).isSameAs(reference.get(id));
          assertThat(index.containsKey(id)).isEqualTo(reference.containsKey(id));
        }
        assertThat(index.size()).isEqualTo(reference.size());
      }
      assertThat(index.values()).containsExactlyElementsOf(reference.values());
      for (int i = 0; i < 200; i++) {
        String id = id(random, universe * 2);
        assertThat(index.get(id)).as("seed %d id %s", seed, id).isSameAs(reference.get(id));
      }
    }
  }

  @Test
  void theValuesFollowLaterPutsAndTellTheirBounds() {
    SubmissionIndex index = new SubmissionIndex();
    List<Submission> values = index.values();
    assertThat(values).isEmpty();
    List<Submission> expected = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      Submission s = submission("s" + i, i);
      assertThat(index.put(s.id(), s)).isNull();
      expected.add(s);
    }
    Submission again = submission("s3", 99);
    assertThat(index.put("s3", again)).isSameAs(expected.get(3));
    expected.set(3, again);
    assertThat(values).containsExactlyElementsOf(expected);
    assertThatThrownBy(() -> values.get(20)).isInstanceOf(IndexOutOfBoundsException.class);
  }

  @Test
  void refusesASubmissionUnderAnotherId() {
    SubmissionIndex index = new SubmissionIndex();
    assertThatThrownBy(() -> index.put("x", submission("y", 0)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("y");
    assertThat(index.size()).isZero();
  }
}
