package org.annotationkit.core.io;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Objects;
import java.util.UUID;
import org.annotationkit.core.internal.IoProblems;

/**
 * Writes a file all or nothing: the content goes to a temporary file in the same folder, which is
 * flushed to the disk and then moved over the target in one step. If anything fails on the way (the
 * content's own code included), the target is left as it was and the temporary file is deleted, so
 * a reader never sees a half-written file.
 *
 * @since 0.1.0
 */
public final class AtomicFiles {

  private AtomicFiles() {}

  /**
   * What to write into the file.
   *
   * @since 0.1.0
   */
  @FunctionalInterface
  public interface Content {
    /**
     * Writes the content. The stream is buffered by the caller as it needs, and closed by {@link
     * AtomicFiles#write(Path, Content)} afterwards.
     *
     * @param out the stream into the temporary file
     * @throws IOException if writing fails
     */
    void writeTo(OutputStream out) throws IOException;
  }

  /**
   * Creates or replaces {@code file} with what {@code content} writes, atomically where the file
   * system can move atomically (and otherwise by one replacing move).
   *
   * @param file the file to create or replace; its folder must exist
   * @param content writes the bytes
   * @throws UncheckedIOException if the file cannot be written, naming {@code file} (never the
   *     temporary file) and the reason, such as {@code cannot write out/x.csv: the folder out does
   *     not exist}
   * @throws RuntimeException whatever {@code content} throws, after the temporary file is deleted
   */
  public static void write(Path file, Content content) {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(content, "content");
    Path target = file.toAbsolutePath();
    Path folder = target.getParent();
    if (folder == null) {
      throw new IllegalArgumentException("cannot write " + file + ": it has no parent folder");
    }
    if (Files.isDirectory(target)) {
      String message = "cannot write " + file + ": it is a folder, not a file";
      throw new UncheckedIOException(message, new IOException(message));
    }
    Path temp = folder.resolve("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
    boolean moved = false;
    try {
      try (FileChannel channel =
              FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
          OutputStream out = Channels.newOutputStream(channel)) {
        content.writeTo(out);
        out.flush();
        channel.force(true);
      }
      move(temp, target);
      moved = true;
    } catch (IOException e) {
      throw IoProblems.failure("write", file, e);
    } finally {
      if (!moved) {
        deleteQuietly(temp);
      }
    }
  }

  private static void move(Path source, Path target) throws IOException {
    try {
      Files.move(
          source, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(source, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  @SuppressWarnings("EmptyCatch") // the original failure is the one worth reporting
  private static void deleteQuietly(Path temp) {
    try {
      Files.deleteIfExists(temp);
    } catch (IOException | RuntimeException ignored) {
      // nothing better to do: the write failed already and that exception is on its way
    }
  }
}
