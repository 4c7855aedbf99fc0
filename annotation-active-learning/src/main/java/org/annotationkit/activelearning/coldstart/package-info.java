/**
 * The first batch without a model: seeded random, stratified, diversity only. Start at {@link
 * org.annotationkit.activelearning.coldstart.ColdStart}.
 *
 * @since 0.1.0
 */
@NullMarked
package org.annotationkit.activelearning.coldstart;

import org.jspecify.annotations.NullMarked;
