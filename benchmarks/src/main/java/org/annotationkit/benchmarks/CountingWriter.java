package org.annotationkit.benchmarks;

import java.io.Writer;
import java.util.Objects;

/**
 * A writer that throws its output away and counts the characters written to it, so a benchmark
 * measures the encoder and not the destination, and can return the count to keep the work alive.
 */
final class CountingWriter extends Writer {
  private long count;

  /** The number of characters written so far. */
  long count() {
    return count;
  }

  @Override
  public void write(int c) {
    count++;
  }

  @Override
  public void write(char[] buffer, int offset, int length) {
    Objects.checkFromIndexSize(offset, length, buffer.length);
    count += length;
  }

  @Override
  public void write(String text, int offset, int length) {
    Objects.checkFromIndexSize(offset, length, text.length());
    count += length;
  }

  @Override
  public Writer append(CharSequence text) {
    count += text.length();
    return this;
  }

  @Override
  public void flush() {}

  @Override
  public void close() {}
}
