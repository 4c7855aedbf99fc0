/**
 * The labelme format, {@code labelme} ({@link org.annotationkit.formats.labelme.LabelmeFormat}):
 * wkentaro/labelme's JSON files, one per image, read and written.
 *
 * @since 0.1.0
 */
@NullMarked
package org.annotationkit.formats.labelme;

import org.jspecify.annotations.NullMarked;
