/**
 * Aggregation of several annotators' answers into one label per item.
 *
 * <p>The methods: majority vote, plain or weighted, Wawa, zero-based skill, Dawid-Skene and its
 * one-coin variant, GLAD, MACE, KOS and M-MSR, each checked against crowd-kit's published results
 * or an independent NumPy computation; the seeded ones (MACE, KOS, M-MSR) start from the draws of
 * NumPy's legacy generator, as crowd-kit does, in the table's canonical order.
 *
 * <p>Beyond categories: numeric answers by {@link
 * org.annotationkit.metrics.aggregation.NumericConsensus} (mean, median, trimmed mean) and {@link
 * org.annotationkit.metrics.aggregation.ReliabilityWeightedMean}; boxes by {@link
 * org.annotationkit.metrics.aggregation.BoxFusion} (IoU clustering and weighted box fusion) and
 * masks by {@link org.annotationkit.metrics.aggregation.MaskVote} (pixel-wise vote); text spans by
 * {@link org.annotationkit.metrics.aggregation.SpanVote}; multi-label answers by {@link
 * org.annotationkit.metrics.aggregation.BinaryRelevance} over any categorical method; pairwise
 * preferences by {@link org.annotationkit.metrics.aggregation.BradleyTerry} (Rao-Kupper ties,
 * Hunter's MM algorithm). All of them give the same result for the same answers in any order.
 *
 * <p>{@link org.annotationkit.metrics.aggregation.MajorityVote} reads the agreement package's
 * {@link org.annotationkit.metrics.agreement.RatingTable}, so both share one answer table.
 *
 * @since 0.1.0
 */
@NullMarked
@CheckReturnValue
package org.annotationkit.metrics.aggregation;

import com.google.errorprone.annotations.CheckReturnValue;
import org.jspecify.annotations.NullMarked;
