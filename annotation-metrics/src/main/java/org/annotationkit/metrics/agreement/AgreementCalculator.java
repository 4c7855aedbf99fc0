package org.annotationkit.metrics.agreement;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;
import org.annotationkit.metrics.agreement.AgreementOptions.CiMethod;

/**
 * Computes any {@link Metric} over a {@link RatingTable}, with its standard error and confidence
 * interval.
 *
 * <p>Analytic intervals: Gwet's linearised variance for percent agreement, Fleiss' kappa, Scott's
 * pi, Brennan-Prediger and Gwet's AC1/AC2, with Student's t on {@code n - 1} degrees of freedom and
 * bounds clipped to {@code [-1, 1]} (as irrCAC); the Fleiss-Cohen-Everitt asymptotic standard error
 * for Cohen's and weighted kappa with the normal quantile (as statsmodels and SAS); F-based
 * intervals for the ICC. Conger's kappa and Krippendorff's alpha (every level and a caller's
 * distances, up to 1,024 categories) have Gwet's linearised variance as irrCAC's {@code
 * conger.kappa.raw} and {@code krippen.alpha.raw} compute it, with the same t interval. Light's
 * kappa has no analytic interval here: asking for one gives the bootstrap's. The bootstrap
 * resamples units with replacement from the seed and reports the percentile interval of the defined
 * replicates and their standard deviation as the standard error.
 *
 * {@snippet :
 * RatingTable table = RatingTable.of(Answers.read(Path.of("labels.csv"), AnswerOptions.DEFAULT));
 * Agreement alpha = AgreementCalculator.of(table)
 *     .compute(Metric.KRIPPENDORFF_ALPHA, AgreementOptions.DEFAULT.withLevel(Level.ORDINAL));
 * }
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class AgreementCalculator {
  private final RatingTable table;

  private AgreementCalculator(RatingTable table) {
    this.table = table;
  }

  /**
   * A calculator over a table.
   *
   * @param table the table
   * @return the calculator
   */
  public static AgreementCalculator of(RatingTable table) {
    Objects.requireNonNull(table, "table");
    return new AgreementCalculator(Objects.requireNonNull(table, "table"));
  }

  /**
   * The table.
   *
   * @return the table
   */
  public RatingTable table() {
    return table;
  }

  /**
   * One coefficient with its interval as the options ask.
   *
   * @param metric the coefficient
   * @param options weights, level, interval
   * @return the result; undefined results are answers, not errors
   * @throws IllegalArgumentException if the options do not fit the table (weights of another size,
   *     distances by value over labels that are not numbers)
   */
  public Agreement compute(Metric metric, AgreementOptions options) {
    Objects.requireNonNull(metric, "metric");
    Objects.requireNonNull(options, "options");
    Agreement point = point(table, metric, options);
    if (options.perCategory()) {
      point = point.withPerCategory(perCategory(metric));
    }
    if (!point.isDefined() || options.ci() == CiMethod.NONE) {
      return point;
    }
    if (options.ci() == CiMethod.ANALYTIC) {
      Optional<Agreement> analytic = analytic(metric, options, point);
      if (analytic.isPresent()) {
        return analytic.get();
      }
    }
    return bootstrap(point, t -> point(t, metric, options), options);
  }

  /**
   * Every coefficient that applies to the table: the two-rater ones when it has two raters, the ICC
   * when the categories are numbers.
   *
   * @param options weights, level, interval
   * @return the results, in {@link Metric} order
   */
  public List<Agreement> all(AgreementOptions options) {
    Objects.requireNonNull(options, "options");
    List<Agreement> out = new ArrayList<>();
    for (Metric metric : Metric.values()) {
      if (metric.twoRaters() && table.raterCount() != 2) {
        continue;
      }
      if (metric == Metric.ICC && table.categoryValues().isEmpty()) {
        continue;
      }
      try {
        out.add(compute(metric, options));
      } catch (IllegalArgumentException e) {
        // Too many categories for a q x q table, say: the others still apply.
        out.add(
            Agreement.undefined(
                metric.cliName(),
                String.valueOf(e.getMessage()),
                table.unitCount(),
                table.raterCount()));
      }
    }
    return out;
  }

  /**
   * A two-rater coefficient (Cohen's by default) for every pair of raters: the
   * annotator-by-annotator matrix.
   *
   * @param metric a coefficient; the multi-rater ones are computed on each pair's two columns
   * @param options weights, level, interval
   * @return an {@code r x r} matrix, the diagonal undefined
   */
  public Agreement[][] pairwise(Metric metric, AgreementOptions options) {
    Objects.requireNonNull(metric, "metric");
    Objects.requireNonNull(options, "options");
    int r = table.raterCount();
    Agreement[][] out = new Agreement[r][r];
    for (int a = 0; a < r; a++) {
      out[a][a] = Agreement.undefined(metric.cliName(), "the same rater", 0, 1);
      for (int b = a + 1; b < r; b++) {
        out[a][b] = of(table.raters(a, b)).compute(metric, options);
        out[b][a] = out[a][b];
      }
    }
    return out;
  }

  /**
   * A coefficient for each group of units (documents, batches, label sets): the units whose group
   * is the same form one table each.
   *
   * @param groupOf the group of a unit, by its id
   * @param metric the coefficient
   * @param options weights, level, interval
   * @return the result of each group, in sorted order of the groups
   */
  public java.util.SortedMap<String, Agreement> perGroup(
      java.util.function.Function<String, String> groupOf,
      Metric metric,
      AgreementOptions options) {
    Objects.requireNonNull(metric, "metric");
    Objects.requireNonNull(options, "options");
    Objects.requireNonNull(groupOf, "groupOf");
    java.util.SortedMap<String, List<Integer>> rows = new java.util.TreeMap<>();
    for (int u = 0; u < table.unitCount(); u++) {
      String group = Objects.requireNonNull(groupOf.apply(table.units().label(u)), "group");
      rows.computeIfAbsent(group, g -> new ArrayList<>()).add(u);
    }
    java.util.SortedMap<String, Agreement> out = new java.util.TreeMap<>();
    rows.forEach((group, units) ->
        out.put(
            group,
            of(table.rows(units.stream().mapToInt(Integer::intValue).toArray()))
                .compute(metric, options)));
    return out;
  }

  /**
   * The agreement within each unit: the share of agreeing pairs of its ratings (undefined for a
   * unit with fewer than two).
   *
   * @return one result per unit, in row order
   */
  public List<Agreement> perUnit() {
    List<Agreement> out = new ArrayList<>(table.unitCount());
    int r = table.raterCount();
    int[] cells = table.cells();
    int[] count = new int[table.categoryCount()];
    for (int u = 0; u < table.unitCount(); u++) {
      Arrays.fill(count, 0);
      int m = 0;
      for (int j = 0; j < r; j++) {
        int c = cells[u * r + j];
        if (c != RatingTable.MISSING) {
          count[c]++;
          m++;
        }
      }
      String metric = "percent-agreement";
      if (m < 2) {
        out.add(Agreement.undefined(metric, "the unit has fewer than two ratings", 1, m));
      } else {
        double agree = 0;
        for (int c : count) {
          agree += (double) c * (c - 1);
        }
        out.add(Agreement.of(metric, agree / ((double) m * (m - 1)), 1, m));
      }
    }
    return out;
  }

  private java.util.Map<String, Agreement> perCategory(Metric metric) {
    UnitCounts counts = UnitCounts.of(table);
    return switch (metric) {
      case FLEISS_KAPPA -> counts.fleissPerCategory(table.categories());
      case KRIPPENDORFF_ALPHA -> counts.alphaPerCategory(table.categories());
      default -> java.util.Map.of();
    };
  }

  static Weights weights(RatingTable table, Metric metric, AgreementOptions options) {
    int q = table.categoryCount();
    if (options.customWeights().isPresent()) {
      Weights custom = options.customWeights().get();
      custom.checkSize(q);
      return custom;
    }
    String name = options.weights().orElse(metric.weighted() ? "linear" : "identity");
    if (name.equals("identity")) {
      return Weights.identity(q);
    }
    Weights.Scale scale = options.scale().orElse(Weights.Scale.POSITION);
    if (scale == Weights.Scale.VALUE) {
      double[] values = numericValues(table);
      return name.equals("linear") ? Weights.linear(values) : Weights.quadratic(values);
    }
    return name.equals("linear") ? Weights.linear(q) : Weights.quadratic(q);
  }

  private static double[] numericValues(RatingTable table) {
    return table
        .categoryValues()
        .orElseThrow(() ->
            new IllegalArgumentException(
                "distances by value need numeric categories, got "
                    + String.join(", ", table.categories().labels())));
  }

  private static double[] alphaValues(RatingTable table, AgreementOptions options) {
    Weights.Scale scale =
        options
            .scale()
            .orElse(
                table.categoryValues().isPresent() ? Weights.Scale.VALUE : Weights.Scale.POSITION);
    if (scale == Weights.Scale.VALUE) {
      return numericValues(table);
    }
    double[] positions = new double[table.categoryCount()];
    for (int c = 0; c < positions.length; c++) {
      positions[c] = c;
    }
    return positions;
  }

  /** The point estimate of a metric over a table. */
  static Agreement point(RatingTable table, Metric metric, AgreementOptions options) {
    int r = table.raterCount();
    String name = metric.cliName();
    if (metric.twoRaters() && r != 2) {
      return Agreement.undefined(
          name,
          "needs exactly two raters, the table has "
              + r
              + " (see light-kappa, conger-kappa, or the pairwise matrix)",
          table.unitCount(),
          r);
    }
    Agreement result =
        switch (metric) {
          case PERCENT_AGREEMENT ->
              UnitCounts.of(table).percentAgreement(weights(table, metric, options));
          case COHEN_KAPPA, WEIGHTED_KAPPA -> {
            Agreement kappa = RaterPairs.of(table).cohen(0, 1, weights(table, metric, options));
            yield rename(kappa, name);
          }
          case SCOTT_PI ->
              rename(
                  UnitCounts.of(bothRated(table)).fleissKappa(weights(table, metric, options)),
                  name);
          case FLEISS_KAPPA -> UnitCounts.of(table).fleissKappa(weights(table, metric, options));
          case CONGER_KAPPA ->
              RaterPairs.of(table).conger(UnitCounts.of(table), weights(table, metric, options));
          case LIGHT_KAPPA -> RaterPairs.of(table).light(weights(table, metric, options));
          case BRENNAN_PREDIGER ->
              UnitCounts.of(table).brennanPrediger(weights(table, metric, options));
          case GWET_AC1 ->
              rename(UnitCounts.of(table).gwet(Weights.identity(table.categoryCount())), name);
          case GWET_AC2 -> rename(UnitCounts.of(table).gwet(weights(table, metric, options)), name);
          case KRIPPENDORFF_ALPHA -> alpha(table, options);
          case ICC -> icc(table, options, Double.NaN);
        };
    return result.withCounts(result.units(), r);
  }

  private static Agreement rename(Agreement agreement, String metric) {
    return new Agreement(
        metric,
        agreement.value(),
        agreement.undefinedReason(),
        agreement.units(),
        agreement.raters(),
        agreement.se(),
        agreement.seH0(),
        agreement.ci(),
        agreement.perCategory());
  }

  private static Agreement alpha(RatingTable table, AgreementOptions options) {
    if (options.customDistance().isPresent()) {
      return UnitCounts.of(table).alpha(options.customDistance().get().matrix());
    }
    return ValueAlpha.alpha(table, options.level(), alphaValues(table, options));
  }

  private static Agreement icc(RatingTable table, AgreementOptions options, double level) {
    Optional<double[]> values =
        options.scale().orElse(Weights.Scale.VALUE) == Weights.Scale.VALUE
            ? table.categoryValues()
            : Optional.of(alphaValues(table, options));
    if (values.isEmpty()) {
      return Agreement.undefined(
          "icc", "the ratings are not numbers", table.unitCount(), table.raterCount());
    }
    double[] v = values.get();
    int[] cells = table.cells();
    double[] x = new double[cells.length];
    for (int i = 0; i < cells.length; i++) {
      x[i] = cells[i] == RatingTable.MISSING ? Double.NaN : v[cells[i]];
    }
    return Icc.of(x, table.raterCount(), options.iccForm(), level);
  }

  /** The units that both raters of a two-rater table rated. */
  private static RatingTable bothRated(RatingTable table) {
    int[] cells = table.cells();
    int[] rows = new int[table.unitCount()];
    int n = 0;
    for (int u = 0; u < table.unitCount(); u++) {
      if (cells[2 * u] != RatingTable.MISSING && cells[2 * u + 1] != RatingTable.MISSING) {
        rows[n++] = u;
      }
    }
    return table.rows(Arrays.copyOf(rows, n));
  }

  private Optional<Agreement> analytic(Metric metric, AgreementOptions options, Agreement point) {
    return switch (metric) {
      case COHEN_KAPPA, WEIGHTED_KAPPA -> normalInterval(point, options.ciLevel());
      case ICC -> iccInterval(options, point);
      case PERCENT_AGREEMENT, FLEISS_KAPPA, SCOTT_PI, BRENNAN_PREDIGER, GWET_AC1, GWET_AC2 ->
          gwetInterval(metric, options, point);
      case CONGER_KAPPA ->
          tInterval(
              point,
              GwetVariance.congerStandardError(
                  table, weights(table, metric, options), point.valueOrThrow()),
              options.ciLevel());
      case KRIPPENDORFF_ALPHA -> alphaInterval(options, point);
      default -> Optional.empty();
    };
  }

  private static Optional<Agreement> normalInterval(Agreement point, double level) {
    double value = point.valueOrThrow();
    double se = point.se().orElse(Double.NaN);
    if (!Double.isFinite(se)) {
      return Optional.empty();
    }
    double z = Quantiles.normal(level);
    return Optional.of(
        point.withInterval(new Interval(value - z * se, value + z * se, level, "analytic")));
  }

  private Optional<Agreement> iccInterval(AgreementOptions options, Agreement point) {
    double level = options.ciLevel();
    Agreement icc = icc(table, options, level);
    return icc.ci().isPresent()
        ? Optional.of(
            icc.withCounts(icc.units(), table.raterCount()).withPerCategory(point.perCategory()))
        : Optional.empty();
  }

  private Optional<Agreement> gwetInterval(
      Metric metric, AgreementOptions options, Agreement point) {
    double value = point.valueOrThrow();
    double level = options.ciLevel();
    RatingTable t = metric == Metric.SCOTT_PI ? bothRated(table) : table;
    UnitCounts counts = UnitCounts.of(t);
    Weights w =
        metric == Metric.GWET_AC1
            ? Weights.identity(t.categoryCount())
            : weights(t, metric, options);
    GwetVariance.Family family =
        switch (metric) {
          case PERCENT_AGREEMENT -> GwetVariance.Family.PERCENT;
          case FLEISS_KAPPA, SCOTT_PI -> GwetVariance.Family.FLEISS;
          case BRENNAN_PREDIGER -> GwetVariance.Family.BRENNAN_PREDIGER;
          default -> GwetVariance.Family.GWET;
        };
    int q = t.categoryCount();
    double pe =
        switch (family) {
          case PERCENT -> 0;
          case FLEISS -> counts.fleissChance(w);
          case BRENNAN_PREDIGER -> w.sum() / ((double) q * q);
          case GWET -> counts.gwetChance(w);
        };
    double se =
        GwetVariance.standardError(t, w, family, value, pe, counts.classificationProbabilities());
    long n = counts.unitCount();
    if (!Double.isFinite(se) || n < 2) {
      return Optional.empty();
    }
    double half = Quantiles.t(level, (double) (n - 1)) * se;
    return Optional.of(
        point
            .withStandardErrors(se, Double.NaN)
            .withInterval(
                new Interval(
                    Math.max(-1, value - half), Math.min(1, value + half), level, "analytic")));
  }

  /**
   * Alpha's analytic interval over the distance matrix of its level (or the caller's); more
   * categories than {@link ValueAlpha#MATRIX_LIMIT} leave it to the bootstrap.
   */
  private Optional<Agreement> alphaInterval(AgreementOptions options, Agreement point) {
    int q = table.categoryCount();
    double[] d;
    if (options.customDistance().isPresent()) {
      double[][] matrix = options.customDistance().get().matrix();
      d = new double[q * q];
      for (int c = 0; c < q; c++) {
        System.arraycopy(matrix[c], 0, d, c * q, q);
      }
    } else {
      if (q > ValueAlpha.MATRIX_LIMIT) {
        return Optional.empty();
      }
      long[] counts = ValueAlpha.pairableCounts(table);
      double[] marginals = new double[q];
      for (int c = 0; c < q; c++) {
        marginals[c] = counts[c];
      }
      d = options.level().distances(marginals, alphaValues(table, options));
    }
    return tInterval(point, GwetVariance.alphaStandardError(table, d), options.ciLevel());
  }

  /**
   * The point with its standard error and the interval {@code value +- t(n - 1) se} clipped to
   * {@code [-1, 1]}, {@code n} the rated units; empty when the error is not finite.
   */
  private Optional<Agreement> tInterval(Agreement point, double se, double level) {
    int n = GwetVariance.ratedUnits(table);
    if (!Double.isFinite(se) || n < 2) {
      return Optional.empty();
    }
    double value = point.valueOrThrow();
    double half = Quantiles.t(level, (double) (n - 1)) * se;
    return Optional.of(
        point
            .withStandardErrors(se, Double.NaN)
            .withInterval(
                new Interval(
                    Math.max(-1, value - half), Math.min(1, value + half), level, "analytic")));
  }

  private Agreement bootstrap(
      Agreement point, Function<RatingTable, Agreement> statistic, AgreementOptions options) {
    int n = table.unitCount();
    if (n < 2) {
      return point;
    }
    RandomGenerator random = RandomGeneratorFactory.of("L64X128MixRandom").create(options.seed());
    double[] replicates = new double[options.bootstrapSamples()];
    int defined = 0;
    int[] rows = new int[n];
    for (int b = 0; b < replicates.length; b++) {
      for (int i = 0; i < n; i++) {
        rows[i] = random.nextInt(n);
      }
      Agreement replicate = statistic.apply(table.rows(rows));
      if (replicate.isDefined()) {
        replicates[defined++] = replicate.valueOrThrow();
      }
    }
    if (defined < 2) {
      return point;
    }
    double[] sorted = Arrays.copyOf(replicates, defined);
    Arrays.sort(sorted);
    double tail = (1 - options.ciLevel()) / 2;
    double low = quantile(sorted, tail);
    double high = quantile(sorted, 1 - tail);
    double mean = 0;
    for (double v : sorted) {
      mean += v / defined;
    }
    double squares = 0;
    for (double v : sorted) {
      squares += (v - mean) * (v - mean);
    }
    double se = Math.sqrt(squares / (defined - 1));
    return point
        .withStandardErrors(point.se().orElse(se), point.seH0().orElse(Double.NaN))
        .withInterval(new Interval(low, high, options.ciLevel(), "bootstrap"));
  }

  /** The quantile of sorted values, linear between order statistics (R's type 7). */
  static double quantile(double[] sorted, double p) {
    double h = (sorted.length - 1) * p;
    int lo = (int) Math.floor(h);
    int hi = Math.min(sorted.length - 1, lo + 1);
    return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
  }

  @Override
  public String toString() {
    return "AgreementCalculator[" + table + "]";
  }
}
