package org.annotationkit.formats.labelstudio;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import org.annotationkit.core.annotation.Origin;
import org.annotationkit.formats.ConversionContext;
import org.jspecify.annotations.Nullable;

/**
 * JSON-MIN: one flat record per annotation, the task's data keys beside {@code id} (the task's),
 * {@code annotator}, {@code annotation_id}, {@code created_at}, {@code updated_at}, {@code
 * lead_time} and one key per control holding its values. Consecutive records of one task id become
 * one task.
 *
 * <p>A key is a control's when the labeling config names it, or (without a config) when it holds an
 * array of values with a labels key ({@code rectanglelabels}, {@code polygonlabels}, {@code
 * keypointlabels}, {@code brushlabels}, {@code choices}, {@code labels}, {@code taxonomy}, {@code
 * rating}, {@code text}) or an object with {@code choices}; a single choice or text collapsed to a
 * string is told from data only through the config, which also tells a text ({@code TextArea}) from
 * a choice.
 */
final class MinForm implements ExportReader.Form {
  /** The record keys that are not data. */
  static final Set<String> RESERVED =
      Set.of(
          "id",
          "annotator",
          "annotation_id",
          "created_at",
          "updated_at",
          "lead_time",
          "agreement",
          "history",
          "original_width",
          "original_height");

  @Override
  public boolean grouped() {
    return true;
  }

  @Override
  public ExportReader.TaskIterator tasks(
      Path input, @Nullable LabelingConfig config, ConversionContext context) {
    TaskStream stream = new TaskStream(input);
    return new ExportReader.TaskIterator() {
      private @Nullable Node pending;
      private int count;

      @Override
      public boolean hasNext() {
        return pending != null || stream.hasNext();
      }

      @Override
      public RawTask next() {
        if (!hasNext()) {
          throw new NoSuchElementException("no more tasks");
        }
        Node first = pending != null ? pending : stream.next();
        pending = null;
        count++;
        Optional<String> id = first.get("id").map(Node::id);
        List<Node> records = new ArrayList<>();
        records.add(first);
        while (id.isPresent() && stream.hasNext()) {
          Node record = stream.next();
          if (record.get("id").map(Node::id).equals(id)) {
            records.add(record);
          } else {
            pending = record;
            break;
          }
        }
        return task(records, id.orElse("task-" + count), config);
      }

      @Override
      public void close() {
        stream.close();
      }
    };
  }

  private static RawTask task(List<Node> records, String id, @Nullable LabelingConfig config) {
    Map<String, Node> data = new LinkedHashMap<>();
    List<RawTask.RawAnnotation> annotations = new ArrayList<>();
    for (Node record : records) {
      List<RawTask.RawResult> results = new ArrayList<>();
      for (Map.Entry<String, Node> member : record.members().entrySet()) {
        String key = member.getKey();
        Node value = member.getValue();
        if (RESERVED.contains(key)) {
          continue;
        }
        if (isControl(key, value, config)) {
          results(key, value, config, results);
        } else if (!data.containsKey(key)) {
          data.put(key, value);
        }
      }
      Optional<Node> annotationId = record.get("annotation_id");
      if (annotationId.isEmpty()) {
        if (!results.isEmpty()) {
          throw record.error("a JSON-MIN record with results has no annotation_id");
        }
        continue;
      }
      String annotator = record.get("annotator").map(RawTask::annotator).orElse("unknown");
      OptionalDouble lead = record.number("lead_time");
      if (lead.isPresent() && lead.getAsDouble() < 0) {
        lead = OptionalDouble.empty();
      }
      annotations.add(
          new RawTask.RawAnnotation(
              record,
              annotationId.get().id(),
              annotator,
              Origin.HUMAN,
              false,
              record.get("created_at").flatMap(RawTask::instant),
              lead,
              List.copyOf(results)));
    }
    return new RawTask(records.get(0), id, data, List.copyOf(annotations));
  }

  private static boolean isControl(String key, Node value, @Nullable LabelingConfig config) {
    if (config != null) {
      return config.control(key).isPresent();
    }
    if (value.isObject()) {
      return value.get("choices").isPresent();
    }
    if (value.type() != Node.Type.ARRAY || value.elements().isEmpty()) {
      return false;
    }
    for (Node element : value.elements()) {
      if (!element.isObject() || typeOf(element).isEmpty()) {
        return false;
      }
    }
    return true;
  }

  private static Optional<ResultType> typeOf(Node value) {
    for (ResultType type : ResultType.values()) {
      if (type != ResultType.RELATION && value.get(type.key()).isPresent()) {
        return Optional.of(type);
      }
    }
    return Optional.empty();
  }

  private static void results(
      String key, Node value, @Nullable LabelingConfig config, List<RawTask.RawResult> results) {
    Optional<ResultType> configured =
        config == null ? Optional.empty() : config.control(key).map(LabelingConfig.Control::type);
    if (value.type() == Node.Type.STRING || value.isObject()) {
      results.add(result(value, key, configured));
      return;
    }
    for (Node element : value.elements()) {
      results.add(result(element, key, configured));
    }
  }

  /**
   * One value: a string is a collapsed choice, or a collapsed text where the config makes the key a
   * {@code TextArea}; an object is of the type its keys tell, else of the configured type.
   */
  private static RawTask.RawResult result(Node value, String key, Optional<ResultType> configured) {
    if (value.type() == Node.Type.STRING) {
      if (configured.orElse(null) == ResultType.TEXTAREA) {
        return raw(value, key, "textarea", Node.collapsed(value, "text", value.string()));
      }
      return raw(value, key, "choices", Node.collapsed(value, "choices", value.string()));
    }
    Optional<ResultType> type =
        configured.filter(t -> value.isObject() && value.get(t.key()).isPresent());
    String json =
        type.or(() -> typeOf(value))
            .or(() -> configured)
            .map(ResultType::json)
            .orElse(value.isObject() && value.get("choices").isPresent() ? "choices" : "unknown");
    return raw(value, key, json, value);
  }

  private static RawTask.RawResult raw(Node where, String fromName, String type, Node value) {
    boolean object = value.isObject();
    return new RawTask.RawResult(
        where,
        Optional.empty(),
        fromName,
        "",
        type,
        value,
        object ? RawTask.size(value, "original_width") : java.util.OptionalInt.empty(),
        object ? RawTask.size(value, "original_height") : java.util.OptionalInt.empty(),
        object ? value.number("image_rotation").orElse(0) : 0,
        OptionalDouble.empty());
  }
}
