package org.annotationkit.formats.coco.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.annotationkit.core.io.FormatException;
import org.annotationkit.core.item.ImageItem;
import org.annotationkit.core.schema.Schema;
import org.annotationkit.core.schema.Skeleton;
import org.annotationkit.formats.ConversionContext;
import org.annotationkit.formats.LossObject;
import org.annotationkit.formats.internal.JsonInput;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonToken;

/**
 * What the first pass over a COCO file keeps: its images, its categories in id order and the schema
 * they make. The annotations are skipped here and read by the second pass, so the file's sections
 * may come in any order.
 */
final class CocoHeader {
  /** The images in file order, by the text of their id. */
  final Map<String, ImageItem> images;

  /** The file name of each image, by the text of its id (for loss reports). */
  final Map<String, String> fileNames;

  /** The categories in id order. */
  final List<CocoCategory> categories;

  /** The rank of each category (its index in {@link #categories}), by id. */
  final Map<Long, Integer> ranks;

  final Schema schema;
  final boolean hasAnnotations;

  private CocoHeader(
      Map<String, ImageItem> images,
      Map<String, String> fileNames,
      List<CocoCategory> categories,
      Map<Long, Integer> ranks,
      Schema schema,
      boolean hasAnnotations) {
    this.images = images;
    this.fileNames = fileNames;
    this.categories = categories;
    this.ranks = ranks;
    this.schema = schema;
    this.hasAnnotations = hasAnnotations;
  }

  /**
   * Reads the header of a COCO file: everything but the annotations. The annotations list is
   * skipped by a scan of its bytes ({@link AnnotationsSpan}) when the scan finds it; an error met
   * then is raised from a read of the whole file, so that its line and column are the file's.
   */
  static CocoHeader read(Path file, ConversionContext context) {
    AnnotationsSpan span = AnnotationsSpan.find(file);
    if (span != null) {
      ConversionContext scratch = ConversionContext.of(context.options());
      CocoHeader header;
      try (JsonInput in = JsonInput.of(span.withoutAnnotations(file), file.toString())) {
        header = new Pass(in, scratch).read();
      } catch (FormatException e) {
        header = null;
      }
      if (header != null) {
        scratch.report().losses().forEach(context::lose);
        return header;
      }
    }
    try (JsonInput in = JsonInput.open(file)) {
      return new Pass(in, context).read();
    }
  }

  /** One read of the file. */
  private static final class Pass {
    private final JsonInput in;
    private final ConversionContext context;
    private final Map<String, ImageItem> images = new LinkedHashMap<>();
    private final Map<String, String> fileNames = new HashMap<>();
    private final List<Category> categories = new ArrayList<>();
    private Optional<String> description = Optional.empty();

    Pass(JsonInput in, ConversionContext context) {
      this.in = in;
      this.context = context;
    }

    CocoHeader read() {
      JsonToken token = in.next();
      if (token == null) {
        throw in.error(
            "the file is empty: a COCO file is a JSON object with \"images\", \"annotations\""
                + " and \"categories\"");
      }
      if (token != JsonToken.START_OBJECT) {
        throw in.error(
            "a COCO file is a JSON object with \"images\", \"annotations\" and \"categories\";"
                + " this one starts with "
                + Json.describe(token)
                + (token == JsonToken.START_ARRAY
                    ? " (a COCO results file, a bare list of annotations, has no images: it is"
                        + " not a dataset)"
                    : ""));
      }
      Set<String> seen = new HashSet<>();
      boolean annotations = false;
      boolean sawImages = false;
      boolean sawCategories = false;
      while ((token = in.next()) == JsonToken.PROPERTY_NAME) {
        String key = in.parser().currentName();
        Json.value(in);
        if (!seen.add(key)) {
          throw in.error("the key \"" + key + "\" appears twice in the COCO object");
        }
        switch (key) {
          case "images" -> {
            images();
            sawImages = true;
          }
          case "categories" -> {
            categories();
            sawCategories = true;
          }
          case "annotations" -> {
            Json.expect(in, JsonToken.START_ARRAY, "\"annotations\" must be a list of objects");
            in.skip();
            annotations = true;
          }
          case "info" -> info();
          case "licenses" -> licenses();
          default -> {
            in.skip();
            context.lose(
                LossObject.input(),
                "COCO key dropped",
                "the top-level key \"" + key + "\" has no place in the model");
          }
        }
      }
      Json.endOfObject(in, token);
      if (in.next() != null) {
        throw in.error("there is more after the COCO object: a COCO file holds one JSON object");
      }
      if (!sawImages) {
        throw in.error("the COCO object has no \"images\": a COCO file lists its images");
      }
      if (!sawCategories) {
        throw in.error("the COCO object has no \"categories\": a COCO file lists its categories");
      }
      if (categories.isEmpty()) {
        throw in.error(
            "\"categories\" is empty: a COCO file needs at least one category for its schema");
      }
      categories.sort(Comparator.comparingLong(Category::id));
      List<CocoCategory> ordered = new ArrayList<>(categories.size());
      Map<Long, Integer> ranks = new HashMap<>();
      for (int rank = 0; rank < categories.size(); rank++) {
        Category category = categories.get(rank);
        ordered.add(category.category());
        ranks.put(category.id(), rank);
        if (category.id() != rank + 1) {
          context.lose(
              LossObject.input(),
              "category id dropped",
              "category "
                  + Json.quote(category.category().name())
                  + " has id "
                  + category.id()
                  + ": categories keep their order by id, and a COCO file written from the model"
                  + " numbers them 1..N (this one becomes "
                  + (rank + 1)
                  + ")");
        }
      }
      Schema schema;
      try {
        schema = CocoSchema.of(ordered, description);
      } catch (IllegalArgumentException e) {
        throw FormatException.at(
            "the categories do not make a schema: " + e.getMessage(),
            new FormatException.Location(
                Optional.of(in.source()), 0, 0, Optional.of("/categories")),
            e);
      }
      return new CocoHeader(images, fileNames, ordered, ranks, schema, annotations);
    }

    private void info() {
      if (in.parser().currentToken() != JsonToken.START_OBJECT) {
        in.skip();
        context.lose(LossObject.input(), "info dropped", "\"info\" is not an object");
        return;
      }
      JsonToken token;
      while ((token = in.next()) == JsonToken.PROPERTY_NAME) {
        String key = in.parser().currentName();
        JsonToken value = Json.value(in);
        if (key.equals("description") && value == JsonToken.VALUE_STRING) {
          description = Optional.of(in.parser().getString());
        } else {
          boolean empty = value == JsonToken.VALUE_STRING && in.parser().getString().isEmpty();
          in.skip();
          if (!empty && value != JsonToken.VALUE_NULL) {
            context.lose(
                LossObject.input(),
                "info dropped",
                "info." + key + " has no place in the model (info.description is the schema's)");
          }
        }
      }
      Json.endOfObject(in, token);
    }

    private void licenses() {
      if (in.parser().currentToken() != JsonToken.START_ARRAY) {
        in.skip();
        context.lose(LossObject.input(), "licenses dropped", "\"licenses\" is not a list");
        return;
      }
      int count = 0;
      while (in.next() != JsonToken.END_ARRAY) {
        in.skip();
        count++;
      }
      if (count > 0) {
        context.lose(
            LossObject.input(),
            "licenses dropped",
            count + (count == 1 ? " licence" : " licences") + " with no place in the model");
      }
    }

    private void images() {
      Json.expect(in, JsonToken.START_ARRAY, "\"images\" must be a list of objects");
      JsonToken token;
      while ((token = in.next()) != JsonToken.END_ARRAY) {
        if (token != JsonToken.START_OBJECT) {
          throw in.error("an image must be an object, got " + Json.describe(token));
        }
        image();
      }
    }

    private void image() {
      String id = null;
      String fileName = null;
      long width = -1;
      long height = -1;
      Map<String, String> metadata = new LinkedHashMap<>();
      JsonToken token;
      while ((token = in.next()) == JsonToken.PROPERTY_NAME) {
        String key = in.parser().currentName();
        JsonToken value = Json.value(in);
        switch (key) {
          case "id" -> id = Json.id(in, "the image's \"id\"");
          case "file_name" -> fileName = Json.string(in, "\"file_name\"");
          case "width" -> width = Json.positiveInt(in, "the image's \"width\"");
          case "height" -> height = Json.positiveInt(in, "the image's \"height\"");
          default -> {
            if (value.isScalarValue() && value != JsonToken.VALUE_NULL) {
              metadata.put(key, in.parser().getString());
            } else {
              in.skip();
              context.lose(
                  LossObject.image(fileName != null ? fileName : String.valueOf(id)),
                  "image field dropped",
                  "\"" + key + "\" is " + Json.describe(value) + ": metadata holds only scalars");
            }
          }
        }
      }
      Json.endOfObject(in, token);
      if (id == null) {
        throw in.error("the image has no \"id\"");
      }
      if (fileName == null) {
        throw in.error("image " + id + " has no \"file_name\"");
      }
      if (width < 0 || height < 0) {
        throw in.error(
            "image "
                + id
                + " has no "
                + (width < 0 ? "\"width\"" : "\"height\"")
                + ": COCO"
                + " images give their size");
      }
      URI uri;
      try {
        uri = new URI(null, null, fileName, null);
      } catch (URISyntaxException e) {
        throw in.error(
            "image "
                + id
                + ": the file name "
                + Json.quote(fileName)
                + " is not a path: "
                + e.getReason());
      }
      ImageItem item;
      try {
        item = new ImageItem(id, uri, (int) width, (int) height, metadata);
      } catch (IllegalArgumentException e) {
        throw in.error("image " + id + ": " + e.getMessage());
      }
      if (images.putIfAbsent(id, item) != null) {
        throw in.error("the image id " + id + " appears twice in \"images\"");
      }
      fileNames.put(id, fileName);
    }

    private void categories() {
      Json.expect(in, JsonToken.START_ARRAY, "\"categories\" must be a list of objects");
      Set<Long> ids = new HashSet<>();
      Set<String> names = new HashSet<>();
      JsonToken token;
      while ((token = in.next()) != JsonToken.END_ARRAY) {
        if (token != JsonToken.START_OBJECT) {
          throw in.error("a category must be an object, got " + Json.describe(token));
        }
        Category category = category();
        if (!ids.add(category.id())) {
          throw in.error("the category id " + category.id() + " appears twice in \"categories\"");
        }
        if (!names.add(category.category().name())) {
          throw in.error(
              "the category name "
                  + Json.quote(category.category().name())
                  + " appears twice in \"categories\": names must tell categories apart");
        }
        categories.add(category);
      }
    }

    private Category category() {
      Long id = null;
      String name = null;
      String color = null;
      List<String> keypoints = List.of();
      List<long[]> skeleton = List.of();
      FormatException.Location skeletonAt = null;
      JsonToken token;
      while ((token = in.next()) == JsonToken.PROPERTY_NAME) {
        String key = in.parser().currentName();
        JsonToken value = Json.value(in);
        switch (key) {
          case "id" -> id = Json.integer(in, "the category's \"id\"");
          case "name" -> name = Json.string(in, "the category's \"name\"");
          case "keypoints" -> keypoints = strings("\"keypoints\" of a category");
          case "skeleton" -> {
            skeletonAt = in.here();
            skeleton = pairs();
          }
          case "supercategory" -> {
            String text = value == JsonToken.VALUE_STRING ? in.parser().getString() : null;
            in.skip();
            if (text == null || !text.isEmpty()) {
              context.lose(
                  LossObject.input(),
                  "supercategory dropped",
                  "category "
                      + Json.quote(String.valueOf(name))
                      + " has the supercategory "
                      + (text == null ? Json.describe(value) : Json.quote(text))
                      + ": the model's labels have no supercategory");
            }
          }
          case "color" -> {
            String text = value == JsonToken.VALUE_STRING ? in.parser().getString() : null;
            if (text != null && Json.isColor(text)) {
              color = text;
            } else {
              in.skip();
              context.lose(
                  LossObject.input(),
                  "category field dropped",
                  "category " + Json.quote(String.valueOf(name)) + ": the colour is not #rrggbb");
            }
          }
          default -> {
            in.skip();
            if (!isEmpty(value)) {
              context.lose(
                  LossObject.input(),
                  "category field dropped",
                  "category "
                      + Json.quote(String.valueOf(name))
                      + ": \""
                      + key
                      + "\" has no place in the model");
            }
          }
        }
      }
      Json.endOfObject(in, token);
      if (id == null) {
        throw in.error("the category has no \"id\"");
      }
      if (name == null) {
        throw in.error("category " + id + " has no \"name\"");
      }
      if (new HashSet<>(keypoints).size() != keypoints.size()) {
        throw in.error(
            "category " + Json.quote(name) + " names a keypoint twice: keypoint names are unique");
      }
      List<Skeleton.Edge> edges = new ArrayList<>();
      Set<List<Long>> pairs = new HashSet<>();
      for (long[] pair : skeleton) {
        for (long end : pair) {
          if (end < 1 || end > keypoints.size()) {
            throw FormatException.at(
                "category "
                    + Json.quote(name)
                    + ": the skeleton joins keypoint "
                    + end
                    + ", but the category has "
                    + keypoints.size()
                    + " keypoints (skeleton entries count from 1)",
                java.util.Objects.requireNonNull(skeletonAt));
          }
        }
        long low = Math.min(pair[0], pair[1]);
        long high = Math.max(pair[0], pair[1]);
        if (low == high || !pairs.add(List.of(low, high))) {
          context.lose(
              LossObject.input(),
              "skeleton edge dropped",
              "category "
                  + Json.quote(name)
                  + ": the edge ["
                  + pair[0]
                  + ", "
                  + pair[1]
                  + "] "
                  + (low == high ? "joins a keypoint to itself" : "is given twice"));
          continue;
        }
        edges.add(
            new Skeleton.Edge(keypoints.get((int) pair[0] - 1), keypoints.get((int) pair[1] - 1)));
      }
      return new Category(id, new CocoCategory(name, Optional.ofNullable(color), keypoints, edges));
    }

    private boolean isEmpty(JsonToken value) {
      return value == JsonToken.VALUE_NULL
          || (value == JsonToken.VALUE_STRING && in.parser().getString().isEmpty());
    }

    private List<String> strings(String what) {
      Json.expect(in, JsonToken.START_ARRAY, what + " must be a list of names");
      List<String> out = new ArrayList<>();
      JsonToken token;
      while ((token = in.next()) != JsonToken.END_ARRAY) {
        if (token != JsonToken.VALUE_STRING) {
          throw in.error(what + " must be a list of names, got " + Json.describe(token));
        }
        out.add(in.parser().getString());
      }
      return out;
    }

    private List<long[]> pairs() {
      Json.expect(in, JsonToken.START_ARRAY, "\"skeleton\" must be a list of [from, to] pairs");
      List<long[]> out = new ArrayList<>();
      JsonToken token;
      while ((token = in.next()) != JsonToken.END_ARRAY) {
        if (token != JsonToken.START_ARRAY) {
          throw in.error(
              "\"skeleton\" must be a list of [from, to] pairs, got " + Json.describe(token));
        }
        long[] pair = new long[2];
        int n = 0;
        while (in.next() != JsonToken.END_ARRAY) {
          long end = Json.integer(in, "a skeleton keypoint number");
          if (n == 2) {
            throw in.error("a skeleton edge joins two keypoints: [from, to]");
          }
          pair[n++] = end;
        }
        if (n != 2) {
          throw in.error("a skeleton edge joins two keypoints: [from, to], got " + n);
        }
        out.add(pair);
      }
      return out;
    }
  }

  /** A category with its id, before sorting. */
  private record Category(long id, CocoCategory category) {}

  /** Finds an image, or says the id is unknown. */
  @Nullable ImageItem image(String id) {
    return images.get(id);
  }
}
