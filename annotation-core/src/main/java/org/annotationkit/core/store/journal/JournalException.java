package org.annotationkit.core.store.journal;

import java.io.Serial;
import java.nio.file.Path;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A journal that cannot be used: another owner holds it ({@link JournalLockedException}) or its
 * files are damaged ({@link JournalCorruptedException}). Failures of the file system itself (a full
 * disk, a missing permission) are {@link java.io.UncheckedIOException}s instead.
 *
 * @since 0.1.0
 */
public abstract sealed class JournalException extends RuntimeException
    permits JournalLockedException, JournalCorruptedException {
  @Serial private static final long serialVersionUID = 1L;

  /** The journal's directory. */
  private final String directory;

  JournalException(Path directory, String message, @Nullable Throwable cause) {
    super(message, cause);
    this.directory = Objects.requireNonNull(directory, "directory").toString();
  }

  /**
   * The directory of the journal.
   *
   * @return the directory, as the journal was opened with it
   */
  public Path directory() {
    return Path.of(directory);
  }
}
