package org.annotationkit.activelearning.smile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.annotationkit.activelearning.ItemIds;
import org.annotationkit.activelearning.Probabilities;
import org.annotationkit.activelearning.ProbabilityModel;
import org.annotationkit.activelearning.loop.Comparison;
import org.annotationkit.activelearning.loop.Pool;
import org.annotationkit.activelearning.loop.PoolReader;
import org.annotationkit.activelearning.loop.Simulation;
import org.annotationkit.activelearning.loop.Strategies;
import org.annotationkit.activelearning.review.ConfidentLearning;
import org.annotationkit.activelearning.review.LabelIssue;
import org.annotationkit.core.testing.Seeds;
import org.junit.jupiter.api.Test;

/**
 * The issue's quality claims on the public datasets: margin sampling beats random in area under the
 * learning curve over 5 seeds, and confident learning finds labels flipped on purpose. The figures
 * go to target/quality/*.txt (the closing note of the issue quotes them).
 */
class QualityTest {
  static Pool read(String name) throws Exception {
    Path file = Path.of(QualityTest.class.getResource("/datasets/" + name).toURI());
    return new PoolReader("label", Optional.empty(), Optional.empty(), "test", true).read(file);
  }

  static void report(String name, String text) throws IOException {
    Path dir = Path.of("target", "quality");
    Files.createDirectories(dir);
    Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
  }

  @Test
  void marginBeatsRandomOnBreastCancerAndIris() throws Exception {
    StringBuilder text = new StringBuilder();
    for (String dataset : List.of("breast_cancer.csv", "iris.csv")) {
      Pool pool = read(dataset);
      Simulation sim =
          Simulation.of(pool, SmileTrainers.logisticRegression(1.0))
              .initial(dataset.startsWith("iris") ? 6 : 20)
              .batch(dataset.startsWith("iris") ? 3 : 10)
              .rounds(dataset.startsWith("iris") ? 15 : 30);
      Comparison c =
          sim.compare(
              List.of(
                  Strategies.named("random"),
                  Strategies.named("margin"),
                  Strategies.named("entropy"),
                  Strategies.named("least-confidence")),
              List.of(0L, 1L, 2L, 3L, 4L));
      for (String s : c.meanAuc().keySet()) {
        text.append(
            String.format(
                Locale.ROOT,
                "%s %s mean_auc %.4f gain_over_random %+.4f%n",
                dataset,
                s,
                c.meanAuc().get(s),
                c.gainOverRandom().get(s)));
      }
      assertThat(c.gainOverRandom().get("margin")).as(dataset).isGreaterThan(0.0);
    }
    report("margin-vs-random.txt", text.toString());
  }

  @Test
  void confidentLearningFindsFlippedLabels() throws Exception {
    Pool pool = read("breast_cancer.csv");
    double[][] x = pool.features();
    int[] truth = pool.labels();
    int n = truth.length;
    RandomGenerator random = Seeds.random(42);
    int[] given = truth.clone();
    boolean[] flipped = new boolean[n];
    int flips = 0;
    for (int i = 0; i < n; i++) {
      if (random.nextDouble() < 0.10) {
        given[i] = 1 - given[i];
        flipped[i] = true;
        flips++;
      }
    }
    // Out-of-sample probabilities by 5-fold cross-validation.
    double[] probs = new double[n * 2];
    int folds = 5;
    for (int f = 0; f < folds; f++) {
      List<double[]> fx = new ArrayList<>();
      List<Integer> fy = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        if (i % folds != f) {
          fx.add(x[i]);
          fy.add(given[i]);
        }
      }
      ProbabilityModel model =
          SmileTrainers.logisticRegression(1.0)
              .fit(
                  fx.toArray(double[][]::new),
                  fy.stream().mapToInt(Integer::intValue).toArray(),
                  2,
                  f);
      double[] p = new double[2];
      for (int i = f; i < n; i += folds) {
        model.predict(x[i], p);
        probs[2 * i] = p[0];
        probs[2 * i + 1] = p[1];
      }
    }
    ConfidentLearning cl =
        ConfidentLearning.of(
            Probabilities.of(
                probs, 2, org.annotationkit.activelearning.Layout.ROW_MAJOR, ItemIds.positions(n)),
            given);
    int found = 0;
    for (LabelIssue issue : cl.issues()) {
      if (flipped[issue.position()]) {
        found++;
      }
    }
    double precision = (double) found / cl.issues().size();
    double recall = (double) found / flips;
    report(
        "confident-learning.txt",
        String.format(
            Locale.ROOT,
            "breast_cancer.csv pool %d items, %d labels flipped (10%%, seed 42), 5-fold logistic"
                + " regression: %d issues, %d of them flipped: precision %.3f recall %.3f%n",
            n,
            flips,
            cl.issues().size(),
            found,
            precision,
            recall));
    assertThat(precision).isGreaterThan(0.7);
    assertThat(recall).isGreaterThan(0.7);
  }
}
