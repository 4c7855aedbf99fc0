/**
 * Converters between the formats that labeling tools and training pipelines speak. One sub-package
 * per format (Label Studio, COCO, Pascal VOC, YOLO, CVAT, CoNLL, spaCy and more), a registry found
 * through {@link java.util.ServiceLoader}, streaming readers and writers, and a loss report for
 * every conversion. So far only COCO's mask run-length encoding exists, in {@code
 * org.annotationkit.formats.coco}.
 *
 * @since 0.1.0
 */
@NullMarked
package org.annotationkit.formats;

import org.jspecify.annotations.NullMarked;
