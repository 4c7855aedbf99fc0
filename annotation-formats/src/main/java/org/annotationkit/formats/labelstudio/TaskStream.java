package org.annotationkit.formats.labelstudio;

import java.nio.file.Path;
import java.util.NoSuchElementException;
import org.annotationkit.formats.internal.JsonInput;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonToken;

/**
 * The elements of a JSON array file, one tree at a time: a Label Studio export's tasks (or JSON-MIN
 * records), never the whole file as one tree.
 */
final class TaskStream implements AutoCloseable {
  private final JsonInput in;
  private @Nullable Node next;
  private boolean started;
  private boolean done;
  private int index;

  TaskStream(Path file) {
    this.in = JsonInput.open(file);
  }

  /** Whether another element follows; reads it. */
  boolean hasNext() {
    if (next != null) {
      return true;
    }
    if (done) {
      return false;
    }
    if (!started) {
      started = true;
      JsonToken first = in.next();
      if (first != JsonToken.START_ARRAY) {
        throw in.error(
            first == null
                ? "the file is empty; a Label Studio export is a JSON array of tasks"
                : "a Label Studio export is a JSON array of tasks; this file starts with "
                    + describe(first));
      }
    }
    JsonToken token = in.next();
    if (token == JsonToken.END_ARRAY) {
      done = true;
      JsonToken after = in.next();
      if (after != null) {
        throw in.error("the JSON goes on after the array of tasks");
      }
      return false;
    }
    if (token == null) {
      throw in.error("the JSON ends inside the array of tasks");
    }
    if (token != JsonToken.START_OBJECT) {
      throw in.error("task " + index + " is " + describe(token) + ", not an object");
    }
    next = Node.read(in, new Node.Place("", null, index));
    index++;
    return true;
  }

  /** The next element, an object. */
  Node next() {
    if (!hasNext()) {
      throw new NoSuchElementException("no more tasks");
    }
    Node node = java.util.Objects.requireNonNull(next);
    next = null;
    return node;
  }

  private static String describe(JsonToken token) {
    return switch (token) {
      case START_OBJECT -> "an object";
      case START_ARRAY -> "an array";
      case VALUE_STRING -> "a string";
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
      case VALUE_TRUE, VALUE_FALSE -> "a boolean";
      case VALUE_NULL -> "null";
      default -> token.toString();
    };
  }

  @Override
  public void close() {
    in.close();
  }
}
