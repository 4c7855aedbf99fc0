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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Seeded invariants of GLAD, MACE, KOS and M-MSR (METRICS.md convention 10). The seeded methods
 * draw their starts per annotator (MACE, M-MSR) or per answer (KOS) in the table's canonical order,
 * so renaming what orders those draws legitimately changes the start; every other renaming must
 * change nothing.
 */
class ModelMethodsPropertiesTest {
  static Stream<Long> seeds() {
    return Seeds.seeds(20);
  }

  /** The methods, by CLI name, and what each must be invariant to: items, annotators, labels. */
  record Method(Aggregator aggregator, boolean items, boolean annotators, boolean labels) {}

  static Map<String, Method> methods() {
    Map<String, Method> methods = new LinkedHashMap<>();
    methods.put("glad", new Method(Glad.defaults(), true, true, true));
    methods.put("mace", new Method(Mace.defaults().withRestarts(3), true, false, false));
    methods.put("kos", new Method(Kos.defaults(), false, false, true));
    methods.put("mmsr", new Method(Mmsr.defaults(), true, false, true));
    return methods;
  }

  /** Binary for KOS, up to four categories for the others. */
  static Simulation simulation(RandomGenerator random, String method) {
    int classes = method.equals("kos") ? 2 : 2 + random.nextInt(3);
    return new Simulation(
        random, 8 + random.nextInt(30), 3 + random.nextInt(5), classes, 0.6, 2 + random.nextInt(4));
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void theResultDoesNotDependOnTheRowOrder(long seed) {
    methods()
        .forEach((name, method) -> {
          Simulation sim = simulation(Seeds.random(seed), name);
          List<Simulation.Row> shuffled = new ArrayList<>(sim.rows);
          Collections.shuffle(shuffled, new Random(seed));
          UnaryOperator<String> same = s -> s;
          AggregationPropertiesTest.assertSame(
              name,
              method.aggregator().aggregate(Simulation.answers(sim.rows)),
              method.aggregator().aggregate(Simulation.answers(shuffled)),
              same,
              same,
              same);
        });
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void theResultDoesNotDependOnTheNamesThatDoNotOrderTheRandomStart(long seed) {
    methods()
        .forEach((name, method) -> {
          Simulation sim = simulation(Seeds.random(seed), name);
          Random random = new Random(seed);
          List<String> items = new ArrayList<>();
          List<String> annotators = new ArrayList<>();
          List<String> labels = new ArrayList<>();
          for (Simulation.Row r : sim.rows) {
            addNew(items, r.item());
            addNew(annotators, r.annotator());
            addNew(labels, r.label());
          }
          UnaryOperator<String> same = s -> s;
          UnaryOperator<String> item =
              method.items() ? AggregationPropertiesTest.shuffledNames(items, "u", random) : same;
          UnaryOperator<String> annotator =
              method.annotators()
                  ? AggregationPropertiesTest.shuffledNames(annotators, "r", random)
                  : same;
          UnaryOperator<String> label =
              method.labels() ? AggregationPropertiesTest.shuffledNames(labels, "c", random) : same;
          AggregationPropertiesTest.assertSame(
              name,
              method.aggregator().aggregate(Simulation.answers(sim.rows)),
              method
                  .aggregator()
                  .aggregate(
                      Simulation.answers(
                          AggregationPropertiesTest.renamed(sim.rows, item, annotator, label))),
              item,
              annotator,
              label);
        });
  }

  private static void addNew(List<String> names, String name) {
    if (!names.contains(name)) {
      names.add(name);
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void perfectAnnotatorsOutvotingNoiseAreFollowed(long seed) {
    // Three annotators always right on every item, two answering at random.
    RandomGenerator random = Seeds.random(seed);
    methods()
        .forEach((name, method) -> {
          int classes = name.equals("kos") ? 2 : 2 + random.nextInt(3);
          int items = 10 + random.nextInt(20);
          Answers.Builder builder = Answers.builder();
          Map<String, String> truth = new HashMap<>();
          for (int u = 0; u < items; u++) {
            String label = "c" + random.nextInt(classes);
            truth.put("i" + u, label);
            for (int a = 0; a < 3; a++) {
              builder.add("i" + u, "good" + a, label);
            }
            for (int a = 0; a < 2; a++) {
              builder.add("i" + u, "noise" + a, "c" + random.nextInt(classes));
            }
          }
          Aggregation result = method.aggregator().aggregate(builder.build());
          for (int u = 0; u < result.itemCount(); u++) {
            String item = result.items().label(u);
            assertThat(result.categories().label(result.label(u)))
                .as(name + " " + item)
                .isEqualTo(truth.get(item));
          }
          double worstGood = Double.POSITIVE_INFINITY;
          double bestNoise = Double.NEGATIVE_INFINITY;
          for (int a = 0; a < result.annotators().size(); a++) {
            double skill = result.skill(a).orElseThrow();
            if (result.annotators().label(a).startsWith("good")) {
              worstGood = Math.min(worstGood, skill);
            } else {
              bestNoise = Math.max(bestNoise, skill);
            }
          }
          assertThat(worstGood).as(name + " skills").isGreaterThan(bestNoise);
        });
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void unanimousItemsGetTheirLabelAndPosteriorsAreDistributions(long seed) {
    methods()
        .forEach((name, method) -> {
          Simulation sim = simulation(Seeds.random(seed), name);
          Answers answers = sim.answers();
          Aggregation result = method.aggregator().aggregate(answers);
          Aggregation again = method.aggregator().aggregate(answers);
          assertThat(again.labels()).as(name + " is deterministic").isEqualTo(result.labels());
          for (int u = 0; u < answers.itemCount(); u++) {
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
            assertThat(result.confidence(u)).as(name).isBetween(0.0, 1.0);
          }
        });
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void aSingleAnnotatorIsFollowedEverywhere(long seed) {
    RandomGenerator random = Seeds.random(seed);
    methods()
        .forEach((name, method) -> {
          Answers.Builder builder = Answers.builder();
          int classes = name.equals("kos") ? 2 : 2 + random.nextInt(3);
          List<String> given = new ArrayList<>();
          for (int u = 0; u < 5 + random.nextInt(10); u++) {
            String label = "c" + (u < classes ? u : random.nextInt(classes));
            given.add(label);
            builder.add(String.format("i%02d", u), "alone", label);
          }
          Aggregation result = method.aggregator().aggregate(builder.build());
          for (int u = 0; u < given.size(); u++) {
            assertThat(result.categories().label(result.label(u)))
                .as(name + " item " + u)
                .isEqualTo(given.get(u));
          }
        });
  }
}
