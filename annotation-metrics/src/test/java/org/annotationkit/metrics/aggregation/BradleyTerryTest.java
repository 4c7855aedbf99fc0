package org.annotationkit.metrics.aggregation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.annotationkit.core.annotation.PreferenceValue;
import org.annotationkit.core.annotation.PreferenceValue.Verdict;
import org.annotationkit.core.testing.Seeds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Bradley-Terry with Rao-Kupper ties: published values, a direct SciPy fit, seeded invariants. */
class BradleyTerryTest {
  /** Every verdict, to draw one at random. */
  private static final List<Verdict> VERDICTS = List.of(Verdict.values());

  static final BradleyTerry TIGHT = BradleyTerry.defaults().withTolerance(1e-13);

  /**
   * Stigler's (1994) journal citations, the example of R's BradleyTerry2 ({@code citations}, its
   * vignette "Bradley-Terry models in R", Turner and Firth): a citation of journal i by journal j
   * is a win of i over j. The vignette's abilities relative to Biometrika: Comm Statist -2.9491,
   * JASA -0.4796, JRSS-B 0.2690 (SciPy's BFGS on the same likelihood: -2.94907257, -0.47956986,
   * 0.26895403).
   */
  @Test
  void citationsEqualBradleyTerry2() {
    String[] names = {"Biometrika", "Comm Statist", "JASA", "JRSS-B"};
    int[][] cited = {
      {714, 730, 498, 221}, {33, 425, 68, 17}, {320, 813, 1072, 142}, {284, 276, 325, 188}
    };
    PairwiseComparisons.Builder b = PairwiseComparisons.builder();
    for (int i = 0; i < 4; i++) {
      for (int j = 0; j < 4; j++) {
        if (i != j) {
          b.addWins(names[i], names[j], cited[i][j]);
        }
      }
    }
    BradleyTerryScores s = TIGHT.fit(b.build());
    assertThat(s.converged()).isTrue();
    assertThat(s.identifiable()).isTrue();
    assertThat(s.tieParameter()).isEqualTo(1.0);
    int bio = s.players().code("Biometrika");
    assertThat(s.ability(s.players().code("Comm Statist"), bio)).isCloseTo(-2.9491, within(5e-5));
    assertThat(s.ability(s.players().code("JASA"), bio)).isCloseTo(-0.4796, within(5e-5));
    assertThat(s.ability(s.players().code("JRSS-B"), bio)).isCloseTo(0.2690, within(5e-5));
    assertThat(s.ability(s.players().code("Comm Statist"), bio))
        .isCloseTo(-2.94907257, within(1e-7));
    double sum = 0;
    for (double g : s.scores()) {
      sum += g;
    }
    assertThat(sum).isCloseTo(1.0, within(1e-12));
    // The likelihood equations of the plain model: each player's expected wins equal its wins.
    for (int i = 0; i < 4; i++) {
      double wins = 0;
      double expected = 0;
      for (int j = 0; j < 4; j++) {
        if (i != j) {
          int ci = s.players().code(names[i]);
          int cj = s.players().code(names[j]);
          wins += cited[i][j];
          expected += (cited[i][j] + cited[j][i]) * s.probabilityBeats(ci, cj);
        }
      }
      assertThat(expected).isCloseTo(wins, within(1e-6));
    }
  }

  static PairwiseComparisons fixture() {
    PairwiseComparisons.Builder b = PairwiseComparisons.builder();
    for (String[] r : Fixture.rows("bt-rk-comparisons.csv")) {
      b.addWins(r[0], r[1], Double.parseDouble(r[2]));
      b.addWins(r[1], r[0], Double.parseDouble(r[3]));
      b.addTies(r[0], r[1], Double.parseDouble(r[4]));
    }
    return b.build();
  }

  /** The MM fit equals a direct quasi-Newton maximisation of the Rao-Kupper likelihood. */
  @Test
  void raoKupperEqualsDirectMaximisation() {
    BradleyTerryScores s = TIGHT.fit(fixture());
    assertThat(s.converged()).isTrue();
    for (String[] e : Fixture.rows("bt-rk-expected.csv")) {
      double value = Double.parseDouble(e[1]);
      switch (e[0]) {
        case "theta" -> assertThat(s.tieParameter()).isCloseTo(value, within(1e-6));
        case "loglik" -> assertThat(s.logLikelihood()).isCloseTo(value, within(1e-8));
        default -> assertThat(s.score(e[0])).as(e[0]).isCloseTo(value, within(1e-6));
      }
    }
    for (int i = 0; i < 6; i++) {
      for (int j = 0; j < 6; j++) {
        if (i != j) {
          double total =
              s.probabilityBeats(i, j) + s.probabilityBeats(j, i) + s.probabilityTie(i, j);
          assertThat(total).isCloseTo(1.0, within(1e-12));
          assertThat(s.probabilityTie(i, j)).isBetween(0.0, 1.0);
        }
      }
    }
  }

  @Test
  void preferenceAnswersAndIdentifiability() {
    List<PreferenceValue> answers =
        List.of(
            new PreferenceValue("a", "b", Verdict.FIRST),
            new PreferenceValue("b", "c", Verdict.FIRST),
            new PreferenceValue("c", "a", Verdict.SECOND));
    // a beats everyone, nobody beats a: the maximum-likelihood scores do not exist.
    BradleyTerryScores s =
        BradleyTerry.defaults().withMaxIterations(50).fit(PairwiseComparisons.of(answers));
    assertThat(s.identifiable()).isFalse();
    assertThat(s.score("c")).isZero();
    BradleyTerryScores smoothed =
        BradleyTerry.defaults().withPseudoCount(0.5).fit(PairwiseComparisons.of(answers));
    assertThat(smoothed.identifiable()).isTrue();
    assertThat(smoothed.converged()).isTrue();
    assertThat(smoothed.score("a")).isGreaterThan(smoothed.score("b"));
    assertThat(smoothed.score("b")).isGreaterThan(smoothed.score("c"));
    // A cycle is identifiable and symmetric: equal scores.
    BradleyTerryScores cycle =
        TIGHT.fit(
            PairwiseComparisons.of(
                List.of(
                    new PreferenceValue("a", "b", Verdict.FIRST),
                    new PreferenceValue("b", "c", Verdict.FIRST),
                    new PreferenceValue("c", "a", Verdict.FIRST))));
    assertThat(cycle.identifiable()).isTrue();
    assertThat(cycle.scores()).containsOnly(1.0 / 3);
    assertThatThrownBy(() -> PairwiseComparisons.builder().addWins("a", "a", 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("itself");
  }

  static Stream<Long> seeds() {
    return Seeds.seeds(25);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void orderRenamingAndSwapInvariance(long seed) {
    Random random = new Random(seed);
    int n = 2 + random.nextInt(6);
    List<PreferenceValue> answers = new ArrayList<>();
    for (int k = 0; k < 10 + random.nextInt(60); k++) {
      int i = random.nextInt(n);
      int j = (i + 1 + random.nextInt(n - 1)) % n;
      Verdict v = VERDICTS.get(random.nextInt(VERDICTS.size()));
      answers.add(new PreferenceValue("p" + i, "p" + j, v));
    }
    BradleyTerry method = BradleyTerry.defaults().withPseudoCount(0.25).withTolerance(1e-12);
    BradleyTerryScores a = method.fit(PairwiseComparisons.of(answers));
    List<PreferenceValue> shuffled = new ArrayList<>(answers);
    Collections.shuffle(shuffled, random);
    assertThat(method.fit(PairwiseComparisons.of(shuffled)).scores()).isEqualTo(a.scores());
    List<PreferenceValue> swapped = new ArrayList<>();
    List<PreferenceValue> renamed = new ArrayList<>();
    for (PreferenceValue v : answers) {
      Verdict flip =
          switch (v.verdict()) {
            case FIRST -> Verdict.SECOND;
            case SECOND -> Verdict.FIRST;
            case TIE -> Verdict.TIE;
          };
      swapped.add(new PreferenceValue(v.second(), v.first(), flip));
      renamed.add(
          new PreferenceValue("q" + (9 - id(v.first())), "q" + (9 - id(v.second())), v.verdict()));
    }
    assertThat(method.fit(PairwiseComparisons.of(swapped)).scores()).isEqualTo(a.scores());
    BradleyTerryScores r = method.fit(PairwiseComparisons.of(renamed));
    for (String p : a.players().labels()) {
      assertThat(r.score("q" + (9 - id(p)))).isCloseTo(a.score(p), within(1e-8));
    }
    assertThat(a.converged()).isTrue();
    assertThat(a.tieParameter()).isGreaterThanOrEqualTo(1.0);
  }

  private static int id(String player) {
    return Integer.parseInt(player.substring(1));
  }
}
