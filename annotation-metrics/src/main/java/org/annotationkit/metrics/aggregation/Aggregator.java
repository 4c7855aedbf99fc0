package org.annotationkit.metrics.aggregation;

import org.annotationkit.metrics.agreement.RatingTable;
import org.annotationkit.metrics.data.Answers;

/**
 * A method that turns several annotators' categorical answers into one label per item.
 *
 * <p>Implementations are immutable and thread-safe; they give the same result for the same answers
 * in any input order (the tables are canonically ordered, and randomised methods take a seed).
 *
 * @since 0.1.0
 */
public interface Aggregator {
  /**
   * Aggregates answers.
   *
   * @param answers the answers, grouped by item
   * @return the labels, confidences and estimates
   */
  Aggregation aggregate(Answers answers);

  /**
   * Aggregates the answers of a units-by-raters table; units nobody rated get label {@link
   * RatingTable#MISSING}.
   *
   * @param table the table
   * @return the labels, confidences and estimates
   */
  Aggregation aggregate(RatingTable table);
}
