/**
 * Aggregation of several annotators' answers into one label per item.
 *
 * <p>{@link org.annotationkit.metrics.aggregation.MajorityVote} reads the agreement package's
 * {@link org.annotationkit.metrics.agreement.RatingTable}, so both share one answer table.
 *
 * @since 0.1.0
 */
@NullMarked
@CheckReturnValue
package org.annotationkit.metrics.aggregation;

import com.google.errorprone.annotations.CheckReturnValue;
import org.jspecify.annotations.NullMarked;
