package org.annotationkit.formats.coco;

import java.nio.file.Path;
import java.util.Optional;
import org.annotationkit.formats.Format;
import org.annotationkit.formats.FormatReader;
import org.annotationkit.formats.FormatWriter;
import org.annotationkit.formats.coco.internal.CocoReader;
import org.annotationkit.formats.coco.internal.CocoWriter;
import org.annotationkit.formats.internal.FileHead;

/**
 * The COCO format, {@code coco}: one JSON file of {@code images}, {@code categories} and {@code
 * annotations} (instances and person keypoints), as {@code pycocotools} reads it.
 *
 * <h2>Reading</h2>
 *
 * The schema is named {@value #SCHEMA_NAME}, with {@code info.description} as its description, and
 * has the fields named after their kind, as every vision format here names them: {@value #BOXES}
 * (boxes), {@value #POLYGONS} (polygons), {@value #MASKS} (masks) and, for each category with
 * {@code keypoints}, a keypoints field with the category's skeleton ({@value #KEYPOINTS} when one
 * category has keypoints, {@code keypoints-<name>} when several do). {@code iscrowd} is not a field
 * but the attribute {@value #CROWD} of the crowd annotation's results. Each field's labels are the
 * category names, in the order of the category ids (ids 1, 3, 7 give the labels in that order; the
 * ids themselves are not kept, see below).
 *
 * <p>Each image is an {@link org.annotationkit.core.item.ImageItem} whose id is the text of the
 * COCO id, whose URI is the {@code file_name} as a relative reference, and whose metadata holds the
 * image's other scalar keys ({@code license}, {@code coco_url}, ...) as text. Each COCO annotation
 * is an {@link org.annotationkit.core.annotation.Annotation} of annotator {@code coco}, with the
 * COCO id as its id, and results named after it: {@code <id>/box} (the {@code bbox}, left out when
 * it is exactly the bounds of the segmentation, as this writer writes it), {@code <id>/polygon-1},
 * {@code <id>/polygon-2}, ... (the parts of a polygon segmentation), {@code <id>/mask} (an RLE
 * segmentation, uncompressed or compressed), {@code <id>/keypoints}. Every result carries the
 * annotation's {@code attributes} (booleans, numbers and strings, as CVAT writes them) and, for a
 * crowd annotation, the attribute {@value #CROWD} = {@code true}; a {@code score} (results files)
 * becomes each result's score.
 *
 * <p><b>Rotated boxes.</b> COCO boxes are axis-aligned; this writer writes a rotated box as
 * FORMATS.md 1.3 says: its hull as the {@code bbox}, its four corners (in the order of {@link
 * org.annotationkit.core.geometry.Box#corners()}) as the segmentation, its angle (degrees,
 * clockwise about the centre, core's convention) as {@code attributes.rotation}, and w * h as the
 * {@code area}. The reader turns such an annotation back into the rotated box {@code <id>/box},
 * without the attribute: an annotation with a numeric {@code attributes.rotation}, no RLE and one
 * polygon of four points that are the corners of a box turned by that angle (to within 1e-9 of its
 * size). Any other annotation with a {@code rotation} attribute (CVAT's COCO export puts one beside
 * a plain {@code bbox} and no corners) is read as it is, the attribute kept, since its {@code bbox}
 * does not say which box was turned.
 *
 * <p>Losses are reported for what the model does not keep: category ids other than 1..N in order,
 * supercategories, {@code info} (but its description) and {@code licenses}, unknown keys, an {@code
 * area} other than the one the shape gives (pixels of a mask, shoelace area of polygons, w * h of a
 * box), a {@code num_keypoints} other than the count of labeled points, polygon parts of fewer than
 * 3 points.
 *
 * <p><b>Streaming.</b> The file is read twice, so its keys may come in any order (annotations
 * before images): the first pass keeps the images and categories and skips the annotations, the
 * second streams the annotations one by one. The source is therefore {@linkplain
 * org.annotationkit.core.dataset.DatasetSource#grouped() ungrouped}: first every image in an entry
 * with no annotations, in file order, then each annotation in an entry with its image, in file
 * order. Only the images and categories are held in memory, so a file the size of COCO 2017 train
 * (450 MB) converts in a heap of 512 MB.
 *
 * <h2>Writing</h2>
 *
 * Categories are the labels of the schema's box, polygon, mask and keypoint fields, in field order,
 * numbered from 1 (FORMATS.md 1.4); a label met only in an annotation is added after them. A parent
 * label is written as the {@code supercategory}. Image ids and annotation ids are kept when they
 * are integers, else numbered (and reported). Results are grouped into COCO annotations by their
 * ids (see the reader's names above: results whose ids agree before the first {@code /} are one
 * instance; a result of another id is one instance); {@code bbox} is the box, or the bounds of the
 * segmentation; {@code area} is the mask's pixel count, the polygons' shoelace area, or the box's w
 * * h; masks are written compressed as {@code pycocotools} writes them, crowd masks ({@value
 * #CROWD} = true) uncompressed as the COCO files hold them; keypoints as {@code x, y, v} triplets
 * in the category's order with {@code num_keypoints}. A rotated box is written as its hull with its
 * corners as the segmentation and its angle as {@code attributes.rotation}, and reported; polygon
 * holes, polylines, text, choices and the other non-region results, annotators, models, times and
 * review states are reported as lost.
 *
 * @since 0.1.0
 */
public final class CocoFormat implements Format {
  /** The name of the schema a COCO file reads as. */
  public static final String SCHEMA_NAME = "coco";

  /** The field of COCO's {@code bbox} boxes. */
  public static final String BOXES = "box";

  /** The field of COCO's polygon segmentations, one result per part. */
  public static final String POLYGONS = "polygon";

  /** The field of COCO's RLE segmentations. */
  public static final String MASKS = "mask";

  /** The keypoints field, when one category has keypoints (else {@code keypoints-<name>}). */
  public static final String KEYPOINTS = "keypoints";

  /** The attribute that marks the results of a crowd annotation ({@code iscrowd = 1}). */
  public static final String CROWD = "iscrowd";

  /** Creates the format; {@link java.util.ServiceLoader} calls this. */
  public CocoFormat() {}

  @Override
  public String name() {
    return "coco";
  }

  @Override
  public String description() {
    return "COCO JSON: images, categories and annotations (boxes, polygons, RLE masks, keypoints)";
  }

  @Override
  public Layout layout() {
    return Layout.FILE;
  }

  @Override
  public Optional<FormatReader> reader() {
    return Optional.of(CocoReader::open);
  }

  @Override
  public Optional<FormatWriter> writer() {
    return Optional.of(CocoWriter::write);
  }

  /**
   * {@link Detection#CERTAIN} for a JSON object whose first 64 KB name {@code "images"} and {@code
   * "annotations"} or {@code "categories"}; {@link Detection#POSSIBLE} for a JSON object that names
   * one of them; {@link Detection#NO} otherwise.
   */
  @Override
  public Detection detect(Path input) {
    String head = FileHead.of(input);
    if (!head.startsWith("{")) {
      return Detection.NO;
    }
    boolean images = head.contains("\"images\"");
    boolean annotations = head.contains("\"annotations\"");
    boolean categories = head.contains("\"categories\"");
    if (images && (annotations || categories)) {
      return Detection.CERTAIN;
    }
    return images || categories ? Detection.POSSIBLE : Detection.NO;
  }
}
