/**
 * The canonical JSON of schemas, items and annotations: a documented, versioned layout with a
 * stable field order and an exact round trip, written and read over the streaming jackson-core, one
 * record at a time for JSON Lines.
 *
 * @since 0.1.0
 */
@NullMarked
@CheckReturnValue
package org.annotationkit.core.json;

import com.google.errorprone.annotations.CheckReturnValue;
import org.jspecify.annotations.NullMarked;
