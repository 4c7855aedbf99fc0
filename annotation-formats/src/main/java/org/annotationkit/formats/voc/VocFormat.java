package org.annotationkit.formats.voc;

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
 * Pascal VOC XML, {@code voc}: a folder with one {@code Annotations/<image>.xml} per image (a flat
 * folder of such files is read too), read and written.
 *
 * <h2>Boxes</h2>
 *
 * By default the edges of a {@code bndbox} are read as they are written by CVAT, datumaro and Label
 * Studio: x = xmin, width = xmax - xmin. With {@code voc=devkit} they are the 1-based inclusive
 * pixel indices of the VOC devkit: x = xmin - 1, width = xmax - xmin + 1 (a box over a whole W x H
 * image is 1, 1, W, H). The writer follows the same option, and writes whole pixels: each edge
 * rounded half up on its own (xmin = floor(x + 0.5), xmax = floor(x + width + 0.5)), with a loss
 * reported for every box that was not on whole pixels. Decimal coordinates are read as they are.
 *
 * <h2>The model</h2>
 *
 * <ul>
 *   <li>One {@link org.annotationkit.core.item.ImageItem} per file; its id and (relative) URI are
 *       the {@code filename}, under the folders of the file below {@code Annotations/}; its size is
 *       {@code size}, or from the images or sizes table when the file gives none or 0.
 *   <li>Field {@value #BOXES} (boxes, named after its kind as every vision format here names its
 *       fields): each {@code object}, its {@code name} the label, labels in order of first
 *       appearance over the files in path order, then the part names not also object names. {@code
 *       truncated}, {@code difficult}, {@code occluded} are boolean attributes present when 1;
 *       {@code pose} a text attribute present unless {@code Unspecified}; each {@code
 *       actions/<action>} a boolean attribute {@code actions/<action>}; the {@code
 *       attributes/attribute} pairs that CVAT writes are text attributes.
 *   <li>Each {@code part} of an object is a box of the part's name in the same field, with a result
 *       of the relation field {@value #PART_OF} from the part to its object (the field is there
 *       when a file has parts). Its id is the object's id, a dot and the part's number ({@code
 *       2.1}); the relation's is the part's id and {@code -part-of}.
 *   <li>Every other element outside objects ({@code folder}, {@code source/database}, {@code
 *       size/depth}, {@code segmented}, ...) is kept in the item's metadata under its path.
 *   <li>One annotation per image with objects, by the annotator {@value #ANNOTATOR}; a file without
 *       objects gives an image without annotations.
 * </ul>
 *
 * <p>The writer writes boxes of any field, the hull of a rotated box, the box of a polygon or a
 * mask (each reported), parts linked by a {@value #PART_OF} relation inside their object, the
 * attributes above in their VOC elements and any other attribute in CVAT's {@code attributes}
 * element; other results are dropped and reported, and so is every annotation but the newest of an
 * image. Every image gets a file, with or without objects; {@code pose}, {@code truncated} and
 * {@code difficult} are always written (as VOC readers expect them), their defaults being {@code
 * Unspecified}, 0 and 0.
 *
 * <p>XML is read with DTDs and entities refused.
 *
 * @since 0.1.0
 */
public final class VocFormat implements Format {
  static final String NAME = "voc";
  static final String ANNOTATIONS = "Annotations";

  /** The field of the boxes: objects and their parts, named after its kind as in every format. */
  public static final String BOXES = "box";

  /** The relation field from a part to its object. */
  public static final String PART_OF = "part-of";

  /** The annotator of what VOC files hold. */
  public static final String ANNOTATOR = "voc";

  static final String OPTION = "voc";
  static final String EDGES = "edges";
  static final String DEVKIT = "devkit";
  static final String POSE = "pose";
  static final String UNSPECIFIED = "Unspecified";
  static final String ACTIONS = "actions/";
  static final List<String> FLAGS = List.of("truncated", "difficult", "occluded");

  /** The label of the schema of a dataset without any object (a box field needs one). */
  static final String PLACEHOLDER = "object";

  private static final Pattern ROOT =
      Pattern.compile(
          "^(?:<\\?xml[^>]*\\?>\\s*)?(?:<!--.*?-->\\s*)*<annotation[\\s>/]", Pattern.DOTALL);

  /** Creates the format; {@link java.util.ServiceLoader} calls this. */
  public VocFormat() {}

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "Pascal VOC XML: Annotations/<image>.xml, one file per image (boxes, parts, flags)";
  }

  @Override
  public Layout layout() {
    return Layout.FOLDER;
  }

  @Override
  public Optional<FormatReader> reader() {
    return Optional.of(VocReader::open);
  }

  @Override
  public Optional<FormatWriter> writer() {
    return Optional.of(VocWriter::write);
  }

  @Override
  public List<FormatOption> options() {
    return List.of(
        FormatOption.of(
            OPTION,
            "how bndbox edges are read and written: edges (default: x = xmin, width = xmax - xmin,"
                + " as CVAT, datumaro and Label Studio) or devkit (the VOC devkit's 1-based"
                + " inclusive pixels: x = xmin - 1, width = xmax - xmin + 1)",
            EDGES,
            DEVKIT));
  }

  /**
   * Certain for a folder whose {@code Annotations/} holds XML files of {@code <annotation>} roots;
   * possible for a flat folder of such files.
   */
  @Override
  public Detection detect(Path input) {
    if (!Files.isDirectory(input)) {
      return Detection.NO;
    }
    Path annotations = input.resolve(ANNOTATIONS);
    if (Files.isDirectory(annotations) && holdsVocFiles(annotations)) {
      return Detection.CERTAIN;
    }
    return holdsVocFiles(input) ? Detection.POSSIBLE : Detection.NO;
  }

  private static boolean holdsVocFiles(Path folder) {
    try (Stream<Path> files = Files.list(folder)) {
      List<Path> xml =
          files
              .filter(
                  p -> String.valueOf(p.getFileName()).toLowerCase(Locale.ROOT).endsWith(".xml"))
              .filter(Files::isRegularFile)
              .sorted()
              .limit(3)
              .toList();
      return !xml.isEmpty() && xml.stream().allMatch(p -> ROOT.matcher(FileHead.of(p)).find());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + folder + ": " + IoMessages.reason(e), e);
    }
  }
}
