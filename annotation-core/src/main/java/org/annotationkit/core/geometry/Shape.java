package org.annotationkit.core.geometry;

/**
 * A region of an image in absolute pixel coordinates: a {@link Box}, a {@link Polygon}, a {@link
 * Polyline} or a run-length {@link RleMask}. Compare two shapes with {@link Iou}.
 *
 * @since 0.1.0
 */
public sealed interface Shape permits Box, Polygon, Polyline, RleMask {

  /**
   * The area covered by the shape, in square pixels (for a mask, the number of pixels set). A
   * polyline has no area.
   *
   * @return the area, never negative
   */
  double area();

  /**
   * The smallest axis-aligned box (rotation 0) that covers the shape.
   *
   * @return the bounding box
   */
  Box bounds();
}
