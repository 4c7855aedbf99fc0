/**
 * Uncertainty sampling: least confidence, margin, ratio of confidence and entropy, each a fused
 * pass over a row, with top-k selection by a bounded heap. Start at {@link
 * org.annotationkit.activelearning.uncertainty.UncertaintySampler}.
 *
 * @since 0.1.0
 */
@NullMarked
package org.annotationkit.activelearning.uncertainty;

import org.jspecify.annotations.NullMarked;
