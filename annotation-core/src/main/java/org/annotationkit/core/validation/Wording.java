package org.annotationkit.core.validation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collection;
import java.util.Iterator;
import org.annotationkit.core.internal.Require;

/**
 * How violation messages write numbers, lists of names, JSON pointer tokens and spelling hints;
 * {@link Require#quote(String)} quotes the names and texts.
 */
final class Wording {
  /** How many names a list shows before it says how many more there are. */
  static final int LISTED_NAMES = 10;

  private Wording() {}

  /** Names separated by commas, at most {@value #LISTED_NAMES} of them, then {@code "… N more"}. */
  static String listing(Collection<String> names) {
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
      out.append(it.next());
      shown++;
    }
    if (names.size() > shown) {
      out.append(", … ").append(names.size() - shown).append(" more");
    }
    return out.toString();
  }

  /** A number as given: integers without a fraction ({@code 640}), others in full. */
  static String num(double value) {
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      return Long.toString((long) value);
    }
    return Double.toString(value);
  }

  /** A computed number rounded to three decimals, without trailing zeros. */
  static String approx(double value) {
    if (!Double.isFinite(value)) {
      return Double.toString(value);
    }
    BigDecimal rounded =
        BigDecimal.valueOf(value).setScale(3, RoundingMode.HALF_EVEN).stripTrailingZeros();
    return rounded.signum() == 0 ? "0" : rounded.toPlainString();
  }

  /** A point as {@code (x, y)} with {@link #approx(double)} coordinates. */
  static String point(double x, double y) {
    return "(" + approx(x) + ", " + approx(y) + ")";
  }

  /** A string escaped as one reference token of a JSON pointer (RFC 6901). */
  static String token(String name) {
    if (name.indexOf('~') < 0 && name.indexOf('/') < 0) {
      return name;
    }
    return name.replace("~", "~0").replace("/", "~1");
  }

  /**
   * A hint naming the candidate closest to a misspelt name, such as {@code "; did you mean
   * 'car'?"}, or the empty string when no candidate is close: same letters in another case, or at
   * most one edit away for names of three or four characters, two for longer ones, counting a swap
   * of two neighbours as one edit (names of one or two characters only match in another case). The
   * first closest candidate in iteration order wins.
   */
  static String didYouMean(String given, Collection<String> candidates) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    int limit = given.length() >= 5 ? 2 : given.length() >= 3 ? 1 : 0;
    for (String candidate : candidates) {
      int distance =
          candidate.equalsIgnoreCase(given) ? 0 : editDistance(given, candidate, bestDistance);
      if (distance < bestDistance) {
        best = candidate;
        bestDistance = distance;
      }
    }
    if (best == null || bestDistance > limit || best.equals(given)) {
      return "";
    }
    return "; did you mean " + Require.quote(best) + "?";
  }

  /**
   * The optimal-string-alignment distance between two strings (insertions, deletions, substitutions
   * and swaps of neighbours, in UTF-16 units), or a number {@code >= bound} when it is at least
   * {@code bound}.
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
      int rowMin = current[0];
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
      int[] spare = before;
      before = previous;
      previous = current;
      current = spare;
    }
    return previous[m];
  }
}
