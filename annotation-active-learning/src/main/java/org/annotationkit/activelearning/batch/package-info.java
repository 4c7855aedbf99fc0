/**
 * Batches that mix uncertainty with distance to what is labeled or already picked. Start at {@link
 * org.annotationkit.activelearning.batch.RankedBatch}.
 *
 * @since 0.1.0
 */
@NullMarked
package org.annotationkit.activelearning.batch;

import org.jspecify.annotations.NullMarked;
