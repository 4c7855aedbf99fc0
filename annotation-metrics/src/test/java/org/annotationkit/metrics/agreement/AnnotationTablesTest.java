package org.annotationkit.metrics.agreement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.annotationkit.core.coding.LabelCoding;
import org.annotationkit.metrics.agreement.AgreementOptions.CiMethod;
import org.junit.jupiter.api.Test;

class AnnotationTablesTest {
  /** statsmodels' Fleiss example (Wikipedia's table): 10 subjects, 14 raters, 5 categories. */
  @Test
  void countTablesGiveFleissKappa() {
    int[] counts = {
      0, 0, 0, 0, 14,
      0, 2, 6, 4, 2,
      0, 0, 3, 5, 6,
      0, 3, 9, 2, 0,
      2, 2, 8, 1, 1,
      7, 7, 0, 0, 0,
      3, 2, 6, 3, 0,
      2, 5, 3, 2, 2,
      6, 5, 2, 1, 0,
      0, 2, 2, 3, 7,
    };
    RatingTable table = AnnotationTables.ofCounts(counts, LabelCoding.of("1", "2", "3", "4", "5"));
    Agreement kappa =
        AgreementCalculator.of(table)
            .compute(
                Metric.FLEISS_KAPPA, AgreementOptions.DEFAULT.withInterval(CiMethod.NONE, 0.9));
    // Fleiss' kappa of that table: 0.210 (Wikipedia, "Fleiss' kappa", worked example).
    assertThat(kappa.valueOrThrow()).isCloseTo(0.2099, within(5e-4));
    assertThat(table.raterCount()).isEqualTo(14);
  }
}
