/**
 * What every reader of external files shares: the {@link org.annotationkit.core.io.FormatException}
 * that names where malformed input went wrong.
 *
 * @since 0.1.0
 */
@NullMarked
@CheckReturnValue
package org.annotationkit.core.io;

import com.google.errorprone.annotations.CheckReturnValue;
import org.jspecify.annotations.NullMarked;
