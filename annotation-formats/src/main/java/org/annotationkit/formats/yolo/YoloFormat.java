package org.annotationkit.formats.yolo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.annotationkit.formats.Format;
import org.annotationkit.formats.FormatOption;
import org.annotationkit.formats.FormatReader;
import org.annotationkit.formats.FormatWriter;
import org.annotationkit.formats.internal.FileHead;
import org.annotationkit.formats.internal.IoMessages;

/**
 * YOLO label files, {@code yolo}: the Ultralytics layout ({@code data.yaml} with {@code names} as a
 * list or a map, {@code labels/<split>/<image>.txt} beside {@code images/<split>/<image>.jpg}) and
 * the Darknet one ({@code obj.names} or {@code classes.txt}, label files beside the images), read
 * and written. One object per line, values separated by white space, coordinates normalised by the
 * image's width and height:
 *
 * <ul>
 *   <li>{@code task=detect}: {@code class cx cy w h};
 *   <li>{@code task=segment}: {@code class x1 y1 x2 y2 ...}, one polygon of at least 3 points;
 *   <li>{@code task=obb}: {@code class x1 y1 x2 y2 x3 y3 x4 y4}, the four corners of an oriented
 *       box in the order top-left, top-right, bottom-right, bottom-left of the unrotated box;
 *   <li>{@code task=pose}: {@code class cx cy w h} then, for each of the {@code kpt_shape[0]}
 *       keypoints, {@code x y} or {@code x y v} ({@code kpt_shape[1]} = 2 or 3; v = 0 absent, 1
 *       hidden, 2 visible; with 2 values a point is absent when x or y is negative, as Ultralytics
 *       reads it).
 * </ul>
 *
 * <h2>Reading</h2>
 *
 * The folder holds {@code data.yaml} (or one other {@code .yaml} with {@code names}), {@code
 * obj.names} or {@code classes.txt} (also the {@code names} file that {@code obj.data} gives); when
 * it holds none, classes are named by their index. Label files are the {@code .txt} files under
 * {@code labels/}, or else under the folder itself (the list files {@code train.txt}, {@code
 * val.txt}, {@code valid.txt}, {@code test.txt} beside {@code obj.data} are not label files). Each
 * label file {@code labels/a/b.txt} is the image {@code a/b.*} under the images folder: {@code
 * --images DIR}, else {@code images/} beside {@code labels/}, else the folder itself. An image
 * there without a label file is an image without objects; so is an empty label file. YOLO files do
 * not hold image sizes: each size comes from the sizes table ({@code --sizes}, {@code
 * file_name,width,height}) or from the image's header (never decoding its pixels), and an image
 * found in neither is an error naming its label file.
 *
 * <p>The schema is named {@value #NAME}, with the classes as labels, in index order, of the fields
 * {@value #BOX} (boxes; rotatable for {@code obb}), {@value #POLYGON} (polygons; not for {@code
 * detect} and {@code pose}) and, for {@code pose}, {@value #KEYPOINTS} with a skeleton of the
 * {@code kpt_names} of the YAML (or the names {@code 0}, {@code 1}, ...). The default {@code
 * task=auto} reads pose when the YAML gives {@code kpt_shape}, else a line of 4 values after the
 * class as a box and a longer one as a polygon. Each image with objects has one annotation by the
 * annotator {@value #ANNOTATOR}, its id the image's; each line is a result whose id is the line's
 * number ({@code 7}), and for pose the two results {@code 7/box} and {@code 7/keypoints}. An OBB
 * line whose corners make a rectangle (within the 6-decimal precision of the file) is a rotated
 * box; any other quadrilateral is a polygon. CRLF, tabs, repeated spaces and blank lines are
 * accepted; a negative width or height is read as its size and reported; everything else that is
 * not a valid line (a wrong count of values, a class index with no name, a value that is not a
 * number) is an error naming the file and line.
 *
 * <h2>Writing</h2>
 *
 * The folder gets {@code data.yaml} ({@code train} and {@code val} pointing at {@code images/...},
 * {@code names} as a map from index to name, and for pose {@code kpt_shape: [K, 3]} and {@code
 * kpt_names}) and {@code labels/<image path without extension>.txt} for every image, empty for an
 * image without objects; images are not copied. Classes are the labels of the schema's box,
 * polygon, mask and keypoint fields, in field order, numbered from 0; a label met only in an
 * annotation is added after them. Results whose ids agree up to the first {@code /} ({@code
 * 17/box}, {@code 17/polygon-1}, as the COCO reader names them) are one object. The {@code task}
 * option (default {@code detect}) says what a line holds; what it cannot hold is reported: rotation
 * (a rotated box is written as its hull), polygons and masks reduced to their box, polygon holes,
 * polygon parts joined into one ring (as Ultralytics' {@code merge_multi_segment}), masks,
 * keypoints, scores, attributes, crowd objects ({@code iscrowd}), non-region results, and every
 * annotation of an image but those of the annotator of its newest one. Every shape is
 * <b>clipped</b> to the image and every value written is in [0, 1] (Ultralytics discards a whole
 * image for one value outside), each clipped shape reported; shapes of zero area, and those
 * entirely outside the image, are skipped and reported. Values are written with {@code decimals}
 * decimals (default 6, about 0.001 pixel at 1920 pixels).
 *
 * @since 0.1.0
 */
public final class YoloFormat implements Format {
  static final String NAME = "yolo";

  /** The field of boxes. */
  public static final String BOX = "box";

  /** The field of polygons. */
  public static final String POLYGON = "polygon";

  /** The field of keypoints (pose). */
  public static final String KEYPOINTS = "keypoints";

  /** The annotator of what YOLO files hold. */
  public static final String ANNOTATOR = "yolo";

  static final String TASK = "task";
  static final String DECIMALS = "decimals";
  static final String DATA_YAML = "data.yaml";
  static final String LABELS = "labels";
  static final String IMAGES = "images";

  /** A line of numbers, as the head of a label file shows it. */
  private static final Pattern LABEL_LINE =
      Pattern.compile("^[0-9]+(?:[ \\t]+[-+0-9.eE]+){4,}[ \\t]*$", Pattern.MULTILINE);

  /** Creates the format; {@link java.util.ServiceLoader} calls this. */
  public YoloFormat() {}

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "YOLO (Ultralytics data.yaml or Darknet obj.names): labels/<image>.txt, normalised"
        + " boxes, polygons, oriented boxes, poses";
  }

  @Override
  public Layout layout() {
    return Layout.FOLDER;
  }

  @Override
  public Optional<FormatReader> reader() {
    return Optional.of(YoloReader::open);
  }

  @Override
  public Optional<FormatWriter> writer() {
    return Optional.of(YoloWriter::write);
  }

  @Override
  public List<FormatOption> options() {
    return List.of(
        FormatOption.of(
            TASK,
            "what a line holds: detect (class cx cy w h), segment (class x1 y1 ...), obb (class"
                + " and 4 corners), pose (box, then kpt_shape keypoints); auto (reading only, the"
                + " default there) decides from data.yaml and each line's length; writing defaults"
                + " to detect",
            "auto",
            "detect",
            "segment",
            "obb",
            "pose"),
        new FormatOption(
            DECIMALS, "decimals of the normalised values written, 6 (default) to 12", List.of()));
  }

  /**
   * Certain for a folder with {@code data.yaml}, {@code obj.names} or {@code obj.data}; possible
   * for a folder whose {@code labels/} (or itself) holds {@code .txt} files starting with YOLO
   * lines.
   */
  @Override
  public Detection detect(Path input) {
    if (!Files.isDirectory(input)) {
      return Detection.NO;
    }
    if (Files.isRegularFile(input.resolve(DATA_YAML))
        || Files.isRegularFile(input.resolve("obj.names"))
        || Files.isRegularFile(input.resolve("obj.data"))) {
      return Detection.CERTAIN;
    }
    Path labels = input.resolve(LABELS);
    Path folder = Files.isDirectory(labels) ? labels : input;
    try (Stream<Path> files = Files.walk(folder, 3)) {
      List<Path> text =
          files
              .filter(
                  p -> String.valueOf(p.getFileName()).toLowerCase(Locale.ROOT).endsWith(".txt"))
              .filter(Files::isRegularFile)
              .sorted()
              .limit(3)
              .toList();
      for (Path file : text) {
        String head = FileHead.of(file);
        if (!head.isEmpty() && !LABEL_LINE.matcher(head).find()) {
          return Detection.NO;
        }
      }
      return text.isEmpty() ? Detection.NO : Detection.POSSIBLE;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + folder + ": " + IoMessages.reason(e), e);
    }
  }
}
