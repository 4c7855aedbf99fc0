package org.annotationkit.formats.coco.internal;

import java.util.regex.Pattern;
import org.annotationkit.formats.internal.JsonInput;
import org.annotationkit.formats.internal.JsonNumbers;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/** Reading COCO's values from the token stream, with errors that say what was expected. */
final class Json {
  private static final Pattern COLOR = Pattern.compile("#[0-9a-fA-F]{6}");

  private Json() {}

  /** The value after a property name. */
  static JsonToken value(JsonInput in) {
    JsonToken token = in.next();
    if (token == null) {
      throw in.error("the file ends after a key, before its value");
    }
    return token;
  }

  /** Checks the current token. */
  static void expect(JsonInput in, JsonToken expected, String message) {
    JsonToken token = in.parser().currentToken();
    if (token != expected) {
      throw in.error(message + ", got " + describe(token));
    }
  }

  /** Checks that the token that ended an object's keys is its end. */
  static void endOfObject(JsonInput in, @Nullable JsonToken token) {
    if (token != JsonToken.END_OBJECT) {
      throw in.error("the file ends inside an object");
    }
  }

  /** An id: an integer or a string, as its text. */
  static String id(JsonInput in, String what) {
    JsonToken token = in.parser().currentToken();
    if (token == JsonToken.VALUE_NUMBER_INT) {
      return in.parser().getString();
    }
    if (token == JsonToken.VALUE_STRING && !in.parser().getString().isEmpty()) {
      return in.parser().getString();
    }
    throw in.error(what + " must be an integer, got " + describe(token));
  }

  /** A string. */
  static String string(JsonInput in, String what) {
    JsonToken token = in.parser().currentToken();
    if (token != JsonToken.VALUE_STRING) {
      throw in.error(what + " must be a string, got " + describe(token));
    }
    return in.parser().getString();
  }

  /** An integer that fits a long. */
  static long integer(JsonInput in, String what) {
    JsonParser parser = in.parser();
    JsonToken token = parser.currentToken();
    if (token != JsonToken.VALUE_NUMBER_INT) {
      throw in.error(what + " must be an integer, got " + describe(token));
    }
    try {
      return parser.getLongValue();
    } catch (JacksonException e) {
      throw in.error(what + " is too large: " + parser.getString());
    }
  }

  /** An integer from 1 to {@link Integer#MAX_VALUE}. */
  static long positiveInt(JsonInput in, String what) {
    long value = integer(in, what);
    if (value < 1 || value > Integer.MAX_VALUE) {
      throw in.error(what + " must be a positive integer, got " + value);
    }
    return value;
  }

  /** A number, integer or not. */
  static double number(JsonInput in, String what) {
    JsonParser parser = in.parser();
    JsonToken token = parser.currentToken();
    if (token != JsonToken.VALUE_NUMBER_INT && token != JsonToken.VALUE_NUMBER_FLOAT) {
      throw in.error(what + " must be a number, got " + describe(token));
    }
    double value;
    try {
      value = JsonNumbers.doubleValue(parser);
    } catch (JacksonException e) {
      throw in.error(what + " is not a number: " + parser.getString());
    }
    if (!Double.isFinite(value)) {
      throw in.error(what + " is too large for a double: " + parser.getString());
    }
    return value;
  }

  /** Whether a text is a colour as the model keeps them. */
  static boolean isColor(String text) {
    return COLOR.matcher(text).matches();
  }

  /** A token for messages: "a string", "a list", "the end of the file". */
  static String describe(@Nullable JsonToken token) {
    if (token == null) {
      return "the end of the file";
    }
    return switch (token) {
      case START_OBJECT -> "an object";
      case START_ARRAY -> "a list";
      case VALUE_STRING -> "a string";
      case VALUE_NUMBER_INT -> "an integer";
      case VALUE_NUMBER_FLOAT -> "a decimal number";
      case VALUE_TRUE, VALUE_FALSE -> "a boolean";
      case VALUE_NULL -> "null";
      case END_OBJECT -> "the end of an object";
      case END_ARRAY -> "the end of a list";
      default -> token.name();
    };
  }

  /** A name for messages, quoted and shortened. */
  static String quote(String text) {
    String shown = text.length() > 60 ? text.substring(0, 60) + "…" : text;
    return "'" + shown + "'";
  }
}
