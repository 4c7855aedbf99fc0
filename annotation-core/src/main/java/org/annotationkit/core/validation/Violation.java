package org.annotationkit.core.validation;

import java.io.Serial;
import java.io.Serializable;
import java.util.Objects;

/**
 * One way in which an annotation breaks its schema or does not fit its item: where, and what is
 * wrong.
 *
 * <p>The {@link #path() path} is a JSON pointer (RFC 6901) into the annotation's canonical JSON,
 * such as {@code /results/2/value/end} for the end offset of the third result's span, or {@code
 * /results} for a problem with the results of a field as a whole. The empty pointer {@code ""}
 * stands for the whole annotation. Tokens that contain {@code ~} or {@code /} (attribute names, for
 * example) are escaped as {@code ~0} and {@code ~1}.
 *
 * <p>The {@link #message() message} is written for a person: it names the offending value and what
 * was expected, e.g. {@code "unknown label 'cra' for field 'objects' (labels: car, person)"}.
 *
 * @param path the JSON pointer of the offending value; {@code ""} for the whole annotation
 * @param message what is wrong, naming the value and what was expected
 * @since 0.1.0
 */
public record Violation(String path, String message) implements Serializable {
  @Serial private static final long serialVersionUID = 1L;

  /**
   * Checks the parts.
   *
   * @throws IllegalArgumentException if the path is neither empty nor starts with {@code /}, or the
   *     message is blank
   */
  public Violation {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(message, "message");
    if (!path.isEmpty() && path.charAt(0) != '/') {
      throw new IllegalArgumentException(
          "path must be empty or a JSON pointer starting with '/', got '" + path + "'");
    }
    if (message.isBlank()) {
      throw new IllegalArgumentException("message must not be blank, got '" + message + "'");
    }
  }

  /**
   * The violation as one line, {@code "<path>: <message>"}; the whole annotation is shown as {@code
   * (annotation)}.
   *
   * @return a line for a person to read
   */
  @Override
  public String toString() {
    return (path.isEmpty() ? "(annotation)" : path) + ": " + message;
  }
}
