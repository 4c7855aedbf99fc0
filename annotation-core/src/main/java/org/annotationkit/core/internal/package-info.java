/**
 * Implementation details shared by the packages of the core module: argument checks and the wording
 * of their messages. Not API: the module does not export this package, so code outside Annotation
 * Kit core cannot use it, and it may change in any release.
 */
@NullMarked
@CheckReturnValue
package org.annotationkit.core.internal;

import com.google.errorprone.annotations.CheckReturnValue;
import org.jspecify.annotations.NullMarked;
