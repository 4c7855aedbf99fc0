package org.annotationkit.metrics.aggregation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.annotationkit.core.coding.LabelCoding;
import org.annotationkit.core.testing.Seeds;
import org.annotationkit.metrics.aggregation.BinaryRelevance.MultiLabelAnswer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Binary relevance: brute-force votes per label, invariants, declared labels. */
class BinaryRelevanceTest {
  static MultiLabelAnswer m(String item, String annotator, String... labels) {
    return new MultiLabelAnswer(item, annotator, Set.of(labels));
  }

  @Test
  void majorityPerLabelWithTiesNotAssigned() {
    List<MultiLabelAnswer> answers =
        List.of(
            m("x", "a", "cat", "dog"),
            m("x", "b", "cat"),
            m("x", "c", "cat", "dog"),
            m("y", "a", "dog"),
            m("y", "b"));
    MultiLabelAggregation r =
        BinaryRelevance.with(WeightedMajorityVote.unweighted()).aggregate(answers);
    assertThat(r.labels().labels()).containsExactly("cat", "dog");
    assertThat(r.labelsOf("x")).containsExactly("cat", "dog");
    // y: dog 1 yes, 1 no -> tie -> not assigned; cat 0 of 2.
    assertThat(r.labelsOf("y")).isEmpty();
    int x = r.items().code("x");
    assertThat(r.probability(x, r.labels().code("cat"))).isEqualTo(1.0);
    assertThat(r.probability(x, r.labels().code("dog"))).isCloseTo(2.0 / 3, within(1e-15));
    assertThat(r.perLabel("dog").tied(r.perLabel("dog").items().code("y"))).isTrue();
    MultiLabelAggregation declared =
        BinaryRelevance.with(DawidSkene.defaults())
            .aggregate(answers, LabelCoding.of("bird", "cat", "dog"));
    assertThat(declared.labelsOf("x")).contains("cat").doesNotContain("bird");
    assertThatThrownBy(() ->
            BinaryRelevance.with(DawidSkene.defaults()).aggregate(answers, LabelCoding.of("cat")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("dog");
    assertThatThrownBy(() ->
            BinaryRelevance.with(DawidSkene.defaults())
                .aggregate(List.of(m("x", "a", "cat"), m("x", "a"))))
        .isInstanceOf(IllegalArgumentException.class);
  }

  static Stream<Long> seeds() {
    return Seeds.seeds(30);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void majorityEqualsCountingAndOrderDoesNotMatter(long seed) {
    Random random = new Random(seed);
    List<String> labels = List.of("l0", "l1", "l2", "l3");
    List<MultiLabelAnswer> answers = new ArrayList<>();
    int items = 1 + random.nextInt(15);
    int annotators = 1 + random.nextInt(5);
    for (int u = 0; u < items; u++) {
      Set<String> truth = new HashSet<>();
      for (String l : labels) {
        if (random.nextBoolean()) {
          truth.add(l);
        }
      }
      for (int a = 0; a < annotators; a++) {
        if (a == 0 || random.nextDouble() < 0.7) {
          Set<String> chosen = new HashSet<>();
          for (String l : labels) {
            if (truth.contains(l) != (random.nextDouble() < 0.2)) {
              chosen.add(l);
            }
          }
          answers.add(new MultiLabelAnswer("i" + u, "a" + a, chosen));
        }
      }
    }
    for (Aggregator method :
        List.<Aggregator>of(WeightedMajorityVote.unweighted(), DawidSkene.defaults())) {
      BinaryRelevance br = BinaryRelevance.with(method);
      MultiLabelAggregation r = br.aggregate(answers);
      List<MultiLabelAnswer> shuffled = new ArrayList<>(answers);
      Collections.shuffle(shuffled, random);
      MultiLabelAggregation s = br.aggregate(shuffled);
      for (String item : r.items().labels()) {
        assertThat(s.labelsOf(item)).isEqualTo(r.labelsOf(item));
      }
      if (method instanceof WeightedMajorityVote) {
        Map<String, int[]> votes = new HashMap<>();
        for (MultiLabelAnswer a : answers) {
          for (String l : r.labels().labels()) {
            votes
                .computeIfAbsent(a.item() + "/" + l, k -> new int[2])[
                a.labels().contains(l) ? 1 : 0]++;
          }
        }
        for (String item : r.items().labels()) {
          for (String l : r.labels().labels()) {
            int[] v = java.util.Objects.requireNonNull(votes.get(item + "/" + l));
            assertThat(r.labelsOf(item).contains(l)).as(item + " " + l).isEqualTo(v[1] > v[0]);
            assertThat(r.probability(r.items().code(item), r.labels().code(l)))
                .isCloseTo((double) v[1] / (v[0] + v[1]), within(1e-12));
          }
        }
      }
    }
  }
}
