/**
 * Stopping criteria: stabilising predictions, minimum uncertainty, budget. Start at {@link
 * org.annotationkit.activelearning.stopping.Stopping}.
 *
 * @since 0.1.0
 */
@NullMarked
package org.annotationkit.activelearning.stopping;

import org.jspecify.annotations.NullMarked;
