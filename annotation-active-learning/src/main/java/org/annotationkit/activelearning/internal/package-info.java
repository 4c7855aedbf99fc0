/** What the samplers share and do not export: the threads a selection runs on. */
@NullMarked
package org.annotationkit.activelearning.internal;

import org.jspecify.annotations.NullMarked;
