package org.annotationkit.metrics.agreement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import java.util.Objects;
import java.util.random.RandomGenerator;
import org.annotationkit.core.testing.Seeds;
import org.annotationkit.metrics.agreement.AgreementOptions.CiMethod;
import org.annotationkit.metrics.data.Ratings;
import org.junit.jupiter.api.Test;

class TablesAndGroupsTest {
  private static final AgreementOptions NO_CI =
      AgreementOptions.DEFAULT.withInterval(CiMethod.NONE, 0.95);

  /** Continuous ratings: interval alpha of the table equals the moments over the raw values. */
  @Test
  void numericRatingsKeepTheirValues() {
    RandomGenerator random = Seeds.random(7);
    Ratings.Builder builder = Ratings.builder();
    int units = 500;
    int raters = 4;
    double[] raw = new double[units * raters];
    for (int u = 0; u < units; u++) {
      double centre = random.nextGaussian() * 5;
      for (int r = 0; r < raters; r++) {
        double value = random.nextDouble() < 0.2 ? Double.NaN : centre + random.nextGaussian();
        raw[u * raters + r] = value;
        if (!Double.isNaN(value)) {
          builder.add(String.format("u%04d", u), "r" + r, value);
        }
      }
    }
    RatingTable table = RatingTable.of(builder.build());
    IntervalAlphaAccumulator moments = new IntervalAlphaAccumulator();
    moments.addRows(raw, raters, 0, units);
    Agreement alpha =
        AgreementCalculator.of(table)
            .compute(Metric.KRIPPENDORFF_ALPHA, NO_CI.withLevel(Level.INTERVAL));
    assertThat(alpha.valueOrThrow()).isCloseTo(moments.finish().valueOrThrow(), within(1e-9));
    // Ordinal alpha on about a thousand distinct values, matrix-free, stays in [-1, 1].
    Agreement ordinal =
        AgreementCalculator.of(table)
            .compute(Metric.KRIPPENDORFF_ALPHA, NO_CI.withLevel(Level.ORDINAL));
    assertThat(ordinal.valueOrThrow()).isBetween(-1.0, 1.0);
    assertThat(table.categoryCount()).isGreaterThan(ValueAlpha.MATRIX_LIMIT);
  }

  /** Per-group coefficients equal the coefficient of each group's own table. */
  @Test
  void perGroupEqualsEachGroupAlone() {
    RatingTable fleiss = Examples.fleiss1971();
    Map<String, Agreement> groups =
        AgreementCalculator.of(fleiss)
            .perGroup(
                unit -> Integer.parseInt(unit) <= 15 ? "first" : "second",
                Metric.FLEISS_KAPPA,
                NO_CI);
    int[] first = new int[15];
    int[] second = new int[15];
    for (int i = 0; i < 15; i++) {
      first[i] = i;
      second[i] = i + 15;
    }
    assertThat(Objects.requireNonNull(groups.get("first")).valueOrThrow())
        .isEqualTo(
            AgreementCalculator.of(fleiss.rows(first))
                .compute(Metric.FLEISS_KAPPA, NO_CI)
                .valueOrThrow());
    assertThat(Objects.requireNonNull(groups.get("second")).valueOrThrow())
        .isEqualTo(
            AgreementCalculator.of(fleiss.rows(second))
                .compute(Metric.FLEISS_KAPPA, NO_CI)
                .valueOrThrow());
  }
}
