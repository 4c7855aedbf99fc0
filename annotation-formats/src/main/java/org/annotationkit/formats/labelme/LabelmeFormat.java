package org.annotationkit.formats.labelme;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.annotationkit.formats.Format;
import org.annotationkit.formats.FormatReader;
import org.annotationkit.formats.FormatWriter;
import org.annotationkit.formats.internal.FileHead;
import org.annotationkit.formats.internal.IoMessages;

/**
 * labelme JSON (wkentaro/labelme), {@code labelme}: a folder of {@code <image>.json} files, one per
 * image, each {@code {version, flags, shapes: [{label, points, group_id, shape_type, flags,
 * description, mask}], imagePath, imageData, imageHeight, imageWidth}} in absolute pixels
 * (labelme's {@code _label_file.py}). Read and written; a single {@code .json} file is read too.
 *
 * <h2>The model</h2>
 *
 * Each file is an {@link org.annotationkit.core.item.ImageItem} whose id is the image's path
 * relative to the folder read (the file's folder joined with {@code imagePath}, Windows backslashes
 * read as slashes), with one annotation by {@value #ANNOTATOR} when it has shapes or flags. The
 * size is {@code imageWidth} and {@code imageHeight}, else the header of the embedded {@code
 * imageData}, else the image itself (beside the file, or in the images folder or sizes table
 * given). Shapes become results of the fields named after their kind (the formats package's
 * convention), each with every label in order of first appearance:
 *
 * <ul>
 *   <li>{@value #BOX}: {@code rectangle} from its two corners, in any order;
 *   <li>{@value #POLYGON}: {@code polygon} (and files without {@code shape_type}, labelme's old
 *       default); {@code oriented_rectangle} too, reported, since its four corners are kept as a
 *       polygon;
 *   <li>{@value #POLYLINE}: {@code linestrip}; {@value #LINE}: {@code line};
 *   <li>{@value #KEYPOINTS}: {@code point} and {@code points}, as keypoints named {@code 1} to
 *       {@code n};
 *   <li>{@value #CIRCLE}: {@code circle} as two keypoints, {@code center} and {@code rim} (a point
 *       on the circle), exactly as labelme keeps it;
 *   <li>{@value #MASK}: {@code mask}, the base64 PNG over the box whose top-left corner is the
 *       first point (rounded half to even, as numpy does), placed in a mask of the whole image;
 *   <li>{@value #TAGS}: the image's {@code flags}, a multiple choice of the flags set, every flag
 *       named being a label.
 * </ul>
 *
 * A shape's {@code group_id} is the number attribute {@code group_id}, and results of one group and
 * label share the part of their ids before the {@code /} ({@code g3-dog/1}), which is how writers
 * such as COCO's tell the parts of one instance; {@code description} is a text attribute; each
 * shape flag is a boolean attribute {@code flags/<name>}; a {@code score} is the result's score;
 * other keys holding a string, number or boolean are attributes of that name. The file's other keys
 * are kept in the item's metadata as {@code labelme.<key>} (their JSON text), with {@code version}
 * as {@code labelme.version} and {@code imagePath} as {@code labelme.imagePath} when it is not just
 * the image's file name (such as {@code ..\\images\\a.jpg}). Reported: the embedded image ({@code
 * imageData}, not kept), shape keys holding arrays or objects, shapes of unknown types, polygons
 * with fewer than three points.
 *
 * <h2>Writing</h2>
 *
 * One {@code <stem>.json} per image at the image's path, whose {@code imagePath} is the image's
 * file name (or the {@code imagePath} read, when it still leads to the image from there), with
 * {@code imageData: null}. Boxes become rectangles (rotated boxes {@code oriented_rectangle}s of
 * their corners), polygons polygons (holes dropped, reported), polylines linestrips ({@code line}s
 * from the {@value #LINE} field), keypoints points ({@code circle}s from a two-point {@code
 * center}, {@code rim} field), masks masks over their bounds, choices the image's flags. Every
 * image gets a file. Per image the newest annotation is written, the others reported; so are values
 * labelme has no shape for, points not labeled, and metadata that is not labelme's.
 *
 * @since 0.1.0
 */
public final class LabelmeFormat implements Format {
  static final String NAME = "labelme";

  /** The annotator of what labelme files hold. */
  public static final String ANNOTATOR = "labelme";

  /** The field of image flags. */
  public static final String TAGS = "tags";

  /** The field of rectangles. */
  public static final String BOX = "box";

  /** The field of polygons. */
  public static final String POLYGON = "polygon";

  /** The field of line strips. */
  public static final String POLYLINE = "polyline";

  /** The field of lines. */
  public static final String LINE = "line";

  /** The field of points. */
  public static final String KEYPOINTS = "keypoints";

  /** The field of circles: keypoints {@code center} and {@code rim}. */
  public static final String CIRCLE = "circle";

  /** The field of masks. */
  public static final String MASK = "mask";

  /** Creates the format; {@link java.util.ServiceLoader} calls this. */
  public LabelmeFormat() {}

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "labelme JSON: <image>.json per image (rectangles, polygons, circles, lines, points,"
        + " masks, groups, flags)";
  }

  @Override
  public Layout layout() {
    return Layout.FOLDER;
  }

  @Override
  public Optional<FormatReader> reader() {
    return Optional.of(LabelmeReader::open);
  }

  @Override
  public Optional<FormatWriter> writer() {
    return Optional.of(LabelmeWriter::write);
  }

  /**
   * Certain for a folder whose first JSON files (in path order) have labelme's {@code shapes} and
   * {@code imagePath} keys, or for such a file.
   */
  @Override
  public Detection detect(Path input) {
    if (Files.isRegularFile(input)) {
      return isLabelmeFile(input) ? Detection.CERTAIN : Detection.NO;
    }
    if (!Files.isDirectory(input)) {
      return Detection.NO;
    }
    try (Stream<Path> files = Files.list(input)) {
      List<Path> json =
          files
              .filter(
                  p -> String.valueOf(p.getFileName()).toLowerCase(Locale.ROOT).endsWith(".json"))
              .filter(Files::isRegularFile)
              .sorted()
              .limit(3)
              .toList();
      return !json.isEmpty() && json.stream().allMatch(LabelmeFormat::isLabelmeFile)
          ? Detection.CERTAIN
          : Detection.NO;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + input + ": " + IoMessages.reason(e), e);
    }
  }

  private static boolean isLabelmeFile(Path file) {
    if (!FileHead.hasExtension(file, ".json")) {
      return false;
    }
    String head = FileHead.of(file);
    return (head.contains("\"shapes\"") && head.contains("\"imagePath\""))
        || (head.contains("\"shapes\"") && head.contains("\"shape_type\""));
  }
}
