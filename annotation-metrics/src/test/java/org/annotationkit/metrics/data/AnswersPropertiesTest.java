package org.annotationkit.metrics.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import java.util.stream.Stream;
import org.annotationkit.core.testing.Seeds;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class AnswersPropertiesTest {
  static Stream<Long> seeds() {
    return Seeds.seeds(100);
  }

  record Row(String item, String annotator, String label) {}

  /** Random answers, each annotator answering an item at most once. */
  static List<Row> rows(RandomGenerator random) {
    int items = 1 + random.nextInt(30);
    int annotators = 1 + random.nextInt(8);
    int labels = 1 + random.nextInt(5);
    List<Row> rows = new ArrayList<>();
    for (int u = 0; u < items; u++) {
      for (int a = 0; a < annotators; a++) {
        if (random.nextDouble() < 0.6) {
          // Ids that sort differently as text and as numbers, and a non-ASCII one.
          rows.add(
              new Row(
                  "item-" + random.nextInt(1000) + "-" + u,
                  a == 0 ? "Ωmega" : "r" + (a * 7),
                  "L" + random.nextInt(labels)));
        }
      }
    }
    return rows;
  }

  static Answers build(List<Row> rows) {
    Answers.Builder builder = Answers.builder();
    rows.forEach(row -> builder.add(row.item(), row.annotator(), row.label()));
    return builder.build();
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void theTableDoesNotDependOnTheRowOrder(long seed) {
    RandomGenerator random = Seeds.random(seed);
    List<Row> rows = rows(random);
    List<Row> shuffled = new ArrayList<>(rows);
    Collections.shuffle(shuffled, new java.util.Random(seed));

    assertSameTable(build(rows), build(shuffled));
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void theTableHoldsExactlyTheAnswersGivenAndIndexesThemBothWays(long seed) {
    List<Row> rows = rows(Seeds.random(seed));
    Answers answers = build(rows);

    // Brute force: the table's answers, decoded, are the input's, as a multiset.
    Map<Row, Integer> expected = new HashMap<>();
    rows.forEach(row -> expected.merge(row, 1, Integer::sum));
    Map<Row, Integer> actual = new HashMap<>();
    for (int k = 0; k < answers.size(); k++) {
      actual.merge(
          new Row(
              answers.items().label(answers.item(k)),
              answers.annotators().label(answers.annotator(k)),
              answers.labels().label(answers.label(k))),
          1,
          Integer::sum);
    }
    assertThat(actual).isEqualTo(expected);

    // Codings are sorted; answers are sorted by (item, annotator); item ranges cover them.
    assertThat(answers.items().labels())
        .isSortedAccordingTo(AnswersPropertiesTest::compareCodePoints);
    assertThat(answers.annotators().labels())
        .isSortedAccordingTo(AnswersPropertiesTest::compareCodePoints);
    for (int k = 1; k < answers.size(); k++) {
      int item = Integer.compare(answers.item(k - 1), answers.item(k));
      assertThat(item < 0 || (item == 0 && answers.annotator(k - 1) < answers.annotator(k)))
          .as("answer %d after %d", k, k - 1)
          .isTrue();
    }
    for (int u = 0; u < answers.itemCount(); u++) {
      assertThat(answers.end(u)).isGreaterThan(answers.start(u));
      for (int k = answers.start(u); k < answers.end(u); k++) {
        assertThat(answers.item(k)).isEqualTo(u);
      }
    }
    // The by-annotator index is a permutation, grouped by annotator, items ascending.
    boolean[] seen = new boolean[answers.size()];
    for (int a = 0; a < answers.annotatorCount(); a++) {
      int previousItem = -1;
      for (int i = answers.annotatorStart(a); i < answers.annotatorEnd(a); i++) {
        int k = answers.answerOf(i);
        assertThat(seen[k]).isFalse();
        seen[k] = true;
        assertThat(answers.annotator(k)).isEqualTo(a);
        assertThat(answers.item(k)).isGreaterThan(previousItem);
        previousItem = answers.item(k);
      }
    }
    assertThat(seen).doesNotContain(false);
    // The count table, against a count of the input.
    int[] counts = answers.counts();
    for (Row row : rows) {
      int u = answers.items().code(row.item());
      int c = answers.labels().code(row.label());
      counts[u * answers.labelCount() + c]--;
    }
    assertThat(java.util.Arrays.stream(counts).allMatch(count -> count == 0)).isTrue();
  }

  private static int compareCodePoints(String a, String b) {
    int[] x = a.codePoints().toArray();
    int[] y = b.codePoints().toArray();
    return java.util.Arrays.compare(x, y);
  }

  static void assertSameTable(Answers a, Answers b) {
    assertThat(a.items()).isEqualTo(b.items());
    assertThat(a.annotators()).isEqualTo(b.annotators());
    assertThat(a.labels()).isEqualTo(b.labels());
    assertThat(a.itemCodes()).isEqualTo(b.itemCodes());
    assertThat(a.annotatorCodes()).isEqualTo(b.annotatorCodes());
    assertThat(a.labelCodes()).isEqualTo(b.labelCodes());
    assertThat(a.itemStarts()).isEqualTo(b.itemStarts());
    for (int i = 0; i < a.size(); i++) {
      assertThat(a.answerOf(i)).isEqualTo(b.answerOf(i));
    }
  }
}
