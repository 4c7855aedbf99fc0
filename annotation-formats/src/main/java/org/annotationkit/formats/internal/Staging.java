package org.annotationkit.formats.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Writes an output file or folder all or nothing: the writer fills a fresh place beside the output,
 * which is moved over the output only when the writer returned. On failure the fresh place is
 * deleted and the output is as it was.
 *
 * <p>A folder replaces an existing one in two renames (the old one aside, the new one in), then the
 * old one is deleted; if the second rename fails, the old one is put back.
 */
public final class Staging {
  private Staging() {}

  /**
   * Writes a file through {@code writer}, which creates the path it is given.
   *
   * @param output the file to create or replace
   * @param writer writes the file at the path it is given (which does not exist yet)
   */
  public static void file(Path output, Consumer<Path> writer) {
    Path target = output.toAbsolutePath();
    Path folder = parent(target);
    if (Files.isDirectory(target)) {
      throw unchecked("cannot write " + output + ": it is a folder, not a file");
    }
    if (!Files.isDirectory(folder)) {
      throw unchecked("cannot write " + output + ": the folder " + folder + " does not exist");
    }
    Path temp = folder.resolve("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
    boolean done = false;
    try {
      writer.accept(temp);
      if (!Files.isRegularFile(temp)) {
        throw new IllegalStateException("the writer did not create the file " + output);
      }
      try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
        channel.force(true);
      }
      move(temp, target, true);
      done = true;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + output + ": " + e.getMessage(), e);
    } finally {
      if (!done) {
        deleteQuietly(temp);
      }
    }
  }

  /**
   * Writes a folder through {@code writer}, which fills the empty folder it is given.
   *
   * @param output the folder to create or replace
   * @param writer fills the (empty, existing) folder it is given
   */
  public static void folder(Path output, Consumer<Path> writer) {
    Path target = output.toAbsolutePath();
    Path parent = parent(target);
    if (Files.exists(target) && !Files.isDirectory(target)) {
      throw unchecked("cannot write the folder " + output + ": it is a file");
    }
    if (!Files.isDirectory(parent)) {
      throw unchecked("cannot write " + output + ": the folder " + parent + " does not exist");
    }
    String stem = "." + target.getFileName() + "." + UUID.randomUUID();
    Path temp = parent.resolve(stem + ".tmp");
    boolean done = false;
    try {
      Files.createDirectory(temp);
      writer.accept(temp);
      if (Files.isDirectory(target)) {
        Path old = parent.resolve(stem + ".old");
        move(target, old, false);
        try {
          move(temp, target, false);
        } catch (IOException e) {
          move(old, target, false);
          throw e;
        }
        done = true;
        deleteTree(old);
      } else {
        move(temp, target, false);
        done = true;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + output + ": " + e.getMessage(), e);
    } finally {
      if (!done) {
        deleteTree(temp);
      }
    }
  }

  private static Path parent(Path target) {
    Path parent = target.getParent();
    if (parent == null) {
      throw new IllegalArgumentException("cannot write " + target + ": it has no parent folder");
    }
    return parent;
  }

  private static void move(Path from, Path to, boolean replace) throws IOException {
    try {
      if (replace) {
        Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } else {
        Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
      }
    } catch (AtomicMoveNotSupportedException e) {
      if (replace) {
        Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
      } else {
        Files.move(from, to);
      }
    }
  }

  private static UncheckedIOException unchecked(String message) {
    return new UncheckedIOException(message, new IOException(message));
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      // Nothing more can be done: the original failure is what the caller must see.
      System.getLogger(Staging.class.getName())
          .log(System.Logger.Level.WARNING, "cannot delete the temporary file " + file, e);
    }
  }

  /**
   * Deletes a folder and what is in it, logging what cannot be deleted. The tree is walked once,
   * each folder deleted right after its entries (no list of paths is gathered or sorted, which
   * matters for an output of a hundred thousand label files).
   */
  public static void deleteTree(Path root) {
    if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try {
      Files.walkFileTree(
          root,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes)
                throws IOException {
              Files.deleteIfExists(file);
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path folder, IOException failure)
                throws IOException {
              if (failure != null) {
                throw failure;
              }
              Files.deleteIfExists(folder);
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      System.getLogger(Staging.class.getName())
          .log(System.Logger.Level.WARNING, "cannot delete the temporary folder " + root, e);
    }
  }
}
