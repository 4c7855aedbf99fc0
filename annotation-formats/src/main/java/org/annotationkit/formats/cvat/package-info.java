/**
 * The CVAT formats: {@code cvat} (CVAT for images 1.1, {@link
 * org.annotationkit.formats.cvat.CvatImagesFormat}) and {@code cvat-video} (CVAT for video 1.1,
 * {@link org.annotationkit.formats.cvat.CvatVideoFormat}), read with a streaming StAX parser.
 *
 * @since 0.1.0
 */
@NullMarked
package org.annotationkit.formats.cvat;

import org.jspecify.annotations.NullMarked;
