package org.annotationkit.formats.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.annotationkit.core.annotation.Annotation;
import org.annotationkit.core.dataset.DatasetEntry;
import org.annotationkit.formats.ConversionContext;
import org.annotationkit.formats.LossObject;

/**
 * What the formats of one label file per image share when they write: one annotation per image, the
 * newest by creation time (the last given when times are missing or equal), the others reported as
 * dropped.
 */
public final class PerImage {
  private PerImage() {}

  /**
   * The annotation of an image that its label file holds.
   *
   * @param entry the image and its annotations (all of them: a grouped entry)
   * @param image how losses name the image
   * @param format the target format's name, for the losses' reasons
   * @param context where the dropped annotations are reported
   * @return the annotation, or empty when the image has none
   */
  public static Optional<Annotation> choose(
      DatasetEntry entry, String image, String format, ConversionContext context) {
    List<Annotation> annotations = entry.annotations();
    if (annotations.isEmpty()) {
      return Optional.empty();
    }
    int kept = 0;
    for (int i = 1; i < annotations.size(); i++) {
      if (!created(annotations.get(i)).isBefore(created(annotations.get(kept)))) {
        kept = i;
      }
    }
    Annotation chosen = annotations.get(kept);
    for (int i = 0; i < annotations.size(); i++) {
      Annotation other = annotations.get(i);
      if (i != kept) {
        context.lose(
            LossObject.image(image).withAnnotation(other.id()),
            "annotation dropped",
            format
                + " holds one annotation per image: kept the newest, "
                + chosen.id()
                + " by "
                + chosen.annotatorId()
                + ", not this one by "
                + other.annotatorId());
      }
    }
    return Optional.of(chosen);
  }

  private static Instant created(Annotation annotation) {
    return annotation.createdAt().orElse(Instant.MIN);
  }
}
