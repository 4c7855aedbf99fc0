/**
 * Samplers that tell an ML engineer which items a human should label next: {@code uncertainty},
 * {@code committee}, {@code diversity}, {@code batch}, {@code review} (likely label errors) and
 * {@code loop} (simulated labeling to compare strategies), over a small model interface of our own
 * that gives class probabilities or embeddings. This package holds what they share: the pool's
 * {@link org.annotationkit.activelearning.Probabilities}, item ids, picks and the mergeable {@link
 * org.annotationkit.activelearning.TopK}.
 *
 * @since 0.1.0
 */
@NullMarked
package org.annotationkit.activelearning;

import org.jspecify.annotations.NullMarked;
