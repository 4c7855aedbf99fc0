package org.annotationkit.formats.labelstudio;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;
import org.annotationkit.core.annotation.Annotation;
import org.annotationkit.core.annotation.BoxValue;
import org.annotationkit.core.annotation.ChoiceValue;
import org.annotationkit.core.annotation.FreeTextValue;
import org.annotationkit.core.annotation.KeypointsValue;
import org.annotationkit.core.annotation.MaskValue;
import org.annotationkit.core.annotation.MultipleChoiceValue;
import org.annotationkit.core.annotation.PolygonValue;
import org.annotationkit.core.annotation.PreferenceValue;
import org.annotationkit.core.annotation.RankingValue;
import org.annotationkit.core.annotation.RatingValue;
import org.annotationkit.core.annotation.RelationValue;
import org.annotationkit.core.annotation.Result;
import org.annotationkit.core.annotation.SpanValue;
import org.annotationkit.core.annotation.TimeSegmentValue;
import org.annotationkit.core.annotation.TranscriptionValue;
import org.annotationkit.core.annotation.Value;
import org.annotationkit.core.dataset.DatasetEntry;
import org.annotationkit.core.geometry.Box;
import org.annotationkit.core.geometry.Keypoint;
import org.annotationkit.core.geometry.Polygon;
import org.annotationkit.core.item.AudioItem;
import org.annotationkit.core.item.ComparisonItem;
import org.annotationkit.core.item.ImageItem;
import org.annotationkit.core.item.Item;
import org.annotationkit.core.item.Response;
import org.annotationkit.core.item.TextItem;
import org.annotationkit.core.item.TextOffsets;
import org.annotationkit.core.schema.Field;
import org.annotationkit.core.schema.FieldKind;
import org.annotationkit.core.schema.Schema;
import org.annotationkit.formats.ConversionContext;
import org.annotationkit.formats.LossObject;
import org.jspecify.annotations.Nullable;

/**
 * Turns a {@link RawTask} into an item with its annotations, under the schema: percentages to
 * pixels, Label Studio's rotation about the top-left corner to core's about the centre, brush
 * streams to masks; and reports what it cannot carry.
 */
final class TaskConverter {
  private final Schema schema;
  private final @Nullable LabelingConfig config;
  private final Map<String, int[]> sizes;
  private final ConversionContext context;

  TaskConverter(
      Schema schema,
      @Nullable LabelingConfig config,
      Map<String, int[]> sizes,
      ConversionContext context) {
    this.schema = schema;
    this.config = config;
    this.sizes = sizes;
    this.context = context;
  }

  /** The entry of a task, or empty when it cannot become an item (reported). */
  Optional<DatasetEntry> convert(RawTask task) {
    return switch (TaskMedia.of(task, config)) {
      case IMAGE -> image(task);
      case TEXT -> text(task);
      case AUDIO -> audio(task);
      case LIST -> comparison(task);
    };
  }

  /** The image of a task, or empty when it has no image or no size (reported). */
  private Optional<DatasetEntry> image(RawTask task) {
    LossObject where = LossObject.image(task.id());
    Optional<String> imageKey = imageKey(task);
    if (imageKey.isEmpty()) {
      context.lose(where, "task skipped", "the task's data has no image reference");
      return Optional.empty();
    }
    Node referenceNode = java.util.Objects.requireNonNull(task.data().get(imageKey.get()));
    String reference = referenceNode.string();
    int[] size = size(task, reference);
    if (size == null) {
      context.lose(
          where,
          "task skipped",
          "no result gives the image's size (original_width, original_height) and the sizes"
              + " table has no row for "
              + fileName(reference));
      return Optional.empty();
    }
    Map<String, String> metadata = metadata(task, Set.of(imageKey.get()), where);
    ImageItem item = new ImageItem(task.id(), uri(referenceNode), size[0], size[1], metadata);
    return Optional.of(new DatasetEntry(item, annotations(task, item, where)));
  }

  /** The text of a task, or empty when its data has no text (reported). */
  private Optional<DatasetEntry> text(RawTask task) {
    LossObject where = LossObject.item(task.id());
    Optional<String> key =
        dataKey(task, config == null ? null : config.keys(LabelingConfig.Media.TEXT), "text");
    if (key.isEmpty()) {
      context.lose(where, "task skipped", "the task's data has no text");
      return Optional.empty();
    }
    String text = java.util.Objects.requireNonNull(task.data().get(key.get())).string();
    Map<String, String> metadata = metadata(task, Set.of(key.get()), where);
    TextItem item = new TextItem(task.id(), text, Optional.empty(), metadata);
    return Optional.of(new DatasetEntry(item, annotations(task, item, where)));
  }

  /** The audio of a task, or empty when it has no reference or no duration (reported). */
  private Optional<DatasetEntry> audio(RawTask task) {
    LossObject where = LossObject.item(task.id());
    Optional<String> key =
        dataKey(task, config == null ? null : config.keys(LabelingConfig.Media.AUDIO), "audio");
    if (key.isEmpty()) {
      context.lose(where, "task skipped", "the task's data has no audio reference");
      return Optional.empty();
    }
    Node reference = java.util.Objects.requireNonNull(task.data().get(key.get()));
    double duration = duration(task);
    if (!(duration > 0)) {
      double last = 0;
      for (RawTask.RawAnnotation annotation : task.annotations()) {
        for (RawTask.RawResult result : annotation.results()) {
          if (result.value().isObject()
              && ResultType.ofJson(result.type()).orElse(null) == ResultType.LABELS) {
            OptionalDouble end = result.value().number("end");
            last = Math.max(last, end.orElse(0));
          }
        }
      }
      if (!(last > 0)) {
        context.lose(
            where,
            "task skipped",
            "no result gives the audio's duration (original_length) and the task has no"
                + " segments to bound it");
        return Optional.empty();
      }
      context.lose(
          where,
          "audio duration estimated",
          "no result gives the audio's duration (original_length); the item's duration is the"
              + " end of its last segment, "
              + last
              + " s");
      duration = last;
    }
    // A task's own "duration" that gave the item's duration is not metadata too.
    Node given = task.data().get("duration");
    Set<String> used =
        given != null && given.type() == Node.Type.NUMBER && given.number() == duration
            ? Set.of(key.get(), "duration")
            : Set.of(key.get());
    Map<String, String> metadata = metadata(task, used, where);
    AudioItem item = new AudioItem(task.id(), uri(reference), duration, metadata);
    return Optional.of(new DatasetEntry(item, annotations(task, item, where)));
  }

  /** The audio's duration in seconds that a result or the task gives, or NaN. */
  private static double duration(RawTask task) {
    for (RawTask.RawAnnotation annotation : task.annotations()) {
      for (RawTask.RawResult result : annotation.results()) {
        OptionalDouble length =
            result.where().isObject()
                ? result.where().number("original_length")
                : OptionalDouble.empty();
        if (length.isPresent() && length.getAsDouble() > 0) {
          return length.getAsDouble();
        }
      }
    }
    Optional<Node> meta = task.where().get("meta").filter(Node::isObject);
    if (meta.isPresent()) {
      OptionalDouble length = meta.get().number("original_length");
      if (length.isPresent() && length.getAsDouble() > 0) {
        return length.getAsDouble();
      }
    }
    Node data = task.data().get("duration");
    if (data != null && data.type() == Node.Type.NUMBER && data.number() > 0) {
      return data.number();
    }
    return Double.NaN;
  }

  /**
   * A comparison of a task's responses: the items of its list ({@code <List>}'s data key, else
   * {@code items}), else the texts its pairwise control compares; the prompt is {@code prompt}.
   */
  private Optional<DatasetEntry> comparison(RawTask task) {
    LossObject where = LossObject.item(task.id());
    Set<String> used = new LinkedHashSet<>();
    List<Response> responses = new ArrayList<>();
    Optional<String> listKey =
        dataKey(task, config == null ? null : config.keys(LabelingConfig.Media.LIST), "items")
            .or(() -> Optional.ofNullable(task.data().get("items")).map(n -> "items"));
    Node list = listKey.map(task.data()::get).orElse(null);
    if (list != null && list.type() == Node.Type.ARRAY) {
      used.add(listKey.get());
      for (Node element : list.elements()) {
        String id = element.require("id").id();
        Optional<String> body = element.string("body");
        Optional<String> title = element.string("title");
        String text = body.or(() -> element.string("text")).or(() -> title).orElse("");
        if (body.isPresent() && title.isPresent()) {
          context.lose(
              where,
              "response title dropped",
              "the response " + id + " has a title and a body; the response is its body");
        }
        if (responses.stream().anyMatch(r -> r.id().equals(id))) {
          throw element.require("id").error("the response id " + id + " appears twice");
        }
        responses.add(new Response(id, text, element.string("model").filter(m -> !m.isEmpty())));
        // The writer also gives each response a data key of its own, for a Pairwise to show.
        Node own = task.data().get(id);
        if (own != null && own.type() == Node.Type.STRING && own.string().equals(text)) {
          used.add(id);
        }
      }
    } else {
      for (String key : responseKeys(task)) {
        Node value = task.data().get(key);
        if (value != null && value.type() == Node.Type.STRING) {
          used.add(key);
          responses.add(new Response(key, value.string()));
        }
      }
    }
    if (responses.size() < 2) {
      context.lose(
          where,
          "task skipped",
          "a comparison needs two responses or more, the task has " + responses.size());
      return Optional.empty();
    }
    String prompt = "";
    Node promptNode = task.data().get(PROMPT);
    if (promptNode != null && promptNode.type() == Node.Type.STRING) {
      prompt = promptNode.string();
      used.add(PROMPT);
    }
    Map<String, String> metadata = metadata(task, used, where);
    ComparisonItem item = new ComparisonItem(task.id(), prompt, responses, metadata);
    return Optional.of(new DatasetEntry(item, annotations(task, item, where)));
  }

  /** The data key of a comparison's prompt. */
  static final String PROMPT = "prompt";

  /** The data keys of the texts a pairwise control compares, in order. */
  private List<String> responseKeys(RawTask task) {
    List<String> keys = new ArrayList<>();
    if (config != null) {
      for (LabelingConfig.Control control : config.controls()) {
        if (control.type() == ResultType.PAIRWISE) {
          for (String target : control.targets()) {
            LabelingConfig.DataObject object = config.objects().get(target);
            keys.add(object != null ? object.key() : target);
          }
          return keys;
        }
      }
    }
    for (RawTask.RawAnnotation annotation : task.annotations()) {
      for (RawTask.RawResult result : annotation.results()) {
        if (ResultType.ofJson(result.type()).orElse(null) == ResultType.PAIRWISE) {
          for (String name : result.toName().split(",", -1)) {
            if (task.data().containsKey(name.strip())) {
              keys.add(name.strip());
            }
          }
          if (keys.size() >= 2) {
            return keys;
          }
          keys.clear();
        }
      }
    }
    for (Map.Entry<String, Node> entry : task.data().entrySet()) {
      if (!entry.getKey().equals(PROMPT) && entry.getValue().type() == Node.Type.STRING) {
        keys.add(entry.getKey());
      }
    }
    return keys;
  }

  /** The data key of an item's content: the config's object, else a default, else a first. */
  private static Optional<String> dataKey(
      RawTask task, @Nullable Map<String, String> objects, String fallback) {
    if (objects != null) {
      for (String key : objects.values()) {
        Node value = task.data().get(key);
        if (value != null && !value.isNull()) {
          return Optional.of(key);
        }
      }
    }
    Node value = task.data().get(fallback);
    if (value != null && (value.type() == Node.Type.STRING || value.type() == Node.Type.ARRAY)) {
      return Optional.of(fallback);
    }
    if (fallback.equals("items")) {
      return Optional.empty();
    }
    for (Map.Entry<String, Node> entry : task.data().entrySet()) {
      if (entry.getValue().type() == Node.Type.STRING) {
        return Optional.of(entry.getKey());
      }
    }
    return Optional.empty();
  }

  /** The task's other scalar data values as metadata; the rest reported. */
  private Map<String, String> metadata(RawTask task, Set<String> used, LossObject where) {
    Map<String, String> metadata = new LinkedHashMap<>();
    for (Map.Entry<String, Node> entry : task.data().entrySet()) {
      if (used.contains(entry.getKey())) {
        continue;
      }
      Optional<String> text = entry.getValue().scalarText();
      if (text.isPresent()) {
        metadata.put(entry.getKey(), text.get());
      } else if (!entry.getValue().isNull()) {
        context.lose(
            where,
            "task data dropped",
            "the data key \"" + entry.getKey() + "\" holds " + entry.getValue().describe());
      }
    }
    return metadata;
  }

  /** The annotations of a task about an item: cancelled ones skipped, reported. */
  private List<Annotation> annotations(RawTask task, Item item, LossObject where) {
    List<Annotation> annotations = new ArrayList<>();
    TextOffsets offsets = item instanceof TextItem text ? TextOffsets.of(text.text()) : null;
    for (RawTask.RawAnnotation raw : task.annotations()) {
      LossObject annotationWhere = where.withAnnotation(raw.id());
      if (raw.cancelled()) {
        context.lose(
            annotationWhere,
            "cancelled annotation skipped",
            "the annotator " + raw.annotator() + " skipped the task (was_cancelled)");
        continue;
      }
      Annotation.Builder builder =
          Annotation.builder(raw.id(), task.id(), raw.annotator()).origin(raw.origin());
      raw.createdAt().ifPresent(builder::createdAt);
      raw.leadTime().ifPresent(builder::leadTimeSeconds);
      Set<String> regions = SchemaInference.regionIds(raw);
      Map<String, RawTask.RawResult> regionResults = new HashMap<>();
      Set<String> ids = new HashSet<>();
      List<RawTask.RawResult> relations = new ArrayList<>();
      int position = 0;
      for (RawTask.RawResult result : raw.results()) {
        ResultType type = ResultType.ofJson(result.type()).orElse(null);
        String id = result.id().orElse(raw.id() + "-" + position);
        position++;
        if (type == ResultType.RELATION) {
          relations.add(result);
          continue;
        }
        Optional<String> target = Optional.empty();
        if (type == ResultType.TEXTAREA && result.id().isPresent() && regions.contains(id)) {
          target = Optional.of(id);
          id = transcriptionId(id, result.fromName());
        }
        LossObject resultWhere = where.withAnnotation(id);
        if (!ids.add(id)) {
          context.lose(
              resultWhere,
              "per-region result dropped",
              "a second result of the region "
                  + id
                  + " ("
                  + result.type()
                  + " of \""
                  + result.fromName()
                  + "\")");
          continue;
        }
        Optional<Result> converted = result(result, id, target, item, offsets, resultWhere);
        if (converted.isPresent()) {
          builder.result(converted.get());
          if (type != null && type.region()) {
            regionResults.put(id, result);
          }
        }
      }
      for (RawTask.RawResult relation : relations) {
        relation(relation, regionResults.keySet(), ids, where).ifPresent(builder::result);
      }
      annotations.add(builder.build());
    }
    return annotations;
  }

  /** The id the reader gives a per-region transcription: its region's and its control's. */
  static String transcriptionId(String regionId, String field) {
    return regionId + ":" + field;
  }

  /** The id the reader gives a relation, which has none in Label Studio. */
  static String relationId(String from, String to) {
    return from + "->" + to;
  }

  /** A relation between two regions that were read, or empty (reported). */
  private Optional<Result> relation(
      RawTask.RawResult result, Set<String> regions, Set<String> ids, LossObject where) {
    Node node = result.where();
    String from = node.require("from_id").id();
    String to = node.require("to_id").id();
    LossObject here = where.withAnnotation(relationId(from, to));
    String direction = node.string("direction").orElse("right");
    String source = from;
    String target = to;
    switch (direction) {
      case "right" -> {}
      case "left" -> {
        source = to;
        target = from;
      }
      case "bi" ->
          context.lose(
              here,
              "relation direction dropped",
              "the relation goes both ways; it is read as from " + from + " to " + to);
      default ->
          throw node.require("direction")
              .error("expected the direction right, left or bi, got \"" + direction + "\"");
    }
    Optional<Field> field = schema.field(LabelingConfig.RELATIONS);
    if (field.isEmpty() || field.get().kind() != FieldKind.RELATION) {
      context.lose(here, "relation skipped", "the schema has no relations field");
      return Optional.empty();
    }
    for (String end : List.of(from, to)) {
      if (!regions.contains(end)) {
        context.lose(
            here,
            "relation skipped",
            "the region " + end + " of the relation is not among the regions read");
        return Optional.empty();
      }
    }
    if (from.equals(to)) {
      context.lose(
          here, "relation skipped", "the relation joins the region " + from + " to itself");
      return Optional.empty();
    }
    String id = relationId(source, target);
    for (int n = 2; ids.contains(id); n++) {
      id = relationId(source, target) + "#" + n;
    }
    here = where.withAnnotation(id);
    List<String> labels = new ArrayList<>();
    for (String label : SchemaInference.labelsOf(result, ResultType.RELATION)) {
      if (field.get().labels().contains(label)) {
        labels.add(label);
      } else {
        context.lose(
            here, "label dropped", "the label \"" + label + "\" is not a valid label name");
      }
    }
    if (labels.size() > 1) {
      context.lose(
          here,
          "extra labels dropped",
          "the relation has the labels " + labels + "; it keeps " + labels.get(0));
    }
    ids.add(id);
    RelationValue value = new RelationValue(labels.stream().findFirst(), source, target);
    return Optional.of(new Result(id, LabelingConfig.RELATIONS, value, result.score()));
  }

  private Optional<String> imageKey(RawTask task) {
    if (config != null) {
      Optional<String> key = config.images().values().stream().findFirst();
      if (key.isPresent()
          && task.data().containsKey(key.get())
          && task.data().get(key.get()).type() == Node.Type.STRING) {
        return key;
      }
    }
    Node image = task.data().get("image");
    if (image != null && image.type() == Node.Type.STRING) {
      return Optional.of("image");
    }
    for (Map.Entry<String, Node> entry : task.data().entrySet()) {
      if (entry.getValue().type() == Node.Type.STRING) {
        return Optional.of(entry.getKey());
      }
    }
    return Optional.empty();
  }

  private int @Nullable [] size(RawTask task, String reference) {
    for (RawTask.RawAnnotation annotation : task.annotations()) {
      for (RawTask.RawResult result : annotation.results()) {
        if (result.width().isPresent() && result.height().isPresent()) {
          return new int[] {result.width().getAsInt(), result.height().getAsInt()};
        }
      }
    }
    int[] own = taskSize(task.where());
    if (own == null) {
      Optional<Node> meta = task.where().get("meta").filter(Node::isObject);
      own = meta.isPresent() ? taskSize(meta.get()) : null;
    }
    return own != null ? own : sizes.get(fileName(reference));
  }

  /**
   * The image size a task (or its meta, or a JSON-MIN record) gives itself, as this writer writes
   * it.
   */
  private static int @Nullable [] taskSize(Node node) {
    OptionalInt width = RawTask.size(node, "original_width");
    OptionalInt height = RawTask.size(node, "original_height");
    return width.isPresent() && height.isPresent()
        ? new int[] {width.getAsInt(), height.getAsInt()}
        : null;
  }

  /** The file name of an image reference: its last path part, percent-decoded. */
  static String fileName(String reference) {
    String path = reference;
    int query = path.indexOf("?d=");
    if (query >= 0) {
      path = path.substring(query + 3);
    } else {
      int q = path.indexOf('?');
      if (q >= 0) {
        path = path.substring(0, q);
      }
    }
    int slash = path.lastIndexOf('/');
    String name = slash >= 0 ? path.substring(slash + 1) : path;
    try {
      return URLDecoder.decode(name.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return name;
    }
  }

  /** An image reference as a URI; characters a URI cannot hold are percent-encoded. */
  static URI uri(Node reference) {
    String text = reference.string();
    try {
      return new URI(text);
    } catch (URISyntaxException e) {
      StringBuilder encoded = new StringBuilder();
      for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
        int c = b & 0xFF;
        if (c > 0x20 && c < 0x7F && c != '%' && c != '"' && c != '<' && c != '>' && c != '\\'
            && c != '^' && c != '`' && c != '{' && c != '|' && c != '}') {
          encoded.append((char) c);
        } else {
          encoded
              .append('%')
              .append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
              .append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
        }
      }
      try {
        return new URI(encoded.toString());
      } catch (URISyntaxException again) {
        throw reference.error("the image reference is not a URI: " + again.getMessage(), again);
      }
    }
  }

  private Optional<Result> result(
      RawTask.RawResult result,
      String id,
      Optional<String> target,
      Item item,
      @Nullable TextOffsets offsets,
      LossObject where) {
    Optional<ResultType> type = ResultType.ofJson(result.type());
    if (type.isEmpty()) {
      context.lose(where, "result skipped", "results of type " + result.type() + " are not read");
      return Optional.empty();
    }
    Optional<Field> found = schema.field(result.fromName());
    if (found.isEmpty() || !type.get().fills(found.get().kind())) {
      context.lose(
          where,
          "result skipped",
          config != null && found.isEmpty()
              ? "the control \"" + result.fromName() + "\" is not in the labeling config"
              : "the " + result.type() + " result of \"" + result.fromName() + "\" has no field");
      return Optional.empty();
    }
    Field field = found.get();
    if (!field.kind().appliesTo(item.kind())) {
      context.lose(
          where,
          "result skipped",
          "a "
              + field.kind().jsonName()
              + " result of \""
              + field.name()
              + "\" has no place on a "
              + item.kind().jsonName()
              + " item");
      return Optional.empty();
    }
    if (result.imageRotation() != 0) {
      context.lose(
          where,
          "image rotation ignored",
          "image_rotation " + result.imageRotation() + " is not applied to the coordinates");
    }
    Node value = result.value();
    if (!field.kind().takesLabels()
        || field.kind() == FieldKind.RELATION
        || type.get() == ResultType.TAXONOMY) {
      Value converted = unlabeled(type.get(), result, field, target, item, where);
      return converted == null
          ? Optional.empty()
          : Optional.of(new Result(id, field.name(), converted, result.score()));
    }
    List<String> labels = new ArrayList<>();
    for (String label : SchemaInference.labelsOf(result, type.get())) {
      if (field.labels().contains(label)) {
        if (!labels.contains(label)) {
          labels.add(label);
        }
      } else {
        context.lose(
            where, "label dropped", "the label \"" + label + "\" is not a valid label name");
      }
    }
    if (labels.isEmpty()) {
      if (field.kind() != FieldKind.MULTIPLE_CHOICE) {
        context.lose(where, "result skipped", "the " + result.type() + " result has no label");
        return Optional.empty();
      }
    } else if (labels.size() > 1 && field.kind() != FieldKind.MULTIPLE_CHOICE) {
      context.lose(
          where,
          "extra labels dropped",
          "the result has the labels " + labels + "; the region keeps " + labels.get(0));
    }
    Value converted =
        switch (field.kind()) {
          case BOX, POLYGON, KEYPOINTS, MASK -> picture(result, labels.get(0), field, item, where);
          case SINGLE_CHOICE -> new ChoiceValue(labels.get(0));
          case MULTIPLE_CHOICE -> new MultipleChoiceValue(labels);
          case SPAN -> span(value, labels.get(0), java.util.Objects.requireNonNull(offsets), where);
          case TIME_SEGMENT -> segment(value, labels.get(0), where);
          default -> null;
        };
    if (converted == null) {
      return Optional.empty();
    }
    return Optional.of(new Result(id, field.name(), converted, result.score()));
  }

  private @Nullable Value picture(
      RawTask.RawResult result, String label, Field field, Item item, LossObject where) {
    ImageItem image = (ImageItem) item;
    Node value = result.value();
    int width = result.width().orElse(image.width());
    int height = result.height().orElse(image.height());
    return switch (field.kind()) {
      case BOX -> box(value, label, width, height, field, where);
      case POLYGON -> polygon(value, label, width, height, where);
      case KEYPOINTS -> keypoint(value, label, width, height);
      default -> mask(value, label, result, image, where);
    };
  }

  /** The value of a result that carries no region label: text, rating, choice of a taxonomy. */
  private @Nullable Value unlabeled(
      ResultType type,
      RawTask.RawResult result,
      Field field,
      Optional<String> target,
      Item item,
      LossObject where) {
    Node value = result.value();
    return switch (type) {
      case TEXTAREA -> {
        Node text = value.require("text");
        List<String> lines = new ArrayList<>();
        if (text.type() == Node.Type.STRING) {
          lines.add(text.string());
        } else {
          for (Node line : text.elements()) {
            lines.add(line.string());
          }
        }
        if (lines.size() > 1) {
          context.lose(
              where,
              "text submissions joined",
              lines.size() + " submissions of \"" + field.name() + "\" joined by line breaks");
        }
        String joined = String.join("\n", lines);
        if (field.kind() == FieldKind.TRANSCRIPTION) {
          yield new TranscriptionValue(joined, target);
        }
        if (target.isPresent()) {
          context.lose(
              where,
              "per-region result dropped",
              "the text of \""
                  + field.name()
                  + "\" is about the region "
                  + target.get()
                  + "; free text is about the whole item");
          yield null;
        }
        yield new FreeTextValue(joined);
      }
      case RATING -> new RatingValue(value.require("rating").number());
      case TAXONOMY -> {
        List<String> chosen = new ArrayList<>();
        for (Node path : value.require("taxonomy").elements()) {
          List<Node> nodes = path.elements();
          if (nodes.isEmpty()) {
            throw path.error("a taxonomy path has at least one choice");
          }
          String leaf = nodes.get(nodes.size() - 1).string();
          if (!field.labels().contains(leaf)) {
            context.lose(
                where, "label dropped", "the choice \"" + leaf + "\" is not a valid label name");
            continue;
          }
          List<String> expected = path(field, leaf);
          List<String> given = new ArrayList<>();
          for (Node node : nodes) {
            given.add(node.string());
          }
          if (!expected.equals(given)) {
            context.lose(
                where,
                "taxonomy path changed",
                "the path " + given + " is read as the schema's " + expected);
          }
          if (!chosen.contains(leaf)) {
            chosen.add(leaf);
          }
        }
        yield new MultipleChoiceValue(chosen);
      }
      case PAIRWISE -> {
        if (!(item instanceof ComparisonItem comparison)) {
          yield null;
        }
        Node selected = value.require("selected");
        List<Response> responses = comparison.responses();
        String first = responses.get(0).id();
        String second = responses.get(1).id();
        List<String> named = pairwiseTargets(field.name(), comparison, result.toName());
        if (named.size() == 2) {
          first = named.get(0);
          second = named.get(1);
        }
        PreferenceValue.Verdict verdict =
            switch (selected.string()) {
              case "left" -> PreferenceValue.Verdict.FIRST;
              case "right" -> PreferenceValue.Verdict.SECOND;
              default ->
                  throw selected.error(
                      "expected \"left\" or \"right\", got \"" + selected.string() + "\"");
            };
        yield new PreferenceValue(first, second, verdict);
      }
      case RANKER -> {
        if (!(item instanceof ComparisonItem comparison)) {
          yield null;
        }
        Node ranker = value.require("ranker");
        if (ranker.isObject()
            && !(ranker.members().size() == 1 && ranker.members().containsKey(field.name()))) {
          // Buckets: {bucket: [ids in it], ...}, "_" holding the items left in the list.
          List<RankingValue.Bucket> buckets = new ArrayList<>();
          List<String> seen = new ArrayList<>();
          for (Map.Entry<String, Node> bucket : ranker.members().entrySet()) {
            if (bucket.getKey().isEmpty()) {
              throw bucket.getValue().error("a ranker bucket has no name");
            }
            buckets.add(
                new RankingValue.Bucket(
                    bucket.getKey(), rankedIds(bucket.getValue(), comparison, seen, where)));
          }
          if (buckets.isEmpty()) {
            context.lose(where, "result skipped", "the ranker result has no bucket");
            yield null;
          }
          yield RankingValue.ofBuckets(buckets);
        }
        Node order = ranker.isObject() ? ranker.members().values().iterator().next() : ranker;
        List<String> ids = rankedIds(order, comparison, new ArrayList<>(), where);
        if (ids.isEmpty()) {
          context.lose(where, "result skipped", "the ranking ranks no response");
          yield null;
        }
        yield new RankingValue(ids);
      }
      default -> null;
    };
  }

  /**
   * The response ids of a ranker's list, in order; an id that is no response is dropped and
   * reported, one already in {@code seen} (this list or another bucket) is an error.
   */
  private List<String> rankedIds(
      Node list, ComparisonItem comparison, List<String> seen, LossObject where) {
    List<String> ids = new ArrayList<>();
    for (Node element : list.elements()) {
      String id = element.id();
      if (comparison.response(id).isEmpty()) {
        context.lose(where, "ranked item dropped", "the ranked item " + id + " is not a response");
      } else if (seen.contains(id)) {
        throw element.error("the item " + id + " is ranked twice");
      } else {
        seen.add(id);
        ids.add(id);
      }
    }
    return ids;
  }

  /** The response ids a pairwise control compares, by the config, if they are responses. */
  private List<String> pairwiseTargets(String control, ComparisonItem item, String toName) {
    List<String> ids = new ArrayList<>();
    Optional<LabelingConfig.Control> found =
        config == null ? Optional.empty() : config.control(control);
    List<String> targets =
        found.isPresent() ? found.get().targets() : List.of(toName.split(",", -1));
    for (String target : targets) {
      LabelingConfig.DataObject object = config == null ? null : config.objects().get(target);
      String key = object != null ? object.key() : target.strip();
      if (item.response(key).isPresent() && !ids.contains(key)) {
        ids.add(key);
      }
    }
    return ids;
  }

  /** The path from a taxonomy's root to one of its labels. */
  static List<String> path(Field field, String label) {
    List<String> path = new ArrayList<>();
    Optional<String> node = Optional.of(label);
    while (node.isPresent()) {
      path.add(0, node.get());
      node = field.labels().parentOf(node.get());
    }
    return path;
  }

  /**
   * A span of text in code points. Label Studio exports older than the code-point fix
   * (label-studio-frontend PR 308; label-studio issues 539, 1347) count UTF-16 units: the covered
   * {@code text} the result records is compared with the item's text at both readings, and the
   * reading used is reported when it is not code points or cannot be checked.
   */
  private @Nullable Value span(Node value, String label, TextOffsets offsets, LossObject where) {
    Node startNode = value.require("start");
    Node endNode = value.require("end");
    int start = startNode.integer();
    int end = endNode.integer();
    if (start < 0) {
      throw startNode.error("a span starts at offset 0 or later, got " + start);
    }
    if (end < start) {
      throw endNode.error("the span ends at " + end + ", before its start " + start);
    }
    Optional<String> recorded =
        value.get("text").filter(n -> n.type() == Node.Type.STRING).map(Node::string);
    String text = offsets.text();
    String asCodePoints = end <= offsets.length() ? offsets.substring(start, end) : null;
    String asUtf16 = utf16(offsets, start, end);
    LossObject here = where.withSpan(start, end);
    if (offsets.isIdentity() || (asCodePoints != null && asCodePoints.equals(asUtf16))) {
      // Both readings agree: nothing before the span's end is outside the Basic Multilingual Plane.
      if (asCodePoints == null) {
        throw endNode.error(leaves(start, end, offsets));
      }
      if (recorded.isPresent() && !recorded.get().equals(asCodePoints)) {
        context.lose(
            here,
            "span text differs",
            "the result records \""
                + recorded.get()
                + "\", the text has \""
                + asCodePoints
                + "\" there");
      }
      return new SpanValue(label, start, end, Optional.of(asCodePoints));
    }
    boolean codePoints;
    if (recorded.isPresent() && asCodePoints != null && recorded.get().equals(asCodePoints)) {
      codePoints = true;
    } else if (recorded.isPresent() && asUtf16 != null && recorded.get().equals(asUtf16)) {
      codePoints = false;
    } else if (asCodePoints != null) {
      codePoints = true;
      context.lose(
          here,
          recorded.isPresent() ? "span text differs" : "span offsets unchecked",
          recorded.isPresent()
              ? "the result records \""
                  + recorded.get()
                  + "\", which the text has at neither code point nor UTF-16 offsets; read as"
                  + " code points"
              : "the result records no text to tell code points from UTF-16 units; read as code"
                  + " points");
    } else if (asUtf16 != null) {
      codePoints = false;
    } else {
      throw endNode.error(leaves(start, end, offsets));
    }
    if (codePoints) {
      return new SpanValue(
          label, start, end, Optional.of(java.util.Objects.requireNonNull(asCodePoints)));
    }
    int cpStart = offsets.toCodePoint(start);
    int cpEnd = offsets.toCodePoint(end);
    context.lose(
        where.withSpan(cpStart, cpEnd),
        "UTF-16 offsets converted",
        "the offsets ["
            + start
            + ", "
            + end
            + ") count UTF-16 units, as Label Studio exports before code-point offsets do; read"
            + " as code points ["
            + cpStart
            + ", "
            + cpEnd
            + ")");
    assert text.length() >= end;
    return new SpanValue(label, cpStart, cpEnd, Optional.of(text.substring(start, end)));
  }

  /** The text at UTF-16 offsets, or null when they leave the text or split a surrogate pair. */
  private static @Nullable String utf16(TextOffsets offsets, int start, int end) {
    String text = offsets.text();
    if (end > text.length()) {
      return null;
    }
    if ((start > 0
            && start < text.length()
            && Character.isLowSurrogate(text.charAt(start))
            && Character.isHighSurrogate(text.charAt(start - 1)))
        || (end > 0
            && end < text.length()
            && Character.isLowSurrogate(text.charAt(end))
            && Character.isHighSurrogate(text.charAt(end - 1)))) {
      return null;
    }
    return text.substring(start, end);
  }

  private static String leaves(int start, int end, TextOffsets offsets) {
    return "the span ["
        + start
        + ", "
        + end
        + ") leaves the text of "
        + offsets.length()
        + " code points ("
        + offsets.text().length()
        + " UTF-16 units)";
  }

  /** A segment of audio in seconds. */
  private Value segment(Node value, String label, LossObject where) {
    Node startNode = value.require("start");
    Node endNode = value.require("end");
    double start = startNode.number();
    double end = endNode.number();
    if (start < 0) {
      throw startNode.error("a segment starts at 0 s or later, got " + start);
    }
    if (end < start) {
      throw endNode.error("the segment ends at " + end + " s, before its start " + start + " s");
    }
    OptionalDouble channel = value.number("channel");
    if (channel.isPresent() && channel.getAsDouble() != 0) {
      context.lose(
          where,
          "audio channel dropped",
          "the segment is on channel " + channel.getAsDouble() + "; segments have no channel");
    }
    return new TimeSegmentValue(label, start, end);
  }

  private @Nullable Value box(
      Node value, String label, int width, int height, Field field, LossObject where) {
    double x = value.require("x").number() / 100 * width;
    double y = value.require("y").number() / 100 * height;
    double w = value.require("width").number() / 100 * width;
    double h = value.require("height").number() / 100 * height;
    double rotation = value.number("rotation").orElse(0);
    Box box = Box.aboutCorner(x, y, w, h, rotation);
    if (w < 0 || h < 0) {
      context.lose(
          where,
          "negative box size normalised",
          "width " + w + " and height " + h + " px: the same rectangle with positive sizes");
    }
    if (box.isRotated() && !field.rotatable()) {
      context.lose(
          where,
          "rotation dropped",
          "the field \""
              + field.name()
              + "\" cannot rotate (canRotate=\"false\"); the box is the"
              + " hull of the rotated one, rotated by "
              + rotation
              + " degrees");
      box = box.bounds();
    }
    return new BoxValue(label, box);
  }

  private @Nullable Value polygon(
      Node value, String label, int width, int height, LossObject where) {
    List<Node> points = value.require("points").elements();
    if (points.size() < 3) {
      context.lose(
          where,
          "polygon skipped",
          "a polygon needs 3 points or more, this one has " + points.size());
      return null;
    }
    double[] xy = new double[2 * points.size()];
    for (int i = 0; i < points.size(); i++) {
      List<Node> point = points.get(i).elements();
      if (point.size() < 2) {
        throw points.get(i).error("a polygon point is [x, y], got " + point.size() + " numbers");
      }
      xy[2 * i] = point.get(0).number() / 100 * width;
      xy[2 * i + 1] = point.get(1).number() / 100 * height;
    }
    if (!value.get("closed").map(Node::bool).orElse(true)) {
      context.lose(where, "open polygon closed", "the polygon is not closed in Label Studio");
    }
    return new PolygonValue(label, Polygon.of(xy));
  }

  private static Value keypoint(Node value, String label, int width, int height) {
    double x = value.require("x").number() / 100 * width;
    double y = value.require("y").number() / 100 * height;
    return new KeypointsValue(
        label, List.of(new Keypoint(label, x, y, Keypoint.Visibility.VISIBLE)));
  }

  private @Nullable Value mask(
      Node value, String label, RawTask.RawResult result, ImageItem item, LossObject where) {
    String format = value.string("format").orElse("rle");
    if (!format.equals("rle")) {
      context.lose(where, "mask skipped", "brush masks in the format " + format + " are not read");
      return null;
    }
    OptionalInt width = result.width();
    OptionalInt height = result.height();
    int w = width.orElse(item.width());
    int h = height.orElse(item.height());
    if (w != item.width() || h != item.height()) {
      context.lose(
          where,
          "mask skipped",
          "the mask is " + w + "x" + h + ", the image " + item.width() + "x" + item.height());
      return null;
    }
    Node rle = value.require("rle");
    try {
      return new MaskValue(label, BrushRle.toMask(rle.ints(), h, w));
    } catch (IllegalArgumentException e) {
      throw rle.error("the brush mask cannot be decoded: " + e.getMessage(), e);
    }
  }
}
