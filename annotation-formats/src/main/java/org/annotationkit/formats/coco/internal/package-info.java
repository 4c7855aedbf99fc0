/**
 * The COCO format's reader and writer, behind {@link org.annotationkit.formats.coco.CocoFormat}.
 * Not exported: these are not part of the API.
 */
@NullMarked
package org.annotationkit.formats.coco.internal;

import org.jspecify.annotations.NullMarked;
