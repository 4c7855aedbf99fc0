package org.annotationkit.core.json;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.annotationkit.core.geometry.Point;
import tools.jackson.core.JsonGenerator;

/** Small writing helpers shared by the record formats: optional members, lists, maps, points. */
final class JsonOut {
  private JsonOut() {}

  /** Writes {@code "name": "value"} when the value is present. */
  static void optionalString(JsonGenerator out, String name, Optional<String> value) {
    if (value.isPresent()) {
      out.writeStringProperty(name, value.get());
    }
  }

  /** Writes {@code "name": number} when the value is present. */
  static void optionalNumber(JsonGenerator out, String name, OptionalDouble value) {
    if (value.isPresent()) {
      out.writeNumberProperty(name, value.getAsDouble());
    }
  }

  /** Writes {@code "name": ["a", "b"]}, even when empty. */
  static void strings(JsonGenerator out, String name, List<String> values) {
    out.writeName(name);
    out.writeStartArray();
    for (String value : values) {
      out.writeString(value);
    }
    out.writeEndArray();
  }

  /** Writes {@code "name": {"k": "v"}} in the map's (sorted) order, or nothing when empty. */
  static void stringMap(JsonGenerator out, String name, Map<String, String> map) {
    if (map.isEmpty()) {
      return;
    }
    out.writeName(name);
    out.writeStartObject();
    for (Map.Entry<String, String> entry : map.entrySet()) {
      out.writeStringProperty(entry.getKey(), entry.getValue());
    }
    out.writeEndObject();
  }

  /** Writes a point as {@code [x, y]}. */
  static void point(JsonGenerator out, Point point) {
    out.writeStartArray();
    out.writeNumber(point.x());
    out.writeNumber(point.y());
    out.writeEndArray();
  }

  /** Writes {@code "name": [[x, y], ...]}. */
  static void points(JsonGenerator out, String name, List<Point> points) {
    out.writeName(name);
    ring(out, points);
  }

  /** Writes {@code [[x, y], ...]}. */
  static void ring(JsonGenerator out, List<Point> points) {
    out.writeStartArray();
    for (Point point : points) {
      point(out, point);
    }
    out.writeEndArray();
  }
}
