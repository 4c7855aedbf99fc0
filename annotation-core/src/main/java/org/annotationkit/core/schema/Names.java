package org.annotationkit.core.schema;

import com.google.errorprone.annotations.CanIgnoreReturnValue;
import java.util.Locale;
import java.util.Objects;

/**
 * Checks the names used in a schema (labels, fields, attributes, skeleton points, schemas) and
 * quotes values for error messages.
 */
final class Names {

  private Names() {}

  /**
   * Checks that a name is non-empty, has no leading or trailing whitespace, no control characters
   * and no unpaired surrogates.
   *
   * @param what what the name names, for the message, such as {@code "label name"}
   * @param name the name to check
   * @return the name
   * @throws NullPointerException when the name is null
   * @throws IllegalArgumentException naming {@code what} and the bad name
   */
  @CanIgnoreReturnValue
  static String check(String what, String name) {
    Objects.requireNonNull(name, what);
    if (name.isEmpty()) {
      throw new IllegalArgumentException(what + " must not be empty");
    }
    if (isBlank(name.codePointAt(0)) || isBlank(name.codePointBefore(name.length()))) {
      throw new IllegalArgumentException(
          what + " must not start or end with whitespace, got " + quote(name));
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (Character.isISOControl(c)) {
        throw new IllegalArgumentException(
            what + " must not contain control characters, got " + quote(name));
      }
      if (Character.isHighSurrogate(c)
          && i + 1 < name.length()
          && Character.isLowSurrogate(name.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        throw new IllegalArgumentException(
            what + " must not contain an unpaired surrogate, got " + quote(name));
      }
    }
    return name;
  }

  private static boolean isBlank(int codePoint) {
    return Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint);
  }

  /**
   * Quotes a value for an error message: in single quotes, with control characters, surrogates and
   * non-breaking spaces written as {@code \\uXXXX} so that the message shows what was wrong.
   *
   * @param value the value
   * @return the quoted value
   */
  static String quote(String value) {
    StringBuilder quoted = new StringBuilder(value.length() + 2).append('\'');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (Character.isISOControl(c)
          || Character.isSurrogate(c) && !isPairedAt(value, i)
          || c != ' ' && Character.isSpaceChar(c)) {
        quoted.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
      } else {
        quoted.append(c);
      }
    }
    return quoted.append('\'').toString();
  }

  private static boolean isPairedAt(String value, int i) {
    char c = value.charAt(i);
    if (Character.isHighSurrogate(c)) {
      return i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1));
    }
    return i > 0 && Character.isHighSurrogate(value.charAt(i - 1));
  }
}
