package org.annotationkit.core.json;

import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackReader;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import org.annotationkit.core.annotation.Annotation;
import org.annotationkit.core.internal.IoProblems;
import org.annotationkit.core.internal.Require;
import org.annotationkit.core.io.AtomicFiles;
import org.annotationkit.core.io.FormatException;
import org.annotationkit.core.item.Item;
import org.annotationkit.core.schema.Schema;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.exc.JacksonIOException;

/**
 * Writes and reads one kind of value ({@link org.annotationkit.core.schema.Schema}, {@link
 * org.annotationkit.core.item.Item} or {@link org.annotationkit.core.annotation.Annotation}) as
 * canonical JSON: one record per document, or one record per line in JSON Lines. Get the codecs
 * from {@link CanonicalJson}.
 *
 * <p>Writing is canonical: the same value always gives the same text, with the fields in their
 * documented order, so written files can be compared and diffed. Reading is strict and exact: an
 * unknown field, a value of the wrong type, a missing required field, a repeated key, a number out
 * of range or a record of another type or version raises a {@link FormatException} that gives the
 * source, line, column and JSON pointer of the problem. {@code read(write(x)).equals(x)} for every
 * value. The layout is documented in {@code docs/canonical-json.md}.
 *
 * <p>Text is UTF-8 wherever this class opens a file itself. I/O failures raise {@link
 * UncheckedIOException}. Instances are immutable and safe to share between threads.
 *
 * @param <T> the type of the values
 * @since 0.1.0
 */
public final class JsonCodec<T> {
  private static final char BYTE_ORDER_MARK = '\uFEFF';

  private final RecordFormat<T> format;
  private final String recordDescription;
  private final String headerRule;

  JsonCodec(RecordFormat<T> format) {
    this.format = format;
    this.recordDescription = describeRecord(format.recordType());
    this.headerRule =
        "a record starts with \"annotationkit\": \""
            + format.recordType()
            + "\" then \"version\": "
            + CanonicalJson.FORMAT_VERSION;
  }

  private static String describeRecord(String type) {
    boolean vowel = !type.isEmpty() && "aeiou".indexOf(type.charAt(0)) >= 0;
    return (vowel ? "an " : "a ") + type + " record";
  }

  // ------------------------------------------------------------------ writing

  /**
   * Writes a value as one line of compact JSON, without a line break.
   *
   * @param value the value
   * @return its canonical JSON
   */
  public String write(T value) {
    Objects.requireNonNull(value, "value");
    StringWriter out = new StringWriter();
    writeDocument(value, out, false);
    return out.toString();
  }

  /**
   * Writes a value as compact JSON, without a line break, to a writer that stays open.
   *
   * @param value the value
   * @param out where to write; flushed, not closed
   * @throws UncheckedIOException if the writer fails
   */
  public void write(T value, Writer out) {
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(out, "out");
    writeDocument(value, out, false);
  }

  /**
   * Writes a value as indented JSON for people to read: two spaces per level, one field or array
   * element per line, {@code \n} line breaks, no final line break. It reads back to the same value.
   *
   * @param value the value
   * @return its indented canonical JSON
   */
  public String writePretty(T value) {
    Objects.requireNonNull(value, "value");
    StringWriter out = new StringWriter();
    writeDocument(value, out, true);
    return out.toString();
  }

  private void writeDocument(T value, Writer out, boolean pretty) {
    try (JsonGenerator generator = JsonEngine.generator(out, pretty)) {
      writeRecord(generator, value);
    } catch (JacksonIOException e) {
      throw new UncheckedIOException(ioCause(e));
    }
  }

  /** Writes one whole record (its object) to a generator. */
  void writeRecord(JsonGenerator out, T value) {
    out.writeStartObject();
    out.writeStringProperty("annotationkit", format.recordType());
    out.writeNumberProperty("version", CanonicalJson.FORMAT_VERSION);
    format.writeBody(out, value);
    out.writeEndObject();
  }

  /**
   * Writes values as JSON Lines to a writer: each value on its own line of compact JSON, each line
   * ended by {@code \n}. Closing the returned writer closes {@code out}.
   *
   * @param out where to write
   * @return a writer of one value at a time
   */
  public JsonLinesWriter<T> writeLines(Writer out) {
    Objects.requireNonNull(out, "out");
    return new JsonLinesWriter<>(this, out);
  }

  /**
   * Writes values as a JSON Lines file (UTF-8), atomically: the lines go to a temporary file in the
   * same folder, which then replaces {@code file} in one step. If anything fails, including the
   * iteration of {@code values}, {@code file} is left as it was and no temporary file remains.
   *
   * @param file the file to create or replace
   * @param values the values, one per line, in order
   * @throws UncheckedIOException if the file cannot be written
   */
  public void writeLines(Path file, Iterable<? extends T> values) {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(values, "values");
    try {
      AtomicFiles.write(
          file,
          stream -> {
            Utf8Writer text = new Utf8Writer(stream);
            try (JsonLinesWriter<T> lines = new JsonLinesWriter<>(this, text, true)) {
              for (T value : values) {
                lines.write(value);
              }
            }
          });
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("cannot write " + file + ": " + e.getMessage(), e);
    } catch (UncheckedIOException e) {
      if (e.getMessage() != null && e.getMessage().startsWith("cannot write " + file + ":")) {
        throw e;
      }
      throw IoProblems.failure("write", file, Objects.requireNonNull(e.getCause()));
    }
  }

  /** What a value is, for messages: {@code annotation 'a1'}, {@code item 'img-1'}. */
  static String describe(Object value) {
    return switch (value) {
      case Annotation annotation -> "annotation " + Require.quote(annotation.id());
      case Item item -> "item " + Require.quote(item.id());
      case Schema schema -> "schema " + Require.quote(schema.name());
      default -> value.getClass().getSimpleName();
    };
  }

  // ------------------------------------------------------------------ reading

  /**
   * Reads one value from a JSON document (compact or indented).
   *
   * @param json the document: one record, and nothing else but whitespace
   * @return the value
   * @throws FormatException if the text is not one valid record of this codec's type
   */
  public T read(String json) {
    Objects.requireNonNull(json, "json");
    String text = !json.isEmpty() && json.charAt(0) == BYTE_ORDER_MARK ? json.substring(1) : json;
    try {
      return readDocument(JsonEngine.parser(text), Optional.empty());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Reads one value from a JSON document; the reader is read to its end and not closed.
   *
   * @param in the document: one record, and nothing else but whitespace
   * @param sourceName the name of the file or stream, for error messages
   * @return the value
   * @throws FormatException if the text is not one valid record of this codec's type
   * @throws UncheckedIOException if the reader fails
   */
  public T read(Reader in, String sourceName) {
    Objects.requireNonNull(in, "in");
    Objects.requireNonNull(sourceName, "sourceName");
    Optional<String> source = Optional.of(sourceName);
    try {
      return readDocument(JsonEngine.parser(skipByteOrderMark(in, source)), source);
    } catch (IOException e) {
      throw IoProblems.failure("read", sourceName, e);
    }
  }

  /**
   * Reads one value from a UTF-8 JSON file.
   *
   * @param file the file: one record, and nothing else but whitespace
   * @return the value
   * @throws FormatException if the file is not one valid record of this codec's type, or not UTF-8
   * @throws UncheckedIOException if the file cannot be read
   */
  public T read(Path file) {
    Objects.requireNonNull(file, "file");
    IoProblems.requireReadableFile(file);
    Optional<String> source = Optional.of(file.toString());
    try (LineInput in = new LineInput.Bytes(Files.newInputStream(file))) {
      return readAlone(JsonEngine.parser(in), source, in, "the input");
    } catch (IOException e) {
      throw IoProblems.failure("read", file, e);
    }
  }

  /**
   * Reads values from JSON Lines, one record per line, lazily: nothing is read before the first
   * call to {@link JsonLinesReader#hasNext()}. Blank lines are skipped. Closing the returned reader
   * closes {@code in}.
   *
   * @param in the lines
   * @param sourceName the name of the file or stream, for error messages
   * @return a reader of one value at a time
   */
  public JsonLinesReader<T> readLines(Reader in, String sourceName) {
    Objects.requireNonNull(in, "in");
    Objects.requireNonNull(sourceName, "sourceName");
    return new JsonLinesReader<>(this::readRecord, in, sourceName);
  }

  /**
   * Reads values from JSON Lines in UTF-8 bytes, one record per line, lazily: nothing is read
   * before the first call to {@link JsonLinesReader#hasNext()}. Bytes that are not UTF-8 are
   * reported at their line and byte offset. Closing the returned reader closes {@code in}.
   *
   * @param in the bytes, UTF-8
   * @param sourceName the name of the file or stream, for error messages
   * @return a reader of one value at a time
   */
  public JsonLinesReader<T> readLines(InputStream in, String sourceName) {
    Objects.requireNonNull(in, "in");
    Objects.requireNonNull(sourceName, "sourceName");
    return new JsonLinesReader<>(this::readRecord, in, sourceName);
  }

  /**
   * Reads values from a UTF-8 JSON Lines file, lazily, one record per line. Close the returned
   * reader (or its {@linkplain JsonLinesReader#stream() stream}) to close the file.
   *
   * @param file the file
   * @return a reader of one value at a time
   * @throws UncheckedIOException if the file cannot be opened
   */
  public JsonLinesReader<T> readLines(Path file) {
    Objects.requireNonNull(file, "file");
    IoProblems.requireReadableFile(file);
    try {
      return new JsonLinesReader<>(this::readRecord, Files.newInputStream(file), file.toString());
    } catch (IOException e) {
      throw IoProblems.failure("read", file, e);
    }
  }

  private T readDocument(JsonParser parser, Optional<String> source) throws IOException {
    return readAlone(parser, source, null, "the input");
  }

  /**
   * Reads one record that must be all there is in the parser's input; {@code bytes}, if not null,
   * is what a byte parser reads, whose first bad byte is reported rather than the parser's failure.
   */
  private T readAlone(
      JsonParser parser, Optional<String> source, @Nullable LineInput bytes, String scope)
      throws IOException {
    JsonIn in = new JsonIn(parser, source, 1, bytes, 0);
    // The parser is closed after the catch clauses, which still need its position.
    try {
      FormatException problem;
      try {
        if (in.next() == null) {
          throw in.error("expected " + recordDescription + ", but " + scope + " is empty");
        }
        T value = readRecord(in);
        if (in.next() != null) {
          throw in.error("expected the end of " + scope + " after the record, found " + in.found());
        }
        if (bytes == null || bytes.invalidOffset() < 0) {
          return value;
        }
        problem = bytes.notUtf8(source, 0, 1, in.pointer());
      } catch (JacksonIOException e) {
        throw ioCause(e);
      } catch (JacksonException e) {
        problem = in.malformed(e);
      } catch (FormatException e) {
        problem = e;
      }
      if (bytes != null && bytes.invalidOffset() >= 0) {
        problem = bytes.notUtf8(source, 0, 1, in.pointer());
      }
      throw problem;
    } finally {
      parser.close();
    }
  }

  /** Reads one record, starting on its opening brace and returning on its closing brace. */
  T readRecord(JsonIn in) {
    if (in.token() != JsonToken.START_OBJECT) {
      throw in.error("expected " + recordDescription + " (an object), found " + in.found());
    }
    JsonIn.ObjectIn record = in.object(format.fields());
    record.expect("annotationkit", headerRule);
    String type = in.string();
    if (!type.equals(format.recordType())) {
      throw in.error(
          "expected "
              + recordDescription
              + ", found "
              + (CanonicalJson.RECORD_TYPES.contains(type)
                  ? describeRecord(type)
                  : "an unknown record type " + JsonIn.quote(type)));
    }
    return readAfterType(in, record);
  }

  /** The header fields that every record starts with, before its type is known. */
  private static final JsonIn.Fields ANY_RECORD =
      new JsonIn.Fields("a record", "annotationkit", "version");

  /**
   * Reads one record of any of the three types (a {@link Schema}, an {@link Item} or an {@link
   * Annotation}), starting on its opening brace and returning on its closing brace.
   */
  static Object readAnyRecord(JsonIn in) {
    if (in.token() != JsonToken.START_OBJECT) {
      throw in.error(
          "expected a schema, item or annotation record (an object), found " + in.found());
    }
    JsonIn.ObjectIn record = in.object(ANY_RECORD);
    record.expect(
        "annotationkit", "a record starts with \"annotationkit\": its type, then \"version\"");
    String type = in.string();
    JsonCodec<?> codec =
        switch (type) {
          case "schema" -> CanonicalJson.schemas();
          case "item" -> CanonicalJson.items();
          case "annotation" -> CanonicalJson.annotations();
          default ->
              throw in.error(
                  "expected a schema, item or annotation record, found an unknown record type "
                      + JsonIn.quote(type));
        };
    record.narrow(codec.format.fields());
    return codec.readAfterType(in, record);
  }

  /** Reads the rest of a record whose type was read and is this codec's. */
  private T readAfterType(JsonIn in, JsonIn.ObjectIn record) {
    record.expect("version", headerRule);
    int version = in.integer();
    if (version != CanonicalJson.FORMAT_VERSION) {
      throw in.error(
          "unsupported version "
              + version
              + " of "
              + recordDescription
              + "; this reader reads version "
              + CanonicalJson.FORMAT_VERSION);
    }
    return format.readBody(in, record);
  }

  private static Reader skipByteOrderMark(Reader in, Optional<String> source) {
    PushbackReader pushback = new PushbackReader(in, 1);
    try {
      int first = pushback.read();
      if (first >= 0 && first != BYTE_ORDER_MARK) {
        pushback.unread(first);
      }
    } catch (IOException e) {
      throw readFailure(e, source, 1);
    }
    return pushback;
  }

  /** The I/O failure that jackson-core wrapped. */
  static IOException ioCause(JacksonIOException e) {
    IOException cause = e.getCause();
    return cause != null ? cause : new IOException(e.getMessage(), e);
  }

  /**
   * The exception for a failure to read input: a {@link FormatException} when the bytes are not
   * UTF-8 (bad input), an {@link UncheckedIOException} otherwise.
   *
   * @param line the line being read, or 0 when unknown
   */
  static RuntimeException readFailure(IOException e, Optional<String> source, long line) {
    if (e instanceof CharacterCodingException) {
      return FormatException.at(
          "the input is not UTF-8 text (" + e + ")",
          new FormatException.Location(source, line, 0, Optional.empty()),
          e);
    }
    return new UncheckedIOException(e);
  }

  /**
   * Describes the codec, such as {@code JsonCodec[annotation, version 1]}.
   *
   * @return a description
   */
  @Override
  public String toString() {
    return "JsonCodec[" + format.recordType() + ", version " + CanonicalJson.FORMAT_VERSION + "]";
  }
}
