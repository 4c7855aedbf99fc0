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
 * Label Studio's JSON-MIN export, {@code labelstudio-min}: a JSON array of flat records, one per
 * annotation, each with the task's data keys, {@code id} (the task's), {@code annotator}, {@code
 * annotation_id}, {@code created_at}, {@code lead_time}, and one key per control holding its values
 * (each a result's {@code value} with {@code original_width} and {@code original_height}); a single
 * choice is collapsed to its label. Records of one task follow each other and become one item; a
 * record without {@code annotation_id} is a task without annotations.
 *
 * <p>Values are read as in {@link LabelStudioFormat}; region ids are made from the annotation id
 * and the value's place ({@code <annotation>-<n>}). Without a labeling config, a key holding a
 * string is data, so single choices need the config to be read. JSON-MIN has no predictions, no
 * scores, no region ids and no cancelled annotations: the writer reports each prediction, score and
 * annotation whose region ids are dropped.
 *
 * <p>Comparisons ({@code Pairwise}, {@code Ranker}) are records with the comparison's data ({@code
 * prompt}, {@code items}, each response under its id) and values {@code [{"selected": "left"}]} and
 * {@code [{"ranker": {...}}]}. A value has no {@code to_name}, so a pairwise choice is read as
 * comparing the two responses the config's {@code Pairwise} names, else the first two: the writer
 * reports and skips a choice between other responses, and a tie, which Label Studio has not.
 *
 * @since 0.1.0
 */
public final class LabelStudioMinFormat implements Format {
  /** Creates the format; {@link java.util.ServiceLoader} calls this. */
  public LabelStudioMinFormat() {}

  @Override
  public String name() {
    return "labelstudio-min";
  }

  @Override
  public String description() {
    return "Label Studio JSON-MIN export: one flat record per annotation";
  }

  @Override
  public Layout layout() {
    return Layout.FILE;
  }

  @Override
  public Optional<FormatReader> reader() {
    return Optional.of((input, context) -> ExportReader.open(input, context, new MinForm()));
  }

  @Override
  public Optional<FormatWriter> writer() {
    return Optional.of(
        (source, output, context) -> ExportWriter.write(source, output, context, true));
  }

  @Override
  public List<FormatOption> options() {
    return List.of(LabelStudioFormat.CONFIG);
  }

  @Override
  public Detection detect(Path input) {
    String head = FileHead.of(input);
    if (head.startsWith("[")
        && head.contains("\"annotation_id\"")
        && head.contains("\"annotator\"")
        && !head.contains("\"annotations\"")) {
      return Detection.CERTAIN;
    }
    return Detection.NO;
  }
}
