package org.annotationkit.activelearning.cost;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.annotationkit.activelearning.ItemIds;
import org.annotationkit.activelearning.Pick;
import org.annotationkit.activelearning.TopK;

/**
 * Cost-aware selection: items ranked by utility per unit of estimated labeling cost (Settles,
 * Craven and Friedland, <i>Active Learning with Real Annotation Costs</i>, 2008), and a selection
 * under a budget that takes items in that order while they fit, skipping one that does not fit (so
 * a cheaper one later may still be taken). A pick's score is its utility per cost.
 *
 * @since 0.1.0
 */
public final class CostAware {
  private CostAware() {}

  /**
   * The top {@code k} items by utility per cost.
   *
   * @param ids the pool
   * @param utility each item's utility
   * @param cost each item's cost, positive and finite
   * @param k how many
   * @return the picks
   */
  public static List<Pick> perCost(ItemIds ids, double[] utility, double[] cost, int k) {
    check(ids, utility, cost);
    TopK top = new TopK(k, ids);
    for (int i = 0; i < utility.length; i++) {
      top.add(i, utility[i] / cost[i]);
    }
    return top.finish();
  }

  /**
   * Items by utility per cost while their total cost stays within the budget.
   *
   * @param ids the pool
   * @param utility each item's utility
   * @param cost each item's cost, positive and finite
   * @param budget the most the picks may cost together, {@code >= 0}
   * @return the picks in rank order; their costs sum to at most {@code budget}
   */
  public static List<Pick> underBudget(
      ItemIds ids, double[] utility, double[] cost, double budget) {
    check(ids, utility, cost);
    if (!(budget >= 0)) {
      throw new IllegalArgumentException("budget must be >= 0, got " + budget);
    }
    List<Pick> ranked = perCost(ids, utility, cost, ids.size());
    List<Pick> picks = new ArrayList<>();
    double spent = 0;
    for (Pick p : ranked) {
      double c = cost[(int) p.position()];
      if (spent + c <= budget) {
        spent += c;
        picks.add(new Pick(picks.size() + 1, p.id(), p.position(), p.score()));
      }
    }
    return List.copyOf(picks);
  }

  private static void check(ItemIds ids, double[] utility, double[] cost) {
    Objects.requireNonNull(ids, "ids");
    if (utility.length != ids.size() || cost.length != ids.size()) {
      throw new IllegalArgumentException(
          utility.length + " utilities and " + cost.length + " costs for " + ids.size() + " items");
    }
    for (int i = 0; i < cost.length; i++) {
      if (!(cost[i] > 0) || Double.isInfinite(cost[i])) {
        throw new IllegalArgumentException(
            "item '" + ids.id(i) + "' has cost " + cost[i] + "; costs must be positive and finite");
      }
    }
  }
}
