package org.annotationkit.formats.cvat;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import javax.xml.stream.XMLStreamConstants;
import org.annotationkit.core.annotation.Annotation;
import org.annotationkit.core.annotation.MultipleChoiceValue;
import org.annotationkit.core.annotation.Result;
import org.annotationkit.core.dataset.DatasetEntry;
import org.annotationkit.core.dataset.DatasetSource;
import org.annotationkit.core.item.ImageItem;
import org.annotationkit.core.schema.Schema;
import org.annotationkit.formats.ConversionContext;
import org.annotationkit.formats.LossObject;
import org.jspecify.annotations.Nullable;

/**
 * Reads CVAT for images 1.1 one {@code <image>} at a time: a first pass reads the meta and notes
 * which kinds of shapes, labels and attributes the file uses (to know the schema before the first
 * entry), the second gives the images. Only one image's elements are held at a time.
 */
final class CvatImagesSource implements DatasetSource {
  /** The annotator of every annotation read: CVAT for images 1.1 does not record who drew what. */
  static final String ANNOTATOR = "cvat";

  private final XmlCursor cursor;
  private final Schema schema;
  private final CvatShapes shapes;
  private final ConversionContext context;
  private final Set<String> names = new HashSet<>();
  private @Nullable DatasetEntry pending;
  private boolean done;

  private CvatImagesSource(XmlCursor cursor, Schema schema, ConversionContext context) {
    this.cursor = cursor;
    this.schema = schema;
    this.context = context;
    this.shapes = new CvatShapes(schema, cursor, context);
  }

  /** Opens a file: reads it once for the schema, then positions a second reader after the root. */
  static CvatImagesSource open(Path input, ConversionContext context) {
    Schema schema;
    try (XmlCursor first = XmlCursor.open(input)) {
      schema = scan(first, context);
    }
    XmlCursor cursor = XmlCursor.open(input);
    try {
      root(cursor);
      return new CvatImagesSource(cursor, schema, context);
    } catch (RuntimeException e) {
      cursor.close();
      throw e;
    }
  }

  /** Moves past the root element's start, checking it is {@code <annotations>}. */
  static void root(XmlCursor cursor) {
    if (cursor.nextTag() != XMLStreamConstants.START_ELEMENT) {
      throw cursor.error("the file has no root element; CVAT files start with <annotations>");
    }
    if (!cursor.name().equals("annotations")) {
      throw cursor.error("the root element is <" + cursor.name() + ">, not CVAT's <annotations>");
    }
  }

  private static Schema scan(XmlCursor cursor, ConversionContext context) {
    root(cursor);
    CvatMeta meta = CvatMeta.EMPTY;
    CvatSchema.Usage usage = new CvatSchema.Usage();
    boolean tracks = false;
    while (cursor.nextTag() == XMLStreamConstants.START_ELEMENT) {
      switch (cursor.name()) {
        case "meta" -> meta = CvatMeta.of(cursor.tree(), cursor);
        case "image" -> {
          for (XmlNode shape : cursor.tree().children()) {
            usage.add(shape);
          }
        }
        case "track" -> {
          if (!tracks) {
            context.lose(
                LossObject.line(Math.max(1, cursor.line())),
                "tracks skipped",
                "CVAT for images holds no tracks; read this file as cvat-video");
            tracks = true;
          }
          cursor.skip();
        }
        default -> cursor.skip();
      }
    }
    return CvatSchema.build(schemaName(meta), meta, usage, cursor);
  }

  /** The task's name when it makes a valid schema name, else {@code cvat}. */
  static String schemaName(CvatMeta meta) {
    String name = meta.name().orElse("cvat").strip();
    for (int i = 0; i < name.length(); i++) {
      if (Character.isISOControl(name.charAt(i))) {
        return "cvat";
      }
    }
    return name.isEmpty() ? "cvat" : name;
  }

  @Override
  public Schema schema() {
    return schema;
  }

  @Override
  public boolean grouped() {
    return true;
  }

  @Override
  public boolean hasNext() {
    while (pending == null && !done) {
      int event = cursor.nextTag();
      if (event != XMLStreamConstants.START_ELEMENT) {
        done = true;
      } else if (cursor.name().equals("image")) {
        pending = image(cursor.tree());
      } else {
        cursor.skip();
      }
    }
    return pending != null;
  }

  @Override
  public DatasetEntry next() {
    if (!hasNext()) {
      throw new NoSuchElementException("no more images in " + cursor.source());
    }
    DatasetEntry entry = java.util.Objects.requireNonNull(pending);
    pending = null;
    return entry;
  }

  private DatasetEntry image(XmlNode image) {
    String name = image.attributes().getOrDefault("name", "");
    if (name.isEmpty()) {
      throw cursor.errorAt(image.line(), "an <image> has no name");
    }
    if (!names.add(name)) {
      throw cursor.errorAt(image.line(), "the image '" + name + "' is given twice");
    }
    int width = shapes.integer(image, "width");
    int height = shapes.integer(image, "height");
    if (width == 0 || height == 0) {
      throw cursor.errorAt(
          image.line(), "the image '" + name + "' has no pixels: " + width + " x " + height);
    }
    Map<String, String> metadata = new LinkedHashMap<>();
    for (String key : List.of("id", "subset", "task_id")) {
      String value = image.attribute(key);
      if (value != null) {
        metadata.put("cvat." + key, value);
      }
    }
    ImageItem item = new ImageItem(name, uri(name), width, height, metadata);
    LossObject where = LossObject.image(name);
    List<Result> results = new ArrayList<>();
    Set<String> tags = new LinkedHashSet<>();
    int n = 0;
    for (XmlNode shape : image.children()) {
      if (shape.name().equals("tag")) {
        tag(shape, tags, where, context);
        continue;
      }
      if (shape.name().equals("attribute")) {
        continue;
      }
      Optional<CvatShapes.Converted> converted = shapes.convert(shape, width, height, where);
      if (converted.isPresent()) {
        results.add(
            Result.of(Integer.toString(++n), converted.get().field(), converted.get().value()));
      }
    }
    if (!tags.isEmpty()) {
      results.add(
          Result.of(CvatSchema.TAGS, CvatSchema.TAGS, new MultipleChoiceValue(List.copyOf(tags))));
    }
    if (results.isEmpty()) {
      return DatasetEntry.of(item);
    }
    return new DatasetEntry(
        item, List.of(Annotation.builder(name, name, ANNOTATOR).results(results).build()));
  }

  /** Adds a tag's label, reporting what the model's choices cannot hold. */
  static void tag(XmlNode tag, Set<String> tags, LossObject where, ConversionContext context) {
    String label = tag.attributes().getOrDefault("label", "");
    LossObject at = where.withLine(Math.max(1, tag.line()));
    if (label.isEmpty()) {
      context.lose(at, "shape without a label skipped", "the <tag> has an empty label");
      return;
    }
    if (!tags.add(label)) {
      context.lose(at, "repeated tag merged", "the tag '" + label + "' is given twice");
    }
    for (XmlNode child : tag.children()) {
      if (child.name().equals("attribute")) {
        context.lose(
            at,
            "tag attribute dropped",
            "the attribute '"
                + child.attributes().getOrDefault("name", "")
                + "' of the tag '"
                + label
                + "' has no place in a choice");
      }
    }
  }

  /** The relative URI of an image's name, as written (its path, percent-encoded). */
  static URI uri(String name) {
    String path = name;
    int colon = path.indexOf(':');
    int slash = path.indexOf('/');
    if (colon >= 0 && (slash < 0 || colon < slash)) {
      path = "./" + path; // "a:b.jpg" would otherwise read as the scheme "a"
    }
    try {
      return new URI(null, null, path, null);
    } catch (URISyntaxException e) {
      throw new IllegalStateException("a path always makes a relative URI: " + name, e);
    }
  }

  /** The file name an image is written under: the inverse of {@link #uri(String)}. */
  static String fileName(ImageItem item) {
    URI uri = item.uri();
    String path = uri.getPath();
    if (uri.getScheme() == null && path != null && !path.isEmpty()) {
      return path.startsWith("./") ? path.substring(2) : path;
    }
    if (path != null) {
      String base = path.substring(path.lastIndexOf('/') + 1);
      if (!base.isEmpty()) {
        return base;
      }
    }
    return item.id();
  }

  @Override
  public void close() {
    cursor.close();
  }
}
