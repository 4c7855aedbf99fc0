/**
 * Stream mode: decide item by item, with a fixed or an adaptive threshold. Start at {@link
 * org.annotationkit.activelearning.stream.StreamSelector}.
 *
 * @since 0.1.0
 */
@NullMarked
package org.annotationkit.activelearning.stream;

import org.jspecify.annotations.NullMarked;
