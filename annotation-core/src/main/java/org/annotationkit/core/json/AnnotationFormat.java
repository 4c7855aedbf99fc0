package org.annotationkit.core.json;

import java.util.List;
import java.util.OptionalDouble;
import org.annotationkit.core.annotation.Annotation;
import org.annotationkit.core.annotation.Origin;
import org.annotationkit.core.annotation.Result;
import org.annotationkit.core.annotation.ReviewState;
import org.annotationkit.core.internal.JsonNames;
import tools.jackson.core.JsonGenerator;

/**
 * The annotation record: {@code {"annotationkit": "annotation", "version": 1, "id", "item",
 * "annotator", "origin", "createdAt"?, "leadTime"?, "review", "results"}}; {@code "createdAt"} is
 * absent when the annotation does not record it.
 */
final class AnnotationFormat {

  private static final JsonType<String> STRING = JsonTypes.STRING;
  private static final String ORIGIN_RULE = "an origin starts with \"type\"";
  private static final List<String> TYPE = List.of("type");

  private static final Layout<Origin> HUMAN =
      Layout.of("a human origin", TYPE, m -> s -> Origin.HUMAN);

  private static final Layout<Origin.Model> MODEL =
      Layout.of(
          "a model origin",
          TYPE,
          m -> {
            var name = m.required("name", JsonTypes.NAME, Origin.Model::name);
            var version = m.required("version", JsonTypes.NAME, Origin.Model::version);
            var score = m.maybeNumber("score", Origin.Model::score);
            return s -> new Origin.Model(s.get(name), s.get(version), s.get(score));
          });

  /** {@code {"type": "human"}} or {@code {"type": "model", "name", "version", "score"?}}. */
  private static final JsonType<Origin> ORIGIN =
      new JsonType<>() {
        private final List<String> types = List.of("human", "model");

        @Override
        public Origin read(JsonIn in) {
          JsonIn.Mark start = Layout.openTyped(in, "an origin", ORIGIN_RULE);
          String type = in.repeatedString();
          return switch (type) {
            case "human" -> HUMAN.readMembers(in, start);
            case "model" -> MODEL.readMembers(in, start);
            default ->
                throw in.error(
                    "expected one of \"human\", \"model\", found "
                        + JsonIn.quote(type)
                        + JsonIn.didYouMean(type, types));
          };
        }

        @Override
        public void write(JsonGenerator out, Origin origin) {
          out.writeStartObject();
          switch (origin) {
            case Origin.Human human -> {
              out.writeStringProperty("type", "human");
              HUMAN.writeMembers(out, human);
            }
            case Origin.Model model -> {
              out.writeStringProperty("type", "model");
              MODEL.writeMembers(out, model);
            }
          }
          out.writeEndObject();
        }
      };

  private static final Layout<Result> RESULT =
      Layout.of(
          "a result",
          m -> {
            var id = m.required("id", STRING, Result::id);
            var field = m.required("field", JsonTypes.NAME, Result::field);
            var score = m.maybeNumber("score", Result::score);
            var value = m.required("value", ValueFormat.VALUE, Result::value);
            return s -> new Result(s.get(id), s.get(field), s.get(value), s.get(score));
          });

  private static final Layout<Annotation> RECORD =
      Layout.of(
          "an annotation record",
          List.of("annotationkit", "version"),
          m -> {
            var id = m.required("id", STRING, Annotation::id);
            var item = m.required("item", JsonTypes.NAME, Annotation::itemId);
            var annotator = m.required("annotator", JsonTypes.NAME, Annotation::annotatorId);
            var origin = m.required("origin", ORIGIN, Annotation::origin);
            var createdAt = m.maybe("createdAt", JsonTypes.INSTANT, Annotation::createdAt);
            var leadTime = m.maybeNumber("leadTime", Annotation::leadTimeSeconds);
            var review =
                m.optional(
                    "review",
                    JsonTypes.constant(JsonNames.lowerCase(ReviewState.class)),
                    Annotation::reviewState,
                    ReviewState.UNREVIEWED);
            var results = m.required("results", JsonTypes.listOf(RESULT), Annotation::results);
            return s ->
                new Annotation(
                    s.get(id),
                    s.get(item),
                    s.get(annotator),
                    s.get(results),
                    s.get(origin),
                    s.get(createdAt),
                    s.<OptionalDouble>get(leadTime),
                    s.get(review));
          });

  /** The annotation record. */
  static final RecordFormat<Annotation> INSTANCE = RECORD.record("annotation");

  private AnnotationFormat() {}
}
