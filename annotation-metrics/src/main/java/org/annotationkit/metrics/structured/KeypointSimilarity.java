package org.annotationkit.metrics.structured;

import java.util.List;
import org.annotationkit.core.geometry.Keypoint;

/**
 * Object keypoint similarity (OKS, as COCO defines it) between two annotators' keypoints of one
 * object: {@code sum_i exp(-d_i^2 / (2 s^2 k_i^2)) / |labelled|} over the keypoints both labelled,
 * with {@code d_i} the distance between the two annotations of keypoint i, {@code s^2} the object's
 * area and {@code k_i} the keypoint's constant.
 *
 * @since 0.1.0
 */
public final class KeypointSimilarity {
  private KeypointSimilarity() {}

  /**
   * OKS of two annotations of the same keypoints, in the same order.
   *
   * @param a one annotator's keypoints
   * @param b the other's, same names in the same order
   * @param area the object's area in square pixels, {@code > 0}
   * @param constants the per-keypoint constants {@code k_i} (COCO's sigmas times 2), one per point
   * @return OKS in [0, 1], NaN when no keypoint was labelled by both
   * @throws IllegalArgumentException if the lists differ in length or names
   */
  public static double of(List<Keypoint> a, List<Keypoint> b, double area, double[] constants) {
    if (a.size() != b.size() || a.size() != constants.length) {
      throw new IllegalArgumentException(
          "need as many keypoints on both sides as constants, got "
              + a.size()
              + ", "
              + b.size()
              + " and "
              + constants.length);
    }
    if (!(area > 0)) {
      throw new IllegalArgumentException("the area must be > 0, got " + area);
    }
    double sum = 0;
    int labelled = 0;
    for (int i = 0; i < a.size(); i++) {
      Keypoint x = a.get(i);
      Keypoint y = b.get(i);
      if (!x.name().equals(y.name())) {
        throw new IllegalArgumentException(
            "keypoint "
                + i
                + " is '"
                + x.name()
                + "' on one side and '"
                + y.name()
                + "' on the"
                + " other");
      }
      if (x.visibility() == Keypoint.Visibility.NOT_LABELED
          || y.visibility() == Keypoint.Visibility.NOT_LABELED) {
        continue;
      }
      double dx = x.x() - y.x();
      double dy = x.y() - y.y();
      double k = constants[i];
      sum += Math.exp(-(dx * dx + dy * dy) / (2 * area * k * k));
      labelled++;
    }
    return labelled == 0 ? Double.NaN : sum / labelled;
  }
}
