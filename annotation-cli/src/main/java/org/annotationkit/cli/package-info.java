/**
 * The {@code annotate} command: a thin shell over the library, with one subcommand per job.
 *
 * @since 0.1.0
 */
@NullMarked
package org.annotationkit.cli;

import org.jspecify.annotations.NullMarked;
