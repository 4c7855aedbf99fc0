/**
 * Density-weighted sampling (information density) with a configurable similarity. Start at {@link
 * org.annotationkit.activelearning.density.InformationDensity}.
 *
 * @since 0.1.0
 */
@NullMarked
package org.annotationkit.activelearning.density;

import org.jspecify.annotations.NullMarked;
