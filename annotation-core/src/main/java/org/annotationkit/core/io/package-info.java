/**
 * What every reader and writer of external files shares: the {@link
 * org.annotationkit.core.io.FormatException} that names where malformed input went wrong, and
 * {@link org.annotationkit.core.io.AtomicFiles}, which writes a file all or nothing.
 *
 * @since 0.1.0
 */
@NullMarked
@CheckReturnValue
package org.annotationkit.core.io;

import com.google.errorprone.annotations.CheckReturnValue;
import org.jspecify.annotations.NullMarked;
