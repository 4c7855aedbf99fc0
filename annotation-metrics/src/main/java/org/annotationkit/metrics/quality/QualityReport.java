package org.annotationkit.metrics.quality;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.annotationkit.metrics.aggregation.Aggregation;

/**
 * What a {@link QualityCheck} found: the consensus it judged against, MACE's fit when it ran, one
 * line per annotator (in the answer table's annotator order) and the label-noise report.
 *
 * @param consensus the aggregation that gave each item its consensus label
 * @param spam MACE's aggregation, whose skills are the annotators' competences, when it ran
 * @param annotators one line per annotator, ordered as the answer table codes them; copied
 * @param noise where the labels are noisy
 * @since 0.1.0
 */
public record QualityReport(
    Aggregation consensus,
    Optional<Aggregation> spam,
    List<AnnotatorQuality> annotators,
    LabelNoiseReport noise) {

  /** Checks and copies the parts. */
  public QualityReport {
    Objects.requireNonNull(consensus, "consensus");
    Objects.requireNonNull(spam, "spam");
    annotators = List.copyOf(annotators);
    Objects.requireNonNull(noise, "noise");
  }

  /**
   * One annotator's line.
   *
   * @param annotatorId the annotator's id
   * @return the line, or empty for an annotator without answers
   */
  public Optional<AnnotatorQuality> annotator(String annotatorId) {
    Objects.requireNonNull(annotatorId, "annotatorId");
    for (AnnotatorQuality a : annotators) {
      if (a.annotator().equals(annotatorId)) {
        return Optional.of(a);
      }
    }
    return Optional.empty();
  }

  /**
   * The annotators with at least one flag.
   *
   * @return their lines, in table order
   */
  public List<AnnotatorQuality> flagged() {
    List<AnnotatorQuality> out = new ArrayList<>();
    for (AnnotatorQuality a : annotators) {
      if (!a.flags().isEmpty()) {
        out.add(a);
      }
    }
    return List.copyOf(out);
  }
}
