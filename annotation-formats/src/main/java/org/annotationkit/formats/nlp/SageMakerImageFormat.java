package org.annotationkit.formats.nlp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.annotationkit.core.annotation.Annotation;
import org.annotationkit.core.annotation.BoxValue;
import org.annotationkit.core.annotation.ChoiceValue;
import org.annotationkit.core.annotation.MaskValue;
import org.annotationkit.core.annotation.MultipleChoiceValue;
import org.annotationkit.core.annotation.Origin;
import org.annotationkit.core.annotation.Result;
import org.annotationkit.core.dataset.DatasetEntry;
import org.annotationkit.core.dataset.DatasetSource;
import org.annotationkit.core.geometry.Box;
import org.annotationkit.core.geometry.RleMask;
import org.annotationkit.core.io.FormatException;
import org.annotationkit.core.item.ImageItem;
import org.annotationkit.core.schema.Field;
import org.annotationkit.core.schema.FieldKind;
import org.annotationkit.core.schema.Schema;
import org.annotationkit.formats.ConversionContext;
import org.annotationkit.formats.LossObject;
import org.annotationkit.formats.internal.ImageNames;
import org.annotationkit.formats.internal.ImageSizes;
import org.annotationkit.formats.internal.IoMessages;
import org.annotationkit.formats.internal.Png;
import org.annotationkit.formats.internal.SafePaths;
import org.jspecify.annotations.Nullable;

/**
 * SageMaker Ground Truth image output manifests, {@code sagemaker}: JSON Lines, one image per line
 * ({@code source-ref}), with one label attribute per labeling job and its {@code -metadata}
 * companion, whose {@code type} says what the job was (docs.aws.amazon.com, SageMaker developer
 * guide, "Labeling job output data"). Every label attribute of a line is read, so a line that a
 * chain of jobs (labeling, adjustment, verification) labeled gives one annotation per job:
 *
 * <ul>
 *   <li>{@code groundtruth/object-detection}: {@code {image_size: [{width, height, depth}],
 *       annotations: [{class_id, left, top, width, height}]}} as boxes of the field {@value #BOX},
 *       in absolute pixels with a top-left origin (COCO's convention already), named by the
 *       metadata's {@code class-map}; each box's score is its {@code objects[i].confidence};
 *   <li>{@code groundtruth/image-classification}: the class id as a single choice of the field
 *       {@value #CLASS}, named by {@code class-name}, scored by {@code confidence};
 *   <li>{@code groundtruth/image-classification-multilabel}: the array of class ids as a multiple
 *       choice of the field {@value #TAGS}, named by {@code class-map} (the per-class {@code
 *       confidence-map} has no place in one choice: reported);
 *   <li>{@code groundtruth/semantic-segmentation}: the {@code -ref} attribute names a PNG whose
 *       colours the {@code internal-color-map} gives a class each ({@code hex-color}); the PNG is
 *       looked for by its file name in the images folder given, else beside the manifest, and each
 *       class but {@code BACKGROUND} becomes a mask of the field {@value #MASK}; pixels of colours
 *       the map does not name are reported;
 *   <li>{@code groundtruth/label-verification}: the verdict ({@code class-name}, such as {@code
 *       good} or {@code bad}) as a single choice of the field {@value #VERIFICATION}.
 * </ul>
 *
 * Labels are ordered by their class ids (the class maps of all lines together: each line's map
 * holds only the classes it uses). Each annotation is by the job ({@code job-name}, else the label
 * attribute), created at {@code creation-date}, and made by a model ({@code Origin.Model} named
 * after the job) when {@code human-annotated} is {@code no}. The image's id is its {@code
 * source-ref}; its size is the detection job's {@code image_size}, else the segmentation PNG's,
 * else the images folder's or the sizes table's (by file name). Label attributes of other types
 * (text spans, video, point clouds: see {@code sagemaker-ner} for text spans) are skipped and
 * reported, and so are lines without {@code source-ref}.
 *
 * <p>Writing gives the same lines as the service writes them, with their {@code -metadata} objects:
 * boxes as object detection, single choices as classification (or label verification for the field
 * {@value #VERIFICATION}), multiple choices as multi-label classification and masks as a semantic
 * segmentation whose RGB PNG is written beside the manifest; a manifest written and read back gives
 * the dataset read (see {@code SageMakerImageWriter} for naming and what is reported).
 *
 * @since 0.1.0
 */
public final class SageMakerImageFormat extends FileFormat {
  /** The field of boxes. */
  public static final String BOX = "box";

  /** The field of single-label classes. */
  public static final String CLASS = "class";

  /** The field of multi-label classes. */
  public static final String TAGS = "tags";

  /** The field of semantic segmentation masks. */
  public static final String MASK = "mask";

  /** The field of label verification verdicts. */
  public static final String VERIFICATION = "verification";

  static final String DETECTION = "groundtruth/object-detection";
  static final String CLASSIFICATION = "groundtruth/image-classification";
  static final String MULTILABEL = "groundtruth/image-classification-multilabel";
  static final String SEGMENTATION = "groundtruth/semantic-segmentation";
  static final String VERIFY = "groundtruth/label-verification";

  private static final Pattern IMAGE_TYPES =
      Pattern.compile(
          "\"groundtruth/(object-detection|image-classification|image-classification-multilabel"
              + "|semantic-segmentation)\"");
  private static final Pattern HEX = Pattern.compile("#?[0-9a-fA-F]{6}");

  /** Creates the format; {@link java.util.ServiceLoader} calls this. */
  public SageMakerImageFormat() {
    super(
        "sagemaker",
        "SageMaker Ground Truth image output manifests: boxes, classes, multi-label classes,"
            + " semantic segmentation, verification",
        List.of(),
        Reader::open,
        SageMakerImageWriter::write);
  }

  @Override
  public Detection detect(Path input) {
    return detect(input, false, IMAGE_TYPES, Detection.CERTAIN);
  }

  /** The two passes over a manifest: labels by class id first, then the entries. */
  private static final class Reader {
    private final Path input;
    private final ConversionContext context;
    private final ImageSizes sizes;
    private final Path pngFolder;

    /** Per field: class id to name, for the schema (first pass). */
    private final Map<String, TreeMap<Long, List<String>>> classes = new LinkedHashMap<>();

    /** Per field: the class names in order of first appearance, for classes without ids. */
    private final Map<String, List<String>> named = new LinkedHashMap<>();

    private @Nullable Schema schema;

    Reader(Path input, ConversionContext context) {
      this.input = input;
      this.context = context;
      Path parent = input.toAbsolutePath().getParent();
      Path folder = parent == null ? Path.of("") : parent;
      this.pngFolder = context.options().images().orElse(folder);
      this.sizes = ImageSizes.of(context.options().sizes(), context.options().images());
    }

    static DatasetSource open(Path input, ConversionContext context) {
      Reader reader = new Reader(input, context);
      try (JsonRecords first =
          new JsonRecords(
              input,
              ConversionContext.of(context.options(), 0),
              (record, index, c) -> reader.line(record, index, false))) {
        while (first.hasNext()) {
          first.next();
        }
      }
      Schema schema = reader.schema();
      reader.schema = schema;
      JsonRecords second =
          new JsonRecords(input, context, (record, index, c) -> reader.line(record, index, true));
      return new DatasetSource() {
        @Override
        public Schema schema() {
          return schema;
        }

        @Override
        public boolean grouped() {
          return false;
        }

        @Override
        public boolean hasNext() {
          return second.hasNext();
        }

        @Override
        public DatasetEntry next() {
          if (!second.hasNext()) {
            throw new NoSuchElementException("no more manifest lines in " + input);
          }
          return second.next();
        }

        @Override
        public void close() {
          second.close();
        }
      };
    }

    private Schema schema() {
      List<Field> fields = new ArrayList<>();
      for (String field : List.of(BOX, CLASS, TAGS, MASK, VERIFICATION)) {
        List<String> labels = new ArrayList<>();
        for (List<String> names : classes.getOrDefault(field, new TreeMap<>()).values()) {
          for (String name : names) {
            if (!labels.contains(name)) {
              labels.add(name);
            }
          }
        }
        for (String name : named.getOrDefault(field, List.of())) {
          if (!labels.contains(name)) {
            labels.add(name);
          }
        }
        if (labels.isEmpty()) {
          continue;
        }
        FieldKind kind =
            switch (field) {
              case BOX -> FieldKind.BOX;
              case CLASS, VERIFICATION -> FieldKind.SINGLE_CHOICE;
              case TAGS -> FieldKind.MULTIPLE_CHOICE;
              default -> FieldKind.MASK;
            };
        try {
          fields.add(Field.builder(field, kind).labels(labels.toArray(String[]::new)).build());
        } catch (IllegalArgumentException e) {
          throw FormatException.at(
              "the class names of " + field + " do not make a valid schema: " + e.getMessage(),
              FormatException.Location.of(input.toString(), 0, 0));
        }
      }
      if (fields.isEmpty()) {
        fields.add(Field.builder(BOX, FieldKind.BOX).labels("object").build());
      }
      return Schema.of("sagemaker", fields.toArray(Field[]::new));
    }

    /** Notes a class of a field; {@code id} is null when the manifest gives none. */
    private void note(String field, @Nullable Long id, String name) {
      if (id == null) {
        named.computeIfAbsent(field, f -> new ArrayList<>()).add(name);
      } else {
        List<String> names =
            classes
                .computeIfAbsent(field, f -> new TreeMap<>())
                .computeIfAbsent(id, i -> new ArrayList<>());
        if (!names.contains(name)) {
          names.add(name);
        }
      }
    }

    List<DatasetEntry> line(Node record, int index, boolean second) {
      if (!record.isObject()) {
        throw record.error("expected a manifest line (a JSON object)");
      }
      LossObject where = LossObject.line(record.line());
      Optional<Node> ref = record.get("source-ref");
      if (ref.isEmpty()) {
        if (second) {
          context.lose(
              where,
              "line skipped",
              record.get("source").isPresent()
                  ? "the line holds a text (source), not an image; read text manifests as"
                      + " sagemaker-ner"
                  : "the line has no source-ref naming its image");
        }
        return List.of();
      }
      String id = ref.get().string();
      if (id.isEmpty()) {
        throw ref.get().error("source-ref is empty");
      }
      where = where.withImage(id);
      Map<String, Node> members = record.members();
      int[] size = null;
      List<Annotation> annotations = new ArrayList<>();
      List<Pending> segmentations = new ArrayList<>();
      for (Map.Entry<String, Node> member : members.entrySet()) {
        String attribute = member.getKey();
        Node metadata = members.get(attribute + "-metadata");
        if (attribute.endsWith("-metadata") || attribute.equals("source-ref") || metadata == null) {
          continue;
        }
        if (!metadata.isObject()) {
          throw metadata.error("the label attribute's metadata must be an object");
        }
        String type = metadata.get("type").map(Node::string).orElse("");
        Node value = member.getValue();
        LossObject at = where.withAnnotation(attribute);
        switch (type) {
          case DETECTION -> {
            if (value.get("image_size").isPresent()) {
              List<Node> sizes = value.need("image_size").elements();
              if (!sizes.isEmpty()) {
                int w = sizes.get(0).need("width").integer();
                int h = sizes.get(0).need("height").integer();
                if (w <= 0 || h <= 0) {
                  throw sizes.get(0).error("the image size must be positive, got " + w + " x " + h);
                }
                size = new int[] {w, h};
              }
            }
            annotations.add(detection(attribute, value, metadata, index, at, second));
          }
          case CLASSIFICATION, VERIFY -> {
            String field = type.equals(VERIFY) ? VERIFICATION : CLASS;
            String name = metadata.need("class-name").string();
            if (name.isEmpty()) {
              throw metadata.need("class-name").error("class-name is empty");
            }
            note(field, classId(value), name);
            Annotation.Builder annotation = annotation(attribute, metadata, index, at);
            annotation.result(
                new Result(attribute, field, new ChoiceValue(name), confidence(metadata)));
            annotations.add(annotation.build());
          }
          case MULTILABEL ->
              annotations.add(multilabel(attribute, value, metadata, index, at, second));
          case SEGMENTATION -> segmentations.add(new Pending(attribute, value, metadata, at));
          default -> {
            if (second) {
              context.lose(
                  at,
                  "label attribute skipped",
                  type.isEmpty()
                      ? "its metadata has no type"
                      : "the job type " + type + " is not an image job this format reads");
            }
          }
        }
      }
      for (Pending pending : segmentations) {
        Optional<Png.Image> png = png(pending, second);
        if (png.isEmpty()) {
          continue;
        }
        if (size == null) {
          size = new int[] {png.get().width(), png.get().height()};
        }
        annotations.add(segmentation(pending, png.get(), size, index, second));
      }
      if (size == null) {
        String name = baseName(id);
        Optional<ImageSizes.Found> found = sizes.find(ImageNames.stem(name));
        if (found.isEmpty()) {
          throw record.error(
              "the size of the image "
                  + id
                  + " is unknown: no detection job gives its image_size; give the images folder"
                  + " or a sizes table");
        }
        size = new int[] {found.get().width(), found.get().height()};
      }
      if (!second) {
        return List.of();
      }
      ImageItem item = new ImageItem(id, uri(id), size[0], size[1]);
      return List.of(new DatasetEntry(item, annotations));
    }

    private record Pending(String attribute, Node value, Node metadata, LossObject at) {}

    private Annotation detection(
        String attribute, Node value, Node metadata, int index, LossObject at, boolean second) {
      Map<Long, String> classMap = classMap(metadata);
      List<Node> objects = metadata.get("objects").map(Node::elements).orElse(List.of());
      Annotation.Builder annotation = annotation(attribute, metadata, index, at);
      int n = 0;
      List<Node> boxes = value.get("annotations").map(Node::elements).orElse(List.of());
      for (Node box : boxes) {
        long classId = box.need("class_id").integer();
        String name = classMap.get(classId);
        if (name == null) {
          throw box.need("class_id")
              .error(
                  "the class id "
                      + classId
                      + " is not in the metadata's class-map "
                      + classMap.keySet());
        }
        double left = box.need("left").number();
        double top = box.need("top").number();
        double width = box.need("width").number();
        double height = box.need("height").number();
        if (width < 0 || height < 0) {
          throw box.error("a box's width and height must be >= 0, got " + width + " x " + height);
        }
        OptionalDouble score = OptionalDouble.empty();
        if (n < objects.size()) {
          Optional<Node> confidence = objects.get(n).get("confidence");
          if (confidence.isPresent()) {
            score = OptionalDouble.of(confidence.get().number());
          }
        }
        note(BOX, classId, name);
        n++;
        annotation.result(
            new Result(
                attribute + "/" + n,
                BOX,
                new BoxValue(name, Box.of(left, top, width, height)),
                score));
      }
      if (second && !objects.isEmpty() && objects.size() != boxes.size()) {
        context.lose(
            at,
            "confidences dropped",
            "the metadata has "
                + objects.size()
                + " objects for "
                + boxes.size()
                + " boxes, so confidences past the boxes are not read");
      }
      return annotation.build();
    }

    private Annotation multilabel(
        String attribute, Node value, Node metadata, int index, LossObject at, boolean second) {
      Map<Long, String> classMap = classMap(metadata);
      List<String> chosen = new ArrayList<>();
      for (Node element : value.elements()) {
        long classId = classId(element);
        String name = classMap.get(classId);
        if (name == null) {
          throw element.error(
              "the class id "
                  + classId
                  + " is not in the metadata's class-map "
                  + classMap.keySet());
        }
        note(TAGS, classId, name);
        if (!chosen.contains(name)) {
          chosen.add(name);
        }
      }
      for (Map.Entry<Long, String> entry : classMap.entrySet()) {
        note(TAGS, entry.getKey(), entry.getValue());
      }
      if (second && metadata.get("confidence-map").isPresent()) {
        context.lose(
            at,
            "confidences dropped",
            "a multiple choice has one score, not one per class as the confidence-map gives");
      }
      Annotation.Builder annotation = annotation(attribute, metadata, index, at);
      annotation.result(attribute, TAGS, new MultipleChoiceValue(chosen));
      return annotation.build();
    }

    /** Reads the PNG a segmentation job points to, or reports why it is not read. */
    private Optional<Png.Image> png(Pending pending, boolean second) {
      String ref = pending.value().string();
      String name = baseName(ref);
      Path file;
      try {
        file = SafePaths.resolve(pngFolder, name);
      } catch (IllegalArgumentException e) {
        throw pending.value().error(String.valueOf(e.getMessage()));
      }
      if (!Files.isRegularFile(file)) {
        if (second) {
          context.lose(
              pending.at(),
              "segmentation skipped",
              "its PNG "
                  + name
                  + " is not in "
                  + pngFolder
                  + " (the label is in S3, which is not fetched: download it there, or give the"
                  + " images folder)");
        }
        return Optional.empty();
      }
      try {
        return Optional.of(Png.decode(Files.readAllBytes(file), file.toString()));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + file + ": " + IoMessages.reason(e), e);
      }
    }

    private Annotation segmentation(
        Pending pending, Png.Image png, int[] size, int index, boolean second) {
      Node colours = pending.metadata().need("internal-color-map");
      Map<Integer, String> byColour = new HashMap<>();
      Map<String, Long> ids = new LinkedHashMap<>();
      for (Map.Entry<String, Node> entry : colours.members().entrySet()) {
        Long classId = parseId(entry.getKey());
        Node spec = entry.getValue();
        String name = spec.need("class-name").string();
        String hex = spec.need("hex-color").string();
        if (!HEX.matcher(hex).matches()) {
          throw spec.need("hex-color").error("hex-color must be #rrggbb, got '" + hex + "'");
        }
        int rgb = Integer.parseInt(hex.startsWith("#") ? hex.substring(1) : hex, 16);
        byColour.put(rgb, name);
        if (!name.equals("BACKGROUND")) {
          ids.put(name, classId);
          note(MASK, classId, name);
        }
      }
      Annotation.Builder annotation =
          annotation(pending.attribute(), pending.metadata(), index, pending.at());
      if (png.width() != size[0] || png.height() != size[1]) {
        throw pending
            .value()
            .error(
                "the segmentation PNG is "
                    + png.width()
                    + " x "
                    + png.height()
                    + ", the image "
                    + size[0]
                    + " x "
                    + size[1]);
      }
      Map<String, boolean[]> masks = new LinkedHashMap<>();
      long unknown = 0;
      int[] rgb = png.rgb();
      for (int i = 0; i < rgb.length; i++) {
        String name = byColour.get(rgb[i]);
        if (name == null) {
          unknown++;
        } else if (!name.equals("BACKGROUND")) {
          masks.computeIfAbsent(name, k -> new boolean[rgb.length])[i] = true;
        }
      }
      if (second && unknown > 0) {
        context.lose(
            pending.at(),
            "pixels dropped",
            unknown + " pixels have colours that the internal-color-map does not name");
      }
      OptionalDouble score = confidence(pending.metadata());
      for (String name : ids.keySet()) {
        boolean[] bitmap = masks.get(name);
        if (bitmap == null) {
          continue;
        }
        annotation.result(
            new Result(
                pending.attribute() + "/" + name,
                MASK,
                new MaskValue(name, RleMask.fromBitmap(png.height(), png.width(), bitmap)),
                firstConfidence(colours, score)));
      }
      return annotation.build();
    }

    /** The confidence of the map's first class: the docs say it is the same for every class. */
    private static OptionalDouble firstConfidence(Node colours, OptionalDouble otherwise) {
      for (Node spec : colours.members().values()) {
        Optional<Node> confidence = spec.get("confidence");
        if (confidence.isPresent()) {
          return OptionalDouble.of(confidence.get().number());
        }
      }
      return otherwise;
    }

    private Annotation.Builder annotation(
        String attribute, Node metadata, int index, LossObject at) {
      String item = at.image().orElseThrow();
      String job =
          metadata.get("job-name").map(Node::string).filter(s -> !s.isEmpty()).orElse(attribute);
      Annotation.Builder annotation = Annotation.builder(index + "/" + attribute, item, job);
      Optional<Node> created = metadata.get("creation-date");
      if (created.isPresent()) {
        String date = created.get().string();
        Optional<Instant> instant = instant(date);
        if (instant.isPresent()) {
          annotation.createdAt(instant.get());
        } else if (schema != null) {
          context.lose(
              at, "creation date dropped", "'" + date + "' is not an ISO-8601 date and time");
        }
      }
      Optional<Node> human = metadata.get("human-annotated");
      if (human.isPresent() && human.get().string().equalsIgnoreCase("no")) {
        annotation.origin(new Origin.Model(job, "groundtruth-automated-labeling"));
      }
      return annotation;
    }

    /** SageMaker's dates: ISO-8601 with or without a zone ({@code Z}, {@code +0000}). */
    static Optional<Instant> instant(String date) {
      String text = date.strip();
      if (text.matches(".*[+-]\\d{4}$")) {
        text = text.substring(0, text.length() - 2) + ":" + text.substring(text.length() - 2);
      }
      try {
        return Optional.of(java.time.OffsetDateTime.parse(text).toInstant());
      } catch (DateTimeParseException e) {
        try {
          return Optional.of(
              java.time.LocalDateTime.parse(text).toInstant(java.time.ZoneOffset.UTC));
        } catch (DateTimeParseException again) {
          return Optional.empty();
        }
      }
    }

    private static OptionalDouble confidence(Node metadata) {
      Optional<Node> confidence = metadata.get("confidence");
      return confidence.isPresent()
          ? OptionalDouble.of(confidence.get().number())
          : OptionalDouble.empty();
    }

    private static Map<Long, String> classMap(Node metadata) {
      Map<Long, String> map = new TreeMap<>();
      Optional<Node> classMap = metadata.get("class-map");
      if (classMap.isEmpty()) {
        return map;
      }
      for (Map.Entry<String, Node> entry : classMap.get().members().entrySet()) {
        Long id = parseId(entry.getKey());
        if (id == null) {
          throw entry
              .getValue()
              .error("a class-map key must be a class id, got '" + entry.getKey() + "'");
        }
        String name = entry.getValue().string();
        if (name.isEmpty()) {
          throw entry.getValue().error("a class name is empty");
        }
        map.put(id, name);
      }
      return map;
    }

    private static @Nullable Long parseId(String text) {
      try {
        return Long.parseLong(text.strip());
      } catch (NumberFormatException e) {
        return null;
      }
    }

    /** A class id given as a number or as the string of one ("0" in the docs' examples). */
    private static long classId(Node value) {
      if (value.isString()) {
        Long id = parseId(value.string());
        if (id == null) {
          throw value.error("expected a class id, got '" + value.string() + "'");
        }
        return id;
      }
      return value.integer();
    }
  }

  static String baseName(String ref) {
    String path = ref;
    int query = path.indexOf('?');
    if (query >= 0) {
      path = path.substring(0, query);
    }
    path = path.replace('\\', '/');
    String name = path.substring(path.lastIndexOf('/') + 1);
    return name.isEmpty() ? ref : name;
  }

  static URI uri(String ref) {
    try {
      URI uri = new URI(ref);
      if (uri.isAbsolute() || uri.getPath() != null) {
        return uri;
      }
    } catch (URISyntaxException e) {
      // Not a URI as written (spaces, say): the file name as a relative URI, below.
    }
    try {
      return ImageNames.relativeUri(baseName(ref));
    } catch (IllegalArgumentException e) {
      return URI.create("image");
    }
  }
}
