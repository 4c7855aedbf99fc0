/**
 * Cost-aware selection: utility per unit of labeling cost, and selection under a budget. Start at
 * {@link org.annotationkit.activelearning.cost.CostAware}.
 *
 * @since 0.1.0
 */
@NullMarked
package org.annotationkit.activelearning.cost;

import org.jspecify.annotations.NullMarked;
