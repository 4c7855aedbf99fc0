package org.annotationkit.formats.internal;

import java.io.CharConversionException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.annotationkit.core.io.FormatException;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.json.JsonFactory;

/**
 * The JSON parser every format reads with, and the errors it raises.
 *
 * <p>The limits are set on purpose, not left to jackson-core's defaults: nesting 200 deep (the
 * deepest format here nests under 20; a deeper input is an attack or a mistake), strings up to 256
 * million characters (a compressed RLE of a large mask or an embedded image is long, but not that
 * long), names up to 50,000 bytes, numbers up to 1,000 digits; no limit on the document's length,
 * so that a 450 MB COCO file streams.
 *
 * <p>Each instance wraps one parser over one input, and is not thread-safe.
 */
public final class JsonInput implements AutoCloseable {
  /** The deepest nesting of arrays and objects accepted. */
  public static final int MAX_DEPTH = 200;

  /** The longest string value accepted, in characters. */
  public static final int MAX_STRING_LENGTH = 256_000_000;

  private static final JsonFactory FACTORY =
      JsonFactory.builder()
          .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER)
          .enable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
          .streamReadConstraints(
              StreamReadConstraints.builder()
                  .maxNestingDepth(MAX_DEPTH)
                  .maxStringLength(MAX_STRING_LENGTH)
                  .maxNameLength(50_000)
                  .maxNumberLength(1000)
                  .maxDocumentLength(-1)
                  .build())
          .build();

  private final JsonParser parser;
  private final String source;

  private JsonInput(JsonParser parser, String source) {
    this.parser = parser;
    this.source = source;
  }

  /**
   * Opens a file.
   *
   * @param file the file
   * @return the input, positioned before the first token
   * @throws UncheckedIOException if the file cannot be opened, naming it
   */
  public static JsonInput open(Path file) {
    InputStream in;
    try {
      in = Files.newInputStream(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + IoMessages.reason(e), e);
    }
    return of(in, file.toString());
  }

  /**
   * Parses a stream; the stream is closed with this input.
   *
   * @param in the bytes (UTF-8)
   * @param source the name to give in errors
   * @return the input, positioned before the first token
   */
  public static JsonInput of(InputStream in, String source) {
    try {
      return new JsonInput(FACTORY.createParser(ObjectReadContext.empty(), in), source);
    } catch (JacksonException e) {
      // The parser reads the first bytes to detect the encoding: bytes in none of JSON's
      // encodings (a UCS-4 byte order JSON does not allow, say) are malformed input.
      try {
        in.close();
      } catch (IOException suppressed) {
        e.addSuppressed(suppressed);
      }
      if (e.getCause() instanceof IOException io
          && !(io instanceof CharConversionException)
          && !e.getOriginalMessage().contains("UCS-4")) {
        throw new UncheckedIOException("cannot read " + source + ": " + IoMessages.reason(io), io);
      }
      throw FormatException.at(
          "not JSON text: " + e.getOriginalMessage(), FormatException.Location.of(source, 1, 0), e);
    }
  }

  /**
   * The parser, for reading tokens.
   *
   * @return the parser
   */
  public JsonParser parser() {
    return parser;
  }

  /**
   * The name of the input in errors.
   *
   * @return the file name or given source name
   */
  public String source() {
    return source;
  }

  /**
   * The next token, with jackson-core's failures (malformed JSON, a limit passed) and read failures
   * turned into ours.
   *
   * @return the token, or null at the end of the input
   * @throws FormatException if the JSON is malformed
   * @throws UncheckedIOException if reading fails
   */
  public @Nullable JsonToken next() {
    try {
      return parser.nextToken();
    } catch (JacksonException e) {
      throw malformed(e);
    }
  }

  /**
   * Skips the children of the current object or array (or nothing, for a scalar).
   *
   * @throws FormatException if the JSON is malformed
   */
  public void skip() {
    try {
      parser.skipChildren();
    } catch (JacksonException e) {
      throw malformed(e);
    }
  }

  /**
   * An error at the current token, with the line, column and JSON pointer of the current value.
   *
   * @param problem what is wrong, for a person to read
   * @return the exception, to throw
   */
  public FormatException error(String problem) {
    return FormatException.at(problem, here());
  }

  /**
   * The location of the current token.
   *
   * @return the location with the JSON pointer of the current value
   */
  public FormatException.Location here() {
    TokenStreamLocation where = parser.currentTokenLocation();
    return new FormatException.Location(
        Optional.of(source),
        Math.max(0, where.getLineNr()),
        Math.max(0, where.getColumnNr()),
        Optional.of(parser.streamReadContext().pathAsPointer().toString()));
  }

  /**
   * The error for a failure of jackson-core: malformed JSON, or a limit passed.
   *
   * @param e the failure
   * @return our exception, with the place
   */
  public FormatException malformed(JacksonException e) {
    // Bytes that are not text in the encoding detected (CharConversionException) are malformed
    // input, not a failure to read.
    if (e.getCause() instanceof IOException io && !(io instanceof CharConversionException)) {
      throw new UncheckedIOException("cannot read " + source + ": " + IoMessages.reason(io), io);
    }
    TokenStreamLocation where = e.getLocation();
    if (where == null || where.getLineNr() <= 0) {
      where = parser.currentLocation();
    }
    String pointer = parser.streamReadContext().pathAsPointer().toString();
    return FormatException.at(
        "malformed JSON: " + e.getOriginalMessage(),
        new FormatException.Location(
            Optional.of(source),
            Math.max(0, where.getLineNr()),
            Math.max(0, where.getColumnNr()),
            Optional.of(pointer)),
        e);
  }

  @Override
  public void close() {
    try {
      parser.close();
    } catch (JacksonException e) {
      throw new UncheckedIOException(
          "cannot close " + source + ": " + e.getOriginalMessage(), new IOException(e));
    }
  }
}
