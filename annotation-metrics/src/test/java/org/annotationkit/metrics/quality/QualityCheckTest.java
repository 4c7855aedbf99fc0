package org.annotationkit.metrics.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.random.RandomGenerator;
import java.util.stream.Stream;
import org.annotationkit.core.testing.Seeds;
import org.annotationkit.metrics.aggregation.Aggregation;
import org.annotationkit.metrics.aggregation.WeightedMajorityVote;
import org.annotationkit.metrics.data.Answers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class QualityCheckTest {
  static Stream<Long> seeds() {
    return Seeds.seeds(8);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void thePlantedSpammersAndTheWeakAnnotatorAreFlaggedAndNobodyElse(long seed) {
    SpammerSimulation sim = new SpammerSimulation(Seeds.random(seed), 400, 7, 3, 5);
    Answers answers = sim.answers();
    QualityReport report = QualityCheck.defaults().withGold(sim.gold(100)).assess(answers);

    AnnotatorQuality random = report.annotator(SpammerSimulation.RANDOM).orElseThrow();
    // The independence test errs at its level (1 in 100 spammers goes unflagged by it), so per
    // seed the uniform spammer must be flagged (far below, at least) with a weak dependence; the
    // test's own flag is checked over all seeds below.
    assertThat(random.flags()).as(random.toString()).isNotEmpty();
    assertThat(random.independence().cramersV()).as(random.toString()).isLessThan(0.3);
    AnnotatorQuality constant = report.annotator(SpammerSimulation.CONSTANT).orElseThrow();
    assertThat(constant.flagged(Flag.Kind.SINGLE_LABEL)).as(constant.toString()).isTrue();
    assertThat(constant.flags().get(0).evidence()).contains("'L0'");
    AnnotatorQuality weak = report.annotator(SpammerSimulation.WEAK).orElseThrow();
    assertThat(weak.flagged(Flag.Kind.FAR_BELOW)).as(weak.toString()).isTrue();
    for (AnnotatorQuality a : report.annotators()) {
      if (a.annotator().startsWith("good")) {
        assertThat(a.flags()).as(a.annotator()).isEmpty();
        assertThat(a.independence().cramersV()).as(a.annotator()).isGreaterThan(0.5);
        assertThat(a.independence().pValue()).as(a.annotator()).isLessThan(1e-10);
        // MACE sees the spammers spam more than any good annotator.
        assertThat(a.spamming().orElseThrow())
            .as(a.annotator())
            .isLessThan(random.spamming().orElseThrow())
            .isLessThan(constant.spamming().orElseThrow());
      }
    }
    assertThat(report.flagged()).hasSize(3);
  }

  @Test
  void mostUniformSpammersFailTheIndependenceTest() {
    // Under independence the p-value is uniform, so at level 0.01 about 99 in 100 uniform spammers
    // are flagged; over 20 seeded crowds at least 17 must be (a binomial(20, 0.99) tail of 1e-3).
    int flagged = 0;
    for (long seed : Seeds.seeds(20).toList()) {
      SpammerSimulation sim = new SpammerSimulation(Seeds.random(seed), 300, 7, 3, 5);
      QualityReport report = QualityCheck.defaults().withoutSpamModel().assess(sim.answers());
      if (report
          .annotator(SpammerSimulation.RANDOM)
          .orElseThrow()
          .flagged(Flag.Kind.INDEPENDENT_OF_ITEM)) {
        flagged++;
      }
    }
    assertThat(flagged).isGreaterThanOrEqualTo(17);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void goldAndConsensusMatricesAreTheDirectCounts(long seed) {
    SpammerSimulation sim = new SpammerSimulation(Seeds.random(seed), 150, 4, 4, 3);
    Map<String, String> gold = sim.gold(60);
    Answers answers = sim.answers();
    QualityReport report = QualityCheck.defaults().withGold(gold).assess(answers);
    Aggregation consensus = report.consensus();
    Map<String, long[]> goldCounts = new HashMap<>();
    Map<String, long[]> agreeCounts = new HashMap<>();
    for (SpammerSimulation.Row row : sim.rows) {
      long[] g = goldCounts.computeIfAbsent(row.annotator(), k -> new long[2]);
      String known = gold.get(row.item());
      if (known != null) {
        g[0]++;
        g[1] += known.equals(row.label()) ? 1 : 0;
      }
      long[] c = agreeCounts.computeIfAbsent(row.annotator(), k -> new long[2]);
      String agreed =
          consensus.categories().label(consensus.label(consensus.items().code(row.item())));
      c[0]++;
      c[1] += agreed.equals(row.label()) ? 1 : 0;
    }
    for (AnnotatorQuality a : report.annotators()) {
      long[] g = goldCounts.getOrDefault(a.annotator(), new long[2]);
      assertThat(a.goldAnswered()).as(a.annotator()).isEqualTo(g[0]);
      assertThat(a.gold().orElseThrow().correct()).as(a.annotator()).isEqualTo(g[1]);
      assertThat(a.goldAccuracy().orElseThrow()).isCloseTo((double) g[1] / g[0], within(1e-15));
      long[] c = agreeCounts.getOrDefault(a.annotator(), new long[2]);
      assertThat(a.answers()).isEqualTo(c[0]);
      assertThat(a.consensusAgreement()).isCloseTo((double) c[1] / c[0], within(1e-15));
      assertThat(a.skill()).isPresent();
    }
    // The constant annotator's gold row sums: every answer is in column L0.
    ConfusionMatrix constant =
        report.annotator(SpammerSimulation.CONSTANT).orElseThrow().gold().orElseThrow();
    for (int t = 0; t < 4; t++) {
      for (int c = 1; c < 4; c++) {
        assertThat(constant.count(t, c)).isZero();
      }
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void theReportDoesNotDependOnRowOrderOrAnnotatorNames(long seed) {
    RandomGenerator random = Seeds.random(seed);
    SpammerSimulation sim = new SpammerSimulation(random, 120, 5, 3, 4);
    QualityCheck check = QualityCheck.defaults().withGold(sim.gold(30));
    QualityReport base = check.assess(sim.answers());
    List<SpammerSimulation.Row> shuffled = new ArrayList<>(sim.rows);
    Collections.shuffle(shuffled, new Random(random.nextLong()));
    // Renaming keeps the sorted order of annotators (a prefix), so Dawid-Skene's ties and MACE's
    // canonical starts stay the same.
    List<SpammerSimulation.Row> renamed = new ArrayList<>();
    for (SpammerSimulation.Row r : shuffled) {
      renamed.add(new SpammerSimulation.Row(r.item(), "x-" + r.annotator(), r.label()));
    }
    QualityReport other = check.assess(SpammerSimulation.answers(renamed));
    assertThat(other.annotators()).hasSameSizeAs(base.annotators());
    for (int a = 0; a < base.annotators().size(); a++) {
      AnnotatorQuality x = base.annotators().get(a);
      AnnotatorQuality y = other.annotators().get(a);
      assertThat(y.annotator()).isEqualTo("x-" + x.annotator());
      assertThat(y.consensus()).isEqualTo(x.consensus());
      assertThat(y.gold()).isEqualTo(x.gold());
      assertThat(y.independence()).isEqualTo(x.independence());
      assertThat(y.spamming().orElseThrow()).isCloseTo(x.spamming().orElseThrow(), within(1e-12));
      assertThat(y.flags()).isEqualTo(x.flags());
    }
    assertThat(other.noise().weakItems()).isEqualTo(base.noise().weakItems());
    assertThat(other.noise().confusedPairs()).isEqualTo(base.noise().confusedPairs());
  }

  @Test
  void theNoiseReportOfAHandMadeProject() {
    // i1: a, a, a (unanimous); i2: a, a, b; i3: b, b, a; i4: a, b, c (a three-way tie, "a" wins).
    Answers answers =
        Answers.builder()
            .add("i1", "p", "a")
            .add("i1", "q", "a")
            .add("i1", "r", "a")
            .add("i2", "p", "a")
            .add("i2", "q", "a")
            .add("i2", "r", "b")
            .add("i3", "p", "b")
            .add("i3", "q", "b")
            .add("i3", "r", "a")
            .add("i4", "p", "a")
            .add("i4", "q", "b")
            .add("i4", "r", "c")
            .build();
    QualityReport report =
        QualityCheck.defaults()
            .withConsensus(WeightedMajorityVote.unweighted())
            .withWeakConfidence(0.7)
            .assess(answers);
    LabelNoiseReport noise = report.noise();
    assertThat(noise.weakItems())
        .containsExactly(
            new LabelNoiseReport.WeakItem("i4", "a", 1.0 / 3, 3, true),
            new LabelNoiseReport.WeakItem("i2", "a", 2.0 / 3, 3, false),
            new LabelNoiseReport.WeakItem("i3", "b", 2.0 / 3, 3, false));
    // r disagrees on i2, i3, i4; q on i4; p never.
    assertThat(noise.mostDisagreeing())
        .containsExactly(
            new LabelNoiseReport.Disagreement("r", 3, 4),
            new LabelNoiseReport.Disagreement("q", 1, 4));
    // Consensus a (i1, i2, i4: 9 answers): b given 2 times, c once; consensus b (i3): a once of 3.
    assertThat(noise.confusedPairs())
        .containsExactly(
            new LabelNoiseReport.ConfusedPair("a", "b", 2, 2.0 / 9),
            new LabelNoiseReport.ConfusedPair("a", "c", 1, 1.0 / 9),
            new LabelNoiseReport.ConfusedPair("b", "a", 1, 1.0 / 3));
    // Too few answers for flags; majority vote's skill is the agreement with its labels.
    assertThat(report.flagged()).isEmpty();
    assertThat(report.annotator("p").orElseThrow().skill()).hasValue(1.0);
    assertThat(report.annotator("p").orElseThrow().consensusAgreement()).isEqualTo(1.0);
  }

  @Test
  void farBelowFallsBackOnTheMeanAbsoluteDeviationWhenTheMadIsZero() {
    // Four annotators always agree with the majority, one is right half the time: the MAD of the
    // agreements (1, 1, 1, 1, x) is 0, so the mean absolute deviation scales the distance.
    Answers.Builder builder = Answers.builder();
    for (int u = 0; u < 20; u++) {
      String truth = u % 2 == 0 ? "a" : "b";
      for (String good : new String[] {"g1", "g2", "g3", "g4"}) {
        builder.add("i" + u, good, truth);
      }
      builder.add("i" + u, "odd", u % 4 < 2 ? truth : truth.equals("a") ? "b" : "a");
    }
    QualityReport report =
        QualityCheck.defaults()
            .withConsensus(WeightedMajorityVote.unweighted())
            .withoutSpamModel()
            .assess(builder.build());
    AnnotatorQuality odd = report.annotator("odd").orElseThrow();
    assertThat(odd.consensusAgreement()).isEqualTo(0.5);
    // median 1, mean absolute deviation 0.1: z = (0.5 - 1) / (1.253314 * 0.1) = -3.989.
    assertThat(odd.flagged(Flag.Kind.FAR_BELOW)).isTrue();
    assertThat(odd.flags().get(odd.flags().size() - 1).evidence()).contains("-3.99");
    // Its answers are independent of the item (p = 1 on the balanced table).
    assertThat(odd.flagged(Flag.Kind.INDEPENDENT_OF_ITEM)).isTrue();
    assertThat(odd.spamming()).isEmpty();
    assertThat(report.annotator("g1").orElseThrow().flags()).isEmpty();
  }

  @Test
  void aGoldLabelNobodyUsedJoinsTheCategories() {
    Answers answers =
        Answers.builder().add("i1", "p", "a").add("i2", "p", "b").add("i1", "q", "a").build();
    QualityReport report =
        QualityCheck.defaults().withGold(Map.of("i1", "a", "i2", "z", "gone", "a")).assess(answers);
    ConfusionMatrix p = report.annotator("p").orElseThrow().gold().orElseThrow();
    assertThat(p.categories().labels()).containsExactly("a", "b", "z");
    assertThat(p.count("a", "a")).isEqualTo(1);
    assertThat(p.count("z", "b")).isEqualTo(1);
    assertThat(p.accuracy().orElseThrow()).isEqualTo(0.5);
  }

  @Test
  void optionsAreChecked() {
    assertThatThrownBy(() -> QualityCheck.defaults().withAlpha(0))
        .hasMessageContaining("alpha must be in (0, 1), got 0.0");
    assertThatThrownBy(() -> QualityCheck.defaults().withMinAnswers(0))
        .hasMessageContaining("minAnswers");
    assertThatThrownBy(() -> QualityCheck.defaults().withWeakConfidence(1.5))
        .hasMessageContaining("weakConfidence");
    assertThatThrownBy(() -> QualityCheck.defaults().withGold(Map.of("", "a")))
        .hasMessageContaining("non-empty");
  }

  @Test
  void medianOfOddAndEvenSamples() {
    assertThat(QualityCheck.median(new double[] {3, 1, 2})).isEqualTo(2);
    assertThat(QualityCheck.median(new double[] {4, 1, 3, 2})).isEqualTo(2.5);
  }
}
