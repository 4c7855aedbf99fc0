package org.annotationkit.activelearning.smile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.annotationkit.activelearning.Embeddings;
import org.annotationkit.activelearning.ItemIds;
import org.annotationkit.activelearning.Pick;
import org.annotationkit.activelearning.ProbabilityModel;
import org.annotationkit.activelearning.Trainer;
import org.annotationkit.activelearning.loop.Pool;
import org.annotationkit.activelearning.loop.PoolReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The Smile adapters train, give probabilities over all classes, and beat chance on iris. */
class SmileTrainersTest {
  static Pool iris() throws Exception {
    Path file = Path.of(SmileTrainersTest.class.getResource("/datasets/iris.csv").toURI());
    return new PoolReader(
            "label", java.util.Optional.empty(), java.util.Optional.empty(), "test", true)
        .read(file);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "logistic-regression",
        "logistic-regression:lambda=0.1",
        "random-forest:trees=30",
        "gradient-boosting:trees=20"
      })
  void modelsLearnIris(String spec) throws Exception {
    Pool pool = iris();
    Trainer trainer = SmileTrainers.parse(spec);
    ProbabilityModel model = trainer.fit(pool.features(), pool.labels(), 3, 7);
    assertThat(model.classes()).isEqualTo(3);
    double[][] x = pool.testFeatures();
    int[] y = pool.testLabels();
    double[] p = new double[3];
    int right = 0;
    for (int i = 0; i < x.length; i++) {
      model.predict(x[i], p);
      assertThat(Arrays.stream(p).sum()).isCloseTo(1.0, within(1e-6));
      int best = 0;
      for (int j = 1; j < 3; j++) {
        if (p[j] > p[best]) {
          best = j;
        }
      }
      right += best == y[i] ? 1 : 0;
    }
    assertThat((double) right / x.length).as(spec).isGreaterThan(0.85);
  }

  @Test
  void aModelOfFewerClassesGivesZeroToTheOthers() throws Exception {
    Pool pool = iris();
    double[][] x = pool.features();
    int[] y = pool.labels();
    // Only classes 0 and 2 labeled.
    List<Integer> keep = new java.util.ArrayList<>();
    for (int i = 0; i < y.length; i++) {
      if (y[i] != 1) {
        keep.add(i);
      }
    }
    double[][] fx = keep.stream().map(i -> x[i]).toArray(double[][]::new);
    int[] fy = keep.stream().mapToInt(i -> y[i]).toArray();
    ProbabilityModel model = SmileTrainers.logisticRegression(1.0).fit(fx, fy, 3, 0);
    double[] p = new double[3];
    model.predict(x[0], p);
    assertThat(p[1]).isEqualTo(0.0);
    assertThat(p[0] + p[2]).isCloseTo(1.0, within(1e-9));
    ProbabilityModel constant =
        SmileTrainers.logisticRegression(1.0).fit(new double[][] {x[0]}, new int[] {2}, 3, 0);
    constant.predict(x[5], p);
    assertThat(p).containsExactly(0.0, 0.0, 1.0);
  }

  @Test
  void unknownModelsAndOptionsAreNamed() {
    assertThatThrownBy(() -> SmileTrainers.parse("svm"))
        .hasMessageContaining("unknown model 'svm'");
    assertThatThrownBy(() -> SmileTrainers.parse("random-forest:depth=3"))
        .hasMessageContaining("unknown option 'depth'");
  }

  @Test
  void kMeansPicksOnePerClusterAndIsSeeded() throws Exception {
    Pool pool = iris();
    Embeddings e = Embeddings.ofRows(pool.features(), ItemIds.positions(pool.size()));
    double[] u = new double[pool.size()];
    for (int i = 0; i < u.length; i++) {
      u[i] = (i * 7919 % 101) / 101.0;
    }
    List<Pick> picks = SmileKMeans.select(e, u, 3, 11);
    assertThat(picks).hasSize(3);
    assertThat(SmileKMeans.select(e, u, 3, 11)).isEqualTo(picks);
  }
}
