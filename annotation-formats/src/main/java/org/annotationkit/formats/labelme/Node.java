package org.annotationkit.formats.labelme;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.annotationkit.core.io.FormatException;
import org.annotationkit.formats.internal.JsonInput;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonToken;

/**
 * One JSON value of a labelme file, read whole, with where it starts (file, line, column and JSON
 * pointer), so that every error names its place.
 *
 * @param value a {@code Map<String, Node>}, {@code List<Node>}, {@code String}, {@link Num}, {@code
 *     Boolean} or {@link #NULL}
 * @param location where the value starts
 */
record Node(Object value, FormatException.Location location) {
  /** JSON {@code null}. */
  static final Object NULL = new Object();

  /**
   * A JSON number, with its text as written (so that it is written back as it was).
   *
   * @param text the number as written
   * @param value its value as a double
   */
  record Num(String text, double value) {}

  /** Reads the value that starts at the parser's current token. */
  static Node read(JsonInput in) {
    JsonToken token = in.parser().currentToken();
    FormatException.Location at = in.here();
    if (token == null) {
      throw in.error("expected a JSON value");
    }
    try {
      return switch (token) {
        case START_OBJECT -> {
          Map<String, Node> members = new LinkedHashMap<>();
          for (JsonToken t = in.next(); t != JsonToken.END_OBJECT; t = in.next()) {
            if (t == null) {
              throw in.error("the input ends inside an object");
            }
            String name = in.parser().currentName();
            in.next();
            Node member = read(in);
            if (members.put(name == null ? "" : name, member) != null) {
              throw FormatException.at("the member \"" + name + "\" is given twice", at);
            }
          }
          yield new Node(Collections.unmodifiableMap(members), at);
        }
        case START_ARRAY -> {
          List<Node> elements = new ArrayList<>();
          for (JsonToken t = in.next(); t != JsonToken.END_ARRAY; t = in.next()) {
            if (t == null) {
              throw in.error("the input ends inside an array");
            }
            elements.add(read(in));
          }
          yield new Node(Collections.unmodifiableList(elements), at);
        }
        case VALUE_STRING -> new Node(in.parser().getString(), at);
        case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
          double value = in.parser().getValueAsDouble();
          if (!Double.isFinite(value)) {
            throw in.error("the number " + in.parser().getString() + " is too large");
          }
          yield new Node(new Num(in.parser().getString(), value), at);
        }
        case VALUE_TRUE -> new Node(true, at);
        case VALUE_FALSE -> new Node(false, at);
        case VALUE_NULL -> new Node(NULL, at);
        default -> throw in.error("unexpected JSON token " + token);
      };
    } catch (JacksonException e) {
      throw in.malformed(e);
    }
  }

  /** An error about this value. */
  FormatException error(String problem) {
    return FormatException.at(problem, location);
  }

  String pointer() {
    return location.pointer().orElse("");
  }

  boolean isObject() {
    return value instanceof Map;
  }

  boolean isArray() {
    return value instanceof List;
  }

  boolean isString() {
    return value instanceof String;
  }

  boolean isNumber() {
    return value instanceof Num;
  }

  boolean isBoolean() {
    return value instanceof Boolean;
  }

  boolean isNull() {
    return value == NULL;
  }

  /** The kind of JSON value, for messages. */
  String kind() {
    return switch (value) {
      case Map<?, ?> m -> "an object";
      case List<?> l -> "an array";
      case String s -> "a string";
      case Num n -> "a number";
      case Boolean b -> "a boolean";
      default -> "null";
    };
  }

  @SuppressWarnings("unchecked") // read() builds objects of nodes only
  Map<String, Node> members(String what) {
    if (!(value instanceof Map)) {
      throw error(what + " must be a JSON object, not " + kind());
    }
    return (Map<String, Node>) value;
  }

  @SuppressWarnings("unchecked") // read() builds arrays of nodes only
  List<Node> elements(String what) {
    if (!(value instanceof List)) {
      throw error(what + " must be a JSON array, not " + kind());
    }
    return (List<Node>) value;
  }

  String string(String what) {
    if (!(value instanceof String text)) {
      throw error(what + " must be a string, not " + kind());
    }
    return text;
  }

  double number(String what) {
    if (!(value instanceof Num number)) {
      throw error(what + " must be a number, not " + kind());
    }
    return number.value();
  }

  /** A whole number within int range. */
  int integer(String what) {
    double number = number(what);
    if (number != Math.rint(number) || Math.abs(number) > Integer.MAX_VALUE) {
      throw error(what + " must be a whole number, not " + ((Num) value).text());
    }
    return (int) number;
  }

  boolean bool(String what) {
    if (!(value instanceof Boolean flag)) {
      throw error(what + " must be true or false, not " + kind());
    }
    return flag;
  }

  /** A member of this object, absent when missing or null. */
  Optional<Node> get(String name) {
    Node member = members("the value").get(name);
    return member == null || member.isNull() ? Optional.empty() : Optional.of(member);
  }

  /** Writes this value as JSON. */
  void write(JsonGenerator out) {
    switch (value) {
      case Map<?, ?> m -> {
        out.writeStartObject();
        for (Map.Entry<String, Node> member : members("the value").entrySet()) {
          out.writeName(member.getKey());
          member.getValue().write(out);
        }
        out.writeEndObject();
      }
      case List<?> l -> {
        out.writeStartArray();
        for (Node element : elements("the value")) {
          element.write(out);
        }
        out.writeEndArray();
      }
      case String s -> out.writeString(s);
      case Num n -> out.writeNumber(n.text());
      case Boolean b -> out.writeBoolean(b);
      default -> out.writeNull();
    }
  }
}
