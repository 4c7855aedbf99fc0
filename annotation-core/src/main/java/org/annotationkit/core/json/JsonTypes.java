package org.annotationkit.core.json;

import java.net.URI;
import java.time.Instant;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.RandomAccess;
import org.annotationkit.core.geometry.Point;
import org.annotationkit.core.geometry.Polygon;
import org.annotationkit.core.geometry.RleMask;
import org.annotationkit.core.internal.JsonNames;
import tools.jackson.core.JsonGenerator;

/** The {@link JsonType}s that the record formats share: strings, lists, maps, instants, points. */
final class JsonTypes {
  private JsonTypes() {}

  static final JsonType<String> STRING = JsonType.of(JsonIn::string, JsonGenerator::writeString);

  /**
   * A string that repeats from record to record, such as a field name, a label or an annotator:
   * read through {@link JsonIn#repeatedString()}, which makes one string per distinct text.
   */
  static final JsonType<String> NAME =
      JsonType.of(JsonIn::repeatedString, JsonGenerator::writeString);

  /** {@code ["a", "b"]}. */
  static final JsonType<List<String>> STRINGS = listOf(STRING);

  /** {@code {"k": "v"}}, keys unique, written in the map's (sorted) order. */
  static final JsonType<Map<String, String>> STRING_MAP =
      new JsonType<>() {
        @Override
        public Map<String, String> read(JsonIn in) {
          return in.stringMap();
        }

        @Override
        public void write(JsonGenerator out, Map<String, String> map) {
          out.writeStartObject();
          for (Map.Entry<String, String> entry : map.entrySet()) {
            out.writeStringProperty(entry.getKey(), entry.getValue());
          }
          out.writeEndObject();
        }
      };

  /** An ISO-8601 instant, {@code "2024-05-01T12:30:00Z"}. */
  static final JsonType<Instant> INSTANT =
      JsonType.of(JsonIn::instant, (out, value) -> out.writeString(value.toString()));

  static final JsonType<URI> URI_TYPE =
      JsonType.of(JsonIn::uri, (out, value) -> out.writeString(value.toString()));

  /**
   * Integers in order, such as the run lengths of a mask, that are read and written without a copy
   * of their own: as read, the reader's reusable buffer (see {@link JsonIn#reusedIntegers()}); as
   * written, a view of the value that holds them.
   */
  interface Ints {
    /** How many integers there are. */
    int size();

    /** The integer at an index, from 0 to {@code size() - 1}. */
    int get(int index);
  }

  /** {@code [1, 2, 3]}: integers read into the reader's reusable buffer, so copy them at once. */
  static final JsonType<Ints> REUSED_INTEGERS =
      JsonType.of(
          JsonIn::reusedIntegers,
          (out, values) -> {
            out.writeStartArray();
            for (int i = 0, n = values.size(); i < n; i++) {
              out.writeNumber(values.get(i));
            }
            out.writeEndArray();
          });

  /** The run lengths of a mask, to write them without copying them. */
  static Ints counts(RleMask mask) {
    return new Ints() {
      @Override
      public int size() {
        return mask.runCount();
      }

      @Override
      public int get(int index) {
        return mask.count(index);
      }
    };
  }

  /**
   * The mask of run lengths read by {@link #REUSED_INTEGERS}: built from the reader's buffer, which
   * the mask copies once, to its length.
   */
  static RleMask mask(int height, int width, Ints counts) {
    if (counts instanceof JsonIn.IntBuffer buffer) {
      return new RleMask(height, width, buffer.values, buffer.size);
    }
    int[] values = new int[counts.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = counts.get(i);
    }
    return new RleMask(height, width, values);
  }

  /** {@code [[x, y], ...]}. */
  static final JsonType<List<Point>> POINTS =
      new JsonType<>() {
        @Override
        public List<Point> read(JsonIn in) {
          in.startArray();
          // The reader's buffer, reused from ring to ring: a ring is copied once, to its length.
          double[] xy = in.doubleBuffer();
          int n = 0;
          while (in.nextElement()) {
            if (n == xy.length) {
              xy = in.growDoubleBuffer();
            }
            point(in, xy, n);
            n += 2;
          }
          return new FlatPoints(Arrays.copyOf(xy, n));
        }

        @Override
        public void write(JsonGenerator out, List<Point> points) {
          out.writeStartArray();
          for (Point point : points) {
            out.writeStartArray();
            out.writeNumber(point.x());
            out.writeNumber(point.y());
            out.writeEndArray();
          }
          out.writeEndArray();
        }
      };

  /** {@code [[[x, y], ...], ...]}: rings, such as the holes of a polygon. */
  static final JsonType<List<List<Point>>> RINGS = listOf(POINTS);

  static final JsonType<OptionalDouble> OPTIONAL_NUMBER =
      JsonType.of(
          in -> OptionalDouble.of(in.number()),
          (out, value) -> out.writeNumber(value.getAsDouble()));

  static final JsonType<OptionalInt> OPTIONAL_INTEGER =
      JsonType.of(
          in -> OptionalInt.of(in.integer()), (out, value) -> out.writeNumber(value.getAsInt()));

  static final JsonType<Boolean> BOOLEAN = JsonType.of(JsonIn::bool, JsonGenerator::writeBoolean);

  /**
   * Points as read, kept flat as {@code x0, y0, x1, y1, ...} so that a polygon can be built from
   * the numbers without a {@link Point} per vertex (see {@link #polygon}); as a list, a view that
   * makes each point when asked.
   */
  static final class FlatPoints extends AbstractList<Point> implements RandomAccess {
    private final double[] xy;

    FlatPoints(double[] xy) {
      this.xy = xy;
    }

    @Override
    public Point get(int index) {
      Objects.checkIndex(index, xy.length / 2);
      return new Point(xy[2 * index], xy[2 * index + 1]);
    }

    @Override
    public int size() {
      return xy.length / 2;
    }
  }

  /**
   * The polygon of rings read by {@link #POINTS} and {@link #RINGS}: built from their flat numbers,
   * the same polygon as {@code new Polygon(exterior, holes)}.
   */
  static Polygon polygon(List<Point> exterior, List<List<Point>> holes) {
    if (!(exterior instanceof FlatPoints outer)) {
      return new Polygon(exterior, holes);
    }
    List<double[]> inner = new ArrayList<>(holes.size());
    for (List<Point> hole : holes) {
      if (!(hole instanceof FlatPoints flat)) {
        return new Polygon(exterior, holes);
      }
      inner.add(flat.xy);
    }
    return Polygon.ofRings(outer.xy, inner);
  }

  /** Reads {@code [x, y]} into {@code xy[at]} and {@code xy[at + 1]}. */
  private static void point(JsonIn in, double[] xy, int at) {
    in.startArray();
    if (!in.nextElement()) {
      throw in.error("expected a point [x, y], found an empty array");
    }
    double x = in.number();
    if (!in.nextElement()) {
      throw in.error("expected a point [x, y], found only one number");
    }
    double y = in.number();
    if (in.nextElement()) {
      throw in.error("expected a point [x, y], found a third element");
    }
    xy[at] = x;
    xy[at + 1] = y;
  }

  /**
   * An array of values of one type. Reading gives a list that the domain constructor copies once
   * ({@code List.copyOf}); it is not copied here. One or two values (most lists of a record: the
   * results of an annotation, the keypoints of a pose) come as an unmodifiable list of their own,
   * which {@code List.copyOf} keeps as it is, so they are never copied.
   */
  static <V> JsonType<List<V>> listOf(JsonType<V> element) {
    return new JsonType<>() {
      @Override
      public List<V> read(JsonIn in) {
        in.startArray();
        if (!in.nextElement()) {
          return List.of();
        }
        V first = element.read(in);
        if (!in.nextElement()) {
          return List.of(first);
        }
        V second = element.read(in);
        if (!in.nextElement()) {
          return List.of(first, second);
        }
        // The reader's buffer, reused from list to list: the elements are copied once, to their
        // number, into an array that List.of copies (an unmodifiable list that the domain's
        // constructors keep without a copy of their own).
        Object[] buffer = in.enterList();
        int n = 2;
        try {
          buffer[0] = first;
          buffer[1] = second;
          do {
            if (n == buffer.length) {
              buffer = in.growList(buffer);
            }
            buffer[n++] = element.read(in);
          } while (in.nextElement());
          @SuppressWarnings("unchecked") // every element is a V
          List<V> values = (List<V>) List.of(Arrays.copyOf(buffer, n));
          return values;
        } finally {
          in.exitList(buffer, n);
        }
      }

      @Override
      public void write(JsonGenerator out, List<V> values) {
        out.writeStartArray();
        for (V value : values) {
          element.write(out, value);
        }
        out.writeEndArray();
      }
    };
  }

  /** A constant of an enum, by its JSON name; a misspelt name gets a "did you mean". */
  static <E extends Enum<E>> JsonType<E> constant(JsonNames<E> names) {
    return new JsonType<>() {
      @Override
      public E read(JsonIn in) {
        return in.constant(names);
      }

      @Override
      public void write(JsonGenerator out, E value) {
        out.writeString(names.name(value));
      }
    };
  }

  /** A present value of a type, for members that may be absent. */
  static <V> JsonType<Optional<V>> optional(JsonType<V> type) {
    return new JsonType<>() {
      @Override
      public Optional<V> read(JsonIn in) {
        return Optional.of(type.read(in));
      }

      @Override
      public void write(JsonGenerator out, Optional<V> value) {
        type.write(out, value.orElseThrow());
      }
    };
  }
}
