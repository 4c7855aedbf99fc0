/**
 * Annotations: what an annotator (a person or a model) said about an item, as results of one sealed
 * family of values, one kind per field kind, with origin, timing and review state.
 *
 * @since 0.1.0
 */
@NullMarked
@CheckReturnValue
package org.annotationkit.core.annotation;

import com.google.errorprone.annotations.CheckReturnValue;
import org.jspecify.annotations.NullMarked;
