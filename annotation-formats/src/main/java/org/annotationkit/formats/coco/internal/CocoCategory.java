package org.annotationkit.formats.coco.internal;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.annotationkit.core.schema.Skeleton;

/**
 * A COCO category as the model keeps it: its name, and for a keypoint category its keypoint names
 * and skeleton edges.
 *
 * @param name the category's name
 * @param color its display colour, {@code #rrggbb}, if the file gives one
 * @param keypoints the names of its keypoints, in COCO's order; empty when it has none
 * @param edges the skeleton's edges between those names
 */
record CocoCategory(
    String name, Optional<String> color, List<String> keypoints, List<Skeleton.Edge> edges) {
  CocoCategory {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(color, "color");
    keypoints = List.copyOf(keypoints);
    edges = List.copyOf(edges);
  }

  /** A category without keypoints. */
  static CocoCategory plain(String name) {
    return new CocoCategory(name, Optional.empty(), List.of(), List.of());
  }

  boolean hasKeypoints() {
    return !keypoints.isEmpty();
  }
}
