package org.annotationkit.formats.labelstudio;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.annotationkit.core.io.FormatException;
import org.annotationkit.formats.internal.JsonInput;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonToken;

/**
 * One JSON value of a task, read from the stream with its place: the tree of one task (never of the
 * file), so that a value can be looked at more than once and a problem named with its JSON pointer
 * and line.
 */
final class Node {
  /** What a node holds. */
  enum Type {
    OBJECT,
    ARRAY,
    STRING,
    NUMBER,
    BOOLEAN,
    NULL
  }

  private final Type type;
  private final String source;

  /** The pointer of the container, shared by its members, and this value's key or index. */
  private final String prefix;

  private final @Nullable String key;
  private final int index;
  private final long line;
  private final long column;
  private final @Nullable Map<String, Node> members;
  private final @Nullable List<Node> elements;
  private final @Nullable String text;
  private final double number;
  private final boolean integral;
  private final boolean truth;
  private int @Nullable [] ints;

  private Node(
      Type type,
      String source,
      Place place,
      long line,
      long column,
      @Nullable Map<String, Node> members,
      @Nullable List<Node> elements,
      @Nullable String text,
      double number,
      boolean integral,
      boolean truth) {
    this.type = type;
    this.source = source;
    this.prefix = place.prefix;
    this.key = place.key;
    this.index = place.index;
    this.line = line;
    this.column = column;
    this.members = members;
    this.elements = elements;
    this.text = text;
    this.number = number;
    this.integral = integral;
    this.truth = truth;
  }

  /** Where a value is: its container's pointer and its key or index there. */
  record Place(String prefix, @Nullable String key, int index) {
    String pointer() {
      return key != null ? prefix + "/" + escape(key) : index >= 0 ? prefix + "/" + index : prefix;
    }
  }

  /**
   * Reads the value at the parser's current token (the token has been read) and everything in it.
   *
   * @param in the input
   * @param place where the value is in the file
   */
  static Node read(JsonInput in, Place place) {
    JsonToken token = in.parser().currentToken();
    FormatException.Location here = in.here();
    long line = here.line();
    long column = here.column();
    String source = in.source();
    if (token == null) {
      throw in.error("the JSON ends in the middle of a value");
    }
    return switch (token) {
      case START_OBJECT -> {
        Map<String, Node> members = new LinkedHashMap<>();
        String pointer = place.pointer();
        for (JsonToken next = in.next(); next != JsonToken.END_OBJECT; next = in.next()) {
          if (next != JsonToken.PROPERTY_NAME) {
            throw in.error("the JSON ends inside an object");
          }
          String name = in.parser().currentName();
          in.next();
          Node value =
              "rle".equals(name) && in.parser().currentToken() == JsonToken.START_ARRAY
                  ? readInts(in, new Place(pointer, name, -1))
                  : read(in, new Place(pointer, name, -1));
          if (members.put(name, value) != null) {
            throw FormatException.at(
                "the key \"" + name + "\" appears twice in one object",
                new FormatException.Location(
                    Optional.of(source), line, column, Optional.of(pointer)));
          }
        }
        yield new Node(
            Type.OBJECT, source, place, line, column, members, null, null, 0, false, false);
      }
      case START_ARRAY -> {
        List<Node> elements = new ArrayList<>();
        String pointer = place.pointer();
        for (JsonToken next = in.next(); next != JsonToken.END_ARRAY; next = in.next()) {
          if (next == null) {
            throw in.error("the JSON ends inside an array");
          }
          elements.add(read(in, new Place(pointer, null, elements.size())));
        }
        yield new Node(
            Type.ARRAY, source, place, line, column, null, elements, null, 0, false, false);
      }
      case VALUE_STRING ->
          new Node(
              Type.STRING,
              source,
              place,
              line,
              column,
              null,
              null,
              in.parser().getString(),
              0,
              false,
              false);
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
        double value = in.parser().getDoubleValue();
        yield new Node(
            Type.NUMBER,
            source,
            place,
            line,
            column,
            null,
            null,
            in.parser().getString(),
            value,
            token == JsonToken.VALUE_NUMBER_INT,
            false);
      }
      case VALUE_TRUE, VALUE_FALSE ->
          new Node(
              Type.BOOLEAN,
              source,
              place,
              line,
              column,
              null,
              null,
              null,
              0,
              false,
              token == JsonToken.VALUE_TRUE);
      case VALUE_NULL ->
          new Node(Type.NULL, source, place, line, column, null, null, null, 0, false, false);
      default -> throw in.error("unexpected JSON token " + token);
    };
  }

  /** Reads an array of integers (a brush stream) without a node per element. */
  private static Node readInts(JsonInput in, Place place) {
    FormatException.Location here = in.here();
    int[] values = new int[256];
    int n = 0;
    for (JsonToken next = in.next(); next != JsonToken.END_ARRAY; next = in.next()) {
      if (next != JsonToken.VALUE_NUMBER_INT) {
        throw in.error(
            next == null
                ? "the JSON ends inside an array"
                : "expected a byte (an integer from 0 to 255) in the brush stream");
      }
      if (n == values.length) {
        values = java.util.Arrays.copyOf(values, 2 * n);
      }
      long value =
          in.parser().getNumberType() == tools.jackson.core.JsonParser.NumberType.INT
              ? in.parser().getIntValue()
              : -1;
      if (value < 0 || value > 255) {
        throw in.error("expected a byte (an integer from 0 to 255) in the brush stream");
      }
      values[n++] = (int) value;
    }
    Node node =
        new Node(
            Type.ARRAY,
            in.source(),
            place,
            here.line(),
            here.column(),
            null,
            List.of(),
            null,
            0,
            false,
            false);
    node.ints = java.util.Arrays.copyOf(values, n);
    return node;
  }

  /** The integers of an array read as a brush stream, or of any array of integers. */
  int[] ints() {
    if (ints != null) {
      return ints;
    }
    List<Node> list = elements();
    int[] values = new int[list.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = list.get(i).integer();
    }
    return values;
  }

  /**
   * An object {@code {key: [label]}} standing for a value that JSON-MIN collapsed to its one label
   * (a single choice), placed at {@code where} for errors.
   */
  static Node collapsed(Node where, String key, String label) {
    Place place = new Place(where.prefix, where.key, where.index);
    Node text =
        new Node(
            Type.STRING,
            where.source,
            place,
            where.line,
            where.column,
            null,
            null,
            label,
            0,
            false,
            false);
    Node array =
        new Node(
            Type.ARRAY,
            where.source,
            place,
            where.line,
            where.column,
            null,
            List.of(text),
            null,
            0,
            false,
            false);
    return new Node(
        Type.OBJECT,
        where.source,
        place,
        where.line,
        where.column,
        Map.of(key, array),
        null,
        null,
        0,
        false,
        false);
  }

  static String escape(String name) {
    return name.replace("~", "~0").replace("/", "~1");
  }

  Type type() {
    return type;
  }

  String pointer() {
    return new Place(prefix, key, index).pointer();
  }

  long line() {
    return line;
  }

  /** An error about this value. */
  FormatException error(String problem) {
    return FormatException.at(
        problem,
        new FormatException.Location(Optional.of(source), line, column, Optional.of(pointer())));
  }

  /** An error about this value, with its cause. */
  FormatException error(String problem, Throwable cause) {
    return FormatException.at(
        problem,
        new FormatException.Location(Optional.of(source), line, column, Optional.of(pointer())),
        cause);
  }

  boolean isObject() {
    return type == Type.OBJECT;
  }

  boolean isNull() {
    return type == Type.NULL;
  }

  /** The members of an object, in order. */
  Map<String, Node> members() {
    if (members == null) {
      throw error("expected an object, got " + describe());
    }
    return members;
  }

  /** The elements of an array. */
  List<Node> elements() {
    if (elements == null) {
      throw error("expected an array, got " + describe());
    }
    return elements;
  }

  /** A member of an object, absent or null both as empty. */
  Optional<Node> get(String name) {
    Node value = members().get(name);
    return value == null || value.type == Type.NULL ? Optional.empty() : Optional.of(value);
  }

  /** A member that must be there. */
  Node require(String name) {
    return get(name).orElseThrow(() -> error("the key \"" + name + "\" is missing"));
  }

  /** This value as a string. */
  String string() {
    if (type != Type.STRING || text == null) {
      throw error("expected a string, got " + describe());
    }
    return text;
  }

  /** This value as a finite number. */
  double number() {
    if (type != Type.NUMBER) {
      throw error("expected a number, got " + describe());
    }
    if (!Double.isFinite(number)) {
      throw error("the number " + text + " is too large");
    }
    return number;
  }

  /** This value as an int. */
  int integer() {
    double value = number();
    if ((!integral && value != Math.rint(value)) || Math.abs(value) > Integer.MAX_VALUE) {
      throw error("expected an integer, got " + text);
    }
    return (int) value;
  }

  boolean bool() {
    if (type != Type.BOOLEAN) {
      throw error("expected true or false, got " + describe());
    }
    return truth;
  }

  /** An optional number member. */
  OptionalDouble number(String name) {
    Optional<Node> value = get(name);
    return value.isPresent() ? OptionalDouble.of(value.get().number()) : OptionalDouble.empty();
  }

  /** An optional string member. */
  Optional<String> string(String name) {
    return get(name).map(Node::string);
  }

  /** An optional boolean member, false when absent. */
  boolean flag(String name) {
    return get(name).map(Node::bool).orElse(false);
  }

  /**
   * This value as an id: a string as it is, an integer in decimal.
   *
   * @return the id, non-empty
   */
  String id() {
    if (type == Type.STRING && text != null && !text.isEmpty()) {
      return text;
    }
    if (type == Type.NUMBER && integral && text != null) {
      return text;
    }
    throw error("expected an id (a non-empty string or an integer), got " + describe());
  }

  /** A scalar as text for item metadata, or empty for objects, arrays and null. */
  Optional<String> scalarText() {
    return switch (type) {
      case STRING, NUMBER -> Optional.ofNullable(text);
      case BOOLEAN -> Optional.of(Boolean.toString(truth));
      default -> Optional.empty();
    };
  }

  String describe() {
    return switch (type) {
      case OBJECT -> "an object";
      case ARRAY -> "an array";
      case STRING -> "the string \"" + shorten(text) + "\"";
      case NUMBER -> "the number " + text;
      case BOOLEAN -> Boolean.toString(truth);
      case NULL -> "null";
    };
  }

  private static String shorten(@Nullable String text) {
    if (text == null) {
      return "";
    }
    return text.length() <= 40 ? text : text.substring(0, 37) + "...";
  }
}
