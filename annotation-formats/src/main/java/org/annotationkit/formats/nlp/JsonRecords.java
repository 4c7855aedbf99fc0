package org.annotationkit.formats.nlp;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.NoSuchElementException;
import org.annotationkit.core.dataset.DatasetEntry;
import org.annotationkit.core.io.FormatException;
import org.annotationkit.formats.ConversionContext;
import org.annotationkit.formats.internal.JsonInput;
import tools.jackson.core.JsonToken;

/**
 * The records of a JSON Lines file (one value per line, or any whitespace between values), or of a
 * JSON file that is one array of records, read one at a time with jackson-core's streaming parser
 * and turned into entries.
 *
 * <p>A root array whose first element is an object or an array is an array of records; any other
 * root array is one record (spaCy's {@code [text, {...}]} pair on a line of its own).
 */
final class JsonRecords implements EntryReader {
  /** Turns one record into entries (none to skip it), reporting its losses. */
  @FunctionalInterface
  interface Convert {
    List<DatasetEntry> convert(Node record, int index, ConversionContext context);
  }

  private final JsonInput in;
  private final ConversionContext context;
  private final Convert convert;
  private final Deque<DatasetEntry> queue = new ArrayDeque<>();
  private boolean started;
  private boolean inArray;
  private boolean ended;
  private int index;

  JsonRecords(Path file, ConversionContext context, Convert convert) {
    this(JsonInput.open(file), context, convert);
  }

  JsonRecords(InputStream in, String source, ConversionContext context, Convert convert) {
    this(JsonInput.of(in, source), context, convert);
  }

  private JsonRecords(JsonInput in, ConversionContext context, Convert convert) {
    this.in = in;
    this.context = context;
    this.convert = convert;
  }

  @Override
  public boolean hasNext() {
    while (queue.isEmpty() && !ended) {
      Node record = nextRecord();
      if (record == null) {
        ended = true;
      } else {
        index++;
        try {
          queue.addAll(convert.convert(record, index, context));
        } catch (IllegalArgumentException e) {
          throw record.error(e.getMessage() == null ? e.toString() : e.getMessage());
        }
      }
    }
    return !queue.isEmpty();
  }

  @Override
  public DatasetEntry next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    return queue.removeFirst();
  }

  private @org.jspecify.annotations.Nullable Node nextRecord() {
    JsonToken token = in.next();
    if (!started) {
      started = true;
      if (token == JsonToken.START_ARRAY) {
        long line = in.here().line();
        JsonToken first = in.next();
        if (first == JsonToken.START_OBJECT || first == JsonToken.START_ARRAY) {
          inArray = true;
          return record(line, "/0");
        }
        List<Object> pair = new ArrayList<>();
        for (JsonToken t = first; t != JsonToken.END_ARRAY; t = in.next()) {
          if (t == null) {
            throw in.error("the input ends inside an array");
          }
          pair.add(Node.read(in));
        }
        return new Node(pair, in.source(), line, "");
      }
    }
    if (token == null) {
      if (inArray) {
        throw in.error("the input ends inside the array of records");
      }
      return null;
    }
    if (inArray && token == JsonToken.END_ARRAY) {
      inArray = false;
      JsonToken after = in.next();
      if (after != null) {
        throw in.error("expected the end of the input after the array of records");
      }
      return null;
    }
    return record(in.here().line(), inArray ? "/" + index : "");
  }

  private Node record(long line, String pointer) {
    JsonToken token = in.parser().currentToken();
    if (token != JsonToken.START_OBJECT && token != JsonToken.START_ARRAY) {
      throw in.error("expected a record (a JSON object), got " + token);
    }
    return new Node(Node.read(in), in.source(), Math.max(1, line), pointer);
  }

  @Override
  public void close() {
    in.close();
  }

  /** A format exception about the whole input. */
  FormatException error(String problem) {
    return in.error(problem);
  }
}
