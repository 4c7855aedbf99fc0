/**
 * What every format here reads and writes with: the hardened JSON and XML parsers, safe resolution
 * of file names found in inputs, all-or-nothing output, and a look at a file's first bytes for
 * detection. Not exported: these are not part of the API.
 */
@NullMarked
package org.annotationkit.formats.internal;

import org.jspecify.annotations.NullMarked;
