package org.annotationkit.metrics.agreement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import java.util.stream.Stream;
import org.annotationkit.core.coding.LabelCoding;
import org.annotationkit.core.testing.AccumulatorLaws;
import org.annotationkit.core.testing.Seeds;
import org.annotationkit.metrics.agreement.AgreementOptions.CiMethod;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Seeded properties and cross-checks against independent, brute-force formulas. */
class AgreementPropertiesTest {
  private static final AgreementOptions NO_CI =
      AgreementOptions.DEFAULT.withInterval(CiMethod.NONE, 0.95);

  private static final Metric[] NOMINAL = {
    Metric.PERCENT_AGREEMENT,
    Metric.FLEISS_KAPPA,
    Metric.CONGER_KAPPA,
    Metric.LIGHT_KAPPA,
    Metric.BRENNAN_PREDIGER,
    Metric.GWET_AC1,
    Metric.KRIPPENDORFF_ALPHA,
  };

  static Stream<Long> seeds() {
    return Seeds.seeds(60);
  }

  /** A random table: its categories are the numbers 1..q, so every level applies. */
  static RatingTable randomTable(RandomGenerator random, double missing) {
    int units = 1 + random.nextInt(60);
    int raters = 2 + random.nextInt(5);
    int q = 1 + random.nextInt(5);
    // Skewed categories and raters that agree with a unit's "true" value half of the time.
    int[] codes = new int[units * raters];
    for (int u = 0; u < units; u++) {
      int truth = random.nextInt(q);
      for (int r = 0; r < raters; r++) {
        codes[u * raters + r] =
            random.nextDouble() < missing
                ? RatingTable.MISSING
                : random.nextDouble() < 0.5 ? truth : random.nextInt(q);
      }
    }
    List<String> labels = new ArrayList<>();
    int value = 0;
    for (int c = 0; c < q; c++) {
      value += 1 + random.nextInt(3); // unevenly spaced values
      labels.add(Integer.toString(value));
    }
    return RatingTable.of(raters, codes, LabelCoding.of(labels));
  }

  private static List<int[]> rows(RatingTable table) {
    List<int[]> rows = new ArrayList<>();
    int r = table.raterCount();
    int[] codes = table.codes();
    for (int u = 0; u < table.unitCount(); u++) {
      int[] row = new int[r];
      System.arraycopy(codes, u * r, row, 0, r);
      rows.add(row);
    }
    return rows;
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void unitCountsObeyTheAccumulatorLawsExactly(long seed) {
    RatingTable table = randomTable(Seeds.random(seed), 0.3);
    AccumulatorLaws.over(
            rows(table),
            () -> new UnitCountsAccumulator(table.categoryCount()),
            (acc, row) -> acc.addUnit(row, 0, row.length))
        .orderIndependent()
        .check(seed);
  }

  /** The pattern table (units counted by their category counts) changes nothing. */
  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void patternCountingObeysTheLawsAndEqualsPlainCounting(long seed) {
    RatingTable table = randomTable(Seeds.random(seed), 0.3);
    int q = table.categoryCount();
    int r = table.raterCount();
    AccumulatorLaws.over(
            rows(table),
            () -> new UnitCountsAccumulator(q, r),
            (acc, row) -> acc.addUnit(row, 0, row.length))
        .orderIndependent()
        .check(seed);
    UnitCountsAccumulator plain = new UnitCountsAccumulator(q);
    plain.addTable(table);
    UnitCountsAccumulator patterned = new UnitCountsAccumulator(q, r);
    patterned.addRows(table.codes(), r, 0, table.unitCount());
    assertThat(patterned.finish()).isEqualTo(plain.finish());
    // Halves with different pattern bases (or none) merge into the whole.
    int half = table.unitCount() / 2;
    UnitCountsAccumulator left = new UnitCountsAccumulator(q, r + 1);
    left.addRows(table.codes(), r, 0, half);
    UnitCountsAccumulator right = new UnitCountsAccumulator(q, r);
    right.addRows(table.codes(), r, half, table.unitCount());
    UnitCountsAccumulator none = new UnitCountsAccumulator(q);
    none.merge(left);
    none.merge(right);
    assertThat(none.finish()).isEqualTo(plain.finish());
    left.merge(right);
    assertThat(left.finish()).isEqualTo(plain.finish());
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void raterPairsObeyTheAccumulatorLawsExactly(long seed) {
    RatingTable table = randomTable(Seeds.random(seed), 0.3);
    AccumulatorLaws.over(
            rows(table),
            () -> new RaterPairsAccumulator(table.raterCount(), table.categoryCount()),
            (acc, row) -> acc.addUnit(row, 0))
        .orderIndependent()
        .check(seed);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void intervalAlphaObeysTheAccumulatorLawsUpToRounding(long seed) {
    RandomGenerator random = Seeds.random(seed);
    int raters = 2 + random.nextInt(4);
    List<double[]> units = new ArrayList<>();
    for (int u = random.nextInt(50); u > 0; u--) {
      double[] row = new double[raters];
      double centre = random.nextGaussian() * 10;
      for (int r = 0; r < raters; r++) {
        row[r] = random.nextDouble() < 0.25 ? Double.NaN : centre + random.nextGaussian();
      }
      units.add(row);
    }
    AccumulatorLaws.over(
            units, IntervalAlphaAccumulator::new, (acc, row) -> acc.addUnit(row, 0, row.length))
        .equivalence((a, b) ->
            a.isDefined() == b.isDefined()
                && (!a.isDefined()
                    || AccumulatorLaws.close(a.valueOrThrow(), b.valueOrThrow(), 1e-9)))
        .orderIndependent()
        .check(seed);
  }

  /**
   * Alpha from the coincidence matrix equals alpha from its definition: disagreements summed over
   * every ordered pair of values within each unit (weighted 1 / (m_u - 1)) and over every ordered
   * pair of pairable values, brute force.
   */
  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void alphaEqualsTheBruteForceOverPairsOfValues(long seed) {
    RatingTable table = randomTable(Seeds.random(seed), 0.3);
    double[] values = table.categoryValues().orElseThrow();
    for (Level level : Level.values()) {
      Agreement alpha = UnitCounts.of(table).alpha(level, values);
      double expected = bruteForceAlpha(table, level, values);
      if (Double.isNaN(expected)) {
        assertThat(alpha.isDefined()).as("%s: %s", level, alpha).isFalse();
      } else {
        assertThat(alpha.valueOrThrow()).as("%s", level).isCloseTo(expected, within(1e-9));
      }
    }
  }

  private static double bruteForceAlpha(RatingTable table, Level level, double[] values) {
    int r = table.raterCount();
    int q = table.categoryCount();
    List<Integer> pairable = new ArrayList<>();
    List<int[]> units = new ArrayList<>();
    for (int u = 0; u < table.unitCount(); u++) {
      List<Integer> unit = new ArrayList<>();
      for (int j = 0; j < r; j++) {
        if (table.code(u, j) != RatingTable.MISSING) {
          unit.add(table.code(u, j));
        }
      }
      if (unit.size() >= 2) {
        pairable.addAll(unit);
        units.add(unit.stream().mapToInt(Integer::intValue).toArray());
      }
    }
    double n = pairable.size();
    if (n < 2) {
      return Double.NaN;
    }
    double[] marginals = new double[q];
    pairable.forEach(c -> marginals[c]++);
    double[] d = level.distances(marginals, values);
    double observed = 0;
    for (int[] unit : units) {
      for (int i = 0; i < unit.length; i++) {
        for (int j = 0; j < unit.length; j++) {
          if (i != j) {
            observed += d[unit[i] * q + unit[j]] / (unit.length - 1);
          }
        }
      }
    }
    double expected = 0;
    for (int i = 0; i < pairable.size(); i++) {
      for (int j = 0; j < pairable.size(); j++) {
        if (i != j) {
          expected += d[pairable.get(i) * q + pairable.get(j)];
        }
      }
    }
    if (expected == 0) {
      return Double.NaN;
    }
    return 1 - (observed / n) / (expected / (n * (n - 1)));
  }

  /**
   * The matrix-free paths for many distinct values (interval from moments, ordinal from mid-ranks,
   * ratio over pairs of values) equal the coincidence matrix.
   */
  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void matrixFreeAlphaEqualsTheCoincidenceMatrix(long seed) {
    RatingTable table = randomTable(Seeds.random(seed), 0.3);
    double[] values = table.categoryValues().orElseThrow();
    UnitCounts counts = UnitCounts.of(table);
    Agreement[][] pairs = {
      {ValueAlpha.interval(table, values), counts.alpha(Level.INTERVAL, values)},
      {ValueAlpha.alpha(table, Level.ORDINAL, values), counts.alpha(Level.ORDINAL, values)},
      {ValueAlpha.ratio(table, values), counts.alpha(Level.RATIO, values)},
    };
    for (Agreement[] pair : pairs) {
      assertThat(pair[0].isDefined())
          .as("%s vs %s", pair[0], pair[1])
          .isEqualTo(pair[1].isDefined());
      if (pair[1].isDefined()) {
        assertThat(pair[0].valueOrThrow()).isCloseTo(pair[1].valueOrThrow(), within(1e-9));
      }
    }
  }

  /** Interval alpha from moments equals interval alpha from the coincidence matrix. */
  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void intervalAlphaFromMomentsEqualsTheCoincidenceMatrix(long seed) {
    RatingTable table = randomTable(Seeds.random(seed), 0.3);
    double[] values = table.categoryValues().orElseThrow();
    int[] codes = table.codes();
    double[] x = new double[codes.length];
    for (int i = 0; i < codes.length; i++) {
      x[i] = codes[i] == RatingTable.MISSING ? Double.NaN : values[codes[i]];
    }
    IntervalAlphaAccumulator moments = new IntervalAlphaAccumulator();
    moments.addRows(x, table.raterCount(), 0, table.unitCount());
    Agreement fromMoments = moments.finish();
    Agreement fromMatrix = UnitCounts.of(table).alpha(Level.INTERVAL, values);
    assertThat(fromMoments.isDefined()).isEqualTo(fromMatrix.isDefined());
    if (fromMatrix.isDefined()) {
      assertThat(fromMoments.valueOrThrow()).isCloseTo(fromMatrix.valueOrThrow(), within(1e-9));
    }
  }

  /**
   * Percent agreement and Fleiss' kappa equal their brute-force definitions over the ordered pairs
   * of ratings of each unit; Conger's kappa on a complete table equals Hubert's definition over the
   * pairs of raters (Warrens 2010: mean pairwise observed and chance agreement).
   */
  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void kappasEqualTheirBruteForceDefinitions(long seed) {
    RandomGenerator random = Seeds.random(seed);
    RatingTable table = randomTable(random, 0.3);
    int r = table.raterCount();
    int q = table.categoryCount();
    double paSum = 0;
    int pairableUnits = 0;
    double[] pi = new double[q];
    int rated = 0;
    for (int u = 0; u < table.unitCount(); u++) {
      int agree = 0;
      int m = 0;
      for (int a = 0; a < r; a++) {
        if (table.code(u, a) == RatingTable.MISSING) {
          continue;
        }
        m++;
        for (int b = 0; b < r; b++) {
          if (a != b && table.code(u, a) == table.code(u, b)) {
            agree++;
          }
        }
      }
      if (m >= 2) {
        paSum += agree / ((double) m * (m - 1));
        pairableUnits++;
      }
      if (m >= 1) {
        rated++;
        for (int a = 0; a < r; a++) {
          if (table.code(u, a) != RatingTable.MISSING) {
            pi[table.code(u, a)] += 1.0 / m;
          }
        }
      }
    }
    Agreement pa = value(table, Metric.PERCENT_AGREEMENT);
    Agreement fleiss = value(table, Metric.FLEISS_KAPPA);
    if (pairableUnits == 0) {
      assertThat(pa.isDefined()).isFalse();
      return;
    }
    double po = paSum / pairableUnits;
    assertThat(pa.valueOrThrow()).isCloseTo(po, within(1e-12));
    double pe = 0;
    for (double p : pi) {
      pe += (p / rated) * (p / rated);
    }
    if (pe < 1 - 1e-12) {
      assertThat(fleiss.valueOrThrow()).isCloseTo((po - pe) / (1 - pe), within(1e-9));
    } else {
      assertThat(fleiss.isDefined()).isFalse();
    }

    RatingTable complete = randomTable(random, 0);
    int rc = complete.raterCount();
    int qc = complete.categoryCount();
    int n = complete.unitCount();
    double observed = 0;
    double chance = 0;
    int pairs = 0;
    for (int a = 0; a < rc; a++) {
      for (int b = a + 1; b < rc; b++) {
        double[] pa1 = new double[qc];
        double[] pb1 = new double[qc];
        double agree = 0;
        for (int u = 0; u < n; u++) {
          pa1[complete.code(u, a)] += 1.0 / n;
          pb1[complete.code(u, b)] += 1.0 / n;
          agree += complete.code(u, a) == complete.code(u, b) ? 1.0 / n : 0;
        }
        double e = 0;
        for (int c = 0; c < qc; c++) {
          e += pa1[c] * pb1[c];
        }
        observed += agree;
        chance += e;
        pairs++;
      }
    }
    observed /= pairs;
    chance /= pairs;
    Agreement conger = value(complete, Metric.CONGER_KAPPA);
    if (chance < 1 - 1e-12) {
      assertThat(conger.valueOrThrow()).isCloseTo((observed - chance) / (1 - chance), within(1e-9));
    } else {
      assertThat(conger.isDefined()).isFalse();
    }
  }

  private static Agreement value(RatingTable table, Metric metric) {
    return AgreementCalculator.of(table).compute(metric, NO_CI);
  }

  /** Relabelling the categories, reordering units and raters change no nominal coefficient. */
  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void nominalCoefficientsIgnoreLabelsAndOrder(long seed) {
    RandomGenerator random = Seeds.random(seed);
    RatingTable table = randomTable(random, 0.3);
    int r = table.raterCount();
    int q = table.categoryCount();
    int n = table.unitCount();
    int[] relabel = permutation(random, q);
    int[] unitOrder = permutation(random, n);
    int[] raterOrder = permutation(random, r);
    int[] codes = new int[n * r];
    for (int u = 0; u < n; u++) {
      for (int j = 0; j < r; j++) {
        int c = table.code(unitOrder[u], raterOrder[j]);
        codes[u * r + j] = c == RatingTable.MISSING ? c : relabel[c];
      }
    }
    List<String> names = new ArrayList<>();
    for (int c = 0; c < q; c++) {
      names.add("c" + c);
    }
    RatingTable shuffled = RatingTable.of(r, codes, LabelCoding.of(names));
    for (Metric metric : NOMINAL) {
      Agreement a = value(table, metric);
      Agreement b = value(shuffled, metric);
      assertThat(b.isDefined()).as("%s: %s vs %s", metric, a, b).isEqualTo(a.isDefined());
      if (a.isDefined()) {
        assertThat(b.valueOrThrow()).as("%s", metric).isCloseTo(a.valueOrThrow(), within(1e-9));
      }
    }
  }

  private static int[] permutation(RandomGenerator random, int n) {
    int[] p = new int[n];
    for (int i = 0; i < n; i++) {
      p[i] = i;
    }
    for (int i = n - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = p[i];
      p[i] = p[j];
      p[j] = t;
    }
    return p;
  }

  /** Every coefficient is at most 1, and exactly 1 on perfect agreement where it is defined. */
  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void atMostOneAndOneOnPerfectAgreement(long seed) {
    RandomGenerator random = Seeds.random(seed);
    RatingTable table = randomTable(random, 0.3);
    for (Metric metric : Metric.values()) {
      Agreement a = value(table, metric);
      if (a.isDefined()) {
        assertThat(a.valueOrThrow()).as("%s", metric).isLessThanOrEqualTo(1 + 1e-12);
      }
    }
    for (Level level : Level.values()) {
      Agreement alpha = value2(table, level);
      if (alpha.isDefined()) {
        assertThat(alpha.valueOrThrow()).as("%s", level).isLessThanOrEqualTo(1 + 1e-12);
      }
    }
    // Perfect agreement: every rater of a unit gives the unit's value.
    int r = table.raterCount();
    int[] codes = table.codes();
    for (int u = 0; u < table.unitCount(); u++) {
      int truth = random.nextInt(table.categoryCount());
      for (int j = 0; j < r; j++) {
        if (codes[u * r + j] != RatingTable.MISSING) {
          codes[u * r + j] = truth;
        }
      }
    }
    RatingTable perfect = RatingTable.of(r, codes, table.categories());
    for (Metric metric : Metric.values()) {
      Agreement a = value(perfect, metric);
      if (a.isDefined() && metric != Metric.ICC) {
        assertThat(a.valueOrThrow()).as("%s on %s", metric, perfect).isCloseTo(1, within(1e-9));
      }
    }
    for (Level level : Level.values()) {
      Agreement alpha = value2(perfect, level);
      if (alpha.isDefined()) {
        assertThat(alpha.valueOrThrow()).as("%s", level).isCloseTo(1, within(1e-9));
      }
    }
  }

  private static Agreement value2(RatingTable table, Level level) {
    return AgreementCalculator.of(table).compute(Metric.KRIPPENDORFF_ALPHA, NO_CI.withLevel(level));
  }

  /** Bootstrap intervals hold the point estimate; the same seed gives the same interval. */
  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void bootstrapIntervalsContainThePointEstimate(long seed) {
    RandomGenerator random = Seeds.random(seed);
    RatingTable table = randomTable(random, 0.2);
    if (table.unitCount() < 20) {
      return;
    }
    AgreementOptions options =
        AgreementOptions.DEFAULT.withInterval(CiMethod.BOOTSTRAP, 0.95).withBootstrap(200, seed);
    for (Metric metric : NOMINAL) {
      Agreement a = AgreementCalculator.of(table).compute(metric, options);
      if (a.isDefined() && a.ci().isPresent()) {
        assertThat(a.ci().get().contains(a.valueOrThrow())).as("%s: %s", metric, a).isTrue();
        assertThat(AgreementCalculator.of(table).compute(metric, options)).isEqualTo(a);
      }
    }
  }
}
