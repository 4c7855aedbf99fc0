package org.annotationkit.formats.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.annotationkit.core.annotation.Annotation;
import org.annotationkit.core.annotation.Result;
import org.annotationkit.core.dataset.DatasetEntry;
import org.annotationkit.formats.ConversionContext;
import org.annotationkit.formats.LossObject;

/**
 * What the formats of one label file per image share when they write: one labeling per image, the
 * newest annotation by creation time (the last given when times are missing or equal) together with
 * every other annotation of the image by the same annotator with the same origin, time and review
 * state (COCO gives each instance an annotation of its own: they are one labeling, and a COCO file
 * converts to VOC or YOLO with all its objects), the others reported as dropped.
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
    int chosenIndex = 0;
    for (int i = 1; i < annotations.size(); i++) {
      if (!created(annotations.get(i)).isBefore(created(annotations.get(chosenIndex)))) {
        chosenIndex = i;
      }
    }
    Annotation chosen = annotations.get(chosenIndex);
    List<Result> merged = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    boolean[] kept = new boolean[annotations.size()];
    int keptCount = 0;
    for (int i = 0; i < annotations.size(); i++) {
      Annotation annotation = annotations.get(i);
      if (i == chosenIndex
          || (sameLabeling(annotation, chosen) && disjoint(annotation, chosen, ids))) {
        kept[i] = true;
        keptCount++;
        merged.addAll(annotation.results());
        annotation.results().forEach(r -> ids.add(r.id()));
      }
    }
    for (int i = 0; i < annotations.size(); i++) {
      Annotation other = annotations.get(i);
      if (!kept[i]) {
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
    if (keptCount > 1) {
      chosen =
          new Annotation(
              chosen.id(),
              chosen.itemId(),
              chosen.annotatorId(),
              merged,
              chosen.origin(),
              chosen.createdAt(),
              chosen.leadTimeSeconds(),
              chosen.reviewState());
    }
    return Optional.of(chosen);
  }

  private static boolean sameLabeling(Annotation a, Annotation b) {
    return a.annotatorId().equals(b.annotatorId())
        && a.origin().equals(b.origin())
        && a.createdAt().equals(b.createdAt())
        && a.reviewState() == b.reviewState();
  }

  /** Whether the results of {@code a} have ids unused so far (the chosen one's always count). */
  private static boolean disjoint(Annotation a, Annotation chosen, Set<String> ids) {
    for (Result result : a.results()) {
      if (ids.contains(result.id()) || chosen.result(result.id()).isPresent()) {
        return false;
      }
    }
    return true;
  }

  private static Instant created(Annotation annotation) {
    return annotation.createdAt().orElse(Instant.MIN);
  }
}
