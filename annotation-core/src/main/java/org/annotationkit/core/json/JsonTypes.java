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

  /** {@code [1, 2, 3]} as an {@code int[]}. */
  static final JsonType<int[]> INTEGERS =
      JsonType.of(JsonIn::integers, (out, values) -> out.writeArray(values, 0, values.length));

  /** {@code [[x, y], ...]}. */
  static final JsonType<List<Point>> POINTS =
      new JsonType<>() {
        @Override
        public List<Point> read(JsonIn in) {
          in.startArray();
          double[] xy = new double[16];
          int n = 0;
          while (in.nextElement()) {
            if (n == xy.length) {
              xy = Arrays.copyOf(xy, 2 * n);
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
   * ({@code List.copyOf}); it is not copied here.
   */
  static <V> JsonType<List<V>> listOf(JsonType<V> element) {
    return new JsonType<>() {
      @Override
      public List<V> read(JsonIn in) {
        in.startArray();
        List<V> values = new ArrayList<>();
        while (in.nextElement()) {
          values.add(element.read(in));
        }
        return values;
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
