package org.annotationkit.activelearning.committee;

import java.util.List;
import java.util.Objects;
import org.annotationkit.activelearning.ItemIds;
import org.annotationkit.activelearning.Pick;
import org.annotationkit.activelearning.Probabilities;
import org.annotationkit.activelearning.TopK;
import org.annotationkit.activelearning.internal.Parallel;

/**
 * Picks the {@code k} items a committee (or the Monte Carlo samples of one model) disagrees on
 * most, by one {@link Disagreement}, through a bounded heap. Every member's probabilities cover the
 * same items (same identifiers, in the same order) and classes. Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class CommitteeSampler {
  private final Disagreement disagreement;

  private CommitteeSampler(Disagreement disagreement) {
    this.disagreement = Objects.requireNonNull(disagreement, "disagreement");
  }

  /**
   * A sampler by the given disagreement.
   *
   * @param disagreement the score
   * @return the sampler
   */
  public static CommitteeSampler of(Disagreement disagreement) {
    return new CommitteeSampler(disagreement);
  }

  /**
   * The utility of every item, in pool order.
   *
   * @param members one set of probabilities per member
   * @return one score per item
   */
  public double[] scores(List<Probabilities> members) {
    check(members);
    int n = members.get(0).items();
    double[] out = new double[n];
    double[][] rows = new double[members.size()][members.get(0).classes()];
    for (int i = 0; i < n; i++) {
      out[i] = score(members, rows, i);
    }
    return out;
  }

  /**
   * The {@code k} items of most disagreement, in rank order, on {@code threads} threads.
   *
   * @param members one set of probabilities per member, over the same items
   * @param k how many to pick
   * @param threads how many threads, {@code 0} for all processors
   * @return the picks
   */
  public List<Pick> select(List<Probabilities> members, int k, int threads) {
    check(members);
    ItemIds ids = members.get(0).ids();
    return Parallel.topK(
            ids.size(),
            Parallel.threads(threads),
            (from, to) -> {
              TopK top = new TopK(k, ids);
              double[][] rows = new double[members.size()][members.get(0).classes()];
              for (int i = from; i < to; i++) {
                top.add(i, score(members, rows, i));
              }
              return top;
            },
            new TopK(k, ids))
        .finish();
  }

  private double score(List<Probabilities> members, double[][] rows, int item) {
    for (int m = 0; m < rows.length; m++) {
      members.get(m).row(item, rows[m]);
    }
    return disagreement.score(rows);
  }

  private static void check(List<Probabilities> members) {
    if (members.isEmpty()) {
      throw new IllegalArgumentException("a committee needs at least one member");
    }
    Probabilities first = members.get(0);
    for (int m = 1; m < members.size(); m++) {
      Probabilities p = members.get(m);
      if (p.classes() != first.classes() || !p.ids().equals(first.ids())) {
        throw new IllegalArgumentException(
            "member "
                + m
                + " covers "
                + p.items()
                + " items x "
                + p.classes()
                + " classes, member 0 covers "
                + first.items()
                + " x "
                + first.classes()
                + " (the same items in the same order are needed)");
      }
    }
  }
}
