package org.annotationkit.metrics.structured;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.random.RandomGenerator;
import java.util.stream.Stream;
import org.annotationkit.core.geometry.Box;
import org.annotationkit.core.geometry.Keypoint;
import org.annotationkit.core.testing.Seeds;
import org.annotationkit.metrics.agreement.Agreement;
import org.annotationkit.metrics.agreement.RatingTable;
import org.annotationkit.metrics.agreement.UnitCounts;
import org.annotationkit.metrics.agreement.Weights;
import org.annotationkit.metrics.structured.RegionAgreement.Region;
import org.annotationkit.metrics.structured.SpanAgreement.Span;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class StructuredAgreementTest {
  static Stream<Long> seeds() {
    return Seeds.seeds(60);
  }

  /** The Hungarian assignment scores what the best of all one-to-one matchings scores. */
  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void assignmentIsOptimalAgainstBruteForce(long seed) {
    RandomGenerator random = Seeds.random(seed);
    int rows = 1 + random.nextInt(6);
    int columns = 1 + random.nextInt(6);
    double[] score = new double[rows * columns];
    for (int i = 0; i < score.length; i++) {
      score[i] = random.nextInt(4) == 0 ? 0 : random.nextDouble();
    }
    int[] match = Assignment.maximise(score, rows, columns);
    boolean[] used = new boolean[columns];
    double total = 0;
    for (int i = 0; i < rows; i++) {
      if (match[i] >= 0) {
        assertThat(used[match[i]]).isFalse();
        used[match[i]] = true;
        total += score[i * columns + match[i]];
      }
    }
    assertThat(total).isCloseTo(best(score, rows, columns, 0, new boolean[columns]), within(1e-9));
  }

  private static double best(double[] score, int rows, int columns, int row, boolean[] used) {
    if (row == rows) {
      return 0;
    }
    double best = best(score, rows, columns, row + 1, used); // row unmatched
    for (int j = 0; j < columns; j++) {
      if (!used[j]) {
        used[j] = true;
        best = Math.max(best, score[row * columns + j] + best(score, rows, columns, row + 1, used));
        used[j] = false;
      }
    }
    return best;
  }

  @Test
  void boxesMatchOneToOneAboveTheThreshold() {
    List<Region> a =
        List.of(
            new Region(Box.of(0, 0, 10, 10), "car"),
            new Region(Box.of(20, 0, 10, 10), "car"),
            new Region(Box.of(50, 50, 5, 5), "person"));
    List<Region> b =
        List.of(
            new Region(Box.of(1, 0, 10, 10), "car"),
            new Region(Box.of(21, 0, 10, 10), "truck"),
            new Region(Box.of(80, 80, 5, 5), "person"));
    RegionAgreement.Result result = RegionAgreement.match(a, b, 0.5, false);
    assertThat(result.matches()).hasSize(2);
    assertThat(result.f1()).isCloseTo(4.0 / 6, within(1e-12));
    assertThat(result.precision()).isCloseTo(2.0 / 3, within(1e-12));
    // IoU of two 10x10 boxes shifted by 1: 90 / 110.
    assertThat(result.meanIou()).isCloseTo(90.0 / 110, within(1e-12));
    assertThat(result.labelAgreement()).isCloseTo(0.5, within(1e-12));
    assertThat(RegionAgreement.match(a, b, 0.5, true).matches()).hasSize(1);
    assertThat(RegionAgreement.pairwiseF1(List.of(a, a, b), 0.5))
        .isCloseTo((1 + 4.0 / 6 + 4.0 / 6) / 3, within(1e-12));
  }

  @Test
  void spansExactPartialAndPerLabel() {
    List<Span> a = List.of(new Span(0, 5, "PER"), new Span(10, 15, "ORG"), new Span(20, 22, "LOC"));
    List<Span> b = List.of(new Span(0, 5, "PER"), new Span(11, 15, "ORG"), new Span(30, 32, "LOC"));
    assertThat(SpanAgreement.exact(a, b).f1()).isCloseTo(2.0 / 6, within(1e-12));
    assertThat(SpanAgreement.partial(a, b).f1()).isCloseTo(4.0 / 6, within(1e-12));
    Map<String, SpanAgreement.Counts> perLabel = SpanAgreement.perLabel(a, b, true);
    assertThat(Objects.requireNonNull(perLabel.get("ORG")).f1()).isEqualTo(1);
    assertThat(Objects.requireNonNull(perLabel.get("LOC")).f1()).isZero();
    Map<String, SpanAgreement.Counts> perDocument =
        SpanAgreement.perDocument(List.of("d1", "d2"), List.of(a, a), List.of(b, a), false);
    assertThat(Objects.requireNonNull(perDocument.get("d2")).f1()).isEqualTo(1);
    assertThat(Objects.requireNonNull(perDocument.get("*")).matched()).isEqualTo(4);
  }

  /** Token kappa equals Cohen's kappa of the position labels, counted by hand. */
  @Test
  void tokenKappaIsCohenOverPositions() {
    List<Span> a = List.of(new Span(0, 4, "X"), new Span(6, 8, "Y"));
    List<Span> b = List.of(new Span(1, 4, "X"), new Span(6, 9, "Y"));
    Agreement kappa = SpanAgreement.tokenKappa(List.of(10), List.of(a), List.of(b));
    // Positions 0..9: a = X X X X O O Y Y O O, b = O X X X O O Y Y Y O.
    String[][] rows = new String[10][];
    String x = "XXXXOOYYOO";
    String y = "OXXXOOYYYO";
    for (int i = 0; i < 10; i++) {
      rows[i] = new String[] {x.substring(i, i + 1), y.substring(i, i + 1)};
    }
    double expected =
        org.annotationkit.metrics.agreement.RaterPairs.of(RatingTable.ofLabels(rows))
            .cohen(0, 1, Weights.identity(3))
            .valueOrThrow();
    assertThat(kappa.valueOrThrow()).isCloseTo(expected, within(1e-12));
    assertThat(kappa.metric()).isEqualTo("token-kappa");
  }

  /**
   * Without ties, Kendall's W and the mean Spearman correlation over pairs of raters are tied by
   * {@code r_mean = (m W - 1) / (m - 1)} (Kendall and Babington Smith 1939): an independent check.
   */
  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void kendallWAgreesWithTheMeanSpearmanCorrelation(long seed) {
    RandomGenerator random = Seeds.random(seed);
    int m = 2 + random.nextInt(5);
    int n = 3 + random.nextInt(10);
    double[] scores = new double[m * n];
    for (int r = 0; r < m; r++) {
      for (int i = 0; i < n; i++) {
        scores[r * n + i] = i + random.nextGaussian() * 3;
      }
    }
    double w = RankAgreement.kendallW(scores, m).valueOrThrow();
    double sum = 0;
    int pairs = 0;
    for (int a = 0; a < m; a++) {
      for (int b = a + 1; b < m; b++) {
        double[] ra =
            RankAgreement.midRanks(java.util.Arrays.copyOfRange(scores, a * n, a * n + n));
        double[] rb =
            RankAgreement.midRanks(java.util.Arrays.copyOfRange(scores, b * n, b * n + n));
        double d2 = 0;
        for (int i = 0; i < n; i++) {
          d2 += (ra[i] - rb[i]) * (ra[i] - rb[i]);
        }
        sum += 1 - 6 * d2 / ((double) n * (n * n - 1));
        pairs++;
      }
    }
    assertThat(sum / pairs).isCloseTo((m * w - 1) / (m - 1), within(1e-9));
    assertThat(w).isBetween(0.0, 1.0);
  }

  @Test
  void kendallTauBWithTies() {
    // Hand count: 10 pairs; a ties (0,1); b ties (2,3); concordant 7, discordant 1.
    double[] a = {1, 1, 2, 3, 4};
    double[] b = {1, 2, 3, 3, 2.5};
    Agreement tau = RankAgreement.kendallTau(a, b);
    long concordant = 0;
    long discordant = 0;
    long tiesA = 0;
    long tiesB = 0;
    for (int i = 0; i < 5; i++) {
      for (int j = i + 1; j < 5; j++) {
        double s = Math.signum(a[i] - a[j]) * Math.signum(b[i] - b[j]);
        if (a[i] == a[j] && b[i] != b[j]) {
          tiesA++;
        } else if (b[i] == b[j] && a[i] != a[j]) {
          tiesB++;
        } else if (s > 0) {
          concordant++;
        } else if (s < 0) {
          discordant++;
        }
      }
    }
    double expected =
        (concordant - discordant)
            / Math.sqrt(
                (double) (concordant + discordant + tiesA) * (concordant + discordant + tiesB));
    assertThat(tau.valueOrThrow()).isCloseTo(expected, within(1e-12));
    assertThat(RankAgreement.kendallTau(a, a).valueOrThrow()).isCloseTo(1, within(1e-12));
  }

  @Test
  void pairwisePreferencesAreFleissOverItemPairs() {
    double[] scores = {
      3, 2, 1, 1, // rater 1
      3, 1, 2, 1, // rater 2
      2, 2, 1, 0, // rater 3
    };
    Agreement kappa = RankAgreement.pairwisePreferences(scores, 3);
    // The same table built by hand: 6 pairs x 3 raters, first/tie/second.
    String[][] rows = new String[6][3];
    int unit = 0;
    for (int i = 0; i < 4; i++) {
      for (int j = i + 1; j < 4; j++, unit++) {
        for (int r = 0; r < 3; r++) {
          double x = scores[r * 4 + i];
          double y = scores[r * 4 + j];
          rows[unit][r] = x > y ? "first" : x < y ? "second" : "tie";
        }
      }
    }
    double expected =
        UnitCounts.of(RatingTable.ofLabels(rows)).fleissKappa(Weights.identity(3)).valueOrThrow();
    assertThat(kappa.valueOrThrow()).isCloseTo(expected, within(1e-12));
  }

  @Test
  void keypointSimilarity() {
    List<Keypoint> a =
        List.of(
            new Keypoint("nose", 10, 10, Keypoint.Visibility.VISIBLE),
            new Keypoint("eye", 20, 10, Keypoint.Visibility.VISIBLE),
            new Keypoint("ear", 0, 0, Keypoint.Visibility.NOT_LABELED));
    List<Keypoint> b =
        List.of(
            new Keypoint("nose", 13, 14, Keypoint.Visibility.VISIBLE),
            new Keypoint("eye", 20, 10, Keypoint.Visibility.VISIBLE),
            new Keypoint("ear", 5, 5, Keypoint.Visibility.VISIBLE));
    double[] k = {0.05, 0.05, 0.07};
    double area = 400;
    double expected = (Math.exp(-25 / (2 * area * 0.05 * 0.05)) + 1) / 2;
    assertThat(KeypointSimilarity.of(a, b, area, k)).isCloseTo(expected, within(1e-12));
    assertThat(KeypointSimilarity.of(a, a, area, k)).isEqualTo(1);
    List<Keypoint> none = new ArrayList<>();
    assertThat(KeypointSimilarity.of(none, none, area, new double[0])).isNaN();
  }
}
