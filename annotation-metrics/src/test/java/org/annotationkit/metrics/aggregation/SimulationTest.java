package org.annotationkit.metrics.aggregation;

import static org.assertj.core.api.Assertions.assertThat;

import org.annotationkit.core.testing.Seeds;
import org.junit.jupiter.api.Test;

/** Dawid-Skene on answers simulated from a known Dawid-Skene model (seeded). */
class SimulationTest {
  @Test
  void dawidSkeneBeatsMajorityVoteAndRecoversTheConfusions() {
    Simulation sim = new Simulation(Seeds.random(20_261_203L), 4000, 20, 4, 0.45, 5);
    Aggregation ds = DawidSkene.defaults().aggregate(sim.answers());
    Aggregation mv = WeightedMajorityVote.unweighted().aggregate(sim.answers());
    double dsAccuracy = sim.accuracy(ds);
    double mvAccuracy = sim.accuracy(mv);
    assertThat(dsAccuracy).isGreaterThan(mvAccuracy + 0.03);
    double max = 0;
    double total = 0;
    int cells = 0;
    for (int a = 0; a < sim.annotators; a++) {
      double[][] estimate =
          ds.confusion(ds.annotators().code(Simulation.annotator(a))).orElseThrow();
      for (int t = 0; t < sim.classes; t++) {
        for (int c = 0; c < sim.classes; c++) {
          double error =
              Math.abs(
                  estimate[ds.categories().code(Simulation.label(t))][
                          ds.categories().code(Simulation.label(c))]
                      - sim.confusion[a][t][c]);
          max = Math.max(max, error);
          total += error;
          cells++;
        }
      }
    }
    // Seeded run: DS 0.984 against MV 0.929 correct; confusion error max 0.080, mean 0.014.
    assertThat(max).isLessThan(0.1);
    assertThat(total / cells).isLessThan(0.02);
  }
}
