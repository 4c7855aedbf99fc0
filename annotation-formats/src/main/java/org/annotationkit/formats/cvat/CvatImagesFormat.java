package org.annotationkit.formats.cvat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.annotationkit.core.annotation.Annotation;
import org.annotationkit.core.annotation.Result;
import org.annotationkit.core.dataset.Dataset;
import org.annotationkit.core.dataset.DatasetEntry;
import org.annotationkit.core.dataset.DatasetSource;
import org.annotationkit.core.item.ImageItem;
import org.annotationkit.formats.ConversionContext;
import org.annotationkit.formats.Format;
import org.annotationkit.formats.FormatReader;
import org.annotationkit.formats.FormatWriter;
import org.annotationkit.formats.LossObject;
import org.annotationkit.formats.internal.FileHead;

/**
 * CVAT for images 1.1, {@code cvat}: one {@code annotations.xml} with the task's labels in {@code
 * <meta>} and an {@code <image>} element per image holding its shapes (docs.cvat.ai, "CVAT for
 * images" XML format).
 *
 * <h2>Reading</h2>
 *
 * The file is streamed with StAX, one image at a time (a first pass learns the schema). Each image
 * becomes an {@link ImageItem} whose id is the image's name (with CVAT's {@code id}, {@code subset}
 * and {@code task_id} in its metadata as {@code cvat.id}, ...), and one annotation by {@code cvat}
 * holding its shapes, or none when it has no shape. The schema has one field per kind of shape the
 * file holds, named as the formats package names them, each with every label of {@code <meta>} in
 * its order:
 *
 * <ul>
 *   <li>{@code box} ({@code <box>}): CVAT's {@code xtl, ytl, xbr, ybr, rotation} is our convention
 *       already: the unrotated box's corners, turned clockwise in degrees about its centre;
 *   <li>{@code polygon}, {@code polyline}: {@code points="x0,y0;x1,y1;..."};
 *   <li>{@code keypoints}: {@code <points>} as keypoints named {@code 1} to {@code n} (the field's
 *       skeleton numbers as many points as the largest shape has), occluded when the shape is;
 *   <li>{@code mask}: CVAT's run lengths over the mask's box ({@code left, top, width, height}, row
 *       by row, unset run first) as a mask of the whole image;
 *   <li>{@code skeleton:<label>}: a {@code <skeleton>} as keypoints named by its sub-labels, with
 *       the edges of the label's drawing; an {@code outside} point is not labeled;
 *   <li>{@code tags}: the image's {@code <tag>}s as one multiple choice (their attributes are
 *       lost).
 * </ul>
 *
 * Each region keeps its attributes, typed by their declaration ({@code checkbox} as a boolean,
 * {@code number} as a number, the others as text), and CVAT's shape properties as attributes:
 * {@code occluded} and {@code z_order} always, {@code group_id} when not 0, {@code source} when
 * given. Ellipses, cuboids and shapes without a label are skipped and reported.
 *
 * <h2>Writing</h2>
 *
 * The labels of every region and choice field are declared, with their attributes; keypoints with
 * named points become skeletons, numbered ones {@code points}. Per image, the newest annotation (by
 * creation time, else the last) is written and the others reported; coordinates are written exactly
 * (the shortest decimal that reads back to the same double). Scores, polygon holes, and values CVAT
 * has no shape for (text spans, ratings, ...) are reported.
 *
 * @since 0.1.0
 */
public final class CvatImagesFormat implements Format {
  /** Creates the format; {@link java.util.ServiceLoader} calls this. */
  public CvatImagesFormat() {}

  @Override
  public String name() {
    return "cvat";
  }

  @Override
  public String description() {
    return "CVAT for images 1.1 XML: boxes (rotated), polygons, polylines, points, masks,"
        + " skeletons, tags";
  }

  @Override
  public Layout layout() {
    return Layout.FILE;
  }

  @Override
  public Optional<FormatReader> reader() {
    return Optional.of(CvatImagesSource::open);
  }

  @Override
  public Optional<FormatWriter> writer() {
    return Optional.of(CvatImagesFormat::write);
  }

  @Override
  public Detection detect(Path input) {
    return detect(input, false);
  }

  /** Tells CVAT for images from CVAT for video by the elements in the file's head. */
  static Detection detect(Path input, boolean video) {
    if (!Files.isRegularFile(input)) {
      return Detection.NO;
    }
    String head = FileHead.of(input);
    if (!head.contains("<annotations>") && !head.contains("<annotations ")) {
      return Detection.NO;
    }
    boolean tracks = head.contains("<track ");
    boolean images = head.contains("<image ");
    boolean interpolation = head.contains("<mode>interpolation</mode>");
    if (video) {
      if (tracks) {
        return Detection.CERTAIN;
      }
      return images ? Detection.NO : interpolation ? Detection.CERTAIN : Detection.POSSIBLE;
    }
    if (images) {
      return Detection.CERTAIN;
    }
    return tracks || interpolation ? Detection.NO : Detection.POSSIBLE;
  }

  private static void write(DatasetSource source, Path output, ConversionContext context) {
    DatasetSource grouped = source.grouped() ? source : Dataset.of(source).source();
    CvatLabels labels = new CvatLabels(grouped.schema());
    try (CvatXmlWriter xml = CvatXmlWriter.create(output)) {
      xml.start("annotations");
      xml.element("version", "1.1");
      xml.start("meta");
      xml.start("task");
      xml.element("name", grouped.schema().name());
      xml.element("mode", "annotation");
      labels.write(xml);
      xml.end();
      xml.end();
      CvatShapeWriter shapes = new CvatShapeWriter(xml, labels, context);
      Set<Integer> ids = new HashSet<>();
      int nextId = 0;
      while (grouped.hasNext()) {
        DatasetEntry entry = grouped.next();
        if (!(entry.item() instanceof ImageItem image)) {
          context.lose(
              LossObject.item(entry.item().id()),
              "item skipped",
              "CVAT for images holds images, not "
                  + entry.item().kind().toString().toLowerCase(java.util.Locale.ROOT)
                  + " items");
          continue;
        }
        int id = id(image, ids);
        if (id < 0) {
          while (ids.contains(nextId)) {
            nextId++;
          }
          id = nextId;
        }
        ids.add(id);
        String name = CvatImagesSource.fileName(image);
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("id", Integer.toString(id));
        attributes.put("name", name);
        attributes.put("width", Integer.toString(image.width()));
        attributes.put("height", Integer.toString(image.height()));
        String subset = image.metadata().get("cvat.subset");
        if (subset != null) {
          attributes.put("subset", subset);
        }
        String task = image.metadata().get("cvat.task_id");
        if (task != null) {
          attributes.put("task_id", task);
        }
        xml.start("image", attributes);
        LossObject where = LossObject.image(name);
        long written = 0;
        Optional<Annotation> chosen = chosen(entry.annotations(), where, context);
        if (chosen.isPresent()) {
          for (Result result : chosen.get().results()) {
            for (CvatShapeWriter.Shape shape :
                shapes.shapes(result, chosen.get().origin(), where)) {
              shapes.write(shape, Map.of());
              written++;
            }
          }
        }
        xml.end();
        context.wrote(1, written);
      }
      xml.end();
    }
  }

  /** CVAT's image id from the item's metadata, if it is a free whole number, else -1. */
  private static int id(ImageItem image, Set<Integer> used) {
    String id = image.metadata().get("cvat.id");
    if (id == null) {
      return -1;
    }
    try {
      int value = Integer.parseInt(id.strip());
      return value >= 0 && !used.contains(value) ? value : -1;
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /**
   * The annotation written for an image: the newest by creation time (those without one count as
   * older), the last of equals; the others are reported.
   */
  static Optional<Annotation> chosen(
      List<Annotation> annotations, LossObject where, ConversionContext context) {
    if (annotations.isEmpty()) {
      return Optional.empty();
    }
    Comparator<Annotation> newer =
        Comparator.comparing((Annotation a) -> a.createdAt().orElse(java.time.Instant.MIN));
    // By position, not by value: of two equal annotations one is written and the other reported.
    int best = 0;
    for (int i = 1; i < annotations.size(); i++) {
      if (newer.compare(annotations.get(i), annotations.get(best)) >= 0) {
        best = i;
      }
    }
    Annotation chosen = annotations.get(best);
    for (int i = 0; i < annotations.size(); i++) {
      Annotation annotation = annotations.get(i);
      if (i != best) {
        context.lose(
            where.withAnnotation(annotation.id()),
            "annotation dropped",
            "CVAT keeps one annotation per image; the one by "
                + chosen.annotatorId()
                + " ("
                + chosen.id()
                + ") is written, not this one by "
                + annotation.annotatorId());
      }
    }
    return Optional.of(chosen);
  }
}
