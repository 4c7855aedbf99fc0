package org.annotationkit.activelearning.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class FloorTest {
  @Test
  void startsAtNegativeInfinityAndOnlyRises() {
    Floor floor = new Floor();
    assertThat(floor.get()).isEqualTo(Double.NEGATIVE_INFINITY);
    floor.raise(0.5);
    floor.raise(0.25);
    floor.raise(Double.NaN);
    floor.raise(Double.NEGATIVE_INFINITY);
    assertThat(floor.get()).isEqualTo(0.5);
    floor.raise(0.75);
    assertThat(floor.get()).isEqualTo(0.75);
  }

  @Test
  void threadsRaisingAtOnceLeaveTheLargest() throws InterruptedException {
    SplittableRandom random = new SplittableRandom(20_261_204L);
    double[][] scores = new double[4][20_000];
    double largest = Double.NEGATIVE_INFINITY;
    for (double[] row : scores) {
      for (int i = 0; i < row.length; i++) {
        row[i] = random.nextDouble(-1, 1);
        largest = Math.max(largest, row[i]);
      }
    }
    Floor floor = new Floor();
    List<Thread> threads = new ArrayList<>();
    for (double[] row : scores) {
      threads.add(
          Thread.ofPlatform()
              .start(() -> {
                for (double s : row) {
                  floor.raise(s);
                }
              }));
    }
    for (Thread thread : threads) {
      thread.join();
    }
    assertThat(floor.get()).isEqualTo(largest);
  }
}
