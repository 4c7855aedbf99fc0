/**
 * Measures of how far annotators agree and what the crowd's answer is: {@code agreement}
 * (Krippendorff's alpha, the kappas, Gwet's AC1/AC2), {@code aggregation} (majority vote,
 * Dawid-Skene and kin), {@code quality} (annotators against gold and consensus) and {@code
 * structured} (agreement on boxes, masks, spans and rankings), each built from mergeable
 * accumulators. Nothing lives here yet.
 *
 * @since 0.1.0
 */
@NullMarked
package org.annotationkit.metrics;

import org.jspecify.annotations.NullMarked;
