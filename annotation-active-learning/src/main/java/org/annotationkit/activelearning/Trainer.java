package org.annotationkit.activelearning;

/**
 * Fits a {@link ProbabilityModel} to labeled items: what the active-learning loop calls each round.
 * Implementations are immutable configurations (the hyper-parameters), safe to reuse.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface Trainer {
  /**
   * Trains a model.
   *
   * @param features one feature vector per labeled item
   * @param labels each item's class code, in {@code [0, classes)}
   * @param classes the number of classes of the problem (some may not occur among the labels yet)
   * @param seed the seed of any randomness in training
   * @return the trained model, giving {@code classes} probabilities per item
   */
  ProbabilityModel fit(double[][] features, int[] labels, int classes, long seed);
}
