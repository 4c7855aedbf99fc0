/**
 * YOLO label files, Ultralytics and Darknet layouts: {@link
 * org.annotationkit.formats.yolo.YoloFormat} reads and writes detection boxes, segmentation
 * polygons, oriented boxes and poses, normalised by the image sizes that come from the images'
 * headers or a sizes table.
 *
 * @since 0.1.0
 */
@NullMarked
package org.annotationkit.formats.yolo;

import org.jspecify.annotations.NullMarked;
