/**
 * Adapters from Smile classifiers and clustering to the active-learning model interface: {@link
 * org.annotationkit.activelearning.smile.SmileTrainers} (logistic regression, random forest,
 * gradient boosting, any soft classifier) and {@link
 * org.annotationkit.activelearning.smile.SmileKMeans}. The only place Smile is used, and so
 * licensed GPL-3.0.
 *
 * @since 0.1.0
 */
@NullMarked
package org.annotationkit.activelearning.smile;

import org.jspecify.annotations.NullMarked;
