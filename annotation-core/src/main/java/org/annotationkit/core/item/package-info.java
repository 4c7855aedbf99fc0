/**
 * Items to be labeled: images, texts, audio, video, and comparisons of model outputs, each with an
 * id, a URI or inline content, and metadata.
 *
 * @since 0.1.0
 */
@NullMarked
@CheckReturnValue
package org.annotationkit.core.item;

import com.google.errorprone.annotations.CheckReturnValue;
import org.jspecify.annotations.NullMarked;
