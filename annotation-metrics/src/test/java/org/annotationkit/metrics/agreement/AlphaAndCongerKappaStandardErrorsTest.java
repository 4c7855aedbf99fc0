package org.annotationkit.metrics.agreement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import java.util.stream.Stream;
import org.annotationkit.core.coding.LabelCoding;
import org.annotationkit.core.testing.Seeds;
import org.annotationkit.metrics.agreement.AgreementOptions.CiMethod;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Gwet's analytic standard errors of Krippendorff's alpha and Conger's kappa: irrCAC's published
 * values, and agreement with the bootstrap on larger random tables.
 */
class AlphaAndCongerKappaStandardErrorsTest {

  private static final AgreementOptions ANALYTIC =
      AgreementOptions.DEFAULT.withInterval(CiMethod.ANALYTIC, 0.95);

  /**
   * irrCAC README, {@code krippen.alpha.raw(cac.raw4raters)} (the Krippendorff 2011 data; see
   * {@link #cacRaw4Raters()}, the same for alpha): pa 0.805, pe 0.24, alpha 0.74342, standard error
   * 0.14548, 95% interval (0.423, 1) with t on 12 - 1 degrees of freedom. irrCAC's alpha is ours
   * (its {@code 1 / n..} term is the {@code n.. - 1} of Krippendorff's expected disagreement).
   */
  @Test
  void krippendorff2011AlphaAsIrrCac() {
    Agreement alpha =
        AgreementCalculator.of(Examples.krippendorff2011())
            .compute(Metric.KRIPPENDORFF_ALPHA, ANALYTIC);
    Agreement same =
        AgreementCalculator.of(cacRaw4Raters()).compute(Metric.KRIPPENDORFF_ALPHA, ANALYTIC);
    assertThat(same.se()).isEqualTo(alpha.se());
    assertThat(alpha.valueOrThrow()).isCloseTo(0.74342, within(5e-6));
    assertThat(alpha.se().getAsDouble()).isCloseTo(0.14548, within(5e-6));
    Interval ci = alpha.ci().orElseThrow();
    assertThat(ci.low()).isCloseTo(0.423, within(5e-4));
    assertThat(ci.high()).isEqualTo(1);
    assertThat(ci.method()).isEqualTo("analytic");
  }

  /**
   * irrCAC's {@code cac.raw4raters} as its README prints it: the Krippendorff (2011) data except
   * that the lone rating of unit 12 is rater 3's (observer B's in the paper). Coefficients over
   * pooled ratings do not see the difference; Conger's kappa, over each rater's own marginals,
   * does.
   */
  static RatingTable cacRaw4Raters() {
    return RatingTable.ofLabels(
        new String[][] {
          {"1", "1", null, "1"},
          {"2", "2", "3", "2"},
          {"3", "3", "3", "3"},
          {"3", "3", "3", "3"},
          {"2", "2", "2", "2"},
          {"1", "2", "3", "4"},
          {"4", "4", "4", "4"},
          {"1", "1", "2", "1"},
          {"2", "2", "2", "2"},
          {null, "5", "5", "5"},
          {null, null, "1", "1"},
          {null, null, "3", null},
        });
  }

  /**
   * irrCAC README, {@code conger.kappa.raw(cac.raw4raters)}: pa 0.8181818, pe 0.2334252, kappa
   * 0.76282, standard error 0.14917, 95% interval (0.435, 1) with t on 12 - 1 degrees of freedom.
   */
  @Test
  void cacRaw4RatersCongerKappaAsIrrCac() {
    Agreement kappa =
        AgreementCalculator.of(cacRaw4Raters()).compute(Metric.CONGER_KAPPA, ANALYTIC);
    assertThat(kappa.valueOrThrow()).isCloseTo(0.76282, within(5e-6));
    assertThat(kappa.se().getAsDouble()).isCloseTo(0.14917, within(5e-6));
    Interval ci = kappa.ci().orElseThrow();
    assertThat(ci.low()).isCloseTo(0.435, within(5e-4));
    assertThat(ci.high()).isEqualTo(1);
    assertThat(ci.method()).isEqualTo("analytic");
  }

  /**
   * irrCAC's {@code distrib.6raters} (README): 15 patients, 6 psychiatrists each, 5 diagnoses.
   * {@code krippen.alpha.dist} prints alpha 0.4204384 (ours) with standard error 0.08243228, but
   * that function linearises with {@code (1 - alpha)} where {@code krippen.alpha.raw} and every
   * other Gwet coefficient use {@code 2 (1 - alpha')}; we follow the raw one. With every unit fully
   * rated, {@code alpha'} is Fleiss' kappa and the raw formula gives Fleiss' standard error, which
   * the same README prints for {@code fleiss.kappa.dist(distrib.6raters)}: 0.08119291.
   */
  @Test
  void distrib6RatersAlphaAsIrrCacRawFormula() {
    int[][] counts = {
      {0, 0, 0, 6, 0}, {0, 3, 0, 0, 3}, {0, 1, 4, 0, 1}, {0, 0, 0, 0, 6}, {0, 3, 0, 3, 0},
      {2, 0, 4, 0, 0}, {0, 0, 4, 0, 2}, {2, 0, 3, 1, 0}, {2, 0, 0, 4, 0}, {0, 0, 0, 0, 6},
      {1, 0, 0, 5, 0}, {1, 1, 0, 4, 0}, {0, 3, 3, 0, 0}, {1, 0, 0, 5, 0}, {0, 2, 0, 3, 1},
    };
    String[] labels = {"Depression", "Personality", "Schizophrenia", "Neurosis", "Other"};
    String[][] rows = new String[counts.length][6];
    for (int u = 0; u < counts.length; u++) {
      int j = 0;
      for (int k = 0; k < 5; k++) {
        for (int c = 0; c < counts[u][k]; c++) {
          rows[u][j++] = labels[k];
        }
      }
    }
    AgreementCalculator calculator = AgreementCalculator.of(RatingTable.ofLabels(rows));
    Agreement alpha = calculator.compute(Metric.KRIPPENDORFF_ALPHA, ANALYTIC);
    assertThat(alpha.valueOrThrow()).isCloseTo(0.4204384, within(5e-8));
    assertThat(alpha.se().getAsDouble()).isCloseTo(0.08119291, within(5e-9));
    Agreement fleiss = calculator.compute(Metric.FLEISS_KAPPA, ANALYTIC);
    assertThat(fleiss.valueOrThrow()).isCloseTo(0.4139265, within(5e-8));
    assertThat(fleiss.se().getAsDouble()).isCloseTo(alpha.se().getAsDouble(), within(1e-12));
    // t on 15 - 1 degrees of freedom, 2.1448: (0.246, 0.595).
    Interval ci = alpha.ci().orElseThrow();
    assertThat(ci.low()).isCloseTo(0.4204384 - 2.1447867 * 0.08119291, within(1e-6));
    assertThat(ci.high()).isCloseTo(0.4204384 + 2.1447867 * 0.08119291, within(1e-6));
  }

  static Stream<Long> seeds() {
    return Seeds.seeds(8);
  }

  /** 300 units, 5 raters with their own biases, 4 numeric categories, 10% missing. */
  private static RatingTable largeTable(RandomGenerator random) {
    int units = 300;
    int raters = 5;
    int q = 4;
    int[] codes = new int[units * raters];
    for (int u = 0; u < units; u++) {
      int truth = random.nextInt(q);
      for (int r = 0; r < raters; r++) {
        int code;
        if (random.nextDouble() < 0.1) {
          code = RatingTable.MISSING;
        } else if (random.nextDouble() < 0.6) {
          code = truth;
        } else {
          code = random.nextDouble() < 0.2 * r ? r % q : random.nextInt(q);
        }
        codes[u * raters + r] = code;
      }
    }
    List<String> labels = new ArrayList<>();
    for (int c = 0; c < q; c++) {
      labels.add(Integer.toString(1 + c * c));
    }
    return RatingTable.of(raters, codes, LabelCoding.of(labels));
  }

  /**
   * The linearised standard error and the bootstrap's (2,000 resamples of units) estimate the same
   * spread; on 300 units they agree within 20% (the bootstrap's own Monte Carlo error is about 2%,
   * the linearisation's bias at this size a few percent).
   */
  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void analyticStandardErrorsAreCloseToTheBootstrap(long seed) {
    RandomGenerator random = Seeds.random(seed);
    AgreementCalculator calculator = AgreementCalculator.of(largeTable(random));
    List<AgreementOptions> alphas =
        List.of(
            AgreementOptions.DEFAULT.withLevel(Level.NOMINAL),
            AgreementOptions.DEFAULT.withLevel(Level.ORDINAL),
            AgreementOptions.DEFAULT.withLevel(Level.INTERVAL),
            AgreementOptions.DEFAULT.withLevel(Level.RATIO));
    for (AgreementOptions options : alphas) {
      check(calculator, Metric.KRIPPENDORFF_ALPHA, options, seed, options.level().toString());
    }
    check(calculator, Metric.CONGER_KAPPA, AgreementOptions.DEFAULT, seed, "unweighted");
    check(
        calculator,
        Metric.CONGER_KAPPA,
        AgreementOptions.DEFAULT.withWeights("quadratic"),
        seed,
        "quadratic");
  }

  private static void check(
      AgreementCalculator calculator,
      Metric metric,
      AgreementOptions options,
      long seed,
      String what) {
    Agreement analytic = calculator.compute(metric, options.withInterval(CiMethod.ANALYTIC, 0.95));
    Agreement resampled =
        calculator.compute(
            metric, options.withInterval(CiMethod.BOOTSTRAP, 0.95).withBootstrap(2000, seed));
    assertThat(analytic.ci().orElseThrow().method()).as(what).isEqualTo("analytic");
    assertThat(analytic.se().getAsDouble() / resampled.se().getAsDouble())
        .as("%s %s", metric, what)
        .isCloseTo(1.0, within(0.2));
  }
}
