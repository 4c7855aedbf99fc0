package org.annotationkit.formats;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.annotationkit.core.dataset.Dataset;
import org.annotationkit.core.io.FormatException;

/**
 * The skeleton the file readers' Jazzer fuzz tests share: the bytes go to a file of the given name
 * in a folder of their own, the format reads the file to the end, and it must either give a dataset
 * or refuse with a {@link FormatException} that names its problem; anything else escapes as the bug
 * it is. Inputs larger than {@link #MAX_INPUT} are skipped, so the fuzzer explores structure rather
 * than size.
 */
public final class FuzzRead {
  /** The largest input read, in bytes. */
  public static final int MAX_INPUT = 64 * 1024;

  private FuzzRead() {}

  /**
   * Reads fuzzed bytes as a file of a format, without options.
   *
   * @param format the format whose reader is fuzzed
   * @param fileName the file's name (its extension may matter to the reader)
   * @param input the bytes
   * @throws IOException if the temporary file cannot be written
   */
  public static void read(Format format, String fileName, byte[] input) throws IOException {
    read(format, fileName, input, Map.of());
  }

  /**
   * Reads fuzzed bytes as a file of a format, with options.
   *
   * @param format the format whose reader is fuzzed
   * @param fileName the file's name (its extension may matter to the reader)
   * @param input the bytes
   * @param options the reader's options
   * @throws IOException if the temporary file cannot be written
   */
  public static void read(Format format, String fileName, byte[] input, Map<String, String> options)
      throws IOException {
    if (input.length > MAX_INPUT) {
      return;
    }
    Path folder = Files.createTempDirectory(format.name() + "-fuzz");
    Path file = folder.resolve(fileName);
    try {
      Files.write(file, input);
      try (var source =
          format
              .reader()
              .orElseThrow()
              .open(file, ConversionContext.of(FormatOptions.of(options)))) {
        if (Dataset.of(source).items().size() < 0) {
          throw new AssertionError("a negative count");
        }
      } catch (FormatException e) {
        // refused with our exception: fine
        if (e.problem().isBlank()) {
          throw new AssertionError("a format exception without a problem", e);
        }
      }
    } finally {
      Files.deleteIfExists(file);
      Files.deleteIfExists(folder);
    }
  }
}
