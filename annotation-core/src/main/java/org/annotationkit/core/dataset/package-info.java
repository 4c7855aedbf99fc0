/**
 * The dataset: a schema, its items and their annotations, the one model that format converters
 * convert through and metrics read.
 *
 * <p>{@link org.annotationkit.core.dataset.Dataset} holds a dataset in memory, indexed by item and
 * by annotator, built by a {@link org.annotationkit.core.dataset.Dataset.Builder} that takes items
 * and annotations in any order and checks that ids are unique and every annotation's item is there.
 * {@link org.annotationkit.core.dataset.DatasetSource} streams a dataset too large for memory as
 * {@link org.annotationkit.core.dataset.DatasetEntry entries}, an item at a time with its
 * annotations, with the ordering guarantees its documentation gives.
 *
 * <p>Neither checks annotations against the schema: {@link
 * org.annotationkit.core.validation.AnnotationValidator} does.
 *
 * @since 0.1.0
 */
@NullMarked
@CheckReturnValue
package org.annotationkit.core.dataset;

import com.google.errorprone.annotations.CheckReturnValue;
import org.jspecify.annotations.NullMarked;
