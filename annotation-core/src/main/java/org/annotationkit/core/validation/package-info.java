/**
 * Validation of annotations against their schema and item: every violation, each with the JSON
 * pointer of the offending value and a message.
 *
 * @since 0.1.0
 */
@NullMarked
@CheckReturnValue
package org.annotationkit.core.validation;

import com.google.errorprone.annotations.CheckReturnValue;
import org.jspecify.annotations.NullMarked;
