/**
 * Diversity sampling on embeddings at pool sizes of a million items (no N x N matrices): k-center
 * greedy (core-set), k-means++ seeding, BADGE. Start at {@link
 * org.annotationkit.activelearning.diversity.KCenterGreedy}.
 *
 * @since 0.1.0
 */
@NullMarked
package org.annotationkit.activelearning.diversity;

import org.jspecify.annotations.NullMarked;
