package org.annotationkit.metrics.structured;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.annotationkit.core.geometry.Iou;
import org.annotationkit.core.geometry.Shape;
import org.annotationkit.metrics.agreement.Agreement;
import org.annotationkit.metrics.agreement.RaterPairs;
import org.annotationkit.metrics.agreement.Weights;

/**
 * Agreement between two annotators' regions (boxes, polygons, masks) of one image: the regions are
 * matched one to one by IoU with the optimal assignment (pairs below the threshold are not
 * matches), then precision, recall and F1 of one annotator against the other, the mean IoU of the
 * matched pairs, and how often matched pairs carry the same label.
 *
 * @since 0.1.0
 */
public final class RegionAgreement {
  private RegionAgreement() {}

  /**
   * A labelled region.
   *
   * @param shape the shape
   * @param label its label
   */
  public record Region(Shape shape, String label) {
    /** Checks the parts. */
    public Region {
      Objects.requireNonNull(shape, "shape");
      Objects.requireNonNull(label, "label");
    }
  }

  /**
   * A matched pair.
   *
   * @param a the index of the first annotator's region
   * @param b the index of the second annotator's region
   * @param iou their IoU
   */
  public record Match(int a, int b, double iou) {}

  /**
   * The result of matching two annotators' regions.
   *
   * @param matches the matched pairs, by the first annotator's index
   * @param regionsA how many regions the first annotator drew
   * @param regionsB how many the second drew
   * @param sameLabel how many matched pairs carry the same label
   */
  public record Result(List<Match> matches, int regionsA, int regionsB, int sameLabel) {
    /** Copies the matches. */
    public Result {
      matches = List.copyOf(matches);
    }

    /**
     * The share of the first annotator's regions matched (the second taken as reference).
     *
     * @return precision, NaN when the first drew nothing
     */
    public double precision() {
      return regionsA == 0 ? Double.NaN : matches.size() / (double) regionsA;
    }

    /**
     * The share of the second annotator's regions matched.
     *
     * @return recall, NaN when the second drew nothing
     */
    public double recall() {
      return regionsB == 0 ? Double.NaN : matches.size() / (double) regionsB;
    }

    /**
     * F1: {@code 2 |matches| / (|A| + |B|)}, symmetric in the annotators.
     *
     * @return F1, 1 when neither drew anything
     */
    public double f1() {
      int total = regionsA + regionsB;
      return total == 0 ? 1 : 2.0 * matches.size() / total;
    }

    /**
     * The mean IoU of the matched pairs.
     *
     * @return the mean, NaN without matches
     */
    public double meanIou() {
      return matches.stream().mapToDouble(Match::iou).average().orElse(Double.NaN);
    }

    /**
     * The share of matched pairs with the same label.
     *
     * @return the share, NaN without matches
     */
    public double labelAgreement() {
      return matches.isEmpty() ? Double.NaN : sameLabel / (double) matches.size();
    }
  }

  /**
   * Matches two annotators' regions.
   *
   * @param a the first annotator's regions
   * @param b the second annotator's regions
   * @param threshold the least IoU of a match, in {@code (0, 1]}, such as 0.5
   * @param sameLabelOnly whether only regions of the same label may match
   * @return the matching
   */
  public static Result match(
      List<Region> a, List<Region> b, double threshold, boolean sameLabelOnly) {
    if (!(threshold > 0 && threshold <= 1)) {
      throw new IllegalArgumentException("the IoU threshold must be in (0, 1], got " + threshold);
    }
    int n = a.size();
    int m = b.size();
    double[] iou = new double[n * m];
    double[] score = new double[n * m];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < m; j++) {
        boolean allowed = !sameLabelOnly || a.get(i).label().equals(b.get(j).label());
        double value = allowed ? Iou.of(a.get(i).shape(), b.get(j).shape()) : 0;
        iou[i * m + j] = value;
        // Pairs below the threshold score nothing, so the assignment never prefers them.
        score[i * m + j] = value >= threshold ? value : 0;
      }
    }
    List<Match> matches = new ArrayList<>();
    int same = 0;
    if (n > 0 && m > 0) {
      int[] match = Assignment.maximise(score, n, m);
      for (int i = 0; i < n; i++) {
        int j = match[i];
        if (j >= 0 && iou[i * m + j] >= threshold) {
          matches.add(new Match(i, j, iou[i * m + j]));
          if (a.get(i).label().equals(b.get(j).label())) {
            same++;
          }
        }
      }
    }
    return new Result(matches, n, m, same);
  }

  /**
   * Cohen's kappa of the labels of matched pairs, over all images.
   *
   * @param results the matchings of each image, with the regions they matched
   * @param labelsA the first annotator's regions of each image
   * @param labelsB the second annotator's regions of each image
   * @param categories the labels, in order
   * @return kappa over the matched pairs
   */
  public static Agreement matchedLabelKappa(
      List<Result> results,
      List<List<Region>> labelsA,
      List<List<Region>> labelsB,
      List<String> categories) {
    int q = categories.size();
    long[][] table = new long[q][q];
    for (int image = 0; image < results.size(); image++) {
      for (Match match : results.get(image).matches()) {
        int x = categories.indexOf(labelsA.get(image).get(match.a()).label());
        int y = categories.indexOf(labelsB.get(image).get(match.b()).label());
        if (x < 0 || y < 0) {
          throw new IllegalArgumentException("a matched region's label is not in " + categories);
        }
        table[x][y]++;
      }
    }
    return RaterPairs.cohen(table, Weights.identity(q));
  }

  /**
   * The mean F1 over every pair of annotators of one image.
   *
   * @param annotators each annotator's regions
   * @param threshold the least IoU of a match
   * @return the mean pairwise F1, NaN with fewer than two annotators
   */
  public static double pairwiseF1(List<List<Region>> annotators, double threshold) {
    double sum = 0;
    int pairs = 0;
    for (int x = 0; x < annotators.size(); x++) {
      for (int y = x + 1; y < annotators.size(); y++) {
        sum += match(annotators.get(x), annotators.get(y), threshold, false).f1();
        pairs++;
      }
    }
    return pairs == 0 ? Double.NaN : sum / pairs;
  }
}
