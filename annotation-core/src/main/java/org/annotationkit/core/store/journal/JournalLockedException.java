package org.annotationkit.core.store.journal;

import java.io.Serial;
import java.nio.file.Path;

/**
 * The journal is open already: another process, or this one, holds its lock file. A journal has one
 * owner at a time; opening it twice never waits for the other owner.
 *
 * @since 0.1.0
 */
public final class JournalLockedException extends JournalException {
  @Serial private static final long serialVersionUID = 1L;

  JournalLockedException(Path directory, String message) {
    super(directory, message, null);
  }
}
