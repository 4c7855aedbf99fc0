/**
 * Pascal VOC XML: {@link org.annotationkit.formats.voc.VocFormat}.
 *
 * @since 0.1.0
 */
@NullMarked
package org.annotationkit.formats.voc;

import org.jspecify.annotations.NullMarked;
