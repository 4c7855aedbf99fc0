/**
 * The canonical JSON of schemas, items and annotations: a documented, versioned layout with a
 * stable field order and an exact round trip, written and read over the streaming jackson-core, one
 * record at a time for JSON Lines.
 *
 * <p>Start from {@link org.annotationkit.core.json.CanonicalJson}, which gives the {@link
 * org.annotationkit.core.json.JsonCodec} of schemas, items and annotations. Malformed input raises
 * {@link org.annotationkit.core.io.FormatException} with its source, line, column and JSON pointer.
 * The layout, field by field, is documented in {@code docs/canonical-json.md}.
 *
 * @since 0.1.0
 */
@NullMarked
@CheckReturnValue
package org.annotationkit.core.json;

import com.google.errorprone.annotations.CheckReturnValue;
import org.jspecify.annotations.NullMarked;
