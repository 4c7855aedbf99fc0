/**
 * Review sampling: items whose given labels are likely wrong, by confident learning. Start at
 * {@link org.annotationkit.activelearning.review.ConfidentLearning}.
 *
 * @since 0.1.0
 */
@NullMarked
package org.annotationkit.activelearning.review;

import org.jspecify.annotations.NullMarked;
