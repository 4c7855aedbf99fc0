package org.annotationkit.metrics.aggregation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.annotationkit.metrics.data.Answers;
import org.junit.jupiter.api.Test;

/**
 * KOS against make_reference.py (a dense NumPy computation of the same messages, seeded with
 * NumPy's RandomState) and crowd-kit's tests.
 */
class KosTest {
  @Test
  void crowdKitsBooleanExampleGivesItsGroundTruth() {
    // crowd-kit tests/aggregation/test_kos_aggregation.py: data_with_bool_labels, 10 and 100
    // iterations, labels t1 True, t2 True.
    Answers answers = Fixture.answers("ck-bool-answers.csv");
    for (int iterations : new int[] {10, 100}) {
      Aggregation result = Kos.defaults().withMaxIterations(iterations).aggregate(answers);
      assertThat(result.categories().label(result.label(result.items().code("t1"))))
          .isEqualTo("true");
      assertThat(result.categories().label(result.label(result.items().code("t2"))))
          .isEqualTo("true");
    }
    Fixture.check("kos-bool-expected.csv", Kos.defaults().aggregate(answers), 1e-9);
  }

  @Test
  void toyAndSimulatedDataMatchTheDenseReference() {
    Fixture.check(
        "kos-toy-expected.csv",
        Kos.defaults().aggregate(Fixture.answers("ds-toy-answers.csv")),
        1e-9);
    Fixture.check(
        "kos-sim-expected.csv",
        Kos.defaults().aggregate(Fixture.answers("kos-sim-answers.csv")),
        1e-9);
  }

  @Test
  void onTheSimulationKosBeatsTheAdversaryAndMostItemsAreRight() {
    // kos-sim: w00 is adversarial (right with probability below one half); its skill is negative.
    Aggregation result = Kos.defaults().aggregate(Fixture.answers("kos-sim-answers.csv"));
    assertThat(result.skill(result.annotators().code("w00")).orElseThrow()).isNegative();
    for (int a = 1; a < result.annotators().size(); a++) {
      assertThat(result.skill(a).orElseThrow()).isPositive();
    }
  }

  @Test
  void moreThanTwoCategoriesAreRefusedByName() {
    Answers answers = Fixture.answers("ck-simple-answers.csv");
    assertThatThrownBy(() -> Kos.defaults().aggregate(answers))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("3: chicken, goose, parrot");
  }

  @Test
  void aSingleAnnotatorIsThePlainVote() {
    Answers answers =
        Answers.builder().add("a", "w", "x").add("b", "w", "y").add("c", "w", "x").build();
    Aggregation result = Kos.defaults().aggregate(answers);
    assertThat(result.labels()).containsExactly(0, 1, 0);
    assertThat(result.confidence(0)).isEqualTo(1.0);
    assertThat(result.converged()).isTrue();
  }

  @Test
  void oneCategoryEverywhereIsThatCategory() {
    Answers answers =
        Answers.builder().add("a", "w", "x").add("a", "v", "x").add("b", "w", "x").build();
    Aggregation result = Kos.defaults().aggregate(answers);
    assertThat(result.labels()).containsExactly(0, 0);
    assertThat(result.confidence(1)).isEqualTo(1.0);
  }

  @Test
  void theSeedIsNumpysRandomState() {
    // np.random.RandomState(0).random_sample() twice, then normal(1, 1, 5) of RandomState(123).
    NumpyRandom random = new NumpyRandom(0);
    assertThat(random.nextDouble()).isEqualTo(0.5488135039273248);
    assertThat(random.nextDouble()).isEqualTo(0.7151893663724195);
    double[] normals = {
      -0.08563060330056116,
      1.9973454465835858,
      1.282978498051992,
      -0.506294713918092,
      0.42139974803146363
    };
    NumpyRandom other = new NumpyRandom(123);
    for (double expected : normals) {
      assertThat(1 + other.nextGaussian()).isCloseTo(expected, within(1e-15));
    }
    // RandomState([5, 256]) seeds by array, as a seed of 256 * 2^32 + 5 does here.
    assertThat(new NumpyRandom((256L << 32) + 5).nextDouble()).isEqualTo(0.5043802970418443);
  }
}
