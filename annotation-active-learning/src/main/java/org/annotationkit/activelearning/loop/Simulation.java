package org.annotationkit.activelearning.loop;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.annotationkit.activelearning.ItemIds;
import org.annotationkit.activelearning.Pick;
import org.annotationkit.activelearning.ProbabilityModel;
import org.annotationkit.activelearning.Trainer;
import org.annotationkit.activelearning.coldstart.ColdStart;

/**
 * Replays a labeled dataset as if it were being labeled: a seed set (drawn at random from the seed,
 * or fixed), then rounds of fit, measure test accuracy, pick a batch, reveal its labels; and a
 * final fit and measure. {@code rounds} rounds give {@code rounds + 1} accuracies. The same pool,
 * trainer, settings, strategy and seed give the same curve.
 *
 * <p>{@link #compare(List, List)} runs every strategy on the same seeds (and so the same seed sets)
 * and reports each one's gain in area under the curve over random, which it also runs when it is
 * not among the strategies. Immutable; the configuring methods return new simulations.
 *
 * @since 0.1.0
 */
public final class Simulation {
  private final Pool pool;
  private final Trainer trainer;
  private final int initial;
  private final Optional<int[]> initialPositions;
  private final int batch;
  private final int rounds;

  private Simulation(
      Pool pool,
      Trainer trainer,
      int initial,
      Optional<int[]> initialPositions,
      int batch,
      int rounds) {
    this.pool = pool;
    this.trainer = trainer;
    this.initial = initial;
    this.initialPositions = initialPositions;
    this.batch = batch;
    this.rounds = rounds;
  }

  /**
   * A simulation with a random seed set of 20, batches of 10 and 30 rounds.
   *
   * @param pool the dataset
   * @param trainer the model
   * @return the simulation
   */
  public static Simulation of(Pool pool, Trainer trainer) {
    return new Simulation(
        Objects.requireNonNull(pool, "pool"),
        Objects.requireNonNull(trainer, "trainer"),
        20,
        Optional.empty(),
        10,
        30);
  }

  /**
   * The same with a random seed set of the given size.
   *
   * @param size the seed set's size, {@code >= 1}
   * @return a new simulation
   */
  public Simulation initial(int size) {
    if (size < 1 || size > pool.size()) {
      throw new IllegalArgumentException(
          "the seed set must hold 1 to " + pool.size() + " items, got " + size);
    }
    return new Simulation(pool, trainer, size, Optional.empty(), batch, rounds);
  }

  /**
   * The same with a fixed seed set.
   *
   * @param positions the pool positions of the seed set, distinct
   * @return a new simulation
   */
  public Simulation initialPositions(int[] positions) {
    boolean[] seen = new boolean[pool.size()];
    for (int p : positions) {
      Objects.checkIndex(p, pool.size());
      if (seen[p]) {
        throw new IllegalArgumentException("seed set position " + p + " is repeated");
      }
      seen[p] = true;
    }
    if (positions.length == 0) {
      throw new IllegalArgumentException("the seed set is empty");
    }
    return new Simulation(
        pool, trainer, positions.length, Optional.of(positions.clone()), batch, rounds);
  }

  /**
   * The same with batches of the given size.
   *
   * @param size items picked per round, {@code >= 1}
   * @return a new simulation
   */
  public Simulation batch(int size) {
    if (size < 1) {
      throw new IllegalArgumentException("batch must be >= 1, got " + size);
    }
    return new Simulation(pool, trainer, initial, initialPositions, size, rounds);
  }

  /**
   * The same with the given number of rounds.
   *
   * @param count rounds of picking, {@code >= 0}
   * @return a new simulation
   */
  public Simulation rounds(int count) {
    if (count < 0) {
      throw new IllegalArgumentException("rounds must be >= 0, got " + count);
    }
    return new Simulation(pool, trainer, initial, initialPositions, batch, count);
  }

  /**
   * Runs one strategy from one seed.
   *
   * @param strategy the strategy
   * @param seed the seed of the seed set, the trainer and the strategy
   * @return the learning curve
   */
  public Curve run(Strategy strategy, long seed) {
    Objects.requireNonNull(strategy, "strategy");
    int n = pool.size();
    boolean[] labeled = new boolean[n];
    int count = 0;
    for (int p : seedSet(seed)) {
      labeled[p] = true;
      count++;
    }
    List<Integer> labels = new ArrayList<>();
    List<Double> accuracy = new ArrayList<>();
    for (int round = 0; ; round++) {
      ProbabilityModel model = fit(labeled, seed + 1_000_003L * round);
      labels.add(count);
      accuracy.add(accuracy(model));
      if (round == rounds || count == n) {
        if (round < rounds) {
          // The pool ran out: the curve stays flat for the remaining rounds.
          for (int r = round; r < rounds; r++) {
            labels.add(count);
            accuracy.add(accuracy.get(accuracy.size() - 1));
          }
        }
        break;
      }
      long roundSeed = mix(seed, round, strategy.name());
      int[] picks = strategy.pick(new Round(pool.featuresView(), model, labeled, roundSeed), batch);
      if (picks.length > batch) {
        throw new IllegalStateException(
            "strategy " + strategy.name() + " picked " + picks.length + " of a batch of " + batch);
      }
      for (int p : picks) {
        if (labeled[p]) {
          throw new IllegalStateException(
              "strategy " + strategy.name() + " picked item " + p + ", already labeled");
        }
        labeled[p] = true;
        count++;
      }
    }
    return Curve.of(labels, accuracy);
  }

  /**
   * Runs every strategy on every seed, and random too for the gains.
   *
   * @param strategies the strategies, by distinct names
   * @param seeds the seeds
   * @return the curves, mean areas and gains over random
   */
  public Comparison compare(List<Strategy> strategies, List<Long> seeds) {
    if (seeds.isEmpty()) {
      throw new IllegalArgumentException("no seeds");
    }
    Map<String, Map<Long, Curve>> curves = new LinkedHashMap<>();
    Map<String, Double> mean = new LinkedHashMap<>();
    for (Strategy s : strategies) {
      Map<Long, Curve> bySeed = new LinkedHashMap<>();
      for (long seed : seeds) {
        bySeed.put(seed, run(s, seed));
      }
      if (curves.put(s.name(), bySeed) != null) {
        throw new IllegalArgumentException("strategy " + s.name() + " is given twice");
      }
      mean.put(s.name(), meanAuc(bySeed));
    }
    double random =
        mean.containsKey("random")
            ? mean.get("random")
            : meanAuc(runAll(Strategies.named("random"), seeds));
    Map<String, Double> gain = new LinkedHashMap<>();
    mean.forEach((name, auc) -> gain.put(name, auc - random));
    return new Comparison(curves, mean, gain);
  }

  private Map<Long, Curve> runAll(Strategy s, List<Long> seeds) {
    Map<Long, Curve> bySeed = new LinkedHashMap<>();
    for (long seed : seeds) {
      bySeed.put(seed, run(s, seed));
    }
    return bySeed;
  }

  private static double meanAuc(Map<Long, Curve> bySeed) {
    return bySeed.values().stream().mapToDouble(Curve::auc).average().orElse(Double.NaN);
  }

  private int[] seedSet(long seed) {
    if (initialPositions.isPresent()) {
      return initialPositions.get();
    }
    List<Pick> picks = ColdStart.random(ItemIds.positions(pool.size()), initial, seed);
    return picks.stream().mapToInt(p -> (int) p.position()).toArray();
  }

  private ProbabilityModel fit(boolean[] labeled, long seed) {
    double[][] x = pool.featuresView();
    int[] y = pool.labelsView();
    int count = 0;
    for (boolean l : labeled) {
      if (l) {
        count++;
      }
    }
    double[][] fx = new double[count][];
    int[] fy = new int[count];
    int at = 0;
    for (int i = 0; i < labeled.length; i++) {
      if (labeled[i]) {
        fx[at] = x[i];
        fy[at++] = y[i];
      }
    }
    return trainer.fit(fx, fy, pool.classes().size(), seed);
  }

  private double accuracy(ProbabilityModel model) {
    double[][] x = pool.testFeaturesView();
    int[] y = pool.testLabelsView();
    double[] p = new double[model.classes()];
    int right = 0;
    for (int i = 0; i < x.length; i++) {
      model.predict(x[i], p);
      int best = 0;
      for (int j = 1; j < p.length; j++) {
        if (p[j] > p[best]) {
          best = j;
        }
      }
      if (best == y[i]) {
        right++;
      }
    }
    return (double) right / x.length;
  }

  /** A seed for a strategy's round: the seed, round and name mixed (SplitMix64's finaliser). */
  private static long mix(long seed, int round, String name) {
    long z = seed * 0x9E3779B97F4A7C15L + round * 0xBF58476D1CE4E5B9L + name.hashCode();
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
