package org.annotationkit.formats.labelstudio;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.annotationkit.core.annotation.Annotation;
import org.annotationkit.core.annotation.BoxValue;
import org.annotationkit.core.annotation.ChoiceValue;
import org.annotationkit.core.annotation.FreeTextValue;
import org.annotationkit.core.annotation.KeypointsValue;
import org.annotationkit.core.annotation.MaskValue;
import org.annotationkit.core.annotation.MultipleChoiceValue;
import org.annotationkit.core.annotation.Origin;
import org.annotationkit.core.annotation.PolygonValue;
import org.annotationkit.core.annotation.PreferenceValue;
import org.annotationkit.core.annotation.RankingValue;
import org.annotationkit.core.annotation.RatingValue;
import org.annotationkit.core.annotation.RelationValue;
import org.annotationkit.core.annotation.Result;
import org.annotationkit.core.annotation.SpanValue;
import org.annotationkit.core.annotation.TimeSegmentValue;
import org.annotationkit.core.annotation.TranscriptionValue;
import org.annotationkit.core.dataset.Dataset;
import org.annotationkit.core.dataset.DatasetEntry;
import org.annotationkit.core.dataset.DatasetSource;
import org.annotationkit.core.geometry.Box;
import org.annotationkit.core.geometry.Keypoint;
import org.annotationkit.core.geometry.Point;
import org.annotationkit.core.item.AudioItem;
import org.annotationkit.core.item.ComparisonItem;
import org.annotationkit.core.item.ImageItem;
import org.annotationkit.core.item.Item;
import org.annotationkit.core.item.Response;
import org.annotationkit.core.item.TextItem;
import org.annotationkit.core.item.TextOffsets;
import org.annotationkit.core.item.VideoItem;
import org.annotationkit.core.schema.Field;
import org.annotationkit.core.schema.RatingScale;
import org.annotationkit.core.schema.Schema;
import org.annotationkit.formats.ConversionContext;
import org.annotationkit.formats.LossObject;
import org.annotationkit.formats.internal.IoMessages;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.json.JsonWriteFeature;

/**
 * Writes the full export (or JSON-MIN): one task per image, coordinates in percent of the image's
 * size, rotation about the top-left corner, ids as they are (integers where they are integers).
 */
final class ExportWriter {
  private static final JsonFactory FACTORY =
      JsonFactory.builder().disable(JsonWriteFeature.ESCAPE_FORWARD_SLASHES).build();

  /** The object name of the image, as results' {@code to_name} and the data key. */
  static final String IMAGE = "image";

  /** The prefix the reader gives prediction ids. */
  static final String PREDICTION = "prediction-";

  private final ConversionContext context;
  private final boolean min;
  private final @Nullable LabelingConfig config;

  private final Schema schema;

  private ExportWriter(
      ConversionContext context, boolean min, @Nullable LabelingConfig config, Schema schema) {
    this.context = context;
    this.min = min;
    this.config = config;
    this.schema = schema;
  }

  static void write(DatasetSource source, Path output, ConversionContext context, boolean min) {
    LabelingConfig config =
        context.options().value("config").map(Path::of).map(LabelingConfig::read).orElse(null);
    DatasetSource grouped = source.grouped() ? source : Dataset.of(source).source();
    ExportWriter writer = new ExportWriter(context, min, config, source.schema());
    try (OutputStream file =
            new BufferedOutputStream(
                Files.newOutputStream(output, StandardOpenOption.CREATE_NEW), 1 << 16);
        JsonGenerator out = FACTORY.createGenerator(ObjectWriteContext.empty(), file)) {
      out.writeStartArray();
      while (grouped.hasNext()) {
        writer.entry(out, grouped.next());
      }
      out.writeEndArray();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + output + ": " + IoMessages.reason(e), e);
    } catch (JacksonException e) {
      throw new UncheckedIOException(
          "cannot write " + output + ": " + e.getOriginalMessage(), new IOException(e));
    }
  }

  private String imageKey() {
    return config == null
        ? IMAGE
        : config.images().keySet().stream()
            .findFirst()
            .map(name -> config.images().get(name))
            .orElse(IMAGE);
  }

  private String toName(String field, Item item) {
    String object =
        switch (item.kind()) {
          case TEXT -> "text";
          case AUDIO -> "audio";
          case COMPARISON -> ITEMS;
          default -> IMAGE;
        };
    if (config != null) {
      return config.control(field).map(LabelingConfig.Control::toName).orElse(object);
    }
    return object;
  }

  /** The data key of a text or an audio reference: the config's object's, else a default. */
  private String dataKey(LabelingConfig.Media media, String fallback) {
    return config == null
        ? fallback
        : config.keys(media).values().stream().findFirst().orElse(fallback);
  }

  /** The data key of a comparison's responses, as a list of {@code {id, body}} items. */
  static final String ITEMS = "items";

  private void entry(JsonGenerator out, DatasetEntry entry) {
    Item item = entry.item();
    LossObject where =
        item instanceof ImageItem ? LossObject.image(item.id()) : LossObject.item(item.id());
    if (min && !(item instanceof ImageItem) && !(item instanceof VideoItem)) {
      List<Annotation> humansOnly = new ArrayList<>();
      for (Annotation annotation : entry.annotations()) {
        if (annotation.origin() instanceof Origin.Model) {
          context.lose(
              where.withAnnotation(annotation.id()),
              "prediction dropped",
              "JSON-MIN holds annotations only");
        } else {
          humansOnly.add(annotation);
        }
      }
      writeMinMedia(out, item, humansOnly);
      return;
    }
    if (min && !(item instanceof ImageItem)) {
      context.lose(
          where,
          "item skipped",
          "a "
              + item.kind().jsonName()
              + " item is not written to JSON-MIN, which this writer writes for images, texts,"
              + " audio and comparisons; the labelstudio format holds it");
      return;
    }
    List<Annotation> humans = new ArrayList<>();
    List<Annotation> models = new ArrayList<>();
    for (Annotation annotation : entry.annotations()) {
      (annotation.origin() instanceof Origin.Model ? models : humans).add(annotation);
    }
    if (min) {
      writeMin(out, (ImageItem) item, humans, models);
      return;
    }
    out.writeStartObject();
    id(out, "id", item.id(), "");
    out.writeName("data");
    switch (item) {
      case ImageItem image -> {
        data(out, image);
        // Label Studio's tasks carry no image size; results do. So that an image without results
        // keeps its size, it goes in the task's free-form meta, where the reader looks when no
        // result has it.
        out.writeObjectPropertyStart("meta");
        out.writeNumberProperty("original_width", image.width());
        out.writeNumberProperty("original_height", image.height());
        out.writeEndObject();
      }
      case AudioItem audio -> {
        data(out, item, dataKey(LabelingConfig.Media.AUDIO, "audio"), audio.uri().toString());
        // Likewise the audio's duration, which results give as original_length.
        out.writeObjectPropertyStart("meta");
        out.writeNumberProperty("original_length", audio.durationSeconds());
        out.writeEndObject();
      }
      case TextItem text -> {
        data(out, item, dataKey(LabelingConfig.Media.TEXT, "text"), text.text());
        text.uri()
            .ifPresent(uri ->
                context.lose(
                    where,
                    "text location dropped",
                    "the task holds the text itself, not where it came from (" + uri + ")"));
      }
      case ComparisonItem comparison -> comparisonData(out, comparison, where);
      case VideoItem video -> data(out, item, "video", video.uri().toString());
    }
    out.writeArrayPropertyStart("annotations");
    for (Annotation annotation : humans) {
      out.writeStartObject();
      id(out, "id", annotation.id(), "");
      id(out, "completed_by", annotation.annotatorId(), "");
      out.writeBooleanProperty("was_cancelled", false);
      out.writeBooleanProperty("ground_truth", false);
      annotation.createdAt().ifPresent(t -> out.writeStringProperty("created_at", t.toString()));
      if (annotation.leadTimeSeconds().isPresent()) {
        out.writeNumberProperty("lead_time", annotation.leadTimeSeconds().getAsDouble());
      }
      reviewState(annotation, where);
      out.writeArrayPropertyStart("result");
      results(out, item, annotation);
      out.writeEndArray();
      out.writeEndObject();
    }
    out.writeEndArray();
    out.writeArrayPropertyStart("predictions");
    for (Annotation annotation : models) {
      Origin.Model model = (Origin.Model) annotation.origin();
      out.writeStartObject();
      id(out, "id", annotation.id(), PREDICTION);
      out.writeStringProperty("model_version", model.version());
      if (!model.name().equals(model.version())) {
        out.writeStringProperty("model_name", model.name());
      }
      if (model.score().isPresent()) {
        out.writeNumberProperty("score", model.score().getAsDouble());
      }
      if (!annotation.annotatorId().equals(model.name())) {
        context.lose(
            where.withAnnotation(annotation.id()),
            "annotator dropped",
            "a prediction is made by its model "
                + model.name()
                + ", not by "
                + annotation.annotatorId());
      }
      annotation.createdAt().ifPresent(t -> out.writeStringProperty("created_at", t.toString()));
      if (annotation.leadTimeSeconds().isPresent()) {
        context.lose(
            where.withAnnotation(annotation.id()),
            "lead time dropped",
            "predictions have no lead time");
      }
      reviewState(annotation, where);
      out.writeArrayPropertyStart("result");
      results(out, item, annotation);
      out.writeEndArray();
      out.writeEndObject();
    }
    out.writeEndArray();
    out.writeEndObject();
    context.wrote(1, entry.annotations().size());
  }

  private void reviewState(Annotation annotation, LossObject where) {
    if (annotation.reviewState() != org.annotationkit.core.annotation.ReviewState.UNREVIEWED) {
      context.lose(
          where.withAnnotation(annotation.id()),
          "review state dropped",
          "the export has no place for the review state " + annotation.reviewState().jsonName());
    }
  }

  private void data(JsonGenerator out, ImageItem image) {
    out.writeStartObject();
    String key = imageKey();
    out.writeStringProperty(key, image.uri().toString());
    for (Map.Entry<String, String> entry : image.metadata().entrySet()) {
      if (entry.getKey().equals(key)) {
        context.lose(
            LossObject.image(image.id()),
            "metadata dropped",
            "the metadata key \"" + key + "\" is the image's data key");
        continue;
      }
      out.writeStringProperty(entry.getKey(), entry.getValue());
    }
    out.writeEndObject();
  }

  /** The data of a text or an audio task: its content under its key, and the metadata. */
  private void data(JsonGenerator out, Item item, String key, String content) {
    out.writeStartObject();
    out.writeStringProperty(key, content);
    metadata(out, item, Set.of(key));
    out.writeEndObject();
  }

  private void metadata(JsonGenerator out, Item item, Set<String> taken) {
    for (Map.Entry<String, String> entry : item.metadata().entrySet()) {
      if (taken.contains(entry.getKey())) {
        context.lose(
            LossObject.item(item.id()),
            "metadata dropped",
            "the metadata key \"" + entry.getKey() + "\" is taken by the item's own data");
        continue;
      }
      out.writeStringProperty(entry.getKey(), entry.getValue());
    }
  }

  /**
   * A comparison's data: the prompt, the responses as a list of items ({@code id}, {@code body},
   * {@code model}) that a {@code <List>} shows and a {@code Ranker} orders, and each response again
   * under its id, for a {@code Pairwise} over {@code <Text>} objects.
   */
  private void comparisonData(JsonGenerator out, ComparisonItem item, LossObject where) {
    out.writeStartObject();
    comparisonMembers(out, item, new java.util.HashSet<>());
    metadata(out, item, Set.of(TaskConverter.PROMPT, ITEMS));
    out.writeEndObject();
    assert where != null;
  }

  /**
   * A comparison's prompt, its list of responses and each response under its id (unless the key is
   * in {@code taken} or the metadata's: the list holds the response anyway); adds the keys written
   * to {@code taken}.
   */
  private static void comparisonMembers(JsonGenerator out, ComparisonItem item, Set<String> taken) {
    out.writeStringProperty(TaskConverter.PROMPT, item.prompt());
    out.writeArrayPropertyStart(ITEMS);
    for (Response response : item.responses()) {
      out.writeStartObject();
      out.writeStringProperty("id", response.id());
      out.writeStringProperty("body", response.text());
      response.model().ifPresent(m -> out.writeStringProperty("model", m));
      out.writeEndObject();
    }
    out.writeEndArray();
    taken.add(TaskConverter.PROMPT);
    taken.add(ITEMS);
    for (Response response : item.responses()) {
      if (!item.metadata().containsKey(response.id()) && taken.add(response.id())) {
        out.writeStringProperty(response.id(), response.text());
      }
    }
  }

  /** An id as an integer when it is one (after the prefix), else as a string. */
  private static void id(JsonGenerator out, String name, String id, String prefix) {
    String bare = !prefix.isEmpty() && id.startsWith(prefix) ? id.substring(prefix.length()) : id;
    if (isInteger(bare) && (prefix.isEmpty() || !bare.equals(id))) {
      out.writeName(name);
      out.writeNumber(bare);
    } else {
      out.writeStringProperty(name, id);
    }
  }

  /** A decimal integer as JSON writes it: no sign but minus, no leading zero, at most 18 digits. */
  static boolean isInteger(String text) {
    int start = text.startsWith("-") ? 1 : 0;
    int digits = text.length() - start;
    if (digits < 1 || digits > 18 || (text.charAt(start) == '0' && digits > 1)) {
      return false;
    }
    for (int i = start; i < text.length(); i++) {
      if (text.charAt(i) < '0' || text.charAt(i) > '9') {
        return false;
      }
    }
    return !text.equals("-0");
  }

  private void results(JsonGenerator out, Item item, Annotation annotation) {
    TextOffsets offsets = item instanceof TextItem text ? TextOffsets.of(text.text()) : null;
    for (Result result : annotation.results()) {
      if (item instanceof ImageItem image) {
        resultObjects(out, image, result, false);
      } else {
        mediaResult(out, item, annotation, result, offsets);
      }
    }
  }

  /** Writes a result of a text, audio or comparison task. */
  private void mediaResult(
      JsonGenerator out,
      Item item,
      Annotation annotation,
      Result result,
      @Nullable TextOffsets offsets) {
    LossObject where = LossObject.item(item.id()).withAnnotation(result.id());
    switch (result.value()) {
      case SpanValue span -> {
        TextOffsets text = java.util.Objects.requireNonNull(offsets);
        if (span.end() > text.length()) {
          context.lose(
              where.withSpan(span.start(), span.end()),
              "span outside the text dropped",
              "the span leaves the text of " + text.length() + " code points");
          return;
        }
        begin(out, result, result.id(), "labels", item);
        out.writeNumberProperty("start", span.start());
        out.writeNumberProperty("end", span.end());
        out.writeStringProperty("text", text.substring(span.start(), span.end()));
        labels(out, "labels", span.label());
        attributes(span.attributes(), where);
        end(out, false);
      }
      case TimeSegmentValue segment -> {
        begin(out, result, result.id(), "labels", item);
        out.writeNumberProperty("start", segment.start());
        out.writeNumberProperty("end", segment.end());
        out.writeNumberProperty("channel", 0);
        labels(out, "labels", segment.label());
        attributes(segment.attributes(), where);
        end(out, false);
      }
      case TranscriptionValue transcription -> {
        String id = result.id();
        Optional<Result> region = Optional.empty();
        if (transcription.target().isPresent()) {
          String target = transcription.target().get();
          region = annotation.results().stream().filter(r -> r.id().equals(target)).findFirst();
          if (region.isEmpty()) {
            context.lose(
                where,
                "transcription skipped",
                "the region " + target + " it transcribes is not in the annotation");
            return;
          }
          id = target;
          if (!result.id().equals(TaskConverter.transcriptionId(target, result.field()))) {
            context.lose(
                where,
                "result id dropped",
                "a per-region text has its region's id, " + target + ", in Label Studio");
          }
        }
        begin(out, result, id, "textarea", item);
        if (region.isPresent()) {
          switch (region.get().value()) {
            case SpanValue span -> {
              out.writeNumberProperty("start", span.start());
              out.writeNumberProperty("end", span.end());
            }
            case TimeSegmentValue segment -> {
              out.writeNumberProperty("start", segment.start());
              out.writeNumberProperty("end", segment.end());
              out.writeNumberProperty("channel", 0);
            }
            default -> {}
          }
        }
        texts(out, transcription.text());
        end(out, false);
      }
      case FreeTextValue text -> {
        begin(out, result, result.id(), "textarea", item);
        texts(out, text.text());
        end(out, false);
      }
      case RatingValue rating -> {
        Optional<RatingScale> scale = schema.field(result.field()).flatMap(Field::scale);
        if (scale.isPresent()
            && (scale.get().min() != 1 || scale.get().step() != 1)
            && !ratingReported.contains(result.field())) {
          ratingReported.add(result.field());
          context.lose(
              where,
              "rating scale dropped",
              "Label Studio ratings are whole stars from 1; the scale of \""
                  + result.field()
                  + "\" runs from "
                  + scale.get().min()
                  + " to "
                  + scale.get().max()
                  + " by "
                  + scale.get().step()
                  + ", and its values are written as they are");
        }
        begin(out, result, result.id(), "rating", item);
        out.writeNumberProperty("rating", rating.value());
        end(out, false);
      }
      case PreferenceValue preference -> {
        if (preference.verdict() == PreferenceValue.Verdict.TIE) {
          context.lose(
              where,
              "tie dropped",
              "Label Studio's pairwise choice picks left or right; it has no tie");
          return;
        }
        begin(
            out,
            result,
            result.id(),
            "pairwise",
            item,
            preference.first() + "," + preference.second());
        out.writeStringProperty(
            "selected", preference.verdict() == PreferenceValue.Verdict.FIRST ? "left" : "right");
        end(out, false);
      }
      case RankingValue ranking -> {
        rankerBucketWarning(result, ranking, where);
        begin(out, result, result.id(), "ranker", item);
        rankerValue(out, result.field(), ranking);
        end(out, false);
      }
      case RelationValue relation -> {
        if (!result.id().equals(TaskConverter.relationId(relation.from(), relation.to()))) {
          context.lose(
              where,
              "result id dropped",
              "Label Studio relations have no id; read back, it is "
                  + TaskConverter.relationId(relation.from(), relation.to()));
        }
        if (result.score().isPresent()) {
          context.lose(where, "score dropped", "Label Studio relations have no score");
        }
        out.writeStartObject();
        out.writeStringProperty("from_id", relation.from());
        out.writeStringProperty("to_id", relation.to());
        out.writeStringProperty("type", "relation");
        out.writeStringProperty("direction", "right");
        out.writeArrayPropertyStart("labels");
        relation.label().ifPresent(out::writeString);
        out.writeEndArray();
        out.writeEndObject();
      }
      case ChoiceValue choice -> {
        begin(out, result, result.id(), "choices", item);
        labels(out, "choices", choice.label());
        end(out, false);
      }
      case MultipleChoiceValue choices -> {
        Optional<Field> field = schema.field(result.field());
        if (field.isPresent() && taxonomy(field.get())) {
          begin(out, result, result.id(), "taxonomy", item);
          out.writeArrayPropertyStart("taxonomy");
          for (String label : choices.labels()) {
            out.writeStartArray();
            for (String node : TaskConverter.path(field.get(), label)) {
              out.writeString(node);
            }
            out.writeEndArray();
          }
          out.writeEndArray();
        } else {
          begin(out, result, result.id(), "choices", item);
          out.writeArrayPropertyStart("choices");
          for (String label : choices.labels()) {
            out.writeString(label);
          }
          out.writeEndArray();
        }
        end(out, false);
      }
      default ->
          context.lose(
              where,
              "result skipped",
              "a "
                  + result.value().kind().jsonName()
                  + " result has no place in a "
                  + item.kind().jsonName()
                  + " task");
    }
  }

  private final Set<String> ratingReported = new java.util.HashSet<>();

  /** Whether a multiple-choice field is a taxonomy: by the config, else by its nested labels. */
  private boolean taxonomy(Field field) {
    if (config != null) {
      Optional<LabelingConfig.Control> control = config.control(field.name());
      if (control.isPresent()) {
        return control.get().type() == ResultType.TAXONOMY;
      }
    }
    return field.labels().roots().size() != field.labels().size();
  }

  private static void texts(JsonGenerator out, String text) {
    out.writeArrayPropertyStart("text");
    out.writeString(text);
    out.writeEndArray();
  }

  /**
   * A ranker's {@code "ranker"} value as the Label Studio docs give it (labelstud.io/tags/ranker):
   * {@code {control name: [ids]}} for a plain ranking, {@code {bucket: [ids], ...}} for buckets.
   */
  static void rankerValue(JsonGenerator out, String control, RankingValue ranking) {
    out.writeObjectPropertyStart("ranker");
    if (ranking.bucketed()) {
      for (RankingValue.Bucket bucket : ranking.buckets()) {
        ids(out, bucket.name(), bucket.order());
      }
    } else {
      ids(out, control, ranking.order());
    }
    out.writeEndObject();
  }

  private static void ids(JsonGenerator out, String name, List<String> ids) {
    out.writeArrayPropertyStart(name);
    for (String id : ids) {
      out.writeString(id);
    }
    out.writeEndArray();
  }

  private void begin(JsonGenerator out, Result result, String id, String type, Item item) {
    begin(out, result, id, type, item, toName(result.field(), item));
  }

  /** Starts a result of a text, audio or comparison task and its {@code value}. */
  private static void begin(
      JsonGenerator out, Result result, String id, String type, Item item, String toName) {
    out.writeStartObject();
    out.writeStringProperty("id", id);
    out.writeStringProperty("type", type);
    out.writeStringProperty("from_name", result.field());
    out.writeStringProperty("to_name", toName);
    if (item instanceof AudioItem audio) {
      out.writeNumberProperty("original_length", audio.durationSeconds());
    }
    if (result.score().isPresent()) {
      out.writeNumberProperty("score", result.score().getAsDouble());
    }
    out.writeObjectPropertyStart("value");
  }

  /** Writes a result as one or more Label Studio results (or, for JSON-MIN, values). */
  private void resultObjects(JsonGenerator out, ImageItem image, Result result, boolean minValue) {
    LossObject where = LossObject.image(image.id()).withAnnotation(result.id());
    int w = image.width();
    int h = image.height();
    switch (result.value()) {
      case BoxValue box -> {
        Box b = box.box();
        // Label Studio's pivot is the top-left corner of the unrotated box, turned with it.
        Point tl = b.corners().get(0);
        start(out, result, result.id(), "rectanglelabels", image, minValue);
        out.writeNumberProperty("x", tl.x() / w * 100);
        out.writeNumberProperty("y", tl.y() / h * 100);
        out.writeNumberProperty("width", b.width() / w * 100);
        out.writeNumberProperty("height", b.height() / h * 100);
        out.writeNumberProperty("rotation", b.rotation());
        labels(out, "rectanglelabels", box.label());
        attributes(box.attributes(), where);
        end(out, minValue);
      }
      case PolygonValue polygon -> {
        start(out, result, result.id(), "polygonlabels", image, minValue);
        out.writeArrayPropertyStart("points");
        for (Point p : polygon.polygon().exterior()) {
          out.writeStartArray();
          out.writeNumber(p.x() / w * 100);
          out.writeNumber(p.y() / h * 100);
          out.writeEndArray();
        }
        out.writeEndArray();
        out.writeBooleanProperty("closed", true);
        labels(out, "polygonlabels", polygon.label());
        if (!polygon.polygon().holes().isEmpty()) {
          context.lose(
              where,
              "polygon holes dropped",
              "Label Studio polygons have no holes; "
                  + polygon.polygon().holes().size()
                  + " dropped");
        }
        attributes(polygon.attributes(), where);
        end(out, minValue);
      }
      case KeypointsValue keypoints -> {
        List<Keypoint> points = keypoints.points();
        boolean single = points.size() == 1;
        if (!single) {
          context.lose(
              where,
              "keypoints split into single points",
              "Label Studio keypoints are single points: the "
                  + points.size()
                  + " points of this "
                  + keypoints.label()
                  + " become results labeled by point name");
        }
        int k = 0;
        for (Keypoint point : points) {
          if (point.visibility() == Keypoint.Visibility.NOT_LABELED) {
            continue;
          }
          if (point.visibility() == Keypoint.Visibility.OCCLUDED) {
            context.lose(
                where,
                "keypoint visibility dropped",
                "the point "
                    + point.name()
                    + " is occluded; Label Studio keypoints have no visibility");
          }
          if (single && !point.name().equals(keypoints.label())) {
            context.lose(
                where,
                "keypoint name dropped",
                "the point " + point.name() + " is written with the label " + keypoints.label());
          }
          String id = single ? result.id() : result.id() + "-" + k;
          k++;
          start(out, result, id, "keypointlabels", image, minValue);
          out.writeNumberProperty("x", point.x() / w * 100);
          out.writeNumberProperty("y", point.y() / h * 100);
          out.writeNumberProperty("width", 0.5);
          labels(out, "keypointlabels", single ? keypoints.label() : point.name());
          end(out, minValue);
        }
        attributes(keypoints.attributes(), where);
      }
      case MaskValue mask -> {
        if (mask.mask().width() != w || mask.mask().height() != h) {
          context.lose(
              where,
              "mask skipped",
              "the mask is "
                  + mask.mask().width()
                  + "x"
                  + mask.mask().height()
                  + ", the image "
                  + w
                  + "x"
                  + h);
          return;
        }
        start(out, result, result.id(), "brushlabels", image, minValue);
        out.writeStringProperty("format", "rle");
        out.writeName("rle");
        int[] rle = BrushRle.fromMask(mask.mask());
        out.writeArray(rle, 0, rle.length);
        labels(out, "brushlabels", mask.label());
        attributes(mask.attributes(), where);
        end(out, minValue);
      }
      case ChoiceValue choice -> {
        start(out, result, result.id(), "choices", image, minValue);
        labels(out, "choices", choice.label());
        end(out, minValue);
      }
      case MultipleChoiceValue choices -> {
        start(out, result, result.id(), "choices", image, minValue);
        out.writeArrayPropertyStart("choices");
        for (String label : choices.labels()) {
          out.writeString(label);
        }
        out.writeEndArray();
        end(out, minValue);
      }
      default ->
          context.lose(
              where,
              "result skipped",
              "a " + result.value().kind().jsonName() + " result has no place in an image task");
    }
  }

  private void attributes(Map<String, ?> attributes, LossObject where) {
    for (String name : attributes.keySet()) {
      context.lose(
          where, "attribute dropped", "the attribute " + name + " has no place in Label Studio");
    }
  }

  private void start(
      JsonGenerator out, Result result, String id, String type, ImageItem image, boolean minValue) {
    out.writeStartObject();
    if (!minValue) {
      out.writeStringProperty("id", id);
      out.writeStringProperty("type", type);
      out.writeStringProperty("from_name", result.field());
      out.writeStringProperty("to_name", toName(result.field(), image));
    }
    out.writeNumberProperty("original_width", image.width());
    out.writeNumberProperty("original_height", image.height());
    if (!minValue) {
      out.writeNumberProperty("image_rotation", 0);
      if (result.score().isPresent()) {
        out.writeNumberProperty("score", result.score().getAsDouble());
      }
      out.writeObjectPropertyStart("value");
    }
  }

  private static void end(JsonGenerator out, boolean minValue) {
    if (!minValue) {
      out.writeEndObject();
    }
    out.writeEndObject();
  }

  private static void labels(JsonGenerator out, String key, String label) {
    out.writeArrayPropertyStart(key);
    out.writeString(label);
    out.writeEndArray();
  }

  /**
   * The JSON-MIN records of a text or an audio item, as Label Studio's converter makes them ({@code
   * label_studio_sdk.converter}, {@code convert_to_json_min} and {@code prettify_result}): the
   * task's data, then per control the list of its results' values without their type; a control
   * with one {@code Choices} or {@code TextArea} result holds that value alone, and a value of one
   * choice or one text is collapsed to the string. Relations and a per-region text's region have no
   * place there (the converter keeps results with a {@code from_name}, and collapses the text), and
   * are reported.
   */
  private void writeMinMedia(JsonGenerator out, Item item, List<Annotation> humans) {
    LossObject where = LossObject.item(item.id());
    TextOffsets offsets = item instanceof TextItem text ? TextOffsets.of(text.text()) : null;
    if (humans.isEmpty()) {
      out.writeStartObject();
      minData(out, item, where);
      out.writeEndObject();
      context.wrote(1, 0);
      return;
    }
    for (Annotation annotation : humans) {
      out.writeStartObject();
      minData(out, item, where);
      Map<String, List<Result>> byField = new java.util.LinkedHashMap<>();
      boolean regions = false;
      for (Result result : annotation.results()) {
        LossObject here = where.withAnnotation(result.id());
        if (result.value() instanceof RelationValue) {
          context.lose(
              here,
              "relation dropped",
              "JSON-MIN keeps the values of controls; a relation is no control's");
          continue;
        }
        if (result.score().isPresent()) {
          context.lose(here, "score dropped", "JSON-MIN values have no score");
        }
        if (result.value() instanceof TranscriptionValue transcription
            && transcription.target().isPresent()) {
          context.lose(
              here,
              "transcription region dropped",
              "JSON-MIN collapses a text to its string, so it no longer names the region "
                  + transcription.target().get());
        }
        regions |=
            result.value() instanceof SpanValue || result.value() instanceof TimeSegmentValue;
        byField.computeIfAbsent(result.field(), f -> new ArrayList<>()).add(result);
      }
      if (regions) {
        context.lose(
            where.withAnnotation(annotation.id()),
            "region ids dropped",
            "JSON-MIN values have no ids; read back, they are <annotation>-<n>");
      }
      for (Map.Entry<String, List<Result>> field : byField.entrySet()) {
        List<Result> results = new ArrayList<>();
        for (Result result : field.getValue()) {
          if (minWritable(item, result, offsets, where.withAnnotation(result.id()))) {
            results.add(result);
          }
        }
        if (results.isEmpty()) {
          continue;
        }
        out.writeName(field.getKey());
        boolean alone =
            results.size() == 1
                && switch (results.get(0).value()) {
                  case ChoiceValue c -> true;
                  case MultipleChoiceValue c -> !taxonomy(field.getKey());
                  case FreeTextValue t -> true;
                  case TranscriptionValue t -> true;
                  default -> false;
                };
        if (!alone) {
          out.writeStartArray();
        }
        for (Result result : results) {
          minValue(out, result, offsets);
        }
        if (!alone) {
          out.writeEndArray();
        }
      }
      id(out, "annotator", annotation.annotatorId(), "");
      id(out, "annotation_id", annotation.id(), "");
      annotation.createdAt().ifPresent(t -> out.writeStringProperty("created_at", t.toString()));
      if (annotation.leadTimeSeconds().isPresent()) {
        out.writeNumberProperty("lead_time", annotation.leadTimeSeconds().getAsDouble());
      }
      reviewState(annotation, where);
      out.writeEndObject();
    }
    context.wrote(1, humans.size());
  }

  private boolean taxonomy(String fieldName) {
    return schema.field(fieldName).map(this::taxonomy).orElse(false);
  }

  /** Whether a result of a text or an audio has a JSON-MIN value; if not, reported. */
  private boolean minWritable(
      Item item, Result result, @Nullable TextOffsets offsets, LossObject where) {
    return switch (result.value()) {
      case SpanValue span when item instanceof TextItem -> {
        if (offsets == null || span.end() > offsets.length()) {
          context.lose(
              where.withSpan(span.start(), span.end()),
              "span outside the text dropped",
              "the span leaves the item's text");
          yield false;
        }
        yield true;
      }
      case TimeSegmentValue segment when item instanceof AudioItem -> true;
      case PreferenceValue preference when item instanceof ComparisonItem comparison ->
          minPairWritable(comparison, result.field(), preference, where);
      case RankingValue ranking when item instanceof ComparisonItem -> {
        rankerBucketWarning(result, ranking, where);
        yield true;
      }
      case ChoiceValue c -> true;
      case MultipleChoiceValue c -> true;
      case FreeTextValue t -> true;
      case TranscriptionValue t -> true;
      case RatingValue r -> true;
      default -> {
        context.lose(
            where,
            "result skipped",
            "a "
                + result.value().kind().jsonName()
                + " result has no place in a "
                + item.kind().jsonName()
                + " task");
        yield false;
      }
    };
  }

  /**
   * Whether a pairwise choice can be written to JSON-MIN, whose values have no {@code to_name}: a
   * reader takes the pair the config's {@code Pairwise} compares, else the first two responses. A
   * tie (Label Studio has none) and a choice between other responses are reported and skipped.
   */
  private boolean minPairWritable(
      ComparisonItem item, String field, PreferenceValue preference, LossObject where) {
    if (preference.verdict() == PreferenceValue.Verdict.TIE) {
      context.lose(
          where,
          "tie dropped",
          "Label Studio's pairwise choice picks left or right; it has no tie");
      return false;
    }
    List<String> pair = readPair(item, field);
    if (!pair.equals(List.of(preference.first(), preference.second()))) {
      context.lose(
          where,
          "result skipped",
          "a JSON-MIN pairwise value does not say which responses it compares: read back, it"
              + " compares "
              + pair
              + ", not ["
              + preference.first()
              + ", "
              + preference.second()
              + "]");
      return false;
    }
    return true;
  }

  /** The responses a reader of JSON-MIN takes a pairwise control to compare. */
  private List<String> readPair(ComparisonItem item, String field) {
    if (config != null) {
      Optional<LabelingConfig.Control> control = config.control(field);
      if (control.isPresent()) {
        List<String> ids = new ArrayList<>();
        for (String target : control.get().targets()) {
          LabelingConfig.DataObject object = config.objects().get(target);
          String key = object != null ? object.key() : target;
          if (item.response(key).isPresent() && !ids.contains(key)) {
            ids.add(key);
          }
        }
        if (ids.size() == 2) {
          return ids;
        }
      }
    }
    return List.of(item.responses().get(0).id(), item.responses().get(1).id());
  }

  /**
   * Reports a bucketed ranking that reads back as a plain one (its only bucket named as the field).
   */
  private void rankerBucketWarning(Result result, RankingValue ranking, LossObject where) {
    if (ranking.buckets().size() == 1 && ranking.buckets().get(0).name().equals(result.field())) {
      context.lose(
          where,
          "bucket read as a ranking",
          "a ranker result whose only key is the ranker's name is a plain ranking: the bucket \""
              + result.field()
              + "\" reads back as the order of its items");
    }
  }

  /** One JSON-MIN value: the result's {@code value} without ids, collapsed where the SDK does. */
  private void minValue(JsonGenerator out, Result result, @Nullable TextOffsets offsets) {
    switch (result.value()) {
      case SpanValue span -> {
        out.writeStartObject();
        out.writeNumberProperty("start", span.start());
        out.writeNumberProperty("end", span.end());
        out.writeStringProperty(
            "text", java.util.Objects.requireNonNull(offsets).substring(span.start(), span.end()));
        labels(out, "labels", span.label());
        out.writeEndObject();
      }
      case TimeSegmentValue segment -> {
        out.writeStartObject();
        out.writeNumberProperty("start", segment.start());
        out.writeNumberProperty("end", segment.end());
        out.writeNumberProperty("channel", 0);
        labels(out, "labels", segment.label());
        out.writeEndObject();
      }
      case ChoiceValue choice -> out.writeString(choice.label());
      case MultipleChoiceValue choices -> {
        Optional<Field> field = schema.field(result.field());
        if (field.isPresent() && taxonomy(field.get())) {
          out.writeStartObject();
          out.writeArrayPropertyStart("taxonomy");
          for (String label : choices.labels()) {
            out.writeStartArray();
            for (String node : TaskConverter.path(field.get(), label)) {
              out.writeString(node);
            }
            out.writeEndArray();
          }
          out.writeEndArray();
          out.writeEndObject();
        } else if (choices.labels().size() == 1) {
          out.writeString(choices.labels().get(0));
        } else {
          out.writeStartObject();
          out.writeArrayPropertyStart("choices");
          for (String label : choices.labels()) {
            out.writeString(label);
          }
          out.writeEndArray();
          out.writeEndObject();
        }
      }
      case FreeTextValue text -> out.writeString(text.text());
      case TranscriptionValue transcription -> out.writeString(transcription.text());
      case RatingValue rating -> {
        out.writeStartObject();
        double stars = rating.value();
        // Label Studio's ratings are whole stars, written as integers.
        if (stars == Math.rint(stars) && Math.abs(stars) < 1e15) {
          out.writeNumberProperty("rating", (long) stars);
        } else {
          out.writeNumberProperty("rating", stars);
        }
        out.writeEndObject();
      }
      case PreferenceValue preference -> {
        out.writeStartObject();
        out.writeStringProperty(
            "selected", preference.verdict() == PreferenceValue.Verdict.FIRST ? "left" : "right");
        out.writeEndObject();
      }
      case RankingValue ranking -> {
        out.writeStartObject();
        rankerValue(out, result.field(), ranking);
        out.writeEndObject();
      }
      default -> throw new IllegalStateException("not a JSON-MIN value: " + result.value());
    }
  }

  /**
   * The data of a JSON-MIN record of a text or an audio: its content, an audio's duration (as the
   * task's {@code duration}, which the reader takes for it), the metadata, the task's id.
   */
  private void minData(JsonGenerator out, Item item, LossObject where) {
    Set<String> taken = new java.util.HashSet<>(MinForm.RESERVED);
    switch (item) {
      case TextItem text -> {
        String key = dataKey(LabelingConfig.Media.TEXT, "text");
        out.writeStringProperty(key, text.text());
        taken.add(key);
        text.uri()
            .ifPresent(uri ->
                context.lose(
                    where,
                    "text location dropped",
                    "the record holds the text itself, not where it came from (" + uri + ")"));
      }
      case AudioItem audio -> {
        String key = dataKey(LabelingConfig.Media.AUDIO, "audio");
        out.writeStringProperty(key, audio.uri().toString());
        out.writeNumberProperty("duration", audio.durationSeconds());
        taken.add(key);
        taken.add("duration");
      }
      case ComparisonItem comparison -> {
        for (Field field : schema.fields()) {
          taken.add(field.name());
        }
        comparisonMembers(out, comparison, taken);
      }
      default -> throw new IllegalStateException("not a text or an audio: " + item.kind());
    }
    for (Field field : schema.fields()) {
      taken.add(field.name());
    }
    for (Map.Entry<String, String> entry : item.metadata().entrySet()) {
      if (taken.contains(entry.getKey())) {
        context.lose(
            where,
            "metadata dropped",
            "the metadata key \"" + entry.getKey() + "\" is taken in a JSON-MIN record");
        continue;
      }
      out.writeStringProperty(entry.getKey(), entry.getValue());
    }
    id(out, "id", item.id(), "");
  }

  // ------------------------------------------------------------------ JSON-MIN

  private void writeMin(
      JsonGenerator out, ImageItem image, List<Annotation> humans, List<Annotation> models) {
    for (Annotation model : models) {
      context.lose(
          LossObject.image(image.id()).withAnnotation(model.id()),
          "prediction dropped",
          "JSON-MIN holds annotations only");
    }
    if (humans.isEmpty()) {
      out.writeStartObject();
      data(out, image, true);
      id(out, "id", image.id(), "");
      out.writeNumberProperty("original_width", image.width());
      out.writeNumberProperty("original_height", image.height());
      out.writeEndObject();
      context.wrote(1, 0);
      return;
    }
    for (Annotation annotation : humans) {
      out.writeStartObject();
      data(out, image, true);
      id(out, "id", image.id(), "");
      out.writeNumberProperty("original_width", image.width());
      out.writeNumberProperty("original_height", image.height());
      Map<String, List<Result>> byField = new java.util.LinkedHashMap<>();
      for (Result result : annotation.results()) {
        byField.computeIfAbsent(result.field(), f -> new ArrayList<>()).add(result);
        if (result.score().isPresent()) {
          context.lose(
              LossObject.image(image.id()).withAnnotation(result.id()),
              "score dropped",
              "JSON-MIN values have no score");
        }
      }
      if (!annotation.results().isEmpty()) {
        context.lose(
            LossObject.image(image.id()).withAnnotation(annotation.id()),
            "region ids dropped",
            "JSON-MIN values have no ids");
      }
      for (Map.Entry<String, List<Result>> field : byField.entrySet()) {
        List<Result> results = field.getValue();
        out.writeName(field.getKey());
        if (results.size() == 1 && results.get(0).value() instanceof ChoiceValue choice) {
          out.writeString(choice.label());
          continue;
        }
        if (results.size() == 1 && results.get(0).value() instanceof MultipleChoiceValue choices) {
          out.writeStartObject();
          out.writeArrayPropertyStart("choices");
          for (String label : choices.labels()) {
            out.writeString(label);
          }
          out.writeEndArray();
          out.writeEndObject();
          continue;
        }
        out.writeStartArray();
        for (Result result : results) {
          resultObjects(out, image, result, true);
        }
        out.writeEndArray();
      }
      id(out, "annotator", annotation.annotatorId(), "");
      id(out, "annotation_id", annotation.id(), "");
      annotation.createdAt().ifPresent(t -> out.writeStringProperty("created_at", t.toString()));
      if (annotation.leadTimeSeconds().isPresent()) {
        out.writeNumberProperty("lead_time", annotation.leadTimeSeconds().getAsDouble());
      }
      out.writeEndObject();
    }
    context.wrote(1, humans.size());
  }

  private void data(JsonGenerator out, ImageItem image, boolean flat) {
    String key = imageKey();
    out.writeStringProperty(key, image.uri().toString());
    for (Map.Entry<String, String> entry : image.metadata().entrySet()) {
      if (entry.getKey().equals(key) || MinForm.RESERVED.contains(entry.getKey())) {
        context.lose(
            LossObject.image(image.id()),
            "metadata dropped",
            "the metadata key \"" + entry.getKey() + "\" is taken in a JSON-MIN record");
        continue;
      }
      out.writeStringProperty(entry.getKey(), entry.getValue());
    }
    assert flat;
  }
}
