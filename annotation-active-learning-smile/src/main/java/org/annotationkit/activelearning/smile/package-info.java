/**
 * Adapters from Smile classifiers and clustering to the active-learning model interface. The only
 * place Smile is used, and so licensed GPL-3.0. Nothing lives here yet.
 *
 * @since 0.1.0
 */
@NullMarked
package org.annotationkit.activelearning.smile;

import org.jspecify.annotations.NullMarked;
