package org.annotationkit.activelearning.loop;

import java.util.List;

/**
 * The learning curve of one strategy and seed: test accuracy after each round (round 0 before any
 * pick), against the number of labels the model was trained on, and the area under it.
 *
 * @param labels the number of labels at each round
 * @param accuracy the test accuracy at each round
 * @param auc the trapezoid area under accuracy over labels, divided by the label range (the mean
 *     accuracy over the range; the single accuracy when the range is empty)
 * @since 0.1.0
 */
public record Curve(List<Integer> labels, List<Double> accuracy, double auc) {
  /** Copies the lists. */
  public Curve {
    labels = List.copyOf(labels);
    accuracy = List.copyOf(accuracy);
    if (labels.size() != accuracy.size() || labels.isEmpty()) {
      throw new IllegalArgumentException(
          labels.size() + " label counts for " + accuracy.size() + " accuracies");
    }
  }

  /**
   * A curve from its points, with the area computed.
   *
   * @param labels label counts, non-decreasing
   * @param accuracy accuracies
   * @return the curve
   */
  public static Curve of(List<Integer> labels, List<Double> accuracy) {
    return new Curve(labels, accuracy, area(labels, accuracy));
  }

  /**
   * The normalised trapezoid area.
   *
   * @param labels label counts
   * @param accuracy accuracies
   * @return the area over the label range
   */
  public static double area(List<Integer> labels, List<Double> accuracy) {
    double range = labels.get(labels.size() - 1) - labels.get(0);
    if (range <= 0) {
      return accuracy.get(0);
    }
    double area = 0;
    for (int i = 1; i < labels.size(); i++) {
      area += (labels.get(i) - labels.get(i - 1)) * (accuracy.get(i) + accuracy.get(i - 1)) / 2;
    }
    return area / range;
  }
}
