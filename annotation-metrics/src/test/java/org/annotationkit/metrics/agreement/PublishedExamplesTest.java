package org.annotationkit.metrics.agreement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.annotationkit.metrics.agreement.AgreementOptions.CiMethod;
import org.junit.jupiter.api.Test;

/** Every worked example of the metrics reference, with its source. */
class PublishedExamplesTest {

  private static final AgreementOptions NO_CI =
      AgreementOptions.DEFAULT.withInterval(CiMethod.NONE, 0.95);

  private static double value(RatingTable table, Metric metric) {
    return AgreementCalculator.of(table).compute(metric, NO_CI).valueOrThrow();
  }

  private static double alpha(RatingTable table, Level level) {
    return AgreementCalculator.of(table)
        .compute(Metric.KRIPPENDORFF_ALPHA, NO_CI.withLevel(level))
        .valueOrThrow();
  }

  /** Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", pp. 4-9. */
  @Test
  void krippendorff2011AlphaAtEveryLevel() {
    RatingTable table = Examples.krippendorff2011();
    assertThat(alpha(table, Level.NOMINAL)).isCloseTo(0.743, within(5e-4));
    assertThat(alpha(table, Level.ORDINAL)).isCloseTo(0.815, within(5e-4));
    assertThat(alpha(table, Level.INTERVAL)).isCloseTo(0.849, within(5e-4));
    assertThat(alpha(table, Level.RATIO)).isCloseTo(0.797, within(5e-4));
  }

  /** Gwet, irrCAC README, on the data of Krippendorff (2011): AC1 0.77544, pa 0.8181818. */
  @Test
  void krippendorff2011GwetAndPercentAgreementAsIrrCac() {
    RatingTable table = Examples.krippendorff2011();
    assertThat(value(table, Metric.GWET_AC1)).isCloseTo(0.77544, within(5e-6));
    assertThat(value(table, Metric.PERCENT_AGREEMENT)).isCloseTo(0.8181818, within(5e-8));
  }

  /**
   * Gwet's variance and interval for AC1, as irrCAC's README prints {@code
   * gwet.ac1.raw(cac.raw4raters)} (the Krippendorff 2011 data): standard error 0.14295, 95%
   * interval (0.461, 1), t with n - 1 = 10 degrees of freedom, the upper bound clipped at 1.
   */
  @Test
  void krippendorff2011Ac1IntervalAsIrrCac() {
    Agreement ac1 =
        AgreementCalculator.of(Examples.krippendorff2011())
            .compute(Metric.GWET_AC1, AgreementOptions.DEFAULT);
    assertThat(ac1.se().getAsDouble()).isCloseTo(0.14295, within(5e-6));
    Interval ci = ac1.ci().orElseThrow();
    assertThat(ci.low()).isCloseTo(0.461, within(5e-4));
    assertThat(ci.high()).isEqualTo(1);
    assertThat(ci.method()).isEqualTo("analytic");
  }

  /** Fleiss (1971), "Measuring nominal scale agreement among many raters", pp. 379-380. */
  @Test
  void fleiss1971KappaAndPerCategory() {
    RatingTable table = Examples.fleiss1971();
    Agreement kappa =
        AgreementCalculator.of(table).compute(Metric.FLEISS_KAPPA, NO_CI.withPerCategory(true));
    assertThat(kappa.valueOrThrow()).isCloseTo(0.4302, within(5e-5));
    Map<String, Agreement> perCategory = kappa.perCategory();
    double[] expected = {0.2448, 0.2448, 0.5200, 0.4711, 0.5661};
    List<String> labels = List.of("1", "2", "3", "4", "5");
    for (int c = 0; c < 5; c++) {
      assertThat(java.util.Objects.requireNonNull(perCategory.get(labels.get(c))).valueOrThrow())
          .as("category %s", labels.get(c))
          .isCloseTo(expected[c], within(5e-4));
    }
  }

  /** Artstein and Poesio (2008), "Inter-coder agreement for computational linguistics", 2.4. */
  @Test
  void artsteinPoesio2008() {
    RatingTable table =
        Examples.twoRaters(
            new long[][] {{46, 6, 0}, {0, 32, 0}, {0, 6, 10}}, "Stat", "IReq", "Chck");
    assertThat(value(table, Metric.PERCENT_AGREEMENT)).isCloseTo(0.88, within(1e-12));
    assertThat(value(table, Metric.SCOTT_PI)).isCloseTo(0.7995, within(5e-5));
    assertThat(value(table, Metric.BRENNAN_PREDIGER)).isCloseTo(0.82, within(1e-12));
    assertThat(value(table, Metric.COHEN_KAPPA)).isCloseTo(0.8013, within(5e-5));
    // Alpha = pi + (1 - pi) / 200 here: 1 - 0.12 / (200 / 199 * 0.5986) = 0.80053; the paper
    // gives it to three figures.
    assertThat(alpha(table, Level.NOMINAL)).isCloseTo(0.80053, within(5e-6));
    assertThat(alpha(table, Level.NOMINAL)).isCloseTo(0.800, within(1e-3));
  }

  /** Cohen (1960), "A coefficient of agreement for nominal scales", p. 45. */
  @Test
  void cohen1960() {
    RatingTable table =
        Examples.twoRaters(new long[][] {{88, 14, 18}, {10, 40, 10}, {2, 6, 12}}, "1", "2", "3");
    assertThat(value(table, Metric.COHEN_KAPPA)).isCloseTo(0.492, within(5e-4));
  }

  /**
   * Brennan and Prediger (1981), "Coefficient kappa: some uses, misuses, and alternatives", p. 689.
   */
  @Test
  void brennanPrediger1981() {
    RatingTable table =
        Examples.twoRaters(new long[][] {{50, 0, 0}, {10, 10, 10}, {20, 0, 0}}, "1", "2", "3");
    assertThat(value(table, Metric.COHEN_KAPPA)).isCloseTo(0.27, within(5e-3));
    assertThat(value(table, Metric.BRENNAN_PREDIGER)).isCloseTo(0.40, within(5e-3));
  }

  /** Warrens (2010), "Inequalities between multi-rater kappas", p. 284. */
  @Test
  void warrens2010MultiRaterKappas() {
    RatingTable table = Examples.warrens2010();
    // The paper prints four decimals; the exact values of this table, from the definitions
    // (src/test/scripts/warrens2010.py), differ from two of them by one in the last digit (DKPro's
    // test of the same table allows 1e-4 too).
    assertThat(value(table, Metric.BRENNAN_PREDIGER)).isCloseTo(0.8357142857, within(1e-9));
    assertThat(value(table, Metric.FLEISS_KAPPA)).isCloseTo(0.8323496360, within(1e-9));
    assertThat(value(table, Metric.CONGER_KAPPA)).isCloseTo(0.8326326003, within(1e-9));
    assertThat(value(table, Metric.LIGHT_KAPPA)).isCloseTo(0.8324380067, within(1e-9));
    assertThat(value(table, Metric.BRENNAN_PREDIGER)).isCloseTo(0.8358, within(1e-4));
    assertThat(value(table, Metric.FLEISS_KAPPA)).isCloseTo(0.8324, within(1e-4));
    assertThat(value(table, Metric.CONGER_KAPPA)).isCloseTo(0.8326, within(1e-4));
    assertThat(value(table, Metric.LIGHT_KAPPA)).isCloseTo(0.8325, within(1e-4));
  }

  /** Gwet (2008), "Computing inter-rater reliability ... in the presence of high agreement". */
  @Test
  void gwetKappaParadox() {
    RatingTable table = Examples.twoRaters(new long[][] {{8, 1}, {0, 1}}, "y", "n");
    assertThat(value(table, Metric.GWET_AC1)).isCloseTo(0.8658, within(5e-5));
    assertThat(value(table, Metric.SCOTT_PI)).isCloseTo(0.6078, within(5e-5));
  }

  /**
   * SAS/STAT FREQ documentation, kappa example, as statsmodels' tests use it: kappa 0.4842,
   * asymptotic standard error 0.1380, 95% interval 0.2137 to 0.7547.
   */
  @Test
  void sasKappaWithAsymptoticInterval() {
    RatingTable table =
        Examples.twoRaters(new long[][] {{0, 4, 1}, {0, 8, 0}, {0, 1, 5}}, "a", "b", "c");
    Agreement kappa =
        AgreementCalculator.of(table).compute(Metric.COHEN_KAPPA, AgreementOptions.DEFAULT);
    assertThat(kappa.valueOrThrow()).isCloseTo(0.4842, within(5e-5));
    assertThat(kappa.se().getAsDouble()).isCloseTo(0.1380, within(5e-5));
    Interval ci = kappa.ci().orElseThrow();
    assertThat(ci.low()).isCloseTo(0.2137, within(5e-5));
    assertThat(ci.high()).isCloseTo(0.7547, within(5e-5));
    assertThat(ci.method()).isEqualTo("analytic");
  }

  /** Shrout and Fleiss (1979), "Intraclass correlations", Table 4. */
  @Test
  void shroutFleiss1979SixForms() {
    double[] expected = {0.17, 0.29, 0.71, 0.44, 0.62, 0.91};
    IccForm[] forms = {
      IccForm.ICC_1_1, IccForm.ICC_2_1, IccForm.ICC_3_1,
      IccForm.ICC_1_K, IccForm.ICC_2_K, IccForm.ICC_3_K
    };
    for (int i = 0; i < forms.length; i++) {
      Agreement icc = Icc.of(Examples.SHROUT_FLEISS, 4, forms[i], 0.95);
      assertThat(icc.valueOrThrow())
          .as("ICC(%s)", forms[i].cliName())
          .isCloseTo(expected[i], within(5e-3));
      assertThat(icc.ci().orElseThrow().contains(icc.valueOrThrow())).isTrue();
    }
  }
}
