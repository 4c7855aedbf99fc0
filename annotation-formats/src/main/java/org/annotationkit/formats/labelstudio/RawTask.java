package org.annotationkit.formats.labelstudio;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.annotationkit.core.annotation.Origin;
import org.annotationkit.formats.ConversionContext;
import org.annotationkit.formats.LossObject;

/**
 * A task as read from either form of the export, before it becomes an item with annotations: the
 * same model for the full export and JSON-MIN, so both convert the same way.
 *
 * @param where the task's JSON (for JSON-MIN, its first record)
 * @param id the task's id
 * @param data the task's {@code data} object (for JSON-MIN, the record's keys that are data)
 * @param annotations the annotations and predictions, in the file's order (annotations first)
 */
record RawTask(Node where, String id, Map<String, Node> data, List<RawAnnotation> annotations) {

  /**
   * One annotation or prediction.
   *
   * @param where its JSON
   * @param id its id, unique in the file ({@code prediction-N} for predictions)
   * @param annotator who made it: the user's id or e-mail, or the model's name
   * @param origin a person, or the model
   * @param cancelled whether the annotator skipped the task ({@code was_cancelled})
   * @param createdAt when it was made
   * @param leadTime how long it took, in seconds
   * @param results its results
   */
  record RawAnnotation(
      Node where,
      String id,
      String annotator,
      Origin origin,
      boolean cancelled,
      Optional<Instant> createdAt,
      OptionalDouble leadTime,
      List<RawResult> results) {}

  /**
   * One result.
   *
   * @param where its JSON
   * @param id its id, or empty
   * @param fromName the control ({@code from_name})
   * @param toName the objects it labels ({@code to_name}), or empty
   * @param type the result's {@code type}, as written
   * @param value its {@code value}
   * @param width {@code original_width}, if given
   * @param height {@code original_height}, if given
   * @param imageRotation {@code image_rotation}, 0 when absent
   * @param score its {@code score}, if given
   */
  record RawResult(
      Node where,
      Optional<String> id,
      String fromName,
      String toName,
      String type,
      Node value,
      OptionalInt width,
      OptionalInt height,
      double imageRotation,
      OptionalDouble score) {}

  /**
   * Reads a task of the full export.
   *
   * @param task the task's JSON
   * @param context where to report what is dropped while reading (null in the schema pass)
   */
  static RawTask ofTask(Node task, ConversionContext context) {
    String id = task.get("id").map(Node::id).orElse("task-" + (1 + Integer.parseInt(index(task))));
    Node dataNode = task.require("data");
    Map<String, Node> data = dataNode.members();
    List<RawAnnotation> annotations = new ArrayList<>();
    Optional<Node> list = task.get("annotations");
    if (list.isEmpty()) {
      list = task.get("completions");
    }
    if (list.isPresent()) {
      for (Node annotation : list.get().elements()) {
        annotations.add(annotation(annotation, id, false));
      }
    }
    Optional<Node> predictions = task.get("predictions");
    if (predictions.isPresent()) {
      for (Node prediction : predictions.get().elements()) {
        annotations.add(annotation(prediction, id, true));
      }
    }
    if (task.get("drafts").map(d -> !d.elements().isEmpty()).orElse(false)) {
      context.lose(
          LossObject.image(id), "draft dropped", "the task's drafts are not finished annotations");
    }
    return new RawTask(task, id, data, List.copyOf(annotations));
  }

  private static String index(Node node) {
    String pointer = node.pointer();
    return pointer.substring(pointer.lastIndexOf('/') + 1);
  }

  private static RawAnnotation annotation(Node node, String taskId, boolean prediction) {
    String position = index(node);
    Optional<String> ownId = node.get("id").map(Node::id);
    String id;
    String annotator;
    Origin origin;
    if (prediction) {
      id = "prediction-" + ownId.orElse(taskId + "-" + position);
      String version = node.string("model_version").filter(v -> !v.isEmpty()).orElse("unknown");
      String name = node.string("model_name").filter(v -> !v.isEmpty()).orElse(version);
      OptionalDouble score = node.number("score");
      origin = new Origin.Model(name, version, score);
      annotator = name;
    } else {
      id = ownId.orElse("task-" + taskId + "-annotation-" + position);
      annotator = node.get("completed_by").map(RawTask::annotator).orElse("unknown");
      origin = Origin.HUMAN;
    }
    boolean cancelled = !prediction && node.flag("was_cancelled");
    Optional<Instant> created = node.get("created_at").flatMap(RawTask::instant);
    OptionalDouble lead = node.number("lead_time");
    if (lead.isPresent() && lead.getAsDouble() < 0) {
      lead = OptionalDouble.empty();
    }
    List<RawResult> results = new ArrayList<>();
    for (Node result : node.get("result").map(Node::elements).orElse(List.of())) {
      results.add(result(result));
    }
    return new RawAnnotation(
        node, id, annotator, origin, cancelled, created, lead, List.copyOf(results));
  }

  /** A user as {@code completed_by} names one: an id, or an object with an e-mail or id. */
  static String annotator(Node node) {
    if (node.isObject()) {
      Optional<String> email = node.string("email").filter(e -> !e.isBlank());
      if (email.isPresent()) {
        return email.get();
      }
      return node.require("id").id();
    }
    return node.id();
  }

  /** An ISO-8601 time, with {@code Z} or an offset; empty when it does not parse. */
  static Optional<Instant> instant(Node node) {
    String text = node.string();
    try {
      return Optional.of(OffsetDateTime.parse(text).toInstant());
    } catch (DateTimeParseException e) {
      try {
        return Optional.of(Instant.parse(text));
      } catch (DateTimeParseException again) {
        throw node.error(
            "expected a time such as 2024-05-07T12:34:36.829143Z, got \"" + text + "\"", again);
      }
    }
  }

  static RawResult result(Node node) {
    Optional<String> id = node.get("id").map(Node::id);
    String fromName = node.get("from_name").map(Node::string).orElse("");
    Optional<Node> to = node.get("to_name");
    String toName =
        to.isEmpty() ? "" : to.get().type() == Node.Type.STRING ? to.get().string() : "";
    String type = node.require("type").string();
    Node value = node.get("value").orElseGet(() -> node);
    return new RawResult(
        node,
        id,
        fromName,
        toName,
        type,
        value,
        size(node, "original_width"),
        size(node, "original_height"),
        node.number("image_rotation").orElse(0),
        node.number("score"));
  }

  static OptionalInt size(Node node, String key) {
    Optional<Node> value = node.get(key);
    if (value.isEmpty()) {
      return OptionalInt.empty();
    }
    int size = value.get().integer();
    if (size <= 0) {
      throw value.get().error(key + " must be a positive number of pixels, got " + size);
    }
    return OptionalInt.of(size);
  }
}
