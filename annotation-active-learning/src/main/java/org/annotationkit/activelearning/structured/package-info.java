/**
 * Multi-label and sequence-labeling uncertainty, reduced per item (min, mean, max, sum) and at the
 * entity level. Start at {@link org.annotationkit.activelearning.structured.Structured}.
 *
 * @since 0.1.0
 */
@NullMarked
package org.annotationkit.activelearning.structured;

import org.jspecify.annotations.NullMarked;
