package org.annotationkit.core.json;

import java.io.Reader;
import java.io.Writer;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.PrettyPrinter;
import tools.jackson.core.SerializableString;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.json.JsonWriteFeature;
import tools.jackson.core.util.DefaultIndenter;
import tools.jackson.core.util.DefaultPrettyPrinter;
import tools.jackson.core.util.Separators;

/**
 * The one jackson-core configuration behind canonical JSON: strict standard JSON on read (no
 * comments, no NaN, no trailing commas), plain output on write (no escaped slashes), and callers'
 * readers and writers never closed behind their back.
 */
final class JsonEngine {
  private JsonEngine() {}

  private static final JsonFactory FACTORY =
      JsonFactory.builder()
          .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
          .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
          .disable(StreamWriteFeature.AUTO_CLOSE_CONTENT)
          .disable(JsonWriteFeature.ESCAPE_FORWARD_SLASHES)
          .build();

  /** Two-space indentation, {@code "name": value}, one line per member and per array element. */
  private static final DefaultPrettyPrinter PRETTY =
      new DefaultPrettyPrinter(
              Separators.createDefaultInstance()
                  .withObjectNameValueSpacing(Separators.Spacing.AFTER)
                  .withObjectEmptySeparator("")
                  .withArrayEmptySeparator("")
                  .withRootSeparator(""))
          .withObjectIndenter(new DefaultIndenter("  ", "\n"))
          .withArrayIndenter(new DefaultIndenter("  ", "\n"));

  private static final ObjectWriteContext COMPACT = new WriteContext(false);
  private static final ObjectWriteContext INDENTED = new WriteContext(true);

  /** A parser over a reader; the reader is left open when the parser closes. */
  static JsonParser parser(Reader in) {
    return FACTORY.createParser(ObjectReadContext.empty(), in);
  }

  /**
   * A parser over part of a character array, which it reads in place (the caller must not change it
   * before the parser is closed) and never keeps or recycles.
   */
  static JsonParser parser(char[] chars, int offset, int length) {
    return FACTORY.createParser(ObjectReadContext.empty(), chars, offset, length);
  }

  /** A parser over a string. */
  static JsonParser parser(String json) {
    return FACTORY.createParser(ObjectReadContext.empty(), json);
  }

  /**
   * A generator over a writer, compact or indented, that writes nothing between root values; the
   * writer is left open when the generator closes.
   */
  static JsonGenerator generator(Writer out, boolean pretty) {
    return FACTORY.createGenerator(pretty ? INDENTED : COMPACT, out);
  }

  private static final class WriteContext extends ObjectWriteContext.Base {
    private final boolean pretty;

    WriteContext(boolean pretty) {
      this.pretty = pretty;
    }

    @Override
    public @Nullable PrettyPrinter getPrettyPrinter() {
      return pretty ? PRETTY.createInstance() : null;
    }

    @Override
    public boolean hasPrettyPrinter() {
      return pretty;
    }

    @Override
    public @Nullable SerializableString getRootValueSeparator(
        @Nullable SerializableString defaultSeparator) {
      return null;
    }
  }
}
