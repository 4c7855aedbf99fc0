/**
 * Annotator quality: how each annotator does against gold items and against the aggregated
 * consensus, what the aggregation methods estimate of them, which of them look like spammers or
 * fall far below the rest (each flag with its evidence), and a label-noise report of a finished
 * project.
 *
 * <p>The entry point is {@link org.annotationkit.metrics.quality.QualityCheck}: configure the
 * consensus method, the gold labels and the thresholds, then {@linkplain
 * org.annotationkit.metrics.quality.QualityCheck#assess assess} an answer table to get a {@link
 * org.annotationkit.metrics.quality.QualityReport}. {@link
 * org.annotationkit.metrics.quality.ConsensusOverlapPolicy} hooks the same idea into core's
 * labeling workflow: it asks for another annotator while an item's consensus is weak.
 *
 * @since 0.1.0
 */
@NullMarked
@CheckReturnValue
package org.annotationkit.metrics.quality;

import com.google.errorprone.annotations.CheckReturnValue;
import org.jspecify.annotations.NullMarked;
