package org.annotationkit.core.store.journal;

import java.io.Serial;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A journal file that is damaged where a crash cannot have damaged it: a bad record followed by
 * good ones, a bad file header, a missing segment, a snapshot whose checksum does not match. The
 * message names the file and the byte offset; {@link #file()} and {@link #offset()} give them to
 * code. Nothing is skipped or repaired: the journal does not open until a person has looked.
 *
 * @since 0.1.0
 */
public final class JournalCorruptedException extends JournalException {
  @Serial private static final long serialVersionUID = 1L;

  /** The damaged file. */
  private final String file;

  /** The byte offset in {@link #file} where the damage starts. */
  private final long offset;

  JournalCorruptedException(Path directory, Path file, long offset, String problem) {
    super(directory, describe(file, offset, problem), null);
    this.file = Objects.requireNonNull(file, "file").toString();
    this.offset = offset;
  }

  private static String describe(Path file, long offset, String problem) {
    return "corrupt journal file " + file + " at byte offset " + offset + ": " + problem;
  }

  /**
   * The damaged file.
   *
   * @return the file's path
   */
  public Path file() {
    return Path.of(file);
  }

  /**
   * Where the damage starts.
   *
   * @return the byte offset from the start of {@link #file()}
   */
  public long offset() {
    return offset;
  }
}
