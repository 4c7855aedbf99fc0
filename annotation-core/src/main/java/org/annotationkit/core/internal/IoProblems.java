package org.annotationkit.core.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * The wording of file errors: {@code "cannot read data.csv: no such file"}, naming the file the
 * caller gave and the reason in a few words, without the JDK's exception class names or the names
 * of temporary files.
 */
public final class IoProblems {

  private IoProblems() {}

  /**
   * Fails unless {@code file} can be opened for reading as a regular file.
   *
   * @param file the file
   * @throws UncheckedIOException saying that the file does not exist or is a folder
   */
  public static void requireReadableFile(Path file) {
    if (Files.isDirectory(file)) {
      String message = "cannot read " + file + ": it is a folder, not a file";
      throw new UncheckedIOException(message, new IOException(message));
    }
  }

  /**
   * An unchecked exception for a failure to read or write a file.
   *
   * @param verb {@code "read"} or {@code "write"}
   * @param file the file the caller named
   * @param cause the failure
   * @return the exception, to throw
   */
  public static UncheckedIOException failure(String verb, Path file, IOException cause) {
    return new UncheckedIOException(
        "cannot " + verb + " " + file + ": " + reason(file, cause), cause);
  }

  /**
   * An unchecked exception for a failure to read or write a named input or output, such as a stream
   * given with a name.
   *
   * @param verb {@code "read"} or {@code "write"}
   * @param name the name of the file or stream, as the caller gave it
   * @param cause the failure
   * @return the exception, to throw
   */
  public static UncheckedIOException failure(String verb, String name, IOException cause) {
    @Nullable Path file;
    try {
      file = name.isEmpty() ? null : Path.of(name);
    } catch (InvalidPathException notAPath) {
      file = null;
    }
    return new UncheckedIOException(
        "cannot " + verb + " " + name + ": " + reason(file, cause), cause);
  }

  /** The reason of a failure in a few words. */
  static String reason(@Nullable Path file, IOException e) {
    @Nullable Path folder = file == null ? null : file.toAbsolutePath().getParent();
    if (file != null && Files.isDirectory(file)) {
      return "it is a folder, not a file";
    }
    if (e instanceof NoSuchFileException) {
      return folder != null && !Files.isDirectory(folder)
          ? "the folder " + folder + " does not exist"
          : "no such file";
    }
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof FileSystemException fse && fse.getReason() != null) {
      return fse.getReason();
    }
    String message = e.getMessage();
    return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
  }
}
