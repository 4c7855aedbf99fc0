package org.annotationkit.activelearning.uncertainty;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import java.util.stream.Stream;
import org.annotationkit.activelearning.ItemIds;
import org.annotationkit.activelearning.Layout;
import org.annotationkit.activelearning.Pick;
import org.annotationkit.activelearning.Probabilities;
import org.annotationkit.activelearning.TopK;
import org.annotationkit.core.testing.AccumulatorLaws;
import org.annotationkit.core.testing.Seeds;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Seeded properties of the uncertainty samplers, each against an independent computation. */
class UncertaintyPropertiesTest {
  static Stream<Long> seeds() {
    return Seeds.seeds(30);
  }

  /** Random rows: a Dirichlet-like draw, with a share of exact ties and certain rows. */
  static double[] rows(RandomGenerator random, int n, int c) {
    double[] v = new double[n * c];
    for (int i = 0; i < n; i++) {
      if (i > 0 && random.nextInt(10) == 0) {
        System.arraycopy(v, (i - 1) * c, v, i * c, c);
        continue;
      }
      double sum = 0;
      double sharp = 0.2 + 5 * random.nextDouble();
      for (int j = 0; j < c; j++) {
        double x = Math.pow(random.nextDouble(), sharp);
        v[i * c + j] = x;
        sum += x;
      }
      for (int j = 0; j < c; j++) {
        v[i * c + j] /= sum;
      }
    }
    return v;
  }

  /** The top k by sorting every (score, position) pair: the independent computation. */
  static List<String> bySorting(Uncertainty u, double[] v, int c, int k) {
    int n = v.length / c;
    List<Integer> order = new ArrayList<>();
    double[] scores = new double[n];
    for (int i = 0; i < n; i++) {
      scores[i] = u.score(v, i * c, c);
      order.add(i);
    }
    order.sort((a, b) -> scores[a] != scores[b] ? Double.compare(scores[b], scores[a]) : a - b);
    return order.subList(0, Math.min(k, n)).stream().map(String::valueOf).toList();
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void selectionEqualsSortingThePool(long seed) {
    RandomGenerator random = Seeds.random(seed);
    int c = 1 + random.nextInt(12);
    int n = random.nextInt(3000);
    int k = random.nextInt(200);
    double[] v = rows(random, n, c);
    for (Uncertainty u : Uncertainty.values()) {
      Probabilities p = Probabilities.of(v, c, Layout.ROW_MAJOR, ItemIds.positions(n));
      assertThat(UncertaintySampler.of(u).select(p, k))
          .as("%s, %d items x %d classes, k %d", u, n, c, k)
          .extracting(Pick::id)
          .isEqualTo(bySorting(u, v, c, k));
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void layoutsAndElementTypesAgree(long seed) {
    RandomGenerator random = Seeds.random(seed);
    int c = 2 + random.nextInt(8);
    int n = 1 + random.nextInt(2000);
    int k = 1 + random.nextInt(100);
    double[] v = rows(random, n, c);
    float[] f = new float[v.length];
    double[] fd = new double[v.length];
    double[] classMajor = new double[v.length];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < c; j++) {
        f[i * c + j] = (float) v[i * c + j];
        fd[i * c + j] = f[i * c + j];
        classMajor[j * n + i] = v[i * c + j];
      }
    }
    ItemIds ids = ItemIds.positions(n);
    for (Uncertainty u : Uncertainty.values()) {
      UncertaintySampler s = UncertaintySampler.of(u);
      assertThat(s.select(Probabilities.of(classMajor, c, Layout.CLASS_MAJOR, ids), k))
          .isEqualTo(s.select(Probabilities.of(v, c, Layout.ROW_MAJOR, ids), k));
      assertThat(s.select(Probabilities.of(f, c, Layout.ROW_MAJOR, ids), k))
          .isEqualTo(s.select(Probabilities.of(fd, c, Layout.ROW_MAJOR, ids), k));
    }
  }

  /**
   * The float kernels skip rows by bounds on the score; rows that do not sum to 1 (scores, not
   * probabilities, or sums far from 1) must still rank as the double kernels rank them.
   */
  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void floatRowsThatDoNotSumToOneRankAsDoublesDo(long seed) {
    RandomGenerator random = Seeds.random(seed);
    int c = 1 + random.nextInt(12);
    int n = 1 + random.nextInt(3000);
    int k = 1 + random.nextInt(100);
    float[] f = new float[n * c];
    double[] fd = new double[n * c];
    for (int i = 0; i < n; i++) {
      double scale = random.nextDouble() * 2;
      for (int j = 0; j < c; j++) {
        f[i * c + j] = (float) (random.nextDouble() * scale / c);
        fd[i * c + j] = f[i * c + j];
      }
    }
    ItemIds ids = ItemIds.positions(n);
    for (Uncertainty u : Uncertainty.values()) {
      UncertaintySampler s = UncertaintySampler.of(u);
      assertThat(s.select(Probabilities.of(f, c, Layout.ROW_MAJOR, ids), k))
          .as("%s, %d items x %d classes, k %d", u, n, c, k)
          .isEqualTo(s.select(Probabilities.of(fd, c, Layout.ROW_MAJOR, ids), k));
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void binaryProblemsRankIdenticallyUnderAllFour(long seed) {
    RandomGenerator random = Seeds.random(seed);
    int n = 1 + random.nextInt(2000);
    double[] v = new double[2 * n];
    for (int i = 0; i < n; i++) {
      // Multiples of 1/1024: p and 1 - p are exact, so equal rows are equal scores.
      double p = random.nextInt(1025) / 1024.0;
      v[2 * i] = p;
      v[2 * i + 1] = 1 - p;
    }
    int k = 1 + random.nextInt(n);
    Probabilities pool = Probabilities.of(v, 2, Layout.ROW_MAJOR, ItemIds.positions(n));
    List<String> expected =
        UncertaintySampler.of(Uncertainty.LEAST_CONFIDENCE).select(pool, k).stream()
            .map(Pick::id)
            .toList();
    for (Uncertainty u : Uncertainty.values()) {
      assertThat(UncertaintySampler.of(u).select(pool, k))
          .as("%s", u)
          .extracting(Pick::id)
          .isEqualTo(expected);
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void permutingTheClassesChangesNothing(long seed) {
    RandomGenerator random = Seeds.random(seed);
    int c = 2 + random.nextInt(10);
    int n = 1 + random.nextInt(2000);
    double[] v = rows(random, n, c);
    int[] perm = new int[c];
    for (int j = 0; j < c; j++) {
      perm[j] = j;
    }
    for (int j = c - 1; j > 0; j--) {
      int other = random.nextInt(j + 1);
      int t = perm[j];
      perm[j] = perm[other];
      perm[other] = t;
    }
    double[] permuted = new double[v.length];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < c; j++) {
        permuted[i * c + perm[j]] = v[i * c + j];
      }
    }
    ItemIds ids = ItemIds.positions(n);
    int k = 1 + random.nextInt(n);
    for (Uncertainty u : Uncertainty.values()) {
      List<Pick> before =
          UncertaintySampler.of(u).select(Probabilities.of(v, c, Layout.ROW_MAJOR, ids), k);
      List<Pick> after =
          UncertaintySampler.of(u).select(Probabilities.of(permuted, c, Layout.ROW_MAJOR, ids), k);
      if (u == Uncertainty.ENTROPY) {
        // The sum runs in another order: equal up to rounding, so compare scores with a tolerance
        // and the picks wherever the scores are apart by more than the rounding.
        for (int r = 0; r < before.size(); r++) {
          assertThat(after.get(r).score())
              .isCloseTo(before.get(r).score(), org.assertj.core.api.Assertions.within(1e-12));
        }
        assertThat(after.stream().map(Pick::id).sorted().toList())
            .isEqualTo(withoutNearTies(before, after));
      } else {
        assertThat(after).as("%s", u).isEqualTo(before);
      }
    }
  }

  /**
   * The ids of {@code before}, sorted; where a near-tie at the boundary swapped items, {@code
   * after}'s.
   */
  private static List<String> withoutNearTies(List<Pick> before, List<Pick> after) {
    double last = before.get(before.size() - 1).score();
    List<String> ids = new ArrayList<>();
    for (Pick p : before) {
      if (Math.abs(p.score() - last) > 1e-12) {
        ids.add(p.id());
      }
    }
    for (Pick p : after) {
      if (Math.abs(p.score() - last) <= 1e-12) {
        ids.add(p.id());
      }
    }
    return ids.stream().sorted().toList();
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void mergedPartsEqualTheWholeOnAnyNumberOfThreads(long seed) {
    RandomGenerator random = Seeds.random(seed);
    int c = 2 + random.nextInt(6);
    int n = 70_000 + random.nextInt(70_000);
    int k = 1 + random.nextInt(300);
    double[] v = rows(random, n, c);
    Probabilities pool = Probabilities.of(v, c, Layout.ROW_MAJOR, ItemIds.positions(n));
    for (Uncertainty u : Uncertainty.values()) {
      UncertaintySampler s = UncertaintySampler.of(u);
      List<Pick> whole = s.select(pool, k);
      assertThat(s.select(pool, k, 3)).isEqualTo(whole);
      assertThat(s.select(pool, k, 0)).isEqualTo(whole);
      int cut = random.nextInt(n + 1);
      TopK left = s.accumulate(pool.slice(0, cut), k, 0);
      TopK right = s.accumulate(pool.slice(cut, n), k, cut);
      right.merge(left);
      assertThat(right.finish()).isEqualTo(whole);
    }
  }

  record Scored(long position, double score) {}

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void topKObeysTheAccumulatorLaws(long seed) {
    RandomGenerator random = Seeds.random(seed);
    int n = random.nextInt(300);
    List<Scored> inputs = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      // Few distinct scores, so ties are common; positions distinct as in a pool.
      inputs.add(new Scored(i, random.nextInt(20) / 4.0));
    }
    int k = random.nextInt(40);
    AccumulatorLaws.over(
            inputs,
            () -> new TopK(k, position -> "item-" + position),
            (TopK top, Scored s) -> top.add(s.position(), s.score()))
        .orderIndependent()
        .check(seed);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void theSameSeedGivesTheSamePicks(long seed) {
    double[] first = rows(Seeds.random(seed), 500, 4);
    double[] second = rows(Seeds.random(seed), 500, 4);
    ItemIds ids = ItemIds.positions(500);
    for (Uncertainty u : Uncertainty.values()) {
      assertThat(
              UncertaintySampler.of(u)
                  .select(Probabilities.of(second, 4, Layout.ROW_MAJOR, ids), 50))
          .isEqualTo(
              UncertaintySampler.of(u)
                  .select(Probabilities.of(first, 4, Layout.ROW_MAJOR, ids), 50));
    }
  }

  /**
   * Rows drawn from a few distinct rows, so that many items share each score and the picks at the
   * threshold are decided by position: on every number of threads (whose parts skip rows by the
   * floor they share), in both layouts and both element types, the picks are those of sorting.
   */
  static Stream<Long> fewSeeds() {
    return Seeds.seeds(2); // large pools: a few seeds are enough
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("fewSeeds")
  void picksWithManyTiesDoNotDependOnTheThreads(long seed) {
    RandomGenerator random = Seeds.random(seed);
    int c = 2 + random.nextInt(11);
    int n = 66_000 + random.nextInt(30_000);
    int distinct = 2 + random.nextInt(40);
    double[] few = rows(random, distinct, c);
    float[] f = new float[n * c];
    for (int i = 0; i < n; i++) {
      int row = random.nextInt(distinct);
      for (int j = 0; j < c; j++) {
        f[i * c + j] = (float) few[row * c + j];
      }
    }
    double[] v = new double[n * c];
    double[] classMajor = new double[n * c];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < c; j++) {
        v[i * c + j] = f[i * c + j];
        classMajor[j * n + i] = f[i * c + j];
      }
    }
    int k = 1 + random.nextInt(2000);
    ItemIds ids = ItemIds.positions(n);
    for (Uncertainty u : Uncertainty.values()) {
      List<String> expected = bySorting(u, v, c, k);
      UncertaintySampler s = UncertaintySampler.of(u);
      List<Pick> one = s.select(Probabilities.of(f, c, Layout.ROW_MAJOR, ids), k, 1);
      assertThat(one).extracting(Pick::id).as("%s", u).isEqualTo(expected);
      for (int threads : new int[] {2, 5}) {
        assertThat(s.select(Probabilities.of(f, c, Layout.ROW_MAJOR, ids), k, threads))
            .as("%s, floats, %d threads", u, threads)
            .isEqualTo(one);
      }
      assertThat(s.select(Probabilities.of(v, c, Layout.ROW_MAJOR, ids), k, 3))
          .as("%s, doubles, 3 threads", u)
          .isEqualTo(one);
      assertThat(s.select(Probabilities.of(classMajor, c, Layout.CLASS_MAJOR, ids), k, 3))
          .as("%s, class-major, 3 threads", u)
          .isEqualTo(one);
    }
  }
}
