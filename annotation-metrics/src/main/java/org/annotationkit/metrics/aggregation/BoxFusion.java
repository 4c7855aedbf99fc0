package org.annotationkit.metrics.aggregation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.annotationkit.core.geometry.Box;
import org.annotationkit.core.geometry.Iou;

/**
 * Fusion of several annotators' boxes of one image into one box per object: boxes of the same label
 * are clustered by IoU, at most one box per annotator in a cluster, and each cluster's coordinates
 * are fused by weighted box fusion, with the number of annotators who agreed.
 *
 * <p>The clustering and fusion follow Solovyev, Wang and Gabruseva, "Weighted boxes fusion:
 * Ensembling boxes from different object detection models", Image and Vision Computing 107, 2021
 * (arXiv:1910.13302), with annotators in the place of models:
 *
 * <ol>
 *   <li>the boxes of a label are taken by decreasing score (then by {@code x, y, width, height,
 *       rotation} and annotator id, so that the input order never matters);
 *   <li>each box joins the cluster whose <em>fused</em> box overlaps it most with IoU strictly
 *       above the {@linkplain #withIouThreshold(double) threshold} (default 0.55, as the paper's
 *       reference code {@code ensemble_boxes}), among the clusters that hold no box of the same
 *       annotator (the one-box-per-annotator rule this library adds; equal IoUs go to the older
 *       cluster); otherwise it starts a cluster;
 *   <li>after every join the fused box is recomputed: each coordinate is the score-weighted mean of
 *       the cluster's ({@code x1 = sum s_i x1_i / sum s_i}, likewise {@code y1, x2, y2}) and the
 *       fused score is the mean score;
 *   <li>at the end the score is rescaled by {@code min(T, N) / N}, {@code T} the cluster's size and
 *       {@code N} the number of annotators of the image: with unit scores it is the share of
 *       annotators who drew the object.
 * </ol>
 *
 * <p>Rotated boxes are fused by their centres, sizes and rotations: each member is first turned by
 * a multiple of 90 degrees (swapping width and height for odd multiples, which leaves the rectangle
 * unchanged) to the representation whose rotation is closest to the cluster's first box, then
 * centre, width, height and rotation are averaged with the scores as weights. Axis-aligned clusters
 * use the corner formula above, which is the same thing.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class BoxFusion {
  private static final BoxFusion DEFAULTS = new BoxFusion(0.55, 1);

  private final double iouThreshold;
  private final int minAgreement;

  private BoxFusion(double iouThreshold, int minAgreement) {
    this.iouThreshold = iouThreshold;
    this.minAgreement = minAgreement;
  }

  /**
   * One annotator's box with its label and score.
   *
   * @param annotator the annotator's id, non-empty
   * @param label the box's label, non-empty
   * @param box the box
   * @param score the box's weight in the fusion, in {@code (0, 1]} (1 for a human's box; a
   *     confidence or the annotator's skill otherwise)
   * @since 0.1.0
   */
  public record AnnotatorBox(String annotator, String label, Box box, double score) {
    /** Checks the parts. */
    public AnnotatorBox {
      Checks.nonEmpty(annotator, "annotator");
      Checks.nonEmpty(label, "label");
      Objects.requireNonNull(box, "box");
      if (!(score > 0 && score <= 1)) {
        throw new IllegalArgumentException("score must be in (0, 1], got " + score);
      }
    }

    /**
     * A box with score 1.
     *
     * @param annotator the annotator's id
     * @param label the label
     * @param box the box
     */
    public AnnotatorBox(String annotator, String label, Box box) {
      this(annotator, label, box, 1.0);
    }
  }

  /**
   * One fused object.
   *
   * @param label the label
   * @param box the fused box
   * @param confidence the rescaled fused score, in {@code (0, 1]}: with unit scores, {@code agreed
   *     / annotatorCount}
   * @param agreed how many annotators' boxes the cluster holds
   * @param annotators their ids, sorted
   * @since 0.1.0
   */
  public record FusedBox(
      String label, Box box, double confidence, int agreed, List<String> annotators) {
    /** Copies the annotators. */
    public FusedBox {
      Objects.requireNonNull(label, "label");
      Objects.requireNonNull(box, "box");
      annotators = List.copyOf(annotators);
    }
  }

  /**
   * The fusion with its defaults: IoU threshold 0.55, every cluster kept.
   *
   * @return the fusion
   */
  public static BoxFusion defaults() {
    return DEFAULTS;
  }

  /**
   * This fusion with another IoU threshold.
   *
   * @param iouThreshold a box joins a cluster only with IoU strictly above it, in {@code [0, 1)}
   * @return a new fusion
   * @throws IllegalArgumentException if the threshold is outside {@code [0, 1)}
   */
  public BoxFusion withIouThreshold(double iouThreshold) {
    if (!(iouThreshold >= 0 && iouThreshold < 1)) {
      throw new IllegalArgumentException("iouThreshold must be in [0, 1), got " + iouThreshold);
    }
    return new BoxFusion(iouThreshold, minAgreement);
  }

  /**
   * This fusion keeping only objects that at least this many annotators drew.
   *
   * @param minAgreement the least cluster size kept, {@code >= 1}
   * @return a new fusion
   * @throws IllegalArgumentException if the count is below 1
   */
  public BoxFusion withMinAgreement(int minAgreement) {
    if (minAgreement < 1) {
      throw new IllegalArgumentException("minAgreement must be >= 1, got " + minAgreement);
    }
    return new BoxFusion(iouThreshold, minAgreement);
  }

  /**
   * Fuses the boxes of one image, counting as its annotators those who drew a box.
   *
   * @param boxes the boxes, in any order
   * @return the fused objects, by label, then decreasing confidence, then position
   */
  public List<FusedBox> fuse(List<AnnotatorBox> boxes) {
    Objects.requireNonNull(boxes, "boxes");
    Set<String> annotators = new HashSet<>();
    for (AnnotatorBox b : boxes) {
      annotators.add(b.annotator());
    }
    return fuse(boxes, annotators.size());
  }

  /**
   * Fuses the boxes of one image.
   *
   * @param boxes the boxes, in any order
   * @param annotatorCount how many annotators looked at the image, those who drew nothing included
   * @return the fused objects, by label, then decreasing confidence, then position
   * @throws IllegalArgumentException if fewer annotators are given than drew boxes
   */
  public List<FusedBox> fuse(List<AnnotatorBox> boxes, int annotatorCount) {
    Objects.requireNonNull(boxes, "boxes");
    TreeMap<String, List<AnnotatorBox>> byLabel = new TreeMap<>();
    Set<String> annotators = new HashSet<>();
    for (AnnotatorBox b : boxes) {
      Objects.requireNonNull(b, "boxes element");
      byLabel.computeIfAbsent(b.label(), k -> new ArrayList<>()).add(b);
      annotators.add(b.annotator());
    }
    if (annotatorCount < annotators.size()) {
      throw new IllegalArgumentException(
          "annotatorCount must be at least the "
              + annotators.size()
              + " annotators who drew boxes, got "
              + annotatorCount);
    }
    List<FusedBox> out = new ArrayList<>();
    for (var entry : byLabel.entrySet()) {
      List<AnnotatorBox> sorted = new ArrayList<>(entry.getValue());
      sorted.sort(ORDER);
      List<Cluster> clusters = new ArrayList<>();
      for (AnnotatorBox b : sorted) {
        Cluster best = null;
        double bestIou = iouThreshold;
        for (Cluster c : clusters) {
          if (c.annotators.contains(b.annotator())) {
            continue;
          }
          double iou = Iou.of(c.fused, b.box());
          if (iou > bestIou) {
            best = c;
            bestIou = iou;
          }
        }
        if (best == null) {
          best = new Cluster();
          clusters.add(best);
        }
        best.add(b);
      }
      for (Cluster c : clusters) {
        if (c.members.size() >= minAgreement) {
          int t = c.members.size();
          double meanScore = c.scoreSum / t;
          out.add(
              new FusedBox(
                  entry.getKey(),
                  c.fused,
                  meanScore * Math.min(t, annotatorCount) / annotatorCount,
                  t,
                  List.copyOf(c.annotators)));
        }
      }
    }
    out.sort(
        Comparator.comparing(FusedBox::label)
            .thenComparing(Comparator.comparingDouble(FusedBox::confidence).reversed())
            .thenComparing(f -> f.box(), BOX_ORDER));
    return List.copyOf(out);
  }

  private static final Comparator<Box> BOX_ORDER =
      Comparator.comparingDouble(Box::x)
          .thenComparingDouble(Box::y)
          .thenComparingDouble(Box::width)
          .thenComparingDouble(Box::height)
          .thenComparingDouble(Box::rotation);

  private static final Comparator<AnnotatorBox> ORDER =
      Comparator.comparingDouble(AnnotatorBox::score)
          .reversed()
          .thenComparing(AnnotatorBox::box, BOX_ORDER)
          .thenComparing(AnnotatorBox::annotator);

  /** A cluster of boxes with its fused box. */
  private static final class Cluster {
    final List<AnnotatorBox> members = new ArrayList<>();
    final TreeSet<String> annotators = new TreeSet<>();
    double scoreSum;
    Box fused = Box.of(0, 0, 0, 0);

    void add(AnnotatorBox b) {
      members.add(b);
      annotators.add(b.annotator());
      scoreSum += b.score();
      fused = fusedBox(members);
    }
  }

  /** The score-weighted fused box of the members (the first fixes the rotation's branch). */
  static Box fusedBox(List<AnnotatorBox> members) {
    boolean rotated = false;
    for (AnnotatorBox m : members) {
      rotated |= m.box().isRotated();
    }
    double total = 0;
    if (!rotated) {
      double x1 = 0;
      double y1 = 0;
      double x2 = 0;
      double y2 = 0;
      for (AnnotatorBox m : members) {
        Box b = m.box();
        double s = m.score();
        x1 += s * b.x();
        y1 += s * b.y();
        x2 += s * (b.x() + b.width());
        y2 += s * (b.y() + b.height());
        total += s;
      }
      x1 /= total;
      y1 /= total;
      return Box.of(x1, y1, Math.max(0, x2 / total - x1), Math.max(0, y2 / total - y1));
    }
    double reference = members.get(0).box().rotation();
    double cx = 0;
    double cy = 0;
    double w = 0;
    double h = 0;
    double r = 0;
    for (AnnotatorBox m : members) {
      Box b = m.box();
      double s = m.score();
      // The turn by k * 90 degrees that brings the rotation closest to the reference.
      double delta = b.rotation() - reference;
      long k = Math.round(delta / 90);
      double rotation = b.rotation() - 90.0 * k;
      boolean swap = (k & 1) != 0;
      cx += s * b.centerX();
      cy += s * b.centerY();
      w += s * (swap ? b.height() : b.width());
      h += s * (swap ? b.width() : b.height());
      r += s * rotation;
      total += s;
    }
    w /= total;
    h /= total;
    return new Box(cx / total - w / 2, cy / total - h / 2, w, h, r / total);
  }

  @Override
  public String toString() {
    return "BoxFusion[iouThreshold=" + iouThreshold + ", minAgreement=" + minAgreement + "]";
  }
}
