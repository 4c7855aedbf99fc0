/**
 * The {@code canonical} format: Annotation Kit's own JSON Lines, which holds everything the model
 * holds.
 *
 * @since 0.1.0
 */
@NullMarked
package org.annotationkit.formats.canonical;

import org.jspecify.annotations.NullMarked;
