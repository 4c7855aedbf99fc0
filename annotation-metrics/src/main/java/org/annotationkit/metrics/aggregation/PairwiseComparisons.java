package org.annotationkit.metrics.aggregation;

import com.google.errorprone.annotations.CanIgnoreReturnValue;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import org.annotationkit.core.annotation.PreferenceValue;
import org.annotationkit.core.coding.LabelCoding;

/**
 * Pairwise comparisons counted per pair of players (responses, models, items): how often each beat
 * the other and how often they tied. What {@link BradleyTerry} fits.
 *
 * <p>Players are coded in sorted order of their ids; pairs are kept sparse, in code order, so the
 * counts (and any fit) do not depend on the order the comparisons were added in.
 *
 * <p>Immutable; build with {@link #builder()}.
 *
 * @since 0.1.0
 */
public final class PairwiseComparisons {
  final LabelCoding players;

  /** The pairs {@code (low[p], high[p])}, {@code low < high}, in code order. */
  final int[] low;

  final int[] high;

  /** How often {@code low} beat {@code high}, {@code high} beat {@code low}, and ties. */
  final double[] lowWins;

  final double[] highWins;
  final double[] ties;

  private PairwiseComparisons(
      LabelCoding players,
      int[] low,
      int[] high,
      double[] lowWins,
      double[] highWins,
      double[] ties) {
    this.players = players;
    this.low = low;
    this.high = high;
    this.lowWins = lowWins;
    this.highWins = highWins;
    this.ties = ties;
  }

  /**
   * Starts an empty set of comparisons.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Counts preference answers: {@code FIRST} is a win of {@code first} over {@code second}, {@code
   * SECOND} the reverse, {@code TIE} a tie.
   *
   * @param answers the answers
   * @return the counts
   */
  public static PairwiseComparisons of(Iterable<PreferenceValue> answers) {
    Objects.requireNonNull(answers, "answers");
    Builder b = builder();
    for (PreferenceValue v : answers) {
      b.add(v);
    }
    return b.build();
  }

  /**
   * The players, coded in sorted order of their ids.
   *
   * @return the coding
   */
  public LabelCoding players() {
    return players;
  }

  /**
   * The number of distinct pairs that were compared.
   *
   * @return the count
   */
  public int pairCount() {
    return low.length;
  }

  /**
   * The total number of comparisons, ties included.
   *
   * @return the sum of all counts
   */
  public double total() {
    double sum = 0;
    for (int p = 0; p < low.length; p++) {
      sum += lowWins[p] + highWins[p] + ties[p];
    }
    return sum;
  }

  @Override
  public String toString() {
    return "PairwiseComparisons[" + players.size() + " players, " + low.length + " pairs]";
  }

  /**
   * Collects comparisons in any order. Not thread-safe.
   *
   * @since 0.1.0
   */
  public static final class Builder {
    /** Per ordered-by-id pair {@code "a", "b"} with {@code a < b}: wins of a, wins of b, ties. */
    private final Map<String, Map<String, double[]>> counts = new TreeMap<>();

    private Builder() {}

    private double[] cell(String a, String b) {
      if (a.isEmpty() || b.isEmpty()) {
        throw new IllegalArgumentException("player ids must be non-empty");
      }
      if (a.equals(b)) {
        throw new IllegalArgumentException("a player cannot be compared with itself: " + a);
      }
      return counts.computeIfAbsent(a, k -> new TreeMap<>()).computeIfAbsent(b, k -> new double[3]);
    }

    private static void check(double count) {
      if (!(count >= 0 && Double.isFinite(count))) {
        throw new IllegalArgumentException("count must be finite and >= 0, got " + count);
      }
    }

    /**
     * Adds wins of one player over another.
     *
     * @param winner the winner's id, non-empty
     * @param loser the loser's id, non-empty and different
     * @param count how many wins (a weight may be fractional), finite and {@code >= 0}
     * @return this builder
     * @throws IllegalArgumentException if an id is empty, both are the same, or the count is bad
     */
    @CanIgnoreReturnValue
    public Builder addWins(String winner, String loser, double count) {
      Objects.requireNonNull(winner, "winner");
      Objects.requireNonNull(loser, "loser");
      check(count);
      boolean ordered = winner.compareTo(loser) < 0;
      double[] cell = ordered ? cell(winner, loser) : cell(loser, winner);
      cell[ordered ? 0 : 1] += count;
      return this;
    }

    /**
     * Adds ties between two players.
     *
     * @param a one player's id, non-empty
     * @param b the other's, non-empty and different
     * @param count how many ties, finite and {@code >= 0}
     * @return this builder
     * @throws IllegalArgumentException if an id is empty, both are the same, or the count is bad
     */
    @CanIgnoreReturnValue
    public Builder addTies(String a, String b, double count) {
      Objects.requireNonNull(a, "a");
      Objects.requireNonNull(b, "b");
      check(count);
      (a.compareTo(b) < 0 ? cell(a, b) : cell(b, a))[2] += count;
      return this;
    }

    /**
     * Adds one preference answer.
     *
     * @param answer the answer
     * @return this builder
     */
    @CanIgnoreReturnValue
    public Builder add(PreferenceValue answer) {
      Objects.requireNonNull(answer, "answer");
      return switch (answer.verdict()) {
        case FIRST -> addWins(answer.first(), answer.second(), 1);
        case SECOND -> addWins(answer.second(), answer.first(), 1);
        case TIE -> addTies(answer.first(), answer.second(), 1);
      };
    }

    /**
     * Codes the players and freezes the counts.
     *
     * @return the comparisons
     */
    public PairwiseComparisons build() {
      TreeSet<String> names = new TreeSet<>();
      int pairs = 0;
      for (var e : counts.entrySet()) {
        names.add(e.getKey());
        names.addAll(e.getValue().keySet());
        pairs += e.getValue().size();
      }
      LabelCoding players = LabelCoding.of(names.stream().toList());
      int[] low = new int[pairs];
      int[] high = new int[pairs];
      double[] lowWins = new double[pairs];
      double[] highWins = new double[pairs];
      double[] ties = new double[pairs];
      int p = 0;
      for (var e : counts.entrySet()) {
        int a = players.code(e.getKey());
        for (var f : e.getValue().entrySet()) {
          low[p] = a;
          high[p] = players.code(f.getKey());
          lowWins[p] = f.getValue()[0];
          highWins[p] = f.getValue()[1];
          ties[p] = f.getValue()[2];
          p++;
        }
      }
      return new PairwiseComparisons(players, low, high, lowWins, highWins, ties);
    }
  }
}
