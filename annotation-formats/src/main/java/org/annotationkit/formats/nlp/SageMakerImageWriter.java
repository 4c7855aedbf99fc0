package org.annotationkit.formats.nlp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeMap;
import org.annotationkit.core.annotation.Annotation;
import org.annotationkit.core.annotation.BoxValue;
import org.annotationkit.core.annotation.ChoiceValue;
import org.annotationkit.core.annotation.MaskValue;
import org.annotationkit.core.annotation.MultipleChoiceValue;
import org.annotationkit.core.annotation.Origin;
import org.annotationkit.core.annotation.Result;
import org.annotationkit.core.annotation.ReviewState;
import org.annotationkit.core.dataset.DatasetEntry;
import org.annotationkit.core.dataset.DatasetSource;
import org.annotationkit.core.geometry.Box;
import org.annotationkit.core.item.ImageItem;
import org.annotationkit.core.schema.Field;
import org.annotationkit.core.schema.Label;
import org.annotationkit.core.schema.Schema;
import org.annotationkit.formats.ConversionContext;
import org.annotationkit.formats.LossObject;
import org.annotationkit.formats.internal.ImageNames;
import org.annotationkit.formats.internal.IoMessages;
import org.annotationkit.formats.internal.Png;
import org.annotationkit.formats.internal.SafePaths;
import tools.jackson.core.JsonGenerator;

/**
 * Writes SageMaker Ground Truth image output manifests as the service does (see {@link
 * SageMakerImageFormat}): one line per image, its {@code source-ref} the image's URI, and for each
 * annotation one label attribute per kind of result with its {@code -metadata} object ({@code
 * type}, {@code job-name} = the annotator, {@code human-annotated} = {@code no} for a model's
 * annotation, {@code creation-date}, confidences from the result scores):
 *
 * <ul>
 *   <li>boxes: {@code groundtruth/object-detection} with {@code image_size}, {@code annotations} of
 *       {@code class_id, left, top, width, height}, and the metadata's {@code class-map} and {@code
 *       objects} (the confidences, written when every box has a score);
 *   <li>a single choice: {@code groundtruth/image-classification}, the class id as a string and
 *       {@code class-name}, or {@code groundtruth/label-verification} for the field {@value
 *       SageMakerImageFormat#VERIFICATION};
 *   <li>a multiple choice: {@code groundtruth/image-classification-multilabel}, the array of class
 *       ids and the {@code class-map};
 *   <li>masks: {@code groundtruth/semantic-segmentation}: the attribute (named {@code ...-ref})
 *       names an RGB PNG written beside the manifest, {@code <image stem>-<attribute>.png} (an
 *       existing file of that name is replaced), one colour per class and white for {@code
 *       BACKGROUND}, and the metadata's {@code internal-color-map} gives each class its colour.
 * </ul>
 *
 * Class ids are the positions of the labels in the schema's field (labels met only in annotations
 * after them). A label attribute is named after its results' ids when they share one (as the reader
 * names them), else after the field, numbered when taken. What a manifest cannot hold is reported:
 * rotation (the hull is written), box attributes, polygons, keypoints and other results, the image
 * size of a line without boxes or masks (reading it back needs the images or a sizes table),
 * overlapping masks (the later class wins the pixel), scores of unscored siblings, lead times and
 * review states, items that are not images.
 */
final class SageMakerImageWriter {
  private static final int WHITE = 0xFFFFFF;

  private final ConversionContext context;
  private final Path folder;
  private final Map<String, Map<String, Integer>> ids = new HashMap<>();
  private final Set<String> pngNames = new HashSet<>();
  private final List<Path> pngs = new ArrayList<>();

  private SageMakerImageWriter(Schema schema, Path output, ConversionContext context) {
    this.context = context;
    Path parent = output.toAbsolutePath().getParent();
    this.folder = parent == null ? Path.of("") : parent;
    for (Field field : schema.fields()) {
      Map<String, Integer> byLabel = new LinkedHashMap<>();
      for (Label label : field.labels().all()) {
        byLabel.putIfAbsent(label.name(), byLabel.size());
      }
      ids.put(field.name(), byLabel);
    }
  }

  static void write(DatasetSource source, Path output, ConversionContext context) {
    DatasetSource grouped = Texts.grouped(source);
    SageMakerImageWriter writer = new SageMakerImageWriter(grouped.schema(), output, context);
    boolean done = false;
    try {
      Writer out = Texts.utf8(output);
      while (grouped.hasNext()) {
        DatasetEntry entry = grouped.next();
        if (!(entry.item() instanceof ImageItem image)) {
          context.lose(
              LossObject.item(entry.item().id()),
              "item skipped",
              "a SageMaker image manifest holds images, not "
                  + entry.item().kind().jsonName()
                  + " items");
          continue;
        }
        Texts.line(out, writer.line(image, entry.annotations()));
      }
      Texts.close(out, output);
      done = true;
    } finally {
      if (!done) {
        for (Path png : writer.pngs) {
          try {
            Files.deleteIfExists(png);
          } catch (IOException e) {
            // Best effort: the conversion's own failure is what the caller sees.
          }
        }
      }
    }
  }

  /** One label attribute: its name, type and the results it holds. */
  private record Job(String attribute, String type, String field, List<Result> results) {}

  private String line(ImageItem image, List<Annotation> annotations) {
    String ref = image.uri().toString();
    LossObject where = LossObject.image(image.id());
    if (!ref.equals(image.id())) {
      context.lose(
          where,
          "item id replaced",
          "a manifest names an image by its source-ref only: the id is read back as " + ref);
    }
    if (!image.metadata().isEmpty()) {
      context.lose(
          where, "image metadata dropped", "a manifest line has no place for " + image.metadata());
    }
    Set<String> taken = new HashSet<>(List.of("source-ref"));
    List<Annotation> owners = new ArrayList<>();
    List<Job> jobs = new ArrayList<>();
    int results = 0;
    for (Annotation annotation : annotations) {
      LossObject at = where.withAnnotation(annotation.id());
      if (annotation.leadTimeSeconds().isPresent()
          || annotation.reviewState() != ReviewState.UNREVIEWED) {
        context.lose(
            at,
            "annotation metadata dropped",
            "a manifest has no place for the lead time or review state");
      }
      Map<String, List<Result>> byType = new LinkedHashMap<>();
      for (Result result : annotation.results()) {
        String type =
            switch (result.value()) {
              case BoxValue b -> SageMakerImageFormat.DETECTION;
              case ChoiceValue c ->
                  result.field().equals(SageMakerImageFormat.VERIFICATION)
                      ? SageMakerImageFormat.VERIFY
                      : SageMakerImageFormat.CLASSIFICATION;
              case MultipleChoiceValue m -> SageMakerImageFormat.MULTILABEL;
              case MaskValue m -> SageMakerImageFormat.SEGMENTATION;
              default -> "";
            };
        if (type.isEmpty()) {
          context.lose(
              at.withAnnotation(annotation.id() + "/" + result.id()),
              result.value().kind().jsonName() + " dropped",
              "SageMaker image jobs give boxes, classes and semantic masks, not "
                  + result.value().kind().jsonName()
                  + " results");
          continue;
        }
        boolean single =
            type.equals(SageMakerImageFormat.CLASSIFICATION)
                || type.equals(SageMakerImageFormat.VERIFY)
                || type.equals(SageMakerImageFormat.MULTILABEL);
        // One choice per job: a second choice of the same kind is a job of its own.
        String key = type + (single ? "\u0000" + result.field() + "\u0000" + result.id() : "");
        byType.computeIfAbsent(key, k -> new ArrayList<>()).add(result);
      }
      for (Map.Entry<String, List<Result>> group : byType.entrySet()) {
        List<Result> rs = group.getValue();
        String type = group.getKey().split("\u0000", -1)[0];
        String attribute = attribute(rs, type, taken);
        taken.add(attribute);
        taken.add(attribute + "-metadata");
        jobs.add(new Job(attribute, type, rs.get(0).field(), rs));
        owners.add(annotation);
        results += rs.size();
      }
    }
    int[] size = null;
    for (Job job : jobs) {
      if (job.type().equals(SageMakerImageFormat.DETECTION)
          || job.type().equals(SageMakerImageFormat.SEGMENTATION)) {
        size = new int[] {image.width(), image.height()};
      }
    }
    if (size == null) {
      context.lose(
          where,
          "image size dropped",
          "only box and segmentation jobs record the image's size: reading the manifest back needs"
              + " the images or a sizes table");
    }
    Map<Job, String> pngRefs = new HashMap<>();
    for (Job job : jobs) {
      if (job.type().equals(SageMakerImageFormat.SEGMENTATION)) {
        pngRefs.put(job, png(image, job, where));
      }
    }
    context.wrote(1, results);
    return Node.json(out -> {
      out.writeStartObject();
      out.writeName("source-ref");
      out.writeString(ref);
      for (int i = 0; i < jobs.size(); i++) {
        Job job = jobs.get(i);
        Annotation owner = owners.get(i);
        LossObject at = where.withAnnotation(owner.id());
        out.writeName(job.attribute());
        Map<Long, String> classMap = new TreeMap<>();
        OptionalDouble score = OptionalDouble.empty();
        switch (job.type()) {
          case SageMakerImageFormat.DETECTION -> detection(out, image, job, classMap, at);
          case SageMakerImageFormat.MULTILABEL -> {
            MultipleChoiceValue value = (MultipleChoiceValue) job.results().get(0).value();
            out.writeStartArray();
            for (String label : value.labels()) {
              long id = id(job.field(), label);
              classMap.put(id, label);
              out.writeNumber(id);
            }
            out.writeEndArray();
            score = job.results().get(0).score();
          }
          case SageMakerImageFormat.SEGMENTATION -> out.writeString(pngRefs.get(job));
          default -> {
            ChoiceValue value = (ChoiceValue) job.results().get(0).value();
            out.writeString(Long.toString(id(job.field(), value.label())));
            score = job.results().get(0).score();
          }
        }
        out.writeName(job.attribute() + "-metadata");
        out.writeStartObject();
        switch (job.type()) {
          case SageMakerImageFormat.DETECTION -> {
            List<OptionalDouble> scores = job.results().stream().map(Result::score).toList();
            boolean all = scores.stream().allMatch(OptionalDouble::isPresent);
            if (all && !scores.isEmpty()) {
              out.writeName("objects");
              out.writeStartArray();
              for (OptionalDouble s : scores) {
                out.writeStartObject();
                out.writeName("confidence");
                out.writeNumber(s.getAsDouble());
                out.writeEndObject();
              }
              out.writeEndArray();
            } else if (scores.stream().anyMatch(OptionalDouble::isPresent)) {
              context.lose(
                  at, "scores dropped", "the metadata gives a confidence to every box or none");
            }
            classMap(out, classMap);
          }
          case SageMakerImageFormat.MULTILABEL -> {
            classMap(out, classMap);
            if (score.isPresent()) {
              context.lose(
                  at,
                  "score dropped",
                  "a multi-label job gives a confidence per class (confidence-map), not one for"
                      + " the choice");
            }
          }
          case SageMakerImageFormat.SEGMENTATION -> colourMap(out, job, at);
          default -> {
            out.writeName("class-name");
            out.writeString(((ChoiceValue) job.results().get(0).value()).label());
            if (score.isPresent()) {
              out.writeName("confidence");
              out.writeNumber(score.getAsDouble());
            }
          }
        }
        out.writeName("type");
        out.writeString(job.type());
        out.writeName("job-name");
        out.writeString(owner.annotatorId());
        out.writeName("human-annotated");
        out.writeString(owner.origin() instanceof Origin.Model ? "no" : "yes");
        if (owner.createdAt().isPresent()) {
          out.writeName("creation-date");
          out.writeString(owner.createdAt().get().toString());
        }
        out.writeEndObject();
      }
      out.writeEndObject();
    });
  }

  /** The attribute: the results' shared id (or id prefix), else the field's name, numbered. */
  private static String attribute(List<Result> results, String type, Set<String> taken) {
    String shared = null;
    for (Result result : results) {
      String id = result.id();
      int slash = id.indexOf('/');
      String prefix = slash < 0 ? id : id.substring(0, slash);
      boolean region =
          type.equals(SageMakerImageFormat.DETECTION)
              || type.equals(SageMakerImageFormat.SEGMENTATION);
      if (region && slash < 0) {
        shared = null;
        break;
      }
      if (shared == null) {
        shared = prefix;
      } else if (!shared.equals(prefix)) {
        shared = null;
        break;
      }
    }
    if (shared != null
        && !shared.isEmpty()
        && !taken.contains(shared)
        && !shared.endsWith("-metadata")
        && !taken.contains(shared + "-metadata")) {
      return shared;
    }
    String base =
        results.get(0).field() + (type.equals(SageMakerImageFormat.SEGMENTATION) ? "-ref" : "");
    String name = base;
    for (int n = 2; taken.contains(name) || taken.contains(name + "-metadata"); n++) {
      name = base + "-" + n;
    }
    return name;
  }

  private long id(String field, String label) {
    Map<String, Integer> byLabel = ids.computeIfAbsent(field, f -> new LinkedHashMap<>());
    Integer id = byLabel.get(label);
    if (id == null) {
      id = byLabel.size();
      byLabel.put(label, id);
    }
    return id;
  }

  private void detection(
      JsonGenerator out, ImageItem image, Job job, Map<Long, String> classMap, LossObject at) {
    out.writeStartObject();
    out.writeName("image_size");
    out.writeStartArray();
    out.writeStartObject();
    out.writeName("width");
    out.writeNumber(image.width());
    out.writeName("height");
    out.writeNumber(image.height());
    out.writeName("depth");
    out.writeNumber(3);
    out.writeEndObject();
    out.writeEndArray();
    out.writeName("annotations");
    out.writeStartArray();
    for (Result result : job.results()) {
      BoxValue value = (BoxValue) result.value();
      Box box = value.box();
      LossObject about = at.withAnnotation(at.annotation().orElse("") + "/" + result.id());
      if (box.isRotated()) {
        context.lose(
            about,
            "rotation dropped",
            "SageMaker boxes are axis-aligned: the box rotated by "
                + box.rotation()
                + " degrees is written as its hull");
        box = box.bounds();
      }
      if (!value.attributes().isEmpty()) {
        context.lose(
            about,
            "attributes dropped",
            "a SageMaker box has no attributes: " + value.attributes().keySet());
      }
      long id = id(job.field(), value.label());
      classMap.put(id, value.label());
      out.writeStartObject();
      out.writeName("class_id");
      out.writeNumber(id);
      number(out, "left", box.x());
      number(out, "top", box.y());
      number(out, "width", box.width());
      number(out, "height", box.height());
      out.writeEndObject();
    }
    out.writeEndArray();
    out.writeEndObject();
  }

  /** A coordinate: an integer as one (the service writes whole pixels), else the double. */
  private static void number(JsonGenerator out, String name, double value) {
    out.writeName(name);
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      out.writeNumber((long) value);
    } else {
      out.writeNumber(value);
    }
  }

  private static void classMap(JsonGenerator out, Map<Long, String> classMap) {
    out.writeName("class-map");
    out.writeStartObject();
    for (Map.Entry<Long, String> entry : classMap.entrySet()) {
      out.writeName(Long.toString(entry.getKey()));
      out.writeString(entry.getValue());
    }
    out.writeEndObject();
  }

  /** The colour of class id {@code id}: distinct for distinct ids, never white. */
  static int colour(long id) {
    // The golden-ratio multiplier spreads consecutive ids over the colour cube; 24 bits of it are
    // a bijection of [0, 2^24), so two ids below 2^24 never share a colour, and white is skipped.
    int c = (int) (((id + 1) * 0x9E3779B1L) & 0xFFFFFF);
    return c == WHITE ? 0x000000 : c;
  }

  private void colourMap(JsonGenerator out, Job job, LossObject at) {
    out.writeName("internal-color-map");
    out.writeStartObject();
    out.writeName("0");
    out.writeStartObject();
    out.writeName("class-name");
    out.writeString("BACKGROUND");
    OptionalDouble first = OptionalDouble.empty();
    for (Result result : job.results()) {
      if (result.score().isPresent()) {
        first = result.score();
        break;
      }
    }
    if (first.isPresent()) {
      out.writeName("confidence");
      out.writeNumber(first.getAsDouble());
    }
    out.writeName("hex-color");
    out.writeString("#ffffff");
    out.writeEndObject();
    Map<Long, String> classes = new TreeMap<>();
    boolean differ = false;
    for (Result result : job.results()) {
      String label = ((MaskValue) result.value()).label();
      classes.put(id(job.field(), label) + 1, label);
      differ |= !result.score().equals(first);
    }
    if (differ) {
      context.lose(
          at,
          "scores dropped",
          "a segmentation job gives one confidence for all its classes: the first is written");
    }
    for (Map.Entry<Long, String> entry : classes.entrySet()) {
      out.writeName(Long.toString(entry.getKey()));
      out.writeStartObject();
      out.writeName("class-name");
      out.writeString(entry.getValue());
      if (first.isPresent()) {
        out.writeName("confidence");
        out.writeNumber(first.getAsDouble());
      }
      out.writeName("hex-color");
      out.writeString(String.format(java.util.Locale.ROOT, "#%06x", colour(entry.getKey())));
      out.writeEndObject();
    }
    out.writeEndObject();
  }

  /** Writes the job's masks as one PNG beside the manifest and returns its file name. */
  private String png(ImageItem image, Job job, LossObject where) {
    int width = image.width();
    int height = image.height();
    int[] rgb = new int[width * height];
    java.util.Arrays.fill(rgb, WHITE);
    boolean[] painted = new boolean[rgb.length];
    boolean overlap = false;
    for (Result result : job.results()) {
      MaskValue value = (MaskValue) result.value();
      if (value.mask().width() != width || value.mask().height() != height) {
        context.lose(
            where.withAnnotation(result.id()),
            "mask dropped",
            "the mask is "
                + value.mask().width()
                + " x "
                + value.mask().height()
                + ", the image "
                + width
                + " x "
                + height);
        continue;
      }
      if (!value.attributes().isEmpty()) {
        context.lose(
            where.withAnnotation(result.id()),
            "attributes dropped",
            "a semantic segmentation class has no attributes: " + value.attributes().keySet());
      }
      int colour = colour(id(job.field(), value.label()) + 1);
      boolean[] bitmap = value.mask().toBitmap();
      for (int i = 0; i < bitmap.length; i++) {
        if (bitmap[i]) {
          overlap |= painted[i];
          painted[i] = true;
          rgb[i] = colour;
        }
      }
    }
    if (overlap) {
      context.lose(
          where.withAnnotation(job.attribute()),
          "mask pixels dropped",
          "a semantic segmentation gives each pixel one class: where masks overlap, the later"
              + " class is written");
    }
    String stem = ImageNames.stem(SageMakerImageFormat.baseName(image.uri().toString()));
    String base = stem + "-" + job.attribute();
    String name = base + ".png";
    for (int n = 2; !pngNames.add(name); n++) {
      name = base + "-" + n + ".png";
    }
    Path file;
    try {
      file = SafePaths.resolve(folder, name);
    } catch (IllegalArgumentException e) {
      name = "mask-" + pngNames.size() + ".png";
      pngNames.add(name);
      file = folder.resolve(name);
    }
    try {
      Files.write(file, Png.encodeRgb(width, height, rgb));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + IoMessages.reason(e), e);
    }
    pngs.add(file);
    return name;
  }
}
