package org.annotationkit.metrics.aggregation;

import java.util.Objects;
import org.annotationkit.core.coding.LabelCoding;

/**
 * The result of a {@link BradleyTerry} fit: one score per player, normalised to sum to 1, the
 * Rao-Kupper tie parameter, the log-likelihood, and how the iteration ended.
 *
 * <p>Immutable; the array accessors copy.
 *
 * @since 0.1.0
 */
public final class BradleyTerryScores {
  private final LabelCoding players;
  private final double[] scores;
  private final double theta;
  private final double logLikelihood;
  private final int iterations;
  private final boolean converged;
  private final boolean identifiable;

  BradleyTerryScores(
      LabelCoding players,
      double[] scores,
      double theta,
      double logLikelihood,
      int iterations,
      boolean converged,
      boolean identifiable) {
    this.players = players;
    this.scores = scores;
    this.theta = theta;
    this.logLikelihood = logLikelihood;
    this.iterations = iterations;
    this.converged = converged;
    this.identifiable = identifiable;
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
   * A player's score.
   *
   * @param player the player's code
   * @return the score, in {@code [0, 1]}; all scores sum to 1
   */
  public double score(int player) {
    return scores[player];
  }

  /**
   * A player's score, by id.
   *
   * @param player the player's id
   * @return the score
   * @throws org.annotationkit.core.coding.UnknownLabelException if the player was never compared
   */
  public double score(String player) {
    Objects.requireNonNull(player, "player");
    return scores[players.code(player)];
  }

  /**
   * Every player's score, a copy.
   *
   * @return one score per player code, summing to 1
   */
  public double[] scores() {
    return scores.clone();
  }

  /**
   * A player's log-score relative to another's, {@code log(score(player) / score(reference))}: the
   * "ability" that R's BradleyTerry2 reports with {@code reference} as its reference player.
   *
   * @param player the player's code
   * @param reference the reference player's code
   * @return the log ratio
   */
  public double ability(int player, int reference) {
    return Math.log(scores[player]) - Math.log(scores[reference]);
  }

  /**
   * The Rao-Kupper tie parameter: 1 when there were no ties, larger the more ties there were.
   *
   * @return {@code theta >= 1}
   */
  public double tieParameter() {
    return theta;
  }

  /**
   * The probability that one player beats another under the fitted model.
   *
   * @param winner the code of the player who should win
   * @param loser the other player's code
   * @return {@code g[winner] / (g[winner] + theta * g[loser])}
   */
  public double probabilityBeats(int winner, int loser) {
    return scores[winner] / (scores[winner] + theta * scores[loser]);
  }

  /**
   * The probability that two players tie under the fitted model.
   *
   * @param a one player's code
   * @param b the other's
   * @return the Rao-Kupper tie probability
   */
  public double probabilityTie(int a, int b) {
    return 1 - probabilityBeats(a, b) - probabilityBeats(b, a);
  }

  /**
   * The log-likelihood of the comparisons (pseudo-counts included) at the fitted scores.
   *
   * @return the natural-log likelihood
   */
  public double logLikelihood() {
    return logLikelihood;
  }

  /**
   * The number of MM iterations.
   *
   * @return the count
   */
  public int iterations() {
    return iterations;
  }

  /**
   * Whether the iteration met its tolerance before its cap.
   *
   * @return whether it converged
   */
  public boolean converged() {
    return converged;
  }

  /**
   * Whether the maximum-likelihood scores exist: every split of the players has a win or tie across
   * it in both directions, and with ties some comparison was not a tie (see {@link BradleyTerry}).
   *
   * @return whether the scores are identifiable
   */
  public boolean identifiable() {
    return identifiable;
  }

  @Override
  public String toString() {
    return "BradleyTerryScores["
        + players.size()
        + " players, theta "
        + theta
        + ", "
        + iterations
        + " iterations"
        + (converged ? "" : ", not converged")
        + (identifiable ? "" : ", not identifiable")
        + "]";
  }
}
