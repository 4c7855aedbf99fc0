package org.annotationkit.core.json;

import com.google.errorprone.annotations.CanIgnoreReturnValue;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.annotationkit.core.internal.Hints;
import org.annotationkit.core.internal.JsonNames;
import org.annotationkit.core.internal.SortedStringMap;
import org.annotationkit.core.io.FormatException;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamConstraintsException;

/**
 * Reads canonical JSON from a jackson-core parser, strictly: every error is a {@link
 * FormatException} with the source, line, column and JSON pointer of the offending value.
 *
 * <p>The reading methods follow the usual streaming convention: they are called with the parser on
 * the first token of a value and return with it on the last token of that value. The pointer of an
 * error comes from the parser's own context, which on a closing token is the pointer of the object
 * or array it closes, so a whole object is reported at the pointer of that object.
 */
final class JsonIn {
  private static final int MAX_QUOTED = 60;

  /** The longest string that {@link #repeatedString()} looks up among those it met. */
  private static final int MAX_REPEATED = 64;

  private final JsonParser parser;
  private final Optional<String> source;
  private final long firstLine;

  /** The slots of the objects being read, by depth; see {@link #enterSlots}. */
  private Layout.@Nullable Slots[] slotPool = new Layout.Slots[8];

  private int depth;

  /** The elements of the lists being read, by nesting; see {@link #enterList()}. */
  private Object[][] listPool = new Object[8][];

  private int listDepth;

  /** The buffer of {@link #reusedIntegers()}. */
  private final IntBuffer ints = new IntBuffer();

  /** The buffer of {@link #doubleBuffer()}. */
  private double[] doubles = new double[64];

  /** The strings met by {@link #repeatedString()}, by a hash of their characters. */
  private final @Nullable String[] repeated = new String[512];

  /** The hash of each of {@link #repeated}, compared before any character. */
  private final int[] repeatedHashes = new int[512];

  /**
   * The characters of each of {@link #repeated}, compared in one vectorized step; {@link #NONE}
   * until the string is met a second time (a text met once costs no copy of its characters).
   */
  private final char[][] repeatedChars = new char[512][];

  private static final char[] NONE = new char[0];

  {
    Arrays.fill(repeatedChars, NONE);
  }

  /** The marks of the objects being read, by the parser's nesting depth; see {@link #openMark}. */
  private @Nullable Mark[] markPool = new Mark[8];

  /** The bytes the parser reads, to turn its byte columns into character columns; or null. */
  private final @Nullable LineInput bytes;

  /** The input offset of the parser's first byte. */
  private final long firstOffset;

  /**
   * Reads from a character parser.
   *
   * @param parser the parser, before its first token
   * @param source the name of the file or stream, if any
   * @param firstLine the line of the input on which the parser's first line is
   */
  JsonIn(JsonParser parser, Optional<String> source, long firstLine) {
    this(parser, source, firstLine, null, 0);
  }

  /**
   * Reads from a parser, which reads bytes from {@code bytes} (if not null) from {@code
   * firstOffset} on, the start of line {@code firstLine}.
   */
  JsonIn(
      JsonParser parser,
      Optional<String> source,
      long firstLine,
      @Nullable LineInput bytes,
      long firstOffset) {
    this.parser = parser;
    this.source = source;
    this.firstLine = firstLine;
    this.bytes = bytes;
    this.firstOffset = firstOffset;
  }

  // ---------------------------------------------------------------- tokens

  /** Moves to the next token; null at the end of the input. */
  @Nullable JsonToken next() {
    return parser.nextToken();
  }

  /** Moves to the next token, which must exist (the parser itself reports truncated input). */
  @CanIgnoreReturnValue
  JsonToken nextToken() {
    JsonToken token = parser.nextToken();
    if (token == null) {
      throw error("unexpected end of input");
    }
    return token;
  }

  JsonToken token() {
    JsonToken token = parser.currentToken();
    if (token == null) {
      throw error("unexpected end of input");
    }
    return token;
  }

  // ---------------------------------------------------------------- errors

  /** Where the current token starts, to report a problem with the value it opens later on. */
  Mark mark() {
    TokenStreamLocation location = parser.currentTokenLocation();
    return new Mark(location.getLineNr(), location.getColumnNr(), location.getByteOffset());
  }

  /**
   * Where the object or array that the current token opens starts, in a mark that this reader
   * reuses for the next object or array opened at the same depth: it holds only the parser's line,
   * column and offset (no location is made unless an error needs one), and stays valid until the
   * value it marks is read. Call it on the opening token.
   */
  Mark openMark() {
    int at = parser.streamReadContext().getNestingDepth();
    if (at >= markPool.length) {
      markPool = Arrays.copyOf(markPool, Math.max(at + 1, markPool.length * 2));
    }
    Mark mark = markPool[at];
    if (mark == null) {
      mark = new Mark(0, 0, 0);
      markPool[at] = mark;
    }
    TokenStreamLocation location = parser.currentTokenLocation();
    mark.set(location.getLineNr(), location.getColumnNr(), location.getByteOffset());
    return mark;
  }

  /** An error at the current token. */
  FormatException error(String problem) {
    return errorAt(mark(), problem, null);
  }

  /**
   * An error at a mark, with the pointer of the parser's current context: call it on the value's
   * own token, or on the token that closes it.
   */
  FormatException errorAt(Mark mark, String problem, @Nullable Throwable cause) {
    return errorAt(mark.line(), mark.column(), mark.offset(), problem, cause);
  }

  private FormatException errorAt(
      int line, int column, long offset, String problem, @Nullable Throwable cause) {
    FormatException.Location location = location(line, column, offset);
    return cause == null
        ? FormatException.at(problem, location)
        : FormatException.at(problem, location, cause);
  }

  /** The error for a failure of jackson-core itself: malformed JSON, or a limit exceeded. */
  FormatException malformed(JacksonException e) {
    TokenStreamLocation where = e.getLocation();
    if (where == null || where.getLineNr() <= 0) {
      where = parser.currentLocation();
    }
    return FormatException.at(
        describe(e), location(where.getLineNr(), where.getColumnNr(), where.getByteOffset()), e);
  }

  /** The line in the input of a line of the parser. */
  long inputLine(int parserLine) {
    return parserLine > 0 ? firstLine - 1 + parserLine : 0;
  }

  /** The input offset of an offset of the parser, for a byte parser. */
  long inputOffset(long parserOffset) {
    return firstOffset + parserOffset;
  }

  private FormatException.Location location(int line, int column, long offset) {
    long inputLine = inputLine(line);
    long inputColumn = line > 0 && column > 0 ? column : 0;
    if (bytes != null && inputColumn > 0 && offset >= 0) {
      long at = inputOffset(offset);
      inputColumn = bytes.charColumn(at - (column - 1), at);
    }
    return new FormatException.Location(source, inputLine, inputColumn, Optional.of(pointer()));
  }

  /** The JSON pointer (RFC 6901) of the current value. */
  String pointer() {
    return parser.streamReadContext().pathAsPointer().toString();
  }

  /**
   * What jackson-core's exception says, for a person: without jackson-core's own names (its
   * settings, its idea of the source) and without the location, which the message gives apart.
   */
  static String describe(JacksonException e) {
    if (e instanceof StreamConstraintsException) {
      return "malformed JSON: " + limit(e);
    }
    String message = e.getOriginalMessage();
    if (message == null || message.isBlank()) {
      message = e.getClass().getSimpleName();
    }
    String nonStandard = "Non-standard token '";
    if (message.startsWith(nonStandard) && message.contains("NON_NUMERIC")) {
      int end = message.indexOf('\'', nonStandard.length());
      String token = end > 0 ? message.substring(nonStandard.length(), end) : "the token";
      return "malformed JSON: " + token + " is not a JSON number (numbers must be finite)";
    }
    return "malformed JSON: " + withoutInternals(message);
  }

  /** Which of the parser's limits was exceeded, in our words. */
  private static String limit(JacksonException e) {
    String message = String.valueOf(e.getOriginalMessage());
    if (message.contains("getMaxNumberLength")) {
      return "a number longer than " + JsonEngine.MAX_NUMBER_LENGTH + " characters";
    }
    if (message.contains("getMaxNameLength")) {
      return "a field name longer than " + JsonEngine.MAX_NAME_LENGTH + " bytes";
    }
    if (message.contains("getMaxStringLength")) {
      return "a string longer than " + JsonEngine.MAX_STRING_LENGTH + " characters";
    }
    if (message.contains("getMaxNestingDepth")) {
      return "arrays and objects nested more than " + JsonEngine.MAX_DEPTH + " deep";
    }
    return "the input exceeds a limit of the reader";
  }

  /**
   * Drops what jackson-core adds about its own view of the input: "(start marker at [Source: ...;
   * line: 1, column: 2])", "(StreamReadFeature... disabled)", byte offsets it does not know.
   */
  private static String withoutInternals(String message) {
    String text = message.replaceAll("\\s*\\(start marker at \\[[^\\]]*\\]\\)", "");
    text = text.replaceAll("\\s*\\[Source: [^\\]]*\\]", "");
    int feature = text.indexOf("StreamReadFeature");
    if (feature < 0) {
      feature = text.indexOf("JsonReadFeature");
    }
    if (feature >= 0) {
      int cut = text.lastIndexOf(';', feature);
      int paren = text.lastIndexOf('(', feature);
      text = text.substring(0, Math.max(Math.max(cut, paren), 0)).stripTrailing();
    }
    return text.isEmpty() ? "not valid JSON" : text;
  }

  /** What the current token is, for "expected X, found Y" messages. */
  String found() {
    JsonToken token = parser.currentToken();
    if (token == null) {
      return "the end of the input";
    }
    return switch (token) {
      case START_OBJECT -> "an object";
      case START_ARRAY -> "an array";
      case END_OBJECT -> "the end of the object";
      case END_ARRAY -> "the end of the array";
      case PROPERTY_NAME -> "field " + quote(parser.currentName());
      case VALUE_STRING -> "the string " + quote(parser.getString());
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "the number " + abbreviate(parser.getString());
      case VALUE_TRUE -> "true";
      case VALUE_FALSE -> "false";
      case VALUE_NULL -> "null";
      default -> token.name();
    };
  }

  static String quote(@Nullable String text) {
    return '"' + abbreviate(text == null ? "" : text) + '"';
  }

  private static String abbreviate(String text) {
    return text.length() <= MAX_QUOTED ? text : text.substring(0, MAX_QUOTED) + "...";
  }

  /**
   * The error for a domain constructor's refusal of what was read: its message, at the object (or
   * array) being built. Call it on the value's closing token.
   */
  FormatException refused(Mark start, IllegalArgumentException e) {
    String message = e.getMessage();
    return errorAt(start, message == null ? e.toString() : message, e);
  }

  // ---------------------------------------------------------------- scalars

  String string() {
    if (parser.currentToken() != JsonToken.VALUE_STRING) {
      throw error("expected a string, found " + found());
    }
    return parser.getString();
  }

  /**
   * A string that is likely to repeat from record to record (a field name, a label, an annotator):
   * read like {@link #string()}, but a short one that this reader has met before is the string it
   * made then, found by its characters, so that no new string is made for it.
   */
  String repeatedString() {
    if (parser.currentToken() != JsonToken.VALUE_STRING) {
      throw error("expected a string, found " + found());
    }
    int length = parser.getStringLength();
    if (length > MAX_REPEATED) {
      return parser.getString();
    }
    char[] chars = parser.getStringCharacters();
    int offset = parser.getStringOffset();
    int hash = 0;
    for (int i = 0; i < length; i++) {
      hash = 31 * hash + chars[offset + i];
    }
    int at = (hash ^ (hash >>> 16)) & (repeated.length - 1);
    String known = repeated[at];
    if (known != null && repeatedHashes[at] == hash) {
      char[] knownChars = repeatedChars[at];
      if (knownChars == NONE) {
        knownChars = known.toCharArray();
        repeatedChars[at] = knownChars;
      }
      if (knownChars.length == length
          && Arrays.equals(knownChars, 0, length, chars, offset, offset + length)) {
        return known;
      }
    }
    String text = new String(chars, offset, length);
    repeated[at] = text;
    repeatedHashes[at] = hash;
    repeatedChars[at] = NONE;
    return text;
  }

  boolean bool() {
    JsonToken token = parser.currentToken();
    if (token == JsonToken.VALUE_TRUE) {
      return true;
    }
    if (token == JsonToken.VALUE_FALSE) {
      return false;
    }
    throw error("expected true or false, found " + found());
  }

  /** An integer within the range of {@code int}, written without fraction or exponent. */
  int integer() {
    JsonToken token = parser.currentToken();
    if (token != JsonToken.VALUE_NUMBER_INT) {
      throw error(
          token == JsonToken.VALUE_NUMBER_FLOAT
              ? "expected an integer (no fraction or exponent), found " + found()
              : "expected an integer, found " + found());
    }
    // Asked before getNumberType(), which would convert the number in the general way.
    if (parser.getStringLength() <= MAX_SHORT_INTEGER) {
      return shortInteger(
          parser.getStringCharacters(), parser.getStringOffset(), parser.getStringLength());
    }
    if (parser.getNumberType() != JsonParser.NumberType.INT) {
      throw error(
          "expected an integer from "
              + Integer.MIN_VALUE
              + " to "
              + Integer.MAX_VALUE
              + ", found "
              + found());
    }
    return parser.getIntValue();
  }

  /** The longest integer token (sign included) that {@link #shortInteger} reads: always an int. */
  static final int MAX_SHORT_INTEGER = 9;

  /**
   * The value of an integer token of at most {@link #MAX_SHORT_INTEGER} characters, as the parser
   * validated it (an optional minus sign, then digits): read from its characters, without the
   * parser's general number conversion. Nine characters hold at most nine digits, which any {@code
   * int} holds.
   */
  static int shortInteger(char[] chars, int offset, int length) {
    int i = offset;
    int end = offset + length;
    boolean negative = chars[i] == '-';
    if (negative) {
      i++;
    }
    int value = 0;
    for (; i < end; i++) {
      value = value * 10 + (chars[i] - '0');
    }
    return negative ? -value : value;
  }

  /** A finite number; an integer token is read as the double nearest to it. */
  double number() {
    JsonToken token = parser.currentToken();
    if (token != JsonToken.VALUE_NUMBER_FLOAT && token != JsonToken.VALUE_NUMBER_INT) {
      throw error("expected a number, found " + found());
    }
    if (token == JsonToken.VALUE_NUMBER_FLOAT) {
      double fast =
          Decimals.parse(
              parser.getStringCharacters(), parser.getStringOffset(), parser.getStringLength());
      if (!Double.isNaN(fast)) {
        return fast;
      }
    }
    double value = parser.getDoubleValue();
    if (!Double.isFinite(value)) {
      throw error("expected a finite number, found " + found());
    }
    return value;
  }

  Instant instant() {
    if (parser.currentToken() == JsonToken.VALUE_STRING) {
      // Read from the parser's own characters: no string is made for a canonical instant.
      Instant fast =
          parseCanonicalInstant(
              parser.getStringCharacters(), parser.getStringOffset(), parser.getStringLength());
      if (fast != null) {
        return fast;
      }
    }
    String text = string();
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw errorAt(
          mark(),
          "expected an ISO-8601 instant such as \"2024-05-01T12:30:00Z\", found " + quote(text),
          e);
    }
  }

  /**
   * The instant of the form {@link Instant#toString()} writes for years 0000 to 9999 ({@code
   * 2026-03-01T09:30:00Z}, with 1 to 9 digits of fraction), read without {@link
   * java.time.format.DateTimeFormatter}, which costs far more; null for any other text, which
   * {@link Instant#parse} then reads or refuses.
   */
  static @Nullable Instant parseCanonicalInstant(String text) {
    return parseCanonicalInstant(text.toCharArray(), 0, text.length());
  }

  /** {@link #parseCanonicalInstant(String)} of {@code n} characters from {@code at}. */
  static @Nullable Instant parseCanonicalInstant(char[] chars, int at, int n) {
    if (n < 20
        || n > 30
        || chars[at + 4] != '-'
        || chars[at + 7] != '-'
        || chars[at + 10] != 'T'
        || chars[at + 13] != ':'
        || chars[at + 16] != ':'
        || chars[at + n - 1] != 'Z') {
      return null;
    }
    int year = digits(chars, at, 4);
    int month = digits(chars, at + 5, 2);
    int day = digits(chars, at + 8, 2);
    int hour = digits(chars, at + 11, 2);
    int minute = digits(chars, at + 14, 2);
    int second = digits(chars, at + 17, 2);
    if (year < 0
        || month < 1
        || month > 12
        || day < 1
        || (day > 28 && day > java.time.YearMonth.of(year, month).lengthOfMonth())
        || hour < 0
        || hour > 23
        || minute < 0
        || minute > 59
        || second < 0
        || second > 59) {
      return null;
    }
    int nanos = 0;
    if (n > 20) {
      if (chars[at + 19] != '.' || n == 21) {
        return null;
      }
      int fraction = n - 21;
      nanos = digits(chars, at + 20, fraction);
      if (nanos < 0) {
        return null;
      }
      for (int i = fraction; i < 9; i++) {
        nanos *= 10;
      }
    } else if (chars[at + 19] != 'Z') {
      return null;
    }
    long days = java.time.LocalDate.of(year, month, day).toEpochDay();
    return Instant.ofEpochSecond(days * 86_400 + hour * 3600L + minute * 60L + second, nanos);
  }

  /** The value of {@code count} decimal digits from {@code start}, or -1 if one is not a digit. */
  private static int digits(char[] chars, int start, int count) {
    int value = 0;
    for (int i = start; i < start + count; i++) {
      char c = chars[i];
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }

  URI uri() {
    String text = string();
    try {
      return new URI(text);
    } catch (URISyntaxException e) {
      throw errorAt(mark(), "not a valid URI: " + e.getMessage(), e);
    }
  }

  /** A string naming one of a fixed set of constants. */
  <E extends Enum<E>> E constant(JsonNames<E> names) {
    if (parser.currentToken() == JsonToken.VALUE_STRING) {
      // Matched on the parser's own characters: no string is made for a known name.
      E known =
          names.find(
              parser.getStringCharacters(), parser.getStringOffset(), parser.getStringLength());
      if (known != null) {
        return known;
      }
    }
    String text = string();
    E found = names.get(text);
    if (found != null) {
      return found;
    }
    throw error(
        "expected one of "
            + String.join(", ", names.names().stream().map(JsonIn::quote).toList())
            + ", found "
            + quote(text)
            + didYouMean(text, names.names()));
  }

  /** The hint {@code "; did you mean "box"?"} for the closest candidate, or {@code ""}. */
  static String didYouMean(String given, Collection<String> candidates) {
    String best = Hints.closest(given, candidates);
    return best == null ? "" : "; did you mean " + quote(best) + "?";
  }

  // ---------------------------------------------------------------- containers

  /** Checks that the current token opens an array. */
  void startArray() {
    if (parser.currentToken() != JsonToken.START_ARRAY) {
      throw error("expected an array, found " + found());
    }
  }

  /** Moves to the next element of the current array; false on its closing bracket. */
  boolean nextElement() {
    return nextToken() != JsonToken.END_ARRAY;
  }

  /**
   * Moves to the next member of the current object and returns its name, leaving the parser on the
   * name (so that an error about it is reported there); null on the closing brace.
   */
  @Nullable String nextMember() {
    JsonToken token = nextToken();
    return token == JsonToken.END_OBJECT ? null : parser.currentName();
  }

  /**
   * The slots for one object of a {@link Layout}, reused from object to object at the same depth;
   * give them back with {@link #exitSlots}.
   */
  Layout.Slots enterSlots(int refs, int numbers) {
    if (depth == slotPool.length) {
      slotPool = Arrays.copyOf(slotPool, depth * 2);
    }
    Layout.Slots slots = slotPool[depth];
    if (slots == null) {
      slots = new Layout.Slots(Math.max(refs, 8), Math.max(numbers, 8));
      slotPool[depth] = slots;
    }
    slots.ensure(refs, numbers);
    depth++;
    return slots;
  }

  /** Gives back the slots of {@link #enterSlots}. */
  void exitSlots(Layout.Slots slots) {
    slots.clear();
    depth--;
  }

  /**
   * A buffer for the elements of one list, reused from list to list at the same nesting: whoever
   * reads the elements into it copies them out (to their number) and gives it back with {@link
   * #exitList}. Lists nested in its elements get buffers of their own.
   */
  Object[] enterList() {
    if (listDepth == listPool.length) {
      listPool = Arrays.copyOf(listPool, listDepth * 2);
    }
    Object[] buffer = listPool[listDepth];
    if (buffer == null) {
      buffer = new Object[16];
      listPool[listDepth] = buffer;
    }
    listDepth++;
    return buffer;
  }

  /** The buffer of the last {@link #enterList()} twice as long, holding what it held. */
  Object[] growList(Object[] buffer) {
    Object[] grown = Arrays.copyOf(buffer, buffer.length * 2);
    listPool[listDepth - 1] = grown;
    return grown;
  }

  /**
   * Gives back the buffer of {@link #enterList()}, letting go of its first {@code used} elements.
   */
  void exitList(Object[] buffer, int used) {
    Arrays.fill(buffer, 0, used, null);
    listDepth--;
  }

  /** Checks that the current token opens an object with any field names (a map). */
  void startMap() {
    if (parser.currentToken() != JsonToken.START_OBJECT) {
      throw error("expected an object, found " + found());
    }
  }

  /**
   * Moves to the next entry of the current map and on to its value, returning its key; null on the
   * closing brace.
   */
  @Nullable String nextKey() {
    JsonToken token = nextToken();
    if (token == JsonToken.END_OBJECT) {
      return null;
    }
    String key = parser.currentName();
    nextToken();
    return key;
  }

  /** A map of string values, such as metadata; keys unique. */
  Map<String, String> stringMap() {
    startMap();
    TreeMap<String, String> map = new TreeMap<>();
    for (String key = nextKey(); key != null; key = nextKey()) {
      String value = string();
      if (map.put(key, value) != null) {
        throw error("duplicate key " + quote(key));
      }
    }
    // Unmodifiable, and kept as it is by the constructors that copy maps (no second copy).
    return SortedStringMap.adopt(map);
  }

  /**
   * An array of integers, each within the range of {@code int}, read into this reader's buffer: the
   * buffer is reused by the next call, so whoever keeps the integers copies them (once, to their
   * number) before the next array of integers is read.
   */
  IntBuffer reusedIntegers() {
    startArray();
    IntBuffer buffer = ints;
    int[] values = buffer.values;
    int n = 0;
    while (nextElement()) {
      if (n == values.length) {
        values = Arrays.copyOf(values, n * 2);
        buffer.values = values;
      }
      values[n++] = integer();
    }
    buffer.size = n;
    return buffer;
  }

  /**
   * A buffer of doubles that this reader reuses, for a reader of numbers that copies them out (to
   * their number) before it asks for the buffer again.
   */
  double[] doubleBuffer() {
    return doubles;
  }

  /** The {@link #doubleBuffer()} twice as long, holding what it held. */
  double[] growDoubleBuffer() {
    doubles = Arrays.copyOf(doubles, 2 * doubles.length);
    return doubles;
  }

  /**
   * Integers read into a buffer that a reader reuses: {@link #values} from 0 to {@link #size}.
   * Mutable, and valid only until the reader reads the next array of integers.
   */
  static final class IntBuffer implements JsonTypes.Ints {
    int[] values = new int[64];
    int size;

    @Override
    public int size() {
      return size;
    }

    @Override
    public int get(int index) {
      return values[Objects.checkIndex(index, size)];
    }
  }

  /** Opens an object whose fields are among {@code fields}. */
  ObjectIn object(Fields fields) {
    if (parser.currentToken() != JsonToken.START_OBJECT) {
      throw error("expected " + fields.what() + " (an object), found " + found());
    }
    TokenStreamLocation location = parser.currentTokenLocation();
    return new ObjectIn(
        fields, location.getLineNr(), location.getColumnNr(), location.getByteOffset());
  }

  /**
   * Where a value starts in the parser's input: its line, its column and offset as the parser
   * counts them (in bytes for a byte parser, whose columns {@link #location} turns into characters
   * only when an error needs them).
   */
  static final class Mark {
    private int line;
    private int column;
    private long offset;

    Mark(int line, int column, long offset) {
      set(line, column, offset);
    }

    private void set(int line, int column, long offset) {
      this.line = line;
      this.column = column;
      this.offset = offset;
    }

    int line() {
      return line;
    }

    int column() {
      return column;
    }

    long offset() {
      return offset;
    }
  }

  /**
   * The field names an object may have, in canonical order, and what the object is called in
   * messages ("a box value").
   */
  static final class Fields {
    private final String what;
    private final String[] names;
    private final int[] hashes;

    Fields(String what, String... names) {
      this.what = what;
      this.names = names.clone();
      this.hashes = new int[names.length];
      for (int i = 0; i < names.length; i++) {
        hashes[i] = names[i].hashCode();
        for (int j = 0; j < i; j++) {
          if (names[j].equals(names[i])) {
            throw new IllegalArgumentException("field " + names[i] + " listed twice");
          }
        }
      }
      if (names.length > Long.SIZE) {
        throw new IllegalArgumentException("at most 64 fields, got " + names.length);
      }
    }

    String what() {
      return what;
    }

    /**
     * The index of a name, or -1: a scan of a few names by identity (the parser interns the names
     * it reads, so a known name is the very string literal of {@link #names}), then of their cached
     * hash codes; no map, no boxing.
     */
    @SuppressWarnings("ReferenceEquality") // identity first, on purpose: see above
    int indexOf(String name) {
      for (int i = 0; i < names.length; i++) {
        if (names[i] == name) {
          return i;
        }
      }
      int hash = name.hashCode();
      for (int i = 0; i < hashes.length; i++) {
        if (hashes[i] == hash && names[i].equals(name)) {
          return i;
        }
      }
      return -1;
    }
  }

  /**
   * Walks the leading fields of one object (a record's header, which decides how the rest is read):
   * each in its fixed place. A {@link Layout} reads the rest.
   */
  final class ObjectIn {
    private Fields fields;
    private final int startLine;
    private final int startColumn;
    private final long startOffset;
    private long seen;

    private ObjectIn(Fields fields, int startLine, int startColumn, long startOffset) {
      this.fields = fields;
      this.startLine = startLine;
      this.startColumn = startColumn;
      this.startOffset = startOffset;
    }

    Mark start() {
      return new Mark(startLine, startColumn, startOffset);
    }

    /**
     * Reads the next field, which must be {@code name} (a discriminator, which decides how the rest
     * is read, so it has a fixed place), and moves on to its value.
     *
     * @param rule the order the object must start with, for the message
     */
    void expect(String name, String rule) {
      JsonToken token = nextToken();
      if (token != JsonToken.PROPERTY_NAME || !name.equals(parser.currentName())) {
        throw error(
            "expected field "
                + quote(name)
                + ", found "
                + (token == JsonToken.END_OBJECT ? "the end of the object" : found())
                + ": "
                + rule);
      }
      int i = fields.indexOf(name);
      if (i >= 0) {
        seen |= 1L << i;
      }
      nextToken();
    }

    /**
     * Switches to the fields of a more specific kind of object, once its discriminator is known;
     * the fields read so far must be among them.
     */
    void narrow(Fields specific) {
      long mapped = 0;
      for (int i = 0; i < fields.names.length; i++) {
        if ((seen & (1L << i)) != 0) {
          int j = specific.indexOf(fields.names[i]);
          if (j < 0) {
            throw new IllegalStateException(
                fields.names[i] + " is not a field of " + specific.what);
          }
          mapped |= 1L << j;
        }
      }
      fields = specific;
      seen = mapped;
    }
  }
}
