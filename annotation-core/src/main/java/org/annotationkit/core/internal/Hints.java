package org.annotationkit.core.internal;

import java.util.Collection;
import java.util.Iterator;
import org.jspecify.annotations.Nullable;

/**
 * How error messages list the names a caller could have meant and suggest the closest one: {@code
 * "known labels: 'car', 'person', … 12 more; did you mean 'car'?"}. Names are quoted with {@link
 * Require#quote(String)}.
 */
public final class Hints {

  /** How many names {@link #listing(Collection)} shows before it says how many more there are. */
  public static final int LISTED_NAMES = 10;

  private Hints() {}

  /**
   * Quoted names separated by commas, at most {@value #LISTED_NAMES} of them, then {@code "… N
   * more"}; {@code "none"} when there are none.
   *
   * @param names the names, in the order to show them
   * @return the listing, such as {@code 'car', 'person', … 3 more}
   */
  public static String listing(Collection<String> names) {
    return listing(names, true);
  }

  /**
   * Names as they are, separated by commas, at most {@value #LISTED_NAMES} of them, then {@code "…
   * N more"}; {@code "none"} when there are none. For names that are quoted already, or that read
   * better bare ({@code labels: car, person}).
   *
   * @param names the names, in the order to show them
   * @return the listing, such as {@code car, person, … 3 more}
   */
  public static String bareListing(Collection<String> names) {
    return listing(names, false);
  }

  private static String listing(Collection<String> names, boolean quoted) {
    if (names.isEmpty()) {
      return "none";
    }
    StringBuilder out = new StringBuilder();
    Iterator<String> it = names.iterator();
    int shown = 0;
    while (it.hasNext() && shown < LISTED_NAMES) {
      if (shown > 0) {
        out.append(", ");
      }
      String name = it.next();
      out.append(quoted ? Require.quote(name) : name);
      shown++;
    }
    if (names.size() > shown) {
      out.append(", … ").append(names.size() - shown).append(" more");
    }
    return out.toString();
  }

  /**
   * The candidate closest to a misspelt name, when one is close: the same letters in another case,
   * or at most one edit away for names of three or four characters and two for longer ones,
   * counting a swap of two neighbours as one edit (names of one or two characters match only in
   * another case). The first closest candidate in iteration order wins.
   *
   * @param given the name that matched nothing
   * @param candidates the names it could have meant
   * @return the closest candidate, or null when none is close
   */
  public static @Nullable String closest(String given, Collection<String> candidates) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    int limit = given.length() >= 5 ? 2 : given.length() >= 3 ? 1 : 0;
    for (String candidate : candidates) {
      if (candidate.equals(given)) {
        continue;
      }
      int distance =
          candidate.equalsIgnoreCase(given)
              ? 0
              : editDistance(given, candidate, Math.min(bestDistance, limit + 1));
      if (distance < bestDistance) {
        best = candidate;
        bestDistance = distance;
      }
    }
    return bestDistance <= limit ? best : null;
  }

  /**
   * The hint {@code "; did you mean 'car'?"} for the {@linkplain #closest(String, Collection)
   * closest} candidate, or the empty string when none is close.
   *
   * @param given the name that matched nothing
   * @param candidates the names it could have meant
   * @return the hint, or {@code ""}
   */
  public static String didYouMean(String given, Collection<String> candidates) {
    String best = closest(given, candidates);
    return best == null ? "" : "; did you mean " + Require.quote(best) + "?";
  }

  /**
   * The optimal-string-alignment distance between two strings (insertions, deletions, substitutions
   * and swaps of neighbours, in UTF-16 units), or {@code bound} when it is at least {@code bound}.
   */
  static int editDistance(String a, String b, int bound) {
    if (Math.abs(a.length() - b.length()) >= bound) {
      return bound;
    }
    int n = a.length();
    int m = b.length();
    int[] before = new int[m + 1];
    int[] previous = new int[m + 1];
    int[] current = new int[m + 1];
    for (int j = 0; j <= m; j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= n; i++) {
      current[0] = i;
      int rowMin = i;
      for (int j = 1; j <= m; j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        int d = Math.min(Math.min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
        if (i > 1
            && j > 1
            && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          d = Math.min(d, before[j - 2] + 1);
        }
        current[j] = d;
        rowMin = Math.min(rowMin, d);
      }
      if (rowMin >= bound) {
        return bound;
      }
      int[] recycled = before;
      before = previous;
      previous = current;
      current = recycled;
    }
    return Math.min(previous[m], bound);
  }
}
