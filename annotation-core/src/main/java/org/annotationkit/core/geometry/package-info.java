/**
 * Geometry in absolute pixel coordinates: origin at the top-left corner, x to the right, y down;
 * pixel (i, j) covers [i, i+1) x [j, j+1). Boxes (optionally rotated clockwise about their centre),
 * polygons with holes, polylines, points and run-length masks, with area, bounds and intersection
 * over union ({@link org.annotationkit.core.geometry.Iou}, also of many boxes against many).
 * Polygons say whether they are valid ({@link org.annotationkit.core.geometry.Polygon#defects()});
 * the region of every polygon, valid or not, follows the even-odd rule.
 *
 * @since 0.1.0
 */
@NullMarked
@CheckReturnValue
package org.annotationkit.core.geometry;

import com.google.errorprone.annotations.CheckReturnValue;
import org.jspecify.annotations.NullMarked;
