package org.annotationkit.activelearning.loop;

import org.annotationkit.activelearning.ProbabilityModel;

/**
 * What a strategy sees in one round of a simulation: the pool's features, the model trained on the
 * labels so far, which items are labeled, and a seed for the round. Not a value: two rounds are
 * equal only when they are the same object.
 *
 * @since 0.1.0
 */
public final class Round {
  private final double[][] features;
  private final ProbabilityModel model;
  private final boolean[] labeled;
  private final long seed;

  /**
   * A round; the labeled flags are copied, the features shared.
   *
   * @param features the pool's feature vectors (shared: do not change them)
   * @param model the model trained on the labeled items
   * @param labeled {@code labeled[i]}: whether pool item {@code i} is labeled
   * @param seed a seed for this strategy, seed and round
   */
  public Round(double[][] features, ProbabilityModel model, boolean[] labeled, long seed) {
    this.features = java.util.Objects.requireNonNull(features, "features");
    this.model = java.util.Objects.requireNonNull(model, "model");
    this.labeled = labeled.clone();
    this.seed = seed;
  }

  /**
   * The pool's feature vectors, shared: do not change them.
   *
   * @return the features
   */
  public double[][] features() {
    return features;
  }

  /**
   * The model trained on the labeled items.
   *
   * @return the model
   */
  public ProbabilityModel model() {
    return model;
  }

  /**
   * Which pool items are labeled.
   *
   * @return {@code labeled[i]}: whether pool item {@code i} is labeled (a copy)
   */
  public boolean[] labeled() {
    return labeled.clone();
  }

  /**
   * A seed for this strategy, seed and round.
   *
   * @return the seed
   */
  public long seed() {
    return seed;
  }

  /**
   * The positions of the unlabeled items, ascending.
   *
   * @return the positions
   */
  public int[] unlabeled() {
    int count = 0;
    for (boolean l : labeled) {
      if (!l) {
        count++;
      }
    }
    int[] out = new int[count];
    int at = 0;
    for (int i = 0; i < labeled.length; i++) {
      if (!labeled[i]) {
        out[at++] = i;
      }
    }
    return out;
  }
}
