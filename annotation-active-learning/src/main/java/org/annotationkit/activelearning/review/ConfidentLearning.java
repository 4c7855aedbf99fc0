package org.annotationkit.activelearning.review;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.annotationkit.activelearning.Pick;
import org.annotationkit.activelearning.Probabilities;
import org.annotationkit.activelearning.TopK;

/**
 * Review sampling by confident learning (Northcutt, Jiang and Chuang, <i>Confident Learning:
 * Estimating Uncertainty in Dataset Labels</i>, JAIR 2021): given labels and out-of-sample class
 * probabilities (from cross-validation, say), which items a labeling team should re-review first.
 *
 * <ol>
 *   <li>Per-class thresholds: {@code t_j} is the mean probability of class {@code j} over the items
 *       labeled {@code j} (the class's expected self-confidence); a class no item is labeled with
 *       has an infinite threshold.
 *   <li>The confident joint {@code C[i][j]}: an item labeled {@code i} counts for the class {@code
 *       j} of highest probability among those it reaches the threshold of ({@code p_j >= t_j}); an
 *       item that reaches no threshold is not counted.
 *   <li>Label issues: the items off the diagonal ({@code j != i}), ranked by how unlikely their
 *       given label is ({@code 1 - p_i}, higher first; the earlier item of equal scores).
 * </ol>
 *
 * <p>Immutable result of {@link #of(Probabilities, int[])}.
 *
 * @since 0.1.0
 */
public final class ConfidentLearning {
  private final double[] thresholds;
  private final long[][] joint;
  private final List<LabelIssue> issues;

  private ConfidentLearning(double[] thresholds, long[][] joint, List<LabelIssue> issues) {
    this.thresholds = thresholds;
    this.joint = joint;
    this.issues = issues;
  }

  /**
   * Runs confident learning.
   *
   * @param probabilities out-of-sample probabilities of every item
   * @param labels the given label code of each item, in {@code [0, classes)}
   * @return the thresholds, confident joint and ranked issues
   * @throws IllegalArgumentException if the labels do not fit the probabilities, naming the item
   */
  public static ConfidentLearning of(Probabilities probabilities, int[] labels) {
    Objects.requireNonNull(probabilities, "probabilities");
    Objects.requireNonNull(labels, "labels");
    int n = probabilities.items();
    int c = probabilities.classes();
    if (labels.length != n) {
      throw new IllegalArgumentException(labels.length + " labels given for " + n + " items");
    }
    double[] sums = new double[c];
    long[] counts = new long[c];
    for (int i = 0; i < n; i++) {
      int label = labels[i];
      if (label < 0 || label >= c) {
        throw new IllegalArgumentException(
            "item '"
                + probabilities.ids().id(i)
                + "' has label code "
                + label
                + ", outside [0, "
                + c
                + ")");
      }
      sums[label] += probabilities.get(i, label);
      counts[label]++;
    }
    double[] thresholds = new double[c];
    for (int j = 0; j < c; j++) {
      thresholds[j] = counts[j] == 0 ? Double.POSITIVE_INFINITY : sums[j] / counts[j];
    }
    long[][] joint = new long[c][c];
    int[] suggested = new int[n];
    Arrays.fill(suggested, -1);
    TopK top = new TopK(n, probabilities.ids());
    for (int i = 0; i < n; i++) {
      int best = -1;
      double bestP = Double.NEGATIVE_INFINITY;
      for (int j = 0; j < c; j++) {
        double p = probabilities.get(i, j);
        if (p >= thresholds[j] && p > bestP) {
          best = j;
          bestP = p;
        }
      }
      if (best < 0) {
        continue;
      }
      joint[labels[i]][best]++;
      if (best != labels[i]) {
        suggested[i] = best;
        top.add(i, 1.0 - probabilities.get(i, labels[i]));
      }
    }
    List<LabelIssue> issues = new ArrayList<>();
    for (Pick pick : top.finish()) {
      int at = (int) pick.position();
      issues.add(
          new LabelIssue(pick.rank(), pick.id(), at, labels[at], suggested[at], pick.score()));
    }
    return new ConfidentLearning(thresholds, joint, List.copyOf(issues));
  }

  /**
   * The per-class thresholds.
   *
   * @return a copy: the mean self-confidence of each class, infinite for an unused class
   */
  public double[] thresholds() {
    return thresholds.clone();
  }

  /**
   * The confident joint.
   *
   * @return a copy: {@code [given][confident]} counts
   */
  public long[][] confidentJoint() {
    long[][] copy = new long[joint.length][];
    for (int i = 0; i < joint.length; i++) {
      copy[i] = joint[i].clone();
    }
    return copy;
  }

  /**
   * The items likely mislabeled, most likely first.
   *
   * @return the issues, unmodifiable
   */
  public List<LabelIssue> issues() {
    return issues;
  }

  /**
   * The first {@code k} issues.
   *
   * @param k how many, {@code >= 0}
   * @return at most {@code k} issues
   */
  public List<LabelIssue> issues(int k) {
    if (k < 0) {
      throw new IllegalArgumentException("k must be >= 0, got " + k);
    }
    return issues.subList(0, Math.min(k, issues.size()));
  }

  @Override
  public String toString() {
    return "ConfidentLearning[" + issues.size() + " issues, " + thresholds.length + " classes]";
  }
}
