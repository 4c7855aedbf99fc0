package org.annotationkit.formats.nlp;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.annotationkit.core.io.FormatException;
import org.annotationkit.formats.internal.JsonInput;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.SerializableString;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.json.JsonWriteFeature;

/**
 * One JSON value of a record, read whole (records of these formats are small), with where it is:
 * the source, the line of the record and the JSON pointer within it, so that every error names its
 * place.
 *
 * @param value a {@code Map<String, Object>}, {@code List<Object>}, {@code String}, {@code Number},
 *     {@code Boolean} or {@link #NULL}
 * @param source the file
 * @param line the line the record starts on
 * @param pointer the JSON pointer of the value in its record
 */
record Node(Object value, String source, long line, String pointer) {
  /** JSON {@code null}. */
  static final Object NULL = new Object();

  private static final JsonFactory WRITER =
      JsonFactory.builder()
          .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
          .disable(JsonWriteFeature.ESCAPE_FORWARD_SLASHES)
          .build();

  /** Reads the value at the parser's current token (which must be the start of a value). */
  static Object read(JsonInput in) {
    JsonToken token = in.parser().currentToken();
    if (token == null) {
      throw in.error("expected a JSON value");
    }
    try {
      return switch (token) {
        case START_OBJECT -> {
          Map<String, Object> members = new LinkedHashMap<>();
          for (JsonToken t = in.next(); t != JsonToken.END_OBJECT; t = in.next()) {
            if (t == null) {
              throw in.error("the input ends inside an object");
            }
            String name = in.parser().currentName();
            in.next();
            members.put(name == null ? "" : name, read(in));
          }
          yield members;
        }
        case START_ARRAY -> {
          List<Object> elements = new ArrayList<>();
          for (JsonToken t = in.next(); t != JsonToken.END_ARRAY; t = in.next()) {
            if (t == null) {
              throw in.error("the input ends inside an array");
            }
            elements.add(read(in));
          }
          yield elements;
        }
        case VALUE_STRING -> in.parser().getString();
        case VALUE_NUMBER_INT -> in.parser().getNumberValue();
        case VALUE_NUMBER_FLOAT -> in.parser().getDoubleValue();
        case VALUE_TRUE -> true;
        case VALUE_FALSE -> false;
        case VALUE_NULL -> NULL;
        default -> throw in.error("unexpected " + token);
      };
    } catch (JacksonException e) {
      throw in.malformed(e);
    }
  }

  FormatException error(String problem) {
    return FormatException.at(
        problem, new FormatException.Location(Optional.of(source), line, 0, Optional.of(pointer)));
  }

  private Node child(String key, Object child) {
    return new Node(child, source, line, pointer + "/" + key.replace("~", "~0").replace("/", "~1"));
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

  boolean isNull() {
    return value == NULL;
  }

  /** A member of an object, absent when missing or null. */
  Optional<Node> get(String key) {
    if (!(value instanceof Map<?, ?> map)) {
      throw error("expected an object");
    }
    Object member = map.get(key);
    return member == null || member == NULL ? Optional.empty() : Optional.of(child(key, member));
  }

  Node need(String key) {
    return get(key).orElseThrow(() -> error("the member \"" + key + "\" is missing"));
  }

  /** The members of an object, in order. */
  Map<String, Node> members() {
    if (!(value instanceof Map<?, ?> map)) {
      throw error("expected an object");
    }
    Map<String, Node> out = new LinkedHashMap<>();
    for (Map.Entry<?, ?> e : map.entrySet()) {
      out.put((String) e.getKey(), child((String) e.getKey(), e.getValue()));
    }
    return out;
  }

  List<Node> elements() {
    if (!(value instanceof List<?> list)) {
      throw error("expected an array");
    }
    List<Node> out = new ArrayList<>(list.size());
    for (int i = 0; i < list.size(); i++) {
      out.add(child(Integer.toString(i), list.get(i)));
    }
    return out;
  }

  String string() {
    if (!(value instanceof String text)) {
      throw error("expected a string");
    }
    return text;
  }

  /** A string, or a number written as one (ids and hashes come either way). */
  String id() {
    if (value instanceof String text && !text.isEmpty()) {
      return text;
    }
    if (value instanceof Number number && !(number instanceof Double)) {
      return number.toString();
    }
    throw error("expected a non-empty string or an integer");
  }

  double number() {
    if (!(value instanceof Number number)) {
      throw error("expected a number");
    }
    double d = number.doubleValue();
    if (!Double.isFinite(d)) {
      throw error("expected a finite number");
    }
    return d;
  }

  int integer() {
    if (value instanceof Number number && !(number instanceof Double)) {
      long v = number.longValue();
      if (number.toString().equals(Long.toString(v))
          && v >= Integer.MIN_VALUE
          && v <= Integer.MAX_VALUE) {
        return (int) v;
      }
    }
    if (value instanceof Double d && d == Math.rint(d) && Math.abs(d) <= Integer.MAX_VALUE) {
      return d.intValue();
    }
    throw error("expected an integer");
  }

  boolean bool() {
    if (!(value instanceof Boolean b)) {
      throw error("expected true or false");
    }
    return b;
  }

  /** One compact JSON text written by {@code body}. */
  static String json(Consumer<JsonGenerator> body) {
    StringWriter out = new StringWriter();
    try (JsonGenerator generator = WRITER.createGenerator(Compact.INSTANCE, out)) {
      body.accept(generator);
    }
    return out.toString();
  }

  /** Writes a value read by {@link #read}. */
  static void write(JsonGenerator out, @Nullable Object value) {
    switch (value) {
      case null -> out.writeNull();
      case Map<?, ?> map -> {
        out.writeStartObject();
        for (Map.Entry<?, ?> e : map.entrySet()) {
          out.writeName((String) e.getKey());
          write(out, e.getValue());
        }
        out.writeEndObject();
      }
      case List<?> list -> {
        out.writeStartArray();
        for (Object element : list) {
          write(out, element);
        }
        out.writeEndArray();
      }
      case String s -> out.writeString(s);
      case Boolean b -> out.writeBoolean(b);
      case Integer i -> out.writeNumber(i);
      case Long l -> out.writeNumber(l);
      case Double d -> out.writeNumber(d);
      case Number n -> out.writeNumber(n.toString());
      default -> out.writeNull();
    }
  }

  /** Compact output with nothing between root values. */
  private static final class Compact extends ObjectWriteContext.Base {
    static final Compact INSTANCE = new Compact();

    @Override
    public @Nullable SerializableString getRootValueSeparator(
        @Nullable SerializableString defaultSeparator) {
      return null;
    }
  }
}
