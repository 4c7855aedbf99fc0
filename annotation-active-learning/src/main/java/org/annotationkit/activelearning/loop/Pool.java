package org.annotationkit.activelearning.loop;

import java.util.List;
import java.util.Objects;
import org.annotationkit.activelearning.ItemIds;

/**
 * A labeled dataset replayed as if it were being labeled: the pool (whose labels are revealed as
 * they are picked) and a test set (never picked, only scored). Feature arrays are copied in.
 *
 * @param classes the class names, by code
 * @param ids the pool items' identifiers
 * @param features one feature vector per pool item
 * @param labels each pool item's true class code
 * @param testFeatures one feature vector per test item
 * @param testLabels each test item's class code
 * @since 0.1.0
 */
// The arrays are copied in and out, and equals and hashCode compare their contents.
@SuppressWarnings("ArrayRecordComponent")
public record Pool(
    List<String> classes,
    ItemIds ids,
    double[][] features,
    int[] labels,
    double[][] testFeatures,
    int[] testLabels) {
  /** Checks that the parts fit together and copies the arrays. */
  public Pool {
    classes = List.copyOf(classes);
    Objects.requireNonNull(ids, "ids");
    features = copy(features);
    labels = labels.clone();
    testFeatures = copy(testFeatures);
    testLabels = testLabels.clone();
    if (features.length != ids.size() || labels.length != ids.size()) {
      throw new IllegalArgumentException(
          ids.size()
              + " pool ids, "
              + features.length
              + " feature vectors and "
              + labels.length
              + " labels: they must agree");
    }
    if (testFeatures.length != testLabels.length || testLabels.length == 0) {
      throw new IllegalArgumentException(
          "the test set needs as many labels as feature vectors, at least one; got "
              + testFeatures.length
              + " and "
              + testLabels.length);
    }
    for (int[] ys : new int[][] {labels, testLabels}) {
      for (int y : ys) {
        if (y < 0 || y >= classes.size()) {
          throw new IllegalArgumentException(
              "label code " + y + " outside [0, " + classes.size() + ")");
        }
      }
    }
  }

  private static double[][] copy(double[][] rows) {
    double[][] out = new double[rows.length][];
    for (int i = 0; i < rows.length; i++) {
      out[i] = rows[i].clone();
    }
    return out;
  }

  /**
   * The number of pool items.
   *
   * @return the pool's size
   */
  public int size() {
    return labels.length;
  }

  @Override
  public double[][] features() {
    return copy(features);
  }

  @Override
  public int[] labels() {
    return labels.clone();
  }

  @Override
  public double[][] testFeatures() {
    return copy(testFeatures);
  }

  @Override
  public int[] testLabels() {
    return testLabels.clone();
  }

  double[][] featuresView() {
    return features;
  }

  int[] labelsView() {
    return labels;
  }

  double[][] testFeaturesView() {
    return testFeatures;
  }

  int[] testLabelsView() {
    return testLabels;
  }

  @Override
  public boolean equals(@org.jspecify.annotations.Nullable Object other) {
    return other instanceof Pool that
        && classes.equals(that.classes)
        && ids.equals(that.ids)
        && java.util.Arrays.deepEquals(features, that.features)
        && java.util.Arrays.equals(labels, that.labels)
        && java.util.Arrays.deepEquals(testFeatures, that.testFeatures)
        && java.util.Arrays.equals(testLabels, that.testLabels);
  }

  @Override
  public int hashCode() {
    return Objects.hash(classes, ids, java.util.Arrays.hashCode(labels));
  }

  @Override
  public String toString() {
    return "Pool["
        + size()
        + " items, "
        + testLabels.length
        + " test, "
        + classes.size()
        + " classes]";
  }
}
