package org.annotationkit.activelearning.structured;

import java.util.List;
import java.util.Objects;
import org.annotationkit.activelearning.ItemIds;
import org.annotationkit.activelearning.Pick;
import org.annotationkit.activelearning.TopK;
import org.annotationkit.activelearning.uncertainty.Uncertainty;

/**
 * Uncertainty for items made of parts: multi-label classification (one independent binary
 * probability per label) and sequence labeling (class probabilities per token, as for named
 * entities), each part's uncertainty reduced to an item score by a {@link Reduction}, and an
 * entity-level score for sequences.
 *
 * @since 0.1.0
 */
public final class Structured {
  private Structured() {}

  /**
   * Multi-label item scores: label {@code j} of item {@code i} has probability {@code p[i * labels
   * + j]} of applying; its uncertainty is the binary score {@code u([p, 1 - p])}.
   *
   * @param p items x labels probabilities, row-major
   * @param labels the number of labels
   * @param u the per-label score
   * @param reduction how labels are combined (mean or max, usually)
   * @return one score per item
   */
  public static double[] multiLabel(double[] p, int labels, Uncertainty u, Reduction reduction) {
    if (labels < 1 || p.length % labels != 0) {
      throw new IllegalArgumentException(
          p.length + " probabilities are not a multiple of " + labels + " labels");
    }
    int n = p.length / labels;
    double[] part = new double[labels];
    double[] out = new double[n];
    double[] pair = new double[2];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < labels; j++) {
        pair[0] = p[i * labels + j];
        pair[1] = 1 - pair[0];
        part[j] = u.score(pair);
      }
      out[i] = reduction.reduce(part, 0, labels);
    }
    return out;
  }

  /**
   * Sequence item scores: item {@code i} has tokens {@code offsets[i] .. offsets[i + 1]}, token
   * {@code t}'s class probabilities at {@code p[t * classes ..]}.
   *
   * @param p tokens x classes probabilities, row-major
   * @param classes the number of tag classes
   * @param offsets {@code items + 1} token offsets, non-decreasing, from 0 to the token count
   * @param u the per-token score
   * @param reduction how tokens are combined
   * @return one score per item
   */
  public static double[] sequence(
      double[] p, int classes, int[] offsets, Uncertainty u, Reduction reduction) {
    int tokens = checkOffsets(p, classes, offsets);
    double[] token = new double[tokens];
    for (int t = 0; t < tokens; t++) {
      token[t] = u.score(p, t * classes, classes);
    }
    double[] out = new double[offsets.length - 1];
    for (int i = 0; i < out.length; i++) {
      out[i] = reduction.reduce(token, offsets[i], offsets[i + 1]);
    }
    return out;
  }

  /**
   * An entity-level sequence score: the tokens are grouped into predicted entities (maximal runs of
   * tokens whose most probable class is the same and not {@code outside}), an entity's uncertainty
   * is one minus the product of its tokens' largest probabilities (the chance the run is not tagged
   * as predicted), and the item's score is the reduction over its entities (0 with none).
   *
   * @param p tokens x classes probabilities
   * @param classes the number of tag classes
   * @param offsets token offsets per item
   * @param outside the code of the "outside any entity" tag
   * @param reduction how entities are combined
   * @return one score per item
   */
  public static double[] entities(
      double[] p, int classes, int[] offsets, int outside, Reduction reduction) {
    checkOffsets(p, classes, offsets);
    double[] out = new double[offsets.length - 1];
    double[] scores = new double[Math.max(1, p.length / classes)];
    for (int i = 0; i < out.length; i++) {
      int count = 0;
      int t = offsets[i];
      while (t < offsets[i + 1]) {
        int tag = argmax(p, t * classes, classes);
        if (tag == outside) {
          t++;
          continue;
        }
        double sure = 1;
        while (t < offsets[i + 1] && argmax(p, t * classes, classes) == tag) {
          sure *= p[t * classes + tag];
          t++;
        }
        scores[count++] = 1 - sure;
      }
      out[i] = reduction.reduce(scores, 0, count);
    }
    return out;
  }

  /**
   * The top {@code k} of any per-item scores.
   *
   * @param ids the items
   * @param scores their scores
   * @param k how many
   * @return the picks
   */
  public static List<Pick> top(ItemIds ids, double[] scores, int k) {
    Objects.requireNonNull(ids, "ids");
    if (scores.length != ids.size()) {
      throw new IllegalArgumentException(scores.length + " scores for " + ids.size() + " items");
    }
    TopK top = new TopK(k, ids);
    for (int i = 0; i < scores.length; i++) {
      top.add(i, scores[i]);
    }
    return top.finish();
  }

  private static int argmax(double[] p, int from, int classes) {
    int best = 0;
    for (int j = 1; j < classes; j++) {
      if (p[from + j] > p[from + best]) {
        best = j;
      }
    }
    return best;
  }

  private static int checkOffsets(double[] p, int classes, int[] offsets) {
    if (classes < 1 || p.length % classes != 0) {
      throw new IllegalArgumentException(
          p.length + " probabilities are not a multiple of " + classes + " classes");
    }
    int tokens = p.length / classes;
    if (offsets.length < 1 || offsets[0] != 0 || offsets[offsets.length - 1] != tokens) {
      throw new IllegalArgumentException("offsets must run from 0 to the " + tokens + " tokens");
    }
    for (int i = 1; i < offsets.length; i++) {
      if (offsets[i] < offsets[i - 1]) {
        throw new IllegalArgumentException(
            "offsets must not decrease: " + offsets[i - 1] + " then " + offsets[i] + " at " + i);
      }
    }
    return tokens;
  }
}
