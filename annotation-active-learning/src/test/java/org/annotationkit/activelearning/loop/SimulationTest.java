package org.annotationkit.activelearning.loop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.random.RandomGenerator;
import org.annotationkit.activelearning.ItemIds;
import org.annotationkit.activelearning.ProbabilityModel;
import org.annotationkit.activelearning.Trainer;
import org.annotationkit.core.testing.Seeds;
import org.junit.jupiter.api.Test;

/** The loop with a nearest-centroid model of its own, on two Gaussian classes. */
class SimulationTest {
  /** Softmax over negative squared distances to each class's centroid. */
  static final Trainer CENTROIDS =
      (x, y, classes, seed) -> {
        int d = x[0].length;
        double[][] mean = new double[classes][d];
        int[] count = new int[classes];
        for (int i = 0; i < x.length; i++) {
          count[y[i]]++;
          for (int j = 0; j < d; j++) {
            mean[y[i]][j] += x[i][j];
          }
        }
        for (int c = 0; c < classes; c++) {
          for (int j = 0; j < d; j++) {
            mean[c][j] /= Math.max(1, count[c]);
          }
        }
        return new ProbabilityModel() {
          @Override
          public int classes() {
            return classes;
          }

          @Override
          public void predict(double[] f, double[] out) {
            double sum = 0;
            for (int c = 0; c < classes; c++) {
              double s = 0;
              for (int j = 0; j < d; j++) {
                s += (f[j] - mean[c][j]) * (f[j] - mean[c][j]);
              }
              out[c] = count[c] == 0 ? 0 : Math.exp(-s);
              sum += out[c];
            }
            for (int c = 0; c < classes; c++) {
              out[c] = sum == 0 ? 1.0 / classes : out[c] / sum;
            }
          }
        };
      };

  static Pool gaussians(long seed, int n) {
    RandomGenerator random = Seeds.random(seed);
    double[][] x = new double[n][];
    int[] y = new int[n];
    for (int i = 0; i < n; i++) {
      y[i] = random.nextInt(2);
      x[i] = new double[] {y[i] * 2 + random.nextGaussian(), random.nextGaussian()};
    }
    int test = n / 4;
    return new Pool(
        List.of("a", "b"),
        ItemIds.positions(n - test),
        java.util.Arrays.copyOfRange(x, test, n),
        java.util.Arrays.copyOfRange(y, test, n),
        java.util.Arrays.copyOfRange(x, 0, test),
        java.util.Arrays.copyOfRange(y, 0, test));
  }

  @Test
  void curvesHaveOneAccuracyPerRoundAndAreSeeded() {
    Simulation sim = Simulation.of(gaussians(1, 400), CENTROIDS).initial(4).batch(5).rounds(6);
    Curve curve = sim.run(Strategies.named("margin"), 3);
    assertThat(curve.accuracy()).hasSize(7);
    assertThat(curve.labels()).containsExactly(4, 9, 14, 19, 24, 29, 34);
    assertThat(sim.run(Strategies.named("margin"), 3)).isEqualTo(curve);
    for (String name : Strategies.NAMES) {
      assertThat(sim.run(Strategies.named(name), 5).accuracy()).as(name).hasSize(7);
    }
  }

  @Test
  void areaIsTheTrapezoidOverTheLabelRange() {
    // (10 x (0.5 + 0.7) / 2 + 10 x (0.7 + 0.9) / 2) / 20 = 0.7
    assertThat(Curve.area(List.of(10, 20, 30), List.of(0.5, 0.7, 0.9)))
        .isCloseTo(0.7, within(1e-12));
    assertThat(Curve.area(List.of(10), List.of(0.5))).isEqualTo(0.5);
  }

  @Test
  void comparisonGivesGainsOverRandom() {
    Simulation sim = Simulation.of(gaussians(2, 300), CENTROIDS).initial(4).batch(4).rounds(5);
    Comparison c =
        sim.compare(
            List.of(Strategies.named("random"), Strategies.named("margin")), List.of(0L, 1L));
    assertThat(c.gainOverRandom().get("random")).isEqualTo(0.0);
    assertThat(c.gainOverRandom().get("margin"))
        .isCloseTo(
            java.util.Objects.requireNonNull(c.meanAuc().get("margin"))
                - java.util.Objects.requireNonNull(c.meanAuc().get("random")),
            within(1e-15));
    assertThat(c.curves().get("margin")).containsOnlyKeys(0L, 1L);
  }

  @Test
  void aFixedSeedSetIsUsedAsGiven() {
    Simulation sim =
        Simulation.of(gaussians(3, 100), CENTROIDS).initialPositions(new int[] {0, 1, 2}).rounds(2);
    assertThat(sim.run(Strategies.named("random"), 0).labels()).containsExactly(3, 13, 23);
  }
}
