package org.annotationkit.activelearning.coldstart;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;
import org.annotationkit.activelearning.Embeddings;
import org.annotationkit.activelearning.ItemIds;
import org.annotationkit.activelearning.Pick;
import org.annotationkit.activelearning.TopK;
import org.annotationkit.activelearning.diversity.KCenterGreedy;

/**
 * The first batch, before there is a model: seeded random, random stratified by an attribute of the
 * items, or diversity alone (k-center greedy on embeddings). Random draws use the {@code
 * L64X128MixRandom} generator from the given seed, so the same seed gives the same picks on every
 * machine.
 *
 * @since 0.1.0
 */
public final class ColdStart {
  private ColdStart() {}

  /**
   * One uniform random utility in [0, 1) per item from the seed: the top {@code k} of them is a
   * uniform random sample of {@code k} items.
   *
   * @param n the number of items
   * @param seed the seed
   * @return the utilities
   */
  public static double[] randomUtilities(int n, long seed) {
    RandomGenerator random = RandomGeneratorFactory.of("L64X128MixRandom").create(seed);
    double[] u = new double[n];
    for (int i = 0; i < n; i++) {
      u[i] = random.nextDouble();
    }
    return u;
  }

  /**
   * A uniform random sample of {@code k} items, in the order drawn; a pick's score is its random
   * utility.
   *
   * @param ids the pool
   * @param k how many
   * @param seed the seed
   * @return the picks
   */
  public static List<Pick> random(ItemIds ids, int k, long seed) {
    double[] u = randomUtilities(ids.size(), seed);
    TopK top = new TopK(k, ids);
    for (int i = 0; i < u.length; i++) {
      top.add(i, u[i]);
    }
    return top.finish();
  }

  /**
   * A random sample stratified by an attribute: each stratum gets its share of {@code k} in
   * proportion to its size (largest remainders, ties to the stratum seen first), drawn at random
   * within it; then the picks of all strata are ranked by their random utility.
   *
   * @param ids the pool
   * @param strata each item's stratum (such as a source, a language, a class predicted by a rule)
   * @param k how many
   * @param seed the seed
   * @return the picks
   */
  public static List<Pick> stratified(ItemIds ids, List<String> strata, int k, long seed) {
    Objects.requireNonNull(strata, "strata");
    int n = ids.size();
    if (strata.size() != n) {
      throw new IllegalArgumentException(strata.size() + " strata for " + n + " items");
    }
    Map<String, List<Integer>> groups = new LinkedHashMap<>();
    for (int i = 0; i < n; i++) {
      groups.computeIfAbsent(strata.get(i), s -> new ArrayList<>()).add(i);
    }
    int want = Math.min(k, n);
    List<List<Integer>> members = new ArrayList<>(groups.values());
    int[] quota = new int[members.size()];
    double[] remainder = new double[members.size()];
    int given = 0;
    for (int g = 0; g < members.size(); g++) {
      double exact = (double) want * members.get(g).size() / n;
      quota[g] = (int) Math.floor(exact);
      remainder[g] = exact - quota[g];
      given += quota[g];
    }
    while (given < want) {
      int best = -1;
      for (int g = 0; g < members.size(); g++) {
        if (quota[g] < members.get(g).size() && (best < 0 || remainder[g] > remainder[best])) {
          best = g;
        }
      }
      quota[best]++;
      remainder[best] = -1;
      given++;
    }
    double[] u = randomUtilities(n, seed);
    TopK all = new TopK(want, ids);
    for (int g = 0; g < members.size(); g++) {
      TopK within = new TopK(quota[g], ids);
      for (int i : members.get(g)) {
        within.add(i, u[i]);
      }
      for (Pick p : within.finish()) {
        all.add(p.position(), p.score());
      }
    }
    return all.finish();
  }

  /**
   * Diversity alone: k-center greedy on the embeddings, nothing labeled.
   *
   * @param pool the embeddings
   * @param k how many
   * @return the picks
   */
  public static List<Pick> diverse(Embeddings pool, int k) {
    return KCenterGreedy.onThreads(0).select(pool, List.of(), k);
  }
}
