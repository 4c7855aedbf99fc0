package org.annotationkit.activelearning.stopping;

import java.util.Objects;

/**
 * When to stop labeling. Three criteria, each a pure function of what a loop has at hand:
 *
 * <ul>
 *   <li>stabilising predictions (Bloodgood and Vijay-Shanker 2009): Cohen's kappa between the
 *       predictions of successive rounds' models on a fixed stop set; stop when it has stayed at or
 *       above a threshold (0.99 in the paper) for a number of rounds;
 *   <li>minimum uncertainty: stop when the most uncertain item left is below a threshold;
 *   <li>a budget: stop when the labels spent reach it.
 * </ul>
 *
 * @since 0.1.0
 */
public final class Stopping {
  private Stopping() {}

  /**
   * Cohen's kappa between two rounds' predicted classes on the same items: {@code (po - pe) / (1 -
   * pe)}; 1 when both predict one and the same class throughout.
   *
   * @param previous the earlier round's predicted codes
   * @param current the later round's, same length
   * @param classes the number of classes
   * @return kappa
   */
  public static double kappa(int[] previous, int[] current, int classes) {
    Objects.requireNonNull(previous, "previous");
    Objects.requireNonNull(current, "current");
    if (previous.length != current.length || previous.length == 0) {
      throw new IllegalArgumentException(
          "need two non-empty predictions of the same items, got "
              + previous.length
              + " and "
              + current.length);
    }
    double n = previous.length;
    long[] a = new long[classes];
    long[] b = new long[classes];
    long agree = 0;
    for (int i = 0; i < previous.length; i++) {
      a[previous[i]]++;
      b[current[i]]++;
      if (previous[i] == current[i]) {
        agree++;
      }
    }
    double po = agree / n;
    double pe = 0;
    for (int c = 0; c < classes; c++) {
      pe += (a[c] / n) * (b[c] / n);
    }
    return pe >= 1 ? 1.0 : (po - pe) / (1 - pe);
  }

  /**
   * Whether predictions have stabilised: the last {@code window} kappas are all at least {@code
   * threshold}.
   *
   * @param kappas kappa between each pair of successive rounds, oldest first
   * @param threshold such as 0.99
   * @param window how many rounds in a row, {@code >= 1}
   * @return whether to stop
   */
  public static boolean stabilised(double[] kappas, double threshold, int window) {
    if (window < 1) {
      throw new IllegalArgumentException("window must be >= 1, got " + window);
    }
    if (kappas.length < window) {
      return false;
    }
    for (int i = kappas.length - window; i < kappas.length; i++) {
      if (!(kappas[i] >= threshold)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether the most uncertain item left is below the threshold.
   *
   * @param highestUtility the best utility in the pool (the first pick's score)
   * @param threshold the least uncertainty worth a label
   * @return whether to stop
   */
  public static boolean belowUncertainty(double highestUtility, double threshold) {
    return highestUtility < threshold;
  }

  /**
   * Whether the budget is spent.
   *
   * @param spent labels (or cost) spent so far
   * @param budget the budget
   * @return whether to stop
   */
  public static boolean budgetSpent(double spent, double budget) {
    return spent >= budget;
  }
}
