package org.annotationkit.activelearning.loop;

/**
 * A way of picking the next batch in a simulation. The built-in ones are {@link
 * Strategies#named(String)}; a user's own implements this.
 *
 * @since 0.1.0
 */
public interface Strategy {
  /**
   * The strategy's name in results, such as {@code margin}.
   *
   * @return the name
   */
  String name();

  /**
   * Picks up to {@code batch} unlabeled items.
   *
   * @param round the state of the round
   * @param batch how many to pick
   * @return the positions of the picks, in rank order, all unlabeled and distinct
   */
  int[] pick(Round round, int batch);
}
