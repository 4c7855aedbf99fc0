package org.annotationkit.activelearning.loop;

import org.annotationkit.activelearning.ProbabilityModel;

/**
 * What a strategy sees in one round of a simulation: the pool's features, the model trained on the
 * labels so far, which items are labeled, and a seed for the round.
 *
 * @param features the pool's feature vectors (shared: do not change them)
 * @param model the model trained on the labeled items
 * @param labeled {@code labeled[i]}: whether pool item {@code i} is labeled (a copy)
 * @param seed a seed for this strategy, seed and round
 * @since 0.1.0
 */
public record Round(double[][] features, ProbabilityModel model, boolean[] labeled, long seed) {
  /** Copies the labeled flags. */
  public Round {
    labeled = labeled.clone();
  }

  @Override
  public boolean[] labeled() {
    return labeled.clone();
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
