package org.annotationkit.core.json;

import java.io.InputStream;
import java.io.Reader;
import java.io.Writer;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.PrettyPrinter;
import tools.jackson.core.SerializableString;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.core.TokenStreamFactory;
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

  /**
   * The longest number, in characters, that the parser reads: jackson-core's default, named here so
   * that messages can say it without naming jackson-core's settings.
   */
  static final int MAX_NUMBER_LENGTH = 1000;

  /** The longest field name, in bytes: jackson-core's default. */
  static final int MAX_NAME_LENGTH = 50_000;

  /** The longest string value, in characters: jackson-core's default. */
  static final int MAX_STRING_LENGTH = 100_000_000;

  /** The deepest nesting of arrays and objects: jackson-core's default. */
  static final int MAX_DEPTH = 500;

  private static final JsonFactory FACTORY =
      JsonFactory.builder()
          .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
          // Every input is UTF-8, checked by LineInput: no guessing of UTF-16 or UTF-32 from zeros.
          .disable(TokenStreamFactory.Feature.CHARSET_DETECTION)
          .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER)
          // Interned once per distinct name, so that JsonIn finds known names by identity.
          .enable(TokenStreamFactory.Feature.INTERN_PROPERTY_NAMES)
          .streamReadConstraints(
              StreamReadConstraints.builder()
                  .maxNumberLength(MAX_NUMBER_LENGTH)
                  .maxNameLength(MAX_NAME_LENGTH)
                  .maxStringLength(MAX_STRING_LENGTH)
                  .maxNestingDepth(MAX_DEPTH)
                  .build())
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

  /**
   * A UTF-8 byte parser over a stream (a {@link LineInput}, which checks the bytes); the stream is
   * left open when the parser closes.
   */
  static JsonParser parser(InputStream in) {
    return FACTORY.createParser(ObjectReadContext.empty(), in);
  }

  /** A parser over a reader; the reader is left open when the parser closes. */
  static JsonParser parser(Reader in) {
    return FACTORY.createParser(ObjectReadContext.empty(), in);
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
