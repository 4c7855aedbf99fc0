/**
 * Label coding: a dense, stable mapping between a set of categories (a field's labels, a table's
 * class columns, a format's category names) and the {@code int} codes {@code 0..n-1} that counts,
 * matrices and probability columns are indexed by.
 *
 * <p>{@link org.annotationkit.core.coding.LabelCoding} is the immutable mapping, built in one of
 * four named orders: schema order, first seen, sorted by code point, or the caller's explicit
 * order. {@link org.annotationkit.core.coding.LabelCoding.Builder} assigns first-seen codes as
 * labels stream in. A label outside a coding raises {@link
 * org.annotationkit.core.coding.UnknownLabelException}, which names the label, the known labels and
 * the closest one.
 *
 * @since 0.1.0
 */
@NullMarked
@CheckReturnValue
package org.annotationkit.core.coding;

import com.google.errorprone.annotations.CheckReturnValue;
import org.jspecify.annotations.NullMarked;
