package org.annotationkit.metrics.agreement;

import com.google.common.testing.NullPointerTester;
import org.annotationkit.core.coding.LabelCoding;
import org.annotationkit.metrics.structured.Assignment;
import org.annotationkit.metrics.structured.KeypointSimilarity;
import org.annotationkit.metrics.structured.RankAgreement;
import org.annotationkit.metrics.structured.RegionAgreement;
import org.annotationkit.metrics.structured.SpanAgreement;
import org.annotationkit.metrics.structured.UnitizingAlpha;
import org.junit.jupiter.api.Test;

/** Every public method refuses a null argument with a NullPointerException. */
class NullParametersTest {
  private static NullPointerTester tester() {
    return new NullPointerTester()
        .setDefault(LabelCoding.class, LabelCoding.of("a", "b"))
        .setDefault(RatingTable.class, Examples.fleiss1971())
        .setDefault(Weights.class, Weights.identity(5))
        .setDefault(Level.class, Level.NOMINAL)
        .setDefault(Metric.class, Metric.FLEISS_KAPPA)
        .setDefault(AgreementOptions.class, AgreementOptions.DEFAULT)
        .setDefault(UnitCounts.class, UnitCounts.of(Examples.fleiss1971()))
        .setDefault(Distances.class, Distances.of(new double[][] {{0, 1}, {1, 0}}))
        .setDefault(
            org.annotationkit.core.schema.Field.class,
            org.annotationkit.core.schema.Field.builder(
                    "scene", org.annotationkit.core.schema.FieldKind.SINGLE_CHOICE)
                .labels("day", "night")
                .build());
  }

  @Test
  void staticMethods() {
    NullPointerTester tester = tester();
    for (Class<?> type :
        new Class<?>[] {
          Agreement.class,
          AgreementCalculator.class,
          AnnotationTables.class,
          Distances.class,
          Icc.class,
          IccForm.class,
          Level.class,
          Metric.class,
          RatingTable.class,
          UnitCounts.class,
          RaterPairs.class,
          Weights.class,
          Assignment.class,
          KeypointSimilarity.class,
          RankAgreement.class,
          RegionAgreement.class,
          SpanAgreement.class,
          UnitizingAlpha.class
        }) {
      tester.testAllPublicStaticMethods(type);
    }
  }

  @Test
  void instanceMethods() {
    NullPointerTester tester = tester();
    RatingTable table = Examples.fleiss1971();
    tester.testAllPublicInstanceMethods(AgreementCalculator.of(table));
    tester.testAllPublicInstanceMethods(UnitCounts.of(table));
    tester.testAllPublicInstanceMethods(RaterPairs.of(table));
    tester.testAllPublicInstanceMethods(table);
    tester.testAllPublicInstanceMethods(AgreementOptions.DEFAULT);
    tester.testAllPublicInstanceMethods(Agreement.of("x", 0.5, 1, 2));
    tester.testAllPublicInstanceMethods(new UnitCountsAccumulator(3));
    tester.testAllPublicInstanceMethods(new RaterPairsAccumulator(2, 3));
    tester.testAllPublicInstanceMethods(new IntervalAlphaAccumulator());
  }
}
