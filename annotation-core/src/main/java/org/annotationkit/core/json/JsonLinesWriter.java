package org.annotationkit.core.json;

import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Locale;
import java.util.Objects;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.exc.JacksonIOException;

/**
 * Writes JSON Lines one record at a time: each value as one line of compact canonical JSON, ended
 * by {@code \n}. Get one from {@link JsonCodec#writeLines(Writer)}; to write a whole file at once,
 * and atomically, use {@link JsonCodec#writeLines(java.nio.file.Path, Iterable)}.
 *
 * <p>Output is buffered: call {@link #flush()} or {@link #close()} to push it to the writer.
 * Closing this writer closes the underlying one. Not thread-safe. I/O failures raise {@link
 * UncheckedIOException}.
 *
 * @param <T> the type of the values
 * @since 0.1.0
 */
public final class JsonLinesWriter<T> implements Closeable, Flushable {
  private final JsonCodec<T> codec;
  private final Writer out;
  private final JsonGenerator generator;
  private final boolean flushEachRecord;
  private long records;
  private boolean closed;

  JsonLinesWriter(JsonCodec<T> codec, Writer out) {
    this(codec, out, false);
  }

  /**
   * A writer that, with {@code flushEachRecord}, hands each record to {@code out} as soon as it is
   * written, so that a failure of {@code out} (a {@link Utf8Writer} refusing a lone surrogate) is
   * reported with the record that caused it.
   */
  JsonLinesWriter(JsonCodec<T> codec, Writer out, boolean flushEachRecord) {
    this.codec = codec;
    this.out = out;
    this.generator = JsonEngine.generator(out, false);
    this.flushEachRecord = flushEachRecord;
  }

  /**
   * Writes one value as one line.
   *
   * @param value the value
   * @throws IllegalStateException if the writer is closed
   * @throws IllegalArgumentException if the value holds a lone surrogate and the writer encodes
   *     UTF-8 itself (as {@link JsonCodec#writeLines(java.nio.file.Path, Iterable)} does), naming
   *     the record
   * @throws UncheckedIOException if the underlying writer fails
   */
  public void write(T value) {
    Objects.requireNonNull(value, "value");
    if (closed) {
      throw new IllegalStateException("the writer is closed");
    }
    records++;
    try {
      codec.writeRecord(generator, value);
      generator.writeRaw('\n');
      if (flushEachRecord) {
        generator.flush();
      }
    } catch (JacksonIOException e) {
      throw failure(e, records, value);
    }
  }

  /**
   * The exception for a failure to write record number {@code record}: an {@link
   * IllegalArgumentException} naming the record when a {@link Utf8Writer} refused a lone surrogate
   * in it, an {@link UncheckedIOException} otherwise.
   */
  static RuntimeException failure(JacksonIOException e, long record, Object value) {
    IOException cause = JsonCodec.ioCause(e);
    if (cause instanceof Utf8Writer.Unpaired unpaired) {
      return new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "record %d (%s, line %d) holds a lone surrogate U+%04X, half of a UTF-16 pair,"
                  + " which UTF-8 cannot encode",
              record,
              JsonCodec.describe(value),
              record,
              (int) unpaired.surrogate()),
          unpaired);
    }
    return new UncheckedIOException(cause);
  }

  /**
   * Pushes the lines written so far to the underlying writer, and flushes it.
   *
   * @throws UncheckedIOException if the underlying writer fails
   */
  @Override
  public void flush() {
    if (closed) {
      return;
    }
    try {
      generator.flush();
    } catch (JacksonIOException e) {
      throw new UncheckedIOException(JsonCodec.ioCause(e));
    }
  }

  /**
   * Flushes and closes the underlying writer. Closing twice does nothing.
   *
   * @throws UncheckedIOException if the underlying writer fails
   */
  @Override
  @SuppressWarnings("try") // the resource is there to close the writer after the generator
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    try (Writer target = out) {
      generator.close();
    } catch (JacksonIOException e) {
      throw new UncheckedIOException(JsonCodec.ioCause(e));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
