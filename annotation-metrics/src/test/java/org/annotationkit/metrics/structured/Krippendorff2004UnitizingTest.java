package org.annotationkit.metrics.structured;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Objects;
import org.annotationkit.metrics.structured.UnitizingAlpha.Unit;
import org.junit.jupiter.api.Test;

/** Krippendorff (2004), "Content Analysis", 2nd ed., p. 254: the unitizing example. */
class Krippendorff2004UnitizingTest {

  static UnitizingAlpha example() {
    return UnitizingAlpha.of(
        150,
        300,
        List.of("i", "j"),
        List.of(
            new Unit("i", 225, 70, "c"),
            new Unit("i", 370, 30, "c"),
            new Unit("j", 220, 80, "c"),
            new Unit("j", 355, 20, "c"),
            new Unit("j", 400, 20, "c"),
            new Unit("i", 180, 60, "k"),
            new Unit("i", 300, 50, "k"),
            new Unit("j", 180, 60, "k"),
            new Unit("j", 300, 50, "k")));
  }

  @Test
  void alphaIsTheBooksValue() {
    UnitizingAlpha study = example();
    double[] c = study.categoryDisagreements("c");
    double[] k = study.categoryDisagreements("k");
    double alpha = study.alpha().valueOrThrow();
    assertThat(alpha).isCloseTo(1 - (c[0] + k[0]) / (c[1] + k[1]), within(1e-12));
    // The book divides its four-decimal disagreements: 1 - 0.0144 / (0.0532 + 0.0490) = 0.8591;
    // unrounded they give 0.85866 (DKPro's test of the example allows 5e-4 for that reason).
    assertThat(1 - 0.0144 / (0.0532 + 0.0490)).isCloseTo(0.8591, within(5e-5));
    assertThat(alpha).isCloseTo(0.8591, within(5e-4));
  }

  @Test
  void perCategoryDisagreementsAreTheBooksValues() {
    UnitizingAlpha study = example();
    // Observed for c: (50 + 850 + 400) * 2 / (2 * 300^2), worked by hand from the definition.
    assertThat(study.categoryDisagreements("c")[0]).isCloseTo(2600.0 / 180000, within(1e-12));
    assertThat(study.categoryDisagreements("c")[1]).isCloseTo(0.0532, within(5e-5));
    assertThat(study.categoryDisagreements("k")[0]).isZero();
    assertThat(study.categoryDisagreements("k")[1]).isCloseTo(0.0490, within(5e-5));
    assertThat(Objects.requireNonNull(study.perCategory().get("k")).valueOrThrow())
        .isCloseTo(1, within(1e-12));
    assertThat(Objects.requireNonNull(study.perCategory().get("c")).valueOrThrow())
        .isCloseTo(0.7286, within(1e-3));
  }

  @Test
  void identicalUnitizationsAgreePerfectly() {
    UnitizingAlpha study =
        UnitizingAlpha.of(
            0,
            100,
            List.of("a", "b", "c"),
            List.of(
                new Unit("a", 10, 5, "x"),
                new Unit("b", 10, 5, "x"),
                new Unit("c", 10, 5, "x"),
                new Unit("a", 50, 20, "y"),
                new Unit("b", 50, 20, "y"),
                new Unit("c", 50, 20, "y")));
    assertThat(study.alpha().valueOrThrow()).isCloseTo(1, within(1e-12));
  }
}
