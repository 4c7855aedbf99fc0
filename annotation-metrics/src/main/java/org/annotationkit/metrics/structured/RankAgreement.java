package org.annotationkit.metrics.structured;

import java.util.Arrays;
import org.annotationkit.core.coding.LabelCoding;
import org.annotationkit.metrics.agreement.Agreement;
import org.annotationkit.metrics.agreement.RatingTable;
import org.annotationkit.metrics.agreement.UnitCounts;
import org.annotationkit.metrics.agreement.Weights;

/**
 * Agreement between raters who rank or score the same items (model outputs, say): Kendall's W among
 * several raters, Kendall's tau-b between two, and agreement on pairwise preferences.
 *
 * @since 0.1.0
 */
public final class RankAgreement {
  private RankAgreement() {}

  /**
   * Kendall's coefficient of concordance W with the correction for ties: {@code 12 S / (m^2 (n^3 -
   * n) - m T)}, where the raters' scores are turned into mid-ranks, S is the sum of squared
   * deviations of the items' rank sums and {@code T = sum (t^3 - t)} over groups of ties.
   *
   * @param scores row-major {@code raters x items} scores (higher or lower, consistently)
   * @param raters the number of raters
   * @return W in [0, 1], undefined with fewer than two raters or items, or when every rater ties
   *     everything
   */
  public static Agreement kendallW(double[] scores, int raters) {
    int n = scores.length / raters;
    if (raters < 2 || n < 2 || scores.length != raters * n) {
      return Agreement.undefined("kendall-w", "needs two or more raters and items", n, raters);
    }
    double[] rankSum = new double[n];
    double ties = 0;
    for (int r = 0; r < raters; r++) {
      double[] row = Arrays.copyOfRange(scores, r * n, r * n + n);
      double[] ranks = midRanks(row);
      for (int i = 0; i < n; i++) {
        rankSum[i] += ranks[i];
      }
      ties += tieSum(row);
    }
    double mean = raters * (n + 1) / 2.0;
    double s = 0;
    for (double sum : rankSum) {
      s += (sum - mean) * (sum - mean);
    }
    double denominator = (double) raters * raters * ((double) n * n * n - n) - raters * ties;
    if (!(denominator > 0)) {
      return Agreement.undefined("kendall-w", "every rater ties every item", n, raters);
    }
    return Agreement.of("kendall-w", 12 * s / denominator, n, raters);
  }

  /**
   * Kendall's tau-b between two raters' scores of the same items.
   *
   * @param a the first rater's scores
   * @param b the second's
   * @return tau-b in [-1, 1], undefined when either rater ties everything
   */
  public static Agreement kendallTau(double[] a, double[] b) {
    if (a.length != b.length) {
      throw new IllegalArgumentException(
          "the raters scored " + a.length + " and " + b.length + " items");
    }
    long concordant = 0;
    long discordant = 0;
    long tiedA = 0;
    long tiedB = 0;
    for (int i = 0; i < a.length; i++) {
      for (int j = i + 1; j < a.length; j++) {
        int x = Double.compare(a[i], a[j]);
        int y = Double.compare(b[i], b[j]);
        if (x == 0 && y == 0) {
          // Tied for both: in neither count.
        } else if (x == 0) {
          tiedA++;
        } else if (y == 0) {
          tiedB++;
        } else if (x == y) {
          concordant++;
        } else {
          discordant++;
        }
      }
    }
    double denominator =
        Math.sqrt((double) (concordant + discordant + tiedA) * (concordant + discordant + tiedB));
    if (!(denominator > 0)) {
      return Agreement.undefined("kendall-tau", "a rater ties every item", a.length, 2);
    }
    return Agreement.of("kendall-tau", (concordant - discordant) / denominator, a.length, 2);
  }

  /**
   * Agreement on pairwise preferences: for every pair of items, each rater prefers the first, the
   * second or neither (a tie); Fleiss' kappa over the pairs as units with those three categories.
   *
   * @param scores row-major {@code raters x items} scores, NaN for an item a rater did not score
   * @param raters the number of raters
   * @return Fleiss' kappa over the preferences, with "tie" a category of its own
   */
  public static Agreement pairwisePreferences(double[] scores, int raters) {
    int n = scores.length / Math.max(1, raters);
    int pairs = n * (n - 1) / 2;
    int[] codes = new int[Math.multiplyExact(pairs, raters)];
    int unit = 0;
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++, unit++) {
        for (int r = 0; r < raters; r++) {
          double x = scores[r * n + i];
          double y = scores[r * n + j];
          codes[unit * raters + r] =
              Double.isNaN(x) || Double.isNaN(y) ? RatingTable.MISSING : x > y ? 0 : x < y ? 2 : 1;
        }
      }
    }
    RatingTable table = RatingTable.of(raters, codes, LabelCoding.of("first", "tie", "second"));
    Agreement kappa = UnitCounts.of(table).fleissKappa(Weights.identity(3));
    return new Agreement(
        "preference-kappa",
        kappa.value(),
        kappa.undefinedReason(),
        kappa.units(),
        raters,
        kappa.se(),
        kappa.seH0(),
        kappa.ci(),
        kappa.perCategory());
  }

  /** Ranks 1..n, ties given the mean of the ranks they span. */
  static double[] midRanks(double[] values) {
    int n = values.length;
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (x, y) -> Double.compare(values[x], values[y]));
    double[] ranks = new double[n];
    for (int i = 0; i < n; ) {
      int j = i;
      while (j + 1 < n && values[order[j + 1]] == values[order[i]]) {
        j++;
      }
      double rank = (i + j) / 2.0 + 1;
      for (int k = i; k <= j; k++) {
        ranks[order[k]] = rank;
      }
      i = j + 1;
    }
    return ranks;
  }

  private static double tieSum(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    double sum = 0;
    for (int i = 0; i < sorted.length; ) {
      int j = i;
      while (j + 1 < sorted.length && sorted[j + 1] == sorted[i]) {
        j++;
      }
      double t = j - i + 1;
      sum += t * t * t - t;
      i = j + 1;
    }
    return sum;
  }
}
