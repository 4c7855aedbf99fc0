package org.annotationkit.formats.labelstudio;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.annotationkit.formats.Format;
import org.annotationkit.formats.FormatOption;
import org.annotationkit.formats.FormatReader;
import org.annotationkit.formats.FormatWriter;
import org.annotationkit.formats.internal.FileHead;

/**
 * Label Studio's JSON export, {@code labelstudio}: a JSON array of tasks, each with its {@code
 * data} (an image reference, a text, an audio reference, or the responses to compare), {@code
 * annotations} (legacy {@code completions}) and {@code predictions}, read task by task with a
 * streaming parser.
 *
 * <h2>Reading</h2>
 *
 * <ul>
 *   <li>Image results: {@code rectanglelabels} (boxes), {@code polygonlabels}, {@code
 *       keypointlabels} (one point each, named by its label; the schema's skeleton lists the
 *       labels), {@code brushlabels} (masks from {@link BrushRle}, a pixel being in the mask when
 *       its alpha value is not 0), {@code choices} (single choice, or multiple when the config says
 *       {@code choice="multiple"} or, without a config, when a result has other than one choice).
 *       Other result types are skipped and reported.
 *   <li>Coordinates are percentages of the result's {@code original_width} and {@code
 *       original_height} (else of the task's image size): pixel = percent / 100 * size, no
 *       rounding. A rectangle's {@code rotation} (degrees clockwise about its top-left corner) is
 *       applied in pixel space and kept as core's rotation about the centre, so a rotated box stays
 *       a rotated box; only when the config's control has {@code canRotate="false"} is it reduced
 *       to its hull, reported. A negative width or height gives the same rectangle with positive
 *       sizes, reported.
 *   <li>An image task is one image item, its id the task's id; the image's size comes from the
 *       first result that gives it, else from the sizes table ({@code --sizes}, by file name); a
 *       task with neither is skipped, reported. The image reference is the data key of the config's
 *       {@code <Image>}, else {@code image}, else the first string of {@code data}; the other
 *       scalar data values become the item's metadata.
 *   <li>Each annotation is one annotation, by its {@code completed_by} (a user id, or the e-mail of
 *       a user object), so several annotators of a task stay apart. Cancelled annotations ({@code
 *       was_cancelled}) never contribute: they are skipped and reported. Predictions are
 *       annotations whose origin is the model {@code model_version} (with the prediction's {@code
 *       score}), their id {@code prediction-<id>}, and keep each result's {@code score}.
 *   <li>The schema comes from the labeling config ({@code --option config=FILE}): one field per
 *       control, named by the control, labels in the config's order; labels the results use that
 *       the config lacks are added after them, reported. Without a config the schema is inferred
 *       from the results of annotations that count, fields and labels in the order they first
 *       appear in the file. Either way the file is read twice, streaming: once for the schema, once
 *       for the items.
 *   <li>Text, audio and comparison tasks. What a task shows comes from the config (a {@code
 *       Pairwise} or {@code Ranker} makes a comparison, else the object the first control labels)
 *       or, without one, from its results and data keys ({@code text}, {@code audio}, {@code
 *       items}). A text task is a text item (its data key that of the config's {@code <Text>}, else
 *       {@code text}); an audio task an audio item, lasting the results' {@code original_length}
 *       (else the task's {@code meta}, else the end of its last segment, reported); a comparison
 *       has the items of its {@code <List>} ({@code id}, {@code body}, {@code model}) or the texts
 *       its {@code Pairwise} compares as responses, and {@code prompt} as its prompt.
 *   <li>{@code labels} results are spans of text in code points, or segments of audio in seconds (a
 *       channel other than 0 reported). Label Studio exports from before the code-point fix count
 *       UTF-16 units: each span's recorded {@code text} is compared with the item's text at both
 *       readings, the matching one used, and every span read as UTF-16 units is reported ({@code
 *       UTF-16 offsets converted}); a span with no text to check, where the readings differ, is
 *       read as code points and reported ({@code span offsets unchecked}), and one whose text
 *       matches neither is reported ({@code span text differs}).
 *   <li>{@code choices} (on any item), {@code taxonomy} (multiple choice over the schema's label
 *       tree, each path read as its last node), {@code textarea} (free text, or a transcription
 *       when the control is {@code perRegion} or labels audio: one that shares a region's id is
 *       that region's, its id {@code <region>:<control>}; several submissions joined by line
 *       breaks, reported), {@code rating} (a Likert scale of the config's {@code maxRating},
 *       default 5), {@code pairwise} ({@code left} is the first response), {@code ranker} ({@code
 *       {"<ranker name>": [ids]}}, or a bare list, is a ranking; any other object names buckets,
 *       each an ordered list of ids, read as a bucketed ranking with the buckets in their order,
 *       Label Studio's {@code "_"} column of items left in the list kept as a bucket {@code _}) and
 *       {@code relation} results (field {@code relations}, id {@code <from>-><to>}: {@code left}
 *       turned round, {@code bi} read as from to to and reported, the first label kept).
 *   <li>Not kept: drafts (reported), the dot size of keypoints (reported), {@code image_rotation}
 *       (reported, coordinates read as they are), per-region results sharing a region's id
 *       (reported), {@code ground_truth}, {@code updated_at}, and the task fields outside {@code
 *       data}.
 * </ul>
 *
 * <h2>Writing</h2>
 *
 * One task per item with its annotations and predictions (model origins). Texts and audio are
 * written under the config's data key (else {@code text}, {@code audio}; an audio's duration in the
 * task's {@code meta} and each result's {@code original_length}); a comparison as {@code prompt},
 * {@code items} (its responses) and each response again under its id. Spans carry their covered
 * text and code-point offsets; relations have no id in Label Studio, and a per-region transcription
 * takes its region's (a result id other than the reader's is reported); ties and rating scales that
 * are not whole stars from 1 are reported. Images: results in percentages of the image size with
 * full double precision, the rotation about the top-left corner, ids as they are (integers where
 * they are decimal integers, so a file read and written keeps its ids). Everything the export
 * cannot hold is reported: attributes, polygon holes, review states, keypoints of several points
 * (written one result per point, labeled by point name), keypoint visibility, values of kinds that
 * have no result on the item's kind. JSON-MIN is written for images only; other items are reported
 * there.
 *
 * @since 0.1.0
 */
public final class LabelStudioFormat implements Format {
  static final FormatOption CONFIG =
      new FormatOption(
          "config",
          "a Label Studio labeling config (XML) fixing the fields and the label order;"
              + " without it they are inferred from the results in first-seen order",
          List.of());

  /** Creates the format; {@link java.util.ServiceLoader} calls this. */
  public LabelStudioFormat() {}

  @Override
  public String name() {
    return "labelstudio";
  }

  @Override
  public String description() {
    return "Label Studio JSON export: an array of tasks with annotations and predictions";
  }

  @Override
  public Layout layout() {
    return Layout.FILE;
  }

  @Override
  public Optional<FormatReader> reader() {
    return Optional.of((input, context) -> ExportReader.open(input, context, ExportReader.FULL));
  }

  @Override
  public Optional<FormatWriter> writer() {
    return Optional.of(
        (source, output, context) -> ExportWriter.write(source, output, context, false));
  }

  @Override
  public List<FormatOption> options() {
    return List.of(CONFIG);
  }

  @Override
  public Detection detect(Path input) {
    String head = FileHead.of(input);
    if (!head.startsWith("[")) {
      return Detection.NO;
    }
    if (head.contains("\"data\"")
        && (head.contains("\"annotations\"")
            || head.contains("\"predictions\"")
            || head.contains("\"completions\""))) {
      return Detection.CERTAIN;
    }
    return Detection.NO;
  }
}
