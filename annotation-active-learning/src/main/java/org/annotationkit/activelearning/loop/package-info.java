/**
 * The active-learning loop as a simulation: replay a labeled dataset, compare strategies by their
 * learning curves and the area under them, and their gain over random on the same seeds. Start at
 * {@link org.annotationkit.activelearning.loop.Simulation}.
 *
 * @since 0.1.0
 */
@NullMarked
package org.annotationkit.activelearning.loop;

import org.jspecify.annotations.NullMarked;
