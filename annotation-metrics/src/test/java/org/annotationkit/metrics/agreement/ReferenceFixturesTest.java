package org.annotationkit.metrics.agreement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.annotationkit.core.coding.LabelCoding;
import org.annotationkit.metrics.agreement.AgreementOptions.CiMethod;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Random tables against scikit-learn's and statsmodels' Cohen's and weighted kappa (value,
 * asymptotic standard errors, 95% interval), statsmodels' Fleiss' kappa and NLTK's alpha, from
 * {@code src/test/scripts/generate_reference_fixtures.py}.
 */
class ReferenceFixturesTest {

  record Case(
      String name,
      String kind,
      RatingTable table,
      double value,
      double se,
      double se0,
      double low,
      double high) {
    @Override
    public String toString() {
      return name + " " + kind;
    }
  }

  static Stream<Case> cases() throws IOException {
    List<Case> cases = new ArrayList<>();
    try (InputStream stream =
            Objects.requireNonNull(
                ReferenceFixturesTest.class.getResourceAsStream(
                    "/agreement/reference-fixtures.csv"));
        BufferedReader in =
            new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
      in.readLine();
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        String[] cells = line.split(",", -1);
        int raters = Integer.parseInt(cells[2]);
        int q = Integer.parseInt(cells[3]);
        int[] codes = Arrays.stream(cells[4].split(" ")).mapToInt(Integer::parseInt).toArray();
        List<String> labels = new ArrayList<>();
        for (int c = 0; c < q; c++) {
          labels.add(Integer.toString(c));
        }
        cases.add(
            new Case(
                cells[0],
                cells[1],
                RatingTable.of(raters, codes, LabelCoding.of(labels)),
                Double.parseDouble(cells[5]),
                number(cells[6]),
                number(cells[7]),
                number(cells[8]),
                number(cells[9])));
      }
    }
    return cases.stream();
  }

  private static double number(String cell) {
    return cell.isEmpty() ? Double.NaN : Double.parseDouble(cell);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void equalsTheReference(Case c) {
    AgreementOptions options = AgreementOptions.DEFAULT.withInterval(CiMethod.ANALYTIC, 0.95);
    AgreementCalculator calculator = AgreementCalculator.of(c.table());
    Agreement result =
        switch (c.kind()) {
          case "cohen" -> calculator.compute(Metric.COHEN_KAPPA, options);
          case "weighted-linear" ->
              calculator.compute(Metric.WEIGHTED_KAPPA, options.withWeights("linear"));
          case "weighted-quadratic" ->
              calculator.compute(Metric.WEIGHTED_KAPPA, options.withWeights("quadratic"));
          case "fleiss" -> calculator.compute(Metric.FLEISS_KAPPA, options);
          case "alpha-nominal" ->
              calculator.compute(Metric.KRIPPENDORFF_ALPHA, options.withLevel(Level.NOMINAL));
          case "alpha-interval" ->
              calculator.compute(
                  Metric.KRIPPENDORFF_ALPHA,
                  options.withLevel(Level.INTERVAL).withScale(Weights.Scale.POSITION));
          default -> throw new AssertionError("unknown kind " + c.kind());
        };
    assertThat(result.valueOrThrow()).isCloseTo(c.value(), within(1e-9));
    if (!Double.isNaN(c.se())) {
      assertThat(result.se().getAsDouble()).as("se").isCloseTo(c.se(), within(1e-9));
      assertThat(result.seH0().getAsDouble()).as("se0").isCloseTo(c.se0(), within(1e-9));
      Interval ci = result.ci().orElseThrow();
      assertThat(ci.low()).as("low").isCloseTo(c.low(), within(1e-9));
      assertThat(ci.high()).as("high").isCloseTo(c.high(), within(1e-9));
    }
  }
}
