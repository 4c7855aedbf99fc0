package org.annotationkit.core.json;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.annotationkit.core.annotation.Annotation;
import org.annotationkit.core.annotation.Origin;
import org.annotationkit.core.annotation.Result;
import org.annotationkit.core.annotation.ReviewState;
import org.annotationkit.core.annotation.Value;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonGenerator;

/**
 * The annotation record: {@code {"annotationkit": "annotation", "version": 1, "id", "item",
 * "annotator", "origin", "createdAt", "leadTime"?, "review", "results"}}.
 */
final class AnnotationFormat implements RecordFormat<Annotation> {
  static final AnnotationFormat INSTANCE = new AnnotationFormat();

  private static final JsonIn.Fields RECORD =
      new JsonIn.Fields(
          "an annotation record",
          "annotationkit",
          "version",
          "id",
          "item",
          "annotator",
          "origin",
          "createdAt",
          "leadTime",
          "review",
          "results");
  private static final JsonIn.Fields RESULT =
      new JsonIn.Fields("a result", "id", "field", "score", "value");
  private static final String ORIGIN_RULE = "an origin starts with \"type\"";
  private static final JsonIn.Fields ORIGIN = new JsonIn.Fields("an origin", "type");
  private static final JsonIn.Fields HUMAN = new JsonIn.Fields("a human origin", "type");
  private static final JsonIn.Fields MODEL =
      new JsonIn.Fields("a model origin", "type", "name", "version", "score");
  private static final String[] ORIGIN_TYPES = {"human", "model"};
  private static final ReviewState[] REVIEW_STATES = ReviewState.values();

  private AnnotationFormat() {}

  @Override
  public String recordType() {
    return "annotation";
  }

  @Override
  public JsonIn.Fields fields() {
    return RECORD;
  }

  // ------------------------------------------------------------------ writing

  @Override
  public void writeBody(JsonGenerator out, Annotation annotation) {
    out.writeStringProperty("id", annotation.id());
    out.writeStringProperty("item", annotation.itemId());
    out.writeStringProperty("annotator", annotation.annotatorId());
    writeOrigin(out, annotation.origin());
    out.writeStringProperty("createdAt", annotation.createdAt().toString());
    JsonOut.optionalNumber(out, "leadTime", annotation.leadTimeSeconds());
    out.writeStringProperty("review", annotation.reviewState().jsonName());
    out.writeName("results");
    out.writeStartArray();
    for (Result result : annotation.results()) {
      out.writeStartObject();
      out.writeStringProperty("id", result.id());
      out.writeStringProperty("field", result.field());
      JsonOut.optionalNumber(out, "score", result.score());
      out.writeName("value");
      ValueFormat.write(out, result.value());
      out.writeEndObject();
    }
    out.writeEndArray();
  }

  private static void writeOrigin(JsonGenerator out, Origin origin) {
    out.writeName("origin");
    out.writeStartObject();
    switch (origin) {
      case Origin.Human human -> out.writeStringProperty("type", "human");
      case Origin.Model model -> {
        out.writeStringProperty("type", "model");
        out.writeStringProperty("name", model.name());
        out.writeStringProperty("version", model.version());
        JsonOut.optionalNumber(out, "score", model.score());
      }
    }
    out.writeEndObject();
  }

  // ------------------------------------------------------------------ reading

  @Override
  public Annotation readBody(JsonIn in, JsonIn.ObjectIn record) {
    String id = "";
    String item = "";
    String annotator = "";
    Origin origin = Origin.HUMAN;
    Instant createdAt = Instant.EPOCH;
    OptionalDouble leadTime = OptionalDouble.empty();
    ReviewState review = ReviewState.UNREVIEWED;
    List<Result> results = List.of();
    for (String member = record.next(); member != null; member = record.next()) {
      switch (member) {
        case "id" -> id = in.string();
        case "item" -> item = in.string();
        case "annotator" -> annotator = in.string();
        case "origin" -> origin = readOrigin(in);
        case "createdAt" -> createdAt = in.instant();
        case "leadTime" -> leadTime = OptionalDouble.of(in.number());
        case "review" -> review = in.constant(REVIEW_STATES, ReviewState::jsonName);
        case "results" -> results = readResults(in);
        default -> throw new IllegalStateException(member);
      }
    }
    record.require("id", "item", "annotator", "origin", "createdAt", "results");
    try {
      return new Annotation(id, item, annotator, results, origin, createdAt, leadTime, review);
    } catch (IllegalArgumentException e) {
      throw record.refused(e);
    }
  }

  private static Origin readOrigin(JsonIn in) {
    JsonIn.ObjectIn object = in.object(ORIGIN);
    object.expect("type", ORIGIN_RULE);
    String type =
        in.constant(
            name ->
                "human".equals(name) || "model".equals(name) ? Optional.of(name) : Optional.empty(),
            ORIGIN_TYPES,
            name -> name);
    boolean human = type.equals("human");
    object.narrow(human ? HUMAN : MODEL);
    String name = "";
    String version = "";
    OptionalDouble score = OptionalDouble.empty();
    for (String member = object.next(); member != null; member = object.next()) {
      switch (member) {
        case "name" -> name = in.string();
        case "version" -> version = in.string();
        case "score" -> score = OptionalDouble.of(in.number());
        default -> throw new IllegalStateException(member);
      }
    }
    if (human) {
      return Origin.HUMAN;
    }
    object.require("name", "version");
    try {
      return new Origin.Model(name, version, score);
    } catch (IllegalArgumentException e) {
      throw object.refused(e);
    }
  }

  private static List<Result> readResults(JsonIn in) {
    in.startArray();
    List<Result> results = new ArrayList<>();
    while (in.nextElement()) {
      JsonIn.ObjectIn object = in.object(RESULT);
      String id = "";
      String field = "";
      OptionalDouble score = OptionalDouble.empty();
      @Nullable Value value = null;
      for (String member = object.next(); member != null; member = object.next()) {
        switch (member) {
          case "id" -> id = in.string();
          case "field" -> field = in.string();
          case "score" -> score = OptionalDouble.of(in.number());
          case "value" -> value = ValueFormat.read(in);
          default -> throw new IllegalStateException(member);
        }
      }
      object.require("id", "field", "value");
      if (value == null) {
        throw new IllegalStateException("value was required");
      }
      try {
        results.add(new Result(id, field, value, score));
      } catch (IllegalArgumentException e) {
        throw object.refused(e);
      }
    }
    return results;
  }
}
