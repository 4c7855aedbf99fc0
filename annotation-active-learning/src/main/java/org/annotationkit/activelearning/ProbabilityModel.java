package org.annotationkit.activelearning;

import java.util.Objects;

/**
 * A trained model that gives class probabilities for an item's features: the capability every
 * uncertainty, committee and review sampler needs, and all the active-learning loop asks of a
 * model. Adapters wrap a library's classifier (see the Smile module); a user's own model implements
 * it in a few lines.
 *
 * @since 0.1.0
 */
public interface ProbabilityModel {
  /**
   * The number of classes; codes are {@code 0 .. classes() - 1}.
   *
   * @return the number of classes
   */
  int classes();

  /**
   * Writes the class probabilities of one item into {@code out}.
   *
   * @param features the item's features
   * @param out an array of at least {@link #classes()} values, overwritten
   */
  void predict(double[] features, double[] out);

  /**
   * The probabilities of many items, row-major doubles.
   *
   * @param features one feature vector per item
   * @param ids the items' identifiers, as many as feature vectors
   * @return the probabilities
   */
  default Probabilities predictAll(double[][] features, ItemIds ids) {
    Objects.requireNonNull(features, "features");
    int c = classes();
    double[] values = new double[features.length * c];
    double[] row = new double[c];
    for (int i = 0; i < features.length; i++) {
      predict(features[i], row);
      System.arraycopy(row, 0, values, i * c, c);
    }
    return Probabilities.of(values, c, Layout.ROW_MAJOR, ids);
  }
}
