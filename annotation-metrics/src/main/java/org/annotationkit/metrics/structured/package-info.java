/**
 * Agreement on structured annotations: Krippendorff's unitizing alpha for segments of a continuum
 * ({@link org.annotationkit.metrics.structured.UnitizingAlpha}), span agreement ({@link
 * org.annotationkit.metrics.structured.SpanAgreement}), boxes and masks matched by IoU with an
 * optimal assignment ({@link org.annotationkit.metrics.structured.RegionAgreement}, {@link
 * org.annotationkit.metrics.structured.Assignment}), rankings and preferences ({@link
 * org.annotationkit.metrics.structured.RankAgreement}) and keypoints ({@link
 * org.annotationkit.metrics.structured.KeypointSimilarity}).
 *
 * @since 0.1.0
 */
@NullMarked
@CheckReturnValue
package org.annotationkit.metrics.structured;

import com.google.errorprone.annotations.CheckReturnValue;
import org.jspecify.annotations.NullMarked;
