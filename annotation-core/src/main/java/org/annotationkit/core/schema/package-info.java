/**
 * Schemas: the fields of a labeling interface, each of one {@link
 * org.annotationkit.core.schema.FieldKind kind}, with its label set (a hierarchy with colours and
 * descriptions), per-label attributes and constraints; and presets for common taxonomies.
 *
 * @since 0.1.0
 */
@NullMarked
@CheckReturnValue
package org.annotationkit.core.schema;

import com.google.errorprone.annotations.CheckReturnValue;
import org.jspecify.annotations.NullMarked;
