/**
 * The COCO format. {@link org.annotationkit.formats.coco.CocoRle} is COCO's mask run-length
 * encoding (encode, decode, area, bounding box, merge, IoU, polygon and box rasterisation, the
 * compressed string), matching {@code pycocotools.mask} exactly.
 *
 * @since 0.1.0
 */
@NullMarked
package org.annotationkit.formats.coco;

import org.jspecify.annotations.NullMarked;
