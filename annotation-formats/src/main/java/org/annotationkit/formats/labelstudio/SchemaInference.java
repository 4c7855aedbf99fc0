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
import org.annotationkit.core.schema.LabelSet;
import org.annotationkit.core.schema.RatingScale;
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
        Building field =
            new Building(control.name(), control.type(), kindOf(control, config), true);
        field.labels.addAll(control.labels());
        field.parents.putAll(control.parents());
        field.rotatable = control.rotatable();
        field.multiple = control.multiple();
        field.maxRating = control.maxRating();
        fields.put(control.name(), field);
      }
    }
  }

  /** The kind of field a control of the config fills. */
  private static FieldKind kindOf(LabelingConfig.Control control, LabelingConfig config) {
    boolean audio = false;
    for (String target : control.targets()) {
      LabelingConfig.DataObject object = config.objects().get(target);
      audio |= object != null && object.media() == LabelingConfig.Media.AUDIO;
    }
    return switch (control.type()) {
      case LABELS -> audio ? FieldKind.TIME_SEGMENT : FieldKind.SPAN;
      case TEXTAREA -> audio || control.perRegion() ? FieldKind.TRANSCRIPTION : FieldKind.FREE_TEXT;
      case CHOICES -> control.multiple() ? FieldKind.MULTIPLE_CHOICE : FieldKind.SINGLE_CHOICE;
      default -> control.type().kind();
    };
  }

  /** The schema field name of a result: its control, or the relations' field. */
  static String fieldName(RawTask.RawResult result, ResultType type) {
    return type == ResultType.RELATION ? LabelingConfig.RELATIONS : result.fromName();
  }

  /** Takes in the results of a task's annotations that count (not cancelled). */
  void add(RawTask task, ConversionContext context) {
    LabelingConfig.Media media = TaskMedia.of(task, config);
    for (RawTask.RawAnnotation annotation : task.annotations()) {
      if (annotation.cancelled()) {
        continue;
      }
      Set<String> regions = regionIds(annotation);
      for (RawTask.RawResult result : annotation.results()) {
        add(task, result, media, regions, context);
      }
    }
  }

  /** The ids of an annotation's region results, which per-region results share. */
  static Set<String> regionIds(RawTask.RawAnnotation annotation) {
    Set<String> ids = new java.util.HashSet<>();
    for (RawTask.RawResult result : annotation.results()) {
      Optional<ResultType> type = ResultType.ofJson(result.type());
      if (type.isPresent() && type.get().region() && result.id().isPresent()) {
        ids.add(result.id().get());
      }
    }
    return ids;
  }

  private void add(
      RawTask task,
      RawTask.RawResult result,
      LabelingConfig.Media media,
      Set<String> regions,
      ConversionContext context) {
    Optional<ResultType> type = ResultType.ofJson(result.type());
    if (type.isEmpty()) {
      return;
    }
    String name = fieldName(result, type.get());
    if (name.isEmpty() || !validName(name)) {
      return;
    }
    Building field = fields.get(name);
    if (field == null) {
      if (config != null) {
        return;
      }
      FieldKind kind =
          switch (type.get()) {
            case LABELS ->
                media == LabelingConfig.Media.AUDIO ? FieldKind.TIME_SEGMENT : FieldKind.SPAN;
            case TEXTAREA ->
                media == LabelingConfig.Media.AUDIO
                        || result.id().map(regions::contains).orElse(false)
                    ? FieldKind.TRANSCRIPTION
                    : FieldKind.FREE_TEXT;
            default -> type.get().kind();
          };
      field = new Building(name, type.get(), kind, false);
      fields.put(name, field);
    }
    if (field.type != type.get()) {
      return;
    }
    if (type.get() == ResultType.RATING && result.value().isObject()) {
      Optional<Node> rating = result.value().get("rating");
      if (rating.isPresent() && rating.get().type() == Node.Type.NUMBER && !field.fromConfig) {
        double stars = Math.ceil(rating.get().number());
        if (Double.isFinite(stars) && stars > field.maxRating && stars < 1_000_000) {
          field.maxRating = (int) stars;
        }
      }
    }
    List<String> labels = labelsOf(result, type.get());
    if (type.get() == ResultType.CHOICES && labels.size() != 1 && !field.fromConfig) {
      field.multiple = true;
    }
    Map<String, String> parents = type.get() == ResultType.TAXONOMY ? parentsOf(result) : Map.of();
    for (String label : labels) {
      if (field.labels.contains(label) || field.invalid.contains(label)) {
        continue;
      }
      if (!validName(label)) {
        field.invalid.add(label);
        continue;
      }
      String parent = parents.get(label);
      if (parent != null && !field.labels.contains(parent)) {
        // A path's nodes come parent first, so the parent is known unless its name is invalid.
        field.invalid.add(label);
        continue;
      }
      field.labels.add(label);
      if (parent != null) {
        field.parents.put(label, parent);
      }
      if (field.fromConfig) {
        context.lose(
            (media == LabelingConfig.Media.IMAGE
                    ? LossObject.image(task.id())
                    : LossObject.item(task.id()))
                .withAnnotation(result.id().orElse(name)),
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
   * For a taxonomy, every node of every path, parents first.
   */
  static List<String> labelsOf(RawTask.RawResult result, ResultType type) {
    Optional<Node> list =
        result.value().isObject() ? result.value().get(type.key()) : Optional.empty();
    if (list.isEmpty() || list.get().type() != Node.Type.ARRAY) {
      return List.of();
    }
    if (!type.kind().takesLabels()) {
      // A text, a rating, a pairwise choice or an order of items: values, not labels.
      return List.of();
    }
    List<String> labels = new ArrayList<>();
    for (Node label : list.get().elements()) {
      if (type == ResultType.TAXONOMY) {
        if (label.type() == Node.Type.ARRAY) {
          for (Node node : label.elements()) {
            if (node.type() == Node.Type.STRING && !labels.contains(node.string())) {
              labels.add(node.string());
            }
          }
        }
      } else if (label.type() == Node.Type.STRING) {
        labels.add(label.string());
      }
    }
    return labels;
  }

  /** The parents that a taxonomy result's paths give their nodes. */
  static Map<String, String> parentsOf(RawTask.RawResult result) {
    Map<String, String> parents = new LinkedHashMap<>();
    Optional<Node> list =
        result.value().isObject() ? result.value().get("taxonomy") : Optional.empty();
    if (list.isEmpty() || list.get().type() != Node.Type.ARRAY) {
      return parents;
    }
    for (Node path : list.get().elements()) {
      if (path.type() != Node.Type.ARRAY) {
        continue;
      }
      String parent = null;
      for (Node node : path.elements()) {
        if (node.type() != Node.Type.STRING) {
          break;
        }
        if (parent != null) {
          parents.putIfAbsent(node.string(), parent);
        }
        parent = node.string();
      }
    }
    return parents;
  }

  static boolean validName(String name) {
    try {
      return Label.of(name).name().equals(name);
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /**
   * The schema: a field per control; controls of labeled kinds without any label are left out.
   *
   * @return the schema, or empty when there is no field
   */
  Optional<Schema> schema() {
    List<Field> built = new ArrayList<>();
    for (Building field : fields.values()) {
      FieldKind kind =
          field.type == ResultType.CHOICES && field.multiple
              ? FieldKind.MULTIPLE_CHOICE
              : field.kind;
      if (kind.usesLabels() && field.labels.isEmpty()) {
        continue;
      }
      String[] labels = field.labels.toArray(String[]::new);
      Field.Builder builder = Field.builder(field.name, kind);
      if (field.type == ResultType.TAXONOMY) {
        builder.labels(LabelSet.of(tree(field, null)));
      } else if (kind.takesLabels()) {
        builder.labels(labels);
      }
      switch (kind) {
        case BOX -> builder.rotatable(field.rotatable);
        case KEYPOINTS -> builder.skeleton(new Skeleton(List.of(labels), List.of()));
        case RATING -> builder.scale(RatingScale.likert(Math.max(2, field.maxRating)));
        case PAIRWISE_PREFERENCE -> builder.allowTies(false);
        default -> {}
      }
      built.add(builder.build());
    }
    return built.isEmpty()
        ? Optional.empty()
        : Optional.of(new Schema(SCHEMA_NAME, built, Optional.empty()));
  }

  /** The taxonomy nodes under a parent (the roots under null), in first-seen order. */
  private static List<Label> tree(Building field, @Nullable String parent) {
    List<Label> nodes = new ArrayList<>();
    for (String label : field.labels) {
      if (java.util.Objects.equals(field.parents.get(label), parent)) {
        List<Label> children = tree(field, label);
        nodes.add(Label.of(label).withChildren(children.toArray(Label[]::new)));
      }
    }
    return nodes;
  }

  /** A field as it is built. */
  private static final class Building {
    final String name;
    final ResultType type;
    final FieldKind kind;
    final boolean fromConfig;
    final Set<String> labels = new LinkedHashSet<>();
    final Set<String> invalid = new LinkedHashSet<>();
    final Map<String, String> parents = new LinkedHashMap<>();
    boolean rotatable = true;
    boolean multiple;
    int maxRating = 5;

    Building(String name, ResultType type, FieldKind kind, boolean fromConfig) {
      this.name = name;
      this.type = type;
      this.kind = kind;
      this.fromConfig = fromConfig;
    }
  }
}
