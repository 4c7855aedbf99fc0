package org.annotationkit.core.json;

import java.util.function.BiConsumer;
import java.util.function.Function;
import tools.jackson.core.JsonGenerator;

/**
 * How one kind of JSON value is read and written: a string, a list of points, an object of a {@link
 * Layout}, ... The reader is called with the parser on the value's first token and returns with it
 * on its last token; the writer writes the value alone (its name, if any, is written already).
 *
 * @param <V> the Java type of the value
 */
interface JsonType<V> {

  /** Reads a value, starting on its first token and returning on its last. */
  V read(JsonIn in);

  /** Writes a value. */
  void write(JsonGenerator out, V value);

  /** A type of a reader and a writer. */
  static <V> JsonType<V> of(Function<JsonIn, V> reader, BiConsumer<JsonGenerator, V> writer) {
    return new JsonType<>() {
      @Override
      public V read(JsonIn in) {
        return reader.apply(in);
      }

      @Override
      public void write(JsonGenerator out, V value) {
        writer.accept(out, value);
      }
    };
  }
}
