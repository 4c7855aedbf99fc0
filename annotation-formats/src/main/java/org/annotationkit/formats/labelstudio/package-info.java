/**
 * The Label Studio formats: {@code labelstudio}, the JSON export (an array of tasks), and {@code
 * labelstudio-min}, its JSON-MIN form; and {@link org.annotationkit.formats.labelstudio.BrushRle},
 * the run-length bit stream of Label Studio's brush masks.
 *
 * @since 0.1.0
 */
@NullMarked
package org.annotationkit.formats.labelstudio;

import org.jspecify.annotations.NullMarked;
