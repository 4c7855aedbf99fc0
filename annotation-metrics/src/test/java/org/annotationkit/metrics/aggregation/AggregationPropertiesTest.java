package org.annotationkit.metrics.aggregation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.UnaryOperator;
import java.util.random.RandomGenerator;
import java.util.stream.Stream;
import org.annotationkit.core.testing.Seeds;
import org.annotationkit.metrics.data.Answers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Seeded invariants that every aggregation method must keep (METRICS.md conventions 9 and 10). */
class AggregationPropertiesTest {
  static Stream<Long> seeds() {
    return Seeds.seeds(40);
  }

  /** Every method, by the name the CLI gives it. */
  static Map<String, Aggregator> methods() {
    Map<String, Aggregator> methods = new LinkedHashMap<>();
    methods.put("majority", WeightedMajorityVote.unweighted());
    methods.put("weighted-majority", WeightedMajorityVote.withSkills(Map.of()).withDefaultSkill(1));
    methods.put("wawa", Wawa.defaults());
    methods.put("zbs", ZeroBasedSkill.defaults());
    methods.put("dawid-skene", DawidSkene.defaults());
    methods.put("one-coin", OneCoinDawidSkene.defaults());
    return methods;
  }

  /** Methods whose labels are the argmax of vote shares: unanimous means confidence exactly 1. */
  static boolean votes(String method) {
    return method.equals("majority")
        || method.equals("weighted-majority")
        || method.equals("wawa")
        || method.equals("zbs");
  }

  static Simulation simulation(RandomGenerator random) {
    return new Simulation(
        random,
        5 + random.nextInt(40),
        2 + random.nextInt(7),
        2 + random.nextInt(3),
        0.6,
        1 + random.nextInt(5));
  }

  /** The answers with items, annotators or labels renamed. */
  static List<Simulation.Row> renamed(
      List<Simulation.Row> rows,
      UnaryOperator<String> item,
      UnaryOperator<String> annotator,
      UnaryOperator<String> label) {
    List<Simulation.Row> out = new ArrayList<>(rows.size());
    for (Simulation.Row r : rows) {
      out.add(
          new Simulation.Row(
              item.apply(r.item()), annotator.apply(r.annotator()), label.apply(r.label())));
    }
    return out;
  }

  /** A random injective renaming of the given names (so their sorted order changes). */
  static UnaryOperator<String> shuffledNames(List<String> names, String prefix, Random random) {
    List<String> targets = new ArrayList<>();
    for (int i = 0; i < names.size(); i++) {
      targets.add(prefix + i);
    }
    Collections.shuffle(targets, random);
    Map<String, String> map = new HashMap<>();
    for (int i = 0; i < names.size(); i++) {
      map.put(names.get(i), targets.get(i));
    }
    return map::get;
  }

  /**
   * Checks that two results agree once renamed back: posteriors and skills within 1e-9, labels
   * wherever the winner leads by more than 1e-9 (exact ties are broken by category code, which a
   * renaming of labels may reorder).
   */
  static void assertSame(
      String method,
      Aggregation a,
      Aggregation b,
      UnaryOperator<String> item,
      UnaryOperator<String> annotator,
      UnaryOperator<String> label) {
    assertThat(b.itemCount()).isEqualTo(a.itemCount());
    assertThat(b.iterations()).as(method).isEqualTo(a.iterations());
    for (int u = 0; u < a.itemCount(); u++) {
      int v = b.items().code(item.apply(a.items().label(u)));
      String what = method + " item " + a.items().label(u);
      double[] pa = a.posterior(u).orElse(null);
      double[] pb = b.posterior(v).orElse(null);
      assertThat(pb == null).isEqualTo(pa == null);
      if (pa != null && pb != null) {
        for (int c = 0; c < pa.length; c++) {
          int d = b.categories().code(label.apply(a.categories().label(c)));
          assertThat(pb[d]).as(what).isCloseTo(pa[c], within(1e-9));
        }
      }
      assertThat(b.confidence(v)).as(what).isCloseTo(a.confidence(u), within(1e-9));
      if (margin(a, u) > 1e-9) {
        assertThat(b.categories().label(b.label(v)))
            .as(what)
            .isEqualTo(label.apply(a.categories().label(a.label(u))));
      }
    }
    for (int w = 0; w < a.annotators().size(); w++) {
      int x = b.annotators().code(annotator.apply(a.annotators().label(w)));
      if (a.skill(w).isPresent()) {
        assertThat(b.skill(x).orElseThrow())
            .as(method + " annotator " + a.annotators().label(w))
            .isCloseTo(a.skill(w).getAsDouble(), within(1e-9));
      }
    }
  }

  /** How far the label's score leads the runner-up (0 for a tie); infinite without posteriors. */
  static double margin(Aggregation result, int u) {
    double[] p = result.posterior(u).orElse(null);
    if (p == null) {
      return result.tied(u) ? 0 : Double.POSITIVE_INFINITY;
    }
    double best = p[result.label(u)];
    double second = Double.NEGATIVE_INFINITY;
    for (int c = 0; c < p.length; c++) {
      if (c != result.label(u)) {
        second = Math.max(second, p[c]);
      }
    }
    return best - second;
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void theResultDoesNotDependOnTheRowOrder(long seed) {
    Simulation sim = simulation(Seeds.random(seed));
    List<Simulation.Row> shuffled = new ArrayList<>(sim.rows);
    Collections.shuffle(shuffled, new Random(seed));
    Answers original = Simulation.answers(sim.rows);
    Answers reordered = Simulation.answers(shuffled);
    UnaryOperator<String> same = s -> s;
    methods()
        .forEach((name, method) ->
            assertSame(
                name, method.aggregate(original), method.aggregate(reordered), same, same, same));
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void theResultDoesNotDependOnTheNamesOfItemsAnnotatorsAndLabels(long seed) {
    Simulation sim = simulation(Seeds.random(seed));
    Random random = new Random(seed);
    List<String> items = new ArrayList<>();
    List<String> annotators = new ArrayList<>();
    List<String> labels = new ArrayList<>();
    for (Simulation.Row r : sim.rows) {
      if (!items.contains(r.item())) {
        items.add(r.item());
      }
      if (!annotators.contains(r.annotator())) {
        annotators.add(r.annotator());
      }
      if (!labels.contains(r.label())) {
        labels.add(r.label());
      }
    }
    UnaryOperator<String> item = shuffledNames(items, "u", random);
    UnaryOperator<String> annotator = shuffledNames(annotators, "rater-", random);
    UnaryOperator<String> label = shuffledNames(labels, "class", random);
    Answers original = Simulation.answers(sim.rows);
    Answers renamed = Simulation.answers(renamed(sim.rows, item, annotator, label));
    // Items and annotators renamed in any order; labels too for the methods that never break a
    // tie of vote shares on the way (the others see the lowest code win, by definition).
    methods()
        .forEach((name, method) -> {
          boolean labelSafe = name.equals("dawid-skene") || name.equals("one-coin");
          UnaryOperator<String> labelMap = labelSafe ? label : s -> s;
          Answers other =
              labelSafe ? renamed : Simulation.answers(renamed(sim.rows, item, annotator, s -> s));
          assertSame(
              name, method.aggregate(original), method.aggregate(other), item, annotator, labelMap);
        });
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void unanimousItemsGetThatLabelWithFullConfidence(long seed) {
    Simulation sim = simulation(Seeds.random(seed));
    Answers answers = sim.answers();
    methods()
        .forEach((name, method) -> {
          if (!votes(name)) {
            return;
          }
          Aggregation result = method.aggregate(answers);
          for (int u = 0; u < answers.itemCount(); u++) {
            int first = answers.label(answers.start(u));
            boolean unanimous = true;
            for (int k = answers.start(u); k < answers.end(u); k++) {
              unanimous &= answers.label(k) == first;
            }
            if (unanimous) {
              assertThat(result.label(u)).as(name).isEqualTo(first);
              assertThat(result.confidence(u)).as(name).isEqualTo(1.0);
              assertThat(result.tied(u)).isFalse();
            }
          }
        });
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void whenEveryoneAgreesEveryMethodGivesThatLabelWithFullConfidence(long seed) {
    RandomGenerator random = Seeds.random(seed);
    Answers.Builder builder = Answers.builder();
    int items = 3 + random.nextInt(30);
    int annotators = 1 + random.nextInt(6);
    int classes = 2 + random.nextInt(3);
    Map<String, String> truth = new HashMap<>();
    for (int u = 0; u < items; u++) {
      String label = "c" + random.nextInt(classes);
      truth.put("i" + u, label);
      for (int a = 0; a < annotators; a++) {
        if (a == 0 || random.nextBoolean()) {
          builder.add("i" + u, "a" + a, label);
        }
      }
    }
    Answers answers = builder.build();
    methods()
        .forEach((name, method) -> {
          Aggregation result = method.aggregate(answers);
          for (int u = 0; u < result.itemCount(); u++) {
            String item = result.items().label(u);
            assertThat(result.categories().label(result.label(u)))
                .as(name + " " + item)
                .isEqualTo(truth.get(item));
            assertThat(result.confidence(u)).as(name).isCloseTo(1.0, within(1e-6));
          }
        });
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void goldLabelsAreRespectedEvenAgainstEveryAnnotator(long seed) {
    RandomGenerator random = Seeds.random(seed);
    Simulation sim = simulation(random);
    Answers answers = sim.answers();
    Map<String, String> gold = new HashMap<>();
    for (int u = 0; u < answers.itemCount(); u++) {
      if (random.nextInt(4) == 0) {
        gold.put(
            answers.items().label(u), answers.labels().label(random.nextInt(answers.labelCount())));
      }
    }
    for (Aggregator method :
        List.<Aggregator>of(
            DawidSkene.defaults().withGold(gold), OneCoinDawidSkene.defaults().withGold(gold))) {
      Aggregation result = method.aggregate(answers);
      gold.forEach((item, label) -> {
        int u = result.items().code(item);
        assertThat(result.categories().label(result.label(u))).isEqualTo(label);
        assertThat(result.confidence(u)).isEqualTo(1.0);
      });
    }
  }

  @Test
  void posteriorsAreDistributions() {
    Simulation sim = simulation(Seeds.random(7));
    Answers answers = sim.answers();
    methods()
        .forEach((name, method) -> {
          Aggregation result = method.aggregate(answers);
          for (int u = 0; u < result.itemCount(); u++) {
            double[] p = result.posterior(u).orElse(null);
            if (p != null) {
              double sum = 0;
              for (double x : p) {
                assertThat(x).isBetween(0.0, 1.0);
                sum += x;
              }
              assertThat(sum).as(name).isCloseTo(1.0, within(1e-9));
              assertThat(result.confidence(u)).isEqualTo(p[result.label(u)]);
            }
          }
        });
  }
}
