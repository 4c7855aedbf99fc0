/**
 * Agreement on structured annotations: Krippendorff's unitizing alpha for segments of a continuum
 * ({@link org.annotationkit.metrics.structured.UnitizingAlpha}).
 *
 * @since 0.1.0
 */
@NullMarked
@CheckReturnValue
package org.annotationkit.metrics.structured;

import com.google.errorprone.annotations.CheckReturnValue;
import org.jspecify.annotations.NullMarked;
