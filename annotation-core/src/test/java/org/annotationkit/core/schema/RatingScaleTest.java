package org.annotationkit.core.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.random.RandomGenerator;
import java.util.stream.Stream;
import org.annotationkit.core.testing.Seeds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class RatingScaleTest {

  @Test
  void likertFiveContainsWholeNumbersOnly() {
    RatingScale likert = RatingScale.likert(5);
    assertThat(likert).isEqualTo(new RatingScale(1, 5, 1, List.of()));
    assertThat(likert.points()).isEqualTo(5);
    assertThat(likert.contains(3)).isTrue();
    assertThat(likert.contains(1)).isTrue();
    assertThat(likert.contains(5)).isTrue();
    assertThat(likert.contains(3.5)).isFalse();
    assertThat(likert.contains(0)).isFalse();
    assertThat(likert.contains(6)).isFalse();
    assertThat(likert.contains(3 + 1e-12)).isTrue();
    assertThat(likert.contains(3 + 1e-6)).isFalse();
    assertThat(likert.contains(Double.NaN)).isFalse();
    assertThat(likert.contains(Double.POSITIVE_INFINITY)).isFalse();
    assertThat(likert.isContinuous()).isFalse();
  }

  @Test
  void halfSteps() {
    RatingScale scale = new RatingScale(0, 2, 0.5, List.of());
    assertThat(scale.points()).isEqualTo(5);
    assertThat(scale.contains(1.5)).isTrue();
    assertThat(scale.contains(0)).isTrue();
    assertThat(scale.contains(2)).isTrue();
    assertThat(scale.contains(1.25)).isFalse();
    assertThat(scale.contains(-0.5)).isFalse();
  }

  @Test
  void decimalStepsToleratesRounding() {
    RatingScale scale = new RatingScale(0, 1, 0.1, List.of());
    assertThat(scale.points()).isEqualTo(11);
    assertThat(scale.contains(0.3)).isTrue(); // 0.3 / 0.1 = 2.9999999999999996
    assertThat(scale.contains(0.7)).isTrue();
    assertThat(scale.contains(0.35)).isFalse();
  }

  @Test
  void maxNeedNotBeOnTheGrid() {
    RatingScale scale = new RatingScale(0, 1, 0.3, List.of());
    assertThat(scale.points()).isEqualTo(4);
    assertThat(scale.contains(0.9)).isTrue();
    assertThat(scale.contains(1)).isFalse();
  }

  @Test
  void continuousContainsEverythingInRange() {
    RatingScale slider = RatingScale.continuous(0, 100);
    assertThat(slider).isEqualTo(new RatingScale(0, 100, 0, List.of()));
    assertThat(slider.isContinuous()).isTrue();
    assertThat(slider.points()).isZero();
    assertThat(slider.contains(0)).isTrue();
    assertThat(slider.contains(37.123456)).isTrue();
    assertThat(slider.contains(100)).isTrue();
    assertThat(slider.contains(100.0001)).isFalse();
    assertThat(slider.contains(-1e-9)).isFalse();
    assertThat(slider.contains(Double.NaN)).isFalse();
  }

  @Test
  void likertNeedsTwoPoints() {
    assertThatThrownBy(() -> RatingScale.likert(1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a Likert scale needs points >= 2, got 1");
    assertThat(RatingScale.likert(2).points()).isEqualTo(2);
  }

  @Test
  void rangeMustBeFiniteAndIncreasing() {
    assertThatThrownBy(() -> new RatingScale(5, 1, 1, List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("min must be < max, got min 5.0 and max 1.0");
    assertThatThrownBy(() -> new RatingScale(1, 1, 0, List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("min must be < max, got min 1.0 and max 1.0");
    assertThatThrownBy(() -> RatingScale.continuous(Double.NaN, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("min and max must be finite, got min NaN and max 1.0");
    assertThatThrownBy(() -> RatingScale.continuous(0, Double.POSITIVE_INFINITY))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("min and max must be finite, got min 0.0 and max Infinity");
  }

  @Test
  void stepMustBeNonNegativeFiniteAndFit() {
    assertThatThrownBy(() -> new RatingScale(0, 1, -0.5, List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("step must be finite and >= 0 (0 for a continuous scale), got -0.5");
    assertThatThrownBy(() -> new RatingScale(0, 1, Double.NaN, List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("step must be finite and >= 0 (0 for a continuous scale), got NaN");
    assertThatThrownBy(() -> new RatingScale(0, 1, 2, List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("step must be <= max - min = 1.0, got 2.0");
    assertThatThrownBy(() -> new RatingScale(0, 1, 1e-300, List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("step 1.0E-300 gives too many points from 0.0 to 1.0");
  }

  @Test
  void aStepOfExactlyMaxMinusMinFitsDespiteRounding() {
    // 12.44 - 12.34 is 0.09999999999999964 in doubles, a hair less than the step 0.1.
    RatingScale scale = new RatingScale(12.34, 12.44, 0.1, List.of());
    assertThat(scale.points()).isEqualTo(2);
    assertThat(scale.contains(12.44)).isTrue();
    assertThatThrownBy(() -> new RatingScale(12.34, 12.44, 0.1000001, List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("step must be <= max - min = 0.0999");
  }

  @Test
  void anchorsAreOnePerPoint() {
    RatingScale agree = RatingScale.likert(3).withAnchors("disagree", "", "agree");
    assertThat(agree.anchors()).containsExactly("disagree", "", "agree");
    assertThat(agree).isEqualTo(new RatingScale(1, 3, 1, List.of("disagree", "", "agree")));
    assertThatThrownBy(() -> RatingScale.likert(5).withAnchors("bad", "good"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("anchors must be empty or one per point (5 points), got 2");
  }

  @Test
  void continuousHasNoAnchors() {
    assertThatThrownBy(() -> RatingScale.continuous(0, 1).withAnchors("low", "high"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a continuous scale (step 0) has no anchors, got 2: [low, high]");
  }

  static Stream<Long> seeds() {
    return Seeds.seeds(200);
  }

  /** Every grid point is on the scale; every point between two grid points is not. */
  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void gridPointsAndOnlyThoseAreContained(long seed) {
    RandomGenerator random = Seeds.random(seed);
    double min = Math.rint(random.nextDouble(-100, 100) * 100) / 100;
    double step = new double[] {0.1, 0.25, 0.5, 1, 2, 0.01, 1.0 / 3}[random.nextInt(7)];
    int points = 2 + random.nextInt(200);
    double max = min + (points - 1) * step;
    RatingScale scale = new RatingScale(min, max, step, List.of());

    assertThat(scale.points()).isEqualTo(points);
    for (int k = 0; k < points; k++) {
      assertThat(scale.contains(min + k * step)).as("point %d", k).isTrue();
    }
    for (int k = 0; k + 1 < points; k++) {
      double between = min + (k + random.nextDouble(0.01, 0.99)) * step;
      assertThat(scale.contains(between)).as("between %d and %d", k, k + 1).isFalse();
    }
    assertThat(scale.contains(min - step)).isFalse();
    assertThat(scale.contains(max + step)).isFalse();
  }
}
