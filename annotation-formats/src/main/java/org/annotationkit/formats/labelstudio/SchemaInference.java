package org.annotationkit.formats.labelstudio;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.annotationkit.core.schema.Field;
import org.annotationkit.core.schema.FieldKind;
import org.annotationkit.core.schema.Label;
import org.annotationkit.core.schema.Schema;
import org.annotationkit.core.schema.Skeleton;
import org.annotationkit.formats.ConversionContext;
import org.annotationkit.formats.LossObject;
import org.jspecify.annotations.Nullable;

/**
 * Builds the schema of an export from its labeling config, or from its results in the order they
 * first come: one field per control ({@code from_name}), its labels in the config's order, then any
 * label the results use that the config lacks, in first-seen order (each reported).
 */
final class SchemaInference {
  /** The schema's name. */
  static final String SCHEMA_NAME = "labelstudio";

  private final @Nullable LabelingConfig config;
  private final Map<String, Building> fields = new LinkedHashMap<>();

  SchemaInference(@Nullable LabelingConfig config) {
    this.config = config;
    if (config != null) {
      for (LabelingConfig.Control control : config.controls()) {
        Building field = new Building(control.name(), control.type(), true);
        field.labels.addAll(control.labels());
        field.rotatable = control.rotatable();
        field.multiple = control.multiple();
        fields.put(control.name(), field);
      }
    }
  }

  /** Takes in the results of a task's annotations that count (not cancelled). */
  void add(RawTask task, ConversionContext context) {
    for (RawTask.RawAnnotation annotation : task.annotations()) {
      if (annotation.cancelled()) {
        continue;
      }
      for (RawTask.RawResult result : annotation.results()) {
        add(task, result, context);
      }
    }
  }

  private void add(RawTask task, RawTask.RawResult result, ConversionContext context) {
    Optional<ResultType> type = ResultType.ofJson(result.type());
    if (type.isEmpty() || result.fromName().isEmpty() || !validName(result.fromName())) {
      return;
    }
    Building field = fields.get(result.fromName());
    if (field == null) {
      if (config != null) {
        return;
      }
      field = new Building(result.fromName(), type.get(), false);
      fields.put(result.fromName(), field);
    }
    if (field.type != type.get()) {
      return;
    }
    List<String> labels = labelsOf(result, type.get());
    if (type.get() == ResultType.CHOICES && labels.size() != 1 && !field.fromConfig) {
      field.multiple = true;
    }
    for (String label : labels) {
      if (field.labels.contains(label) || field.invalid.contains(label)) {
        continue;
      }
      if (!validName(label)) {
        field.invalid.add(label);
        continue;
      }
      field.labels.add(label);
      if (field.fromConfig) {
        context.lose(
            LossObject.image(task.id()).withAnnotation(result.id().orElse(result.fromName())),
            "label not in the labeling config",
            "the label \""
                + label
                + "\" of \""
                + field.name
                + "\" is not in the config; it is added after the config's labels");
      }
    }
  }

  /**
   * The labels of a result's value, as strings; empty when there are none or they are not strings.
   */
  static List<String> labelsOf(RawTask.RawResult result, ResultType type) {
    Optional<Node> list =
        result.value().isObject() ? result.value().get(type.json()) : Optional.empty();
    if (list.isEmpty() || list.get().type() != Node.Type.ARRAY) {
      return List.of();
    }
    List<String> labels = new ArrayList<>();
    for (Node label : list.get().elements()) {
      if (label.type() == Node.Type.STRING) {
        labels.add(label.string());
      }
    }
    return labels;
  }

  private static boolean validName(String name) {
    try {
      return Label.of(name).name().equals(name);
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /**
   * The schema: a field per control with labels; controls without any label are left out.
   *
   * @return the schema, or empty when no field has a label
   */
  Optional<Schema> schema() {
    List<Field> built = new ArrayList<>();
    for (Building field : fields.values()) {
      if (field.labels.isEmpty()) {
        continue;
      }
      String[] labels = field.labels.toArray(String[]::new);
      FieldKind kind =
          field.type == ResultType.CHOICES && field.multiple
              ? FieldKind.MULTIPLE_CHOICE
              : field.type.kind();
      Field.Builder builder = Field.builder(field.name, kind).labels(labels);
      if (kind == FieldKind.BOX) {
        builder.rotatable(field.rotatable);
      } else if (kind == FieldKind.KEYPOINTS) {
        builder.skeleton(new Skeleton(List.of(labels), List.of()));
      }
      built.add(builder.build());
    }
    return built.isEmpty()
        ? Optional.empty()
        : Optional.of(new Schema(SCHEMA_NAME, built, Optional.empty()));
  }

  /** A field as it is built. */
  private static final class Building {
    final String name;
    final ResultType type;
    final boolean fromConfig;
    final Set<String> labels = new LinkedHashSet<>();
    final Set<String> invalid = new LinkedHashSet<>();
    boolean rotatable = true;
    boolean multiple;

    Building(String name, ResultType type, boolean fromConfig) {
      this.name = name;
      this.type = type;
      this.fromConfig = fromConfig;
    }
  }
}
