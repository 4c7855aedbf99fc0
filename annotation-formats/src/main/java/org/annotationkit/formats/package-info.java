/**
 * Converters between the formats that labeling tools and training pipelines speak, through one
 * model: a {@link org.annotationkit.formats.Format} has a {@link
 * org.annotationkit.formats.FormatReader} into core's {@link
 * org.annotationkit.core.dataset.DatasetSource} and a {@link
 * org.annotationkit.formats.FormatWriter} out of it, so N formats need N readers and N writers,
 * never N x N converters.
 *
 * <ul>
 *   <li>{@link org.annotationkit.formats.Formats}: the formats by name, found through {@link
 *       java.util.ServiceLoader}, and detection of an input's format.
 *   <li>{@link org.annotationkit.formats.Converter}: a streaming conversion, written all or
 *       nothing, returning a {@link org.annotationkit.formats.ConversionReport} of what was
 *       converted and every {@link org.annotationkit.formats.Loss}.
 *   <li>{@link org.annotationkit.formats.FormatOptions}: the {@code key=value} options, the image
 *       folder and the sizes table a conversion is given.
 * </ul>
 *
 * <p>One sub-package per format: {@code canonical} (Annotation Kit's JSON Lines), {@code coco}
 * (with COCO's mask run-length encoding), and the others as they come.
 *
 * <h2>Conventions every format follows</h2>
 *
 * <ul>
 *   <li>Geometry is core's: absolute pixels, top-left origin; each format maps its own convention
 *       (percentages, normalised values, 1-based corners, other rotation pivots) in one place.
 *   <li>Vision readers give a schema whose region fields are named after their kind: {@code box}
 *       ({@code BOX}), {@code polygon}, {@code polyline}, {@code keypoints}, {@code mask}, and
 *       {@code tags} for image-level labels ({@code MULTIPLE_CHOICE}), with one label set in the
 *       format's category order; writers accept any schema and take the categories from its region
 *       fields, in schema order (labels of the first field first).
 *   <li>Everything a reader or writer cannot carry, or changes, is a {@link
 *       org.annotationkit.formats.Loss} in the report, never only a log line.
 *   <li>Inputs are hardened: JSON with set limits, XML without DTDs or entities, file names from an
 *       input never reach outside the folders given; malformed input raises {@link
 *       org.annotationkit.core.io.FormatException} with the file and line or JSON pointer.
 * </ul>
 *
 * @since 0.1.0
 */
@NullMarked
package org.annotationkit.formats;

import org.jspecify.annotations.NullMarked;
